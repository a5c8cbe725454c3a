"""The README shows the commands exactly as the tests run them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _section(title: str) -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def test_scheduling_section_shows_the_tested_commands():
    section = _section("Scheduling and re-indexing")
    for command in (
        "prefect work-pool create newsindex --type process",
        "prefect --no-prompt deploy --all",
        "prefect worker start --pool newsindex --type process",
        "prefect deployment run 'reindex/reindex' --param alias=news --param source=seeds",
        "prefect deployment run 'ingest/ingest' --param alias=news --param source=seeds",
    ):
        assert command in section, command


def test_quick_start_is_two_commands():
    section = _section("Quick start")
    assert "make run" in section and "make test" in section
    assert "make stop" in section
