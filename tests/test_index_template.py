"""The template's analysers and mappings, checked on a real index built from it."""

from __future__ import annotations

import uuid

import pytest

from indexing import versions
from indexing.documents import to_document
from indexing.template import index_body, languages

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def index(os_client):
    name = f"test-{uuid.uuid4().hex[:8]}"
    created = versions.create_next(os_client, name)
    yield created
    os_client.indices.delete(index=f"{name}-*", ignore_unavailable=True, allow_no_indices=True)


def tokens(client, index: str, analyzer: str, text: str) -> list[str]:
    resp = client.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
    return [t["token"] for t in resp["tokens"]]


def test_english_stems_and_folds(os_client, index):
    assert tokens(os_client, index, "english_folded", "cooperation")[0] == \
        tokens(os_client, index, "english_folded", "cooperate")[0]
    assert {"ha", "noi"} <= set(tokens(os_client, index, "english_folded", "Hà Nội"))


def test_russian_stems(os_client, index):
    a = tokens(os_client, index, "russian_folded", "сотрудничеством")
    b = tokens(os_client, index, "russian_folded", "сотрудничество")
    assert a == b
    assert tokens(os_client, index, "russian_folded", "ёлка") == tokens(os_client, index, "russian_folded", "елка")


def test_vietnamese_keeps_originals_and_joins_syllables(os_client, index):
    assert {"hà", "ha", "nội", "noi"} <= set(tokens(os_client, index, "vietnamese", "Hà Nội"))
    joined = tokens(os_client, index, "joined", "Hà Nội và Hồ Chí Minh")
    assert {"hanoi", "hochiminh"} <= set(joined)
    # single syllables are the field's own tokens already: the subfield holds only what joining adds
    assert not {"ha", "noi", "va", "ho", "chi", "minh"} & set(joined)
    assert tokens(os_client, index, "joined", "Huế") == ["hue"]  # nothing to join: the one syllable stays


def test_only_latin_text_is_joined():
    """A non-Latin body is transliterated into a field of its own, which is not joined; names, titles and
    captions (and a Latin body's accented name runs) stay in `translit`, whose `joined` finds `Hanoi`."""
    ru = to_document({"id": "r", "language": "ru", "title": "Посол в Ханое", "body": "Посол Бездетко прибыл в Ханой.",
                      "names": ["Бездетко"]})
    assert "bezdetko" in ru["translit"].lower() and "pribyl" not in ru["translit"]
    assert ru["translit_body"] == "Posol Bezdetko pribyl v Khanoi."
    en = to_document({"id": "e", "language": "en", "title": "Traffic", "body": "Traffic in Hà Nội is heavy."})
    assert "translit_body" not in en and "Ha Noi" in en["translit"]


def test_every_language_has_its_fields():
    props = index_body()["mappings"]["properties"]
    for suffix in {*languages().values(), "other"}:
        for kind in ("title", "body", "captions"):
            assert f"{kind}_{suffix}" in props


def test_dashboard_fields_are_typed_for_aggregation(os_client, index):
    props = os_client.indices.get_mapping(index=index)[index]["mappings"]["properties"]
    for field in ("language", "source", "section", "story_id"):
        assert props[field]["type"] == "keyword"
    assert props["published_at"]["type"] == "date"


def test_strict_mapping_accepts_a_full_document(os_client, index):
    """Every field to_document writes is mapped (the mapping is strict), whatever the record's list shapes."""
    record = {"id": "x1", "source_path": "x.txt", "status": "ok", "reason": None, "format": "txt", "url": None,
              "language": "de", "title": "Wahlen in Hà Nội", "body": "Die Wähler", "captions": ["Foto"],
              "section": None, "source": "dpa", "dateline": "HANOI", "published_at": "2025-01-02T10:00:00",
              "story_id": None, "fingerprint": ["a", "b"], "names": ["Hà Nội"], "content_hash": "h",
              "pipeline_version": "p", "removed": [{"kind": "crumb", "text": "Home"}], "encoding": "utf-8",
              "fixes": [{"kind": "mojibake"}]}
    doc = to_document(record)
    assert doc["title_other"] and doc["story_id"] == "x1" and doc["fixes"] == ['{"kind": "mojibake"}']
    os_client.index(index=index, id=doc["id"], body=doc, refresh=True)
    ru = to_document({**record, "id": "x2", "language": "ru", "title": "Выборы", "body": "Избиратели в Москве"})
    assert ru["translit_body"] == "Izbirateli v Moskve"
    os_client.index(index=index, id=ru["id"], body=ru, refresh=True)
    assert os_client.count(index=index)["count"] == 2


def test_ensure_adds_fields_new_to_the_template(os_client):
    """An index built before a field joined the template takes documents carrying it (its mapping is strict)."""
    alias = f"test-{uuid.uuid4().hex[:8]}"
    body = index_body()
    old = {k: v for k, v in body["mappings"]["properties"].items() if k not in {"timeline_at", "date_unknown"}}
    os_client.indices.create(index=f"{alias}-v1", body={"settings": body["settings"],
                                                          "mappings": {**body["mappings"], "properties": old}})
    os_client.indices.put_alias(index=f"{alias}-v1", name=alias)
    try:
        assert versions.ensure(os_client, alias) == f"{alias}-v1"
        props = os_client.indices.get_mapping(index=alias)[f"{alias}-v1"]["mappings"]["properties"]
        assert props["timeline_at"]["type"] == "date" and props["date_unknown"]["type"] == "boolean"
        doc = to_document({"id": "a", "status": "ok", "language": "en", "title": "t", "body": "b"})
        os_client.index(index=alias, id="a", body=doc, refresh=True)
        assert versions.add_new_fields(os_client, f"{alias}-v1") == []
    finally:
        os_client.indices.delete(index=f"{alias}-*", ignore_unavailable=True, allow_no_indices=True)
