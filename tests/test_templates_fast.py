"""The template signature's faster tests give what the plain forms they replace give."""

from __future__ import annotations

import re

import pytest

from articles.rules import get_rules
from articles.templates import _CLOSERS, _ENDS, _function_words, is_prose, template_config

#: the plain form: a sentence end, then closing quotes or brackets, then the end of the line
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)]*$")

CASES = ["", ".", "a", "a.", "a.\"", "a.”)", "a)", "a.)x", "a?»", "a…’", "a!\"'", "« a »", "a. b", "a.\u00a0",
         "x" * 50 + ".", "he said: “no.”", "the end (see above).", "ends with a quote”", "...", "a .\""]


@pytest.mark.parametrize("line", CASES)
def test_sentence_end_is_the_regex(line: str) -> None:
    assert (line.rstrip(_CLOSERS)[-1:] in _ENDS) == bool(SENTENCE_END.search(line))


def _plain_is_prose(norm: str) -> bool:
    cfg, fw = template_config(), _function_words(get_rules())
    if len(norm) > cfg.max_chars:
        return True
    if not SENTENCE_END.search(norm):
        return False
    words = norm.split()
    if len(words) < cfg.prose_words:
        return False
    return sum(w.strip(".,;:!?…\"'“”‘’«»()[]") in fw for w in words) >= cfg.prose_function_share * len(words)


@pytest.mark.parametrize("line", [
    *CASES,
    "the minister said on monday that the talks with the union would go on until the end of the week.",
    "(the minister said on monday that the talks with the union would go on until the end of the week.)",
    "breaking news live updates photos videos analysis opinion sport weather markets travel style.",
    "министр заявил в понедельник, что переговоры с профсоюзом продолжатся до конца этой недели.",
    "bộ trưởng cho biết vào thứ hai rằng các cuộc đàm phán với công đoàn sẽ tiếp tục đến cuối tuần.",
    "x " * 120,
])
def test_is_prose_is_the_plain_count(line: str) -> None:
    cfg, fw = template_config(), _function_words(get_rules())
    assert is_prose(line, cfg, fw) == _plain_is_prose(line)
