"""The held-out corpus (eval/, see eval/README.md) is well-formed, no rule names its sites, and the
project scores at least the floor in eval/floor.txt on it (a regression guard; the lead raises it)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
CORPUS = EVAL / "corpus"
EXPECTED = json.loads((EVAL / "expected.json").read_text(encoding="utf-8"))
DOCS: dict[str, dict] = EXPECTED["documents"]
FLOOR = float((EVAL / "floor.txt").read_text().split()[0])


def corpus_files() -> set[str]:
    return {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file() and not p.name.startswith(".")}


def test_every_expectation_names_a_document() -> None:
    for key in DOCS:
        path, _, line = key.partition("#")
        assert (CORPUS / path).is_file(), key
        if line:  # a JSONL record: "file.jsonl#N" is the N-th line, as `newsindex process` names it
            lines = (CORPUS / path).read_bytes().splitlines()
            assert 1 <= int(line) <= len(lines) and lines[int(line) - 1].strip(), key


def test_every_document_has_expectations() -> None:
    assert corpus_files() == {k.split("#")[0] for k in DOCS}


def test_corpus_spread() -> None:
    per_source = Counter(k.split("/")[0] for k in DOCS)
    assert len(per_source) >= 22 and len(DOCS) >= 44
    assert min(per_source.values()) >= 2, "every source shares its furniture across at least two documents"
    langs = Counter(e["language"] for e in DOCS.values() if e.get("status", "ok") == "ok")
    assert set(langs) == {"en", "ru", "vi"} and min(langs.values()) >= sum(langs.values()) / 4
    assert {Path(k.split("#")[0]).suffix for k in DOCS} >= {".txt", ".html", ".jsonl", ".md"}
    assert any(e.get("status") == "quarantined" for e in DOCS.values())
    for pair in EXPECTED["same_story"] + EXPECTED["different_story"]:
        assert set(pair) <= set(DOCS), pair


def test_no_rule_names_a_corpus_site() -> None:
    """The corpus must stay held out: no site of it may be named in config/ or in the cleaning code."""
    hosts = set()
    for p in CORPUS.rglob("*"):
        if p.is_file():
            hosts |= {h.lower().removeprefix("www.") for h in re.findall(rb"https?://([A-Za-z0-9.-]+)", p.read_bytes())
                      for h in [h.decode()]}
    hosts -= {"schema.org"}
    rules = "\n".join(p.read_text(encoding="utf-8", errors="replace").lower()
                      for pattern in ("config/**/*.yaml", "config/**/*.yml", "articles/**/*.py")
                      for p in ROOT.glob(pattern))
    named = sorted(h for h in hosts if re.search(rf"(?<![\w.-]){re.escape(h)}(?![\w-])", rules))
    assert named == []


def test_score_at_least_the_floor() -> None:
    p = subprocess.run([sys.executable, str(EVAL / "score.py")], cwd=ROOT, capture_output=True, text=True,
                       timeout=900)
    assert p.returncode == 0, p.stderr[-2000:]
    m = re.search(r"^eval: (\d+)/(\d+) checks \(([\d.]+)%\)$", p.stdout, re.M)
    assert m, p.stdout[-2000:]
    assert int(m.group(2)) > 0
    assert float(m.group(3)) >= FLOOR, p.stdout
