"""The article record, declared once: its fields, their types, and which jobs each field serves.

`Article` is what cleaning and enrichment make (the DESIGN.md contract plus extras, in the order
`newsindex process --json` prints). `Record` is an article as a run carries it: plus where the input
came from and which pipeline made it. `Quarantined` is what the ledger keeps of an input that did not
go in. Every other list of fields (the slim record, the index document, a search hit, ...) is derived
here from the roles a field is annotated with, so adding a field is one line in one place.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, TypedDict, get_type_hints

# Roles a field can play besides being part of the record (a field may have several).
#: kept by the flow process once the index document is built: ids, story grouping, ledger, state
SLIM = "slim"
#: kept by the ledger for an input that did not go in (the `Quarantined` entry)
LEDGER = "ledger"
#: never indexed: facts about this machine's files, or evidence for the ledger only
LOCAL = "local"
#: shown in a search hit
HIT = "hit"
#: shown for each other version (language) of a hit's story
VERSION = "version"
#: read from the index to group a new article with the stories already there
STORY = "story"
#: read from the index to tell whether a document is unchanged
UNCHANGED = "unchanged"
#: text indexed again per language (`<field>_<suffix>`, with that language's analyser)
PER_LANGUAGE = "per_language"
#: compared between the live and the new index version by a re-index's quality report
COMPARED = "compared"


class Article(TypedDict):
    """One article (or one quarantined input): the record `articles.process_path` returns."""

    id: Annotated[str, SLIM, LEDGER, HIT, VERSION, STORY]
    source_path: Annotated[str, SLIM, LEDGER, HIT, VERSION]
    status: Annotated[Literal["ok", "quarantined"], SLIM]
    reason: Annotated[str | None, SLIM, LEDGER]
    language: Annotated[str | None, SLIM, HIT, VERSION, STORY, COMPARED]
    title: Annotated[str | None, HIT, PER_LANGUAGE, COMPARED]
    body: Annotated[str | None, PER_LANGUAGE]
    captions: Annotated[list[str], PER_LANGUAGE]
    section: Annotated[str | None, HIT]
    source: Annotated[str | None, HIT, VERSION, COMPARED]
    dateline: Annotated[str | None, COMPARED]
    published_at: Annotated[str | None, SLIM, HIT, VERSION, STORY, COMPARED]
    removed: list[dict[str, str]]
    story_id: Annotated[str | None, SLIM, HIT, STORY, COMPARED]
    content_hash: Annotated[str | None, SLIM, UNCHANGED]
    format: Annotated[str | None, SLIM, LEDGER]
    url: str | None
    fingerprint: Annotated[list[str], SLIM, STORY]
    names: list[str]
    encoding: str | None
    fixes: list[str]


class _Evidence(TypedDict, total=False):
    #: the input's hash, for a quarantined input only (an ok record has its content_hash)
    sha256: Annotated[str | None, SLIM, LEDGER, LOCAL]


class Record(Article, _Evidence):
    """An article as a run carries it from the reader to the index."""

    #: the input's key within its source folder (`#n` for a line of a JSONL file)
    source_key: Annotated[str, SLIM, LEDGER]
    input_path: Annotated[str, SLIM, LEDGER, LOCAL]
    pipeline_version: Annotated[str, SLIM, UNCHANGED]


def _hints(record_type: type) -> dict[str, Any]:
    return get_type_hints(record_type, include_extras=True)


@cache
def fields(record_type: type = Record, role: str | None = None, *, without: str | None = None) -> tuple[str, ...]:
    """The fields of `record_type` in declaration order: all, those with `role`, or those `without` a role."""
    out = []
    for name, hint in _hints(record_type).items():
        roles = getattr(hint, "__metadata__", ())
        if (role is None or role in roles) and (without is None or without not in roles):
            out.append(name)
    return tuple(out)


def string_lists(record_type: type = Record) -> tuple[str, ...]:
    """The fields typed list[str] (keyword lists in the mapping)."""
    return tuple(name for name, hint in get_type_hints(record_type).items() if hint == list[str])


#: The ledger's entry for an input that did not go in.
Quarantined = TypedDict("Quarantined", {name: _hints(Record)[name] for name in fields(Record, LEDGER)})  # type: ignore[misc]
