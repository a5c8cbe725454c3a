"""The run ledger, stored in OpenSearch so it can be queried (and shown in Dashboards).

- `<alias>-ledger`: one document per run: run id, alias, index, source, started/finished, status,
  seen / indexed / unchanged / quarantined (seen = indexed + unchanged + quarantined, checked before
  writing) and the quarantine counts by reason.
- `<alias>-quarantine`: one document per quarantined input (a file, or one line of a JSONL file):
  its path, sha256, reason, the run that last saw it, first/last seen and attempts. Its `_id` is
  stable per input, so a later run overwrites it, and a run in which the input went in clears it.

Nothing here ever stores settings: no URL with credentials, no user, no password.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone

from opensearchpy import OpenSearch, helpers

from articles.record_type import Quarantined, fields
from common.accounting import check_balance, reason_kind
from common.settings import redact
from indexing import bulk, state
from indexing.client import create_index, translated

LEDGER_SUFFIX = "-ledger"
QUARANTINE_SUFFIX = "-quarantine"
COUNT_FIELDS = ("seen", "indexed", "unchanged", "quarantined")

_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "auto_expand_replicas": "0-1"}
LEDGER_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "keyword"},
        "run_id": {"type": "keyword"},
        "alias": {"type": "keyword"},
        "index": {"type": "keyword"},
        "source": {"type": "keyword"},
        "source_dir": {"type": "keyword"},  # absolute: what `newsindex reindex` rebuilds from
        "kind": {"type": "keyword"},  # ingest | reindex | quarantine-retry
        "status": {"type": "keyword"},  # ok | failed | refused (a reindex its gate stopped)
        "error": {"type": "text"},
        "started_at": {"type": "date"},
        "finished_at": {"type": "date"},
        "duration_s": {"type": "float"},
        **{f: {"type": "long"} for f in COUNT_FIELDS},
        "deleted": {"type": "long"},
        "by_reason": {"properties": {"reason": {"type": "keyword"}, "count": {"type": "long"}}},
        "languages": {"properties": {"language": {"type": "keyword"}, "count": {"type": "long"}}},
        "report": {"type": "object", "enabled": False},  # a reindex's quality report, kept as it is
    },
}
QUARANTINE_MAPPING = {
    "dynamic": "strict",
    "properties": {
        "id": {"type": "keyword"},
        "record_id": {"type": "keyword"},
        "alias": {"type": "keyword"},
        "source": {"type": "keyword"},
        "source_key": {"type": "keyword"},
        "source_path": {"type": "keyword"},
        "input_path": {"type": "keyword"},
        "format": {"type": "keyword"},
        "sha256": {"type": "keyword"},
        "reason": {"type": "text", "fields": {"raw": {"type": "keyword", "ignore_above": 1024}}},
        "reason_kind": {"type": "keyword"},
        "run_id": {"type": "keyword"},
        "first_seen": {"type": "date"},
        "last_seen": {"type": "date"},
        "attempts": {"type": "long"},
    },
}


#: Fields a quarantine entry keeps of its record (the body is dropped: memory stays flat, the ledger stays small).
QUARANTINE_FIELDS = fields(Quarantined)


def quarantine_entry(record: dict, reason: str | None = None) -> dict:
    """What the ledger keeps of a quarantined record."""
    entry = {k: record.get(k) for k in QUARANTINE_FIELDS}
    entry["reason"] = reason or record.get("reason") or "unknown"
    entry["sha256"] = record.get("sha256") or record.get("content_hash")
    return entry


def ledger_index(alias: str) -> str:
    return f"{alias}{LEDGER_SUFFIX}"


def quarantine_index(alias: str) -> str:
    return f"{alias}{QUARANTINE_SUFFIX}"


def quarantine_id(alias: str, source_path: str) -> str:
    """Stable per input (source_path is the key, plus `#line` for a line of a JSONL file)."""
    return hashlib.sha1(f"{alias}\0{source_path}".encode()).hexdigest()


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def ensure(client: OpenSearch, alias: str) -> None:
    """Create the ledger indices, or add the fields a newer version maps (strict mappings refuse unknown ones)."""
    for name, mapping in ((ledger_index(alias), LEDGER_MAPPING), (quarantine_index(alias), QUARANTINE_MAPPING)):
        with translated(client, f"creating {name}"):
            if client.indices.exists(index=name):
                client.indices.put_mapping(index=name, body=mapping)
                continue
            create_index(client, name, {"settings": _SETTINGS, "mappings": mapping}, exist_ok=True)


def run_document(alias: str, summary: dict, *, status: str = "ok", error: str | None = None,
                 kind: str = "ingest") -> dict:
    """The ledger document of one run, from the flow's summary; checks seen = indexed + unchanged + quarantined."""
    counts = {f: int(summary.get(f) or 0) for f in COUNT_FIELDS}
    if status == "ok":
        check_balance(*(counts[f] for f in COUNT_FIELDS), where=f" in the run summary of {alias}")
    finished = summary.get("finished_at") or _iso(_now())
    started = summary.get("started_at")
    if not started:
        t = datetime.fromisoformat(finished) - timedelta(seconds=float(summary.get("duration_s") or 0))
        started = _iso(t)
    run_id = summary.get("run_id") or new_run_id()
    reasons = summary.get("quarantine_reasons") or {}
    by_kind: dict[str, int] = {}
    for reason, n in reasons.items():
        by_kind[reason_kind(reason)] = by_kind.get(reason_kind(reason), 0) + int(n)
    return {
        "id": run_id, "run_id": run_id, "alias": alias, "index": summary.get("index"),
        "source": str(summary.get("source") or ""), "source_dir": summary.get("source_dir"),
        "kind": kind, "status": status,
        "error": redact(error) if error else None,
        "started_at": started, "finished_at": finished, "duration_s": float(summary.get("duration_s") or 0),
        **counts, "deleted": int(summary.get("deleted") or 0),
        "by_reason": [{"reason": r, "count": n} for r, n in sorted(by_kind.items())],
        "languages": [{"language": lang, "count": int(n)}
                      for lang, n in sorted((summary.get("languages") or {}).items())],
        "report": summary.get("report"),
    }


def record_run(client: OpenSearch, alias: str, summary: dict, quarantined: list[dict], *,
               status: str = "ok", error: str | None = None, kind: str = "ingest") -> str:
    """Store one run's ledger document and its quarantined inputs; returns the run id.

    `summary` is the ingest flow's summary (seen, indexed, unchanged, quarantined, quarantine_reasons,
    languages, index, source, duration_s; run_id/started_at/finished_at when it has them).
    `quarantined` are entries as `quarantine_entry` makes them (Counts.quarantine).
    """
    ensure(client, alias)
    doc = run_document(alias, summary, status=status, error=error, kind=kind)
    upsert_quarantine(client, alias, quarantined, run_id=doc["run_id"], source=doc["source"],
                      when=doc["finished_at"])
    with translated(client, f"writing {ledger_index(alias)}"):
        client.index(index=ledger_index(alias), id=doc["run_id"], body=doc, refresh=True)
    return doc["run_id"]


def upsert_quarantine(client: OpenSearch, alias: str, entries: Iterable[dict], *, run_id: str,
                      source: str = "", when: str | None = None, visible: bool = True) -> int:
    """Write (or refresh) one quarantine document per entry, keeping first_seen and counting attempts.

    `visible=False`: no refresh of the ledger index; for a run's per-batch writes, which the run makes visible
    once at its end (a refresh per batch queues behind the big index's segment writes: seconds per batch)."""
    when = when or _iso(_now())
    docs: dict[str, dict] = {}
    for e in entries:
        sp = _entry_key(e)
        qid = quarantine_id(alias, sp)
        reason = redact(str(e.get("reason") or "unknown"))
        docs[qid] = {
            "id": qid, "record_id": e.get("id"), "alias": alias, "source": e.get("source") or source,
            "source_key": e.get("source_key") or sp, "source_path": sp, "input_path": e.get("input_path"),
            "format": e.get("format"), "sha256": e.get("sha256") or e.get("content_hash"),
            "reason": reason, "reason_kind": reason_kind(reason), "run_id": run_id,
            "first_seen": when, "last_seen": when, "attempts": 1,
        }
    if not docs:
        return 0
    index = quarantine_index(alias)
    ids = list(docs)
    for i in range(0, len(ids), 1000):
        with translated(client, f"reading {index}"):
            resp = client.mget(index=index, body={"ids": ids[i:i + 1000]}, _source=["first_seen", "attempts"])
        for d in resp["docs"]:
            if d.get("found"):
                docs[d["_id"]]["first_seen"] = d["_source"].get("first_seen") or when
                docs[d["_id"]]["attempts"] = int(d["_source"].get("attempts") or 0) + 1
    result = bulk.write(client, index, docs.values(), refresh=visible)
    if result.failed:
        raise RuntimeError(f"could not write {len(result.failed)} quarantine entries, first: {result.failed[0]}")
    return len(result.written)


def publish(client: OpenSearch, alias: str, index: str) -> None:
    """Make what a run wrote and marked done visible when it reports done: its documents, their state and its
    quarantine entries (written without a refresh per batch). The next run, or a look at the state or the
    quarantine right after it, must not miss what it just finished, deleted or quarantined."""
    names = ",".join((index, state.state_index(alias), quarantine_index(alias)))
    with translated(client, f"refreshing {index}"):
        client.indices.refresh(index=names, ignore_unavailable=True)


def clear_resolved(client: OpenSearch, alias: str, ok_source_keys: Iterable[str]) -> int:
    """Delete the quarantine entries of inputs (source keys) that went in this run; returns how many."""
    index = quarantine_index(alias)
    with translated(client, f"reading {index}"):
        if not client.indices.exists(index=index):
            return 0
    keys = sorted(set(ok_source_keys))
    doomed: list[str] = []
    for i in range(0, len(keys), 1000):
        with translated(client, f"reading {index}"):
            doomed += [h["_id"] for h in helpers.scan(
                client, index=index, query={"query": {"terms": {"source_key": keys[i:i + 1000]}}}, _source=False)]
    return _delete(client, index, doomed)


def _delete(client: OpenSearch, index: str, ids: list[str]) -> int:
    """Delete quarantine entries by id (bulk: _delete_by_query needs the reindex module); visible at once."""
    if not ids:
        return 0
    deleted = bulk.delete(client, index, ids)
    with translated(client, f"refreshing {index}"):
        client.indices.refresh(index=index)
    return deleted


def _entry_key(e: dict) -> str:
    """The input an entry is about: its source path (`file` or `file#line`), else what it has."""
    return e.get("source_path") or e.get("source_key") or e.get("input_path") or "?"


def quarantined_entries(client: OpenSearch, alias: str) -> Iterator[dict]:
    """All quarantine documents of an alias, oldest first."""
    index = quarantine_index(alias)
    with translated(client, f"reading {index}"):
        if not client.indices.exists(index=index):
            return
        hits = list(helpers.scan(client, index=index, query={"query": {"match_all": {}}}, preserve_order=False))
    for h in sorted(hits, key=lambda h: (h["_source"].get("first_seen") or "", h["_source"].get("source_path"))):
        yield h["_source"]


def runs(client: OpenSearch, alias: str, size: int = 20) -> list[dict]:
    """The latest runs, newest first."""
    index = ledger_index(alias)
    with translated(client, f"reading {index}"):
        if not client.indices.exists(index=index):
            return []
        resp = client.search(index=index, body={"size": size, "sort": [{"finished_at": "desc"}]})
    return [h["_source"] for h in resp["hits"]["hits"]]


def reasons(client: OpenSearch, alias: str) -> dict[str, int]:
    """Quarantined inputs of the alias by reason kind, as the ledger holds them now."""
    index = quarantine_index(alias)
    with translated(client, f"reading {index}"):
        if not client.indices.exists(index=index):
            return {}
        resp = client.search(index=index, body={
            "size": 0, "aggs": {"kinds": {"terms": {"field": "reason_kind", "size": 200}}}})
    return {b["key"]: b["doc_count"] for b in resp["aggregations"]["kinds"]["buckets"]}


def replace_quarantine(client: OpenSearch, alias: str, entries: list[dict], *, run_id: str, source: str) -> int:
    """Make the quarantine ledger say what a new live version left out: `entries` in (keeping their history),
    every other entry out. Returns how many old entries were cleared."""
    upsert_quarantine(client, alias, entries, run_id=run_id, source=source)
    index = quarantine_index(alias)
    keep = {quarantine_id(alias, _entry_key(e)) for e in entries}
    with translated(client, f"reading {index}"):
        doomed = [h["_id"] for h in helpers.scan(client, index=index, query={"query": {"match_all": {}}},
                                                  _source=False) if h["_id"] not in keep]
    return _delete(client, index, doomed)


def recorded_sources(client: OpenSearch, alias: str, index: str) -> list[str]:
    """The source folders (absolute) that runs recorded for the physical `index`: what it was built from."""
    name = ledger_index(alias)
    with translated(client, f"reading {name}"):
        if not client.indices.exists(index=name):
            return []
        resp = client.search(index=name, body={
            "size": 0, "query": {"bool": {"filter": [
                {"term": {"index": index}}, {"term": {"status": "ok"}},
                {"terms": {"kind": ["ingest", "reindex"]}}, {"exists": {"field": "source_dir"}}]}},
            "aggs": {"dirs": {"terms": {"field": "source_dir", "size": 20}}}})
    return sorted(b["key"] for b in resp["aggregations"]["dirs"]["buckets"])
