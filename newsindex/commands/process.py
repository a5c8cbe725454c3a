"""`newsindex process`: clean + enrich files, no services needed."""

from __future__ import annotations

import argparse

from newsindex.output import json_line


def run(args: argparse.Namespace) -> int:
    import articles

    # all files at once: each site's templates are learned from every file of it given here
    records = articles.with_story_ids(articles.process_paths((f, f) for f in args.files))
    for rec in records:
        if args.json:
            json_line(rec)
        else:
            status = rec["status"] if rec["status"] == "ok" else f"quarantined: {rec.get('reason')}"
            print(f"{rec['source_path']}\t{rec.get('language') or '-'}\t{rec.get('published_at') or '-'}\t"
                  f"{(rec.get('title') or '-')[:60]}\t{status}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("process", help="clean + enrich files, one record per article (no services needed)")
    sp.add_argument("files", nargs="+")
    sp.add_argument("--json", action="store_true", help="one JSON record per line")
    sp.set_defaults(func=run)
