"""`newsindex ingest`: the ingest flow in Prefect's local mode."""

from __future__ import annotations

import argparse

from newsindex.output import json_line, summary_table
from newsindex.prefect_env import quiet_prefect
from newsindex.settings import DEFAULT_ALIAS


def run(args: argparse.Namespace) -> int:
    quiet_prefect()
    from flows.ingest import ingest

    summary = ingest(source=args.source, alias=args.alias)
    if args.json:
        json_line(summary)
    else:
        rows = [(k, summary[k]) for k in ("seen", "indexed", "unchanged", "quarantined")]
        rows += [(f"  {lang}", n) for lang, n in sorted(summary["languages"].items())]
        rows += [(f"  quarantined: {r}", n) for r, n in sorted(summary["quarantine_reasons"].items())]
        rows += [("index", summary["index"]), ("seconds", summary["duration_s"])]
        summary_table(f"ingest {summary['source']} -> {summary['alias']}", rows)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("ingest", help="run the ingest flow on a source folder")
    sp.add_argument("source", nargs="?", default="seeds")
    sp.add_argument("--alias", default=DEFAULT_ALIAS)
    sp.add_argument("--json", action="store_true", help="end with a JSON summary line")
    sp.set_defaults(func=run)
