"""The ingest flow: read -> clean -> enrich -> index, in batches, behind the alias."""

from __future__ import annotations

import time

from prefect import flow, task
from prefect.tasks import exponential_backoff

from flows.sources import batched, iter_sources
from flows.work import Counts, index_batch, process_batch
from indexing import versions
from indexing.client import check_reachable, make_client
from newsindex.settings import Settings

BATCH_SIZE = 200


@task(name="clean-and-enrich")
def clean_and_enrich(items: list[tuple[str, str]]) -> list[dict]:
    return process_batch(items)


@task(name="index", retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=2), retry_jitter_factor=0.3)
def index(records: list[dict], index_name: str) -> Counts:
    settings = Settings.from_env()
    return index_batch(make_client(settings), index_name, records)


@flow(name="ingest", log_prints=False)
def ingest(source: str = "seeds", alias: str = "news", batch_size: int = BATCH_SIZE) -> dict:
    """Index new and changed articles from `source` into the index behind `alias`."""
    started = time.monotonic()
    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    target = versions.ensure(client, alias)
    total = Counts()
    for batch in batched(iter_sources(source), batch_size):
        records = clean_and_enrich(batch)
        total.add(index(records, target))
    client.indices.refresh(index=target)
    return {**total.as_dict(), "alias": alias, "index": target, "source": str(source),
            "duration_s": round(time.monotonic() - started, 2)}
