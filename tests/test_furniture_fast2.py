"""Rules.furniture_kind tries a line against the at-start patterns its first character allows and the anywhere
patterns its words allow: it must give what the two whole alternations give."""

from __future__ import annotations

from articles.regex_compat import parser
from articles.rules import Rules, _first_of, _opening, get_rules
from tests.test_line_verdicts import LINES as LINE_VERDICT_LINES

LINES = [
    "Sign up for our newsletter today",
    "SUBSCRIBE now",
    "ſubscribe now",  # a long s: "s" under re.IGNORECASE
    "\u212aeywords: election, budget",  # a Kelvin sign: "K" under re.IGNORECASE
    "İstanbul Reporting by Jane Doe",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "[Additional reporting by Jane Doe]",
    "   reporting by Jane Doe",
    "By Jane Doe | Reuters",
    "by Jane Doe",
    "Jane Doe contributed to this report from Hanoi.",
    "(c) 2026 Example News",
    "(C) 2026 Example News",
    "-- end --",
    "(END)",
    "Реклама",
    "РЕКЛАМА · партнёр",
    "Đăng ký nhận bản tin",
    "ĐĂNG KÝ NHẬN BẢN TIN",
    "1,234 views",
    "Tags: economy, trade",
    "TAGS: economy",
    "Теги: экономика",
    "Từ khóa: kinh tế",
    "x",
    "—",
    *LINE_VERDICT_LINES,  # the per-line verdict tests' lines: their furniture must hold here too
]


def _plain(rules: Rules, line: str) -> str | None:
    """furniture_kind as the whole alternations say it."""
    assert rules.furniture is not None
    if len(line) > 400 or line.count(" ") >= rules.furniture_max_words:
        return None
    at_start, anywhere = rules.furniture
    m = at_start.match(line)
    if m is None and line.count(" ") < rules.furniture_any_max_words:
        m = anywhere.search(line.lower())
    return m.lastgroup.split("__")[0] if m and m.lastgroup else None


def test_furniture_kind_gives_what_the_whole_alternations_give() -> None:
    rules = get_rules()
    prefixes = ["", " ", "(", "[", "| ", "© ", "5 ", "by ", "By ", "BY "]
    for line in LINES:
        for prefix in prefixes:
            text = prefix + line
            assert rules.furniture_kind(text) == _plain(rules, text), text


def test_first_characters_of_a_pattern_are_a_superset() -> None:
    def first(pattern: str) -> str | None:
        cls = _opening(pattern)
        return cls.pattern if cls is not None else None

    assert first("abc") == "[a]"
    assert first("[(\\[]?\\s*x") == "[\\(\\[\\sx]"
    assert first("(?:a|b)?c") == "[abc]"
    assert first("x?") is None  # can match nothing: any line
    assert first(".x") is None  # any character
    assert first("[^a]x") is None
    assert first("(?=a)b") == "[b]"  # zero-width: skipped, the next element opens the match
    items, empty = _first_of(parser.parse("(?-i:[A-Z])x").data)
    assert items is not None and not empty
    assert _opening("(?-i:[A-Z])x").match("q")  # case-insensitive: a superset of the case-sensitive class
