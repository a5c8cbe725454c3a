"""What earlier runs learned about each site's furniture, kept in OpenSearch (`<alias>-templates`).

One document per article (its `_id` is the article id): its source (site), the keys of its short lines
and of its prose lines (articles/templates.py `Signature`) and the run that wrote it. A line's count
for a source is the number of these documents holding it, so writing an article again replaces its
evidence instead of counting it twice, and deleting an article removes its evidence.
A batch learns from what earlier runs stored plus its own documents: `stored` leaves out the current
run's writes, so a batch never depends on how far the other batches of its run have got.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from opensearchpy import OpenSearch

from articles.templates import Signature
from indexing import bulk
from indexing.client import translated
from indexing.state import ensure_small_index

TEMPLATES_SUFFIX = "-templates"

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "source": {"type": "keyword"},
        "doc_id": {"type": "keyword"},
        # read back whole, never searched: kept in _source only (a template document costs little to index)
        "lines": {"type": "keyword", "index": False, "doc_values": False},
        "prose": {"type": "keyword", "index": False, "doc_values": False},
        "run_id": {"type": "keyword"},
        "updated_at": {"type": "date"},
    },
}


def templates_index(alias: str) -> str:
    """Per alias, like the state index: two aliases never share what they learned."""
    return f"{alias}{TEMPLATES_SUFFIX}"


def ensure(client: OpenSearch, alias: str) -> str:
    return ensure_small_index(client, templates_index(alias), MAPPING)


def stored(client: OpenSearch, alias: str, sources: Iterable[str], *, exclude_run: str | None = None,
           limit: int = 2000) -> dict[str, dict[str, Signature]]:
    """source -> {article id: signature} of what earlier runs stored (the first `limit` by article id)."""
    name = templates_index(alias)
    out: dict[str, dict[str, Signature]] = {}
    with translated(client, f"reading {name}"):
        if not client.indices.exists(index=name):
            return {}
        for source in sorted(set(sources)):
            query: dict = {"bool": {"filter": [{"term": {"source": source}}]}}
            if exclude_run:
                query["bool"]["must_not"] = [{"term": {"run_id": exclude_run}}]
            resp = client.search(index=name, body={"size": limit, "query": query, "sort": [{"doc_id": "asc"}],
                                                   "_source": ["doc_id", "lines", "prose"]})
            out[source] = {h["_source"]["doc_id"]: Signature(frozenset(h["_source"].get("lines") or ()),
                                                             frozenset(h["_source"].get("prose") or ()))
                           for h in resp["hits"]["hits"]}
    return out


def save(client: OpenSearch, alias: str, signatures: Iterable[dict], run_id: str) -> int:
    """Store signatures (templates.Templates.new_signatures entries) as this run's evidence."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return bulk.write_sources(client, templates_index(alias),
                              ((s["doc_id"], {**s, "run_id": run_id, "updated_at": now}) for s in signatures),
                              "templates")
