"""Turn an article record into the document we index: per-language text fields and a transliteration."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timezone

import orjson
from unidecode import unidecode

from articles.record_type import LOCAL, Record, fields, string_lists
from indexing.template import languages

#: Record fields copied as they are into the index document.
KEPT = fields(Record, without=LOCAL)
#: Key of the ready-to-index document (UTF-8 JSON without story_id, `document_bytes`) in a prepared record.
DOC = "_doc"
#: Keyword lists in the mapping: whatever shape a record gives them, they are indexed as strings.
STRING_LISTS = string_lists(Record)


def lang_suffix(language: str | None) -> str:
    """The field suffix whose analyser fits this language; unknown languages fold."""
    return languages().get(language or "", "other")


_LATIN: dict[int, str] = {}  # code point -> unidecode of it; bounded by _LATIN_MAX
_LATIN_MAX = 65536


def transliterate(text: str) -> str:
    """Latin form of any script, so that `Bezdetko` and `Бездетко` meet in one field. unidecode replaces each
    character on its own, in a Python loop per character (the dearest part of a Russian document); the same
    replacements as one str.translate over a table of the text's distinct characters give the same string."""
    text = text or ""
    if text.isascii():
        return text
    table = _LATIN
    missing = {ord(c) for c in set(text) if not c.isascii()} - table.keys()
    if missing:
        if len(table) + len(missing) > _LATIN_MAX:
            table = dict(table)  # this text only: the shared table stays bounded
        for cp in missing:
            table[cp] = unidecode(chr(cp))
    return text.translate(table)


_CAPITALISED_RUN = re.compile(r"(?:\b[^\W\d_a-z][^\W\d_]*\s+){1,3}\b[^\W\d_a-z][^\W\d_]*")


def _accented_names(text: str) -> list[str]:
    """Distinct capitalised word runs that carry a diacritic: the names whose Latin spellings vary."""
    runs = (m.group(0) for m in _CAPITALISED_RUN.finditer(text))
    return list(dict.fromkeys(r for r in runs if not r.isascii() and r[0].isupper()))


def _mostly_latin(text: str, sample: int = 2000) -> bool:
    """Over 80% of the sample's letters are Latin; counted per distinct character (a C pass counts them)."""
    letters = latin = 0
    for c, n in Counter(text[:sample]).items():
        if c.isalpha():
            letters += n
            if c < "\u0250" or "\u1e00" <= c <= "\u1eff":
                latin += n
    if not letters:
        return True
    return latin / letters > 0.8


def _strings(value: object) -> list[str]:
    """A strict mapping rejects a dict where it expects a keyword: flatten anything to strings."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True) for v in items]


def to_document(record: dict, *, indexed_at: datetime | None = None) -> dict:
    doc = {k: record.get(k) for k in KEPT if k in record}
    for key in STRING_LISTS:
        if key in doc:
            doc[key] = _strings(doc[key])
    doc["story_id"] = record.get("story_id") or record.get("id")
    removed = record.get("removed") or []
    doc["removed_count"] = len(removed)
    doc["removed_kinds"] = sorted({item.get("kind", "?") if isinstance(item, dict) else "?" for item in removed})
    suffix = lang_suffix(record.get("language"))
    title = record.get("title") or ""
    body = record.get("body") or ""
    captions = _strings(record.get("captions"))
    doc[f"title_{suffix}"] = title
    doc[f"body_{suffix}"] = body
    doc[f"captions_{suffix}"] = captions
    names = " ".join(_strings(record.get("names")))
    # Latin-script bodies are searched as they are (their analysers fold diacritics), so only other
    # scripts pay for a transliterated copy of the body, in a field of its own (translit_body): joining
    # its words (translit.joined) finds nothing a Latin query needs, and they were 70% of translit's text.
    # Titles, captions and names always get one; capitalised runs with diacritics (`Hà Nội`,
    # `Hồ Chí Minh`) join up in translit.joined (`hanoi`).
    latin = _mostly_latin(body)
    accented = " ; ".join(_accented_names(body)) if latin else ""
    doc["translit"] = transliterate("\n".join(p for p in (title, *captions, names, accented) if p))
    if not latin:  # an empty body counts as Latin: nothing to copy
        doc["translit_body"] = transliterate(body)
    doc["indexed_at"] = (indexed_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    # Dashboards filters by one time field: an undated article sits at its indexing time, flagged, rather
    # than vanishing from every time-filtered view.
    doc["date_unknown"] = not record.get("published_at")
    doc["timeline_at"] = record.get("published_at") or doc["indexed_at"]
    return doc


def document_bytes(record: dict, *, indexed_at: datetime | None = None) -> bytes:
    """to_document as UTF-8 JSON *without* its story_id, for `with_story_id` to complete once stories are known.

    Built where the CPU work runs (a worker process), so the flow process only splices in the story id and
    ships bytes: no dict to rebuild, no JSON to encode there.
    """
    doc = to_document(record, indexed_at=indexed_at)
    del doc["story_id"]
    # orjson: the same JSON (dates through str, as json.dumps(default=str) does) for a third of the CPU
    return orjson.dumps(doc, default=str, option=orjson.OPT_PASSTHROUGH_DATETIME)


def with_story_id(doc: bytes, story_id: str) -> bytes:
    """Complete a `document_bytes` document: the same JSON as `to_document` gives (key order aside)."""
    return b"".join((doc[:-1], b', "story_id": ', json.dumps(story_id).encode(), b"}"))
