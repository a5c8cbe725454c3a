"""`newsindex search`: one hit per story, highlighted."""

from __future__ import annotations

import argparse

from newsindex.output import json_line
from newsindex.settings import DEFAULT_ALIAS


def run(args: argparse.Namespace) -> int:
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


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("search", help="search the index behind the alias")
    sp.add_argument("query")
    sp.add_argument("--alias", default=DEFAULT_ALIAS)
    sp.add_argument("--lang")
    sp.add_argument("--source")
    sp.add_argument("--from", dest="date_from")
    sp.add_argument("--to", dest="date_to")
    sp.add_argument("--size", type=int, default=10)
    sp.add_argument("--json", action="store_true", help="one hit per line")
    sp.set_defaults(func=run)
