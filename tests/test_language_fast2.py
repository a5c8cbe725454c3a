"""articles.language lists a sample's words from its lower case: the same words, lower-cased, as lower-casing each."""

from __future__ import annotations

import random
import re
import sys

from articles.language import _WORD, detect_language


def test_lower_case_keeps_letters_letters() -> None:
    """What detect_language relies on: lower case turns a letter into one letter and a non-letter into one
    non-letter, for every code point but İ (and Σ lowers by its context): word runs keep their places."""
    for o in range(sys.maxunicode + 1):
        if 0xD800 <= o <= 0xDFFF:
            continue
        c = chr(o)
        low = c.lower()
        if low != c and c != "İ":
            assert len(low) == 1 and bool(_WORD.fullmatch(c)) == bool(_WORD.fullmatch(low)), hex(o)


def test_words_from_the_lower_case() -> None:
    rnd = random.Random(6)
    alphabet = "aBcÀàĐđ ,.'\nΣσςΑİiІЯя1_"
    for _ in range(5000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        low = s.lower()
        if len(low) == len(s) and "Σ" not in s:
            assert _WORD.findall(low) == [w.lower() for w in _WORD.findall(s)], s


def test_detect_language_keeps_its_answers() -> None:
    assert detect_language("The minister said on Monday that the plan of the government is ready.") == "en"
    assert detect_language("Thủ tướng cho biết kế hoạch của chính phủ đã sẵn sàng và sẽ được triển khai.") == "vi"
    assert detect_language("ΑΣ'Β the of and " * 5, use_model=False) == "en"
    assert re.fullmatch(r"[a-z]{2}", detect_language("İSTANBUL the and of to in " * 5, use_model=False) or "")


def test_bmp_words_and_share_are_the_plain_forms() -> None:
    from articles.language import _VI_ONLY, _bmp_words, _count, _has_astral, _share_above

    rnd = random.Random(9)
    alphabet = "aZ ạẠđ1_\n\u0300\u00b2Ⅻ\u2160ǅ\U0001d400"
    for _ in range(5000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20)))
        assert _has_astral(s) == any(ord(c) > 0xFFFF for c in s)
        if not _has_astral(s):
            assert _bmp_words().findall(s) == _WORD.findall(s), s
        total = rnd.randint(1, 20)
        assert _share_above(_VI_ONLY, s, total, 0.05) == (_count(_VI_ONLY, s) / total > 0.05)


def test_bmp_class_is_every_bmp_letter() -> None:
    from articles.language import _bmp_words

    one = re.compile(_bmp_words().pattern[:-1])  # the class alone
    assert all(bool(one.fullmatch(chr(o))) == bool(_WORD.fullmatch(chr(o))) for o in range(0x10000))
