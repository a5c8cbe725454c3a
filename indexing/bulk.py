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


def _chunks(docs: Iterable[dict], index: str, chunk_size: int) -> Iterator[list[tuple[str, str]]]:
    """(id, two NDJSON lines) per document, in chunks bounded by count and bytes."""
    chunk: list[tuple[str, str]] = []
    size = 0
    for d in docs:
        doc_id = str(d["id"])
        lines = (json.dumps({"index": {"_index": index, "_id": doc_id}}) + "\n"
                 + json.dumps(d, ensure_ascii=False, default=str) + "\n")
        n = len(lines.encode("utf-8"))
        if chunk and (len(chunk) >= chunk_size or size + n > MAX_CHUNK_BYTES):
            yield chunk
            chunk, size = [], 0
        chunk.append((doc_id, lines))
        size += n
    if chunk:
        yield chunk


def write(client: OpenSearch, index: str, docs: Iterable[dict], *, chunk_size: int = 500,
          refresh: bool = False, max_retries: int = 5, initial_backoff: float = 1.0,
          max_backoff: float = 30.0) -> BulkResult:
    """Bulk-index docs (each with an `id`); see the module doc for what is returned and what is raised."""
    result = BulkResult()
    for chunk in _chunks(docs, index, chunk_size):
        pending = chunk
        for attempt in range(max_retries + 1):
            with translated(client, f"writing to {index}"):
                resp = client.bulk(body="".join(lines for _, lines in pending))
            retry: list[tuple[str, str]] = []
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


def delete(client: OpenSearch, index: str, ids: Iterable[str]) -> int:
    actions = ({"_op_type": "delete", "_index": index, "_id": i} for i in ids)
    n = 0
    with translated(client, f"deleting from {index}"):
        for ok, _item in helpers.streaming_bulk(client, actions, raise_on_error=False, max_retries=5):
            n += int(ok)
    return n
