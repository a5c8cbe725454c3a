"""`newsindex opensearch start|stop|status`: the local node script, for people without Docker."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

from newsindex.output import error

#: The clone's scripts/ (the node script fetches OpenSearch with Maven into the clone's .cache/).
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "opensearch-local.sh"


def run(args: argparse.Namespace) -> int:
    if not SCRIPT.is_file():
        error(f"no local node script at {SCRIPT}: `newsindex opensearch` runs from a clone of newsindex; "
              "otherwise point OPENSEARCH_URL at a running OpenSearch (or use docker compose)")
        return 2
    if not shutil.which("bash"):
        error("`newsindex opensearch` needs bash")
        return 2
    return subprocess.call(["bash", str(SCRIPT), args.action])


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("opensearch", help="start/stop/status of a local OpenSearch node (OPENSEARCH_URL's port)")
    sp.add_argument("action", choices=["start", "stop", "status"])
    sp.set_defaults(func=run)
