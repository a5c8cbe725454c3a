"""What a person running a flow sees: the progress says what it waits for and advances per batch, the
duration covers the whole run, quarantine reason labels are the same from one run to the next."""

from __future__ import annotations

import time

import pytest

from newsindex import progress

pytestmark = pytest.mark.integration


@pytest.fixture
def recorded(monkeypatch) -> dict[str, list]:
    """The progress callbacks a terminal bar would get, recorded."""
    seen: dict[str, list] = {"advance": [], "phase": []}
    monkeypatch.setattr(progress, "_advance", seen["advance"].append)
    monkeypatch.setattr(progress, "_phase", seen["phase"].append)
    return seen


def test_progress_phases_and_per_batch_advance(recorded, alias, seed_dir):
    from flows.ingest import ingest

    (seed_dir / "empty.txt").write_bytes(b"")
    first = ingest(source=str(seed_dir), alias=alias, batch_size=2, started_at=time.time() - 100)
    # six files in batches of two, all in one clean task of three batches: the display moves per batch
    assert recorded["advance"] == [2, 2, 2]
    phases = list(dict.fromkeys(recorded["phase"]))
    assert phases == ["connecting to OpenSearch", "reading", "indexing", "removing vanished files",
                      "writing the report"]
    assert first["duration_s"] >= 100  # from when the caller started, not when the flow did
    assert first["quarantine_reasons"] == {"empty": 1}

    recorded["advance"].clear()
    again = ingest(source=str(seed_dir), alias=alias, batch_size=2)
    assert again["files_skipped"] == 6 and sum(recorded["advance"]) == 6
    assert again["quarantine_reasons"] == first["quarantine_reasons"]  # same label when skipped by its state


def test_bar_shows_the_phase(capsys):
    with progress.bar("ingest x", None, enabled=True):
        progress.phase("reading")
        progress.total(3)
        progress.advance(1)
    # transient: nothing stays behind on the terminal, and nothing breaks when no bar is open
    progress.phase("after")
    progress.advance(1)
