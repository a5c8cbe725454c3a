"""Turn scraped article text into body paragraphs, pulling out everything that is not the article.

One pass over paragraphs, in order, because position is what tells noise from text: crumbs and
date lines come before the body, a caption credit ends a line, and after the agency sign-off
("— VNA/VNS") a site only shows teasers for other articles. Every removal is recorded.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache

from . import captions as cap
from .dates import DateMention, find_dates, parse_date_line
from .metadata import find_dateline, is_headline_like, is_section_like, last_crumb
from .rules import Rules, get_rules
from .templates import line_key


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

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def drop(self, kind: str, text: str) -> None:
        self.removed.append({"kind": kind, "text": text})


_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_SHARE_RESIDUE = re.compile(r"[\W\d_]*")
_SENTENCE_END = re.compile(r"[.!?…]['\"”’»)]*$")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: each non-empty line, except hard-wrapped blocks, which are joined back."""
    blocks = re.split(r"\n\s*\n", text)
    out: list[str] = []
    for block in blocks:
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
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
    """A line made only of share-button words and separators."""
    if len(s) > 120:
        return False
    stripped, n = rules.share_token.subn("", s)
    return n > 0 and _SHARE_RESIDUE.fullmatch(stripped) is not None


def _date_line(s: str, lang: str | None, rules: Rules) -> DateMention | None:
    """A line that is a date and little else ("Thứ Hai, 10/02/2026 10:09", "February 10, 2026 - 10:09")."""
    if len(s) > 80 or not any(ch.isdigit() for ch in s):
        return None
    found = find_dates(s, lang, rules)
    if found:
        dm = found[0]
        # drop the matched date span and clock/timezone bits, see what remains
        rest = re.sub(r"\d{1,4}([./:-]\d{1,4})*", " ", s)
        rest = rules_month_strip(rest, rules)
        rest = re.sub(r"\b(?:GMT|UTC|ICT|MSK)\s*[+-]?\d*\b", " ", rest, flags=re.I)
        words = re.findall(r"\w+", rest)
        if len(words) <= 4 and not s.rstrip().endswith("."):
            return dm
        return None
    if len(s) <= 60:
        dm = parse_date_line(s, lang, rules)
        if dm and len(re.findall(r"\w+", s)) <= 8:
            return dm
    return None


@lru_cache(maxsize=4)
def _month_word(month_alt: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{month_alt})\.?(?!\w)", re.I)


def rules_month_strip(s: str, rules: Rules) -> str:
    return _month_word(rules.month_alt).sub(" ", s)


def clean_text(
    text: str, lang: str | None = None, rules: Rules | None = None, template_lines: frozenset[str] = frozenset()
) -> Cleaned:
    """Clean one article's text (already decoded and normalised).

    `template_lines`: keys (templates.line_key) of lines its site repeats across documents (templates.py)."""
    rules = rules or get_rules()
    c = Cleaned()
    queue: deque[str] = deque()
    headings: set[str] = set()
    for para in split_paragraphs(text):
        line, images, alts = cap.strip_images(para)
        for img in images:
            c.drop("image", img)
        c.captions.extend(alts)
        line = cap.unlink(line.strip())
        if images and re.fullmatch(r"[|\s]*", line):
            continue
        hm = _MD_HEADING.match(line)
        if hm:
            line = hm.group(1).strip()
            headings.add(line)
        queue.append(line)

    in_header = True  # nothing of the body seen yet
    signed_off = False
    related_mode = False
    while queue:
        s = queue.popleft().strip()
        if not s:
            continue
        if signed_off:
            sm = rules.source_line.match(s) or rules.agency_only.match(s)
            if sm:
                c.source = c.source or sm.group("agency")
                c.drop("signoff", s)
                continue
            c.drop("share" if is_share_bar(s, rules) else "related", s)
            continue
        if is_share_bar(s, rules):
            c.drop("share", s)
            continue
        if rules.crumb_line.match(s):
            c.drop("crumb", s)
            continue
        if related_mode and s in headings:
            related_mode = False
        if related_mode:
            # a labelled block lists headlines; the first sentence-like paragraph is the article again
            if is_headline_like(s, 25) or re.match(r"^[-•*·–]\s", s):
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
        if s.rstrip(" |").startswith("![") or re.fullmatch(r"[|\s]+", s):
            c.drop("image", s)
            continue
        if in_header:
            hm = rules.header_date.match(s)
            if hm:
                rest = hm.group("rest")
                found = find_dates(rest, lang, rules)
                if found and found[0].pos <= 2 and not re.match(r"[^,;]*\d[,;]", rest):
                    dm = found[0]
                    c.header_dates.append(dm)
                    after = _after_date(rest, dm)
                    c.drop("crumb", s[: len(s) - len(after)].strip() if after else s)
                    if after:
                        if is_section_like(after):
                            c.section = c.section or after
                        else:
                            queue.appendleft(after)
                    continue
            trail = _crumb_trail(s, rules)
            if trail is not None:
                c.section = c.section or trail or None
                c.drop("crumb", s)
                continue
            if _section_header(s, queue, c, lang, rules):
                c.section = c.section or s
                c.drop("crumb", s)
                continue
            cm = rules.crumb_home.match(s)
            if cm and len(s.split()) <= 10 and not _SENTENCE_END.search(s):
                rest = (cm.group("rest") or "").strip()
                if rest:
                    c.section = last_crumb(rest) or c.section
                c.drop("crumb", s)
                continue
        dm = _date_line(s, lang, rules) if len(c.paragraphs) < 4 else None
        if dm is not None:
            c.header_dates.append(dm)
            c.drop("date", s)
            continue
        caption = cap.as_caption(s, rules)
        if caption is not None:
            c.captions.append(caption)
            c.drop("caption", s)
            continue
        rm = rules.related_label.match(s)
        if rm:
            rest = rm.group("rest").strip()
            sep = s[: len(s) - len(rest)].rstrip()
            labelled = bool(re.search(r"[:：»›>…]|\.\.\.$", sep))
            if not rest or labelled or is_headline_like(rest):
                c.drop("related", s)
                related_mode = not rest
                continue
        if c.paragraphs and len(s) <= 250 and rules.credit_line.match(s):
            c.drop("credit", s)  # "(Reporting by X; Editing by Y)"
            continue
        sm = rules.source_line.match(s) or rules.agency_only.match(s)
        if sm and c.paragraphs:
            c.source = c.source or sm.group("agency")
            c.drop("signoff", s)
            signed_off = True
            continue
        if template_lines and line_key(s) in template_lines:
            c.drop("template", s)  # the site's own furniture, learned from its documents
            continue
        title_slot = in_header and c.title is None and not c.paragraphs and bool(queue)
        if title_slot and is_headline_like(s) and (s.upper() != s or not find_dateline(s + " x" * 20, rules)):
            c.title = s  # a first short line that does not end like a sentence, before any body
            continue
        if c.dateline is None and len(c.paragraphs) < 3:
            dl = find_dateline(s, rules)
            if dl:
                c.dateline = dl.place
                c.source = c.source or dl.agency
                c.dateline_date = dl.date_text
                c.drop("dateline", s[: dl.end].strip())
                s = s[dl.end :].strip()
        in_header = False
        off = max(0, len(s) - 80)
        so = rules.signoff.search(s, off)
        end_mark = next((mk for mk in rules.signoff_end_marks if s.endswith(mk)), None)
        if so:
            c.source = c.source or so.group("agency")
            c.drop("signoff", s[so.start() :].strip())
            s = s[: so.start()].rstrip()
            signed_off = True
        elif end_mark and c.paragraphs:
            c.drop("signoff", end_mark)
            s = s[: -len(end_mark)].rstrip()
            signed_off = True
        if s:
            c.paragraphs.append(s)
    return c


_TRAIL_SEP = re.compile(r"\s+[›»>|/]\s+|\s*[›»]\s*")


def _crumb_trail(s: str, rules: Rules) -> str | None:
    """A breadcrumb trail ("News › Traffic", "Thời sự > Xã hội"): its last non-home item, "" when only home."""
    if len(s) > 120 or _SENTENCE_END.search(s):
        return None
    parts = [p.strip() for p in _TRAIL_SEP.split(s)]
    if not 2 <= len(parts) <= 6 or not all(p and len(p.split()) <= 4 and is_section_like(p) for p in parts):
        return None
    rest = [p for p in parts if not rules.crumb_home.match(p + " x") and not rules.crumb_line.match(p)]
    return rest[-1] if rest else ""


def _section_header(s: str, queue: deque[str], c: Cleaned, lang: str | None, rules: Rules) -> bool:
    """A lone section name above the headline: a configured name, or a short line over a date line and a headline."""
    if c.section is not None or c.title is not None or c.paragraphs or not is_section_like(s) or len(s.split()) > 3:
        return False
    if rules.section_name.match(s):
        return True
    nxt = [q for q in list(queue)[:3] if q.strip()]
    return len(nxt) >= 2 and _date_line(nxt[0].strip(), lang, rules) is not None and is_headline_like(nxt[1].strip())


def _after_date(rest: str, dm: DateMention) -> str:
    """Text after a leading date (and its clock time) in a header line."""
    m = re.match(r"\s*\S+(?:\s+\d{1,2}:\d\d)?", rest[dm.pos :])
    # the date mention ends where its regex ended; re-find it conservatively
    iso = re.match(r"\s*(?:\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{4})(?:[T ]\d\d:\d\d(?::\d\d)?)?", rest[dm.pos :])
    if iso:
        return rest[dm.pos + iso.end() :].strip()
    m = re.match(r"[^,|]*\d{4}(?:\s*[-–,]?\s*\d{1,2}:\d\d)?", rest[dm.pos :])
    return rest[dm.pos + m.end() :].strip(" ,|-–") if m else ""
