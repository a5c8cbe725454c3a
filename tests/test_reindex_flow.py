"""The reindex flow keeps two versions, and aborts (deleting its half-built index) when the count is off."""

from __future__ import annotations

import json

import pytest

from indexing import versions
from tests.conftest import run_cli
from tests.test_reindex_zero_downtime import SLOW_PREFECT

pytestmark = pytest.mark.integration


def test_reindex_keeps_previous_and_prunes_older(os_client, alias, seed_dir):
    for expected in ("v1", "v2", "v3"):
        proc = run_cli("reindex", str(seed_dir), "--alias", alias, "--json", env=SLOW_PREFECT)
        summary = json.loads(proc.stdout.splitlines()[-1])
        assert summary["index"] == f"{alias}-{expected}" and summary["docs"] == 5
    assert summary["pruned"] == [f"{alias}-v1"]
    assert versions.versions(os_client, alias) == [f"{alias}-v2", f"{alias}-v3"]
    human = run_cli("reindex", str(seed_dir), "--alias", alias, env=SLOW_PREFECT).stdout
    assert f"{alias}-v4" in human and "Traceback" not in human


def test_reindex_from_nothing_leaves_the_alias_alone(os_client, alias, seed_dir, tmp_path):
    run_cli("reindex", str(seed_dir), "--alias", alias, "--json", env=SLOW_PREFECT)
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_cli("reindex", str(empty), "--alias", alias, check=False, env=SLOW_PREFECT)
    assert proc.returncode == 1 and "reindex aborted" in proc.stderr
    assert versions.versions(os_client, alias) == [f"{alias}-v1"]
    assert versions.targets(os_client, alias) == [f"{alias}-v1"]


def test_count_mismatch_aborts_and_deletes_the_new_version(os_client, alias, seed_dir, monkeypatch):
    """A document OpenSearch really rejects (a date it cannot parse) makes the count fall short."""
    for k, v in SLOW_PREFECT.items():
        monkeypatch.setenv(k, v)
    from newsindex.prefect_env import quiet_prefect

    quiet_prefect()
    import flows.incremental as cpu_side  # the engine's read_batch looks process_batch up there
    import flows.reindex as flow_module

    real = cpu_side.process_batch

    def with_a_bad_date(items, *args):
        records = real(items, *args)
        ok = [r for r in records if r.get("status") == "ok"]
        ok[0]["published_at"] = "yesterday-ish"
        return records

    versions.ensure(os_client, alias)
    monkeypatch.setattr(cpu_side, "process_batch", with_a_bad_date)
    with pytest.raises(flow_module.ReindexAborted, match="holds 4 documents but the sources have 5"):
        flow_module.reindex(source=str(seed_dir), alias=alias)
    assert versions.versions(os_client, alias) == [f"{alias}-v1"]
    assert versions.targets(os_client, alias) == [f"{alias}-v1"]
