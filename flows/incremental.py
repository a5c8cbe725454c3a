"""Which files a run must read, and what it learned about them: plain functions, no Prefect.

A file is skipped without being opened when its stored state (indexing/state.py) has the same
size and mtime, the same pipeline version and the same physical index behind the alias.
When only size/mtime changed, the worker hashes the bytes first and skips cleaning when the hash
is the same (a `touch`, a copy to a new machine). Everything else is read, cleaned and enriched.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from articles.readers import file_sha256
from articles.templates import StoredSignatures, Templates
from common.accounting import reason_kind
from flows.work import prepare, process_batch


@dataclass(frozen=True)
class FileInfo:
    path: str
    key: str
    size: int
    mtime_ns: int
    known_hash: str | None = None  # stored hash, when the file is known and only its stat changed


@dataclass
class Plan:
    todo: list[FileInfo] = field(default_factory=list)  # to read (and maybe clean)
    skipped: list[dict] = field(default_factory=list)  # stored states of files left alone


@dataclass
class BatchOutput:
    """What the CPU side returns for one batch: records to index, and files whose bytes did not change."""

    records: list[dict] = field(default_factory=list)
    files: dict[str, dict] = field(default_factory=dict)  # key -> {size, mtime_ns, file_hash, unchanged}
    signatures: list[dict] = field(default_factory=list)  # template evidence of the documents read (templates.py)


def source_id(source: str | os.PathLike) -> str:
    """How a source folder is named in the state: as given (normalised), so a clone elsewhere keeps its state."""
    return os.path.normpath(str(source))


def stat_files(items: list[tuple[str, str]]) -> list[FileInfo]:
    out = []
    for path, key in items:
        try:
            st = os.stat(path)
        except OSError:  # vanished since the walk: the read step reports it as quarantined
            out.append(FileInfo(path, key, -1, -1))
            continue
        out.append(FileInfo(path, key, st.st_size, st.st_mtime_ns))
    return out


def plan(files: list[FileInfo], known: dict[str, dict], *, pipeline_version: str, index: str) -> Plan:
    p = Plan()
    for f in files:
        old = known.get(f.key)
        if old is None or old.get("pipeline_version") != pipeline_version or old.get("index") != index \
                or f.size < 0:
            p.todo.append(f)
        elif old.get("size") == f.size and old.get("mtime_ns") == f.mtime_ns:
            p.skipped.append(old)
        else:
            p.todo.append(FileInfo(f.path, f.key, f.size, f.mtime_ns, old.get("file_hash")))
    return p


def read_batch(files: list[FileInfo], stored: StoredSignatures | None = None) -> BatchOutput:
    """Hash each file, clean+enrich the ones whose bytes changed and build their index documents (`prepare`).
    CPU-bound: runs in a worker process, which sends back compact records with ready-to-index bytes.
    `stored`: what earlier runs learned of each site's templates (flows/templates.py)."""
    out = BatchOutput()
    changed: list[tuple[str, str]] = []
    for f in files:
        digest = file_sha256(f.path)
        same = digest is not None and digest == f.known_hash
        out.files[f.key] = {"size": f.size, "mtime_ns": f.mtime_ns, "file_hash": digest, "unchanged": same}
        if not same:
            changed.append((f.path, f.key))
    templates = Templates(stored)
    out.records = prepare(process_batch(changed, templates)) if changed else []
    out.signatures = templates.new_signatures()
    return out


def new_states(out: BatchOutput, *, source: str, index: str, pipeline_version: str,
               failed_ids: set[str], known: dict[str, dict]) -> tuple[list[dict], list[str]]:
    """State entries for the files of one indexed batch, and ids of documents those files no longer produce.

    A file with a record OpenSearch rejected gets no new state, so the next run tries it again.
    """
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    by_file: dict[str, list[dict]] = {}
    for r in out.records:
        by_file.setdefault(r.get("source_key") or r.get("source_path"), []).append(r)
    entries: list[dict] = []
    stale: list[str] = []
    for key, meta in out.files.items():
        old = known.get(key) or {}
        if meta["unchanged"]:
            entries.append({**old, "size": meta["size"], "mtime_ns": meta["mtime_ns"], "updated_at": now})
            continue
        recs = by_file.get(key, [])
        if any(r.get("id") in failed_ids for r in recs):
            continue
        ok = [r for r in recs if r.get("status") == "ok"]
        ids = [r["id"] for r in ok]
        stale.extend(sorted(set(old.get("doc_ids") or []) - set(ids)))
        entries.append({
            "source": source, "key": key, "size": meta["size"], "mtime_ns": meta["mtime_ns"],
            "file_hash": meta["file_hash"], "pipeline_version": pipeline_version, "index": index,
            "doc_ids": ids, "languages": [r.get("language") or "?" for r in ok],
            "quarantine_reasons": [r.get("reason") or "unknown" for r in recs if r.get("status") != "ok"],
            "updated_at": now,
        })
    return entries, stale


def skipped_counts(states: list[dict]) -> tuple[int, Counter, Counter]:
    """(documents left unchanged, their languages, quarantine reason kinds) of files skipped by their state.

    Kinds, as a run that reads the files counts them: the labels stay the same from one run to the next."""
    langs: Counter = Counter()
    reasons: Counter = Counter()
    n = 0
    for s in states:
        ids = s.get("doc_ids") or []
        n += len(ids)
        langs.update(s.get("languages") or ["?"] * len(ids))
        reasons.update(reason_kind(r) for r in s.get("quarantine_reasons") or [])
    return n, langs, reasons


def source_file(source: str, key: str) -> Path:
    root = Path(source)
    return root if root.is_file() else root / key
