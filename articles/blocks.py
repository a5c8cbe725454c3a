"""Tell a page's prose from its furniture by evidence that holds on any site, as jusText does.

A block (one paragraph line) is *good* when it reads like prose in its language: long enough, dense in
the language's stopwords (jusText's stoplists, config/stoplists/), ending like a sentence, not made of
links. The article is the main run from the first to the last good block; short blocks inside it are
kept by context, blocks before it are the page header (title, dates, menus) and blocks after it are
the footer (teasers, promos). Wording that every site uses for furniture ("Sign up", "Теги:", "©")
is per-language data in config/rules.yaml, read by `Rules.furniture_kind`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .metadata import find_dateline
from .rules import Rules, per_line

_SENTENCE_END = re.compile(r"[.!?…:;。！？]['\"”’»)\]」』]*$")
_LAST_SENTENCE = re.compile(r"[.!?…]['\"”’»]*\s+(\S[^.!?…]{0,50})$")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_MENU_SEP = re.compile(r"\s*(?:\||•|·|\s{2,})\s*")

GOOD_MIN_CHARS = 70  # jusText's length_low
GOOD_MIN_WORDS = 10
GOOD_STOPWORD_DENSITY = 0.2  # below jusText's 0.30: news prose is dense in names
PROSE_STOPWORD_DENSITY = 0.1  # a short sentence still has a few function words
MAX_LINK_DENSITY = 0.3
HEADLINE_MAX_CHARS = 160


@dataclass
class Block:
    text: str
    words: int
    stop_density: float | None  # None: no stoplist to judge by
    sentence_end: bool
    link_density: float
    good: bool
    furniture: str | None  # the kind, when the wording or shape says furniture

    @property
    def prose(self) -> bool:
        """A sentence: reads as text even when too short to be a good block on its own."""
        return (
            self.furniture is None
            and self.words >= 4
            and self.sentence_end
            and (self.stop_density is None or self.stop_density >= PROSE_STOPWORD_DENSITY)
            and self.link_density < MAX_LINK_DENSITY
        )


def stop_density(text: str, lang: str | None, rules: Rules) -> tuple[int, float | None]:
    """(word count, share of the words in the language's stoplist), counted on the first 100 characters.
    The share is None when there is no stoplist to judge by: a language without one, or an unknown
    language that no stoplist fits (then length and punctuation decide alone)."""
    head = text[:50]
    if not head.isascii() and _CJK.search(head):
        return len(_CJK.findall(text)) // 2, None  # no word breaks, no stoplist: about two characters a word
    toks = text[:100].lower().split()  # the first 15 words tell; a plain split is 5x cheaper than a regex
    if not toks:
        return 0, 0.0
    known = rules.languages.get(lang) if lang else None
    if known is not None and known.stopwords:  # the usual case, said plainly: one stoplist
        return len(toks), sum(map(known.stopwords.__contains__, toks)) / len(toks)
    if lang and (known is None or not known.stopwords):
        return len(toks), None
    langs = [known] if known else [ld for ld in rules.languages.values() if ld.stopwords]
    share = max((sum(map(ld.stopwords.__contains__, toks)) for ld in langs), default=0) / len(toks)
    return len(toks), share if known or share >= PROSE_STOPWORD_DENSITY else None


def menu_like(text: str) -> bool:
    """A row of short items with separators and no sentence: "Home | World | Business", "News  Sports  Video"."""
    if len(text) > 200 or _SENTENCE_END.search(text[-8:]) or "<" in text or "=" in text:
        return False
    items = [p for p in _MENU_SEP.split(text) if p.strip()]
    return len(items) >= 3 and all(len(p.split()) <= 3 for p in items)


def classify(
    text: str, lang: str | None, rules: Rules, link_density: float = 0.0, *, wording_only: bool = False
) -> Block:
    """One block's evidence and verdict (`wording_only`: furniture by wording and shape, nothing else).
    A site repeats its menus, bylines and footers on every page: the verdict is remembered per exact input
    (bounded), and each call gets a Block of its own (clean.py marks template lines on it)."""
    return replace(verdict(text, lang, rules, link_density, wording_only))


def verdict(text: str, lang: str | None, rules: Rules, link_density: float = 0.0, wording_only: bool = False) -> Block:
    """classify's Block itself, shared by every caller that asked of the same line: read it, never change it
    (copy it with dataclasses.replace first). A page's repeated lines then cost one lookup and no copy."""
    return _classify(text, lang, rules, link_density, wording_only)


@per_line
def _classify(
    text: str, lang: str | None, rules: Rules, link_density: float = 0.0, wording_only: bool = False
) -> Block:
    if wording_only:  # a long sentence counts as good without its stopwords
        kind = rules.furniture_kind(text) or ("menu" if menu_like(text) else None)
        end = bool(_SENTENCE_END.search(text[-8:]))
        return Block(text, 0, None, end, link_density, kind is None and end and len(text) >= GOOD_MIN_CHARS, kind)
    end = bool(_SENTENCE_END.search(text[-8:]))  # anchored at the end: the tail is enough, and far cheaper
    if not end and rules.ends_with_agency(text):  # "... a QR code. — VNS", "... сортам. (ТАСС)": a sentence, a credit
        so = rules.signoff.search(text, max(0, len(text) - 80))
        if so:
            end = bool(_SENTENCE_END.search(text[: so.start()].rstrip()[-8:]))
        else:
            m = _LAST_SENTENCE.search(text[-60:])
            end = bool(m and signoff_agency(m.group(1).strip("() "), rules))
    if end or len(text) >= HEADLINE_MAX_CHARS:
        n, density = stop_density(text, lang, rules)
    else:  # neither good nor prose whatever its words: skip the count
        n, density = text.count(" ") + 1, 0.0
    kind = rules.furniture_kind(text)
    if kind is None and menu_like(text):
        kind = "menu"
    long_enough = len(text) >= GOOD_MIN_CHARS and n >= GOOD_MIN_WORDS
    good = (
        kind is None
        and long_enough
        and (end or len(text) >= HEADLINE_MAX_CHARS)  # a long headline is not yet the text
        and link_density < MAX_LINK_DENSITY
        and (
            (density is None and end)
            or (density is not None and (density >= GOOD_STOPWORD_DENSITY or (end and density >= PROSE_STOPWORD_DENSITY)))  # noqa: E501
        )
    )
    if not good and kind is None and end and long_enough and density is not None and density < GOOD_STOPWORD_DENSITY:
        dl = find_dateline(text, rules)  # "ВЛАДИВОСТОК, 17 февраля. /Корр. ТАСС/. ...": judge the words after it
        if dl is not None:
            return replace(_classify(text[dl.end :], lang, rules, link_density), text=text)
    return Block(text, n, density, end, link_density, good, kind)


def signoff_agency(s: str, rules: Rules) -> str | None:
    """The agency of a line that is only a credit or sign-off ("— VNS", "-- BERNAMA", "Theo TTXVN", "ТАСС"),
    else None."""
    sm = rules.source_line.match(s) or rules.agency_only.match(s)
    if sm is None and rules.ends_with_agency(s):
        so = rules.signoff.search(s)
        sm = so if so and so.start() == 0 else None
    return rules.canonical_agency(sm.group("agency")) if sm else None


def main_run(blocks: list[Block]) -> tuple[int, int] | None:
    """First and last good block: the article's main run. Without one, the first to the last sentence; without
    any, every line when some line is long text that no furniture evidence names (losing an article is worse
    than keeping furniture); None when every line is furniture or a few words: no article."""
    good = [i for i, b in enumerate(blocks) if b.good]
    if good:
        return good[0], good[-1]
    prose = [i for i, b in enumerate(blocks) if b.prose]
    if prose:
        return prose[0], prose[-1]
    if any(b.furniture is None and len(b.text) >= GOOD_MIN_CHARS for b in blocks):
        return 0, len(blocks) - 1
    return None
