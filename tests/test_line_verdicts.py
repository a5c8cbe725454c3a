"""The per-line shortcuts of the cleaning (the anywhere-patterns cut to the ones a line's words allow, verdicts
remembered per line) give what the full work gives."""

from __future__ import annotations

from articles.blocks import classify
from articles.rules import get_rules

LINES = [
    "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
    "5 min read",
    "© 2026 Example News. All rights reserved.",
    "Click here to subscribe and read more, or sign up now for free",
    "Подписывайтесь на наш телеграм-канал",
    "Перепечатка материалов без согласия редакции запрещена.",
    "Bạn đọc có thể sử dụng cookie để đọc 3 phút đọc",
    "The mayor said the bridge may open via the new road through the valley next year.",
    "Photo licensing via Example Images for editorial use only",
    "",
]


def test_anywhere_search_cut_to_the_lines_words_finds_the_same_match() -> None:
    rules = get_rules()
    assert rules.furniture is not None
    whole = rules.furniture[1]
    for line in LINES:
        low = line.lower()
        m1, m2 = whole.search(low), rules._search_anywhere(low)
        assert (m1 and (m1.lastgroup, m1.span())) == (m2 and (m2.lastgroup, m2.span())), line


def test_a_remembered_verdict_is_a_block_of_its_own() -> None:
    rules = get_rules()
    first = classify("Sign up for our newsletter today", "en", rules)
    first.furniture, first.good = "template", False  # clean.py marks template lines on the block it got
    again = classify("Sign up for our newsletter today", "en", rules)
    assert again is not first and again.furniture != "template"
