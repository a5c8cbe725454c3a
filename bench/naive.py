"""The naive peer: a Prefect flow with one task per article, each cleaning it and indexing it alone.

This is what a first version of the pipeline typically looks like; the benchmark measures how much
faster our batched, multi-process, bulk-writing flow is than this.
"""

from __future__ import annotations

from functools import cache

from prefect import flow, task

import articles
from common.settings import Settings
from flows.sources import iter_sources
from indexing import versions
from indexing.client import make_client
from indexing.documents import to_document


@cache
def _client():
    return make_client(Settings.from_env())


@task(name="process-one-article")
def process_one(path: str, key: str, index: str) -> tuple[int, int]:
    """Clean + enrich one file and index each of its records with its own request."""
    client = _client()
    records = articles.process_path(path, source_path=key)
    ok = 0
    for r in records:
        if r.get("status") == "ok":
            r["source_key"] = key
            client.index(index=index, id=r["id"], body=to_document(r))
            ok += 1
    return len(records), ok


@flow(name="naive-ingest", log_prints=False)
def naive_ingest(source: str, alias: str) -> dict:
    index = versions.ensure(_client(), alias)
    docs = indexed = files = 0
    for path, key in iter_sources(source):
        n, ok = process_one(path, key, index)
        docs += n
        indexed += ok
        files += 1
    _client().indices.refresh(index=index)
    return {"docs": docs, "indexed": indexed, "files": files}
