"""A real `prefect server start` for tests: one per session for the flows the tests run, and one per
deployment test module (with its own PREFECT_HOME, work pool and worker)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

PREFECT = [sys.executable, "-m", "prefect"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, grace: float = 15) -> None:
    """Stop a process we started, with everything it spawned (own session), politely first."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=grace)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def start(home: Path, port: int, env: dict[str, str]) -> subprocess.Popen:
    """`prefect server start` on 127.0.0.1:port with PREFECT_HOME=home; returns at once (see `wait`)."""
    server_env = {k: v for k, v in env.items() if k != "PREFECT_API_URL"}
    server_env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_UI_ENABLED="false")
    with open(home / "server.log", "w") as log:
        return subprocess.Popen([*PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                cwd=home, env=server_env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)


def wait(proc: subprocess.Popen, api: str, home: Path, timeout: float = 180) -> None:
    """Until the API answers its health check; fails with the server's log if it died or never answered."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert proc.poll() is None, (home / "server.log").read_text()[-3000:]
        assert time.monotonic() < deadline, f"prefect server did not answer in {timeout:.0f} s"
        time.sleep(0.5)
