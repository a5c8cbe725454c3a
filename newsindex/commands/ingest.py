"""`newsindex ingest`: the ingest flow in Prefect's local mode (no server needed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsindex.arguments import add_alias
from newsindex.commands.flowrun import run_flow
from newsindex.output import error, json_line, summary_table


def run(args: argparse.Namespace) -> int:
    if not Path(args.source).exists():
        error(f"source folder {args.source!r} does not exist")
        return 2
    params = {"source": args.source, "alias": args.alias, "keep_missing": args.keep_missing}
    if args.batch_size:
        params["batch_size"] = args.batch_size
    summary = run_flow("flows.ingest:ingest", title=f"ingest {args.source}", count_files=args.source,
                       json_mode=args.json, task_runner=args.task_runner, dask_address=args.dask_address,
                       started_at=getattr(args, "started_at", None), **params)
    if args.json:
        json_line(summary)
        return 0
    from flows import report

    rows = report.rows(summary)
    rows += [(f"  {lang}", f"{i} new, {u} unchanged") for lang, i, u in report.language_rows(summary)]
    summary_table(f"ingest {summary['source']} -> {summary['alias']} ({summary['index']})", rows)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("ingest", help="index new and changed files of a source folder (incremental)")
    sp.add_argument("source", nargs="?", default="seeds")
    add_alias(sp)
    sp.add_argument("--json", action="store_true", help="end with a JSON summary line")
    sp.add_argument("--keep-missing", action="store_true",
                    help="keep documents whose source file disappeared (default: remove them)")
    sp.add_argument("--task-runner", choices=("default", "dask"), default="default",
                    help="where clean+enrich runs: local worker processes (default) or a Dask cluster")
    sp.add_argument("--dask-address", default=None,
                    help="scheduler of an existing Dask cluster (tcp://host:8786); default: a local cluster")
    sp.add_argument("--batch-size", type=int, default=None, help="files per task (default 200)")
    sp.set_defaults(func=run)
