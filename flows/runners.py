"""Where the CPU work (read + clean + enrich) runs.

- `default`: Prefect's ThreadPoolTaskRunner orchestrates the batches; each clean task hands its batch to
  a process pool of one worker per core (spawned, so no fork-after-threads hazards), so every core
  cleans while the flow process writes to OpenSearch. Small runs (one small batch) stay in-process:
  starting worker processes would cost more than it saves.
- `dask`: prefect-dask's DaskTaskRunner; the clean tasks run on the Dask workers themselves (no nested
  pool). With `dask_address` it connects to an existing cluster (`tcp://host:8786`), else it starts a
  LocalCluster of worker processes.

Index tasks are always called directly from the flow, so OpenSearch writes stay in the flow process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("default", "dask")
#: Below this many files in a batch, with no pool started yet, cleaning stays in the calling process.
MIN_POOL_FILES = 32


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_task_runner(kind: str = "default", dask_address: str | None = None,
                     workers: int | None = None) -> TaskRunner:
    workers = workers or cores()
    if kind == "default":
        return ThreadPoolTaskRunner(max_workers=max(2, workers))
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown task runner {kind!r}; choose one of {', '.join(RUNNERS)}")


@contextmanager
def api_for_workers(kind: str) -> Iterator[None]:
    """Dask workers are other processes: in local mode (no PREFECT_API_URL) each would start its own temporary
    Prefect server and record its task runs there. Start one temporary server here and point every process
    of this run at it; stop it afterwards. A no-op for the default runner or when a server is configured."""
    if kind != "dask" or os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()
    server.start(timeout=60)
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()


#: The cyclic collector's thresholds while a run's batches go through a process. With CPython's (700, 10, 10),
#: a 30k-article ingest ran 2,300 collections in the flow process, 13 of them over every long-lived object (the
#: recent stories, Prefect's state): 2.5 CPU s, a quarter of the flow process's CPU. With these it ran 80, none
#: full. Reference counting frees a batch's objects either way; only cyclic garbage waits a little longer.
GC_THRESHOLDS = (10_000, 20, 100)


def fewer_collections() -> tuple[int, int, int]:
    """Raise the collector's thresholds to GC_THRESHOLDS (never lower them); the old ones, to restore."""
    old = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(old, GC_THRESHOLDS, strict=False)))
    return old


@contextmanager
def batch_collections() -> Iterator[None]:
    """GC_THRESHOLDS in this process while a run's batches go through it."""
    old = fewer_collections()
    try:
        yield
    finally:
        gc.set_threshold(*old)


class CpuPool:
    """A lazily started process pool shared by the clean tasks of one flow run in this process."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or cores()
        self._pool: Executor | None = None
        self._lock = threading.Lock()

    def _pool_for(self, size: int) -> Executor | None:
        """The shared pool, started on first use; small jobs stay in this process (spawning costs more)."""
        if self.workers <= 1:
            return None
        with self._lock:
            if self._pool is None and size < MIN_POOL_FILES:
                return None
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=fewer_collections)
            return self._pool

    def run(self, fn, arg, size: int):
        return self.map(fn, [arg], size)[0]

    def map(self, fn, args: list, size: int) -> list:
        """`fn` over `args` on the pool's workers (spread over all of them), results in order."""
        pool = self._pool_for(size)
        if pool is None:
            return [fn(a) for a in args]
        futures = [pool.submit(fn, a) for a in args]
        return [f.result() for f in futures]

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


#: The pool of the flow run executing in this process; None inside Dask workers and subprocesses.
_current: CpuPool | None = None


def current_pool() -> CpuPool | None:
    return _current


def set_current_pool(pool: CpuPool | None) -> None:
    global _current
    _current = pool
