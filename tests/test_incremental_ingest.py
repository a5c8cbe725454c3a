"""Incremental ingest against the real OpenSearch: only new or changed files are read, vanished ones removed."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from indexing import state
from tests.conftest import run_cli

pytestmark = pytest.mark.integration


def _run(source, alias, **kw) -> dict:
    from flows.ingest import ingest

    return ingest(source=str(source), alias=alias, **kw)


def _add(seed_dir, name: str, text: str) -> None:
    shutil.copy(seed_dir / "001_c029de574ec98832.txt", seed_dir / name)
    with open(seed_dir / name, "a", encoding="utf-8") as fh:
        fh.write(f"\n\n{text}\n")


def test_second_run_reads_only_what_changed(os_client, alias, seed_dir):
    first = _run(seed_dir, alias)
    assert (first["files"], first["files_read"], first["seen"]) == (5, 5, 5)
    assert first["indexed"] + first["quarantined"] == 5

    _add(seed_dir, "010_new.txt", "A new paragraph that makes this a different file.")
    _add(seed_dir, "011_new.txt", "Another new paragraph, another file.")
    second = _run(seed_dir, alias)
    assert second["files_read"] == 2 and second["indexed"] == 2
    assert second["unchanged"] == first["indexed"] and second["seen"] == 7

    # touched but identical bytes: hashed, not cleaned again; changed bytes: re-indexed
    path = seed_dir / "010_new.txt"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 5_000_000_000))
    with open(seed_dir / "011_new.txt", "a", encoding="utf-8") as fh:
        fh.write("\nOne more line.\n")
    third = _run(seed_dir, alias)
    assert third["files_read"] == 2 and third["indexed"] == 1 and third["unchanged"] == 6
    assert third["seen"] == 7

    fourth = _run(seed_dir, alias)
    assert fourth["files_read"] == 0 and fourth["unchanged"] == 7 and fourth["indexed"] == 0


def test_vanished_sources_removed_or_kept(os_client, alias, seed_dir):
    _run(seed_dir, alias)
    before = os_client.count(index=alias)["count"]
    (seed_dir / "004_7bd0a914073ae81d.txt").unlink()

    proc = run_cli("ingest", str(seed_dir), "--alias", alias, "--json", "--keep-missing")
    kept = json.loads(proc.stdout.strip().splitlines()[-1])
    assert {"seen", "indexed", "unchanged", "quarantined"} <= kept.keys()
    assert kept["kept_missing"] == 1 and kept["deleted"] == 0 and kept["seen"] == 4
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == before

    gone = _run(seed_dir, alias)
    assert gone["deleted"] == 1 and gone["kept_missing"] == 0
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == before - 1
    keys = {e["key"] for e in state.entries(os_client, alias, str(seed_dir))}
    assert "004_7bd0a914073ae81d.txt" not in keys and len(keys) == 4


def test_state_is_per_alias(os_client, alias, seed_dir):
    other = f"{alias}-other"
    try:
        _run(seed_dir, alias)
        again = _run(seed_dir, other)
        assert again["files_read"] == 5, "another alias must not reuse this alias's state"
    finally:
        os_client.indices.delete(index=f"{other}-*", ignore_unavailable=True, allow_no_indices=True)


def test_state_follows_the_index_behind_the_alias(os_client, alias, seed_dir):
    """After the alias moves to another physical index, files are read again (their docs may not be there)."""
    from indexing import versions

    _run(seed_dir, alias)
    new = versions.create_next(os_client, alias)
    versions.swap(os_client, alias, new)
    after = _run(seed_dir, alias)
    assert after["index"] == new and after["files_read"] == 5
    assert os_client.count(index=alias)["count"] == after["indexed"]
