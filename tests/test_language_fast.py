"""The cheap counts of articles.language equal the regexes they replace, on every code point."""

from __future__ import annotations

import re

from articles.language import _UK_LETTERS, _UK_ONLY, _VI_LETTERS, _VI_ONLY, _count, _cyrillic, _letters_at_most


def test_either_case_is_ignorecase() -> None:
    for letters, spelled in ((_VI_LETTERS, _VI_ONLY), (_UK_LETTERS, _UK_ONLY)):
        ignorecase = re.compile(f"[{letters}]", re.IGNORECASE)
        one = re.compile(spelled.pattern[:-1])
        assert [c for c in range(0x110000) if ignorecase.fullmatch(chr(c))] == [
            c for c in range(0x110000) if one.fullmatch(chr(c))
        ]


_CYR = re.compile("[\u0400-\u04ff]+")  # the plain count _cyrillic replaces


def test_cyrillic_count_and_letter_bound() -> None:
    word = re.compile(r"[^\W\d_]+")
    for text in ("Привет, мир! Ѐ҂҃ 123", "Hà Nội — «тест» 😀 ЀӿԀ\udc80 x_y", "", "abc", "\u0400\u04ff\u0500\u03ff"):
        assert _cyrillic(text) == _count(_CYR, text)
        assert _letters_at_most(text) >= sum(map(len, word.findall(text)))
