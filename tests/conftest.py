"""Shared fixtures. Integration tests talk to the real OpenSearch that `make test` starts; nothing is mocked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Prefect: in-process flow runs use a throwaway local API server; keep its INFO
# chatter (and its "Stopping temporary server" line at interpreter exit) out of the test output.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLI = [sys.executable, "-m", "newsindex.cli"]


@pytest.fixture(scope="session", autouse=True)
def _isolated_prefect_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Flows run in Prefect's local mode against a throwaway PREFECT_HOME, never the user's."""
    home = tmp_path_factory.mktemp("prefect-home")
    old = {k: os.environ.get(k) for k in ("PREFECT_HOME", "PREFECT_API_URL", "PREFECT_SERVER_ANALYTICS_ENABLED")}
    os.environ["PREFECT_HOME"] = str(home)
    os.environ.pop("PREFECT_API_URL", None)
    os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


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


def run_cli(*args: str, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}  # the CLI's own default
    proc = subprocess.run([*CLI, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**base, **(env or {})})
    if check and proc.returncode != 0:
        raise AssertionError(f"newsindex {' '.join(args)} -> {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc
