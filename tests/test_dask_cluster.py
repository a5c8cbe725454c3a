"""Scale-out on a real Dask cluster: `dask scheduler` and two `dask worker`s started as separate processes, each
in its own session, as a user starts them on several machines. `newsindex ingest --task-runner dask
--dask-address tcp://...` on it gives the same documents as the default runner, and a worker killed mid-run
(SIGKILL of its whole session: nanny and worker, a machine lost) costs nothing: Dask runs the lost clean task
again on the other worker and the counts are exact."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import prefect_server
from tests.conftest import ROOT, last_json, run_cli, writes
from tests.test_dask_runner import _docs
from tests.test_faults_opensearch import _corpus

pytestmark = pytest.mark.integration

DASK = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
WORKER = [sys.executable, "-m", "distributed.cli.dask_worker"]
#: scheduler and worker logs go to files of the test's temporary folder, at INFO: what a user would read
QUIET_DASK = {"DASK_LOGGING__DISTRIBUTED": "info"}


@dataclass
class Cluster:
    address: str
    logs: Path
    scheduler: subprocess.Popen
    workers: list[subprocess.Popen] = field(default_factory=list)

    def start_worker(self, name: str) -> subprocess.Popen:
        """`dask worker ADDRESS` on 127.0.0.1, one thread, a small memory limit, its own session."""
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - the process keeps writing to it
        proc = subprocess.Popen(
            [*WORKER, self.address, "--host", "127.0.0.1", "--nthreads", "1", "--memory-limit", "768MiB",
             "--no-dashboard", "--name", name, "--death-timeout", "60"],
            cwd=ROOT, env={**os.environ, **QUIET_DASK}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.workers.append(proc)
        return proc

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=30)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    logs = tmp_path_factory.mktemp("dask-cluster")
    info = logs / "scheduler.json"
    with open(logs / "scheduler.log", "w") as log:
        scheduler = subprocess.Popen(
            [*DASK, "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info)],
            cwd=logs, env={**os.environ, **QUIET_DASK}, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    c = Cluster("", logs, scheduler)
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert scheduler.poll() is None, (logs / "scheduler.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "dask scheduler did not start"
            time.sleep(0.2)
        c.address = json.loads(info.read_text())["address"]
        assert c.address.startswith("tcp://127.0.0.1:")
        for name in ("w1", "w2"):
            c.start_worker(name)
        with c.client() as client:
            client.wait_for_workers(2, timeout=90)
        yield c
    finally:
        for proc in [*c.workers, scheduler]:
            prefect_server.stop(proc, grace=10)


def _dask_ingest(cluster: Cluster, src: Path, alias: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "newsindex.cli", "ingest", str(src), "--alias", alias, "--json",
            "--task-runner", "dask", "--dask-address", cluster.address, *extra]


def test_dask_cluster_yields_same_records_as_default(cluster: Cluster, os_client, alias, seed_dir):
    from flows.ingest import ingest

    for i, seed in enumerate(sorted(seed_dir.iterdir())[:3]):  # a few more files, in a subfolder
        (seed_dir / "more").mkdir(exist_ok=True)
        shutil.copy(seed, seed_dir / "more" / f"extra_{i}.txt")
    other = f"{alias}-dask"
    try:
        default = ingest(source=str(seed_dir), alias=alias, batch_size=3)  # in-process: the CLI start is paid once
        proc = subprocess.run(_dask_ingest(cluster, seed_dir, other, "--batch-size", "3"), cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        dask = last_json(proc.stdout)
        assert dask["task_runner"] == "dask" and default["task_runner"] == "default"
        for key in ("seen", "indexed", "quarantined", "languages", "quarantine_reasons"):
            assert dask[key] == default[key], key
        assert default["seen"] == 8
        os_client.indices.refresh(index=other)
        assert _docs(os_client, other) == _docs(os_client, alias)
        with cluster.client() as client:  # the work ran on the cluster's workers, not in the flow process
            assert len(client.scheduler_info(n_workers=-1)["workers"]) == 2
    finally:
        os_client.indices.delete(index=f"{other}-*", ignore_unavailable=True, allow_no_indices=True)


def _busy_worker(cluster: Cluster) -> subprocess.Popen | None:
    """The `dask worker` session (nanny + worker process) that is cleaning a batch right now, if any."""
    with cluster.client() as client:
        processing = client.processing()
        pids = client.run(os.getpid)  # answered by the worker's event loop, while its one thread cleans
    for addr, keys in processing.items():
        if not keys or addr not in pids:
            continue
        pid = pids[addr]
        for proc in cluster.workers:
            if proc.poll() is None and os.getpgid(pid) == proc.pid:
                return proc
    return None


def test_worker_killed_mid_run_completes_exactly(cluster: Cluster, os_client, alias, tmp_path):
    n = 120
    src = _corpus(tmp_path / "src", n)
    run = subprocess.Popen(_dask_ingest(cluster, src, alias, "--batch-size", "10"), cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = None
    deadline = time.monotonic() + 120
    # mid-run: some batches are in the index, and a worker is cleaning the next ones
    while time.monotonic() < deadline and run.poll() is None and victim is None:
        if writes(os_client, f"{alias}-v*") >= 10:
            victim = _busy_worker(cluster)
        time.sleep(0.1)
    assert victim is not None and run.poll() is None, "the run ended before a worker could be killed: more files"
    written_at_kill = writes(os_client, f"{alias}-v*")
    os.killpg(victim.pid, signal.SIGKILL)  # the worker and its nanny: the machine is gone
    victim.wait(timeout=10)
    out, err = run.communicate(timeout=240)
    assert run.returncode == 0, out + err
    summary = last_json(out)
    print(f"killed {victim.args[-3]} at {written_at_kill} docs written; then: {summary}")  # noqa: T201 - for -s
    scheduler_log = (cluster.logs / "scheduler.log").read_text()
    assert "Remove worker" in scheduler_log, scheduler_log[-3000:]
    assert written_at_kill < n, "the kill landed after every document was written"
    assert summary["seen"] == n and summary["files"] == n
    assert summary["indexed"] + summary["quarantined"] == n and summary["unchanged"] == 0
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == summary["indexed"]  # no duplicates, none lost
    keys = {d["source_path"] for d in _docs(os_client, alias).values()}
    assert len(keys) == summary["indexed"]
    with cluster.client() as client:
        assert len(client.scheduler_info(n_workers=-1)["workers"]) == 1
    again = last_json(run_cli("ingest", str(src), "--alias", alias, "--json").stdout)  # and nothing is left to do
    assert (again["seen"], again["files_read"], again["indexed"]) == (n, 0, 0)
    assert again["unchanged"] == summary["indexed"]
