"""Search behind the alias: every language field with its own analyser, one hit per story."""

from __future__ import annotations

from dataclasses import dataclass

from opensearchpy import OpenSearch

from indexing.documents import lang_suffix, transliterate
from indexing.template import languages

SOURCE_FIELDS = ["id", "source_path", "title", "language", "published_at", "story_id", "source", "section"]


@dataclass(frozen=True)
class Filters:
    lang: str | None = None
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def _text_fields(lang: str | None) -> list[str]:
    suffixes = [lang_suffix(lang)] if lang else [*dict.fromkeys(languages().values()), "other"]
    fields: list[str] = []
    for s in suffixes:
        fields += [f"title_{s}^3", f"body_{s}"]
        if s == "vi":
            fields += ["body_vi.joined"]
    return fields + ["captions", "names^2"]


def build_query(query: str, filters: Filters = Filters(), size: int = 10) -> dict:
    """User text only ever goes through simple_query_string, never into the DSL itself."""
    should = [
        {"simple_query_string": {"query": query, "fields": _text_fields(filters.lang),
                                 "default_operator": "and"}},
        {"simple_query_string": {"query": transliterate(query), "fields": ["translit", "translit.joined"],
                                 "default_operator": "and", "boost": 0.5}},
    ]
    flt: list[dict] = [{"term": {"status": "ok"}}]
    if filters.lang:
        flt.append({"term": {"language": filters.lang}})
    if filters.source:
        flt.append({"term": {"source": filters.source}})
    if filters.date_from or filters.date_to:
        rng = {k: v for k, v in (("gte", filters.date_from), ("lte", filters.date_to)) if v}
        flt.append({"range": {"published_at": rng}})
    return {
        "size": size,
        "query": {"bool": {"should": should, "minimum_should_match": 1, "filter": flt}},
        "_source": SOURCE_FIELDS,
        "collapse": {"field": "story_id", "inner_hits": {
            "name": "versions", "size": 20, "_source": ["id", "source_path", "language", "title"]}},
        "highlight": {"fields": {f: {} for f in ("body_en", "body_ru", "body_vi", "body_other")},
                      "fragment_size": 160, "number_of_fragments": 1,
                      "pre_tags": ["«"], "post_tags": ["»"]},
    }


def search(client: OpenSearch, alias: str, query: str, filters: Filters = Filters(), size: int = 10) -> list[dict]:
    resp = client.search(index=alias, body=build_query(query, filters, size))
    hits = []
    for h in resp["hits"]["hits"]:
        src = h["_source"]
        inner = h.get("inner_hits", {}).get("versions", {}).get("hits", {}).get("hits", [])
        versions = [
            {k: v["_source"].get(k) for k in ("id", "source_path", "language")}
            for v in inner if v["_source"].get("id") != src.get("id")
        ]
        snippet = next(iter(next(iter(h.get("highlight", {}).values()), [])), "")
        hits.append({**{k: src.get(k) for k in SOURCE_FIELDS}, "score": h.get("_score"),
                     "snippet": snippet, "versions": versions})
    return hits
