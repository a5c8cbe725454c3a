"""The reindex flow: build the next index version from the sources, check it, swap the alias, prune.

Why a fresh version instead of re-ingesting in place: analysers and mappings cannot change on a live
index, and searchers must never see a half-built one. The new version is filled off to the side with
the same batch work as ingest; only a complete, counted version goes behind the alias.
"""

from __future__ import annotations

import time

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows.sources import batched, iter_sources
from flows.work import Counts, index_batch, process_batch
from indexing import versions
from indexing.client import check_reachable, make_client
from newsindex.settings import Settings

BATCH_SIZE = 200


class ReindexAborted(RuntimeError):
    """The new version does not hold what the sources say; it was deleted and the alias left alone."""


@task(name="clean-and-enrich", cache_policy=NO_CACHE)
def clean_and_enrich(items: list[tuple[str, str]]) -> list[dict]:
    return process_batch(items)


@task(name="index", cache_policy=NO_CACHE, retries=3,
      retry_delay_seconds=exponential_backoff(backoff_factor=2), retry_jitter_factor=0.3)
def index(records: list[dict], index_name: str) -> Counts:
    return index_batch(make_client(Settings.from_env()), index_name, records)


@flow(name="reindex", log_prints=False)
def reindex(source: str = "seeds", alias: str = "news", batch_size: int = BATCH_SIZE) -> dict:
    """Rebuild `alias` from `source` with the current template; keep the previous version for rollback."""
    started = time.monotonic()
    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    new = versions.create_next(client, alias)
    try:
        total, expected = Counts(), set()
        for batch in batched(iter_sources(source), batch_size):
            records = clean_and_enrich(batch)
            expected.update(r["id"] for r in records if r.get("status") == "ok")
            total.add(index(records, new))
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
    old = versions.swap(client, alias, new)
    pruned = versions.prune(client, alias, keep={new, *([old] if old else [])})
    return {**total.as_dict(), "alias": alias, "index": new, "previous": old, "pruned": pruned,
            "docs": docs, "source": str(source), "duration_s": round(time.monotonic() - started, 2)}
