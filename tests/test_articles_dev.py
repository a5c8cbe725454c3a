"""The dev corpus (tests/articles_dev, written before the general plain-text rules, tuned on), checked the
way score_process.py checks it. Run as a script for the failed checks and the score:
`python -m tests.test_articles_dev`."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_articles_gold import check, count_checks, run_corpus

DEV = Path(__file__).resolve().parent / "articles_dev"


def _score() -> tuple[list[str], int]:
    expected = json.loads((DEV / "expected.json").read_text(encoding="utf-8"))
    out = run_corpus(DEV, sorted(expected["documents"]))
    return check(expected, out), count_checks(expected)


def test_dev_corpus() -> None:
    fails, _ = _score()
    assert fails == []


if __name__ == "__main__":
    fails, total = _score()
    for f in fails:
        print("FAIL", f)
    print(f"articles_dev: {total - len(fails)}/{total} checks ({100 * (total - len(fails)) / total:.0f}%)")
