"""The fixture articles through the whole pipeline: JSON lines -> ingest flow (real cleaning) -> search."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import run_cli
from tests.test_reindex_zero_downtime import SLOW_PREFECT
from tests.test_search_fixtures import FIXTURES

pytestmark = pytest.mark.integration


def _keys() -> dict[str, str]:
    """source_path as the reader names a JSON line (`en.jsonl#2`) -> fixture key."""
    out = {}
    for path in FIXTURES.glob("*.jsonl"):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            out[f"{path.name}#{lineno}"] = json.loads(line)["key"]
    return out


def test_ingested_fixtures_are_found(alias, tmp_path):
    src = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, src)
    proc = run_cli("ingest", str(src), "--alias", alias, "--json", env=SLOW_PREFECT)
    summary = json.loads(proc.stdout.splitlines()[-1])
    keys = _keys()
    assert summary["indexed"] == len(keys), summary

    def found(query: str, *flags: str) -> set[str]:
        lines = run_cli("search", query, "--alias", alias, "--json", *flags).stdout.splitlines()
        hits = [json.loads(line) for line in lines]
        paths = {h["source_path"] for h in hits} | {v["source_path"] for h in hits for v in h["versions"]}
        return {keys.get(p, p) for p in paths}

    assert {"vi-tourism", "en-traffic", "en-moscow"} <= found("Hanoi")
    assert {"en-metro", "vi-metro"} <= found("Ho Chi Minh")
    assert {"ru-moscow", "en-moscow"} <= found("Moskva")
    assert "ru-moscow" in found("сотрудничеством", "--lang", "ru")
    assert found("Hanoi", "--lang", "vi") == {"vi-tourism"}
