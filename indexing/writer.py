"""Write cleaned batches into one index: skip unchanged documents, group stories with the index, account.

Every OpenSearch read a batch needs (which ids are there already, which stories its articles may join)
lives here, beside the bulk write, so the flows only orchestrate.
"""

from __future__ import annotations

import json

from opensearchpy import OpenSearch

import articles
from articles.record_type import STORY, UNCHANGED, Record, fields
from common.accounting import Counts, reason_kind
from indexing import bulk
from indexing.client import translated
from indexing.documents import DOC, to_document, with_story_id
from indexing.ledger import quarantine_entry


def _document(r: dict) -> bytes:
    if DOC in r:
        return with_story_id(r[DOC], r.get("story_id") or r["id"])
    return json.dumps(to_document(r), ensure_ascii=False, default=str).encode("utf-8")


def existing(client: OpenSearch, index: str, ids: list[str]) -> dict[str, dict]:
    """id -> what decides whether a document changed, for the ids already in `index`."""
    if not ids:
        return {}
    resp = client.mget(index=index, body={"ids": ids}, _source=list(fields(Record, UNCHANGED)))
    return {d["_id"]: d["_source"] for d in resp["docs"] if d.get("found")}


def known_stories(client: OpenSearch, index: str, records: list[dict]) -> list[dict]:
    """Indexed articles sharing a fingerprint term with `records`: the stories these may join."""
    terms = sorted({t for r in records for t in articles.story_candidates_terms(r)})
    if not terms:
        return []
    resp = client.search(index=index, body={
        "size": 200, "query": {"terms": {"fingerprint": terms[:1000]}},
        "_source": list(fields(Record, STORY))})
    return [h["_source"] for h in resp["hits"]["hits"]]


class BatchIndexer:
    """Writes the batches of one run into one index, remembering what the run wrote.

    When the index was empty at the start (a first ingest, a new version), a record can only exist already if
    this run wrote its id: the `mget` for unchanged documents is skipped for all other ids, and the story lookup
    is skipped until something was written. Same results as asking the index, without the round trips.
    """

    def __init__(self, client: OpenSearch, index: str, *, empty: bool | None = None) -> None:
        self.client, self.index = client, index
        if empty is None:
            with translated(client, f"reading {index}"):
                client.indices.refresh(index=index)
                empty = client.count(index=index)["count"] == 0
        self.empty = empty
        self.written: set[str] = set()  # only kept while `empty`: ids this run wrote

    def existing(self, ids: list[str]) -> dict[str, dict]:
        if self.empty:
            ids = [i for i in ids if i in self.written]
        with translated(self.client, f"reading {self.index}"):
            return existing(self.client, self.index, ids)

    def known_stories(self, records: list[dict]) -> list[dict]:
        if self.empty and not self.written:
            return []
        with translated(self.client, f"reading {self.index}"):
            return known_stories(self.client, self.index, records)

    def __call__(self, records: list[dict]) -> Counts:
        return index_batch(self.client, self.index, records, indexer=self)


def index_batch(client: OpenSearch, index: str, records: list[dict], *, indexer: BatchIndexer | None = None,
                chunk_size: int = 1000) -> Counts:
    """Write one batch: skip unchanged documents, group stories with the index, account for every record.

    A document OpenSearch rejects (mapping conflict) is quarantined alone; a cluster failure raises
    OpenSearchUnavailable and nothing of the batch is counted (re-running is safe: ids are stable).
    """
    indexer = indexer or BatchIndexer(client, index, empty=False)
    counts = Counts(seen=len(records))
    bad_keys: set[str] = set()
    ok: list[dict] = []
    dup_of: dict[str, str] = {}

    def quarantine(r: dict, reason: str | None = None) -> None:
        entry = quarantine_entry(r, reason)
        counts.quarantined += 1
        counts.reasons[reason_kind(entry["reason"])] += 1
        counts.quarantine.append(entry)
        bad_keys.add(r.get("source_key") or r.get("source_path"))

    for r in records:
        if r.get("status") != "ok":
            quarantine(r)
        elif r["id"] in dup_of:  # two records claiming one id would overwrite each other: keep the first
            quarantine(r, f"duplicate id: same id as {dup_of[r['id']]}")
        else:
            dup_of[r["id"]] = r.get("source_path") or r["id"]
            ok.append(r)
    before = indexer.existing([r["id"] for r in ok])
    fresh = []
    for r in ok:
        old = before.get(r["id"])
        if old and old.get("content_hash") == r.get("content_hash") \
                and old.get("pipeline_version") == r.get("pipeline_version"):
            counts.unchanged += 1
        else:
            fresh.append(r)
    fresh = articles.with_story_ids(fresh, known=indexer.known_stories(fresh))
    result = bulk.write_lines(client, index, bulk.prepared(index, ((r["id"], _document(r)) for r in fresh)),
                              chunk_size=chunk_size)
    failed = dict(result.failed)
    for r in fresh:
        if r["id"] in failed:
            quarantine(r, failed[r["id"]])
        else:
            counts.indexed += 1
            counts.languages[r.get("language") or "?"] += 1
            if indexer.empty:
                indexer.written.add(r["id"])
    counts.ok_keys = {r.get("source_key") or r.get("source_path") for r in records} - bad_keys
    counts.check(f" in a batch of {len(records)}")
    return counts
