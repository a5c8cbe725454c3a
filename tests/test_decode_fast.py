"""articles.decode's cheaper scans find what the plain patterns find, on random text."""

from __future__ import annotations

import random

from articles.decode import (
    _MOJIBAKE,
    _MOJIBAKE_1251,
    _MOJIBAKE_1251_SCAN,
    _MOJIBAKE_SEEN,
    _WS,
    _few_spaces,
    _signatures_1251,
    normalise,
)

_ALPHABET = "aÂÃÐÑáâ€\u0080º»¡¿Œ™РСвЂ„Ѓ\u0098Ђ \n\t\u00a0\u200b\u00ad\r"


def test_scans_match_the_plain_patterns() -> None:
    rnd = random.Random(5)
    for _ in range(30000):
        s = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 10)))
        assert bool(_MOJIBAKE_SEEN.search(s)) == bool(_MOJIBAKE.search(s)), s
        assert [m.span() for m in _MOJIBAKE_1251_SCAN.finditer(s)] == [m.span() for m in _MOJIBAKE_1251.finditer(s)]
        assert _signatures_1251(s) == min(3, len(_MOJIBAKE_1251.findall(s)))


def test_few_spaces_and_ascii_normalise() -> None:
    rnd = random.Random(3)
    for _ in range(3000):
        head = "".join(rnd.choice("ab \n") if rnd.random() < 0.05 else "x" for _ in range(rnd.randint(0, 700)))
        assert _few_spaces(head) == (len(_WS.findall(head)) < len(head) * 0.01)
    fixes: list[str] = []
    assert normalise("a\tb\r\nc\rd", fixes) == "a b\nc\nd" and fixes == []


def _plain_plausible(word: str) -> bool:
    latin_extra = set("ĂăĐđĨĩŨũƠơƯưŒœŠšŽžŸ")
    cyr = sum(1 for ch in word if "\u0410" <= ch <= "\u044f" or ch in "Ёё")
    if cyr == len(word):
        return not any(a.islower() and b.isupper() for a, b in zip(word, word[1:], strict=False))
    if cyr:
        return False
    accented = 0
    for ch in word:
        if ch.isascii():
            continue
        if "\u00c0" <= ch <= "\u00ff" or "\u1ea0" <= ch <= "\u1ef9" or ch in latin_extra:
            accented += 1
        else:
            return False
    return accented <= max(1, len(word) // 2)


def test_plausible_is_the_plain_loop() -> None:
    from articles.decode import _plausible

    rnd = random.Random(1)
    alphabet = "aZйЙёЁЯяÀÿ×ĂơŸŒĐẠỹŚÌîñ\u0400\u0450\u040f"
    for _ in range(50000):
        w = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 7)))
        assert _plausible(w) == _plain_plausible(w), w


def test_hole_words_are_the_plain_pattern() -> None:
    import re

    from articles.decode import _HOLE_WORD

    plain = re.compile("[\\w\U000f0000-\U000fffff]*[\U000f0000-\U000fffff][\\w\U000f0000-\U000fffff]*")
    rnd = random.Random(9)
    for _ in range(20000):
        s = "".join(rnd.choice("aя1_ .\U000f0000\U000f0003") for _ in range(rnd.randint(0, 12)))
        assert [m.span() for m in _HOLE_WORD.finditer(s)] == [m.span() for m in plain.finditer(s)], s
