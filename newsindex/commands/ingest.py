"""`newsindex ingest`: the ingest flow in Prefect's local mode (no server needed)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsindex.arguments import add_alias
from newsindex.output import error, json_line, summary_table
from newsindex.prefect_env import quiet_prefect


def run(args: argparse.Namespace) -> int:
    if not Path(args.source).exists():
        error(f"source folder {args.source!r} does not exist")
        return 2
    quiet_prefect()
    # --task-runner dask: the scheduler/nanny chatter and close-time tracebacks are not for people.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    from flows import report
    from flows.ingest import BATCH_SIZE, ingest
    from flows.runners import api_for_workers, make_task_runner
    from flows.sources import iter_sources
    from newsindex import progress

    runner = make_task_runner(args.task_runner, args.dask_address)
    show_bar = sys.stdout.isatty() and not args.json
    total = sum(1 for _ in iter_sources(args.source)) if show_bar else None
    with api_for_workers(args.task_runner), progress.bar(f"ingest {args.source}", total, enabled=show_bar):
        summary = ingest.with_options(task_runner=runner)(
            source=args.source, alias=args.alias, keep_missing=args.keep_missing,
            batch_size=args.batch_size or BATCH_SIZE)
    if args.json:
        json_line(summary)
    else:
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
