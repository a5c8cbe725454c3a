"""Faults on a real 3-node cluster (scripts/opensearch-cluster.sh): a node SIGKILLed mid-ingest and mid-reindex.

One cluster for the module (its own ports and a throwaway data dir), always stopped at teardown. The client is
given every node (OPENSEARCH_URL comma-separated), so new versions get one replica (NEWSINDEX_REPLICAS' default).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from opensearchpy import OpenSearch

from common.settings import Settings
from indexing.client import make_client
from indexing.search import search
from tests.conftest import CLI, ROOT, last_json, writes
from tests.test_faults_opensearch import QUIET, _corpus

pytestmark = pytest.mark.integration

PORTS = (9250, 9251, 9252)  # transport +100; never the 9200/9220 single nodes nor make cluster's 9240-9242
URL = ",".join(f"http://127.0.0.1:{p}" for p in PORTS)
SCRIPT = ROOT / "scripts" / "opensearch-cluster.sh"


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Cluster:
    env: dict[str, str]
    client: OpenSearch

    def script(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(SCRIPT), *args], env=self.env, capture_output=True, text=True, timeout=400)

    def pid(self, port: int) -> int:
        return int(Path(self.script("pidfile", str(port)).stdout.strip()).read_text().strip())

    def kill(self, port: int) -> None:
        """SIGKILL the node, and return once its ports are closed: a signal is delivered, not waited for, and
        a restart that comes first finds the ports still taken (seen in a full `make test`)."""
        os.kill(self.pid(port), signal.SIGKILL)
        deadline = time.monotonic() + 60
        while any(_listening(p) for p in (port, port + 100)):
            assert time.monotonic() < deadline, f"node-{port} still holds its ports 60 s after SIGKILL"
            time.sleep(0.2)

    def primary_port(self, index: str) -> int:
        """The HTTP port of the node holding the index's primary: killing it forces a replica promotion."""
        [shard] = [s for s in self.client.cat.shards(index=index, format="json") if s["prirep"] == "p"]
        return int(shard["node"].removeprefix("node-"))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    data = Path(tempfile.mkdtemp(prefix="newsindex-cluster-"))
    data.chmod(0o755)  # the nodes run as the `opensearch` user when we are root
    env = {**os.environ, "OPENSEARCH_URL": URL, "NEWSINDEX_CLUSTER_DATA": str(data), "OPENSEARCH_HEAP": "320m",
           # C1 only: the JVMs boot and warm up on far less CPU (this box is shared); the corpora are tiny
           "OPENSEARCH_JAVA_EXTRA": "-XX:TieredStopAtLevel=1",
           "NEWSINDEX_CACHE": os.environ.get("NEWSINDEX_CACHE") or str(ROOT / ".cache")}
    c = Cluster(env, make_client(Settings.from_env(url=URL)))
    try:
        proc = c.script("start")
        assert proc.returncode == 0, proc.stderr
        yield c
    finally:
        c.script("stop")
        shutil.rmtree(data, ignore_errors=True)


class Searcher(threading.Thread):
    """Searches the alias in a loop from its own client (every node), counting answers and failures."""

    def __init__(self, alias: str, expect_at_most: int) -> None:
        super().__init__(daemon=True)
        self.alias, self.expect_at_most = alias, expect_at_most
        self.ok = 0
        self.failed: list[str] = []
        self.partial: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        client = make_client(Settings.from_env(url=URL))
        while not self.halt.is_set():
            try:
                resp = client.search(index=self.alias, body={"size": 0, "track_total_hits": True})
                search(client, self.alias, "agency", size=3)  # the application's own query
                if resp["_shards"]["failed"]:
                    self.partial.append(json.dumps(resp["_shards"]))
                if resp["hits"]["total"]["value"] > self.expect_at_most:
                    self.failed.append(f"{resp['hits']['total']} hits: duplicates")
                self.ok += 1
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                self.failed.append(f"{type(exc).__name__}: {exc}"[:300])
            time.sleep(0.05)


def _wait_written(client: OpenSearch, index: str, at_least: int, run: subprocess.Popen, timeout: float = 180) -> int:
    """Until `index` has taken `at_least` writes (primaries) or the run ended; returns the writes seen."""
    deadline = time.monotonic() + timeout
    written = 0
    while time.monotonic() < deadline and run.poll() is None:
        written = writes(client, index)
        if written >= at_least:
            break
        time.sleep(0.2)
    return written


def _green(c: Cluster) -> dict:
    return c.client.cluster.health(params={"wait_for_status": "green", "wait_for_nodes": len(PORTS), "timeout": "90s"},
                                   request_timeout=100)


def test_node_killed_mid_ingest(cluster: Cluster, tmp_path: Path) -> None:
    """The run completes exactly (or stops clearly and the next completes exactly); searches never fail."""
    alias, n = "cl-ingest", 120
    t0 = time.monotonic()
    env = {**cluster.env, **QUIET}
    src = _corpus(tmp_path / "src", n)
    cluster.client.indices.delete(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True)
    run = subprocess.Popen([*CLI, "ingest", str(src), "--alias", alias, "--json", "--batch-size", "10"], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    written = _wait_written(cluster.client, f"{alias}-v1", 20, run)
    assert run.poll() is None, "the run finished before the node could be killed: make the corpus larger"
    searcher = Searcher(alias, n)
    searcher.start()
    victim = cluster.primary_port(f"{alias}-v1")
    manager = cluster.client.cat.cluster_manager(format="json")[0]["node"]
    cluster.kill(victim)
    restart: list[subprocess.CompletedProcess] = []  # the node boots again while the run goes on (saves time)
    restarter = threading.Thread(target=lambda: restart.append(cluster.script("start-node", str(victim))))
    restarter.start()
    t_kill = time.monotonic() - t0
    out, err = run.communicate(timeout=400)
    t_run = time.monotonic() - t0
    first = {"rc": run.returncode, "summary": last_json(out) if run.returncode == 0 else None}
    if run.returncode != 0:  # allowed: a clear stop, then the next run finishes the job
        assert "Traceback" not in out + err, err
        again = subprocess.run([*CLI, "ingest", str(src), "--alias", alias, "--json"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=400)
        assert again.returncode == 0, again.stderr
        summary = last_json(again.stdout)
        assert summary["indexed"] + summary["unchanged"] == n
    else:
        summary = first["summary"]
        assert summary["indexed"] == n
    assert (summary["seen"], summary["quarantined"]) == (n, 0), summary
    cluster.client.indices.refresh(index=alias)
    assert cluster.client.count(index=alias)["count"] == n  # no duplicates, none lost

    restarter.join(timeout=400)
    assert restart and restart[0].returncode == 0, restart and restart[0].stderr
    t_up = time.monotonic() - t0
    health = _green(cluster)
    t_green = time.monotonic() - t0
    searcher.halt.set()
    searcher.join(timeout=30)
    assert health["status"] == "green", health
    assert searcher.failed == [] and searcher.partial == [], (searcher.failed[:5], searcher.partial[:5])
    assert searcher.ok > 0
    copies = cluster.client.cat.shards(index=f"{alias}-v1", format="json")
    assert sorted(int(s["docs"]) for s in copies) == [n, n], copies  # the replica caught up exactly
    print(f"\ningest: killed node-{victim} (the primary; cluster manager {manager}) after {written} writes; "
          f"first run rc={first['rc']}; "
          f"{n} docs; {searcher.ok} searches, 0 failed; kill at {t_kill:.0f} s, run done {t_run:.0f} s, "
          f"node back {t_up:.0f} s, green {t_green:.0f} s")


def test_node_killed_during_reindex_never_exposes_an_incomplete_version(cluster: Cluster, tmp_path: Path) -> None:
    """Whenever the alias is observed (and after), the version behind it holds every document."""
    alias, n = "cl-reindex", 120
    t0 = time.monotonic()
    env = {**cluster.env, **QUIET}
    src = _corpus(tmp_path / "src", n)
    cluster.client.indices.delete(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True)
    subprocess.run([*CLI, "ingest", str(src), "--alias", alias, "--json"], cwd=ROOT, env=env, check=True,
                   capture_output=True, text=True, timeout=400)
    _green(cluster)
    t_base = time.monotonic() - t0

    seen: list[tuple[str, int]] = []
    problems: list[str] = []
    stop = threading.Event()

    def observe() -> None:
        client = make_client(Settings.from_env(url=URL))
        while not stop.is_set():
            try:
                [behind] = client.indices.get_alias(name=alias).keys()
                resp = client.count(index=alias)
                if resp["_shards"]["failed"]:
                    problems.append(f"partial count {resp['_shards']}")
                seen.append((behind, resp["count"]))
            except Exception as exc:  # noqa: BLE001
                problems.append(f"{type(exc).__name__}: {exc}"[:300])
            time.sleep(0.05)

    watcher = threading.Thread(target=observe, daemon=True)
    watcher.start()
    run = subprocess.Popen([*CLI, "reindex", str(src), "--alias", alias, "--json", "--batch-size", "10"], cwd=ROOT,
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    written = _wait_written(cluster.client, f"{alias}-v2", 20, run)
    assert run.poll() is None, "the reindex finished before the node could be killed: make the corpus larger"
    victim = cluster.primary_port(f"{alias}-v2")
    cluster.kill(victim)
    t_kill = time.monotonic() - t0
    out, err = run.communicate(timeout=400)
    t_run = time.monotonic() - t0
    outcome = f"rc={run.returncode}"
    if run.returncode != 0:  # a clear stop leaves the live version alone; the next reindex completes
        assert "Traceback" not in out + err, err
        outcome += f" ({err.strip().splitlines()[-1][:200]})"
        again = subprocess.run([*CLI, "reindex", str(src), "--alias", alias, "--json"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=400)
        assert again.returncode == 0, again.stderr
        summary = last_json(again.stdout)
    else:
        summary = last_json(out)
    assert summary["docs"] == n, summary
    time.sleep(0.5)
    stop.set()
    watcher.join(timeout=30)
    [behind] = cluster.client.indices.get_alias(name=alias).keys()
    assert behind == summary["index"]
    assert cluster.client.count(index=alias)["count"] == n
    wrong = [(index, count) for index, count in seen if count != n]
    assert wrong == [] and problems == [], (wrong[:5], problems[:5])
    assert {index for index, _ in seen} >= {f"{alias}-v1", behind}, "the swap was never observed"
    print(f"\nreindex: killed node-{victim} (primary of {alias}-v2) after {written} writes; {outcome}; "
          f"alias -> {behind} with {n} docs; {len(seen)} observations, all {n}; version 1 live at {t_base:.0f} s, "
          f"kill at {t_kill:.0f} s, run done {t_run:.0f} s, checked {time.monotonic() - t0:.0f} s")
