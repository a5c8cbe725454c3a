"""The ingest flow: new and changed files only -> clean + enrich (all cores) -> index, behind the alias.

Streaming: the source folder is walked lazily, in batches; at most a few batches are in flight,
so memory stays flat however large the corpus is. Every input is accounted for in the summary.

Caching: the durable cache is the state index (indexing/state.py): it lives in OpenSearch, so it
survives restarts and machine changes, and it skips unchanged files before they are even read.
Prefect task caching is off on purpose: cached clean results would be pickled record batches on
the local disk of whichever machine ran them, duplicating the state index for little gain (after a
failed run, the batches that were indexed are already skipped by their state).
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path

from opensearchpy.exceptions import ConnectionError as OSConnectionError
from opensearchpy.exceptions import ConnectionTimeout, TransportError
from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from flows import report
from flows.incremental import (
    BatchOutput,
    FileInfo,
    new_states,
    plan,
    read_batch,
    skipped_counts,
    source_file,
    source_id,
    stat_files,
)
from flows.runners import CpuPool, current_pool, set_current_pool
from flows.sources import batched, iter_sources
from flows.work import BatchIndexer, Counts, pipeline_version
from indexing import bulk, ledger, state, versions
from indexing.client import OpenSearchUnavailable, check_reachable, make_client, translated
from newsindex import progress
from newsindex.settings import Settings, default_alias

BATCH_SIZE = 200
#: Batches per clean task and per index task (each batch is still cleaned, grouped and written on its own).
BATCHES_PER_TASK = 3
#: Statuses worth retrying: throttling and server-side trouble. 4xx other than 429 are our bug or config.
TRANSIENT_STATUS = {429, 500, 502, 503, 504}

log = logging.getLogger("newsindex.ingest")


_TRANSLATED_STATUS = re.compile(r"\bHTTP (\d{3})\b")


def is_transient(exc: BaseException | None) -> bool:
    """Worth retrying: connection refused/lost, timeouts, 429 and 5xx. Auth, TLS, write blocks, 4xx: not."""
    if isinstance(exc, (OSConnectionError, ConnectionTimeout, ConnectionRefusedError, TimeoutError)):
        return True  # includes indexing.client.OpenSearchConnectionLost
    if isinstance(exc, TransportError):
        return getattr(exc, "status_code", None) in TRANSIENT_STATUS
    if type(exc) is OpenSearchUnavailable:  # a translated HTTP error ("... failed: HTTP 503 ..."); not its subclasses
        m = _TRANSLATED_STATUS.search(str(exc))
        return bool(m) and int(m.group(1)) in TRANSIENT_STATUS
    return False


def retry_transient(task, task_run, state) -> bool:
    """retry_condition_fn: retry only what may succeed later (429, 5xx, connection refused / timeouts)."""
    exc = state.data if isinstance(state.data, BaseException) else state.result(raise_on_failure=False)
    return is_transient(exc if isinstance(exc, BaseException) else None)


@task(name="read-clean-enrich", cache_policy=NO_CACHE)
def clean_and_enrich(batches: list[list[FileInfo]]) -> list[BatchOutput]:
    """CPU work for a few batches; in the default runner they go to this process's pool of worker processes
    (spread over all workers). Several batches per task run: Prefect's cost is per task run, not per file."""
    pool = current_pool()
    return pool.map(read_batch, batches, sum(map(len, batches))) if pool else [read_batch(b) for b in batches]


@task(name="index", cache_policy=NO_CACHE, retries=4, retry_delay_seconds=exponential_backoff(backoff_factor=2),
      retry_jitter_factor=0.3, retry_condition_fn=retry_transient)
def index(outs: list[BatchOutput], indexer: BatchIndexer, alias: str, source: str, known: dict[str, dict],
          run_id: str, done: list) -> tuple[Counts, int]:
    """Write a few batches, one after the other, with their quarantine entries (ledger) and the state of their
    files; idempotent, so retries are safe. `done` keeps the results of the batches already written, so a retry
    goes on with the next batch instead of counting the written ones again as unchanged.

    The flow passes the big arguments `quote`d: Prefect would otherwise walk every record of the batches
    looking for futures, twice per task run."""
    for out in outs[len(done):]:
        done.append(_index_batch(out, indexer, alias, source, known, run_id))
    total, deleted = Counts(), 0
    for counts, d in done:
        total.add(counts)
        deleted += d
    total.ok_keys.clear()
    return total, deleted


def _index_batch(out: BatchOutput, indexer: BatchIndexer, alias: str, source: str, known: dict[str, dict],
                 run_id: str) -> tuple[Counts, int]:
    client, target = indexer.client, indexer.index
    counts = indexer(out.records)
    failed = {r["id"] for r in counts.quarantine if str(r.get("reason", "")).startswith("rejected by OpenSearch")}
    entries, stale = new_states(out, source=source, index=target, pipeline_version=pipeline_version(),
                                failed_ids=failed, known=known)
    deleted = bulk.delete(client, target, stale) if stale else 0
    if counts.quarantine:
        ledger.ensure(client, alias)
        ledger.upsert_quarantine(client, alias, counts.quarantine, run_id=run_id, source=source)
    # inputs that went in now: clear their old quarantine entries (only files that had some, or had no state)
    cleared = {k for k in counts.ok_keys if k not in known or known[k].get("quarantine_reasons")}
    if cleared:  # by id (bulk delete): _delete_by_query needs the reindex module, which a local node may lack
        bulk.delete(client, ledger.quarantine_index(alias), [ledger.quarantine_id(alias, k) for k in sorted(cleared)])
    if counts.indexed or deleted:
        # the next batch groups its stories with what is in the index: make this batch visible to it now,
        # so story ids do not depend on refresh timing (same records whatever the runner or the speed)
        with translated(client, f"refreshing {target}"):
            client.indices.refresh(index=target)
    state.save(client, alias, entries)
    counts.quarantine = []  # in the ledger now: memory stays flat
    return counts, deleted


@dataclass
class Totals:
    counts: Counts = field(default_factory=Counts)
    files: int = 0
    files_read: int = 0
    files_skipped: int = 0
    deleted: int = 0
    kept_missing: int = 0
    unchanged_languages: Counter = field(default_factory=Counter)

    def skip(self, states: list[dict]) -> None:
        n, langs, reasons = skipped_counts(states)
        q = sum(reasons.values())
        self.files_skipped += len(states)
        self.counts.seen += n + q
        self.counts.unchanged += n
        self.counts.quarantined += q
        self.counts.reasons.update(reasons)
        self.unchanged_languages.update(langs)


def _remove_missing(client, alias: str, source: str, src: str, target: str, keep: bool) -> tuple[int, int]:
    """Documents of files that vanished from `source`: deleted (with their state), or only counted."""
    deleted = kept = 0
    for chunk in batched((e for e in state.entries(client, alias, src)
                          if not source_file(source, e["key"]).exists()), 500):
        if keep:
            kept += len(chunk)
            continue
        ids = [i for e in chunk for i in e.get("doc_ids") or []]
        deleted += bulk.delete(client, target, ids) if ids else 0
        state.forget(client, alias, src, [e["key"] for e in chunk])
    return deleted, kept


@flow(name="ingest", log_prints=False)
def ingest(source: str = "seeds", alias: str | None = None, keep_missing: bool = False,
           batch_size: int = BATCH_SIZE, batches_per_task: int = BATCHES_PER_TASK) -> dict:
    """Index new and changed articles from `source` into the index behind `alias` (default: NEWSINDEX_ALIAS or
    news); drop vanished ones."""
    alias = alias or default_alias()
    started = time.monotonic()
    if not Path(source).exists():
        raise FileNotFoundError(f"source folder {source!r} does not exist (working directory {Path.cwd()})")
    settings = Settings.from_env()
    client = bulk.uncompressed_on_loopback(make_client(settings, timeout=120))
    check_reachable(client, settings)
    target = versions.ensure(client, alias)
    indexer = BatchIndexer(client, target)
    state.ensure(client, alias)
    src = source_id(source)
    version = pipeline_version()
    run_id = ledger.new_run_id()
    runner = get_run_context().task_runner
    pool = CpuPool() if isinstance(runner, ThreadPoolTaskRunner) else None
    # one batch per worker being cleaned, one ready for the index: enough to keep every core busy, and memory
    # bounded by (workers + 1) batches whatever the corpus size
    in_flight_max = (pool.workers if pool else max(2, getattr(runner, "_max_workers", 2) or 2)) + 1
    totals = Totals()
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
        window.append((clean_and_enrich.submit(batches), dict(unit_known)))
        unit.clear()
        unit_known.clear()

    def drain_one() -> None:
        future, known = window.popleft()
        outs: list[BatchOutput] = future.result()
        for out in outs:
            totals.skip([known[k] for k, meta in out.files.items() if meta["unchanged"] and k in known])
        counts, deleted = index(quote(outs), quote(indexer), alias, src, quote(known), run_id, quote([]))
        totals.counts.add(counts)
        totals.counts.ok_keys.clear()  # used per batch in the task; memory stays flat
        totals.deleted += deleted
        progress.advance(sum(len(out.files) for out in outs))

    set_current_pool(pool)
    try:
        for batch in batched(iter_sources(source), batch_size):
            files = stat_files(batch)
            totals.files += len(files)
            known = state.lookup(client, alias, src, [f.key for f in files])
            p = plan(files, known, pipeline_version=version, index=target)
            totals.skip(p.skipped)
            progress.advance(len(p.skipped))
            todo.extend(p.todo)
            unit_known.update({f.key: known[f.key] for f in p.todo if f.key in known})
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
    finally:
        set_current_pool(None)
        if pool:
            pool.close()

    if totals.files == 0:
        log.warning("no files under %s: not removing anything from %s", source, alias)
    else:
        deleted, totals.kept_missing = _remove_missing(client, alias, source, src, target, keep_missing)
        totals.deleted += deleted
    with translated(client, f"refreshing {target}"):
        client.indices.refresh(index=target)
    totals.counts.check(" in the ingest run")
    summary = {
        "run_id": run_id,
        **totals.counts.as_dict(),
        "deleted": totals.deleted, "kept_missing": totals.kept_missing,
        "files": totals.files, "files_read": totals.files_read, "files_skipped": totals.files_skipped,
        "unchanged_languages": dict(totals.unchanged_languages),
        "alias": alias, "index": target, "source": str(source),
        "task_runner": "dask" if pool is None else "default",
        "duration_s": round(time.monotonic() - started, 2),
    }
    ledger.record_run(client, alias, summary, [])
    report.publish(summary)
    return summary
