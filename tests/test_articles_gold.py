"""The gold expectations (tests/gold_seeds.json, a copy of ../shared/gold/seeds.json) and our own
corpus (tests/articles/*.expected.json, same format), checked the way score_process.py checks them."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from articles import process_path, with_story_ids

ROOT = Path(__file__).resolve().parents[1]
QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'}
)


# one agency, several spellings: any of them passes (as in score_process.py)
SAME_AGENCY = {
    "ТАСС": "TASS", "ASSOCIATED PRESS": "AP", "THE ASSOCIATED PRESS": "AP", "РИА НОВОСТИ": "RIA NOVOSTI",
    "RIA": "RIA NOVOSTI", "ИНТЕРФАКС": "INTERFAX", "INTERFAX.RU": "INTERFAX", "TTXVN": "VNA",
    "VIETNAM NEWS AGENCY": "VNA", "KYODO NEWS": "KYODO", "YONHAP NEWS AGENCY": "YONHAP",
    "AGENCE FRANCE-PRESSE": "AFP", "XINHUA NEWS AGENCY": "XINHUA", "СИНЬХУА": "XINHUA",
}


def norm(s: str | None) -> str:
    return " ".join((s or "").translate(QUOTES).split())


def agency(s: str | None) -> str:
    key = (s or "").strip().upper()
    return SAME_AGENCY.get(key, key)


def count_checks(expected: dict) -> int:
    """How many checks score_process.py counts for these expectations."""
    n = 0
    for e in expected["documents"].values():
        n += 2  # a record, its status
        if e.get("status") == "quarantined":
            n += 1
            continue
        n += sum(k in e for k in ("language", "published_date", "title", "section", "dateline", "source"))
        n += len(e.get("body_must_contain", [])) + len(e.get("body_must_not_contain", [])) + len(e.get("captions", []))
        n += bool(e.get("nfc"))
    return n + len(expected.get("same_story", [])) + len(expected.get("different_story", []))


def run_corpus(corpus: Path, names: list[str]) -> dict[str, dict]:
    recs: list[dict] = []
    for name in dict.fromkeys(n.split("#")[0] for n in names):  # JSONL records are "file#line"
        recs.extend(process_path(corpus / name, source_path=name))
    return {r["source_path"]: r for r in with_story_ids(recs)}


def check(expected: dict, out: dict[str, dict]) -> list[str]:
    """All failed checks, as the scorer words them."""
    fails: list[str] = []
    for name, e in sorted(expected["documents"].items()):
        r = out.get(name)
        if r is None:
            fails.append(f"{name}: no record")
            continue
        if r.get("status") != e.get("status", "ok"):
            fails.append(f"{name}: status {r.get('status')!r} ({r.get('reason')})")
        if e.get("status") == "quarantined":
            if not r.get("reason"):
                fails.append(f"{name}: quarantined without reason")
            continue
        body = r.get("body") or ""
        if "language" in e and r.get("language") != e["language"]:
            fails.append(f"{name}: language {r.get('language')!r} != {e['language']!r}")
        if "published_date" in e:
            got = r.get("published_at") or None
            got = got[:10] if got else None
            if got != e["published_date"]:
                fails.append(f"{name}: date {got!r} != {e['published_date']!r}")
        for k in ("title", "section", "dateline"):
            if k in e:
                fold = (lambda s: norm(s).casefold()) if k == "dateline" else norm  # noqa: E731  МОСКВА == Москва
                ok = fold(r.get(k)) == fold(e[k]) if e[k] else not r.get(k)
                if not ok:
                    fails.append(f"{name}: {k} {r.get(k)!r} != {e[k]!r}")
        if "source" in e and agency(r.get("source")) != agency(e["source"]):
            fails.append(f"{name}: source {r.get('source')!r} != {e['source']!r}")
        for s in e.get("body_must_contain", []):
            if norm(s) not in norm(body):
                fails.append(f"{name}: body lacks {s!r}")
        for s in e.get("body_must_not_contain", []):
            if s in body:
                fails.append(f"{name}: body keeps {s!r}")
        caps = " | ".join(r.get("captions") or [])
        for s in e.get("captions", []):
            if norm(s) not in norm(caps):
                fails.append(f"{name}: no caption with {s!r}")
        if e.get("nfc") and not (body and body == unicodedata.normalize("NFC", body)):
            fails.append(f"{name}: body not NFC")
    sid = lambda n: (out.get(n) or {}).get("story_id")  # noqa: E731
    for group in expected.get("same_story", []):
        ids = {sid(n) for n in group}
        if len(ids) != 1 or None in ids:
            fails.append(f"same story not grouped: {group} -> {ids}")
    for a, b in expected.get("different_story", []):
        if sid(a) is not None and sid(a) == sid(b):
            fails.append(f"different stories grouped: {a} {b}")
    return fails


def test_gold_seeds() -> None:
    expected = json.loads((ROOT / "tests" / "gold_seeds.json").read_text(encoding="utf-8"))
    out = run_corpus(ROOT / "seeds", sorted(expected["documents"]))
    assert check(expected, out) == []


CORPUS = ROOT / "tests" / "articles"
EXPECTED = sorted(CORPUS.glob("*.expected.json"))


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_own_corpus(path: Path) -> None:
    expected = json.loads(path.read_text(encoding="utf-8"))
    out = run_corpus(CORPUS, sorted(expected["documents"]))
    assert check(expected, out) == []
