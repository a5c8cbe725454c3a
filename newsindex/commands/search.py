"""`newsindex search`: one hit per story, highlighted."""

from __future__ import annotations

import argparse

from newsindex.arguments import add_alias, iso_date, language, positive_int
from newsindex.output import error, json_line


def _version_line(v: dict) -> str:
    date = (v.get("published_at") or "-")[:10]
    source = f", {v['source']}" if v.get("source") else ""
    seen = "matches" if v.get("matched") else "same story, does not match the query"
    return f"[{v.get('language') or '?'}, {date}{source}] {v.get('source_path')}  ({seen})"


def _print_hits(query: str, hits: list[dict]) -> None:
    if not hits:
        print(f"no hits for {query!r}")
    for i, h in enumerate(hits, 1):
        date = (h.get("published_at") or "-")[:10]
        source = f", {h['source']}" if h.get("source") else ""
        print(f"{i}. {h.get('title') or '(no title)'}  [{h.get('language')}, {date}{source}]")
        print(f"   {h.get('source_path')}")
        if h.get("snippet"):
            print(f"   {' '.join(h['snippet'].split())}")
        if h["versions"]:
            langs = ", ".join(sorted({v.get("language") or "?" for v in h["versions"]}))
            n = len(h["versions"])
            print(f"   {n} more version{'s' if n > 1 else ''}: {langs}")
            for v in h["versions"]:
                print(f"     {_version_line(v)}")


def check(args: argparse.Namespace) -> str | None:
    """Mistakes in the flags, found before any request: a reversed date range would quietly find nothing."""
    from indexing.search import check_range

    try:
        check_range(args.date_from, args.date_to)
    except ValueError as exc:
        return str(exc)
    return None


def run(args: argparse.Namespace) -> int:
    from opensearchpy.exceptions import NotFoundError, RequestError

    from common.settings import Settings
    from indexing.client import check_reachable, make_client
    from indexing.search import Filters, search

    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    filters = Filters(lang=args.lang, source=args.source, date_from=args.date_from, date_to=args.date_to)
    try:
        hits = search(client, args.alias, args.query, filters, size=args.size)
    except NotFoundError:
        error(f"no index behind alias {args.alias!r}: run `newsindex ingest` first")
        return 1
    except ValueError as exc:  # a --from/--to that is not a date, or a reversed range
        error(str(exc))
        return 2
    except RequestError as exc:
        error(f"OpenSearch rejected the search: {exc.error}")
        return 2
    if args.json:
        for h in hits:
            json_line(h)
    else:
        _print_hits(args.query, hits)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("search", help="search the index behind the alias")
    sp.add_argument("query")
    add_alias(sp)
    sp.add_argument("--lang", type=language, help="only articles in this language (en, ru, vi, ...)")
    sp.add_argument("--source", help="only articles credited to this source, e.g. TASS")
    sp.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD", help="published on or after")
    sp.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help="published on or before")
    sp.add_argument("--size", type=positive_int, default=10, help="stories to show (default 10)")
    sp.add_argument("--json", action="store_true", help="one hit per line")
    sp.set_defaults(func=run, check=check)
