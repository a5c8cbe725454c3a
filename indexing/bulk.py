"""Idempotent bulk writes (stable _id) that read every item's result and tell two kinds of failure apart.

- A document's own fault (mapping conflict, a field of the wrong type, a strict-mapping violation):
  that one item is returned in `BulkResult.failed` and the caller quarantines it; the rest of the batch
  is written.
- The cluster's fault (a read-only block, rejections that outlast the retries, 5xx, connection lost):
  raised as `OpenSearchUnavailable` (or `OpenSearchWriteBlocked`), so the run stops with a clear error
  and nothing is counted as done. Re-running is safe: ids are stable, so a document is never duplicated.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import orjson
from opensearchpy import OpenSearch, helpers

from indexing.client import OpenSearchUnavailable, OpenSearchWriteBlocked, block_message, translated, where

#: Item statuses/types that are the cluster's state, not the document's fault.
RETRYABLE_STATUS = {429, 502, 503, 504}
MAX_CHUNK_BYTES = 10 * 1024 * 1024


@dataclass
class BulkResult:
    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)


def _error_text(err: object) -> tuple[str, str]:
    if isinstance(err, dict):
        reason = str(err.get("reason"))
        cause = err.get("caused_by")
        if isinstance(cause, dict) and cause.get("reason"):
            reason += f" ({cause.get('type')}: {cause.get('reason')})"
        return str(err.get("type")), reason
    return "error", str(err)


def _action(index: str, doc_id: str) -> bytes:
    return json.dumps({"index": {"_index": index, "_id": doc_id}}).encode() + b"\n"


def _chunks(items: Iterable[tuple[str, bytes]], chunk_size: int,
            max_bytes: int = MAX_CHUNK_BYTES) -> Iterator[list[tuple[str, bytes]]]:
    """(id, two NDJSON lines as bytes) per document, in chunks bounded by count and bytes."""
    chunk: list[tuple[str, bytes]] = []
    size = 0
    for doc_id, lines in items:
        n = len(lines)
        if chunk and (len(chunk) >= chunk_size or size + n > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append((doc_id, lines))
        size += n
    if chunk:
        yield chunk


def _encoded(docs: Iterable[dict], index: str) -> Iterator[tuple[str, bytes]]:
    for d in docs:
        doc_id = str(d["id"])
        yield doc_id, _action(index, doc_id) + json.dumps(d, ensure_ascii=False, default=str).encode("utf-8") + b"\n"


def prepared(index: str, items: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    """(id, document JSON bytes) -> (id, NDJSON lines) for `write_lines`: documents serialised elsewhere."""
    for doc_id, doc in items:
        yield doc_id, b"".join((_action(index, doc_id), doc, b"\n"))


def write_sources(client: OpenSearch, index: str, items: Iterable[tuple[str, dict]], what: str) -> int:
    """Bookkeeping documents (state, template evidence) by _id, through the same path as the articles: the same
    retries, and a cluster failure raised as `OpenSearchUnavailable`. A document rejected here is our bug: raised."""
    lines = prepared(index, ((doc_id, orjson.dumps(src)) for doc_id, src in items))
    result = write_lines(client, index, lines)
    if result.failed:
        raise RuntimeError(f"{what} index write failed for {len(result.failed)} entries, first: {result.failed[0]}")
    return len(result.written)


#: Only what the item loop reads: smaller responses to build on the server and to parse here.
_FILTER = "errors,items.*.status,items.*.error"


def write(client: OpenSearch, index: str, docs: Iterable[dict], *, chunk_size: int = 500,
          refresh: bool = False, max_retries: int = 5, initial_backoff: float = 1.0,
          max_backoff: float = 30.0) -> BulkResult:
    """Bulk-index docs (each with an `id`); see the module doc for what is returned and what is raised."""
    return write_lines(client, index, _encoded(docs, index), chunk_size=chunk_size, refresh=refresh,
                       max_retries=max_retries, initial_backoff=initial_backoff, max_backoff=max_backoff)


def write_lines(client: OpenSearch, index: str, items: Iterable[tuple[str, bytes]], *, chunk_size: int = 1000,
                max_bytes: int = MAX_CHUNK_BYTES, refresh: bool = False, max_retries: int = 5,
                initial_backoff: float = 1.0, max_backoff: float = 30.0) -> BulkResult:
    """`write` for (id, NDJSON action + source lines) already encoded: one `_bulk` per chunk."""
    result = BulkResult()
    for chunk in _chunks(items, chunk_size, max_bytes):
        pending = chunk
        for attempt in range(max_retries + 1):
            with translated(client, f"writing to {index}"):
                resp = client.bulk(body=b"".join(lines for _, lines in pending), filter_path=_FILTER)
            if not resp.get("errors"):
                result.written.extend(doc_id for doc_id, _ in pending)
                break
            retry: list[tuple[str, bytes]] = []
            for (doc_id, lines), item in zip(pending, resp["items"], strict=True):
                info = next(iter(item.values()))
                status = int(info.get("status", 500))
                if 200 <= status < 300:
                    result.written.append(doc_id)
                    continue
                etype, reason = _error_text(info.get("error"))
                if etype == "cluster_block_exception":
                    raise OpenSearchWriteBlocked(block_message(where(client), index, detail=reason))
                if status in RETRYABLE_STATUS:
                    retry.append((doc_id, lines))
                else:
                    result.failed.append((doc_id, f"rejected by OpenSearch ({status} {etype}): {reason}"))
            if not retry:
                break
            if attempt == max_retries:
                raise OpenSearchUnavailable(
                    f"OpenSearch at {where(client)} kept rejecting writes to {index} after {max_retries} retries "
                    "(overloaded or shards unavailable); run again later: nothing was lost.")
            time.sleep(min(max_backoff, initial_backoff * 2 ** attempt))
            pending = retry
    if refresh:
        with translated(client, f"refreshing {index}"):
            client.indices.refresh(index=index)
    return result


_LOOPBACK = ("127.", "localhost", "[::1]")


def uncompressed_on_loopback(client: OpenSearch) -> OpenSearch:
    """Turn off gzip for a node on this machine: bulk bodies are megabytes, and level-9 gzip costs ~1 ms of
    client CPU per document (plus the node's inflate) to save bytes that never leave the box. Remote nodes keep
    it. Returns the client (changed in place)."""
    for conn in getattr(client.transport.connection_pool, "connections", ()):
        host = str(getattr(conn, "host", "")).split("://", 1)[-1]
        if host.startswith(_LOOPBACK):
            conn.http_compress = False
    return client


def delete(client: OpenSearch, index: str, ids: Iterable[str]) -> int:
    actions = ({"_op_type": "delete", "_index": index, "_id": i} for i in ids)
    n = 0
    with translated(client, f"deleting from {index}"):
        for ok, _item in helpers.streaming_bulk(client, actions, raise_on_error=False, max_retries=5):
            n += int(ok)
    return n


def delete_found(client: OpenSearch, index: str, ids: Iterable[str], chunk: int = 1000) -> int:
    """delete() of those ids that exist: a delete of a missing id still writes a tombstone (≈ 6x the JVM CPU of
    looking the id up), and most ids asked here (quarantine entries of files never quarantined) are missing."""
    ids = list(ids)
    found: list[str] = []
    with translated(client, f"reading {index}"):
        for i in range(0, len(ids), chunk):
            resp = client.mget(index=index, body={"ids": ids[i:i + chunk]}, _source=False)
            found += [d["_id"] for d in resp["docs"] if d.get("found")]
    return delete(client, index, found) if found else 0
