"""The `newsindex` command line: each command lives in newsindex/commands/ and only wraps flows and indexing."""

from __future__ import annotations

import argparse
import sys
import time

from newsindex.output import error


def build_parser() -> argparse.ArgumentParser:
    from newsindex.commands import ALL

    p = argparse.ArgumentParser(prog="newsindex", description="Scraped news -> multilingual OpenSearch index.")
    sub = p.add_subparsers(dest="command", required=True)
    for command in ALL:
        command.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    started_at = time.time()  # a run's `duration` is the whole command, Prefect's start-up included
    args = build_parser().parse_args(argv)
    args.started_at = started_at
    from indexing.client import OpenSearchUnavailable

    try:
        return args.func(args) or 0
    except OpenSearchUnavailable as exc:
        error(str(exc))
        return 3
    except BrokenPipeError:  # `newsindex search ... | head` is fine
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        error("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
