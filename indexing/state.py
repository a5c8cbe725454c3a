"""Incremental-ingest state, kept in OpenSearch so it survives restarts and machine changes.

One small index per alias (`<alias>-state`), one document per source file:
which source folder and key it came from, its size, mtime and content hash when it was last processed,
the pipeline version that processed it, the physical index it was written to, and what it produced
(the ids of its indexed documents with their languages, the reasons of its quarantined records).
A file is skipped on the next run only when all of these still hold; see flows/incremental.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from opensearchpy import OpenSearch, helpers

from indexing import bulk
from indexing.client import create_index, translated

STATE_SUFFIX = "-state"

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "source": {"type": "keyword"},
        "key": {"type": "keyword"},
        "size": {"type": "long"},
        "mtime_ns": {"type": "long"},
        "file_hash": {"type": "keyword"},
        "pipeline_version": {"type": "keyword"},
        "index": {"type": "keyword"},
        "doc_ids": {"type": "keyword"},
        "languages": {"type": "keyword", "index": False},
        "quarantine_reasons": {"type": "keyword"},
        "updated_at": {"type": "date"},
    },
}


def state_index(alias: str) -> str:
    """Per alias, so two aliases (or two test runs) never share or clobber each other's state."""
    return f"{alias}{STATE_SUFFIX}"


def state_id(source: str, key: str) -> str:
    return hashlib.sha1(f"{source}\0{key}".encode()).hexdigest()


def ensure(client: OpenSearch, alias: str) -> str:
    return ensure_small_index(client, state_index(alias), MAPPING)


def ensure_small_index(client: OpenSearch, name: str, mapping: dict) -> str:
    """A one-shard bookkeeping index (state, templates), created once; a concurrent creation is fine."""
    with translated(client, f"creating {name}"):
        if client.indices.exists(index=name):
            return name
        create_index(client, name, {"settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"},
                                    "mappings": mapping}, exist_ok=True)
    return name


def lookup(client: OpenSearch, alias: str, source: str, keys: Iterable[str]) -> dict[str, dict]:
    """key -> stored state, for the keys that have one."""
    ids = {state_id(source, k): k for k in keys}
    if not ids:
        return {}
    with translated(client, f"reading {state_index(alias)}"):
        resp = client.mget(index=state_index(alias), body={"ids": list(ids)})
    return {ids[d["_id"]]: d["_source"] for d in resp["docs"] if d.get("found")}


def raise_on_errors(errors: list, what: str = "state") -> None:
    if errors:
        raise RuntimeError(f"{what} index write failed for {len(errors)} entries, first: {errors[0]}")


def save(client: OpenSearch, alias: str, entries: Iterable[dict]) -> int:
    """Write entries (each with at least source and key); returns how many were written."""
    return bulk.write_sources(client, state_index(alias), ((state_id(e["source"], e["key"]), e) for e in entries),
                              "state")


def forget(client: OpenSearch, alias: str, source: str, keys: Iterable[str]) -> int:
    index = state_index(alias)
    actions = ({"_op_type": "delete", "_index": index, "_id": state_id(source, k)} for k in keys)
    with translated(client, f"writing {index}"):
        n, errors = helpers.bulk(client, actions, raise_on_error=False, max_retries=5, initial_backoff=1)
    raise_on_errors([e for e in errors if next(iter(e.values())).get("status") != 404])
    return n


def entries(client: OpenSearch, alias: str, source: str) -> Iterator[dict]:
    """Every stored entry of this source folder, streamed (scroll), never all in memory."""
    query = {"query": {"term": {"source": source}}, "_source": ["key", "doc_ids"]}
    with translated(client, f"reading {state_index(alias)}"):
        for hit in helpers.scan(client, index=state_index(alias), query=query, size=1000, preserve_order=False):
            yield hit["_source"]
