"""What a re-index changes, measured before the alias moves: the new version against the live one.

Both versions are read in `id` order and merged, so memory stays flat whatever their size: documents
added, missing and changed, and per field how many changed, with a few examples of each. The gate that
decides whether the alias may move reads its thresholds from config/reindex.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from opensearchpy import OpenSearch, helpers

from articles.record_type import COMPARED as COMPARED_ROLE
from articles.record_type import Record, fields
from common.config import config_dir
from indexing.client import translated

#: The fields a reader of the index relies on; a re-index that changes them should say so.
COMPARED = fields(Record, COMPARED_ROLE)
#: How the report names them (the record calls the agency `source`).
LABELS = {"title": "titles", "published_at": "dates", "language": "languages", "source": "agencies",
          "dateline": "datelines", "story_id": "story ids"}


@dataclass(frozen=True)
class Gate:
    max_missing_share: float = 0.10
    max_extra_quarantine_share: float = 0.02
    min_extra_quarantine: int = 3
    examples: int = 3


def gate() -> Gate:
    """The thresholds in config/reindex.yaml (defaults when the file is absent)."""
    return _gate(str(config_dir()))


@cache
def _gate(directory: str) -> Gate:
    path = Path(directory) / "reindex.yaml"
    raw = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}
    values = {k: v for k, v in (raw.get("gate") or {}).items() if k in Gate.__dataclass_fields__}
    return Gate(**values, **({"examples": int(raw["examples"])} if "examples" in raw else {}))


def _docs(client: OpenSearch, index: str | None) -> Iterator[dict]:
    if not index:
        return
    with translated(client, f"reading {index}"):
        client.indices.refresh(index=index)
        yield from (h["_source"] for h in helpers.scan(
            client, index=index, preserve_order=True, size=1000,
            query={"sort": [{"id": "asc"}], "_source": ["id", "source_path", *COMPARED]}))


def _example(doc: dict, old: object = None, new: object = None, *, field: str | None = None) -> dict:
    out = {"source_path": doc.get("source_path") or doc.get("id")}
    return {**out, "old": old, "new": new} if field else out


def compare(client: OpenSearch, live: str | None, new: str, *, examples: int | None = None) -> dict:
    """Documents of `new` against `live` (None: nothing live yet): counts, per-field changes, examples."""
    k = gate().examples if examples is None else examples
    docs = {"live": 0, "new": 0, "added": 0, "missing": 0, "changed": 0, "unchanged": 0}
    added: list[dict] = []
    missing: list[dict] = []
    fields = {f: {"changed": 0, "examples": []} for f in COMPARED}
    old_it, new_it = _docs(client, live), _docs(client, new)
    a, b = next(old_it, None), next(new_it, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a["id"] < b["id"]):
            docs["live"] += 1
            docs["missing"] += 1
            if len(missing) < k:
                missing.append(_example(a))
            a = next(old_it, None)
        elif a is None or b["id"] < a["id"]:
            docs["new"] += 1
            docs["added"] += 1
            if len(added) < k:
                added.append(_example(b))
            b = next(new_it, None)
        else:
            docs["live"] += 1
            docs["new"] += 1
            changed = [f for f in COMPARED if a.get(f) != b.get(f)]
            docs["changed" if changed else "unchanged"] += 1
            for f in changed:
                fields[f]["changed"] += 1
                if len(fields[f]["examples"]) < k:
                    fields[f]["examples"].append(_example(b, a.get(f), b.get(f), field=f))
            a, b = next(old_it, None), next(new_it, None)
    return {"live_index": live, "new_index": new, "documents": docs,
            "added_examples": added, "missing_examples": missing, "fields": fields}


def refusals(report: dict, seen: int, thresholds: Gate | None = None) -> list[str]:
    """Why the alias must not move to the new version (empty: it may), each with its numbers.

    `report` is `compare`'s, with `quarantined: {"live": {kind: n}, "new": {kind: n}}`; `seen` is how many
    inputs the new version was built from."""
    g = thresholds or gate()
    why = []
    docs = report["documents"]
    if docs["live"] and docs["missing"] / docs["live"] > g.max_missing_share:
        why.append(f"it loses {docs['missing']} of the {docs['live']} live documents "
                   f"({docs['missing'] / docs['live']:.0%}, more than the {g.max_missing_share:.0%} allowed)")
    old_q = sum(report["quarantined"]["live"].values())
    new_q = sum(report["quarantined"]["new"].values())
    extra = new_q - old_q
    if extra >= g.min_extra_quarantine and extra > g.max_extra_quarantine_share * max(seen, 1):
        why.append(f"it quarantines {new_q} inputs where the live version has {old_q} "
                   f"({extra} more of {seen}, more than the {g.max_extra_quarantine_share:.0%} allowed)")
    return why
