"""Arguments several commands share, checked where they are parsed so a mistake gets the command's own usage."""

from __future__ import annotations

import argparse

from common.settings import default_alias


def add_alias(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--alias", default=default_alias(),
                        help="the alias to use (default: $NEWSINDEX_ALIAS, else news)")


def known_languages() -> tuple[list[str], list[str]]:
    """(languages with their own analysers, other languages the pipeline detects and indexes folded)."""
    from articles.rules import get_rules
    from indexing.template import languages

    own = sorted(languages())
    return own, sorted(set(get_rules().detect_with) - set(own))


def language(value: str) -> str:
    """An argparse type: a language code the index can hold, else an error naming the ones it can."""
    code = value.strip().lower()
    own, detected = known_languages()
    if code in own or code in detected:
        return code
    raise argparse.ArgumentTypeError(
        f"unknown language {value!r}: use a code from config/index/languages.json ({', '.join(own)})"
        + (f" or another language the pipeline detects ({', '.join(detected)})" if detected else ""))


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return number


def iso_date(value: str) -> str:
    """An argparse type: the value as given, once it parses as an ISO date."""
    from indexing.search import date_bound

    try:
        date_bound(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value
