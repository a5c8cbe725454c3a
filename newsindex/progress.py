"""Progress of a local run, for people: a rich progress bar on a terminal, nothing otherwise.

The CLI opens `bar(...)` and hands the callback it yields to the flow (`on_progress`): the flow
knows nothing of terminals, and no global ties it to the CLI.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _ignore(files: int) -> None:
    pass


@contextmanager
def bar(description: str, total: int | None, *, enabled: bool | None = None) -> Iterator[Callable[[int], None]]:
    """Show a transient bar on stderr while the block runs, only when stdout is a terminal; yields
    `advance(files)`, safe to call from any thread (a no-op when there is no bar)."""
    if enabled is None:
        enabled = sys.stdout.isatty()
    if not enabled:
        yield _ignore
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    lock = threading.Lock()
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(description, total=total)

        def advance(files: int) -> None:
            with lock:
                progress.advance(task, files)

        yield advance
