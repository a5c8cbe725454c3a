"""End to end on real parts: the ingest flow into a real OpenSearch, through the CLI."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import SEEDS, run_cli

pytestmark = pytest.mark.integration


def _summary(proc) -> dict:
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_seeds_indexed_once_and_searchable(os_client, alias, seed_dir):
    first = _summary(run_cli("ingest", str(seed_dir), "--alias", alias, "--json"))
    assert first["seen"] == 5 and first["indexed"] == 5 and first["quarantined"] == 0
    second = _summary(run_cli("ingest", str(seed_dir), "--alias", alias, "--json"))
    assert second["seen"] == 5 and second["unchanged"] == 5 and second["indexed"] == 0
    assert os_client.count(index=alias)["count"] == 5

    proc = run_cli("search", "Bezdetko", "--alias", alias, "--json")
    hits = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    found = {h["source_path"] for h in hits} | {v["source_path"] for h in hits for v in h["versions"]}
    assert "003_2bd1488ef1eb53ef.txt" in found
    for h in hits:
        assert {"id", "source_path", "title", "language", "published_at", "story_id", "versions"} <= h.keys()


def test_ingest_output_is_clean_for_people(alias, seed_dir):
    proc = run_cli("ingest", str(seed_dir), "--alias", alias)
    combined = proc.stdout + proc.stderr
    assert "Traceback" not in combined
    assert "seen" in proc.stdout and "indexed" in proc.stdout


def test_cli_runs_flows_without_a_server(os_client, alias, tmp_path):
    """A user's first run: no Prefect server anywhere, so the flow runs in Prefect's local mode."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SEEDS / "000_514dec7b5130cfe8.txt", src)
    summary = _summary(run_cli("ingest", str(src), "--alias", alias, "--json",
                               env={"PREFECT_API_URL": None, "PREFECT_HOME": str(tmp_path / "prefect")}))
    assert summary["indexed"] == 1 and os_client.count(index=alias)["count"] == 1
