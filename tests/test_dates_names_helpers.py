"""The speed helpers of dates.py and names.py give what the plain patterns they replace give."""

from __future__ import annotations

import re
import sys

from articles.dates import _trie, _Windows, digit_lead, find_dates
from articles.names import _has_astral


def test_digit_lead_is_exactly_a_digit() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(digit_lead(), every) == re.findall(r"\d", every)


def test_trie_matches_what_the_alternation_matches() -> None:
    words = ["jan", "jun", "jul", "mar", "may", "ma", "мая", "мар"]
    trie = re.compile(f"(?:{_trie(sorted(words))})$")
    for w in [*words, "j", "ju", "mai", "м", "x", ""]:
        assert bool(trie.match(w)) == (w in words), w


def test_windows_map_back_to_the_text() -> None:
    text = "Intro words. " * 20 + "On March 5, 2024 at 10:30 " + "filler " * 40 + "and 12 мая 2021 г."
    w = _Windows(text)
    assert "\x00" in w.joined
    for m in re.finditer(r"\d+", w.joined):
        pos = w.text_pos(m.start())
        assert text[pos : pos + len(m.group())] == m.group()
    assert [(d.month, d.day, d.year) for d in find_dates(text, "en")] == [(3, 5, 2024), (5, 12, 2021)]


def test_astral_check() -> None:
    astral = re.compile("[\U00010000-\U0010ffff]")
    for t in ["", "abc", "héllo “x”", "Москва", "x\U0001d400y", "\ud800z", "ok \U0001f600"]:
        assert _has_astral(t) == (astral.search(t) is not None), t
