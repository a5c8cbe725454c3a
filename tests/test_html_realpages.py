"""Real news pages (tests/realpages, from Mozilla Readability's test set) through the whole record pipeline:
the body must keep the article (F1 over word 4-grams against the expected article, the measure of the HTML
scorer) and title and date must agree with what the page states. Guards the extractor without /work/shared."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from articles.readers import process_bytes
from bench.html_extractors import fold, html_text, prf

PAGES = Path(__file__).resolve().parent / "realpages"
NAMES = sorted(p.name for p in PAGES.iterdir() if (p / "source.html.gz").is_file())
PAGE_FLOOR = 0.80  # every page keeps most of its article
MEAN_FLOOR = 0.93  # measured 0.96 on these pages when they were added


def _record(name: str) -> tuple[dict, str, dict]:
    d = PAGES / name
    rec = process_bytes(gzip.decompress((d / "source.html.gz").read_bytes()), f"{name}/source.html")[0]
    true = html_text(gzip.decompress((d / "expected.html.gz").read_bytes()).decode("utf-8"))
    meta = json.loads((d / "expected-metadata.json").read_text(encoding="utf-8"))
    return rec, true, meta


@pytest.mark.parametrize("name", NAMES)
def test_real_page_keeps_the_article(name: str) -> None:
    rec, true, meta = _record(name)
    assert rec["status"] == "ok", rec["reason"]
    f1 = prf(true, rec["body"])[2]
    assert f1 >= PAGE_FLOOR, f"{name}: body F1 {f1:.3f}"
    if meta.get("title"):
        assert fold(rec["title"]) == fold(meta["title"])
    if meta.get("publishedTime"):
        assert (rec["published_at"] or "")[:10] == meta["publishedTime"][:10]


def test_real_pages_mean_f1() -> None:
    f1s = [prf(true, rec["body"] or "")[2] for rec, true, _ in map(_record, NAMES)]
    assert len(f1s) >= 5
    assert sum(f1s) / len(f1s) >= MEAN_FLOOR
