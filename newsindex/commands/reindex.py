"""`newsindex reindex`: the reindex flow in Prefect's local mode (new version, check, swap, prune)."""

from __future__ import annotations

import argparse

from newsindex.arguments import add_alias
from newsindex.output import error, json_line, summary_table
from newsindex.prefect_env import quiet_prefect


def run(args: argparse.Namespace) -> int:
    quiet_prefect()
    from flows.reindex import ReindexAborted, reindex

    try:
        summary = reindex(source=args.source, alias=args.alias)
    except ReindexAborted as exc:
        error(f"reindex aborted: {exc}")
        return 1
    if args.json:
        json_line(summary)
        return 0
    rows = [("source", summary["source"]), ("index", summary["index"]), ("previous", summary["previous"] or "-"),
            ("documents", summary["docs"]), ("quarantined", summary["quarantined"])]
    rows += [(f"  {lang}", n) for lang, n in sorted(summary["languages"].items())]
    rows += [("pruned", ", ".join(summary["pruned"]) or "-"), ("seconds", summary["duration_s"])]
    summary_table(f"reindex -> {summary['alias']}", rows)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("reindex", help="rebuild the index behind the alias from a source folder, then swap")
    sp.add_argument("source", nargs="?", default="seeds")
    add_alias(sp)
    sp.add_argument("--json", action="store_true", help="print a JSON summary line")
    sp.set_defaults(func=run)
