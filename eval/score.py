#!/usr/bin/env python3
"""Score the project on the held-out corpus (eval/corpus, expectations in eval/expected.json), per source.

usage: python eval/score.py [-v] [--min PCT] [--corpus DIR] [--expected FILE]

Runs `newsindex process FILES --json` once over every file of the corpus, as a user and our external
scorer (../shared/tools/score_process.py) do, and applies that scorer's checks with its agency spellings
and quote folding. Prints one row per source, then `eval: passed/total checks (pct%)`; `-v` lists the
failed checks. Exits 0 unless `--min PCT` is given and the score is below it. Stdlib only, so that the
score does not depend on what it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
STORIES = "(stories)"  # the row for same_story / different_story checks, which span sources

# one agency, several spellings: any of them passes (as in score_process.py)
SAME_AGENCY = {
    "ТАСС": "TASS", "ASSOCIATED PRESS": "AP", "THE ASSOCIATED PRESS": "AP", "РИА НОВОСТИ": "RIA NOVOSTI",
    "RIA": "RIA NOVOSTI", "ИНТЕРФАКС": "INTERFAX", "INTERFAX.RU": "INTERFAX", "TTXVN": "VNA",
    "VIETNAM NEWS AGENCY": "VNA", "KYODO NEWS": "KYODO", "YONHAP NEWS AGENCY": "YONHAP",
    "AGENCE FRANCE-PRESSE": "AFP", "XINHUA NEWS AGENCY": "XINHUA", "СИНЬХУА": "XINHUA",
}
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"'})
FORMATS = {".txt": "txt", ".md": "markdown", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json"}


def agency(s: str | None) -> str:
    s = (s or "").strip().upper()
    return SAME_AGENCY.get(s, s)


def norm(s: str | None) -> str:
    """Typographic or plain quotes both pass; runs of whitespace are one space."""
    return " ".join((s or "").translate(QUOTES).split())


def source_of(name: str) -> str:
    return name.split("/", 1)[0]


def run_cli(corpus: Path, names: list[str]) -> tuple[dict[str, dict], str]:
    """Records keyed by their path relative to the corpus ("site/file.jsonl#2"), and the CLI's stderr."""
    files = [str(corpus / n) for n in dict.fromkeys(n.split("#")[0] for n in names)]
    cli = Path(sys.executable).parent / "newsindex"
    cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "newsindex.cli"]
    p = subprocess.run([*cmd, "process", *files, "--json"], cwd=PROJECT, capture_output=True, text=True,
                       timeout=900)
    out: dict[str, dict] = {}
    for line in p.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        path, sep, member = (rec.get("source_path") or "").partition("#")
        name = Path(os.path.relpath(path, corpus)).as_posix() + sep + member
        out[name] = rec
        out.setdefault(name.split("#")[0], rec)  # a one-line JSONL file: its first record stands for the file
    return out, f"rc={p.returncode}, stderr tail: {p.stderr[-200:]!r}"


def score(expected: dict, out: dict[str, dict], cli_note: str = "") -> list[tuple[str, bool, str]]:
    """Every check as (row, passed, what failed), the checks of score_process.py in its order."""
    checks: list[tuple[str, bool, str]] = []
    for name, e in sorted(expected["documents"].items()):
        row = source_of(name)

        def check(ok: bool, what: str) -> None:
            checks.append((row, bool(ok), f"{name}: {what}"))  # noqa: B023 - used at once, in this iteration

        r = out.get(name)
        check(r is not None, f"no record ({cli_note})")
        if r is None:
            continue
        st = r.get("status")
        want = e.get("status", "ok")
        check(st == want, f"status {st!r} != {want!r} ({r.get('reason')})")
        if want == "quarantined":
            check(bool(r.get("reason")), "quarantined without reason")
            continue
        body = r.get("body") or ""
        if "language" in e:
            check(r.get("language") == e["language"], f"language {r.get('language')!r} != {e['language']!r}")
        if "published_date" in e:
            got = r.get("published_at") or None
            got = got[:10] if got else None
            check(got == e["published_date"], f"date {got!r} != {e['published_date']!r}")
        for k in ("title", "section", "dateline"):
            if k in e:
                fold = (lambda s: norm(s).casefold()) if k == "dateline" else norm  # МОСКВА == Москва
                ok = fold(r.get(k)) == fold(e[k]) if e[k] else not r.get(k)
                check(ok, f"{k} {r.get(k)!r} != {e[k]!r}")
        if "source" in e:
            check(agency(r.get("source")) == agency(e["source"]), f"source {r.get('source')!r} != {e['source']!r}")
        for s in e.get("body_must_contain", []):
            check(norm(s) in norm(body), f"body lacks {s!r}")
        for s in e.get("body_must_not_contain", []):
            check(s not in body, f"body keeps {s!r}")
        caps = " | ".join(r.get("captions") or [])
        for s in e.get("captions", []):
            check(norm(s) in norm(caps), f"no caption with {s!r}")
        if e.get("nfc"):
            check(bool(body) and body == unicodedata.normalize("NFC", body), "body not NFC")

    def sid(n: str) -> str | None:
        return (out.get(n) or {}).get("story_id")

    for group in expected.get("same_story", []):
        ids = {sid(n) for n in group}
        checks.append((STORIES, len(ids) == 1 and None not in ids, f"same story not grouped: {group} -> {ids}"))
    for a, b in expected.get("different_story", []):
        checks.append((STORIES, sid(a) is None or sid(a) != sid(b), f"different stories grouped: {a} {b}"))
    return checks


def pct(passed: int, total: int) -> float:
    return 100.0 * passed / max(total, 1)


def table(expected: dict, checks: list[tuple[str, bool, str]]) -> list[str]:
    """One row per source: its languages and formats (from the corpus), passed/total, %."""
    langs: dict[str, set[str]] = defaultdict(set)
    fmts: dict[str, set[str]] = defaultdict(set)
    for name, e in expected["documents"].items():
        row = source_of(name)
        if e.get("language"):
            langs[row].add(e["language"])
        fmts[row].add(FORMATS.get(Path(name.split("#")[0]).suffix.lower(), "other"))
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row, ok, _ in checks:
        tally[row][0] += ok
        tally[row][1] += 1
    rows = sorted(r for r in tally if r != STORIES) + ([STORIES] if STORIES in tally else [])
    lines = [f"{'source':<14} {'lang':<9} {'format':<15} {'passed':>9} {'%':>6}"]
    for r in rows:
        p, t = tally[r]
        lang = ",".join(sorted(langs[r])) or ("en,ru,vi" if r == STORIES else "-")
        fmt = ",".join(sorted(fmts[r])) or "-"
        lines.append(f"{r:<14} {lang:<9} {fmt:<15} {f'{p}/{t}':>9} {pct(p, t):>5.1f}%")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the failed checks")
    ap.add_argument("--min", type=float, default=None, metavar="PCT", help="exit 1 when the score is below PCT")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpus")
    ap.add_argument("--expected", type=Path, default=HERE / "expected.json")
    args = ap.parse_args(argv)
    expected = json.loads(args.expected.read_text(encoding="utf-8"))
    corpus = args.corpus.resolve()
    out, note = run_cli(corpus, sorted(expected["documents"]))
    checks = score(expected, out, note)
    print("\n".join(table(expected, checks)))
    if args.verbose:
        for _, ok, what in checks:
            if not ok:
                print("FAIL", what)
    passed = sum(ok for _, ok, _ in checks)
    total = len(checks)
    print(f"eval: {passed}/{total} checks ({pct(passed, total):.1f}%)")
    return 1 if args.min is not None and pct(passed, total) < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
