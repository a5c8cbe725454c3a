"""Faults with real processes: a node killed mid-run, a document OpenSearch rejects, a read-only index."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from common.settings import Settings
from flows.work import process_batch
from indexing import versions
from indexing.client import make_client
from indexing.writer import index_batch
from tests.conftest import ROOT, SEEDS, last_json, run_cli

pytestmark = pytest.mark.integration

CLI = [sys.executable, "-m", "newsindex.cli"]
#: What a person sees on failure: one `error:` line. Prefect's own ERROR logs (with a traceback) are turned off
#: here the way newsindex/prefect_env.quiet_prefect() should by default (see README, Operations); COLUMNS keeps
#: rich from wrapping the line.
QUIET = {"PREFECT_LOGGING_LEVEL": "CRITICAL", "COLUMNS": "1000"}


def _free_node_port(first: int = 9260, last: int = 9299) -> int:
    """An HTTP port whose transport port (+100, scripts/opensearch-common.sh) is free too: never the main node,
    `make cluster`'s 9240-9242 nor the fault cluster's 9250-9252 (it may be starting in another test worker)."""
    for port in range(first, last + 1):
        try:
            for p in (port, port + 100):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", p))
        except OSError:
            continue
        return port
    raise AssertionError(f"no free port pair in {first}-{last}")


def _corpus(root: Path, n: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        text = seeds[i % len(seeds)].read_text(encoding="utf-8")
        (root / f"{i:04d}.txt").write_text(f"{text}\n\nUpdate {i}: the agency added item number {i}.\n",
                                           encoding="utf-8")
    return root


def test_rejected_document_is_quarantined_alone(os_client, alias, seed_dir):
    items = [(str(p), p.name) for p in sorted(seed_dir.glob("*.txt"))]
    records = process_batch(items)
    records[1]["published_at"] = "the day after yesterday"  # not a date: a mapping conflict for this one doc
    target = versions.ensure(os_client, alias)
    counts = index_batch(os_client, target, records)
    assert (counts.seen, counts.indexed, counts.quarantined) == (5, 4, 1)
    [q] = counts.quarantine
    assert q["source_path"] == records[1]["source_path"]
    assert q["reason"].startswith("rejected by OpenSearch (400 mapper_parsing_exception)"), q["reason"]
    assert records[1]["source_key"] not in counts.ok_keys and len(counts.ok_keys) == 4
    os_client.indices.refresh(index=target)
    assert os_client.count(index=target)["count"] == 4


def test_flood_stage_block_raises_instead_of_quarantining(os_client, alias, seed_dir):
    """The disk watermark's block is the cluster's state, not the documents' fault: raise, quarantine nothing.
    (OpenSearch lifts read_only_allow_delete by itself once the disk is below the watermark again, so this
    runs right after setting it; the CLI test below uses the equivalent write block, which stays.)"""
    from indexing.client import OpenSearchWriteBlocked

    records = process_batch([(str(p), p.name) for p in sorted(seed_dir.glob("*.txt"))])
    target = versions.ensure(os_client, alias)
    os_client.indices.put_settings(index=target, body={"index.blocks.read_only_allow_delete": True})
    try:
        with pytest.raises(OpenSearchWriteBlocked, match="read-only"):
            index_batch(os_client, target, records)
    finally:
        os_client.indices.put_settings(index=target, body={"index.blocks.read_only_allow_delete": None})
    counts = index_batch(os_client, target, records)
    assert (counts.indexed, counts.quarantined) == (5, 0)


def test_read_only_index_fails_clearly_and_loses_nothing(os_client, alias, tmp_path):
    src = _corpus(tmp_path / "src", 6)
    first = last_json(run_cli("ingest", str(src), "--alias", alias, "--json").stdout)
    assert first["indexed"] == 6
    target = versions.current(os_client, alias)
    _corpus(tmp_path / "more", 10)
    for p in sorted((tmp_path / "more").glob("*.txt"))[6:]:
        p.rename(src / f"new-{p.name}")
    os_client.indices.put_settings(index=target, body={"index.blocks.write": True})
    try:
        started = time.monotonic()
        proc = run_cli("ingest", str(src), "--alias", alias, "--json", check=False, env=QUIET)
        assert proc.returncode == 3, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
        err = [line for line in proc.stderr.splitlines() if line.strip()]
        assert any("read-only" in line and "read_only_allow_delete" in line for line in err), proc.stderr
        assert time.monotonic() - started < 60
    finally:
        os_client.indices.put_settings(index=target, body={"index.blocks.write": None})
    after = last_json(run_cli("ingest", str(src), "--alias", alias, "--json").stdout)
    # (indexed is 4 unless the cleaning code changed meanwhile, which re-indexes everything: both are right)
    assert (after["seen"], after["indexed"] + after["unchanged"], after["quarantined"]) == (10, 10, 0)
    assert after["indexed"] >= 4
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == 10


# --- a node killed mid-run ---------------------------------------------------------------------------

def _node(action: str, port: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "OPENSEARCH_URL": f"http://127.0.0.1:{port}",
           "NEWSINDEX_CACHE": str(ROOT / ".cache"), "OPENSEARCH_HEAP": "384m"}
    return subprocess.run([str(ROOT / "scripts" / "opensearch-local.sh"), action], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def throwaway_node():
    """A separate node on a free port (its own data dir), stopped at teardown."""
    port = _free_node_port()
    proc = _node("start", port)
    assert proc.returncode == 0, proc.stderr
    pidfile = Path(_node("pidfile", port).stdout.strip())
    yield {"url": f"http://127.0.0.1:{port}", "port": port, "pidfile": pidfile}
    _node("stop", port)


def test_node_killed_mid_run_then_next_run_completes(throwaway_node, tmp_path):
    url = throwaway_node["url"]
    alias = f"killed-{os.getpid()}"
    env = {**os.environ, "OPENSEARCH_URL": url, **QUIET}
    client = make_client(Settings.from_env(url=url), max_retries=0)
    client.indices.delete(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True)
    n = 300
    src = _corpus(tmp_path / "src", n)
    run = subprocess.Popen([*CLI, "ingest", str(src), "--alias", alias, "--json", "--batch-size", "10"], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pid = int(throwaway_node["pidfile"].read_text().strip())
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and run.poll() is None:
        try:
            stats = client.indices.stats(index=f"{alias}-v*", metric="indexing")
            written = stats["_all"]["primaries"]["indexing"]["index_total"]
        except Exception:  # noqa: BLE001 - index not created yet
            written = 0
        if written >= 20:
            break
        time.sleep(0.2)
    assert run.poll() is None, "the run finished before the node could be killed: make the corpus larger"
    os.kill(pid, signal.SIGKILL)  # the throwaway node only
    out, err = run.communicate(timeout=240)
    assert run.returncode == 3, out + err
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.strip()]
    assert any(line.startswith("error:") and "does not answer" in line for line in lines), err

    proc = _node("start", throwaway_node["port"])
    assert proc.returncode == 0, proc.stderr
    again = subprocess.run([*CLI, "ingest", str(src), "--alias", alias, "--json"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    summary = last_json(again.stdout)
    assert summary["seen"] == n and summary["quarantined"] == 0
    assert summary["indexed"] + summary["unchanged"] == n
    client.indices.refresh(index=alias)
    assert client.count(index=alias)["count"] == n  # no duplicates, none lost
    client.indices.delete(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True)
