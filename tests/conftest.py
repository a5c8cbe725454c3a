"""Shared fixtures. Integration tests talk to the real OpenSearch that `make test` starts; nothing is mocked."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import prefect_server

# Before anything imports Prefect (its settings are read at import): keep its INFO chatter out of the output.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

# One Prefect API server per test process: a CLI run in local mode would start a temporary one each time
# (~10 s). `test_cli_runs_flows_without_a_server` keeps local mode covered. With pytest-xdist every worker has
# its own (own PREFECT_HOME and port); the controller runs no test and starts none.
_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="newsindex-prefect-"))
_SERVER: list[subprocess.Popen] = []


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module imports Prefect (its settings are read at import): point it at our server."""
    if getattr(config.option, "numprocesses", None) and not hasattr(config, "workerinput"):
        return
    port = prefect_server.free_port()
    os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
    os.environ["PREFECT_API_URL"] = f"http://127.0.0.1:{port}/api"
    _SERVER.append(prefect_server.start(_PREFECT_HOME, port, dict(os.environ)))


@atexit.register
def _stop_prefect_server() -> None:
    """At exit, after Prefect has flushed its last logs to the API (its exit hooks run before this one)."""
    for server in _SERVER:
        prefect_server.stop(server)
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLI = [sys.executable, "-m", "newsindex.cli"]


_ready: list[bool] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that talks to OpenSearch is an integration test, whether or not its module says so."""
    for item in items:
        if {"os_client", "alias"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Flows the tests run (in-process and through the CLI) talk to one real `prefect server start` with a
    throwaway PREFECT_HOME, never the user's. It boots while tests are collected; integration tests wait for
    it before any of their fixtures (a module fixture may run a flow), unit tests (pure functions) never do."""
    if not _ready and item.get_closest_marker("integration"):
        prefect_server.wait(_SERVER[0], os.environ["PREFECT_API_URL"], _PREFECT_HOME)
        _ready.append(True)


@pytest.fixture(scope="session")
def os_client():
    from common.settings import Settings
    from indexing.client import check_reachable, make_client

    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)  # fails loudly: integration tests must not silently skip
    return client


@pytest.fixture
def alias(os_client) -> Iterator[str]:
    """A throwaway alias (and its versioned indices), so tests never touch the user's `news`."""
    name = f"test-{uuid.uuid4().hex[:8]}"
    yield name
    os_client.indices.delete(index=f"{name}-*", ignore_unavailable=True, allow_no_indices=True)


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def run_cli(*args: str, check: bool = True, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}  # the CLI's own default
    merged = {**base, **(env or {})}  # a None value drops the variable
    proc = subprocess.run([*CLI, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={k: v for k, v in merged.items() if v is not None})
    if check and proc.returncode != 0:
        raise AssertionError(f"newsindex {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


def last_json(out: str) -> dict:
    """The summary a `--json` command prints as its last line."""
    return json.loads(out.strip().splitlines()[-1])


def writes(client, index: str) -> int:
    """Documents written so far into `index` (a name or pattern; primaries), 0 before it exists: how far a run
    that a test is about to break has got."""
    try:
        return client.indices.stats(index=index, metric="indexing")["_all"]["primaries"]["indexing"]["index_total"]
    except Exception:  # noqa: BLE001 - the index does not exist yet
        return 0
