"""The CPU side of a run, as plain functions: read + clean + enrich a batch, build its documents; and the
accounting every run keeps.

The ledger rule holds for every batch and every run: seen = indexed + unchanged + quarantined.
Bad input never raises here: it becomes a quarantined record with a reason. A failure of the
cluster itself raises `OpenSearchUnavailable` (one line, no secrets) and counts nothing as done.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

import articles
from articles.readers import file_sha256, precheck
from articles.record import quarantined
from articles.record_type import SLIM, Record, fields
from articles.templates import Templates
from common.config import config_dir
from indexing.documents import DOC, document_bytes

#: What the flow process needs of an ok record once its document is built (`prepare`): ids, story grouping,
#: the ledger and the incremental state. The text itself travels only inside the document bytes.
SLIM_FIELDS = fields(Record, SLIM)


@cache
def pipeline_version() -> str:
    """Changes when cleaning code or rules change, so an unchanged file is re-processed after an upgrade."""
    h = hashlib.sha256()
    pkg = Path(articles.__file__).parent
    for path in sorted([*pkg.glob("*.py"), *config_dir().glob("*.yaml")]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def process_batch(items: list[tuple[str, str]], templates: Templates | None = None) -> list[Record]:
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
                got = [quarantined(key, f"unprocessable: {type(exc).__name__}: {exc}"[:500])]
            if not got:
                got = [quarantined(key, "unprocessable: the reader produced no record")]
        else:
            got = [quarantined(key, reason)]
        loaded.append((path, key, reason, len(got)))
        drafts.extend(got)
    finished = iter(articles.finish(drafts, templates))
    records: list[Record] = []
    for path, key, reason, n in loaded:
        run = {"source_key": key, "input_path": os.path.abspath(path), "pipeline_version": version}
        for rec in (next(finished) for _ in range(n)):
            if rec.get("status") == "ok":
                records.append({**rec, **run})  # type: ignore[typeddict-item]
                continue
            sha = rec.get("content_hash") or (
                file_sha256(path) if reason is None or reason.startswith("too large") else None)
            records.append({**rec, **run, "sha256": sha})  # type: ignore[typeddict-item]
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
