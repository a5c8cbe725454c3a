"""The command line guides: each subcommand's own usage on a mistake, checked values, messages that fit the
command, NEWSINDEX_ALIAS wherever an alias defaults, and `newsindex opensearch` against the running node."""

from __future__ import annotations

import inspect
import os

import pytest
import yaml

from tests.conftest import ROOT, run_cli

DOWN = {"OPENSEARCH_URL": "http://127.0.0.1:9"}  # nothing listens on the discard port


@pytest.mark.parametrize(("argv", "usage"), [
    (("search", "x", "--bogus"), "search"), (("ingest", "seeds", "--bogus"), "ingest"),
    (("reindex", "--bogus"), "reindex"), (("rollback", "--bogus"), "rollback"),
    (("dashboards", "import", "--bogus"), "dashboards import"), (("quarantine", "list", "--bogus"), "quarantine list"),
    (("process", "--bogus", "x.txt"), "process"), (("opensearch", "status", "--bogus"), "opensearch"),
])
def test_a_bad_flag_shows_the_subcommands_usage(argv, usage):
    proc = run_cli(*argv, check=False)
    assert proc.returncode == 2
    assert f"usage: newsindex {usage} [-h]" in proc.stderr and "unrecognized arguments: --bogus" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_lang_is_checked_against_the_configured_languages():
    proc = run_cli("search", "Hanoi", "--lang", "english", check=False, env=DOWN)
    assert proc.returncode == 2 and "usage: newsindex search" in proc.stderr
    assert "unknown language 'english'" in proc.stderr and "en, ru, vi" in proc.stderr


def test_a_reversed_date_range_is_an_error():
    proc = run_cli("search", "Hanoi", "--from", "2026-02-10", "--to", "2026-02-01", check=False, env=DOWN)
    assert proc.returncode == 2 and "usage: newsindex search" in proc.stderr
    assert "--from 2026-02-10 is after --to 2026-02-01" in proc.stderr and "Traceback" not in proc.stderr
    same_day = run_cli("search", "Hanoi", "--from", "2026-02-10", "--to", "2026-02-10", check=False, env=DOWN)
    assert same_day.returncode == 3  # valid: it got as far as OpenSearch


def test_search_with_opensearch_down_talks_about_searching():
    proc = run_cli("search", "Hanoi", check=False, env=DOWN)
    assert proc.returncode == 3 and "does not answer at http://127.0.0.1:9" in proc.stderr
    assert "written" not in proc.stderr and "nothing was lost" not in proc.stderr and "Traceback" not in proc.stderr


def test_every_alias_default_reads_newsindex_alias(monkeypatch):
    monkeypatch.setenv("NEWSINDEX_ALIAS", "press")
    from newsindex.cli import parse

    for argv in (["search", "x"], ["ingest"], ["reindex"], ["rollback"], ["quarantine", "list"],
                 ["quarantine", "retry"], ["dashboards", "import"]):
        assert parse(argv).alias == "press", argv
    monkeypatch.delenv("NEWSINDEX_ALIAS")
    assert parse(["search", "x"]).alias == "news"


def test_flows_and_deployments_leave_the_alias_to_newsindex_alias():
    from flows.ingest import ingest
    from flows.reindex import reindex
    from flows.retry import quarantine_retry

    for flow in (ingest, reindex, quarantine_retry):
        assert inspect.signature(flow.fn).parameters["alias"].default is None, flow.name
        assert "default_alias()" in inspect.getsource(flow.fn)
    deployments = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]
    assert all("alias" not in (d.get("parameters") or {}) for d in deployments)


@pytest.mark.integration
def test_opensearch_status_and_start_against_the_running_node(os_client):
    status = run_cli("opensearch", "status", check=False)
    assert status.returncode == 0, status.stderr
    assert f"answering at http://127.0.0.1:{os.environ.get('OPENSEARCH_URL', ':9200').rsplit(':', 1)[1]}" in \
        status.stderr + status.stdout
    start = run_cli("opensearch", "start", check=False)
    assert start.returncode == 0 and "already answering" in start.stderr + start.stdout


def test_opensearch_status_when_nothing_answers():
    proc = run_cli("opensearch", "status", check=False, env={"OPENSEARCH_URL": "http://127.0.0.1:9"})
    assert proc.returncode == 1 and "nothing answers at http://127.0.0.1:9" in proc.stderr + proc.stdout
