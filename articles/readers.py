"""Read one input (a file or bytes) into article records: txt, html, jsonl/json, or sniffed.

Never raises for bad input: what cannot be an article becomes a quarantined record with a reason,
and the rest of a batch (or of a JSONL file) goes on.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .decode import Undecodable, decode_bytes, fix_text
from .html import extract_html, has_prose
from .record import build_record, quarantined, sha256, stable_id
from .rules import get_rules
from .templates import Templates, signature, source_of

ARTICLE_MAX_BYTES = 20 * 1024 * 1024
_EXT = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
TEXT_KEYS = ("text", "body", "content", "article", "article_text")
HTML_KEYS = ("html", "raw_html", "content_html", "body_html")
# publication date keys, most specific first; `fetched_at` (when the scraper ran) is never a publication date
DATE_KEYS = (
    "published_at", "datePublished", "published", "pubDate", "publishedAt", "published_date", "pub_date",
    "publish_date", "date", "dateCreated",
)


def max_bytes() -> int:
    """NEWSINDEX_MAX_BYTES (default 20 MB): inputs above it are quarantined unread, so memory stays bounded."""
    try:
        value = int(os.environ.get("NEWSINDEX_MAX_BYTES") or ARTICLE_MAX_BYTES)
    except ValueError:
        return ARTICLE_MAX_BYTES
    return value if value > 0 else ARTICLE_MAX_BYTES


def file_sha256(path: str) -> str | None:
    """Streamed (1 MiB at a time): a 50 MB input costs 1 MiB of memory, not 50.

    None for what cannot be read as a file: a FIFO or device would block open() forever."""
    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def precheck(path: str) -> str | None:
    """Why `path` cannot be read as an article, decided without reading it into memory; None when it can.

    Guards the reader against inputs that would hang it (a FIFO blocks forever on open) or blow memory
    (the size policy, `max_bytes`: larger inputs are quarantined as "too large").
    """
    try:
        st = os.stat(path)  # follows symlinks: a dangling link or a loop fails here
    except FileNotFoundError:
        return "unreadable: no such file (dangling symlink, or removed during the run)"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "unreadable: symlink loop"
        return f"unreadable: {exc.strerror or type(exc).__name__}"
    if stat.S_ISDIR(st.st_mode):
        return "unreadable: is a directory"
    if not stat.S_ISREG(st.st_mode):
        return "unreadable: not a regular file (FIFO, socket or device)"
    limit = max_bytes()
    if st.st_size > limit:
        return f"too large: {st.st_size} bytes (limit {limit}, NEWSINDEX_MAX_BYTES)"
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except PermissionError:
        return "unreadable: permission denied"
    except OSError as exc:
        return f"unreadable: {exc.strerror or type(exc).__name__}"
    return None


def sniff_format(data: bytes, name: str = "") -> str:
    """Format from the extension, else from the first bytes."""
    ext = Path(name).suffix.lower()
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    markup = head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        head.startswith(b"<") and any(t in head for t in (b"<body", b"<p>", b"<article", b"<div", b"<head", b"<html"))
    )
    if ext in _EXT:
        fmt = _EXT[ext]
        return "html" if fmt == "txt" and markup else fmt  # a saved web page named .txt
    if markup:
        return "html"
    if head.startswith(b"{"):
        lines = [ln for ln in data[:65536].splitlines() if ln.strip()]
        if len(lines) > 1 and all(ln.lstrip().startswith(b"{") for ln in lines[:-1]):
            return "jsonl"
        return "json"
    if head.startswith(b"["):
        return "json"
    return "txt"


@dataclass
class Draft:
    """An article read and decoded, not yet cleaned: cleaning waits until its site's templates are learned."""

    text: str
    source_path: str
    kwargs: dict[str, Any] = field(default_factory=dict)  # the rest of build_record's arguments

    @property
    def source(self) -> str:
        return source_of(self.source_path, (self.kwargs.get("meta") or {}).get("url"), self.text)


Loaded = dict[str, Any] | Draft


def _few_docs(sources: dict[int, str], doc_ids: dict[int, str], min_docs: int) -> set[str]:
    """Sources with fewer than `min_docs` documents here. Without a store they learn nothing whatever their
    documents' signatures (Templates.lines_for), so a multi-site feed need not compute those signatures."""
    docs: dict[str, set[str]] = {}
    for key, source in sources.items():
        docs.setdefault(source, set()).add(doc_ids[key])
    return {source for source, ids in docs.items() if len(ids) < min_docs}


def finish(loaded: list[Loaded], templates: Templates | None = None) -> list[dict[str, Any]]:
    """Records from what was read: every draft's signature is learned first, then each is cleaned."""
    own = templates is None  # a set only this call reads: no store, nobody asks for its signatures
    templates = templates if templates is not None else Templates()
    drafts = [d for d in loaded if isinstance(d, Draft)]
    # too few documents to learn from and nothing to store (a lone file): skip the work
    learning = templates.keeps_evidence or len(drafts) >= templates.cfg.min_docs
    sources = {id(d): d.source for d in drafts} if learning else {}
    doc_ids = {id(d): stable_id(d.source_path) for d in drafts} if learning else {}
    few = _few_docs(sources, doc_ids, templates.cfg.min_docs) if own else set()
    for d in drafts if learning else ():
        if sources[id(d)] not in few:
            templates.add(sources[id(d)], doc_ids[id(d)], signature(d.text, templates.cfg))
    if learning:
        templates.prefetch()  # a store that cannot be read fails the batch, it does not quarantine its articles
    out: list[dict[str, Any]] = []
    for d in loaded:
        if not isinstance(d, Draft):
            out.append(d)
            continue
        try:
            lines = templates.lines_for(sources[id(d)]) if learning else frozenset()
            out.append(build_record(d.text, source_path=d.source_path, template_lines=lines, **d.kwargs))
        except Exception as exc:  # noqa: BLE001 - the contract: bad input never stops a batch
            kw = d.kwargs
            out.append(quarantined(d.source_path, f"unprocessable: {type(exc).__name__}: {exc}", kw.get("fmt"),
                                   kw.get("content_hash"), kw.get("encoding")))
    return out


def process_paths(
    items: Iterable[tuple[str | os.PathLike[str], str | None]], templates: Templates | None = None
) -> list[dict[str, Any]]:
    """Records for many files, cleaned with the templates their sites show across all of them (and `templates`'
    stored ones): the same records for the same set of files, in any order."""
    loaded = [d for path, sp in items for d in load_path(path, sp)]
    return finish(loaded, templates)


def process_path(
    path: str | os.PathLike[str], source_path: str | None = None, templates: Templates | None = None
) -> list[dict[str, Any]]:
    """Records for one file; a file too large, unreadable or missing is one quarantined record."""
    return finish(load_path(path, source_path), templates)


def load_path(path: str | os.PathLike[str], source_path: str | None = None) -> list[Loaded]:
    """What one file holds, read and decoded: drafts, or quarantined records for what cannot be an article."""
    p = Path(path)
    sp = source_path if source_path is not None else str(path)
    member = _member(p)
    if member is not None:  # "feed.jsonl#3": one record of a multi-article file
        base_sp = sp[: sp.rindex("#")] if "#" in sp else sp
        recs = load_path(member[0], base_sp)
        want = f"{base_sp}#{member[1]}"
        picked = [r for r in recs if _source_path(r) == want]
        fmt = recs[0].kwargs.get("fmt") if isinstance(recs[0], Draft) else recs[0]["format"]
        return picked or [quarantined(sp, f"unreadable: no record #{member[1]} in {member[0].name}", fmt)]
    fmt = _EXT.get(p.suffix.lower())
    try:
        st = p.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):  # what p.is_dir() asks, without a second stat call
            return [quarantined(sp, "unreadable: is a directory", fmt)]
        limit = max_bytes()
        if size > limit:
            return [quarantined(sp, f"too large: {size} bytes (limit {limit}, NEWSINDEX_MAX_BYTES)", fmt)]
        data = p.read_bytes()
    except PermissionError:
        return [quarantined(sp, "unreadable: permission denied", fmt)]
    except FileNotFoundError:
        return [quarantined(sp, "unreadable: no such file", fmt)]
    except OSError as exc:
        return [quarantined(sp, f"unreadable: {exc.strerror or exc}", fmt)]
    return load_bytes(data, sp, fmt=None if fmt is None else sniff_format(data, p.name))


def _source_path(d: Loaded) -> str:
    return d.source_path if isinstance(d, Draft) else d.get("source_path")


_MEMBER = re.compile(r"^(?P<base>.+)#(?P<n>\d+)$")


def _member(p: Path) -> tuple[Path, int] | None:
    """A "file#N" path naming record N of an existing JSON/JSONL file (the ids records carry)."""
    m = _MEMBER.match(str(p))
    if not m or p.exists():
        return None
    base = Path(m.group("base"))
    if _EXT.get(base.suffix.lower()) not in ("json", "jsonl") or not base.is_file():
        return None
    return base, int(m.group("n"))


def process_bytes(
    data: bytes, source_path: str, *, fmt: str | None = None, meta: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Records for one input given as bytes (format from `fmt`, the name, or the bytes)."""
    return finish(load_bytes(data, source_path, fmt=fmt, meta=meta))


def load_bytes(
    data: bytes, source_path: str, *, fmt: str | None = None, meta: dict[str, Any] | None = None
) -> list[Loaded]:
    """Drafts (or quarantined records) for one input given as bytes."""
    try:
        fmt = fmt or sniff_format(data, source_path)
        if not data:
            return [quarantined(source_path, "empty: the file has no bytes", fmt, sha256(data))]
        if len(data) > max_bytes():
            return [quarantined(source_path, f"too large: {len(data)} bytes", fmt, sha256(data))]
        if fmt in ("jsonl", "json"):
            return _json_records(data, source_path, fmt, meta or {})
        return [_one(data, source_path, fmt, meta or {})]
    except Exception as exc:  # noqa: BLE001 - the contract: bad input never stops a batch
        return [quarantined(source_path, f"unprocessable: {type(exc).__name__}: {exc}", fmt, sha256(data))]


def _one(data: bytes, source_path: str, fmt: str, meta: dict[str, Any]) -> Loaded:
    digest = sha256(data)
    if not data.strip():
        return quarantined(source_path, "whitespace only: no text in the file", fmt, digest)
    try:
        dec = decode_bytes(data)
    except Undecodable as exc:
        return quarantined(source_path, str(exc), fmt, digest)
    if not dec.text.strip():
        return quarantined(source_path, "whitespace only: no text in the file", fmt, digest, dec.encoding)
    if fmt == "html":
        return _html(dec.text, source_path, digest, dec.encoding, dec.fixes, meta)
    return Draft(
        dec.text, source_path, dict(fmt=fmt, content_hash=digest, encoding=dec.encoding, fixes=dec.fixes, meta=meta)
    )


def _html(
    markup: str,
    source_path: str,
    digest: str,
    encoding: str | None,
    fixes: list[str],
    meta: dict[str, Any],
    fmt: str = "html",
) -> Loaded:
    rules = get_rules()
    art = extract_html(markup, rules)
    if not has_prose(art.text, rules):
        return quarantined(
            source_path, "no article: the page holds no run of prose, only site furniture", fmt, digest, encoding
        )
    merged = {**art.meta, **{k: v for k, v in meta.items() if v not in (None, "")}}
    return Draft(art.text, source_path, dict(fmt=fmt, content_hash=digest, encoding=encoding, fixes=fixes,
                                             meta=merged, captions=art.captions, removed=art.removed, rules=rules,
                                             extracted=True))


def _json_records(data: bytes, source_path: str, fmt: str, meta: dict[str, Any]) -> list[Loaded]:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return [quarantined(source_path, "binary: not a text file", fmt, sha256(data))]
    try:
        text = decode_bytes(data).text if fmt == "json" else None
    except Undecodable as exc:
        return [quarantined(source_path, str(exc), fmt, sha256(data))]
    if fmt == "json" and text is not None:
        try:
            doc = json.loads(text)
        except ValueError:
            doc = None
        if doc is not None:
            items = doc if isinstance(doc, list) else _items_of(doc)
            return [
                _json_item(item, f"{source_path}#{i}", json.dumps(item, ensure_ascii=False).encode(), meta, "json")
                for i, item in enumerate(items, 1)
            ] or [quarantined(source_path, "empty: the JSON holds no articles", fmt, sha256(data))]
        # not one JSON document: maybe JSON lines with a .json name
    out: list[Loaded] = []
    for lineno, raw in enumerate(data.splitlines(), 1):
        if not raw.strip():
            continue
        sp = f"{source_path}#{lineno}"
        try:
            item = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            out.append(quarantined(sp, "undecodable: JSON line is not UTF-8", "jsonl", sha256(raw)))
            continue
        except ValueError as exc:
            out.append(quarantined(sp, f"broken JSON line: {exc}", "jsonl", sha256(raw)))
            continue
        out.append(_json_item(item, sp, raw, meta))
    return out or [quarantined(source_path, "empty: no JSON lines", fmt, sha256(data))]


def _items_of(doc: Any) -> list[Any]:
    if isinstance(doc, dict):
        for key in ("articles", "items", "data", "results", "documents"):
            if isinstance(doc.get(key), list):
                return list(doc[key])
        return [doc]
    return [doc]


def _json_item(item: Any, sp: str, raw: bytes, meta: dict[str, Any], fmt: str = "jsonl") -> Loaded:
    digest = sha256(raw)
    if not isinstance(item, dict):
        return quarantined(sp, "not an article: JSON value is not an object", fmt, digest)
    given = {
        "url": item.get("url") or item.get("link"),
        "title": item.get("title") or item.get("headline"),
        "published_at": next((item[k] for k in DATE_KEYS if item.get(k) not in (None, "")), None),
        "language": item.get("language") or item.get("lang"),
        "source": item.get("source") if isinstance(item.get("source"), str) else None,
        "section": item.get("section") or item.get("category"),
        **{k: v for k, v in meta.items() if v not in (None, "")},
    }
    given = {k: (fix_text(v, []) if isinstance(v, str) else v) for k, v in given.items() if v not in (None, "")}
    html = next((item[k] for k in HTML_KEYS if isinstance(item.get(k), str) and item[k].strip()), None)
    text = next((item[k] for k in TEXT_KEYS if isinstance(item.get(k), str) and item[k].strip()), None)
    fixes: list[str] = []
    if text is not None:
        return Draft(fix_text(text, fixes), sp,
                     dict(fmt="jsonl", content_hash=digest, encoding="utf-8", fixes=fixes, meta=given))
    if html is not None:
        return _html(fix_text(html, fixes), sp, digest, "utf-8", fixes, given, fmt=fmt)
    has_field = any(k in item for k in TEXT_KEYS + HTML_KEYS)
    reason = "empty: the article text is blank" if has_field else "not an article: no text or html field"
    return quarantined(sp, reason, fmt, digest)
