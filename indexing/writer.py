"""Write cleaned batches into one index: skip unchanged documents, group stories with the index, account.

Every OpenSearch read a batch needs (which ids are there already, which stories its articles may join)
lives here, beside the bulk write, so the flows only orchestrate.
"""

from __future__ import annotations

import heapq
import json
from collections import Counter

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


def _story_terms(records: list[dict]) -> list[str]:
    return sorted({t for r in records for t in articles.story_candidates_terms(r)})[:1000]


def known_stories(client: OpenSearch, index: str, terms: list[str], *, skip: list[str] = ()) -> list[dict]:
    """Indexed articles sharing one of the fingerprint `terms` (`_story_terms` of a batch): the stories the batch
    may join (but `skip`)."""
    if not terms:
        return []
    query: dict = {"terms": {"fingerprint": terms}}
    if skip:
        query = {"bool": {"filter": [query], "must_not": [{"ids": {"values": list(skip)}}]}}
    resp = client.search(index=index, body={"size": 200, "query": query, "_source": list(fields(Record, STORY))})
    return [h["_source"] for h in resp["hits"]["hits"]]


class RecentStories:
    """The story fields of what this run wrote, by fingerprint term: the next batch groups with them without a
    refresh of the index after every batch. Bounded: when full, the index is refreshed (everything written is
    then searchable) and this starts again, so memory stays flat and the candidates are the same either way."""

    def __init__(self, limit: int = 5000) -> None:
        self.limit = limit
        self.docs: dict[str, dict] = {}
        self.by_term: dict[str, set[str]] = {}

    def add(self, records: list[dict]) -> None:
        for r in records:
            doc = {k: r.get(k) for k in fields(Record, STORY)}
            doc["story_id"] = r.get("story_id") or r["id"]  # as indexed (documents.with_story_id)
            self.docs[r["id"]] = doc
            for t in articles.story_candidates_terms(r):
                self.by_term.setdefault(t, set()).add(r["id"])

    def matching(self, terms: list[str], most: int = 200) -> list[dict]:
        """Those sharing the most terms first, then by id, `most` at the most. (The index's `terms` lookup scores
        every hit alike, so where more than `most` match, it does not pick the same ones: see bench/RESULTS.md.)"""
        shared: Counter[str] = Counter()
        for t in terms:
            shared.update(self.by_term.get(t, ()))
        return [self.docs[i] for i in heapq.nsmallest(most, shared, key=lambda i: (-shared[i], i))]

    def full(self) -> bool:
        return len(self.docs) >= self.limit

    def clear(self) -> None:
        self.docs, self.by_term = {}, {}


class BatchIndexer:
    """Writes the batches of one run into one index, remembering what the run wrote.

    When the index was empty at the start (a first ingest, a new version), a record can only exist already if
    this run wrote its id: the `mget` for unchanged documents is skipped for all other ids, and stories are
    looked up in what this run wrote (RecentStories) until the index was refreshed. Same results as asking the
    index, without the round trips.
    """

    def __init__(self, client: OpenSearch, index: str, *, empty: bool | None = None) -> None:
        self.client, self.index = client, index
        if empty is None:
            with translated(client, f"reading {index}"):
                client.indices.refresh(index=index)
                empty = client.count(index=index)["count"] == 0
        self.empty = empty
        self.written: set[str] = set()  # only kept while `empty`: ids this run wrote
        self.recent = RecentStories()
        self.searchable = not empty  # the index may hold stories this run did not write (or that left `recent`)

    def existing(self, ids: list[str]) -> dict[str, dict]:
        if self.empty:
            ids = [i for i in ids if i in self.written]
        with translated(self.client, f"reading {self.index}"):
            return existing(self.client, self.index, ids)

    def known_stories(self, records: list[dict]) -> list[dict]:
        """What this run wrote (from memory, whether refreshed or not) and what the index held before."""
        terms = _story_terms(records)
        mine = self.recent.matching(terms)
        if not self.searchable:
            return mine
        with translated(self.client, f"reading {self.index}"):
            return mine + known_stories(self.client, self.index, terms, skip=[d["id"] for d in mine])

    def wrote(self, records: list[dict]) -> None:
        """What a batch wrote: its ids while the index started empty (`existing`), its stories for the next."""
        if self.empty:
            self.written.update(r["id"] for r in records)
        if self.recent.full():
            with translated(self.client, f"refreshing {self.index}"):
                self.client.indices.refresh(index=self.index)
            self.recent.clear()
            self.searchable = True
        self.recent.add(records)

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
    indexer.wrote([r for r in fresh if r["id"] not in failed])
    for r in fresh:
        if r["id"] in failed:
            quarantine(r, failed[r["id"]])
        else:
            counts.indexed += 1
            counts.languages[r.get("language") or "?"] += 1
    counts.ok_keys = {r.get("source_key") or r.get("source_path") for r in records} - bad_keys
    counts.check(f" in a batch of {len(records)}")
    return counts
