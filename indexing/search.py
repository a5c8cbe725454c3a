"""Search behind the alias: every language field with its own analyser, one hit per story.

Why one clause per language: `simple_query_string` with `default_operator: and` over fields with
different analysers requires every query term in *some* field, analysed per field. A stopword that
the english analyser drops ("to") is still a term for the folded fields, so an English article
would need "to" in a folded field and silently fail to match. Grouping fields that share one
analysis chain (per language, plus the transliteration group) keeps AND meaningful in each group;
the groups are OR-ed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from opensearchpy import OpenSearch

from articles.record_type import HIT, PER_LANGUAGE, VERSION, Record, fields
from indexing.documents import lang_suffix, transliterate
from indexing.template import languages

SOURCE_FIELDS = list(fields(Record, HIT))
#: What a hit tells about each other article of its story (plus `matched`: did it match the query too).
VERSION_FIELDS = list(fields(Record, VERSION))
#: Query text with any of these is left exactly as the user wrote it (no joined-syllable variants).
_OPERATORS = re.compile(r'[+|\-"*()~\\]')
_MAX_VERSIONS = 50


@dataclass(frozen=True)
class Filters:
    lang: str | None = None
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def suffixes(lang: str | None) -> list[str]:
    """The per-language field suffixes a search runs over: one for --lang, all of them otherwise."""
    return [lang_suffix(lang)] if lang else [*dict.fromkeys([*languages().values(), "other"])]


def language_fields(suffix: str) -> list[str]:
    """Fields sharing one analysis chain (query-side), title boosted."""
    fields = [f"title_{suffix}^3", f"body_{suffix}", f"captions_{suffix}"]
    if suffix == "vi":  # index-side joined syllables; searched with the folded analyser
        fields += ["title_vi.joined^3", "body_vi.joined", "captions_vi.joined"]
    return fields


def joined_variants(query: str, max_words: int = 8) -> list[str]:
    """`Ha Noi` -> `HaNoi`, `Ho Chi Minh` -> `HoChi Minh`, `Ho ChiMinh`, `HoChiMinh`, ...

    Latin spellings split or join Vietnamese syllables freely (`Hanoi` / `Ha Noi`); the index holds
    joined forms of the documents, these are the joined forms of the query.
    """
    words = query.split()
    if len(words) < 2 or len(words) > max_words or _OPERATORS.search(query):
        return []
    variants = []
    for size in (2, 3):
        for i in range(len(words) - size + 1):
            variants.append(" ".join([*words[:i], "".join(words[i:i + size]), *words[i + size:]]))
    return variants


def _sqs(text: str, fields: list[str], boost: float = 1.0) -> dict:
    return {"simple_query_string": {"query": text, "fields": fields, "default_operator": "and", "boost": boost}}


def _clauses(query: str, lang: str | None) -> list[dict]:
    should = [_sqs(query, language_fields(s)) for s in suffixes(lang)]
    latin = transliterate(query)
    translit_fields = ["translit", "translit.joined", "translit_body"]
    should.append(_sqs(latin, translit_fields, 0.5))
    if latin != query:  # `Бездетко` -> `Bezdetko` in the Latin-script bodies, which carry no transliteration
        should += [_sqs(latin, language_fields(s), 0.5) for s in suffixes(lang) if s != "ru"]
    should += [_sqs(v, translit_fields, 0.4) for v in joined_variants(latin)]
    should.append(_sqs(query, ["names^2"]))
    return should


def _parse_date(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"not an ISO date: {value!r} (use YYYY-MM-DD)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def date_bound(value: str) -> str:
    """A checked ISO date for a range bound; a bare day means the whole day (`--to 2026-02-09` keeps 10:09)."""
    parsed = _parse_date(value)
    return f"{value}||/d" if len(value) == 10 else parsed.isoformat()


def check_range(date_from: str | None, date_to: str | None) -> None:
    """A reversed range would quietly find nothing: say so instead."""
    if date_from and date_to and _parse_date(date_from).date() > _parse_date(date_to).date():
        raise ValueError(f"--from {date_from} is after --to {date_to}")


def _filters(filters: Filters) -> list[dict]:
    flt: list[dict] = [{"term": {"status": "ok"}}]
    if filters.lang:
        flt.append({"term": {"language": filters.lang}})
    if filters.source:
        flt.append({"term": {"source": filters.source}})
    if filters.date_from or filters.date_to:
        check_range(filters.date_from, filters.date_to)
        rng = {k: date_bound(v) for k, v in (("gte", filters.date_from), ("lte", filters.date_to)) if v}
        flt.append({"range": {"published_at": rng}})
    return flt


def _highlight(field: str) -> dict:
    """The body has a fallback fragment: its start, when only another field matched."""
    return {"no_match_size": 160} if field.startswith("body_") and "." not in field else {}


def _highlighted(lang: str | None) -> list[str]:
    """Vietnamese fields are highlighted through their joined syllables too (`Hanoi` -> «Hà Nội»): a field of
    its own, since the unified highlighter marks one field's matches (offsets in the postings, no term vectors:
    they doubled what a Vietnamese document cost to index); `_snippet` prefers a fragment that marks something."""
    out = []
    for s in suffixes(lang):
        for kind in fields(Record, PER_LANGUAGE):
            out.append(f"{kind}_{s}")
            if s == "vi":
                out.append(f"{kind}_{s}.joined")
    return out


def build_query(query: str, filters: Filters = Filters(), size: int = 10) -> dict:
    """User text only ever goes through simple_query_string, never into the DSL itself."""
    highlighted = _highlighted(filters.lang)
    return {
        "size": size,
        "query": {"bool": {"should": _clauses(query, filters.lang), "minimum_should_match": 1,
                           "filter": _filters(filters)}},
        "_source": SOURCE_FIELDS,
        "collapse": {"field": "story_id", "inner_hits": {
            "name": "versions", "size": _MAX_VERSIONS, "_source": ["id"],
            "sort": [{"_score": "desc"}, {"id": "asc"}]}},
        "highlight": {"fields": {f: _highlight(f) for f in highlighted},
                      "fragment_size": 160, "number_of_fragments": 1,
                      "pre_tags": ["«"], "post_tags": ["»"]},
    }


def _snippet(highlight: dict) -> str:
    """A highlighted fragment, body first (it says most), then captions, then title; else the body's start
    (a cross-script match such as `Bezdetko` -> `Бездетко` has nothing to mark in the original text)."""
    ordered = [frags[0] for kind in ("body_", "captions_", "title_")
               for field, frags in highlight.items() if field.startswith(kind) and frags]
    return next((f for f in ordered if "«" in f), ordered[0] if ordered else "")


def stories_query(story_ids: list[str], filters: Filters = Filters()) -> dict:
    """Every article of these stories that the filters allow, matching the query or not."""
    return {
        "size": 0,
        "query": {"bool": {"filter": [{"terms": {"story_id": story_ids}}, *_filters(filters)]}},
        "aggs": {"stories": {"terms": {"field": "story_id", "size": len(story_ids)}, "aggs": {"members": {
            "top_hits": {"size": _MAX_VERSIONS + 1, "_source": VERSION_FIELDS,
                         "sort": [{"language": "asc"}, {"id": "asc"}]}}}}},
    }


def _versions(best_id: str, matched: list[str], members: list[dict]) -> list[dict]:
    """The story's other articles: those that matched first (best first), then the rest by language."""
    rank = {doc_id: i for i, doc_id in enumerate(matched)}
    others = [m for m in members if m.get("id") != best_id][:_MAX_VERSIONS]
    others.sort(key=lambda m: rank.get(m.get("id"), len(rank)))
    return [{**{k: m.get(k) for k in VERSION_FIELDS}, "matched": m.get("id") in rank} for m in others]


def search(client: OpenSearch, alias: str, query: str, filters: Filters = Filters(), size: int = 10) -> list[dict]:
    """One dict per story: the best article, its highlight, and every other article of the story (within the
    filters), each marked whether it matched the query too, so an English query shows the Russian version."""
    resp = client.search(index=alias, body=build_query(query, filters, size))
    found = resp["hits"]["hits"]
    story_ids = list(dict.fromkeys(h["_source"].get("story_id") for h in found if h["_source"].get("story_id")))
    members: dict[str, list[dict]] = {}
    if story_ids:
        resp = client.search(index=alias, body=stories_query(story_ids, filters))
        for bucket in resp["aggregations"]["stories"]["buckets"]:
            members[bucket["key"]] = [m["_source"] for m in bucket["members"]["hits"]["hits"]]
    hits = []
    for h in found:
        src = h["_source"]
        inner = h.get("inner_hits", {}).get("versions", {}).get("hits", {}).get("hits", [])
        matched = [v["_source"].get("id") for v in inner]
        versions = _versions(src.get("id"), matched, members.get(src.get("story_id"), []))
        hits.append({**{k: src.get(k) for k in SOURCE_FIELDS}, "score": h.get("_score"),
                     "snippet": _snippet(h.get("highlight", {})), "versions": versions})
    return hits
