"""articles.dates' shortcuts hold to their plain forms: the digit clusters, and the substring gates that let a
year phrase's case-blind scan be skipped."""

from __future__ import annotations

import random
import re
import sys

from articles.dates import _AFTER, _BEFORE, _digit_cluster, _gate, _Lowered, digit_lead, year_anchor
from articles.rules import get_rules

_PLAIN_CLUSTER = re.compile(rf"{digit_lead()}\d*(?:\D{{1,{_BEFORE + _AFTER}}}\d+)*")


def test_digit_clusters_are_the_plain_pattern() -> None:
    rnd = random.Random(2)
    for _ in range(3000):
        s = "".join(rnd.choice("0123456789٣ ab\n.,") if rnd.random() < 0.3 else "x" for _ in range(rnd.randint(0, 400)))
        assert [m.span() for m in _digit_cluster().finditer(s)] == [m.span() for m in _PLAIN_CLUSTER.finditer(s)]


def _year_patterns() -> list[re.Pattern[str]]:
    rules = get_rules()
    return [p for ld in rules.languages.values() for p in (*ld.past_year, *ld.current_year)]


def test_every_configured_year_phrase_has_a_gate() -> None:
    assert all(_gate(p) is not None for p in _year_patterns())


def test_gates_are_what_re_matches_case_blind() -> None:
    """Every character re matches case-blind to a gate character either lower-cases to it, is a listed fold, or is
    one _Lowered refuses to lower (İ, Σ): the substring test on the lower-cased text cannot miss a match."""
    everything = "".join(chr(o) for o in range(sys.maxunicode + 1) if not 0xD800 <= o <= 0xDFFF)
    for pat in _year_patterns():
        strings, lower, folds = _gate(pat)  # type: ignore[misc]
        assert lower
        for ch in {c for s in strings for c in s}:
            for x in re.findall(re.escape(ch), everything, re.IGNORECASE):
                assert x.lower() == ch or x in folds or x in "İΣ", (pat.pattern, ch, x)


def test_gated_scans_find_what_full_scans_find() -> None:
    rules = get_rules()
    pieces = ["in 2024 alone", "2025, which has just ended", "the past year, 2023", "last year (2022)",
              "by the end of 2026", "BY THE END OF 2026", "прошедшего 2024", "ПРОШЕДШЕГО 2024", "по итогам 2023",
              "năm 2024 vừa qua", "cả năm 2023", "trong năm 2025 sẽ", "in March 2025", "on 3 March", "ſ", "ᲂ", "İ",
              "Σ", "Bу thе еnd", "будет", "will", "2021", ". ", "\n", "x"]
    rnd = random.Random(4)
    plain = _Lowered.cannot_match
    for _ in range(400):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        for pat in _year_patterns():
            if _Lowered(text).cannot_match(pat):
                assert pat.search(text) is None, (pat.pattern, text)
        got = year_anchor(text, "en", rules)
        try:
            _Lowered.cannot_match = lambda self, pat: False  # type: ignore[method-assign]
            from articles import dates

            assert dates._year_anchor.__wrapped__(text, "en", rules) == got, text
        finally:
            _Lowered.cannot_match = plain  # type: ignore[method-assign]


def _plain_window_spans(text: str) -> list[tuple[int, int]]:
    """_window_spans as first written: the widened end computed for every cluster, max() for the word break."""
    from articles.dates import _widen_end

    spans: list[tuple[int, int]] = []
    n = len(text)
    cs = ce = -1
    for m in _PLAIN_CLUSTER.finditer(text):
        ms, me = m.span()
        s = ms - _BEFORE if ms > _BEFORE else 0
        e = me + _AFTER if me + _AFTER < n else n
        if s > 0:
            lo = max(0, s - 40)
            ws = max(text.rfind(" ", lo, s), text.rfind("\n", lo, s))
            s = ws + 1 if ws >= 0 else lo
        if cs >= 0:
            we = _widen_end(text, ce, n)
            if s <= we:
                ce = e
                continue
            spans.append((cs, we))
        cs, ce = s, e
    if cs >= 0:
        spans.append((cs, _widen_end(text, ce, n)))
    return spans


def test_window_spans_are_the_plain_loop() -> None:
    from articles.dates import _window_spans

    rnd = random.Random(7)
    for _ in range(5000):
        s = "".join(rnd.choice("0123456789 \nab.") if rnd.random() < 0.2 else "x" for _ in range(rnd.randint(0, 500)))
        assert _window_spans(s) == _plain_window_spans(s), s
