"""`newsindex quarantine list|retry`: see what did not go in and why; re-process it after a fix."""

from __future__ import annotations

import argparse

from newsindex.arguments import add_alias
from newsindex.commands.flowrun import run_flow
from newsindex.output import json_line, summary_table


def _client():
    from common.settings import Settings
    from indexing.client import check_reachable, make_client

    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    return client


def run_list(args: argparse.Namespace) -> int:
    from indexing import ledger

    entries = list(ledger.quarantined_entries(_client(), args.alias))
    if args.json:
        for e in entries:
            json_line(e)
        return 0
    if not entries:
        print(f"nothing quarantined for {args.alias}")
        return 0
    for e in entries:
        sha = (e.get("sha256") or "-")[:12]
        print(f"{e['source_path']}  [{e.get('reason_kind')}]  sha256 {sha}  seen {e.get('attempts')}x, "
              f"last {e.get('last_seen')}")
        print(f"    {e.get('reason')}")
    print(f"{len(entries)} quarantined; after a fix run `newsindex quarantine retry --alias {args.alias}`")
    return 0


def run_retry(args: argparse.Namespace) -> int:
    """The quarantine-retry flow (a deployment too), run locally like `ingest`."""
    summary = run_flow("flows.retry:quarantine_retry", title=f"quarantine retry {args.alias}", json_mode=args.json,
                       started_at=getattr(args, "started_at", None), alias=args.alias)
    if args.json:
        json_line(summary)
    else:
        rows = [(k, summary[k]) for k in ("seen", "indexed", "unchanged", "quarantined", "cleared")]
        rows += [(f"  still quarantined: {r}", n) for r, n in sorted(summary["quarantine_reasons"].items())]
        rows.append(("duration", f"{summary['duration_s']} s"))
        summary_table(f"quarantine retry -> {summary['alias']} (run {summary['run_id']})", rows)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("quarantine", help="list quarantined inputs, or re-process them after a fix")
    qsub = sp.add_subparsers(dest="quarantine_command", required=True)
    ls = qsub.add_parser("list", help="every input that did not go in, with its reason and hash")
    add_alias(ls)
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ls.set_defaults(func=run_list)
    rt = qsub.add_parser("retry", help="re-process the quarantined inputs and update the ledger")
    add_alias(rt)
    rt.add_argument("--json", action="store_true", help="end with a JSON summary line")
    rt.set_defaults(func=run_retry)
