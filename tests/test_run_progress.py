"""What a person running a flow sees: the progress says what it waits for and advances per batch, the
duration covers the whole run, quarantine reason labels are the same from one run to the next."""

from __future__ import annotations

import time

import pytest

from newsindex import progress


class Recorder:
    """An `on_progress` callback that remembers what the flow told it."""

    def __init__(self) -> None:
        self.files: list[int] = []
        self.doing: list[str] = []

    def __call__(self, files: int = 0, doing: str | None = None, total: int | None = None) -> None:
        if files:
            self.files.append(files)
        if doing:
            self.doing.append(doing)


@pytest.mark.integration
def test_progress_phases_and_per_batch_advance(alias, seed_dir):
    from flows.ingest import ingest

    (seed_dir / "empty.txt").write_bytes(b"")
    seen = Recorder()
    first = ingest(source=str(seed_dir), alias=alias, batch_size=2, started_at=time.time() - 100, on_progress=seen)
    # six files in batches of two, all in one clean task of three batches: the display moves per batch
    assert seen.files == [2, 2, 2]
    assert list(dict.fromkeys(seen.doing)) == ["connecting to OpenSearch", "reading", "indexing",
                                              "removing vanished files", "writing the report"]
    assert first["duration_s"] >= 100  # from when the caller started, not when the flow did
    assert first["quarantine_reasons"] == {"empty": 1}

    again_seen = Recorder()
    again = ingest(source=str(seed_dir), alias=alias, batch_size=2, on_progress=again_seen)
    assert again["files_skipped"] == 6 and sum(again_seen.files) == 6
    assert again["quarantine_reasons"] == first["quarantine_reasons"]  # same label when skipped by its state


def test_bar_yields_a_callback_that_never_fails():
    with progress.bar("ingest x", enabled=True) as update:
        update(total=3)
        update(0, "reading")
        update(1)
    with progress.bar("ingest x", enabled=False) as update:  # no terminal: a no-op
        update(1, "reading", 3)
