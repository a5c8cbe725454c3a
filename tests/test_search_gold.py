"""Every search in the gold expectations passes against an index built from seeds/ by the real ingest flow."""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator

import pytest

from tests.conftest import ROOT, SEEDS, run_cli
from tests.test_reindex_zero_downtime import SLOW_PREFECT

pytestmark = pytest.mark.integration

GOLD = json.loads((ROOT / "tests" / "gold_seeds.json").read_text(encoding="utf-8"))
SEARCHES = GOLD["searches"]


@pytest.fixture(scope="module")
def gold_alias(os_client, tmp_path_factory) -> Iterator[str]:
    """One seeds index for all the gold searches (ingest is the slow part)."""
    name = f"test-{uuid.uuid4().hex[:8]}"
    seeds = tmp_path_factory.mktemp("gold") / "seeds"
    shutil.copytree(SEEDS, seeds)
    proc = run_cli("ingest", str(seeds), "--alias", name, "--json", env=SLOW_PREFECT)
    summary = json.loads(proc.stdout.splitlines()[-1])
    assert summary["indexed"] == len(GOLD["documents"]), summary
    yield name
    os_client.indices.delete(index=f"{name}-*", ignore_unavailable=True, allow_no_indices=True)


def search_groups(alias: str, query: str, *flags: str) -> list[set[str]]:
    """Like ../shared/tools/score_search.py: each hit is the set of its file and its versions' files."""
    proc = run_cli("search", query, "--alias", alias, "--json", *flags)
    groups = []
    for line in proc.stdout.splitlines():
        hit = json.loads(line)
        assert {"id", "source_path", "title", "language", "published_at", "story_id", "versions"} <= hit.keys()
        group = {os.path.basename(hit["source_path"])}
        group |= {os.path.basename(v["source_path"]) for v in hit["versions"]}
        groups.append(group)
    return groups


@pytest.mark.parametrize("case", SEARCHES, ids=[f"{s['query']}|{s.get('language') or '*'}" for s in SEARCHES])
def test_gold_search(gold_alias, case):
    flags = ("--lang", case["language"]) if case.get("language") else ()
    groups = search_groups(gold_alias, case["query"], *flags)
    found = set().union(*groups) if groups else set()
    for name in case.get("must_find", []):
        assert name in found, f"{case['query']!r} misses {name}: {case.get('why')}"
    for name in case.get("must_not_find", []):
        assert name not in found, f"{case['query']!r} finds {name}: {case.get('why')}"
    if case.get("same_hit"):
        assert any(set(case["same_hit"]) <= g for g in groups), f"not folded into one hit: {groups}"


def test_language_filter_keeps_other_languages_out(gold_alias):
    groups = search_groups(gold_alias, "Bezdetko", "--lang", "ru")
    assert groups and set().union(*groups) == {"003_2bd1488ef1eb53ef.txt"}


def test_human_output_shows_versions(gold_alias):
    out = run_cli("search", "Bezdetko", "--alias", gold_alias).stdout
    assert "1. " in out and "Traceback" not in out
    assert "«Bezdetko»" in out or "«Бездетко»" in out


def test_an_english_query_reveals_the_russian_version(gold_alias):
    """Every article of a hit's story is listed, marked whether it matched: `Hanoi` is in the English versions
    of the ambassador's interview only, and the Russian one still shows up under them."""
    proc = run_cli("search", "Hanoi", "--alias", gold_alias, "--json")
    hits = [json.loads(line) for line in proc.stdout.splitlines()]
    story = next(h for h in hits if os.path.basename(h["source_path"]) in {"000_514dec7b5130cfe8.txt",
                                                                          "001_c029de574ec98832.txt"})
    versions = {os.path.basename(v["source_path"]): v for v in story["versions"]}
    for v in story["versions"]:
        assert {"id", "source_path", "language", "source", "published_at", "matched"} <= v.keys()
    russian = versions["003_2bd1488ef1eb53ef.txt"]
    assert russian["language"] == "ru" and russian["matched"] is False
    assert any(v["matched"] and v["language"] == "en" for v in versions.values())
    assert [v["matched"] for v in story["versions"]] == sorted((v["matched"] for v in story["versions"]), reverse=True)
    human = run_cli("search", "Hanoi", "--alias", gold_alias).stdout
    assert "003_2bd1488ef1eb53ef.txt  (same story, does not match the query)" in human


def test_the_alias_defaults_to_newsindex_alias(gold_alias):
    proc = run_cli("search", "Bezdetko", "--json", env={"NEWSINDEX_ALIAS": gold_alias})
    assert proc.stdout.strip() and all(json.loads(line)["versions"] is not None for line in proc.stdout.splitlines())


def _discover_table() -> list[tuple[str, set[str]]]:
    """(query, seed numbers it finds) from the README's "Searching in Discover" table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Searching in Discover"):]
    section = section[:section.index("\n## ", 1)]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        queries = [q.strip("`") for q in cells[0].split(", ")]
        expected = set(re.findall(r"\b(\d{3})\b", cells[1]))
        rows += [(q, expected) for q in queries]
    return rows


def test_readme_discover_queries_return_what_it_says(os_client, gold_alias):
    """The query bar's search: query_string without fields (index.query.default_field), the time range on
    the pattern's time field wide enough for every seed."""
    rows = _discover_table()
    assert len(rows) >= 12
    for query, expected in rows:
        body = {"size": 50, "query": {"bool": {"must": [{"query_string": {"query": query}}],
                                               "filter": [{"range": {"timeline_at": {"gte": "2000-01-01",
                                                                                     "lte": "now+1d"}}}]}}}
        hits = os_client.search(index=gold_alias, body=body)["hits"]["hits"]
        assert {os.path.basename(h["_source"]["source_path"])[:3] for h in hits} == expected, query
