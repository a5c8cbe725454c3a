"""Story ids through the real index do not depend on the batch size: what the run wrote is grouped from memory
(indexing.writer.RecentStories), what earlier runs wrote from the index, with no refresh after every batch."""

from __future__ import annotations

import shutil

import pytest

from indexing.writer import RecentStories
from tests.conftest import SEEDS

pytestmark = pytest.mark.integration


def _stories(client, alias: str) -> dict[str, str]:
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, body={"size": 1000, "_source": ["source_path", "story_id"]})["hits"]["hits"]
    return {h["_source"]["source_path"]: h["_source"]["story_id"] for h in hits}


def _corpus(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)  # 000, 001 and 003 are one story in two languages
    return src


def _partition(stories: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for path, sid in stories.items():
        groups.setdefault(sid, set()).add(path)
    return {frozenset(g) for g in groups.values()}


def test_stories_do_not_depend_on_batches_or_refreshes(os_client, alias, tmp_path, monkeypatch):
    """The same groups whatever the batch size; the same ids whether the index was refreshed or not. (An id is
    `s-` + the smallest member id seen when the story was first written, so its label follows the batches.)"""
    from flows.ingest import ingest

    src = _corpus(tmp_path)
    ingest(source=str(src), alias=alias, batch_size=200)
    whole = _stories(os_client, alias)
    assert any(len(g) > 1 for g in _partition(whole)), "the corpus must hold a story told more than once"
    small, tiny = f"{alias}-b2", f"{alias}-b2-m2"
    try:
        ingest(source=str(src), alias=small, batch_size=2)  # never refreshed mid-run: all from memory
        in_memory = _stories(os_client, small)
        monkeypatch.setattr(RecentStories, "__init__", lambda self, limit=2: _init(self, limit))
        ingest(source=str(src), alias=tiny, batch_size=2)  # memory full after each batch: refresh, start again
        refreshed = _stories(os_client, tiny)
    finally:
        os_client.indices.delete(index=f"{alias}-b2*", ignore_unavailable=True, allow_no_indices=True)
    assert _partition(in_memory) == _partition(whole)
    assert refreshed == in_memory


_init = RecentStories.__init__
