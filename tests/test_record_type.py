"""The record type is the one place the record's fields are listed; the index mapping covers every indexed field."""

from __future__ import annotations

import ast
import copy
import json
from pathlib import Path

from articles import process_path, with_story_ids
from articles.record import FIELDS
from articles.record_type import Article, Quarantined, Record, fields
from flows.work import SLIM_FIELDS, prepare, process_batch
from indexing.documents import KEPT, to_document
from indexing.ledger import QUARANTINE_FIELDS, quarantine_entry
from indexing.search import SOURCE_FIELDS, VERSION_FIELDS
from indexing.template import index_body, languages

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PACKAGES = ("articles", "common", "indexing", "flows", "newsindex")


def _mapped(properties: dict, prefix: str = "") -> set[str]:
    out = set()
    for name, spec in properties.items():
        out.add(prefix + name)
        out |= _mapped(spec.get("properties") or {}, f"{prefix}{name}.")
    return out


def test_derived_lists_are_subsets_of_the_record() -> None:
    record = set(fields(Record))
    assert fields(Article) == FIELDS and set(FIELDS) < record
    for derived in (SLIM_FIELDS, QUARANTINE_FIELDS, KEPT, SOURCE_FIELDS, VERSION_FIELDS):
        assert derived and set(derived) <= record
    assert tuple(Quarantined.__annotations__) == QUARANTINE_FIELDS
    assert "input_path" not in KEPT and "body" in KEPT and "body" not in SLIM_FIELDS


def test_the_record_fields_are_listed_nowhere_else() -> None:
    """No literal list of three or more record field names outside articles/record_type.py."""
    names = set(fields(Record))
    found = []
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            if path.name == "record_type.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Tuple | ast.List | ast.Set) and len(node.elts) >= 3:
                    values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                    if len(values) == len(node.elts) and all(v in names for v in values):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, f"record fields listed outside the record type: {found}"


def test_records_have_exactly_the_declared_fields(tmp_path: Path) -> None:
    for rec in process_path(SEEDS / "000_514dec7b5130cfe8.txt", "000.txt"):
        assert tuple(rec) == FIELDS
    (tmp_path / "empty.txt").write_bytes(b"")
    ok, bad = process_batch([(str(SEEDS / "000_514dec7b5130cfe8.txt"), "000.txt"),
                             (str(tmp_path / "empty.txt"), "empty.txt")])
    assert set(ok) == set(fields(Record)) - {"sha256"}
    assert set(bad) == set(fields(Record)) and bad["status"] == "quarantined"
    assert set(quarantine_entry(bad)) == set(QUARANTINE_FIELDS)
    assert set(prepare([ok])[0]) == set(SLIM_FIELDS) - {"sha256"} | {"_doc"}


def test_no_record_is_changed_in_place() -> None:
    recs = [r for f in sorted(SEEDS.glob("*.txt")) for r in process_path(f, f.name)]
    before = copy.deepcopy(recs)
    grouped = with_story_ids(recs)
    assert recs == before
    assert all(g["story_id"] for g in grouped) and [g["id"] for g in grouped] == [r["id"] for r in recs]
    slim = prepare(process_batch([(str(f), f.name) for f in sorted(SEEDS.glob("*.txt"))]))
    kept = copy.deepcopy(slim)
    with_story_ids(slim)
    assert slim == kept


def test_the_mapping_covers_every_indexed_field() -> None:
    mapping = index_body()["mappings"]
    assert mapping.get("dynamic") == "strict"  # an unmapped field would be rejected, not guessed
    mapped = _mapped(mapping["properties"])
    assert set(KEPT) <= mapped, f"indexed but not mapped: {sorted(set(KEPT) - mapped)}"
    rec = next(r for r in process_path(SEEDS / "000_514dec7b5130cfe8.txt", "000.txt"))
    full = {**rec, "source_key": "000.txt", "pipeline_version": "v", "input_path": "/x", "sha256": None,
            "removed": [{"kind": "crumb", "text": "Home"}]}
    for lang in [*languages(), "xx", None]:
        doc = json.loads(json.dumps(to_document({**full, "language": lang}), default=str))
        stored_only = {k for k, spec in mapping["properties"].items() if spec.get("enabled") is False}
        keys = set(doc) | {f"{k}.{sub}" for k, v in doc.items() if isinstance(v, list) and k not in stored_only
                           for item in v if isinstance(item, dict) for sub in item}
        assert keys <= mapped, f"{lang}: indexed but not mapped: {sorted(keys - mapped)}"
