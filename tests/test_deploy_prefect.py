"""Deployments for real: a `prefect server start` and a `prefect worker start --pool newsindex --type process`,
both with a throwaway PREFECT_HOME, driven with the same commands as the README (Scheduling and re-indexing)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flows import lost_runs
from flows.incremental import source_id
from indexing import ledger, state, versions
from tests import prefect_server
from tests.conftest import ROOT, writes
from tests.test_faults_opensearch import _corpus

pytestmark = [pytest.mark.integration, pytest.mark.prefect_server]

PREFECT = prefect_server.PREFECT
POOL = "newsindex"
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED", "CRASHED"}


class Stack:
    def __init__(self, env: dict[str, str], api: str, logs: Path) -> None:
        self.env, self.api, self.logs = env, api, logs
        self.http = httpx.Client(base_url=api, timeout=10)
        #: the `prefect worker start` processes of the module, each in its own session (stopped at teardown)
        self.workers: list[subprocess.Popen] = []

    def start_worker(self, name: str = "worker") -> subprocess.Popen:
        """`prefect worker start --pool newsindex --type process`, logging to `<name>.log`."""
        with open(self.logs / f"{name}.log", "w") as log:
            proc = subprocess.Popen([*PREFECT, "worker", "start", "--pool", POOL, "--type", "process", "--name", name],
                                    cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        self.workers.append(proc)
        return proc

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
    s: Stack | None = None
    try:
        started.append(prefect_server.start(home, port, env))
        prefect_server.wait(started[0], api, home)
        s = Stack(env, api, home)
        s.prefect("work-pool", "create", POOL, "--type", "process")
        s.prefect("--no-prompt", "deploy", "--all", timeout=120)
        s.start_worker()
        yield s
    finally:
        for proc in [*(reversed(s.workers) if s else ()), *started]:
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
        assert deps[name]["job_variables"]["env"]["PREFECT_FLOWS_HEARTBEAT_FREQUENCY"] == str(lost_runs.HEARTBEAT_S)
    # the lost-run automation, once although the build step ran for each deployment
    r = stack.http.post("/automations/filter", json={})
    r.raise_for_status()
    assert [a["name"] for a in r.json()].count(lost_runs.NAME) == 1


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


# --- a worker killed mid-flow ---------------------------------------------------------------------------
# Prefect 3.9's process worker starts each flow run as `python -m prefect.engine` in a session of its own. So a
# worker killed alone (SIGKILL of its process group) takes nothing with it: the flow run goes on and reports
# its own end. When the flow run's process dies too (the machine is lost), nothing reports its end: the run
# stays Running and keeps the deployment's concurrency slot, so the next run waits. Our deployments send
# heartbeats and `prefect deploy` creates an automation (flows/lost_runs.py) that marks the run Crashed when
# they stop; the slot frees and the waiting run starts.

KILL_FILES = 200


def _run_until_mid_flow(stack: Stack, os_client, alias: str, src: Path) -> dict:
    """Start an ingest deployment run and return its flow run once some batches are in the index."""
    run_id = stack.run_deployment("ingest/ingest", alias=alias, source=str(src), batch_size="10")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        run = stack.flow_run(run_id)
        assert run["state_type"] not in TERMINAL, f"the run ended before the kill: {stack.state_names(run_id)}"
        if run["state_type"] == "RUNNING" and run["infrastructure_pid"] and writes(os_client, f"{alias}-v*") >= 20:
            return run
        time.sleep(0.2)
    raise AssertionError(f"the run never got mid-flow: {stack.state_names(run_id)}")


def _kill_session(pid: int) -> None:
    os.killpg(os.getpgid(pid), signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _flow_process(run: dict) -> int:
    """The flow run's process: its `infrastructure_pid` (`pid` or `host:pid`)."""
    return int(str(run["infrastructure_pid"]).rsplit(":", 1)[-1])


def test_worker_killed_mid_flow_the_run_goes_on(stack: Stack, os_client, alias, tmp_path):
    src = _corpus(tmp_path / "src", KILL_FILES)
    worker = stack.workers[-1]
    run = _run_until_mid_flow(stack, os_client, alias, src)
    engine = _flow_process(run)
    assert os.getpgid(engine) != worker.pid, "the flow run shares the worker's process group"
    _kill_session(worker.pid)
    worker.wait(timeout=10)
    stack.start_worker("after-kill")  # for the tests that follow; the run below needs none
    done = stack.wait(run["id"], timeout=180)
    assert done["state_type"] == "COMPLETED", stack.state_names(run["id"])
    report = stack.report(run["id"], f"ingest-report-{alias}")
    n = str(KILL_FILES)
    assert (report["documents seen"], report["indexed"], report["quarantined"]) == (n, n, "0")
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == KILL_FILES


def test_machine_lost_mid_flow_then_next_run_completes(stack: Stack, os_client, alias, tmp_path):
    src = _corpus(tmp_path / "src", KILL_FILES)
    worker = stack.workers[-1]
    run = _run_until_mid_flow(stack, os_client, alias, src)
    _kill_session(worker.pid)  # the worker, then the flow run: all a lost machine ran
    engine = _flow_process(run)
    _kill_session(engine)
    worker.wait(timeout=10)
    while _alive(engine):  # orphaned (not our child): init reaps it
        time.sleep(0.1)

    # Nothing is marked done that is not in the index: every file the state claims has its documents in,
    # and no run is recorded in the ledger.
    os_client.indices.refresh(index=f"{alias}-v*,{state.state_index(alias)}")
    claimed = list(state.entries(os_client, alias, source_id(str(src))))
    ids = [i for e in claimed for i in e["doc_ids"]]
    assert 0 < len(claimed) < KILL_FILES and len(ids) == len(claimed)
    found = os_client.mget(index=alias, body={"ids": ids}, _source=False)["docs"]
    assert all(d["found"] for d in found)
    assert ledger.runs(os_client, alias) == []
    assert stack.flow_run(run["id"])["state_type"] not in TERMINAL

    # A fresh worker and the next run: it waits for the lost run's concurrency slot ...
    stack.start_worker("fresh")
    next_id = stack.run_deployment("ingest/ingest", alias=alias, source=str(src))
    deadline = time.monotonic() + 60
    while "AwaitingConcurrencySlot" not in stack.state_names(next_id):
        assert time.monotonic() < deadline, stack.state_names(next_id)
        time.sleep(0.5)
    # ... until the automation marks the lost run Crashed (no heartbeat for WITHIN_S), which frees the slot.
    lost = stack.wait(run["id"], timeout=lost_runs.WITHIN_S + 90)
    assert lost["state_type"] == "CRASHED" and "no heartbeat" in lost["state"]["message"], stack.state_names(run["id"])
    done = stack.wait(next_id, timeout=180)
    assert done["state_type"] == "COMPLETED", stack.state_names(next_id)
    report = stack.report(next_id, f"ingest-report-{alias}")
    assert report["documents seen"] == str(KILL_FILES) and report["quarantined"] == "0"
    assert int(report["indexed"]) + int(report["unchanged"]) == KILL_FILES
    # what the lost run marked done is not done again (a state write already on the wire at the kill may
    # still have landed after the check above: at least those)
    assert int(report["unchanged"]) >= len(claimed)
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == KILL_FILES  # no duplicates, none lost
