"""The one batch engine of every flow: read -> clean + enrich (process pool or Dask) -> index -> state -> ledger.

Ingest, reindex and quarantine retry differ only in which files they read (a `Planner`: only the changed
ones, or every one) and in when their quarantine entries reach the ledger (as batches go, or once the new
version is live). The window of work in flight, the two tasks, the per-batch write with its state and
ledger entries, and the totals are this module's, so a fix here holds for the three of them.

Streaming: the files come in lazily, in batches; at most a few batches are in flight, so memory stays flat
however large the corpus is. Every input is accounted for: seen = indexed + unchanged + quarantined.
"""

from __future__ import annotations

import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from opensearchpy import OpenSearch
from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from common.accounting import Counts
from common.settings import Settings
from flows import report, templates
from flows.incremental import BatchOutput, FileInfo, new_states, plan, read_batch, skipped_counts, stat_files
from flows.runners import CpuPool, batch_collections, current_pool, set_current_pool
from flows.sources import batched
from flows.templates import StoredTemplates
from flows.work import pipeline_version
from indexing import bulk, ledger, state
from indexing.client import check_reachable, is_transient, make_client
from indexing.writer import BatchIndexer

BATCH_SIZE = 200
#: Batches per clean task and per index task (each batch is still cleaned, grouped and written on its own).
BATCHES_PER_TASK = 3

#: on_progress(files done now, what the run waits for now): the CLI's progress display, or nothing
Tell = Callable[..., None]


def silent(files: int = 0, doing: str | None = None, total: int | None = None) -> None:
    """The progress callback of a run nobody watches (a deployment)."""


#: (files of one walked batch) -> (files to read, their stored states by key, stored states of files skipped)
Planner = Callable[[list[FileInfo]], tuple[list[FileInfo], dict[str, dict], list[dict]]]


def retry_transient(task, task_run, state) -> bool:
    """retry_condition_fn: retry only what may succeed later (429, 5xx, connection refused / timeouts)."""
    exc = state.data if isinstance(state.data, BaseException) else state.result(raise_on_failure=False)
    return is_transient(exc if isinstance(exc, BaseException) else None)


@dataclass
class Totals:
    """What a run did, summed over its batches."""

    counts: Counts = field(default_factory=Counts)
    files: int = 0
    files_read: int = 0
    files_skipped: int = 0
    deleted: int = 0
    cleared: int = 0
    kept_missing: int = 0
    unchanged_languages: Counter = field(default_factory=Counter)

    def skip(self, states: list[dict]) -> None:
        """Count files left alone by their stored state (their documents are unchanged, their quarantines kept)."""
        n, langs, reasons = skipped_counts(states)
        q = sum(reasons.values())
        self.files_skipped += len(states)
        self.counts.seen += n + q
        self.counts.unchanged += n
        self.counts.quarantined += q
        self.counts.reasons.update(reasons)
        self.unchanged_languages.update(langs)

    def as_dict(self) -> dict:
        return {**self.counts.as_dict(), "deleted": self.deleted, "kept_missing": self.kept_missing,
                "files": self.files, "files_read": self.files_read, "files_skipped": self.files_skipped,
                "unchanged_languages": dict(self.unchanged_languages)}


class Sink:
    """Writes the cleaned batches of one run into one index, with the state of their files and their
    quarantine entries: straight into the alias's ledger, or held until the new version goes live."""

    def __init__(self, client: OpenSearch, alias: str, index: str, source: str, run_id: str, *,
                 empty: bool | None = None, hold_quarantine: bool = False, all_quarantined: bool = False,
                 learn_templates: bool = False) -> None:
        self.client, self.alias, self.index, self.source, self.run_id = client, alias, index, source, run_id
        self.indexer = BatchIndexer(client, index, empty=empty)
        self.version = pipeline_version()
        #: the run's quarantine entries, kept for `ledger.replace_quarantine` once the version is live (reindex)
        self.held: list[dict] | None = [] if hold_quarantine else None
        #: every input had ledger entries, maybe per line (a quarantine retry): clear them by search, not by id
        self.all_quarantined = all_quarantined
        #: store each batch's template evidence (flows/templates.py) for the next runs: an ingest does; a rebuild
        #: and a retry read what the ingest runs learned and write none
        self.learn_templates = learn_templates
        state.ensure(client, alias)
        ledger.ensure(client, alias)

    def write(self, out: BatchOutput, known: dict[str, dict]) -> tuple[Counts, int, int]:
        """One batch: its documents, the state of its files, its ledger entries; (counts, deleted, cleared)."""
        client, target = self.client, self.index
        counts = self.indexer(out.records)
        if self.learn_templates:
            templates.save(client, self.alias, out.signatures, self.run_id)
        failed = {r["id"] for r in counts.quarantine if str(r.get("reason", "")).startswith("rejected by OpenSearch")}
        entries, stale = new_states(out, source=self.source, index=target, pipeline_version=self.version,
                                    failed_ids=failed, known=known)
        deleted = bulk.delete(client, target, stale) if stale else 0
        cleared = 0
        if self.held is not None:
            self.held.extend(counts.quarantine)
        else:
            if counts.quarantine:
                ledger.upsert_quarantine(client, self.alias, counts.quarantine, run_id=self.run_id,
                                         source=self.source, visible=False)
            cleared = self._clear(counts.ok_keys, known)
        state.save(client, self.alias, entries)
        counts.quarantine = []  # in the ledger (or held) now: memory stays flat
        counts.ok_keys = set()
        return counts, deleted, cleared

    def _clear(self, ok_keys: set[str], known: dict[str, dict]) -> int:
        """Clear the old quarantine entries of inputs that went in now. New files can only have a file entry
        (deleted by id, no search); files whose state had quarantines may have per-line ones (`feed.jsonl#2`)."""
        had = [k for k in ok_keys if self.all_quarantined or (k in known and known[k].get("quarantine_reasons"))]
        fresh = sorted(k for k in ok_keys if k not in known and k not in had)
        cleared = bulk.delete_found(self.client, ledger.quarantine_index(self.alias),
                                    [ledger.quarantine_id(self.alias, k) for k in fresh]) if fresh else 0
        return cleared + (ledger.clear_resolved(self.client, self.alias, had) if had else 0)


@task(name="read-clean-enrich", cache_policy=NO_CACHE)
def clean_and_enrich(batches: list[list[FileInfo]], stored: StoredTemplates | None = None) -> list[BatchOutput]:
    """CPU work for a few batches; in the default runner they go to this process's pool of worker processes
    (spread over all workers). Several batches per task run: Prefect's cost is per task run, not per file.
    `stored`: each site's templates as earlier runs learned them (flows/templates.py)."""
    pool = current_pool()
    read = partial(read_batch, stored=stored)
    return pool.map(read, batches, sum(map(len, batches))) if pool else [read(b) for b in batches]


@task(name="index", cache_policy=NO_CACHE, retries=4, retry_delay_seconds=exponential_backoff(backoff_factor=2),
      retry_jitter_factor=0.3, retry_condition_fn=retry_transient)
def index(outs: list[BatchOutput], sink: Sink, known: dict[str, dict], done: list,
          tell: Tell = silent) -> tuple[Counts, int, int]:
    """Write a few batches, one after the other; idempotent, so retries are safe. `done` keeps the results
    of the batches already written, so a retry goes on with the next batch instead of counting the written
    ones again as unchanged. The progress display advances per batch.

    The flow passes the big arguments `quote`d: Prefect would otherwise walk every record of the batches
    looking for futures, twice per task run."""
    for out in outs[len(done):]:
        done.append(sink.write(out, known))
        tell(len(out.files))
    total, deleted, cleared = Counts(), 0, 0
    for counts, d, c in done:
        total.add(counts)
        deleted += d
        cleared += c
    return total, deleted, cleared


def read_everything(files: list[FileInfo]) -> tuple[list[FileInfo], dict[str, dict], list[dict]]:
    """Planner of a rebuild: every file is read, nothing is known of the new version."""
    return files, {}, []


def incremental(client: OpenSearch, alias: str, source: str, index: str) -> Planner:
    """Planner of an ingest: files whose stored state still holds are skipped unread."""
    version = pipeline_version()

    def planner(files: list[FileInfo]) -> tuple[list[FileInfo], dict[str, dict], list[dict]]:
        known = state.lookup(client, alias, source, [f.key for f in files])
        p = plan(files, known, pipeline_version=version, index=index)
        return p.todo, {f.key: known[f.key] for f in p.todo if f.key in known}, p.skipped
    return planner


def read_again(client: OpenSearch, alias: str, source: str) -> Planner:
    """Planner of a quarantine retry: every file is read and cleaned again, its stored state is updated."""

    def planner(files: list[FileInfo]) -> tuple[list[FileInfo], dict[str, dict], list[dict]]:
        return files, state.lookup(client, alias, source, [f.key for f in files]), []
    return planner


@contextmanager
def cpu_pool() -> Iterator[CpuPool | None]:
    """The process pool of this flow run's clean tasks (default runner); None on Dask (its workers clean)."""
    runner = get_run_context().task_runner
    pool = CpuPool() if isinstance(runner, ThreadPoolTaskRunner) else None
    set_current_pool(pool)
    try:
        yield pool
    finally:
        set_current_pool(None)
        if pool:
            pool.close()


def run(items: Iterable[tuple[str, str]], sink: Sink, planner: Planner, pool: CpuPool | None, *,
        totals: Totals | None = None, batch_size: int = BATCH_SIZE, batches_per_task: int = BATCHES_PER_TASK,
        tell: Tell = silent, stored: StoredTemplates | None = None) -> Totals:
    """Stream (path, key) items through plan -> clean + enrich -> index, a bounded window of work in flight;
    `stored`: the templates the cleaning learns from, besides the batch's own documents."""
    totals = totals or Totals()
    runner = get_run_context().task_runner
    # one batch per worker being cleaned, one ready for the index: enough to keep every core busy, and memory
    # bounded by (workers + 1) batches whatever the corpus size
    in_flight_max = (pool.workers if pool else max(2, getattr(runner, "_max_workers", 2) or 2)) + 1
    window: deque = deque()
    todo: list[FileInfo] = []
    unit: list[list[FileInfo]] = []  # batches of one clean task (and one index task)
    unit_known: dict[str, dict] = {}

    def cut() -> None:
        # a batch is what was to do when it reached batch_size: the same batches (so the same story groups)
        # whatever the number of batches per task
        unit.append(list(todo))
        totals.files_read += len(todo)
        todo.clear()

    def submit() -> None:
        # quoted in this process (no walk over every file); Dask ships the arguments as they are
        batches = quote(list(unit)) if pool else list(unit)
        window.append((clean_and_enrich.submit(batches, stored), dict(unit_known)))
        unit.clear()
        unit_known.clear()

    def drain_one() -> None:
        future, known = window.popleft()
        outs: list[BatchOutput] = future.result()
        tell(0, "indexing")
        for out in outs:
            totals.skip([known[k] for k, meta in out.files.items() if meta["unchanged"] and k in known])
        counts, deleted, cleared = index(quote(outs), quote(sink), quote(known), quote([]), quote(tell))
        # The clean task's state still holds this very list, and Prefect's future and its done-callback refer to
        # each other: only the cyclic collector would free the batches (megabytes each). Emptied, they go now.
        outs.clear()
        totals.counts.add(counts)
        totals.deleted += deleted
        totals.cleared += cleared

    with batch_collections():  # see flows/runners.py GC_THRESHOLDS
        tell(0, "reading")
        for batch in batched(items, batch_size):
            files = stat_files(batch)
            totals.files += len(files)
            files, known, skipped = planner(files)
            if skipped:
                totals.skip(skipped)
                tell(len(skipped))
            todo.extend(files)
            unit_known.update(known)
            if len(todo) >= batch_size:
                cut()
                if len(unit) >= batches_per_task:
                    submit()
            while len(window) >= in_flight_max:
                drain_one()
        if todo:
            cut()
        if unit:
            submit()
        while window:
            drain_one()
        return totals


class Clock:
    """Seconds since the run started: since `started_at` (epoch) when the caller knows better than the flow,
    so a CLI run's duration includes Prefect's start-up."""

    def __init__(self, started_at: float | None = None) -> None:
        self.start = started_at or time.time()

    def seconds(self) -> float:
        return round(time.time() - self.start, 2)


def connect(tell: Tell = silent) -> OpenSearch:
    """The flow's client, checked: a cluster that is not there fails the run at once, in one line."""
    tell(0, "connecting to OpenSearch")
    settings = Settings.from_env()
    client = bulk.uncompressed_on_loopback(make_client(settings, timeout=120))
    check_reachable(client, settings)
    return client


def begin(started_at: float | None, on_progress: Tell | None) -> tuple[Clock, Tell, OpenSearch]:
    """What every flow does first: its clock, whom it tells about progress, and a checked client."""
    tell = on_progress or silent
    return Clock(started_at), tell, connect(tell)


def finish(client: OpenSearch, summary: dict, clock: Clock, *, kind: str, status: str = "ok",
           error: str | None = None, tell: Tell = silent) -> dict:
    """Close a run: its duration, its ledger document, its Prefect artifact. Returns the summary."""
    tell(0, "writing the report")
    summary["duration_s"] = clock.seconds()
    summary["run_id"] = ledger.record_run(client, summary["alias"], summary, [], kind=kind, status=status,
                                          error=error)
    report.publish(summary, kind)
    return summary
