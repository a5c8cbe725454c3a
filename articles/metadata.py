"""Article metadata read off the text itself: dateline place, agency credit, title and section shape.

Kept separate from cleaning so each rule is small and testable: a dateline is the place (and maybe
date and agency) that opens the first body paragraph: "MOSCOW — ", "HANOI, February 9. /TASS/.",
"Hanoi (VNA) – ", "LONDON, Feb 9 (Reuters) - ", "МОСКВА, 9 февраля. /ТАСС/.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rules import Rules

_UP = "A-ZА-ЯЁÀ-ÝĐƠƯĂÂÊÔ\u1ea0-\u1ef8"
_PLACE = rf"[{_UP}][\w.'’ -]{{0,38}}?"


@dataclass
class Dateline:
    place: str
    date_text: str | None
    agency: str | None
    end: int  # where the body text starts after the dateline


@lru_cache(maxsize=4)
def _dateline_patterns(agency_alt: str) -> list[re.Pattern[str]]:
    ag = f"(?i:{agency_alt})"  # wire styles differ in case: ИНТЕРФАКС, Интерфакс, INTERFAX
    return [
        # Москва. 25 января. ИНТЕРФАКС -    (Interfax: full stops instead of commas)
        re.compile(rf"^(?P<place>{_PLACE})\.\s+(?P<date>[^.\n]{{3,30}}?)\.\s+(?P<agency>{ag})\s*[—–-]+\s*"),
        # HANOI, February 9. /TASS/.   МОСКВА, 9 февраля. /ТАСС/.
        re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>[^./\n]{{3,30}}?)\.?\s*/(?P<agency>{ag})/\.?\s*"),
        # LONDON, Feb 9 (Reuters) -    Hanoi (VNA) –    HÀ NỘI (TTXVN) -
        re.compile(rf"^(?P<place>{_PLACE})(?:,\s*(?P<date>[^()\n]{{3,30}}?))?\s*\((?P<agency>{ag})\)\s*[—–:-]+\s*"),
        # МОСКВА, 9 фев — РИА Новости.
        re.compile(rf"^(?P<place>{_PLACE}),\s+(?P<date>[^—–\n]{{3,30}}?)\s*[—–-]\s*(?P<agency>{ag})\.\s*"),
        # MOSCOW —    HÀ NỘI —    HANOI, Feb. 9 —
        re.compile(rf"^(?P<place>[{_UP}][{_UP}.'’ -]{{1,38}}?)(?:,\s*(?P<date>[^—–\n]{{3,30}}?))?\s*[—–]+\s*"),
        re.compile(rf"^(?P<place>[{_UP}][{_UP}.'’ ]{{1,38}}?)(?:,\s*(?P<date>[^\n]{{3,30}}?))?\s+-+\s+"),
    ]


def find_dateline(paragraph: str, rules: Rules) -> Dateline | None:
    """The dateline opening a paragraph, if any. Caps-only places need no agency; others do."""
    for i, pat in enumerate(_dateline_patterns(rules.agency_alt)):
        m = pat.match(paragraph)
        if not m:
            continue
        place = m.group("place").strip(" ,.")
        words = place.split()
        if not words or len(words) > 4 or len(place) < 2:
            continue
        if i >= 4 and (place != place.upper() or sum(c.isalpha() for c in place) < 3):
            continue
        if len(paragraph) - m.end() < 20:
            continue  # nothing after it: a caption credit or a headline, not a dateline
        agency = rules.canonical_agency(m.groupdict().get("agency"))
        date_text = m.groupdict().get("date")
        return Dateline(place=place, date_text=date_text, agency=agency, end=m.end())
    return None


_SENT_END = re.compile(r"[.;:,…]['\"”’»)]*$")


def is_headline_like(s: str, max_words: int = 30) -> bool:
    """A short line that does not end like a sentence: a headline, a section name, a teaser title."""
    words = s.split()
    if not 2 <= len(words) <= max_words or len(s) > 250:
        return False
    if _SENT_END.search(s):
        return False
    return any(c.isalpha() for c in s)


def is_section_like(s: str) -> bool:
    """Site section names are a few words, no sentence punctuation, no dash clauses."""
    s = s.strip()
    words = s.split()
    return (
        0 < len(words) <= 6
        and len(s) <= 60
        and not re.search(r"[.!?;:]$", s)
        and " — " not in s
        and " – " not in s
        and not any(ch.isdigit() for ch in s)
    )


def last_crumb(path: str) -> str | None:
    """'World › Asia' -> 'Asia'; 'Politics & Law' stays whole."""
    parts = [p.strip() for p in re.split(r"\s*[›»>/|]\s*", path) if p.strip()]
    return parts[-1] if parts else None
