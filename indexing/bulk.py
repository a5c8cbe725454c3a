"""Idempotent bulk writes (stable _id) that read every item's result and report failures per document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from opensearchpy import OpenSearch, helpers


@dataclass
class BulkResult:
    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (id, reason)


def write(client: OpenSearch, index: str, docs: Iterable[dict], *, chunk_size: int = 500,
          refresh: bool = False) -> BulkResult:
    """Bulk-index docs; 429s are retried with backoff, any other item error is returned, never dropped."""
    result = BulkResult()
    actions = ({"_op_type": "index", "_index": index, "_id": d["id"], "_source": d} for d in docs)
    for ok, item in helpers.streaming_bulk(
        client, actions, chunk_size=chunk_size, max_retries=5, initial_backoff=1, max_backoff=30,
        raise_on_error=False, raise_on_exception=True, yield_ok=True,
    ):
        info = next(iter(item.values()))
        doc_id = str(info.get("_id"))
        if ok:
            result.written.append(doc_id)
        else:
            err = info.get("error")
            reason = f"{err.get('type')}: {err.get('reason')}" if isinstance(err, dict) else str(err)
            result.failed.append((doc_id, f"rejected by OpenSearch ({info.get('status')}): {reason}"))
    if refresh:
        client.indices.refresh(index=index)
    return result


def delete(client: OpenSearch, index: str, ids: Iterable[str]) -> int:
    actions = ({"_op_type": "delete", "_index": index, "_id": i} for i in ids)
    n = 0
    for ok, _item in helpers.streaming_bulk(client, actions, raise_on_error=False, max_retries=5):
        n += int(ok)
    return n
