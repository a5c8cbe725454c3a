"""The Dashboards saved objects reference only fields that exist in the live mapping of our template,
and aggregate only fields that can be aggregated (Dashboards itself cannot run here)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
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
        search_source = json.loads(attrs["kibanaSavedObjectMeta"]["searchSourceJSON"])
        refs += [(f["meta"]["key"], True) for f in search_source.get("filter", [])]
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
    assert pattern["attributes"]["title"] == "news"  # replaced by the alias at import
    assert pattern["attributes"]["timeFieldName"] == "timeline_at"  # undated articles stay on the time axis
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


# --- Discover across languages: checked against the OpenSearch Dashboards source (see README) ----------

#: Attributes each saved-object type maps (src/plugins/*/server/saved_objects/*.ts); the .kibana mapping is
#: strict for these types, so anything else fails the import. index-pattern maps dynamic: false.
SEARCH_ATTRIBUTES = {"columns", "description", "hits", "kibanaSavedObjectMeta", "sort", "columnWidths", "title",
                     "version"}
#: Newest migration of each type in Dashboards 2.x/3.x; an object at that version is imported as it is.
LATEST_MIGRATION = {"index-pattern": "7.6.0", "search": "7.9.3", "visualization": "7.10.0", "dashboard": "7.9.3"}


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def test_index_pattern_leaves_fields_to_dashboards():
    """No `fields`: IndexPatternsService.isFieldRefreshRequired() is true for an empty field map, so Dashboards
    fetches the list from the index (field_caps) on first use and saves it; a shipped list would never refresh."""
    pattern = next(o for o in objects() if o["type"] == "index-pattern")
    assert "fields" not in pattern["attributes"]
    hidden = {f["value"] for f in json.loads(pattern["attributes"].get("sourceFilters") or "[]")}
    assert not any(v.startswith(("title", "body", "captions")) for v in hidden), hidden


def test_objects_fit_the_dashboards_types():
    for o in objects():
        assert _version(o["migrationVersion"][o["type"]]) <= _version(LATEST_MIGRATION[o["type"]]), o["id"]
        if o["type"] == "search":
            assert set(o["attributes"]) <= SEARCH_ATTRIBUTES, o["id"]
            search_source = json.loads(o["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
            refs = {r["name"] for r in o["references"]}
            assert search_source["indexRefName"] in refs
            for flt in search_source.get("filter", []):  # inject_references.ts resolves meta.indexRefName
                assert flt["meta"]["indexRefName"] in refs and "index" not in flt["meta"]


def test_a_saved_search_per_language():
    from indexing.template import languages

    by_language = {}
    for o in objects():
        if o["type"] != "search":
            continue
        search_source = json.loads(o["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        for flt in search_source.get("filter", []):
            if flt["meta"]["key"] == "language" and not flt["meta"]["negate"]:
                assert flt["query"] == {"match_phrase": {"language": flt["meta"]["params"]["query"]}}
                by_language[flt["meta"]["params"]["query"]] = o
    assert set(by_language) == set(languages())
    for o in by_language.values():
        assert o["attributes"]["sort"] == [["timeline_at", "desc"]]


def test_every_mapped_field_reaches_discover(os_client, live_fields):
    """What Dashboards fetches for a pattern without `fields` (its _fields_for_wildcard route calls field_caps
    on the pattern's title, the alias) holds every mapped field, subfields included."""
    alias = f"test-{uuid.uuid4().hex[:8]}"
    versions.ensure(os_client, alias)
    try:
        caps = os_client.field_caps(index=alias, fields="*")["fields"]
    finally:
        os_client.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
    from indexing.template import index_body

    mapped = flatten(index_body()["mappings"]["properties"])
    assert set(mapped) == set(live_fields)
    fields = {name for name, spec in mapped.items() if spec.get("enabled", True)}  # `removed`: _source only
    assert fields <= set(caps), sorted(fields - set(caps))
    assert {"title_en", "body_ru", "captions_vi.joined", "timeline_at", "date_unknown"} <= fields


def test_default_field_is_the_searchable_text():
    """A bare query-bar word searches text only: `ok` (status) and `en` (language) are not text."""
    from indexing.template import index_body

    body = index_body()
    text = {name for name, spec in flatten(body["mappings"]["properties"]).items()
            if spec.get("type") == "text" and spec.get("index", True)}
    assert set(body["settings"]["index"]["query"]["default_field"]) == text


@pytest.fixture(scope="module")
def dated_and_undated(os_client) -> Iterator[str]:
    from indexing import bulk
    from indexing.documents import to_document

    alias = f"test-{uuid.uuid4().hex[:8]}"
    index = versions.ensure(os_client, alias)
    base = {"status": "ok", "language": "en", "section": "World", "source": "TASS", "story_id": "s1"}
    records = [{**base, "id": "dated", "title": "Ambassador meets minister", "body": "Talks in Hanoi went well.",
                "published_at": "2026-02-09"},
               {**base, "id": "undated", "title": "Ambassador speaks", "body": "An interview in Moscow.",
                "published_at": None}]
    result = bulk.write(os_client, index, (to_document(r) for r in records), refresh=True)
    assert not result.failed
    yield alias
    os_client.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)


def _ids(os_client, alias: str, query: str) -> set[str]:
    """query_string without fields: what Discover's query bar sends (Lucene syntax; DQL's free text is a
    multi_match without fields, which reads the same index.query.default_field)."""
    body = {"query": {"query_string": {"query": query}}}
    return {h["_id"] for h in os_client.search(index=alias, body=body)["hits"]["hits"]}


def test_keyword_values_do_not_match_everything(os_client, dated_and_undated):
    assert _ids(os_client, dated_and_undated, "ok") == set()
    assert _ids(os_client, dated_and_undated, "en") == set()
    assert _ids(os_client, dated_and_undated, "TASS") == set()
    assert _ids(os_client, dated_and_undated, "ambassador") == {"dated", "undated"}
    assert _ids(os_client, dated_and_undated, "source:TASS AND language:en") == {"dated", "undated"}


def test_undated_articles_stay_in_the_time_filter(os_client, dated_and_undated):
    docs = {h["_id"]: h["_source"] for h in os_client.search(
        index=dated_and_undated, body={"query": {"range": {"timeline_at": {"gte": "now-1y"}}}})["hits"]["hits"]}
    assert docs["undated"]["date_unknown"] is True
    assert docs["undated"]["timeline_at"] == docs["undated"]["indexed_at"]
    assert "published_at" not in docs["undated"] or docs["undated"]["published_at"] is None
    flagged = os_client.search(index=dated_and_undated, body={"query": {"term": {"date_unknown": False}}})
    assert [h["_id"] for h in flagged["hits"]["hits"]] == ["dated"]
