"""`newsindex rollback`: point the alias back at the version before the live one."""

from __future__ import annotations

import argparse

from newsindex.arguments import add_alias
from newsindex.output import error, json_line


def run(args: argparse.Namespace) -> int:
    from common.settings import Settings
    from indexing import versions
    from indexing.client import check_reachable, make_client

    settings = Settings.from_env()
    client = make_client(settings)
    check_reachable(client, settings)
    live = versions.current(client, args.alias)
    target = versions.previous(client, args.alias)
    if target is None:
        where = f"it points at {live}" if live else "it does not exist"
        error(f"no previous version of alias {args.alias!r} to roll back to ({where})")
        return 1
    versions.swap(client, args.alias, target)
    count = client.count(index=args.alias)["count"]
    if args.json:
        json_line({"alias": args.alias, "index": target, "from": live, "docs": count})
    else:
        print(f"{args.alias} -> {target} (was {live}), {count} documents")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("rollback", help="point the alias back at the previous index version")
    add_alias(sp)
    sp.add_argument("--json", action="store_true", help="print a JSON summary line")
    sp.set_defaults(func=run)
