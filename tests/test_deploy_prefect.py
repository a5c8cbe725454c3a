"""Deployments for real: a `prefect server start` and a `prefect worker start --pool newsindex --type process`,
both with a throwaway PREFECT_HOME, driven with the same commands as the README (Scheduling and re-indexing)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from indexing import versions
from tests import prefect_server
from tests.conftest import ROOT

pytestmark = [pytest.mark.integration, pytest.mark.prefect_server]

PREFECT = prefect_server.PREFECT
POOL = "newsindex"
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED", "CRASHED"}


class Stack:
    def __init__(self, env: dict[str, str], api: str, logs: Path) -> None:
        self.env, self.api, self.logs = env, api, logs
        self.http = httpx.Client(base_url=api, timeout=10)

    def prefect(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
        proc = subprocess.run([*PREFECT, *args], cwd=ROOT, env=self.env, capture_output=True, text=True,
                              timeout=timeout)
        assert proc.returncode == 0, f"prefect {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
        return proc

    def run_deployment(self, name: str, **params: str) -> str:
        """`prefect deployment run NAME --param k=v ...`; returns the flow run id."""
        args = [x for k, v in params.items() for x in ("--param", f"{k}={v}")]
        return self.flow_run_id(self.prefect("deployment", "run", name, *args))

    @staticmethod
    def flow_run_id(proc: subprocess.CompletedProcess) -> str:
        m = re.search(r"UUID: ([0-9a-f-]{36})", proc.stdout)
        assert m, proc.stdout
        return m.group(1)

    def flow_run(self, run_id: str) -> dict:
        r = self.http.get(f"/flow_runs/{run_id}")
        r.raise_for_status()
        return r.json()

    def wait(self, run_id: str, timeout: float = 90) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = self.flow_run(run_id)
            if run["state_type"] in TERMINAL:
                return run
            time.sleep(1)
        raise AssertionError(f"flow run {run_id} not finished after {timeout}s: {run['state_name']}\n"
                             + (self.logs / "worker.log").read_text()[-3000:])

    def state_names(self, run_id: str) -> list[str]:
        r = self.http.get("/flow_run_states/", params={"flow_run_id": run_id})
        r.raise_for_status()
        return [s["name"] for s in sorted(r.json(), key=lambda s: s["timestamp"])]

    def report(self, run_id: str, key: str) -> dict[str, str]:
        """The run's markdown artifact `key` (`ingest-report-<alias>`), as {label: value}."""
        r = self.http.post("/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [run_id]},
                                                                     "key": {"any_": [key]}}})
        r.raise_for_status()
        [artifact] = r.json()
        rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \|$", artifact["data"], flags=re.M)
        return {k: v for k, v in rows}


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    home = tmp_path_factory.mktemp("prefect-server-home")
    port = prefect_server.free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_WORKER_QUERY_SECONDS": "1",
           "PREFECT_UI_ENABLED": "false"}
    started: list[subprocess.Popen] = []
    try:
        started.append(prefect_server.start(home, port, env))
        prefect_server.wait(started[0], api, home)
        s = Stack(env, api, home)
        s.prefect("work-pool", "create", POOL, "--type", "process")
        s.prefect("--no-prompt", "deploy", "--all", timeout=120)
        with open(home / "worker.log", "w") as log:
            started.append(subprocess.Popen(
                [*PREFECT, "worker", "start", "--pool", POOL, "--type", "process"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
        yield s
    finally:
        for proc in reversed(started):
            prefect_server.stop(proc)


def test_deploy_all_creates_the_deployments(stack: Stack):
    r = stack.http.post("/deployments/filter", json={})
    r.raise_for_status()
    deps = {d["name"]: d for d in r.json()}
    assert set(deps) >= {"ingest", "reindex", "quarantine-retry"}
    assert deps["ingest"]["schedules"] and deps["ingest"]["schedules"][0]["schedule"]["cron"] == "0 * * * *"
    assert not deps["reindex"]["schedules"]
    assert not deps["quarantine-retry"]["schedules"]
    for name, strategy in (("ingest", "ENQUEUE"), ("reindex", "CANCEL_NEW"), ("quarantine-retry", "ENQUEUE")):
        assert deps[name]["global_concurrency_limit"]["limit"] == 1
        assert deps[name]["concurrency_options"]["collision_strategy"] == strategy
        step = deps[name]["pull_steps"][0]["prefect.deployments.steps.set_working_directory"]
        assert Path(step["directory"]).resolve() == ROOT.resolve()


def test_reindex_deployment_swaps_alias_to_new_version(stack: Stack, os_client, alias, seed_dir):
    before = versions.ensure(os_client, alias)
    run_id = stack.run_deployment("reindex/reindex", alias=alias, source=str(seed_dir))
    run = stack.wait(run_id)
    assert run["state_type"] == "COMPLETED", stack.state_names(run_id)
    after = versions.current(os_client, alias)
    assert after and after != before
    assert os_client.count(index=alias)["count"] == 5


def test_ingest_runs_never_overlap_and_are_incremental(stack: Stack, os_client, alias, seed_dir):
    # Two runs triggered at once: the second waits for the first (ENQUEUE), visibly.
    cmd = [*PREFECT, "deployment", "run", "ingest/ingest", "--param", f"alias={alias}",
           "--param", f"source={seed_dir}"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=stack.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    ids = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        ids.append(Stack.flow_run_id(subprocess.CompletedProcess(cmd, 0, out, err)))
    runs = {i: stack.wait(i, timeout=120) for i in ids}
    assert all(r["state_type"] == "COMPLETED" for r in runs.values()), {i: stack.state_names(i) for i in ids}
    first, second = sorted(runs.values(), key=lambda r: r["start_time"])
    assert first["end_time"] <= second["start_time"], "two ingest runs overlapped"
    assert "AwaitingConcurrencySlot" in stack.state_names(second["id"])

    assert stack.report(first["id"], f"ingest-report-{alias}")["indexed"] == "5"
    again = stack.report(second["id"], f"ingest-report-{alias}")
    assert again["files read"] == "0" and again["unchanged"] == "5" and again["indexed"] == "0"

    # Two runs in a row: the next one reads only the files added in between.
    for name in ("005_added.txt", "006_added.txt"):
        shutil.copy(seed_dir / "000_514dec7b5130cfe8.txt", seed_dir / name)
        with open(seed_dir / name, "a", encoding="utf-8") as fh:
            fh.write(f"\n\nAdded later as {name}.\n")
    run_id = stack.run_deployment("ingest/ingest", alias=alias, source=str(seed_dir))
    assert stack.wait(run_id)["state_type"] == "COMPLETED"
    third = stack.report(run_id, f"ingest-report-{alias}")
    assert third["files read"] == "2" and third["indexed"] == "2" and third["unchanged"] == "5"
    assert os_client.count(index=alias)["count"] == 7


def test_second_reindex_at_once_is_cancelled(stack: Stack, os_client, alias, seed_dir):
    versions.ensure(os_client, alias)
    cmd = [*PREFECT, "deployment", "run", "reindex/reindex", "--param", f"alias={alias}",
           "--param", f"source={seed_dir}"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=stack.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    ids = [Stack.flow_run_id(subprocess.CompletedProcess(cmd, 0, p.communicate(timeout=60)[0], "")) for p in procs]
    states = sorted(stack.wait(i, timeout=120)["state_type"] for i in ids)
    assert states == ["CANCELLED", "COMPLETED"], {i: stack.state_names(i) for i in ids}
