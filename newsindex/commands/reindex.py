"""`newsindex reindex`: the reindex flow in Prefect's local mode (new version, check, compare, gate, swap, prune)."""

from __future__ import annotations

import argparse

from newsindex.arguments import add_alias
from newsindex.commands.flowrun import run_flow
from newsindex.output import error, json_line, summary_table


def _table(summary: dict) -> None:
    from flows import report

    rows = [("source", summary["source"]), ("index", summary["index"]), ("previous", summary["previous"] or "-"),
            ("documents", summary["docs"]), ("quarantined", summary["quarantined"])]
    rows += [(f"  {lang}", n) for lang, n in sorted(summary["languages"].items())]
    rows += [("pruned", ", ".join(summary["pruned"]) or "-"), ("duration", f"{summary['duration_s']} s")]
    summary_table(f"reindex -> {summary['alias']}", rows)
    summary_table(f"{summary['index']} against the live version", report.quality_rows(summary["report"]))


def run(args: argparse.Namespace) -> int:
    try:
        summary = run_flow("flows.reindex:reindex", title=f"reindex {args.alias}", count_files=args.source,
                           json_mode=args.json, started_at=getattr(args, "started_at", None),
                           source=args.source, alias=args.alias, force=args.force,
                           **({"batch_size": args.batch_size} if args.batch_size else {}))
    except Exception as exc:
        from flows.reindex import ReindexAborted, ReindexRefused  # imported by run_flow, after quieting Prefect

        if isinstance(exc, ReindexRefused):
            if args.json:
                json_line({**exc.summary, "swapped": False})
            elif exc.summary:
                _table(exc.summary)
            error(f"reindex refused: {exc}")
            return 1
        if isinstance(exc, ReindexAborted):
            error(f"reindex aborted: {exc}")
            return 1
        raise
    if args.json:
        json_line({**summary, "swapped": True})
    else:
        _table(summary)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("reindex", help="rebuild the index behind the alias from its source folder, compare, swap")
    sp.add_argument("source", nargs="?", default=None,
                    help="folder to rebuild from (default: the one recorded for the live version)")
    add_alias(sp)
    sp.add_argument("--force", action="store_true",
                    help="swap even when the new version loses or quarantines markedly more (config/reindex.yaml)")
    sp.add_argument("--batch-size", type=int, default=None, help="files per task (default 200)")
    sp.add_argument("--json", action="store_true", help="print a JSON summary line")
    sp.set_defaults(func=run)
