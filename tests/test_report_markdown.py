"""The run report: one summary, rendered as the Prefect artifact's markdown and as the CLI's rows."""

from __future__ import annotations

from flows import report

SUMMARY = {"files": 9, "files_read": 4, "seen": 10, "indexed": 3, "unchanged": 5, "quarantined": 2,
           "quarantine_reasons": {"binary": 1, "empty": 1}, "deleted": 1, "kept_missing": 0,
           "languages": {"en": 2, "ru": 1}, "unchanged_languages": {"en": 3, "vi": 2},
           "alias": "news", "index": "news-v2", "source": "seeds", "duration_s": 1.5}


def test_markdown_table_has_every_count():
    md = report.markdown(SUMMARY)
    for row in ("| files read | 4 |", "| indexed | 3 |", "| unchanged | 5 |", "| quarantined | 2 |",
                "| quarantined: binary | 1 |", "| quarantined: empty | 1 |", "| deleted (source gone) | 1 |",
                "| duration | 1.5 s |", "| en | 2 | 3 |", "| ru | 1 | 0 |", "| vi | 0 | 2 |"):
        assert row in md, row


def test_cli_rows_are_the_same_numbers():
    rows = dict(report.rows(SUMMARY))
    assert rows["files read"] == 4 and rows["indexed"] == 3 and rows["  quarantined: binary"] == 1


def test_artifact_is_attached_to_the_flow_run():
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.context import get_run_context

    @flow
    def publish_only() -> str:
        report.publish(SUMMARY)
        return str(get_run_context().flow_run.id)

    run_id = publish_only()
    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
    assert artifact.key == "ingest-report-news" and artifact.type == "markdown"  # per alias
    assert "| indexed | 3 |" in artifact.data


QUALITY = {
    "live_index": "news-v1", "new_index": "news-v2",
    "documents": {"live": 5, "new": 4, "added": 0, "missing": 1, "changed": 1, "unchanged": 3},
    "added_examples": [], "missing_examples": [{"source_path": "gone.txt"}],
    "fields": {f: {"changed": 0, "examples": []} for f in ("title", "published_at", "language", "source",
                                                           "dateline", "story_id")},
    "quarantined": {"live": {"empty": 1}, "new": {"empty": 1, "binary": 2}},
    "refused": ["it loses 1 of the 5 live documents (20%, more than the 10% allowed)"], "forced": False,
}
QUALITY["fields"]["title"] = {"changed": 1, "examples": [{"source_path": "a.txt", "old": "Old | x", "new": "New"}]}


def test_reindex_report_rows_and_artifact_keys():
    rows = report.quality_rows(QUALITY)
    labels = dict(rows)
    assert labels["missing"] == 1 and labels["  titles changed"] == 1 and labels["    a.txt"] == "Old | x → New"
    assert labels["quarantined (live → new)"] == "1 → 3" and labels["  binary"] == "0 → 2"
    assert labels["gate"].startswith("refused: it loses 1 of the 5")
    md = report.markdown({**SUMMARY, "report": QUALITY}, "reindex")
    assert md.startswith("# Reindex") and "| titles changed | 1 |" in md and "Old \\| x → New" in md
    assert report.report_key("ingest", "news") == "ingest-report-news"
    assert report.report_key("reindex", "My_Alias") == "reindex-report-my-alias"
