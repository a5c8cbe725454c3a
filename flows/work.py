"""The work a flow orchestrates, as plain functions: read+clean+enrich a batch, index a batch.

The ledger rule holds for every batch and every run: seen = indexed + unchanged + quarantined.
Bad input never raises here: it becomes a quarantined record with a reason. A failure of the
cluster itself raises `OpenSearchUnavailable` (one line, no secrets) and counts nothing as done.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from opensearchpy import OpenSearch

import articles
from articles.templates import Templates
from indexing import bulk
from indexing.client import translated
from indexing.documents import document_bytes, to_document, with_story_id
from newsindex.settings import config_dir, max_input_bytes

#: What the flow process needs of an ok record once its document is built (`prepare`): ids, story grouping,
#: the ledger and the incremental state. The text itself travels only inside the document bytes.
SLIM_FIELDS = ("id", "status", "reason", "source_path", "source_key", "input_path", "format", "sha256",
               "content_hash", "pipeline_version", "language", "published_at", "fingerprint", "story_id")
#: Key of the ready-to-index document (UTF-8 JSON without story_id) in a prepared record.
DOC = "_doc"

#: Fields a quarantine entry keeps (the record's body is dropped: memory stays flat, the ledger stays small).
QUARANTINE_FIELDS = ("id", "source_path", "source_key", "input_path", "reason", "format", "sha256")


class LedgerMismatch(AssertionError):
    """seen != indexed + unchanged + quarantined: a bug in our accounting, never a state to continue from."""


def check_balance(seen: int, indexed: int, unchanged: int, quarantined: int, where: str = "") -> None:
    if seen != indexed + unchanged + quarantined:
        raise LedgerMismatch(f"ledger out of balance{where}: seen {seen} != indexed {indexed} + unchanged "
                             f"{unchanged} + quarantined {quarantined}")


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
    #: source keys of this run whose every record went in (their old quarantine entries can be cleared)
    ok_keys: set = field(default_factory=set)

    def add(self, other: Counts) -> None:
        self.seen += other.seen
        self.indexed += other.indexed
        self.unchanged += other.unchanged
        self.quarantined += other.quarantined
        self.languages.update(other.languages)
        self.reasons.update(other.reasons)
        self.quarantine.extend(other.quarantine)
        self.ok_keys |= other.ok_keys

    def check(self, where: str = "") -> None:
        check_balance(self.seen, self.indexed, self.unchanged, self.quarantined, where)

    def as_dict(self) -> dict:
        return {"seen": self.seen, "indexed": self.indexed, "unchanged": self.unchanged,
                "quarantined": self.quarantined, "languages": dict(self.languages),
                "quarantine_reasons": dict(self.reasons)}


def reason_kind(reason: str | None) -> str:
    """The short kind of a reason ("too large: 52428800 bytes ..." -> "too large"), for counting."""
    return (reason or "unknown").split(":", 1)[0].strip() or "unknown"


def file_sha256(path: str) -> str | None:
    """Streamed (1 MiB at a time): a 50 MB input costs 1 MiB of memory, not 50.

    None for what cannot be read as a file: a FIFO or device would block open() forever."""
    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def precheck(path: str) -> str | None:
    """Why `path` cannot be read as an article, decided without reading it into memory; None when it can.

    Guards the reader against inputs that would hang it (a FIFO blocks forever on open) or blow memory
    (the size policy: more than NEWSINDEX_MAX_BYTES, default 20 MB, is quarantined as "too large").
    """
    try:
        st = os.stat(path)  # follows symlinks: a dangling link or a loop fails here
    except FileNotFoundError:
        return "unreadable: no such file (dangling symlink, or removed during the run)"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "unreadable: symlink loop"
        return f"unreadable: {exc.strerror or type(exc).__name__}"
    if stat.S_ISDIR(st.st_mode):
        return "unreadable: is a directory"
    if not stat.S_ISREG(st.st_mode):
        return "unreadable: not a regular file (FIFO, socket or device)"
    limit = max_input_bytes()
    if st.st_size > limit:
        return f"too large: {st.st_size} bytes (limit {limit}, NEWSINDEX_MAX_BYTES)"
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except PermissionError:
        return "unreadable: permission denied"
    except OSError as exc:
        return f"unreadable: {exc.strerror or type(exc).__name__}"
    return None


def _quarantined(path: str, key: str, reason: str) -> dict:
    """A contract record for an input we refused before the reader saw it."""
    try:
        from articles.record import stable_id
    except ImportError:  # pragma: no cover - articles keeps stable_id; this only guards a rename
        def stable_id(sp: str) -> str:
            return hashlib.sha1(sp.encode("utf-8")).hexdigest()[:20]
    return {"id": stable_id(key), "source_path": key, "status": "quarantined", "reason": reason,
            "language": None, "title": None, "body": None, "captions": [], "section": None, "source": None,
            "dateline": None, "published_at": None, "removed": [], "story_id": None, "content_hash": None,
            "format": None, "fingerprint": [], "names": [], "fixes": []}


def process_batch(items: list[tuple[str, str]], templates: Templates | None = None) -> list[dict]:
    """Clean and enrich one batch of (path, source_key): at least one record per input, never raises for bad input.

    Every input is read first, so each site's templates are learned from the whole batch (plus `templates`'
    stored evidence) before any of its articles is cleaned."""
    version = pipeline_version()
    loaded: list[tuple[str, str, str | None, int]] = []
    drafts: list = []
    for path, key in items:
        reason = precheck(path)
        if reason is None:
            try:
                got = articles.load_path(path, source_path=key)
            except Exception as exc:  # noqa: BLE001 - a bug in reading must not stop the batch
                got = [_quarantined(path, key, f"unprocessable: {type(exc).__name__}: {exc}"[:500])]
            if not got:
                got = [_quarantined(path, key, "unprocessable: the reader produced no record")]
        else:
            got = [_quarantined(path, key, reason)]
        loaded.append((path, key, reason, len(got)))
        drafts.extend(got)
    finished = iter(articles.finish(drafts, templates))
    records: list[dict] = []
    for path, key, reason, n in loaded:
        recs = [next(finished) for _ in range(n)]
        for rec in recs:
            rec["source_key"] = key
            rec["input_path"] = os.path.abspath(path)
            rec["pipeline_version"] = version
            if rec.get("status") != "ok":
                rec["sha256"] = rec.get("content_hash") or (
                    file_sha256(path) if reason is None or reason.startswith("too large") else None)
            records.append(rec)
    return records


def prepare(records: list[dict]) -> list[dict]:
    """Build each ok record's index document where the CPU work runs (a worker process), and keep only the
    few fields the flow process still reads: it then splices in the story id and ships bytes."""
    out: list[dict] = []
    for r in records:
        if r.get("status") != "ok":
            out.append(r)
            continue
        slim = {k: r[k] for k in SLIM_FIELDS if k in r}
        slim[DOC] = document_bytes(r)
        out.append(slim)
    return out


def _document(r: dict) -> bytes:
    if DOC in r:
        return with_story_id(r[DOC], r.get("story_id") or r["id"])
    return json.dumps(to_document(r), ensure_ascii=False, default=str).encode("utf-8")


def quarantine_entry(record: dict, reason: str | None = None) -> dict:
    """What the ledger keeps of a quarantined record."""
    entry = {k: record.get(k) for k in QUARANTINE_FIELDS}
    entry["reason"] = reason or record.get("reason") or "unknown"
    entry["sha256"] = record.get("sha256") or record.get("content_hash")
    return entry


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
            return _existing(self.client, self.index, ids)

    def known_stories(self, records: list[dict]) -> list[dict]:
        if self.empty and not self.written:
            return []
        with translated(self.client, f"reading {self.index}"):
            return _known_stories(self.client, self.index, records)

    def __call__(self, records: list[dict]) -> Counts:
        counts = index_batch(self.client, self.index, records, indexer=self)
        return counts


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
    for r in records:
        if r.get("status") != "ok":
            counts.quarantined += 1
            counts.reasons[reason_kind(r.get("reason"))] += 1
            counts.quarantine.append(quarantine_entry(r))
            bad_keys.add(r.get("source_key") or r.get("source_path"))
        elif r["id"] in dup_of:  # two records claiming one id would overwrite each other: keep the first
            reason = f"duplicate id: same id as {dup_of[r['id']]}"
            counts.quarantined += 1
            counts.reasons[reason_kind(reason)] += 1
            counts.quarantine.append(quarantine_entry(r, reason))
            bad_keys.add(r.get("source_key") or r.get("source_path"))
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
    known = indexer.known_stories(fresh)
    articles.assign_story_ids(fresh, known=known)
    result = bulk.write_lines(client, index, bulk.prepared(index, ((r["id"], _document(r)) for r in fresh)),
                              chunk_size=chunk_size)
    failed = dict(result.failed)
    for r in fresh:
        if r["id"] in failed:
            counts.quarantined += 1
            reason = failed[r["id"]]
            counts.reasons[reason_kind(reason)] += 1
            counts.quarantine.append(quarantine_entry(r, reason))
            bad_keys.add(r.get("source_key") or r.get("source_path"))
        else:
            counts.indexed += 1
            counts.languages[r.get("language") or "?"] += 1
            if indexer.empty:
                indexer.written.add(r["id"])
    counts.ok_keys = {r.get("source_key") or r.get("source_path") for r in records} - bad_keys
    counts.check(f" in a batch of {len(records)}")
    return counts
