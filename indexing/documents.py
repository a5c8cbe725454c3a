"""Turn an article record into the document we index: per-language text fields and a transliteration."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from unidecode import unidecode

from indexing.template import languages

#: Record fields copied as they are into the index document.
KEPT = (
    "id", "source_path", "source_key", "status", "reason", "format", "url", "language", "title", "body",
    "captions", "section", "source", "dateline", "published_at", "story_id", "fingerprint", "names",
    "content_hash", "pipeline_version", "removed", "encoding", "fixes",
)
#: Keyword lists in the mapping: whatever shape a record gives them, they are indexed as strings.
STRING_LISTS = ("captions", "fingerprint", "names", "fixes")


def lang_suffix(language: str | None) -> str:
    """The field suffix whose analyser fits this language; unknown languages fold."""
    return languages().get(language or "", "other")


def transliterate(text: str) -> str:
    """Latin form of any script, so that `Bezdetko` and `Бездетко` meet in one field."""
    return unidecode(text or "")


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
    doc["translit"] = transliterate("\n".join(part for part in (title, body, *captions, names) if part))
    doc["indexed_at"] = (indexed_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    return doc
