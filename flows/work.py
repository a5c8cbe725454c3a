"""The CPU side of a run, as plain functions: read + clean + enrich a batch, build its documents; and the
accounting every run keeps.

The ledger rule holds for every batch and every run: seen = indexed + unchanged + quarantined.
Bad input never raises here: it becomes a quarantined record with a reason. A failure of the
cluster itself raises `OpenSearchUnavailable` (one line, no secrets) and counts nothing as done.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import articles
from articles.readers import file_sha256, precheck
from articles.record import quarantined
from indexing.documents import DOC, document_bytes
from newsindex.settings import config_dir

#: What the flow process needs of an ok record once its document is built (`prepare`): ids, story grouping,
#: the ledger and the incremental state. The text itself travels only inside the document bytes.
SLIM_FIELDS = ("id", "status", "reason", "source_path", "source_key", "input_path", "format", "sha256",
               "content_hash", "pipeline_version", "language", "published_at", "fingerprint", "story_id")



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


def process_batch(items: list[tuple[str, str]]) -> list[dict]:
    """Clean and enrich one batch of (path, source_key): at least one record per input, never raises for bad input."""
    version = pipeline_version()
    records: list[dict] = []
    for path, key in items:
        reason = precheck(path)
        if reason is None:
            try:
                recs = articles.process_path(path, source_path=key)
            except Exception as exc:  # noqa: BLE001 - a bug in cleaning must not stop the batch
                recs = [quarantined(key, f"unprocessable: {type(exc).__name__}: {exc}"[:500])]
            if not recs:
                recs = [quarantined(key, "unprocessable: the reader produced no record")]
        else:
            recs = [quarantined(key, reason)]
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
