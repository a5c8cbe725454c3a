"""Turn scraped article text into body paragraphs, pulling out everything that is not the article.

One pass over paragraphs, in order, because position is what tells noise from text: crumbs and
date lines come before the body, a caption credit ends a line, and after the agency sign-off
("— VNA/VNS") a site only shows teasers for other articles. Every removal is recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from . import captions as cap
from .blocks import (
    PROSE_STOPWORD_DENSITY,
    Block,
    main_run,
    menu_like,
    signoff_agency,
    stop_density,
    verdict,
)
from .dates import DateMention, find_dates, parse_date_line
from .metadata import find_dateline, is_headline_like, is_section_like, last_crumb
from .rules import LINE_CACHE_SIZE, Rules, get_rules, per_line
from .templates import line_key
from .titles import Candidate, pick_title


@dataclass
class Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)
    section: str | None = None
    source: str | None = None
    dateline: str | None = None
    dateline_date: str | None = None
    header_dates: list[DateMention] = field(default_factory=list)
    restored: int = 0  # main-run paragraphs the guard put back

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def drop(self, kind: str, text: str) -> None:
        self.removed.append({"kind": kind, "text": text})


_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_SHARE_RESIDUE = re.compile(r"[\W\d_]*")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*$")
_BLANK_LINE = re.compile(r"\n\s*\n")
_PIPES = re.compile(r"[|\s]+")  # what a flattened figure leaves of a line
_LIST_ITEM = re.compile(r"[-•*·–]\s")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: each non-empty line, except hard-wrapped blocks, which are joined back."""
    blocks = _BLANK_LINE.split(text)
    out: list[str] = []
    for block in blocks:
        lines = [ln for ln in map(str.strip, block.split("\n")) if ln]
        if not lines:
            continue
        if _is_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: several long lines of similar width that mostly stop mid-sentence."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    widths = [len(ln) for ln in body]
    if min(widths) < 40 or max(widths) > 110:
        return False
    mid = sum(1 for ln in body if not _SENTENCE_END.search(ln))
    return mid >= len(body) * 0.6 and max(widths) - min(widths) <= 30


def is_share_bar(s: str, rules: Rules) -> bool:
    """A line made only of share-button words and separators. Remembered per line (bounded): the title
    candidates, the headline's placing and the main loop ask it of the same lines."""
    return len(s) <= 120 and _share_bar(s, rules)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _share_bar(s: str, rules: Rules) -> bool:
    stripped, n = rules.share_token.subn("", s)
    return n > 0 and _SHARE_RESIDUE.fullmatch(stripped) is not None


def _date_line(s: str, lang: str | None, rules: Rules) -> DateMention | None:
    """A line that is a date and little else ("Thứ Hai, 10/02/2026 10:09", "February 10, 2026 - 10:09").
    Remembered per line (bounded; a DateMention is frozen): title candidates, the headline's placing and the
    main loop ask it of the same lines."""
    return None if len(s) > 80 else _short_date_line(s, lang, rules)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def _short_date_line(s: str, lang: str | None, rules: Rules) -> DateMention | None:
    if not any(map(str.isdigit, s)):
        return None
    found = find_dates(s, lang, rules)
    if found:
        if s.rstrip().endswith("."):
            return None
        # drop the matched date span and clock/timezone bits, see what remains
        rest = _NUMBERS.sub(" ", s)
        if len(_WORD.findall(rest)) > 4:  # month and zone words go whole (never half a word): only then look
            rest = _zone_word(tuple(rules.time_zones)).sub(" ", rules_month_strip(rest, rules))
            if len(_WORD.findall(rest)) > 4:
                return None
        return found[0]
    if len(s) <= 60 and len(_WORD.findall(s)) <= 8:
        return parse_date_line(s, lang, rules)
    return None


_NUMBERS = re.compile(r"\d{1,4}([./:-]\d{1,4})*")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _zone_word(zones: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, zones)) or '(?!)'})\s*[+-]?\d*\b", re.I)


@lru_cache(maxsize=4)
def _month_word(month_alt: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{month_alt})\.?(?!\w)", re.I)


def rules_month_strip(s: str, rules: Rules) -> str:
    return _month_word(rules.month_alt).sub(" ", s)


def _lines(text: str, c: Cleaned) -> tuple[list[str], list[float], set[str]]:
    """Paragraph lines with images out, links unwrapped; each line's link density; the markdown headings."""
    lines: list[str] = []
    links: list[float] = []
    headings: set[str] = set()
    for para in split_paragraphs(text):
        images: list[str] = []
        if "![" in para:  # the markup tests are inlined: most lines have none (strip_images, unlink)
            para, images, alts = cap.strip_images(para)
            for img in images:
                c.drop("image", img)
            c.captions.extend(alts)
        raw = para.strip()
        line = cap.unlink(raw) if "](" in raw or raw[:2] in ("**", "__") else raw
        if images and (not line or _PIPES.fullmatch(line)):
            continue
        hm = _MD_HEADING.match(line) if line[:1] == "#" else None
        if hm:
            line = hm.group(1).strip()
            headings.add(line)
        kept = line.strip()
        if kept:
            linked = sum(len(m.group("text")) for m in cap.MD_LINK.finditer(raw)) if "](" in raw else 0
            lines.append(kept)
            links.append(linked / max(1, len(line)))
    return lines, links, headings


def _title_candidates(
    lines: list[str], blocks: list[Block], upto: int, headings: set[str], rules: Rules
) -> list[Candidate]:
    out = []
    for i in range(upto):
        s = lines[i]
        if not blocks[i].furniture and _may_be_title(s, rules):
            out.append(Candidate(i, s, heading=s in headings))
    return out


@per_line  # the lines above the text are mostly the site's header, the same on every page
def _may_be_title(s: str, rules: Rules) -> bool:
    """A line that could be the headline by its own wording and shape (furniture aside)."""
    if rules.crumb_line.match(s) or is_share_bar(s, rules) or not is_headline_like(s):
        return False
    if s.startswith(("|", "![")) or rules.crumb_home.match(s) or _crumb_trail(s, rules) is not None:
        return False  # a flattened figure, a breadcrumb
    if sum(w.isalpha() for w in s.split()) < 2:
        return False  # numbers and a word: a date or a count, whatever its spelling
    return not (rules.related_label.match(s) or cap.as_caption(s, rules) is not None or _date_line(s, None, rules))


def _placed_headline(
    cands: list[Candidate], lines: list[str], blocks: list[Block], first: int, rules: Rules
) -> Candidate | None:
    """The nearest candidate above the text when the layout says headline: a sentence's worth of words, not in
    capitals, not under a teaser label, with nothing but date lines and furniture between it and the body."""
    c = max(cands, key=lambda k: k.index)
    if len(c.text.split()) < 4 or (len(c.text) > 12 and c.text.isupper()):
        return None
    if any(rules.related_label.match(lines[j]) for j in range(c.index)):
        return None  # under a "Most read" label: a teaser list, not the page's headline
    between = range(c.index + 1, first)
    def header_only(j: int) -> bool:  # furniture, a date line or a figure's caption
        s = lines[j]
        return bool(
            blocks[j].furniture
            or is_share_bar(s, rules)
            or s.startswith(("|", "!["))
            or _date_line(s, None, rules) is not None
            or cap.as_caption(s, rules) is not None
        )

    return c if all(header_only(j) for j in between) else None


class _Facts(NamedTuple):
    """What a line's own wording says to the main loop of clean_text, found once per line (see _facts)."""

    share: bool  # a share bar
    crumb: bool  # a breadcrumb word alone
    teaser_label: bool | None  # a teaser label ("Related: ...") that drops the line; True: it opens a list
    credit: bool  # "(Reporting by X; Editing by Y)"
    source: str | None  # the agency of a source line ("Source: VNA", "(TASS)")
    tail_agency: str | None  # the agency when the line is only a credit or sign-off (blocks.signoff_agency)
    signoff: tuple[int, str | None] | None  # where a trailing agency sign-off starts, and its agency
    end_mark: str | None  # a configured end mark the line ends with


@per_line  # a site repeats its lines (and this corpus its paragraphs): one lookup instead of a dozen regexes
def _facts(s: str, rules: Rules) -> _Facts:
    rm = rules.related_label.match(s)
    teaser = None
    if rm:
        rest = rm.group("rest").strip()
        sep = s[: len(s) - len(rest)].rstrip()
        if not rest or re.search(r"[:：»›>…]|\.\.\.$", sep) or is_headline_like(rest):
            teaser = not rest
    sm = rules.source_line.match(s) or rules.agency_only.match(s)
    signoff = tail_agency = None
    if rules.ends_with_agency(s):
        so = rules.signoff.search(s, max(0, len(s) - 80))
        signoff = (so.start(), rules.canonical_agency(so.group("agency"))) if so else None
        tail_agency = signoff_agency(s, rules)
    elif sm:
        tail_agency = signoff_agency(s, rules)
    marks = tuple(rules.signoff_end_marks)
    return _Facts(
        share=is_share_bar(s, rules),
        crumb=rules.crumb_line.match(s) is not None,
        teaser_label=teaser,
        credit=len(s) <= 250 and rules.credit_line.match(s) is not None,
        source=rules.canonical_agency(sm.group("agency")) if sm else None,
        tail_agency=tail_agency,
        signoff=signoff,
        end_mark=next((mk for mk in marks if s.endswith(mk)), None) if s.endswith(marks) else None,
    )


_dateline = per_line(find_dateline)  # the first paragraphs of a site's pages often open alike


def clean_text(
    text: str,
    lang: str | None = None,
    rules: Rules | None = None,
    *,
    extracted: bool = False,
    template_lines: frozenset[str] = frozenset(),
) -> Cleaned:
    """Clean one article's text (already decoded and normalised). `extracted`: the text is what an HTML
    extractor kept as the article, so every line is in the main run and only wording and shape tell furniture.
    `template_lines`: keys (templates.line_key) of lines its site repeats across its documents (templates.py):
    furniture by that evidence alone, so they neither bound the main run nor become the title."""
    rules = rules or get_rules()
    c = Cleaned()
    lines, links, headings = _lines(text, c)
    blocks = [verdict(s, lang, rules, ld, extracted) for s, ld in zip(lines, links, strict=True)]  # shared: read only
    if template_lines:
        for i, b in enumerate(blocks):
            if line_key(b.text) in template_lines:
                blocks[i] = replace(b, furniture="template", good=False)
    header = _extract_header(blocks, lang, rules) if extracted else set()
    run = (max(header, default=-1) + 1, _extract_end(blocks, lang, rules)) if extracted and lines else main_run(blocks)
    first, last = run if run else (len(lines), len(lines))
    title_at = -1
    cands = [] if extracted else _title_candidates(lines, blocks, first, headings, rules)
    if cands:
        lead = " ".join(b.text for b in blocks[first : last + 1] if b.good or b.prose)[:500]
        dl = find_dateline(lead, rules) if lead else None
        lead = lead[dl.end :] if dl else lead  # "МОСКВА, 12 мар — РИА Новости." names the wire, not the story
        pick = pick_title(cands, lead, first, lang, rules, _placed_headline(cands, lines, blocks, first, rules))
        title_at = pick.index if pick else -1

    in_header = True  # nothing of the body seen yet
    signed_off = False
    related_mode = False
    tail = False  # past the main run, once a line there was not prose
    at: list[int] = []  # the line each paragraph came from
    i = -1
    while i + 1 < len(lines):
        i += 1
        s = lines[i].strip()
        b = blocks[i]
        f = _facts(s, rules)
        if signed_off or tail:
            agency = f.tail_agency
            if agency:
                c.source = c.source or agency
                c.drop("signoff", s)
                continue
            c.drop("share" if f.share else b.furniture or "related", s)
            continue
        if i == title_at:
            c.title = _without_site_name(s, lines, rules)
            continue
        if f.share:
            c.drop("share", s)
            continue
        if f.crumb:
            c.drop("crumb", s)
            continue
        if related_mode and s in headings:
            related_mode = False
        if related_mode:
            # a labelled block lists headlines; the first sentence-like paragraph is the article again
            if is_headline_like(s, 25) or _LIST_ITEM.match(s):
                c.drop("related", s)
                continue
            related_mode = False
        # pipe-table caption from a flattened figure: "| caption (Photo: X) |"
        pm = cap.PIPE_LINE.match(s) if s.startswith("|") else None
        if pm:
            inner = pm.group("text").strip(" |")
            if inner:
                text = cap.as_caption(inner, rules) or inner
                c.captions.append(text)
                c.drop("caption", s)
            else:
                c.drop("image", s)
            continue
        if s.rstrip(" |").startswith("![") or _PIPES.fullmatch(s):
            c.drop("image", s)
            continue
        if in_header and not b.furniture:  # "© РИА Новости / Сергей Гунеев" is a credit, not a crumb trail
            rest = _header_line(s, lines[i + 1 : i + 4], c, lang, rules)
            if rest:  # "date 2025-05-08 HÀ NỘI — ...": the text after a header date is read as its own line
                lines[i], blocks[i] = rest, verdict(rest, lang, rules)
                i -= 1
            if rest is not None:
                continue
        dm = _date_line(s, lang, rules) if len(c.paragraphs) < 4 else None
        if dm is not None:
            c.header_dates.append(dm)
            c.drop("date", s)
            continue
        caption = cap.as_caption(s, rules)
        if caption is not None and b.furniture != "licence":
            c.captions.append(caption)
            c.drop("caption", s)
            continue
        if f.teaser_label is not None and not b.good:
            c.drop("related", s)
            related_mode = f.teaser_label
            tail = tail or i > last
            continue
        if c.paragraphs and f.credit:
            c.drop("credit", s)  # "(Reporting by X; Editing by Y)"
            continue
        if f.source is not None and c.paragraphs and i >= first:  # a credit above the article's text signs nothing off
            c.source = c.source or f.source
            c.drop("signoff", s)
            # else a byline credit ("NAME / Associated Press")
            signed_off = not _article_follows(islice(lines, i + 1, None), c)
            continue
        if b.furniture:
            if i < first:
                c.header_dates.extend(find_dates(s, lang, rules)[:1])  # a byline "1 Feb 2026 · 3 min read"
            c.drop(b.furniture, s)
            continue
        if b.link_density >= LINK_LIST_DENSITY and not b.prose:
            c.drop("related", s)  # a line made of links: navigation or teasers, wherever it stands
            continue
        if i < first and not b.prose and (not extracted or i in header):
            c.header_dates.extend(find_dates(s, lang, rules)[:1])
            c.drop("menu", s)  # site name, menu, teaser above the article
            continue
        if i > last and not b.prose:
            agency = f.tail_agency
            if agency:  # "— VNS" on its own line
                c.source = c.source or agency
                c.drop("signoff", s)
                signed_off = True
                continue
            c.drop("related", s)  # teasers after the article
            tail = True
            continue
        if c.dateline is None and len(c.paragraphs) < 3:
            dl = _dateline(s, rules)
            if dl:
                c.dateline = dl.place or None
                c.source = c.source or dl.agency
                c.dateline_date = dl.date_text
                c.drop("dateline", s[: dl.end].strip())
                s = s[dl.end :].strip()
                f = _facts(s, rules)
        in_header = False
        so, end_mark = f.signoff, f.end_mark
        if so:
            c.source = c.source or so[1]
            c.drop("signoff", s[so[0] :].strip())
            s = s[: so[0]].rstrip()
            signed_off = not _article_follows(islice(lines, i + 1, None), c)
        elif end_mark and c.paragraphs:
            c.drop("signoff", end_mark)
            s = s[: -len(end_mark)].rstrip()
            signed_off = not _article_follows(islice(lines, i + 1, None), c)
        if s:
            c.paragraphs.append(s)
            at.append(i)
    _guard_main_run(c, blocks, first, last, at)
    return c


_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,6}")


def _without_site_name(title: str, lines: list[str], rules: Rules) -> str:
    """A title bar's headline without the site name appended ("Headline | Site", "Заголовок — Сайт"): the part
    after the last separator goes when the page prints it as a line of its own (its masthead) or it is a domain."""
    for sep in rules.raw.get("html_title_separators") or []:
        head, found, tail = title.rpartition(sep)
        tail = tail.strip()
        if not found or len(head.split()) < 3 or not tail or len(tail.split()) > 5:
            continue
        folded = tail.casefold()
        if _DOMAIN.fullmatch(tail) or any(ln.strip().casefold() == folded for ln in lines):
            return head.strip()
    return title


def _extract_header(blocks: list[Block], lang: str | None, rules: Rules) -> set[int]:
    """Lines of an extract above its first good block that are the page header, not text. Extractors keep the
    header's short lines (masthead, section, author's name, byline box): above the first line that reads as
    text, every line with too few words or no function words; between it (a standfirst) and the first good
    block, only a name (a few capitalised words). Without a stoplist nothing is judged."""
    out: set[int] = set()
    text_seen = False
    for i, b in enumerate(blocks):
        if b.good:
            return out
        if b.furniture:
            continue
        reads = _reads_as_text(b, lang, rules)
        if reads is None:
            continue
        if reads:
            text_seen = True
        elif not text_seen or (_is_name(b.text) and stop_density(b.text, lang, rules)[1] == 0):
            out.add(i)
    return set()  # no good block: nothing tells where the article starts


def _reads_as_text(b: Block, lang: str | None, rules: Rules) -> bool | None:
    """A sentence of a few words, or words dense enough in function words; None without a stoplist to judge."""
    n, density = stop_density(b.text, lang, rules)
    if density is None:
        return None
    return (b.sentence_end and n >= 4) or (n >= 5 and density >= PROSE_STOPWORD_DENSITY)


def _extract_end(blocks: list[Block], lang: str | None, rules: Rules) -> int:
    """The last line of an extract's text: what follows the last good block and does not read as text, to the
    end (the author's name, a rule line, teaser headlines), is the page's footer the extractor kept."""
    end: int | None = None
    for i in range(len(blocks) - 1, -1, -1):
        b = blocks[i]
        if b.good:
            return i if end is None else end
        if end is None and b.furniture is None and _reads_as_text(b, lang, rules) is not False:
            end = i  # text after the last good block: the article goes on to here
    return len(blocks) - 1  # no good block: nothing tells where the article ends


def _is_name(s: str) -> bool:
    """A few capitalised words and nothing else: a person's or a site's name."""
    words = s.split()
    return 0 < len(words) <= 5 and all(w[0].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words)


def _header_line(s: str, nxt: list[str], c: Cleaned, lang: str | None, rules: Rules) -> str | None:
    """Crumbs, section names and "Published: <date>" lines above the article: None when the line is none of
    them, else what is left of it to read ("" when all of it was consumed)."""
    hm = rules.header_date.match(s)
    if hm:
        rest = hm.group("rest")
        found = find_dates(rest, lang, rules)
        if found and found[0].pos <= 2 and not re.match(r"[^,;]*\d[,;]", rest):
            dm = found[0]
            c.header_dates.append(dm)
            after = _after_date(rest, dm)
            c.drop("crumb", s[: len(s) - len(after)].strip() if after else s)
            if after and is_section_like(after):
                c.section = c.section or after
                return ""
            return after
    trail = _crumb_trail(s, rules)
    if trail is not None:
        c.section = c.section or trail or None
        c.drop("crumb", s)
        return ""
    if _section_header(s, nxt, c, lang, rules):
        c.section = c.section or s
        c.drop("crumb", s)
        return ""
    cm = rules.crumb_home.match(s)
    if cm and len(s.split()) <= 10 and not _SENTENCE_END.search(s):
        rest = (cm.group("rest") or "").strip()
        if rest and not menu_like(rest) and not _word_menu(rest):  # "Home  Society  Economy  Sports": the menu
            c.section = last_crumb(rest) or c.section
        c.drop("crumb", s)
        return ""
    return None


LINK_LIST_DENSITY = 0.6  # share of a line's characters inside markdown links
GUARD_SHARE = 1 / 3  # the body must hold at least this share of the main run's good text


def _guard_main_run(c: Cleaned, blocks: list[Block], first: int, last: int, at: list[int]) -> None:
    """Losing the article is worse than keeping furniture: when the body lost most of the page's prose
    (a false sign-off, a teaser label read too wide), the main run's good blocks come back."""
    good = [(i, blocks[i].text) for i in range(first, min(last + 1, len(blocks))) if blocks[i].good]
    if not good:
        return
    body = "\n".join(c.paragraphs)
    kept = set(c.paragraphs)  # a block kept as it was is a paragraph: no need to search the body for it
    kept_paras = [p for p in c.paragraphs if len(p) >= 20]
    unseen = sum(len(t) for _, t in good)
    limit = (1 - GUARD_SHARE) * unseen
    lost: list[tuple[int, str]] = []
    lost_chars = 0
    for i, t in good:
        if lost_chars + unseen <= limit:
            return  # even losing every block not yet looked at keeps the share: no need to look
        unseen -= len(t)
        if t not in kept and t not in body and not any(p in t for p in kept_paras):
            lost.append((i, t))
            lost_chars += len(t)
    if lost_chars <= limit:
        return
    gone = {t for _, t in lost}
    merged = sorted([*zip(at, c.paragraphs, strict=True), *lost], key=lambda it: it[0])
    c.paragraphs = [t for _, t in merged]
    c.removed = [r for r in c.removed if r["text"] not in gone]
    c.restored = len(lost)


_TRAIL_SEP = re.compile(r"\s+[›»>|/]\s+|\s*[›»]\s*")


def _article_follows(rest: Iterable[str], c: Cleaned) -> bool:
    """Far more text after a sign-off than before it: it was a byline credit or a mid-page mark, not the end."""
    before = sum(len(p) for p in c.paragraphs)
    after = 0
    for line in rest:
        after += len(line)
        if after > max(2 * before, 1000):
            return True
    return False


def _crumb_trail(s: str, rules: Rules) -> str | None:
    """A breadcrumb trail ("News › Traffic", "Thời sự > Xã hội"): its last non-home item, "" when only home."""
    if len(s) > 120 or _SENTENCE_END.search(s):
        return None
    parts = [p.strip() for p in _TRAIL_SEP.split(s)]
    if not 2 <= len(parts) <= 6 or not all(p and len(p.split()) <= 4 and is_section_like(p) for p in parts):
        return None
    rest = [p for p in parts if not rules.crumb_home.match(p + " x") and not rules.crumb_line.match(p)]
    return rest[-1] if rest else ""


def _section_header(s: str, queue: list[str], c: Cleaned, lang: str | None, rules: Rules) -> bool:
    """A lone section name above the headline: a configured name, or a short line over a date line and a headline."""
    if c.section is not None or c.title is not None or c.paragraphs or not is_section_like(s) or len(s.split()) > 3:
        return False
    if rules.section_name.match(s):
        return True
    nxt = [q for q in list(queue)[:3] if q.strip()]
    return len(nxt) >= 2 and _date_line(nxt[0].strip(), lang, rules) is not None and is_headline_like(nxt[1].strip())


def _word_menu(s: str) -> bool:
    """Capitalised words run together with no path separator ("News Sport Business Life Opinion"): a menu
    flattened by the scrape. A section path has separators or is a name of one to three words."""
    words = s.split()
    return len(words) > 3 and not _TRAIL_SEP.search(s) and all(w[0].isupper() or w == "&" for w in words)


def _after_date(rest: str, dm: DateMention) -> str:
    """Text after a leading date (and its clock time) in a header line."""
    m = re.match(r"\s*\S+(?:\s+\d{1,2}:\d\d)?", rest[dm.pos :])
    # the date mention ends where its regex ended; re-find it conservatively
    iso = re.match(r"\s*(?:\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{4})(?:[T ]\d\d:\d\d(?::\d\d)?)?", rest[dm.pos :])
    if iso:
        return rest[dm.pos + iso.end() :].strip()
    m = re.match(r"[^,|]*\d{4}(?:\s*[-–,]?\s*\d{1,2}:\d\d)?", rest[dm.pos :])
    return rest[dm.pos + m.end() :].strip(" ,|-–") if m else ""
