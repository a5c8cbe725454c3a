"""Unseen-style searches on small fixture articles indexed as given (no cleaning involved).

The fixture records go straight through `to_document` and the bulk writer into an index built from our
template, so these tests pin down analysers, query building, filters and story collapse only.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from indexing import bulk, versions
from indexing.documents import to_document
from tests.conftest import run_cli

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).parent / "search_fixtures"


def fixture_records() -> list[dict]:
    records = []
    for path in sorted(FIXTURES.glob("*.jsonl")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            item = json.loads(line)
            records.append({
                "id": item["key"], "source_path": f"{path.name}#{lineno}", "status": "ok", "reason": None,
                "language": item["language"], "title": item["title"], "body": item["text"], "captions": [],
                "section": item["section"], "source": item["source"], "published_at": item["published_at"],
                "story_id": item["story_id"], "names": [],
            })
    return records


@pytest.fixture(scope="module")
def fx_alias(os_client) -> Iterator[str]:
    name = f"test-{uuid.uuid4().hex[:8]}"
    index = versions.ensure(os_client, name)
    result = bulk.write(os_client, index, (to_document(r) for r in fixture_records()), refresh=True)
    assert not result.failed, result.failed
    yield name
    os_client.indices.delete(index=f"{name}-*", ignore_unavailable=True, allow_no_indices=True)


def hits(alias: str, query: str, *flags: str) -> list[dict]:
    proc = run_cli("search", query, "--alias", alias, "--json", *flags)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def found(alias: str, query: str, *flags: str) -> set[str]:
    """Fixture keys (= ids) found as hits or as folded versions."""
    result = hits(alias, query, *flags)
    return {h["id"] for h in result} | {v["id"] for h in result for v in h["versions"]}


@pytest.mark.parametrize(("query", "must_find"), [
    ("Hanoi", {"en-moscow", "vi-tourism", "en-traffic", "fr-hanoi"}),   # joined syllables, folding in fr
    ("Ha Noi", {"en-moscow", "vi-tourism", "en-traffic", "fr-hanoi"}),  # diacritics off, and split -> Hanoi
    ("Hà Nội", {"en-moscow", "vi-tourism"}),
    ("Ho Chi Minh", {"en-metro", "vi-metro"}),
    ("Hochiminh", {"en-metro", "vi-metro"}),
    ("Da Nang", {"en-envoy", "en-japan"}),
    ("Danang", {"en-envoy", "en-japan"}),
    ("Moskva", {"ru-moscow", "en-moscow"}),                             # Latin -> Cyrillic Москва
    ("Москва", {"ru-moscow", "en-moscow"}),                             # Cyrillic -> Latin Moskva
    ("Bezdetko", {"ru-envoy"}),
    ("election", {"en-elections"}),                                     # english stemming
    ("prepare", {"en-elections"}),
    ("сотрудничеством", {"ru-moscow"}),                                 # russian stemming
    ("Москве", {"ru-moscow", "ru-japan"}),
    ("elections", {"en-elections", "fr-hanoi"}),                        # folding fallback: Élections
])
def test_finds(fx_alias, query, must_find):
    assert must_find <= found(fx_alias, query)


@pytest.mark.parametrize(("query", "must_find", "must_not_find"), [
    ("Russian ambassador", {"en-envoy"}, {"en-japan"}),   # "Russian" in title, "ambassador" in body
    ("посол России", {"ru-envoy"}, {"ru-japan"}),
    ("ambassador to Danang", {"en-japan"}, {"en-envoy"}),  # "to" is an english stopword, still AND
    ("Japanese ambassador Danang", {"en-japan"}, {"en-envoy"}),
    ("metro passengers", {"en-metro"}, {"en-traffic"}),
])
def test_multi_word_queries_are_and_within_a_language(fx_alias, query, must_find, must_not_find):
    result = found(fx_alias, query)
    assert must_find <= result
    assert not (must_not_find & result)


def test_lang_filter(fx_alias):
    assert found(fx_alias, "Hanoi", "--lang", "vi") == {"vi-tourism"}
    assert found(fx_alias, "Hanoi", "--lang", "fr") == {"fr-hanoi"}


def test_source_filter(fx_alias):
    assert found(fx_alias, "Moskva", "--source", "TASS") == {"ru-moscow", "en-moscow"}
    assert found(fx_alias, "ambassador", "--source", "Kyodo") == {"en-japan"}


def test_date_filters(fx_alias):
    assert found(fx_alias, "Hanoi", "--from", "2025-01-01", "--to", "2025-01-31") == {"en-traffic"}
    assert "en-moscow" in found(fx_alias, "Moskva", "--to", "2025-03-05")  # a bare day keeps its 18:30
    assert "fr-hanoi" not in found(fx_alias, "Hanoi", "--from", "2025-01-01")
    bad = run_cli("search", "Hanoi", "--alias", fx_alias, "--from", "last week", check=False)
    assert bad.returncode == 2 and "not an ISO date" in bad.stderr and "Traceback" not in bad.stderr


def test_story_collapse(fx_alias):
    result = hits(fx_alias, "metro")
    metro = [h for h in result if h["story_id"] == "s-metro"]
    assert len(metro) == 1, result
    hit = metro[0]
    assert {hit["id"]} | {v["id"] for v in hit["versions"]} == {"en-metro", "vi-metro"}
    assert all({"id", "source_path", "language"} <= v.keys() for v in hit["versions"])
    human = run_cli("search", "metro", "--alias", fx_alias).stdout
    other_lang = {"en-metro": "vi", "vi-metro": "en"}[hit["id"]]
    assert f"1 more version: {other_lang}" in human


def test_cross_language_story_folds(fx_alias):
    result = hits(fx_alias, "Moskva")
    story = [h for h in result if h["story_id"] == "s-moscow"]
    assert len(story) == 1
    langs = {story[0]["language"]} | {v["language"] for v in story[0]["versions"]}
    assert langs == {"en", "ru"}


def test_title_is_boosted(fx_alias):
    # "Hanoi" is the title's first word in en-traffic, and only body text elsewhere in English
    english = hits(fx_alias, "Hanoi", "--lang", "en")
    assert english[0]["id"] == "en-traffic"


def test_highlights(fx_alias):
    hit = hits(fx_alias, "сотрудничеством")[0]
    assert "«сотрудничеств" in hit["snippet"]
    hit = next(h for h in hits(fx_alias, "Hanoi", "--lang", "en") if h["id"] == "en-traffic")
    assert "«Hanoi»" in hit["snippet"]
    # a Vietnamese body marks what matched through its joined syllables
    hit = next(h for h in hits(fx_alias, "Hanoi", "--lang", "vi") if h["id"] == "vi-tourism")
    assert "«Hà Nội»" in hit["snippet"], hit["snippet"]


def test_query_syntax_is_not_dsl(fx_alias):
    """Odd user input is text for simple_query_string: it never breaks the search or reaches the DSL."""
    for query in ('{"match_all": {}}', 'title_en:Hanoi', '"unclosed', "a) OR (b", "*"):
        proc = run_cli("search", query, "--alias", fx_alias, "--json", check=False)
        assert proc.returncode == 0, proc.stderr
