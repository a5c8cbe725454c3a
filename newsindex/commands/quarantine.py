"""`newsindex quarantine list|retry`: see what did not go in and why; re-process it after a fix."""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict

from newsindex.arguments import add_alias
from newsindex.output import json_line, summary_table

RETRY_BATCH = 200


def _client():
    from indexing.client import check_reachable, make_client
    from newsindex.settings import Settings

    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    return client


def _save_state(client, alias: str, target: str, source: str, items: list[tuple[str, str]], records: list[dict],
                counts) -> None:
    """Tell the incremental state what the retry found, so the next ingest neither re-reads nor mis-counts it."""
    from flows.incremental import BatchOutput, new_states, source_id
    from flows.work import file_sha256, pipeline_version
    from indexing import state

    out = BatchOutput(records=records)
    for path, key in items:
        try:
            st = os.stat(path)
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size, mtime = -1, -1
        out.files[key] = {"size": size, "mtime_ns": mtime, "file_hash": file_sha256(path), "unchanged": False}
    failed = {q["id"] for q in counts.quarantine if str(q.get("reason", "")).startswith("rejected by OpenSearch")}
    src = source_id(source)
    state.ensure(client, alias)
    known = state.lookup(client, alias, src, [k for _, k in items])
    entries, _stale = new_states(out, source=src, index=target, pipeline_version=pipeline_version(),
                                 failed_ids=failed, known=known)
    state.save(client, alias, entries)


def retry(client, alias: str) -> dict:
    """Re-process every quarantined input through flows.work, then update the ledger; returns the summary."""
    from flows.sources import batched
    from flows.work import Counts, index_batch, process_batch
    from indexing import ledger, versions

    started = time.monotonic()
    by_source: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in ledger.quarantined_entries(client, alias):
        if e.get("input_path"):
            by_source[e.get("source") or ""].add((e["input_path"], e["source_key"]))
    target = versions.ensure(client, alias)
    total = Counts()
    for source, items in sorted(by_source.items()):
        for batch in batched(iter(sorted(items)), RETRY_BATCH):
            records = process_batch(batch)
            counts = index_batch(client, target, records)
            _save_state(client, alias, target, source, batch, records, counts)
            total.add(counts)
    client.indices.refresh(index=target)
    total.check(" in the quarantine retry")
    summary = {**total.as_dict(), "alias": alias, "index": target, "source": "quarantine retry",
               "duration_s": round(time.monotonic() - started, 2)}
    summary["run_id"] = ledger.record_run(client, alias, summary, total.quarantine, kind="quarantine-retry")
    summary["cleared"] = ledger.clear_resolved(client, alias, total.ok_keys)
    return summary


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
    summary = retry(_client(), args.alias)
    if args.json:
        json_line(summary)
    else:
        rows = [(k, summary[k]) for k in ("seen", "indexed", "unchanged", "quarantined", "cleared")]
        rows += [(f"  still quarantined: {r}", n) for r, n in sorted(summary["quarantine_reasons"].items())]
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
