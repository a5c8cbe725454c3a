"""`newsindex opensearch start|stop|status`: the local node script, for people without Docker."""

from __future__ import annotations

import argparse
import subprocess
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    script = Path(__file__).resolve().parents[1] / "scripts" / "opensearch-local.sh"
    return subprocess.call(["bash", str(script), args.action])


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("opensearch", help="start/stop/status of a local OpenSearch node")
    sp.add_argument("action", choices=["start", "stop", "status"])
    sp.set_defaults(func=run)
