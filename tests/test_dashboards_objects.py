"""The Dashboards saved objects reference only fields that exist in the live mapping of our template,
and aggregate only fields that can be aggregated (Dashboards itself cannot run here)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from indexing import versions

pytestmark = pytest.mark.integration

NDJSON = Path(__file__).resolve().parents[1] / "config" / "dashboards" / "news.ndjson"
AGGREGATABLE = {"keyword", "date", "date_nanos", "long", "integer", "short", "byte", "double", "float",
                "half_float", "scaled_float", "boolean", "ip"}


def objects() -> list[dict]:
    return [json.loads(line) for line in NDJSON.read_text(encoding="utf-8").splitlines() if line.strip()]


def flatten(props: dict, prefix: str = "") -> dict[str, dict]:
    """`{"title": {"fields": {"raw": ...}}}` -> {"title": ..., "title.raw": ...}."""
    out = {}
    for name, spec in props.items():
        out[prefix + name] = spec
        out.update(flatten(spec.get("properties", {}), f"{prefix}{name}."))
        out.update(flatten(spec.get("fields", {}), f"{prefix}{name}."))
    return out


@pytest.fixture(scope="module")
def live_fields(os_client) -> dict[str, dict]:
    """The mapping as OpenSearch reports it for a fresh index built by our template, behind an alias."""
    alias = f"test-{uuid.uuid4().hex[:8]}"
    versions.ensure(os_client, alias)
    mapping = os_client.indices.get_mapping(index=alias)
    yield flatten(next(iter(mapping.values()))["mappings"]["properties"])
    os_client.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)


def referenced(obj: dict) -> list[tuple[str, bool]]:
    """(field, must be aggregatable) for every field a saved object names."""
    attrs, kind = obj["attributes"], obj["type"]
    refs: list[tuple[str, bool]] = []
    if kind == "index-pattern":
        refs.append((attrs["timeFieldName"], True))
        refs += [(f["name"], f["aggregatable"]) for f in json.loads(attrs.get("fields") or "[]")]
    elif kind == "search":
        refs += [(c, False) for c in attrs["columns"]]
        refs += [(field, True) for field, _order in attrs.get("sort", [])]
    elif kind == "visualization":
        for agg in json.loads(attrs["visState"])["aggs"]:
            if "field" in agg.get("params", {}):
                refs.append((agg["params"]["field"], True))
    return refs


def test_every_object_parses_and_has_the_expected_kinds():
    objs = objects()
    kinds = [o["type"] for o in objs]
    assert kinds.count("index-pattern") == 1 and "search" in kinds and "dashboard" in kinds
    assert kinds.count("visualization") >= 3
    pattern = next(o for o in objs if o["type"] == "index-pattern")
    assert pattern["attributes"]["title"] == "news"
    assert pattern["attributes"]["timeFieldName"] == "published_at"
    titles = {o["attributes"]["title"] for o in objs if o["type"] == "visualization"}
    assert {"Articles over time by language", "Top sources", "Top sections"} <= titles


def test_references_resolve_inside_the_file():
    objs = objects()
    ids = {(o["type"], o["id"]) for o in objs}
    for o in objs:
        for ref in o.get("references", []):
            assert (ref["type"], ref["id"]) in ids, f"{o['id']} -> {ref}"
        if o["type"] == "dashboard":
            panels = json.loads(o["attributes"]["panelsJSON"])
            names = {r["name"] for r in o["references"]}
            assert panels and all(p["panelRefName"] in names for p in panels)


@pytest.mark.parametrize("obj", objects(), ids=lambda o: f"{o['type']}:{o['id']}")
def test_fields_exist_in_live_mapping_and_aggregate(obj, live_fields):
    for field, aggregated in referenced(obj):
        assert field in live_fields, f"{obj['id']} names {field!r}, not in the mapping"
        spec = live_fields[field]
        if aggregated:
            assert spec.get("type") in AGGREGATABLE and spec.get("doc_values", True), \
                f"{obj['id']} aggregates {field!r} of type {spec.get('type')}"
