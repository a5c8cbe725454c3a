"""Progress of a local run, for people: a rich progress bar on a terminal, nothing otherwise.

Flows call `phase(text)` (what the run waits for now: "starting Prefect", "reading", "indexing" ...) and
`advance(n)` per batch; both are no-ops unless the CLI opened a `bar(...)`.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_advance: Callable[[int], None] | None = None
_phase: Callable[[str], None] | None = None
_total: Callable[[int], None] | None = None


def advance(files: int) -> None:
    with _lock:
        if _advance is not None:
            _advance(files)


def phase(text: str) -> None:
    with _lock:
        if _phase is not None:
            _phase(text)


def total(n: int) -> None:
    """How many files the bar counts to, once known (counting them waits for nothing else)."""
    with _lock:
        if _total is not None:
            _total(n)


@contextmanager
def bar(description: str, total: int | None, *, enabled: bool | None = None,
        first: str = "starting Prefect") -> Iterator[None]:
    """Show a transient bar on stderr while the block runs, only when stdout is a terminal."""
    global _advance, _phase, _total
    if enabled is None:
        enabled = sys.stdout.isatty()
    if not enabled:
        yield
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), TextColumn("[dim]{task.fields[phase]}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, transient=True, redirect_stderr=False) as progress:
        task = progress.add_task(description, total=total, phase=first)
        with _lock:
            _advance = lambda n: progress.advance(task, n)  # noqa: E731
            _phase = lambda text: progress.update(task, phase=text)  # noqa: E731
            _total = lambda n: progress.update(task, total=n)  # noqa: E731
        try:
            yield
        finally:
            with _lock:
                _advance = _phase = _total = None
