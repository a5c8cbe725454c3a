"""Page metadata (title, publication date, language, URL, section) from the HTML the publisher wrote.

Structured metadata beats guessing from text. Title: JSON-LD `headline`, Dublin Core / Open Graph / Twitter
titles as written, else `<title>` minus the site name (the part after the last separator, when the rest is
still a headline or agrees with the page's `<h1>`). Date: JSON-LD `datePublished` over `dateModified`, then
the `article:published_time` family of meta tags, then `<time datetime>`, then a date shown in an element
whose class says it is one. Never the clock.
"""

from __future__ import annotations

import json
import re
from typing import Any

from resiliparse.parse.html import HTMLTree, Node

from .dates import find_dates
from .metadata import is_section_like
from .rules import Rules

# meta tags naming the publication date, most specific first (attribute, value)
_DATE_META = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "parsely-pub-date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "publication_date"),
    ("name", "sailthru.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.created"),
    ("name", "dc.date"),
    ("name", "date"),
    ("property", "og:published_time"),
)
# meta tags holding the headline as the publisher wrote it, in the order readers trust them
_TITLE_META = (
    ("name", "dc.title"),
    ("name", "dcterm.title"),
    ("name", "dcterms.title"),
    ("property", "og:title"),
    ("name", "og:title"),
    ("name", "twitter:title"),
    ("property", "twitter:title"),
    ("name", "parsely-title"),
)
_WORD = re.compile(r"\w+")
_JSON_WRAP = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")  # old XHTML habits around JSON-LD


def select(node: Node, css: str) -> list[Node]:
    """query_selector_all as a list: iterating Resiliparse's node list itself costs a selector run per item."""
    return node.query_selector_all(css).values()


def metas(tree: HTMLTree) -> dict[str, str]:
    """`<meta>` contents keyed by "attr:value" in lower case (first one wins; space-separated keys split)."""
    out: dict[str, str] = {}
    for m in select(tree.document, "meta"):
        content = (m.getattr("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            for key in (m.getattr(attr) or "").lower().split():
                out.setdefault(f"{attr}:{key}", content)
    return out


def json_ld(tree: HTMLTree) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, `@graph` members included, in document order."""
    out: list[dict[str, Any]] = []
    for tag in select(tree.document, 'script[type*="ld+json" i]'):
        try:
            data = json.loads(_JSON_WRAP.sub("", tag.text or ""))
        except (ValueError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return out


def _text(node: Node | None) -> str:
    return " ".join((node.text or "").split()) if node is not None else ""


def fold(s: str | None) -> str:
    return " ".join(_WORD.findall((s or "").casefold()))


def doc_title_headline(title: str, h1s: list[str], rules: Rules) -> str:
    """`<title>` minus the site name: the text before a separator when it agrees with an `<h1>`, else the text
    before the last separator when it is still a headline (3 words or more), else the whole title."""
    title = " ".join(title.split())
    seps = rules.raw.get("html_title_separators") or [" | ", " - "]
    folded_h1 = {fold(h) for h in h1s}
    cuts = sorted(
        {title.rfind(sep) for sep in seps if sep in title} | {title.find(sep) for sep in seps if sep in title}
    )
    for cut in reversed(cuts):  # longest head first
        head = title[:cut].strip()
        if fold(head) in folded_h1:
            return head
    for sep in seps:
        head = title.rsplit(sep, 1)[0].strip()
        if sep in title and len(head.split()) >= 3:
            return head
    return title


def page_title(tree: HTMLTree, meta: dict[str, str], ld: list[dict[str, Any]], rules: Rules) -> str | None:
    h1s = [t for t in (_text(h) for h in select(tree.document, "h1")) if t]
    heads = [str(i["headline"]).strip() for i in ld if isinstance(i.get("headline"), str) and i["headline"].strip()]
    doc_title = _text(tree.document.query_selector("head title") or tree.document.query_selector("title"))
    if heads:
        # a JSON-LD headline is trusted when the page shows it (title or h1) or nothing else names the page
        folded = fold(doc_title) + " " + " ".join(fold(h) for h in h1s)
        if fold(heads[0]) in folded or not (doc_title or h1s):
            return " ".join(heads[0].split())
    for attr, value in _TITLE_META:
        v = " ".join(meta.get(f"{attr}:{value}", "").split())
        if v and not h1s and fold(v) == fold(doc_title):  # <title> copied, site name and all, and no headline shown
            return doc_title_headline(v, h1s, rules)
        if v:
            return v
    if doc_title:
        return doc_title_headline(doc_title, h1s, rules)
    return h1s[0] if h1s else None


def _has_clock(value: str) -> bool:
    """A stamp with a time of day other than midnight: a date-only value is often the day in another zone."""
    m = re.search(r"[T ](\d\d):(\d\d)", value)
    return bool(m) and m.group(0)[1:] != "00:00"


def _ld_value(ld: list[dict[str, Any]], key: str) -> str | None:
    return next((str(i[key]).strip() for i in ld if isinstance(i.get(key), str) and i[key].strip()), None)


def page_date(
    tree: HTMLTree, meta: dict[str, str], ld: list[dict[str, Any]], rules: Rules, lang: str | None
) -> str | None:
    """JSON-LD datePublished, the published-time meta tags, JSON-LD dateCreated / dateModified, `<time datetime>`,
    a date shown in a date-classed element; of the first two, a stamp with a clock time beats a bare date."""
    ld_date = _ld_value(ld, "datePublished")
    meta_date = next((v for attr, value in _DATE_META if (v := meta.get(f"{attr}:{value}"))), None)
    if ld_date and meta_date and not _has_clock(ld_date) and _has_clock(meta_date):
        return meta_date
    date = ld_date or meta_date or _ld_value(ld, "dateCreated") or _ld_value(ld, "dateModified")
    if date:
        return date
    for t in select(tree.document, "time[datetime]"):
        v = (t.getattr("datetime") or "").strip()
        if v and re.match(r"\d{4}-\d\d-\d\d", v):
            return v
    return _shown_date(tree, rules, lang)


def _class_selector(words: list[str]) -> str:
    return ", ".join(f'[class*="{w}" i], [id*="{w}" i]' for w in words)


def _shown_date(tree: HTMLTree, rules: Rules, lang: str | None) -> str | None:
    """A full date shown in a date/time element (header of the page), when no metadata gives one."""
    words = [str(w).lower() for w in rules.raw.get("html_date_class_words") or []]
    if not words:
        return None
    for t in select(tree.document, _class_selector(words)):
        if t.tag not in ("span", "div", "p", "time", "li"):
            continue
        text = _text(t)
        if not text or len(text) > 80:
            continue
        dm = next(iter(find_dates(text, lang, rules)), None)
        if dm is not None and dm.year is not None and dm.as_date() is not None:
            return dm.iso()
    return None


def page_section(tree: HTMLTree, meta: dict[str, str], ld: list[dict[str, Any]], rules: Rules) -> str | None:
    section = meta.get("property:article:section") or next(
        (str(i["articleSection"]) for i in ld if isinstance(i.get("articleSection"), str) and i["articleSection"]), None
    )
    return section or _breadcrumb_section(tree, rules)


def _breadcrumb_section(tree: HTMLTree, rules: Rules) -> str | None:
    """Last item of a breadcrumb trail (home items skipped): the site section."""
    words = [str(w).lower() for w in rules.raw.get("html_breadcrumb_class_words") or []]
    if not words:
        return None
    home = {w.lower() for w in rules.markers["crumb_home"]}
    for t in select(tree.document, _class_selector(words)):
        if t.tag in ("html", "body", "meta", "script", "style"):
            continue
        items = [_text(x) for x in select(t, "a, li, span") if x.query_selector("a, li") is None]
        items = [x for x in items if x and x.lower() not in home and x.strip("›»>/|") and len(x) <= 60]
        if items and is_section_like(items[-1]):
            return items[-1]
    return None


def page_meta(tree: HTMLTree, rules: Rules) -> dict[str, Any]:
    """title, published_at, section, url, html_lang: what the page states about itself (absent keys: unknown)."""
    meta = metas(tree)
    ld = json_ld(tree)
    out: dict[str, Any] = {}
    html = tree.document.query_selector("html")
    lang = (html.getattr("lang") or "") if html is not None else ""
    lang = lang or meta.get("property:og:locale", "")
    if lang.strip():
        out["html_lang"] = re.split(r"[-_]", lang.strip())[0].lower()
    canon = tree.document.query_selector('link[rel~="canonical" i][href]')
    url = (canon.getattr("href") if canon is not None else None) or meta.get("property:og:url")
    if url:
        out["url"] = url.strip()
    title = page_title(tree, meta, ld, rules)
    if title:
        out["title"] = title
    date = page_date(tree, meta, ld, rules, out.get("html_lang"))
    if date:
        out["published_at"] = date
    section = page_section(tree, meta, ld, rules)
    if section:
        out["section"] = section
    return out
