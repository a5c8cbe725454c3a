"""The run report: one summary dict, shown as a Prefect markdown artifact and as the CLI's table."""

from __future__ import annotations

REPORT_KEY = "ingest-report"


def rows(summary: dict) -> list[tuple[str, object]]:
    """(label, value) lines, shared by the markdown artifact and the CLI table."""
    out: list[tuple[str, object]] = [
        ("files found", summary.get("files", 0)),
        ("files read", summary.get("files_read", 0)),
        ("documents seen", summary.get("seen", 0)),
        ("indexed", summary.get("indexed", 0)),
        ("unchanged", summary.get("unchanged", 0)),
        ("quarantined", summary.get("quarantined", 0)),
    ]
    out += [(f"  quarantined: {r}", n) for r, n in sorted(summary.get("quarantine_reasons", {}).items())]
    out.append(("deleted (source gone)", summary.get("deleted", 0)))
    if summary.get("kept_missing"):
        out.append(("kept (source gone, --keep-missing)", summary["kept_missing"]))
    out += [("duration", f"{summary.get('duration_s', 0)} s")]
    return out


def language_rows(summary: dict) -> list[tuple[str, int, int]]:
    """(language, indexed this run, unchanged) per language."""
    indexed = summary.get("languages", {})
    unchanged = summary.get("unchanged_languages", {})
    return [(lang, indexed.get(lang, 0), unchanged.get(lang, 0)) for lang in sorted({*indexed, *unchanged})]


def markdown(summary: dict) -> str:
    lines = [
        f"# Ingest `{summary.get('source')}` → `{summary.get('alias')}`",
        "",
        f"Index `{summary.get('index')}`, task runner `{summary.get('task_runner', 'default')}`.",
        "",
        "| | count |",
        "|---|---:|",
        *(f"| {label.strip()} | {value} |" for label, value in rows(summary)),
    ]
    langs = language_rows(summary)
    if langs:
        lines += ["", "| language | indexed | unchanged |", "|---|---:|---:|",
                  *(f"| {lang} | {i} | {u} |" for lang, i, u in langs)]
    return "\n".join(lines) + "\n"


def publish(summary: dict) -> None:
    """Attach the report to the current flow run (visible under Artifacts in the Prefect UI)."""
    from prefect.artifacts import create_markdown_artifact

    create_markdown_artifact(markdown=markdown(summary), key=REPORT_KEY,
                             description=f"ingest {summary.get('source')} -> {summary.get('alias')}")
