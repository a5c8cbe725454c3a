"""The run report: one summary dict, shown as a Prefect markdown artifact and as the CLI's table.

A reindex adds its quality report (what the new version changed against the live one, and the gate's
verdict); `quality_rows` renders it for both.
"""

from __future__ import annotations

import re

from indexing.compare import LABELS

TITLES = {"ingest": "Ingest", "reindex": "Reindex", "quarantine-retry": "Quarantine retry"}


def report_key(kind: str, alias: str) -> str:
    """The artifact key, per kind and alias (`ingest-report-news`): runs of two aliases never share one.
    Prefect keys take lower-case letters, digits and dashes only."""
    return re.sub(r"[^a-z0-9-]+", "-", f"{kind}-report-{alias}".lower()).strip("-")


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
    if "cleared" in summary:
        out.append(("quarantine entries cleared", summary["cleared"]))
    out += [("duration", f"{summary.get('duration_s', 0)} s")]
    return out


def language_rows(summary: dict) -> list[tuple[str, int, int]]:
    """(language, indexed this run, unchanged) per language."""
    indexed = summary.get("languages", {})
    unchanged = summary.get("unchanged_languages", {})
    return [(lang, indexed.get(lang, 0), unchanged.get(lang, 0)) for lang in sorted({*indexed, *unchanged})]


def _short(value: object, width: int = 60) -> str:
    text = "-" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def quality_rows(quality: dict) -> list[tuple[str, object]]:
    """A reindex's comparison with the live version, as (label, value) lines with indented examples."""
    docs = quality["documents"]
    out: list[tuple[str, object]] = [
        ("live documents", f"{docs['live']} ({quality.get('live_index') or 'nothing live'})"),
        ("new documents", f"{docs['new']} ({quality.get('new_index')})"),
        ("added", docs["added"]),
        *((f"    + {e['source_path']}", "") for e in quality.get("added_examples", [])),
        ("missing", docs["missing"]),
        *((f"    - {e['source_path']}", "") for e in quality.get("missing_examples", [])),
        ("changed", docs["changed"]),
    ]
    for name, info in quality["fields"].items():
        out.append((f"  {LABELS.get(name, name)} changed", info["changed"]))
        out += [(f"    {e['source_path']}", f"{_short(e['old'])} → {_short(e['new'])}") for e in info["examples"]]
    q = quality.get("quarantined") or {}
    live_q, new_q = q.get("live") or {}, q.get("new") or {}
    out.append(("quarantined (live → new)", f"{sum(live_q.values())} → {sum(new_q.values())}"))
    out += [(f"  {kind}", f"{live_q.get(kind, 0)} → {new_q.get(kind, 0)}") for kind in sorted({*live_q, *new_q})]
    verdict = ("refused: " + "; ".join(quality["refused"]) if quality.get("refused") and not quality.get("forced")
               else "swapped (forced past: " + "; ".join(quality["refused"]) + ")" if quality.get("refused")
               else "passed")
    out.append(("gate", verdict))
    return out


def _table(rows_: list[tuple[str, object]], head: str = "| | count |\n|---|---:|") -> list[str]:
    cell = lambda v: str(v).replace("|", "\\|")  # noqa: E731
    return [head, *(f"| {cell(label.strip())} | {cell(value)} |" for label, value in rows_)]


def markdown(summary: dict, kind: str = "ingest") -> str:
    lines = [
        f"# {TITLES.get(kind, kind)} `{summary.get('source')}` → `{summary.get('alias')}`",
        "",
        f"Index `{summary.get('index')}`, task runner `{summary.get('task_runner', 'default')}`.",
        "",
        *_table(rows(summary)),
    ]
    langs = language_rows(summary)
    if langs:
        lines += ["", "| language | indexed | unchanged |", "|---|---:|---:|",
                  *(f"| {lang} | {i} | {u} |" for lang, i, u in langs)]
    if summary.get("report"):
        lines += ["", "## Against the live version", "", *_table(quality_rows(summary["report"]),
                                                                 "| | |\n|---|---|")]
    return "\n".join(lines) + "\n"


def publish(summary: dict, kind: str = "ingest") -> None:
    """Attach the report to the current flow run (visible under Artifacts in the Prefect UI)."""
    from prefect.artifacts import create_markdown_artifact

    create_markdown_artifact(markdown=markdown(summary, kind), key=report_key(kind, summary.get("alias", "")),
                             description=f"{kind} {summary.get('source')} -> {summary.get('alias')}")
