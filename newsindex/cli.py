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
    _remember_parsers(p)
    return p


def _remember_parsers(parser: argparse.ArgumentParser) -> None:
    """Each (sub)command's parser is set as a default on itself: the innermost one that parsed wins, so a
    mistake argparse only notices at the top (an unknown flag) is shown with that command's usage."""
    parser.set_defaults(_parser=parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                _remember_parsers(child)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    leaf: argparse.ArgumentParser = getattr(args, "_parser", parser)
    if extra:
        leaf.error(f"unrecognized arguments: {' '.join(extra)}")
    problem = getattr(args, "check", lambda _args: None)(args)
    if problem:
        leaf.error(problem)
    return args


def main(argv: list[str] | None = None) -> int:
    started_at = time.time()  # a run's `duration` is the whole command, Prefect's start-up included
    args = parse(argv)
    args.started_at = started_at
    from common.settings import SettingsError, index_shape
    from indexing.client import OpenSearchUnavailable

    try:
        index_shape()  # a bad NEWSINDEX_SHARDS/REPLICAS is said before any work, not when an index is created
        return args.func(args) or 0
    except SettingsError as exc:
        error(str(exc))
        return 2
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
