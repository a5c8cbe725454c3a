"""Progress of a local run, for people: a rich progress bar on a terminal, nothing otherwise.

The CLI opens `bar(...)` and hands the callback it yields to the flow (`on_progress`): the flow knows
nothing of terminals, and no global ties it to the CLI. The flow calls `on_progress(files)` as batches are
done and `on_progress(0, doing)` when it starts waiting for something else ("reading", "indexing" ...).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: on_progress(files done now, what the run waits for now or None, total files once known or None)
Update = Callable[..., None]


def _ignore(files: int = 0, doing: str | None = None, total: int | None = None) -> None:
    pass


@contextmanager
def bar(description: str, total: int | None = None, *, enabled: bool | None = None,
        doing: str = "starting Prefect") -> Iterator[Update]:
    """Show a transient bar on stderr while the block runs, only when stdout is a terminal; yields
    `update(files=0, doing=None, total=None)`, safe to call from any thread (a no-op when there is no bar)."""
    if enabled is None:
        enabled = sys.stdout.isatty()
    if not enabled:
        yield _ignore
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), TextColumn("[dim]{task.fields[doing]}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn()]
    lock = threading.Lock()
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(description, total=total, doing=doing)

        def update(files: int = 0, doing: str | None = None, total: int | None = None) -> None:
            with lock:
                changes: dict = {"advance": files} if files else {}
                if doing is not None:
                    changes["doing"] = doing
                if total is not None:
                    changes["total"] = total
                if changes:
                    progress.update(task, **changes)

        yield update
