"""Prefect settings for the CLI's local runs, set before Prefect is imported."""

from __future__ import annotations

import os


def quiet_prefect() -> None:
    """Local runs need no server; keep Prefect's own chatter and shutdown noise off the user's terminal."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "CRITICAL")  # our CLI reports failures itself
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_LOGGING_INTERNAL_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # the client's telemetry too: its first-run notice on stderr would break the progress display
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # The throwaway local API server can take half a minute to start on a busy 2-core box.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
