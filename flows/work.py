"""The work a flow orchestrates, as plain functions: read+clean+enrich a batch, index a batch."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from opensearchpy import OpenSearch

import articles
from indexing import bulk
from indexing.documents import to_document
from newsindex.settings import config_dir


@cache
def pipeline_version() -> str:
    """Changes when cleaning code or rules change, so an unchanged file is re-processed after an upgrade."""
    h = hashlib.sha256()
    pkg = Path(articles.__file__).parent
    for path in sorted([*pkg.glob("*.py"), *config_dir().glob("*.yaml")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


@dataclass
class Counts:
    seen: int = 0
    indexed: int = 0
    unchanged: int = 0
    quarantined: int = 0
    languages: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    quarantine: list[dict] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.seen += other.seen
        self.indexed += other.indexed
        self.unchanged += other.unchanged
        self.quarantined += other.quarantined
        self.languages.update(other.languages)
        self.reasons.update(other.reasons)
        self.quarantine.extend(other.quarantine)

    def as_dict(self) -> dict:
        return {"seen": self.seen, "indexed": self.indexed, "unchanged": self.unchanged,
                "quarantined": self.quarantined, "languages": dict(self.languages),
                "quarantine_reasons": dict(self.reasons)}


def process_batch(items: list[tuple[str, str]]) -> list[dict]:
    """Clean and enrich one batch of (path, source_key); never raises for bad input."""
    version = pipeline_version()
    records: list[dict] = []
    for path, key in items:
        for rec in articles.process_path(path, source_path=key):
            rec["source_key"] = key
            rec["pipeline_version"] = version
            records.append(rec)
    return records


def _existing(client: OpenSearch, index: str, ids: list[str]) -> dict[str, dict]:
    if not ids:
        return {}
    resp = client.mget(index=index, body={"ids": ids}, _source=["content_hash", "pipeline_version", "story_id"])
    return {d["_id"]: d["_source"] for d in resp["docs"] if d.get("found")}


def _known_stories(client: OpenSearch, index: str, records: list[dict]) -> list[dict]:
    terms = sorted({t for r in records for t in articles.story_candidates_terms(r)})
    if not terms:
        return []
    resp = client.search(index=index, body={
        "size": 200, "query": {"terms": {"fingerprint": terms[:1000]}},
        "_source": ["id", "story_id", "language", "published_at", "fingerprint"]})
    return [h["_source"] for h in resp["hits"]["hits"]]


def index_batch(client: OpenSearch, index: str, records: list[dict]) -> Counts:
    """Write one batch: skip unchanged documents, group stories with the index, account for every record."""
    counts = Counts(seen=len(records))
    ok = [r for r in records if r.get("status") == "ok"]
    for r in records:
        if r.get("status") != "ok":
            counts.quarantined += 1
            counts.reasons[r.get("reason") or "unknown"] += 1
            counts.quarantine.append(r)
    before = _existing(client, index, [r["id"] for r in ok])
    fresh = []
    for r in ok:
        old = before.get(r["id"])
        if old and old.get("content_hash") == r.get("content_hash") \
                and old.get("pipeline_version") == r.get("pipeline_version"):
            counts.unchanged += 1
        else:
            fresh.append(r)
    articles.assign_story_ids(fresh, known=_known_stories(client, index, fresh))
    result = bulk.write(client, index, (to_document(r) for r in fresh))
    failed = dict(result.failed)
    for r in fresh:
        if r["id"] in failed:
            counts.quarantined += 1
            reason = failed[r["id"]]
            counts.reasons[reason.split(":")[0]] += 1
            counts.quarantine.append({**r, "status": "quarantined", "reason": reason})
        else:
            counts.indexed += 1
            counts.languages[r.get("language") or "?"] += 1
    return counts
