"""The reindex flow: build the next index version from the sources, check it, swap the alias, prune.

Why a fresh version instead of re-ingesting in place: analysers and mappings cannot change on a live
index, and searchers must never see a half-built one. The new version is filled off to the side with
the same batch work as ingest; only a complete, counted version goes behind the alias.

Nobody searches the new version while it is built, so it is built with `refresh_interval: -1` (no
background refreshes): it is refreshed once after each batch, so that the next batch groups its stories
with what is already in (the same records whatever the runner or the speed), and the template's interval is
restored before the alias moves to it.
"""

from __future__ import annotations

import time
from collections import deque

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.context import get_run_context
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff
from prefect.utilities.annotations import quote

from flows.runners import CpuPool, current_pool, set_current_pool
from flows.sources import batched, iter_sources
from flows.work import BatchIndexer, Counts, prepare, process_batch
from indexing import bulk, versions
from indexing.client import check_reachable, make_client, translated
from indexing.template import index_body
from newsindex.settings import Settings, default_alias

BATCH_SIZE = 200


class ReindexAborted(RuntimeError):
    """The new version does not hold what the sources say; it was deleted and the alias left alone."""


def _clean(items: list[tuple[str, str]]) -> list[dict]:
    # `process_batch` looked up at call time: tests replace it on this module
    return prepare(process_batch(items))


@task(name="clean-and-enrich", cache_policy=NO_CACHE)
def clean_and_enrich(items: list[tuple[str, str]]) -> list[dict]:
    pool = current_pool()
    return pool.run(_clean, items, len(items)) if pool else _clean(items)


@task(name="index", cache_policy=NO_CACHE, retries=3,
      retry_delay_seconds=exponential_backoff(backoff_factor=2), retry_jitter_factor=0.3)
def index(records: list[dict], indexer: BatchIndexer) -> Counts:
    counts = indexer(records)
    if counts.indexed:
        with translated(indexer.client, f"refreshing {indexer.index}"):
            indexer.client.indices.refresh(index=indexer.index)
    counts.quarantine = []  # counted; reindex keeps no ledger of its own: memory stays flat
    return counts


def _refresh_interval(client, index: str, value: str) -> None:
    with translated(client, f"updating {index}"):
        client.indices.put_settings(index=index, body={"index": {"refresh_interval": value}})


@flow(name="reindex", log_prints=False)
def reindex(source: str = "seeds", alias: str | None = None, batch_size: int = BATCH_SIZE) -> dict:
    """Rebuild `alias` (default: NEWSINDEX_ALIAS or news) from `source` with the current template; keep the
    previous version for rollback."""
    alias = alias or default_alias()
    started = time.monotonic()
    settings = Settings.from_env()
    client = bulk.uncompressed_on_loopback(make_client(settings, timeout=120))
    check_reachable(client, settings)
    new = versions.create_next(client, alias)
    runner = get_run_context().task_runner
    pool = CpuPool() if isinstance(runner, ThreadPoolTaskRunner) else None
    in_flight_max = (pool.workers if pool else 2) + 1
    set_current_pool(pool)
    try:
        _refresh_interval(client, new, "-1")
        indexer = BatchIndexer(client, new, empty=True)
        total, expected = Counts(), set()
        window: deque = deque()

        def drain_one() -> None:
            records = window.popleft().result()
            expected.update(r["id"] for r in records if r.get("status") == "ok")
            total.add(index(quote(records), quote(indexer)))

        for batch in batched(iter_sources(source), batch_size):
            window.append(clean_and_enrich.submit(quote(batch) if pool else batch))
            while len(window) >= in_flight_max:
                drain_one()
        while window:
            drain_one()
        _refresh_interval(client, new, str(index_body()["settings"]["index"].get("refresh_interval", "1s")))
        client.indices.refresh(index=new)
        docs = client.count(index=new)["count"]
        if not expected:
            raise ReindexAborted(f"no ok articles in {source!r} ({total.seen} inputs); "
                                 f"alias {alias!r} left as it was rather than pointed at an empty index")
        if docs != len(expected):
            raise ReindexAborted(
                f"{new} holds {docs} documents but the sources have {len(expected)} ok articles "
                f"({total.quarantined} quarantined: {dict(total.reasons)}); alias {alias!r} left as it was")
    except BaseException:
        client.indices.delete(index=new, ignore_unavailable=True)
        raise
    finally:
        set_current_pool(None)
        if pool:
            pool.close()
    old = versions.swap(client, alias, new)
    pruned = versions.prune(client, alias, keep={new, *([old] if old else [])})
    return {**total.as_dict(), "alias": alias, "index": new, "previous": old, "pruned": pruned,
            "docs": docs, "source": str(source), "duration_s": round(time.monotonic() - started, 2)}
