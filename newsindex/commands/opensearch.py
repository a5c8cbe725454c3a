"""`newsindex opensearch start|stop|status`: the local node script, for people without Docker."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

from newsindex.output import error


def node_script() -> Path | None:
    """scripts/opensearch-local.sh of the clone this code runs from; None for an installed package (no clone)."""
    script = Path(__file__).resolve().parents[2] / "scripts" / "opensearch-local.sh"
    return script if script.is_file() else None


def run(args: argparse.Namespace) -> int:
    script = node_script()
    if script is None:
        error("`newsindex opensearch` runs scripts/opensearch-local.sh, which only a clone of the repository has "
              "(an installed package does not ship it). Run it from a clone (`make opensearch`), or start "
              "OpenSearch with `docker compose up -d opensearch`, and point OPENSEARCH_URL at it.")
        return 2
    if not shutil.which("bash"):
        error("`newsindex opensearch` needs bash")
        return 2
    return subprocess.call(["bash", str(script), args.action])


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("opensearch",
                        help="start/stop/status of a local OpenSearch node on OPENSEARCH_URL's port (needs a clone)")
    sp.add_argument("action", choices=["start", "stop", "status"])
    sp.set_defaults(func=run)
