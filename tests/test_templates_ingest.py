"""Per-source templates through the ingest flow, against the real OpenSearch: evidence is stored and reused."""

from __future__ import annotations

import shutil

import pytest

from indexing.templates import templates_index
from tests.templates_site import FURNITURE, write_site

pytestmark = pytest.mark.integration


def _run(source, alias, **kw) -> dict:
    from flows.ingest import ingest

    return ingest(source=str(source), alias=alias, **kw)


def _docs(os_client, alias) -> dict[str, dict]:
    os_client.indices.refresh(index=alias)
    hits = os_client.search(index=alias, body={"size": 100, "query": {"match_all": {}},
                                               "_source": ["source_path", "title", "body", "removed"]})
    return {h["_source"]["source_path"]: h["_source"] for h in hits["hits"]["hits"]}


def _furniture_in(doc: dict) -> list[str]:
    text = f"{doc.get('title') or ''}\n{doc.get('body') or ''}"
    return [line for line in FURNITURE if line in text]


def test_ingest_stores_and_reuses_template_counts(os_client, alias, tmp_path):
    site = tmp_path / "site"
    own = write_site(site, n=30)
    later = {}
    for name in sorted(own)[-2:]:  # two articles arrive in a later run
        later[name] = (site / name).read_bytes()
        (site / name).unlink()
    first = _run(site, alias)
    assert first["indexed"] == 28
    os_client.indices.refresh(index=templates_index(alias))
    assert os_client.count(index=templates_index(alias))["count"] == 28
    for name, doc in _docs(os_client, alias).items():
        assert not _furniture_in(doc), name
    for name, data in later.items():
        (site / name).write_bytes(data)
    second = _run(site, alias)
    # a batch of two documents is too little evidence on its own: the stored counts decide
    assert second["indexed"] == 2 and second["unchanged"] == 28
    docs = _docs(os_client, alias)
    for name in later:
        doc = docs[name]
        assert not _furniture_in(doc), name
        assert any(r["kind"] == "template" for r in doc["removed"])
        for line in own[name]:
            assert line in f"{doc['title']}\n{doc['body']}"
    os_client.indices.refresh(index=templates_index(alias))
    assert os_client.count(index=templates_index(alias))["count"] == 30
    # a re-index in batches too small to learn from uses what the ingest runs stored
    from flows.reindex import reindex

    reindex(source=str(site), alias=alias, batch_size=2)
    for name, doc in _docs(os_client, alias).items():
        assert not _furniture_in(doc), name
    # a vanished article takes its evidence with it
    (site / sorted(own)[0]).unlink()
    _run(site, alias)
    os_client.indices.refresh(index=templates_index(alias))
    assert os_client.count(index=templates_index(alias))["count"] == 29


def test_same_records_whatever_the_batch_size(os_client, alias, tmp_path):
    site = tmp_path / "site"
    write_site(site, n=30)
    other = f"{alias}-b"
    try:
        _run(site, alias, batch_size=10)
        _run(shutil.copytree(site, tmp_path / "copy"), other, batch_size=15)
        a, b = _docs(os_client, alias), _docs(os_client, other)
        assert len(a) == 30 and a == b
    finally:
        os_client.indices.delete(index=f"{other}-*", ignore_unavailable=True, allow_no_indices=True)
