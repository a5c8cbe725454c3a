"""Article text and metadata out of an HTML page.

Structured metadata beats guessing from text: <meta property="article:published_time">, <time
datetime>, JSON-LD datePublished, h1 / og:title / <title>. The body comes from <article>, else
<main>, else itemprop=articleBody, else the block holding the most paragraph text; navigation,
asides, footers, scripts and share/related widgets go first. <figcaption> becomes a caption.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Tag

from .dates import parse_date_line
from .metadata import is_section_like
from .rules import Rules

BLOCKS = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "dd",
    "dt",
    "div",
    "section",
    "figure",
    "table",
    "tr",
    "ul",
    "ol",
    "header",
]
_DATE_META = [
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "date"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("property", "og:published_time"),
]


@dataclass
class HtmlArticle:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    captions: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)


def _meta(soup: BeautifulSoup, attr: str, value: str, metas: list[Tag] | None = None) -> str | None:
    """content of the first <meta> whose `attr` is `value` (any case); `metas`: the page's <meta> tags,
    collected once, in document order (what soup.find would walk through for each call)."""
    pat = re.compile(rf"^{re.escape(value)}$", re.I)
    tag = None
    if metas is not None and all(isinstance(m.get(attr), (str, type(None))) for m in metas):
        tag = next((m for m in metas if (v := m.get(attr)) is not None and pat.search(v)), None)
    else:
        tag = soup.find("meta", attrs={attr: pat})
    if isinstance(tag, Tag):
        content = tag.get("content")
        if isinstance(content, str) and content.strip():
            return content.strip()
    return None


def _json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for tag in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.I)}):
        try:
            data = json.loads(tag.string or "")
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


def _clean_title(title: str, rules: Rules) -> str:
    seps = rules.raw.get("html_title_separators") or [" | ", " - "]
    for sep in seps:
        if sep in title:
            head = title.rsplit(sep, 1)[0].strip()
            if len(head.split()) >= 3:
                return head
    return title.strip()


def _drop_noise(root: Tag, rules: Rules, removed: list[dict[str, str]]) -> None:
    for name in rules.raw.get("html_drop_tags") or []:
        for t in root.find_all(name):
            t.decompose()
    words = [w.lower() for w in rules.raw.get("html_drop_class_words") or []]
    if not words:
        return
    pat = re.compile("|".join(re.escape(w) for w in words))
    for t in root.find_all(True):
        if getattr(t, "decomposed", False):
            continue
        attrs = getattr(t, "attrs", None)
        if not attrs or t.name in ("html", "body", "article", "main"):
            continue
        cls = " ".join(attrs.get("class") or []) + " " + str(attrs.get("id") or "")
        if cls.strip() and pat.search(cls.lower()):
            text = t.get_text(" ", strip=True)
            if text:
                kind = "share" if "shar" in cls.lower() or "social" in cls.lower() else "related"
                if "breadcrumb" in cls.lower():
                    kind = "crumb"
                removed.append({"kind": kind, "text": text[:500]})
            t.decompose()


def _container(soup: BeautifulSoup) -> Tag | None:
    arts = soup.find_all("article")
    if arts:
        return max(arts, key=lambda t: len(t.get_text(" ", strip=True)))
    # main, [itemprop="articleBody"], [role="main"]: the CSS selectors' matches, found without soupsieve
    for name, attrs in (("main", {}), (None, {"itemprop": "articleBody"}), (None, {"role": "main"})):
        t = soup.find(name, attrs=attrs)
        if isinstance(t, Tag):
            return t
    best: Tag | None = None
    best_len = 0
    # distinct parents in document order, keyed by identity: Tag.__hash__ serialises the whole subtree
    parents: dict[int, Tag] = {}
    for p in soup.find_all("p"):
        if isinstance(p.parent, Tag):
            parents.setdefault(id(p.parent), p.parent)
    for parent in parents.values():
        n = sum(len(p.get_text(" ", strip=True)) for p in parent.find_all("p", recursive=False))
        if n > best_len:
            best, best_len = parent, n
    return best or soup.body


def _text_of(root: Tag) -> str:
    for br in root.find_all("br"):
        br.replace_with("\n")
    for t in root.find_all(BLOCKS):
        t.insert_before("\n\n")
        t.insert_after("\n\n")
    raw = root.get_text()
    lines = [" ".join(ln.split()) for ln in raw.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def extract_html(markup: str, rules: Rules) -> HtmlArticle:
    """Article text, captions and structured metadata from an HTML document."""
    soup = BeautifulSoup(markup, "lxml")
    meta: dict[str, Any] = {}
    ld = _json_ld(soup)
    metas = [m for m in soup.find_all("meta") if isinstance(m, Tag)]  # read before the tree is pruned
    for attr, value in _DATE_META:
        v = _meta(soup, attr, value, metas)
        if v:
            meta["published_at"] = v
            break
    if "published_at" not in meta:
        for item in ld:
            if item.get("datePublished"):
                meta["published_at"] = str(item["datePublished"])
                break
    section = _meta(soup, "property", "article:section", metas) or next(
        (str(i["articleSection"]) for i in ld if isinstance(i.get("articleSection"), str) and i["articleSection"]), None
    )
    section = section or _breadcrumb_section(soup, rules)
    if section:
        meta["section"] = section
    url = None
    canon = soup.find("link", rel="canonical")
    if isinstance(canon, Tag) and canon.get("href"):
        url = str(canon.get("href"))
    url = url or _meta(soup, "property", "og:url", metas)
    if url:
        meta["url"] = url
    html_tag = soup.find("html")
    if isinstance(html_tag, Tag) and html_tag.get("lang"):
        meta["html_lang"] = str(html_tag.get("lang")).split("-")[0].lower()
    og_title = _meta(soup, "property", "og:title", metas)
    doc_title = soup.title.get_text(" ", strip=True) if soup.title else None

    removed: list[dict[str, str]] = []
    # <time datetime> before the tree is pruned (it often sits in a header)
    if "published_at" not in meta:
        t = soup.find("time", attrs={"datetime": True})
        if isinstance(t, Tag):
            meta["published_at"] = str(t.get("datetime"))
    if "published_at" not in meta:
        shown = _shown_date(soup, rules, meta.get("html_lang"))
        if shown:
            meta["published_at"] = shown
    root = _container(soup)
    if root is None:
        return HtmlArticle(text="", meta=meta)
    lead = _lead_outside(soup, root, rules)
    h1 = root.find("h1") or soup.find("h1")
    title = h1.get_text(" ", strip=True) if isinstance(h1, Tag) else None
    title = title or og_title or (_clean_title(doc_title, rules) if doc_title else None)
    if og_title and title == og_title or (doc_title and title == doc_title):
        title = _clean_title(title, rules)
    if title:
        meta["title"] = title
    if isinstance(h1, Tag) and h1 in root.find_all("h1"):
        h1.decompose()
    captions: list[str] = []
    for fc in root.find_all("figcaption"):
        text = fc.get_text(" ", strip=True)
        if text:
            captions.append(text)
            removed.append({"kind": "caption", "text": text})
        fc.decompose()
    for fig in root.find_all("figure"):
        if not fig.get_text(strip=True):
            fig.decompose()
    _drop_noise(root, rules, removed)
    text = _text_of(root)
    if lead and lead not in text:
        text = f"{lead}\n\n{text}"
    return HtmlArticle(text=text, meta=meta, captions=captions, removed=removed)


def _class_pattern(rules: Rules, key: str) -> re.Pattern[str] | None:
    words = [str(w).lower() for w in rules.raw.get(key) or []]
    return re.compile("|".join(re.escape(w) for w in words)) if words else None


def _classes(t: Tag) -> str:
    attrs = getattr(t, "attrs", None) or {}
    cls = attrs.get("class") or []
    return (" ".join(cls) if isinstance(cls, list) else str(cls)) + " " + str(attrs.get("id") or "")


def _breadcrumb_section(soup: BeautifulSoup, rules: Rules) -> str | None:
    """Last item of a breadcrumb trail (home items skipped): the site section."""
    pat = _class_pattern(rules, "html_breadcrumb_class_words")
    if pat is None:
        return None
    home = {w.lower() for w in rules.markers["crumb_home"]}
    for t in soup.find_all(True):
        if t.name in ("html", "body", "meta", "script", "style") or not pat.search(_classes(t).lower()):
            continue
        items = [x.get_text(" ", strip=True) for x in t.find_all(["a", "li", "span"]) if not x.find(["a", "li"])]
        items = [x for x in items if x and x.lower() not in home and x.strip("›»>/|") and len(x) <= 60]
        if items and is_section_like(items[-1]):
            return items[-1]
    return None


def _shown_date(soup: BeautifulSoup, rules: Rules, lang: str | None) -> str | None:
    """A full date shown in a date/time element (header of the page), when no metadata gives one."""
    pat = _class_pattern(rules, "html_date_class_words")
    if pat is None:
        return None
    for t in soup.find_all(["span", "div", "p", "time", "li"]):
        if not pat.search(_classes(t).lower()):
            continue
        text = t.get_text(" ", strip=True)
        if not text or len(text) > 80:
            continue
        dm = parse_date_line(text, lang, rules)
        if dm is not None and dm.year is not None and dm.as_date() is not None:
            return dm.iso()
    return None


def _lead_outside(soup: BeautifulSoup, root: Tag, rules: Rules) -> str | None:
    """The lead paragraph (sapo, standfirst) when the page keeps it beside the body container."""
    pat = _class_pattern(rules, "html_lead_class_words")
    if pat is None:
        return None
    for t in soup.find_all(["p", "div", "h2", "span"]):
        if t is root or root in t.parents or t in root.parents:
            continue
        if not pat.search(_classes(t).lower()) or t.find_parent(["nav", "aside", "footer", "header"]):
            continue
        text = " ".join(t.get_text(" ", strip=True).split())
        if len(text.split()) >= 8:
            return text
    return None
