"""articles.html's cheaper checks equal the plain ones they stand for, on random text."""

from __future__ import annotations

import random
import re

from articles.html import _SENTENCE_END, _WORD, _covers, _holds_words_of

_PLAIN_SENTENCE_END = re.compile(r"[。！？]|[.!?…»”\"')]\s|[.!?…]$")
_ALPHABET = "ab Ab.!?…»”\"')。！？,\n\t\u00a0ßẞİσΣς1_-"


def _plain_covers(text: str, prose: str, share: float) -> bool:
    want = _WORD.findall(prose.casefold())
    if not want:
        return True
    have = set(_WORD.findall(text.casefold()))
    return sum(w in have for w in want) >= share * len(want)


def test_sentence_end_is_the_plain_pattern() -> None:
    rnd = random.Random(7)
    for _ in range(20000):
        s = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 8)))
        assert bool(_SENTENCE_END.search(s)) == bool(_PLAIN_SENTENCE_END.search(s)), s


def test_covers_is_the_plain_count() -> None:
    rnd = random.Random(11)
    for _ in range(20000):
        text = "".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 14)))
        prose = "\n\n".join("".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 4))) for _ in range(3))
        if rnd.random() < 0.5:  # mostly a paragraph that occurs in the text
            a = rnd.randint(0, len(text))
            prose = text[a : rnd.randint(a, len(text))] + "\n\n" + prose.split("\n\n")[0]
        for share in (0.5, 1.0, 1.5):
            assert _covers(text, prose, share) == _plain_covers(text, prose, share), (text, prose, share)
        if _holds_words_of(text, prose):
            assert set(_WORD.findall(prose.casefold())) <= set(_WORD.findall(text.casefold()))
