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


_DASH = r"(?:-{1,2}|[—–]+)"


@lru_cache(maxsize=4)
def _dateline_patterns(rules: Rules) -> list[tuple[re.Pattern[str], bool]]:
    """The catalogue's dateline shapes (config/agencies.yaml) with the placeholders filled in."""
    fill = {
        "place": _PLACE,
        "caps_place": rf"[{_UP}][{_UP}.'’ -]{{1,38}}?",
        "name": rf"[{_UP}][\w.'’+ -]{{0,24}}?",
        "agency": f"(?i:{rules.agency_alt})",  # wire styles differ in case: ИНТЕРФАКС, Интерфакс, INTERFAX
        "dash": _DASH,
    }
    return [(re.compile(tpl.format(**fill)), required) for tpl, required in rules.dateline_shapes]


def find_dateline(paragraph: str, rules: Rules) -> Dateline | None:
    """The dateline opening a paragraph, if any. Caps-only places need no agency; others do."""
    for pat, agency_required in _dateline_patterns(rules):
        m = pat.match(paragraph)
        if not m:
            continue
        gd = m.groupdict()
        place = (gd.get("place") or "").strip(" ,.")
        words = place.split()
        if place and (len(words) > 4 or len(place) < 2):
            continue
        if not agency_required and "place" in gd and (place != place.upper() or sum(c.isalpha() for c in place) < 3):
            continue
        if len(paragraph) - m.end() < 20:
            continue  # nothing after it: a caption credit or a headline, not a dateline
        agency = rules.canonical_agency(gd.get("agency"))
        return Dateline(place=place, date_text=gd.get("date"), agency=agency, end=m.end())
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
