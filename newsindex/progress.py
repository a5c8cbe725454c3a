"""Progress of a local run, for people: a rich progress bar on a terminal, nothing otherwise.

Flows call `advance(n)` (a no-op unless the CLI installed a reporter); the CLI opens `bar(...)`.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_reporter = None


def advance(files: int) -> None:
    with _lock:
        if _reporter is not None:
            _reporter(files)


@contextmanager
def bar(description: str, total: int | None, *, enabled: bool | None = None) -> Iterator[None]:
    """Show a transient bar on stderr while the block runs, only when stdout is a terminal."""
    global _reporter
    if enabled is None:
        enabled = sys.stdout.isatty()
    if not enabled:
        yield
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(description, total=total)
        with _lock:
            _reporter = lambda n: progress.advance(task, n)  # noqa: E731
        try:
            yield
        finally:
            with _lock:
                _reporter = None
