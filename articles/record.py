"""Assemble the article record (the DESIGN.md contract plus extras) from cleaned text and metadata.

Precedence for every field: metadata handed in (JSON fields, HTML meta) beats what the text says,
which beats nothing: a field without evidence is null, never made up.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from .clean import Cleaned, clean_text
from .dates import DateMention, find_dates, normalise_given, resolve
from .language import detect_language
from .names import extract_names, fingerprint, names_with_ascii
from .record_type import Article, fields
from .rules import Rules, get_rules

FIELDS = fields(Article)


STORY_TEXT_CHARS = 60_000  # names, fingerprint and year evidence are read from this much of the body


def stable_id(source_path: str) -> str:
    """Same input path -> same id (re-runs overwrite, never duplicate)."""
    norm = unicodedata.normalize("NFC", source_path.replace("\\", "/"))
    while norm.startswith("./"):
        norm = norm[2:]
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:20]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def empty_record(source_path: str, fmt: str | None, content_hash: str | None) -> dict[str, Any]:
    rec: dict[str, Any] = dict.fromkeys(FIELDS)
    rec.update(
        id=stable_id(source_path),
        source_path=source_path,
        status="ok",
        captions=[],
        removed=[],
        fingerprint=[],
        names=[],
        fixes=[],
        format=fmt,
        content_hash=content_hash,
    )
    return rec


def quarantined(
    source_path: str, reason: str, fmt: str | None = None, content_hash: str | None = None, encoding: str | None = None
) -> dict[str, Any]:
    """A record for input that cannot be an article; the batch goes on."""
    rec = empty_record(source_path, fmt, content_hash)
    rec.update(status="quarantined", reason=reason, encoding=encoding)
    return rec


def _pick_date(c: Cleaned, body: str, title: str | None, lang: str | None, rules: Rules) -> str | None:
    """Header date (with its clock time when a date line gives one) > dateline date > lead date."""
    body = body[:STORY_TEXT_CHARS]
    context = f"{title}\n\n{body}" if title else body  # the text fingerprint() scans: one cached date pass
    if c.header_dates:
        first = c.header_dates[0]
        for dm in c.header_dates:
            same_day = (dm.year in (None, first.year)) and (dm.month, dm.day) == (first.month, first.day)
            if dm.hour is not None and same_day:
                first = DateMention(first.year or dm.year, first.month, first.day, 0, dm.hour, dm.minute)
                break
        iso = resolve(first, context, lang, rules)
        if iso:
            return iso
    if c.dateline_date:
        found = find_dates(c.dateline_date, lang, rules)
        if found:
            iso = resolve(found[0], context, lang, rules)
            if iso:
                return iso
    for para in c.paragraphs[:2]:
        found = find_dates(para[:400], lang, rules)
        if found:
            iso = resolve(found[0], context, lang, rules)
            if iso:
                return iso
    return None


def _same_text(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).strip().lower()  # noqa: E731
    return norm(a) == norm(b)


def build_record(
    text: str,
    *,
    source_path: str,
    fmt: str,
    content_hash: str | None,
    encoding: str | None = None,
    fixes: list[str] | None = None,
    meta: dict[str, Any] | None = None,
    captions: list[str] | None = None,
    removed: list[dict[str, str]] | None = None,
    rules: Rules | None = None,
    extracted: bool | None = None,
    template_lines: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Clean and enrich one article's text into a record (quarantined when no article text remains).
    `extracted`: the text is an HTML extractor's article (default: when fmt is html), see clean_text.
    `template_lines`: its site's furniture learned from the site's documents (templates.py)."""
    rules = rules or get_rules()
    meta = meta or {}
    rec = empty_record(source_path, fmt, content_hash)
    rec.update(encoding=encoding, fixes=list(fixes or []), url=meta.get("url") or None)
    given_lang = meta.get("language")
    lang = str(given_lang).lower()[:2] if given_lang else detect_language(text, rules, use_model=False)
    c = clean_text(text, lang, rules, extracted=fmt == "html" if extracted is None else extracted,
                   template_lines=template_lines)
    title = (str(meta["title"]).strip() or None) if meta.get("title") else None
    if title:
        if c.title and not _same_text(c.title, title):
            c.paragraphs.insert(0, c.title)  # the text's first line was not the headline after all
        if c.paragraphs and _same_text(c.paragraphs[0], title):
            c.drop("title", c.paragraphs.pop(0))
    else:
        title = c.title
    body = "\n\n".join(c.paragraphs)
    if not body.strip():
        reason = "no article: only site furniture (menus, promos, footers), no text"
        return quarantined(source_path, reason, fmt, content_hash, encoding)
    if lang is None:
        lang = detect_language(f"{title or ''}\n{body}", rules) or meta.get("html_lang") or None
    if c.restored:
        rec["fixes"].append("main-run-restored")  # the cleaning would have lost the article: see clean._guard_main_run
    all_captions = list(captions or []) + c.captions
    rec.update(
        language=lang,
        title=title,
        body=body,
        captions=list(dict.fromkeys(x for x in all_captions if x)),
        section=meta.get("section") or c.section,
        source=meta.get("source") or c.source,
        dateline=meta.get("dateline") or c.dateline,
        removed=list(removed or []) + c.removed,
    )
    given_date = normalise_given(meta.get("published_at"))
    rec["published_at"] = given_date or _pick_date(c, body, title, lang, rules)
    head = body[:STORY_TEXT_CHARS]  # a story is told in its first pages: bounded cost on huge inputs
    names = extract_names(f"{title}\n\n{head}" if title else head, rules)
    rec["names"] = names_with_ascii(names)
    rec["fingerprint"] = fingerprint(title, head, lang, rules, names)
    return rec
