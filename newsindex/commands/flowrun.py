"""Run a flow in Prefect's local mode for a CLI command: quiet Prefect, the progress display, the whole duration.

One place for what `ingest`, `reindex` and `quarantine retry` share, so the three behave alike on a terminal.
"""

from __future__ import annotations

import importlib
import os
import sys
import time

from newsindex import progress
from newsindex.prefect_env import quiet_prefect


def run_flow(entry: str, *, title: str, count_files: str | None = None, json_mode: bool = False,
             task_runner: str = "default", dask_address: str | None = None, started_at: float | None = None,
             **params: object) -> dict:
    """Call the flow `module:function` with `params`; `started_at` (epoch) is when the command started, so the
    reported duration includes Prefect's start-up. A bar on a terminal (not with --json) says what the run
    waits for and counts the files of `count_files` as their batches are done."""
    started_at = started_at or time.time()
    quiet_prefect()
    # --task-runner dask: the scheduler/nanny chatter and close-time tracebacks are not for people.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "error")
    show_bar = sys.stdout.isatty() and not json_mode
    with progress.bar(title, enabled=show_bar) as update:
        module, _, name = entry.partition(":")
        flow = getattr(importlib.import_module(module), name)
        from flows.runners import api_for_workers, make_task_runner
        from flows.sources import iter_sources

        if show_bar and count_files:
            update(total=sum(1 for _ in iter_sources(count_files)))
        with api_for_workers(task_runner):
            return flow.with_options(task_runner=make_task_runner(task_runner, dask_address))(
                **params, started_at=started_at, on_progress=update if show_bar else None)
