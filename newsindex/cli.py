"""The `newsindex` command line: thin wrappers that call flows and indexing, and print for people or scripts."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from newsindex.output import error, json_line, summary_table
from newsindex.settings import DEFAULT_ALIAS


def _quiet_prefect() -> None:
    """Local runs need no server; keep Prefect's own chatter and shutdown noise off the user's terminal."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_LOGGING_INTERNAL_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def cmd_process(args: argparse.Namespace) -> int:
    import articles

    records = []
    for f in args.files:
        records.extend(articles.process_path(f, source_path=f))
    articles.assign_story_ids(records)
    for rec in records:
        if args.json:
            json_line(rec)
        else:
            status = rec["status"] if rec["status"] == "ok" else f"quarantined: {rec.get('reason')}"
            print(f"{rec['source_path']}\t{rec.get('language') or '-'}\t{rec.get('published_at') or '-'}\t"
                  f"{(rec.get('title') or '-')[:60]}\t{status}")
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    _quiet_prefect()
    from flows.ingest import ingest

    summary = ingest(source=args.source, alias=args.alias)
    if args.json:
        json_line(summary)
    else:
        rows = [(k, summary[k]) for k in ("seen", "indexed", "unchanged", "quarantined")]
        rows += [(f"  {lang}", n) for lang, n in sorted(summary["languages"].items())]
        rows += [(f"  quarantined: {r}", n) for r, n in sorted(summary["quarantine_reasons"].items())]
        rows += [("index", summary["index"]), ("seconds", summary["duration_s"])]
        summary_table(f"ingest {summary['source']} -> {summary['alias']}", rows)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from indexing.client import check_reachable, make_client
    from indexing.search import Filters, search
    from newsindex.settings import Settings

    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    hits = search(client, args.alias, args.query,
                  Filters(lang=args.lang, source=args.source, date_from=args.date_from, date_to=args.date_to),
                  size=args.size)
    if args.json:
        for h in hits:
            json_line(h)
        return 0
    if not hits:
        print(f"no hits for {args.query!r}")
    for i, h in enumerate(hits, 1):
        date = (h.get("published_at") or "-")[:10]
        print(f"{i}. {h.get('title') or '(no title)'}  [{h.get('language')}, {date}]")
        print(f"   {h.get('source_path')}")
        if h.get("snippet"):
            print(f"   {h['snippet']}")
        if h["versions"]:
            langs = ", ".join(sorted({v.get('language') or '?' for v in h['versions']}))
            print(f"   + {len(h['versions'])} more version(s): {langs}")
    return 0


def cmd_opensearch(args: argparse.Namespace) -> int:
    script = Path(__file__).resolve().parents[1] / "scripts" / "opensearch-local.sh"
    return subprocess.call(["bash", str(script), args.action])


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsindex", description="Scraped news -> multilingual OpenSearch index.")
    sub = p.add_subparsers(dest="command", required=True)

    sp = sub.add_parser("process", help="clean + enrich files, one record per article (no services needed)")
    sp.add_argument("files", nargs="+")
    sp.add_argument("--json", action="store_true", help="one JSON record per line")
    sp.set_defaults(func=cmd_process)

    sp = sub.add_parser("ingest", help="run the ingest flow on a source folder")
    sp.add_argument("source", nargs="?", default="seeds")
    sp.add_argument("--alias", default=DEFAULT_ALIAS)
    sp.add_argument("--json", action="store_true", help="end with a JSON summary line")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("search", help="search the index behind the alias")
    sp.add_argument("query")
    sp.add_argument("--alias", default=DEFAULT_ALIAS)
    sp.add_argument("--lang")
    sp.add_argument("--source")
    sp.add_argument("--from", dest="date_from")
    sp.add_argument("--to", dest="date_to")
    sp.add_argument("--size", type=int, default=10)
    sp.add_argument("--json", action="store_true", help="one hit per line")
    sp.set_defaults(func=cmd_search)

    sp = sub.add_parser("opensearch", help="start/stop/status of a local OpenSearch node")
    sp.add_argument("action", choices=["start", "stop", "status"])
    sp.set_defaults(func=cmd_opensearch)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from indexing.client import OpenSearchUnavailable

    try:
        return args.func(args) or 0
    except OpenSearchUnavailable as exc:
        error(str(exc))
        return 3
    except KeyboardInterrupt:
        error("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
