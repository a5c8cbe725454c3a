"""The run ledger in OpenSearch, `newsindex quarantine list` and `newsindex quarantine retry`."""

from __future__ import annotations

import json

import pytest

from common.accounting import LedgerMismatch
from flows.sources import iter_sources
from flows.work import process_batch
from indexing import ledger, versions
from indexing.writer import index_batch
from tests.conftest import SEEDS, run_cli

pytestmark = pytest.mark.integration

ARTICLE = sorted(SEEDS.glob("*.txt"))[0].read_bytes()


def _run(client, alias, src):
    """What the ingest flow does per run: process, index, then record the run and clear what went in."""
    counts = index_batch(client, versions.ensure(client, alias), process_batch(list(iter_sources(src))))
    summary = {**counts.as_dict(), "alias": alias, "source": str(src), "index": versions.current(client, alias),
               "duration_s": 0.1}
    run_id = ledger.record_run(client, alias, summary, counts.quarantine)
    ledger.clear_resolved(client, alias, counts.ok_keys)
    return run_id, counts


def test_ledger_balances_and_quarantine_keeps_path_hash_reason(os_client, alias, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_bytes(ARTICLE)
    (src / "empty.txt").write_bytes(b"")
    (src / "bin.txt").write_bytes(bytes(range(256)) * 8)
    run_id, counts = _run(os_client, alias, src)
    [doc] = ledger.runs(os_client, alias)
    assert doc["run_id"] == run_id and doc["status"] == "ok"
    assert (doc["seen"], doc["indexed"], doc["unchanged"], doc["quarantined"]) == (3, 1, 0, 2)
    assert doc["seen"] == doc["indexed"] + doc["unchanged"] + doc["quarantined"]
    assert {r["reason"]: r["count"] for r in doc["by_reason"]} == {"empty": 1, "binary": 1}
    entries = {e["source_path"]: e for e in ledger.quarantined_entries(os_client, alias)}
    assert set(entries) == {"empty.txt", "bin.txt"}
    assert entries["bin.txt"]["reason"].startswith("binary") and len(entries["bin.txt"]["sha256"]) == 64
    assert entries["bin.txt"]["input_path"] == str(src / "bin.txt") and entries["bin.txt"]["run_id"] == run_id
    # a second run sees the same inputs: same quarantine ids (no duplicates), attempts counted
    _run(os_client, alias, src)
    again = {e["source_path"]: e for e in ledger.quarantined_entries(os_client, alias)}
    assert set(again) == set(entries) and again["bin.txt"]["attempts"] == 2
    assert again["bin.txt"]["first_seen"] == entries["bin.txt"]["first_seen"]
    assert len(ledger.runs(os_client, alias)) == 2


def test_unbalanced_summary_is_refused(os_client, alias):
    with pytest.raises(LedgerMismatch):
        ledger.record_run(os_client, alias, {"seen": 3, "indexed": 1, "unchanged": 0, "quarantined": 1}, [])


def test_quarantine_list_and_retry_after_a_fix(os_client, alias, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_bytes(ARTICLE)
    (src / "later.txt").write_bytes(b"")  # empty now; the scraper re-fetches it later
    (src / "feed.jsonl").write_text('{"title": "A", "text": "LONDON, February 9. A first article with words."}\n'
                                    '{"title": "B", "text": \n', encoding="utf-8")
    _run(os_client, alias, src)
    listed = [json.loads(line)
              for line in run_cli("quarantine", "list", "--alias", alias, "--json").stdout.splitlines()]
    assert {e["source_path"] for e in listed} == {"later.txt", "feed.jsonl#2"}
    human = run_cli("quarantine", "list", "--alias", alias).stdout
    assert "later.txt" in human and "empty" in human and "quarantine retry" in human

    (src / "later.txt").write_bytes(ARTICLE.replace(b"\n", b"\n\n", 1))  # the fix
    out = run_cli("quarantine", "retry", "--alias", alias, "--json").stdout
    summary = json.loads(out.strip().splitlines()[-1])
    # later.txt goes in; feed.jsonl is re-read whole: line 1 unchanged, line 2 still broken
    assert (summary["seen"], summary["indexed"], summary["unchanged"], summary["quarantined"]) == (3, 1, 1, 1)
    assert summary["cleared"] >= 1
    left = {e["source_path"] for e in ledger.quarantined_entries(os_client, alias)}
    assert left == {"feed.jsonl#2"}  # still broken: still visible
    kinds = [r["kind"] for r in ledger.runs(os_client, alias)]
    assert kinds == ["quarantine-retry", "ingest"]
    os_client.indices.refresh(index=alias)
    ids = {h["_source"]["source_path"] for h in os_client.search(index=alias, body={"size": 20})["hits"]["hits"]}
    assert {"good.txt", "later.txt", "feed.jsonl#1"} <= ids
