"""HTML main-content extractors side by side on real pages: body F1, titles, dates, CPU per page.

    python -m bench.html_extractors PAGES_DIR [--only NAME[,NAME]] [-v]

PAGES_DIR holds one folder per page: source.html, expected.html (the article as it should come out) and,
where known, expected-metadata.json (title, publishedTime), e.g. the Readability test pages. Body quality is
F1 over word 4-grams (as a multiset), averaged over pages, the measure of the project's HTML scorer. CPU is
process CPU time (time.process_time) around the extraction call only, per page, after one warm-up pass over
the first pages (imports, caches). Candidates whose package is missing are skipped with a note; install them
with `pip install -e ".[htmlbench]"` (and `pip install rs-trafilatura`, which builds with a Rust toolchain).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

WORD = re.compile(r"\w+", re.UNICODE)

# A candidate: html -> (body text, title or None, ISO date or None)
Extractor = Callable[[str], tuple[str, str | None, str | None]]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    p = _Text()
    p.feed(markup)
    return " ".join(p.parts)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = WORD.findall(text.casefold())
    return Counter(tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 0)))


def prf(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    prec = tp / max(sum(p.values()), 1) if p else 0.0
    rec = tp / max(sum(t.values()), 1)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def fold(s: str | None) -> str:
    return " ".join(WORD.findall((s or "").casefold()))


# ---- candidates ---------------------------------------------------------------------------------------


def _trafilatura(**kw: Any) -> Extractor:
    import trafilatura

    def run(markup: str) -> tuple[str, str | None, str | None]:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, **kw)
        if doc is None:
            return "", None, None
        return doc.text or "", doc.title, doc.date

    return run


def _trafilatura_text(**kw: Any) -> Extractor:
    """trafilatura.extract as a user runs it: text only (metadata from its own pass would double the cost)."""
    import trafilatura

    def run(markup: str) -> tuple[str, str | None, str | None]:
        return trafilatura.extract(markup, **kw) or "", None, None

    return run


def _rs_trafilatura() -> Extractor:
    import rs_trafilatura

    def run(markup: str) -> tuple[str, str | None, str | None]:
        res = rs_trafilatura.extract(markup)
        if res is None:
            return "", None, None
        get = (lambda k: getattr(res, k, None)) if not isinstance(res, dict) else res.get
        return get("main_content") or get("content_text") or get("text") or "", get("title"), get("date")

    return run


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(markup: str) -> tuple[str, str | None, str | None]:
        tree = HTMLTree.parse(markup)
        text = extract_plain_text(tree, main_content=True, alt_texts=False, links=False, noscript=False)
        return text, tree.title or None, None

    return run


def _htmldate() -> Extractor:
    from htmldate import find_date

    def run(markup: str) -> tuple[str, str | None, str | None]:
        return "", None, find_date(markup, extensive_search=False, original_date=True)

    return run


def _newsindex() -> Extractor:
    from articles.html import extract_html
    from articles.rules import get_rules

    rules = get_rules()

    def run(markup: str) -> tuple[str, str | None, str | None]:
        art = extract_html(markup, rules)
        return art.text, art.meta.get("title"), art.meta.get("published_at")

    return run


def _newsindex_record() -> Extractor:
    """The whole record pipeline (extraction, cleaning, enrichment), as `newsindex process` gives it."""
    from articles.readers import process_bytes

    def run(markup: str) -> tuple[str, str | None, str | None]:
        rec = process_bytes(markup.encode("utf-8"), "page.html")[0]
        body = rec.get("body") or "" if rec.get("status") == "ok" else ""
        return body, rec.get("title"), rec.get("published_at")

    return run


CANDIDATES: dict[str, Callable[[], Extractor]] = {
    "newsindex extract_html": _newsindex,
    "newsindex record (process_bytes)": _newsindex_record,
    "trafilatura extract() default": lambda: _trafilatura_text(),
    "trafilatura bare_extraction default": lambda: _trafilatura(),
    "trafilatura fast": lambda: _trafilatura(fast=True),
    "trafilatura fast favor_recall": lambda: _trafilatura(fast=True, favor_recall=True),
    "trafilatura fast favor_precision": lambda: _trafilatura(fast=True, favor_precision=True),
    "trafilatura favor_recall": lambda: _trafilatura(favor_recall=True),
    "trafilatura favor_precision": lambda: _trafilatura(favor_precision=True),
    "trafilatura fast no tables": lambda: _trafilatura(fast=True, include_tables=False),
    "rs-trafilatura": _rs_trafilatura,
    "resiliparse main_content": _resiliparse,
    "htmldate (dates only, extensive_search off)": _htmldate,
}


def load_pages(pages: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    out = []
    for d in sorted(p for p in pages.iterdir() if (p / "expected.html").is_file()):
        src = (d / "source.html").read_text(encoding="utf-8", errors="replace")
        true = html_text((d / "expected.html").read_text(encoding="utf-8"))
        meta_path = d / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        out.append((d.name, src, true, meta))
    return out


def measure(name: str, run: Extractor, pages: list[tuple[str, str, str, dict[str, Any]]], verbose: bool) -> dict:
    for _, src, _, _ in pages[:5]:  # warm-up: imports and lazily built tables are not per-page cost
        run(src)
    rows, cpu = [], 0.0
    titles, dates = [0, 0], [0, 0]
    for page, src, true, meta in pages:
        t0 = time.process_time()
        try:
            body, title, date = run(src)
        except Exception as exc:  # noqa: BLE001 - a candidate's crash scores 0, the table goes on
            body, title, date = "", None, None
            print(f"  {name}: {page}: {type(exc).__name__}: {exc}", file=sys.stderr)
        cpu += time.process_time() - t0
        rows.append((page, *prf(true, body)))
        if meta.get("title"):
            titles[1] += 1
            titles[0] += fold(title) == fold(meta["title"])
        if meta.get("publishedTime"):
            dates[1] += 1
            dates[0] += (date or "")[:10] == meta["publishedTime"][:10]
    n = max(len(rows), 1)
    if verbose:
        for page, p, r, f in sorted(rows, key=lambda x: x[3])[:15]:
            print(f"    {f:.3f}  P {p:.2f} R {r:.2f}  {page}")
    return {
        "name": name,
        "f1": sum(r[3] for r in rows) / n,
        "p": sum(r[1] for r in rows) / n,
        "r": sum(r[2] for r in rows) / n,
        "titles": f"{titles[0]}/{titles[1]}",
        "dates": f"{dates[0]}/{dates[1]}",
        "ms": cpu * 1000 / n,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", type=Path)
    ap.add_argument("--only", default="", help="comma-separated substrings of candidate names")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    pages = load_pages(args.pages)
    wanted = [w.strip() for w in args.only.split(",") if w.strip()]
    print(f"{len(pages)} pages from {args.pages}")
    print("| candidate | body F1 | P | R | titles | dates | CPU ms/page |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, make in CANDIDATES.items():
        if wanted and not any(w in name for w in wanted):
            continue
        try:
            run = make()
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) | | | | | |")
            continue
        m = measure(name, run, pages, args.verbose)
        print(
            f"| {name} | {m['f1']:.3f} | {m['p']:.3f} | {m['r']:.3f} | {m['titles']} | {m['dates']} | {m['ms']:.1f} |"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
