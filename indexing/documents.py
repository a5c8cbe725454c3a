"""Turn an article record into the document we index: per-language text fields and a transliteration."""

from __future__ import annotations

from datetime import datetime, timezone

from unidecode import unidecode

from indexing.template import languages

#: Record fields copied as they are into the index document.
KEPT = (
    "id", "source_path", "source_key", "status", "reason", "format", "url", "language", "title", "body",
    "captions", "section", "source", "dateline", "published_at", "story_id", "fingerprint", "names",
    "content_hash", "pipeline_version", "removed", "encoding", "fixes",
)


def lang_suffix(language: str | None) -> str:
    """The field suffix whose analyser fits this language; unknown languages fold."""
    return languages().get(language or "", "other")


def transliterate(text: str) -> str:
    """Latin form of any script, so that `Bezdetko` and `Бездетко` meet in one field."""
    return unidecode(text or "")


def to_document(record: dict, *, indexed_at: datetime | None = None) -> dict:
    doc = {k: record.get(k) for k in KEPT if k in record}
    doc["story_id"] = record.get("story_id") or record.get("id")
    removed = record.get("removed") or []
    doc["removed_count"] = len(removed)
    doc["removed_kinds"] = sorted({item.get("kind", "?") for item in removed})
    suffix = lang_suffix(record.get("language"))
    title = record.get("title") or ""
    body = record.get("body") or ""
    captions = " ".join(record.get("captions") or [])
    doc[f"title_{suffix}"] = title
    doc[f"body_{suffix}"] = body
    names = " ".join(record.get("names") or [])
    doc["translit"] = transliterate("\n".join(part for part in (title, body, captions, names) if part))
    doc["indexed_at"] = (indexed_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    return doc
