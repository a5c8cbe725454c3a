"""The re-index quality report and gate, against the real OpenSearch: a rule change shows what it changed
(with examples) and goes live; an almost empty source is refused and the live version stays."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from indexing import compare, ledger, versions
from tests.conftest import ROOT, run_cli
from tests.test_reindex_zero_downtime import SLOW_PREFECT

pytestmark = pytest.mark.integration

#: Seeds whose headline the test-only rule change below turns into site furniture (so their title goes).
RETITLED = ("000_514dec7b5130cfe8.txt", "002_fa2e8e0df6912972.txt")


def _rule_change(tmp_path: Path, seed_dir: Path) -> Path:
    """A copy of config/ where the two headlines are listed as furniture lines and TASS is no agency."""
    import articles

    cfg = tmp_path / "config"
    shutil.copytree(ROOT / "config", cfg)
    titles = [articles.process_path(seed_dir / name, name)[0]["title"] for name in RETITLED]
    rules = yaml.safe_load((cfg / "rules.yaml").read_text(encoding="utf-8"))
    rules["markers"]["en"]["crumb_lines"] += titles  # whole lines that are site furniture
    (cfg / "rules.yaml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    agencies = (cfg / "agencies.yaml").read_text(encoding="utf-8")
    tass = re.search(r"^  - name: TASS\n(?:    .*\n)+", agencies, re.M)
    assert tass
    (cfg / "agencies.yaml").write_text(agencies.replace(tass.group(0), ""), encoding="utf-8")
    return cfg


def _artifact(key: str) -> str:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))
    assert found, key
    return found[-1].data


def test_rule_change_is_reported_with_examples_and_goes_live(os_client, alias, seed_dir, tmp_path, monkeypatch):
    from flows.ingest import ingest
    from flows.reindex import reindex

    ingest(source=str(seed_dir), alias=alias)
    live = versions.current(os_client, alias)
    monkeypatch.setenv("NEWSINDEX_CONFIG_DIR", str(_rule_change(tmp_path, seed_dir)))

    summary = reindex(alias=alias)  # no source: the one the ledger recorded for the live version
    assert summary["source_dir"] == str(seed_dir.resolve())
    report = summary["report"]
    assert report["documents"] == {"live": 5, "new": 5, "added": 0, "missing": 0, "changed": 3, "unchanged": 2}
    titles = report["fields"]["title"]
    assert titles["changed"] == 2
    assert {e["source_path"] for e in titles["examples"]} == set(RETITLED)
    assert all(e["old"] and e["new"] is None for e in titles["examples"])
    assert report["fields"]["source"]["changed"] == 1
    assert report["fields"]["source"]["examples"][0]["old"] == "TASS"
    assert report["fields"]["dateline"]["changed"] == 1
    assert report["fields"]["language"]["changed"] == 0 and report["fields"]["published_at"]["changed"] == 0
    assert report["refused"] == [] and report["quarantined"] == {"live": {}, "new": {}}

    # the alias moved; the previous version is kept for rollback
    assert versions.targets(os_client, alias) == [summary["index"]] and summary["previous"] == live
    # the report is in the ledger and in the run's artifact (key per alias)
    [run] = [r for r in ledger.runs(os_client, alias) if r["kind"] == "reindex"]
    assert run["status"] == "ok" and run["report"]["fields"]["title"]["changed"] == 2
    md = _artifact(f"reindex-report-{alias}")
    assert "| titles changed | 2 |" in md and RETITLED[0] in md and "| gate | passed |" in md


def test_almost_empty_source_is_refused_and_the_live_version_stays(os_client, alias, seed_dir, tmp_path):
    from flows.ingest import ingest
    from flows.reindex import reindex

    ingest(source=str(seed_dir), alias=alias)
    live = versions.current(os_client, alias)
    small = tmp_path / "small"
    small.mkdir()
    shutil.copy(seed_dir / RETITLED[0], small)

    proc = run_cli("reindex", str(small), "--alias", alias, check=False, env=SLOW_PREFECT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    err = " ".join(proc.stderr.split())
    assert "reindex refused" in err and "loses 4 of the 5 live documents (80%, more than the 10% allowed)" in err
    assert f"{live} stays live" in err and "--force" in err
    assert "missing" in proc.stdout and "gate" in proc.stdout  # the report is shown too
    assert versions.targets(os_client, alias) == [live] and versions.versions(os_client, alias) == [live]
    refused = [r for r in ledger.runs(os_client, alias) if r["kind"] == "reindex"]
    assert [r["status"] for r in refused] == ["refused"] and refused[0]["report"]["documents"]["missing"] == 4

    forced = reindex(source=str(small), alias=alias, force=True)
    assert forced["report"]["forced"] and versions.targets(os_client, alias) == [forced["index"]]
    assert os_client.count(index=alias)["count"] == 1


def test_reindex_without_a_recorded_source_refuses_to_guess(os_client, alias):
    from flows.reindex import ReindexAborted, reindex

    versions.ensure(os_client, alias)
    with pytest.raises(ReindexAborted, match="no source folder is recorded"):
        reindex(alias=alias)
    assert versions.versions(os_client, alias) == [f"{alias}-v1"]


def test_gate_counts_quarantines_only_when_markedly_more():
    report = {"documents": {"live": 100, "missing": 0}, "quarantined": {"live": {"empty": 1}, "new": {"empty": 3}}}
    gate = compare.Gate(max_missing_share=0.1, max_extra_quarantine_share=0.02, min_extra_quarantine=3)
    assert compare.refusals(report, seen=100, thresholds=gate) == []  # 2 more: not markedly
    report["quarantined"]["new"] = {"empty": 1, "binary": 4}
    [why] = compare.refusals(report, seen=100, thresholds=gate)
    assert "quarantines 5 inputs where the live version has 1" in why
    report["documents"]["missing"] = 11
    assert len(compare.refusals(report, seen=100, thresholds=gate)) == 2
