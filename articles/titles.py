"""Choose a headline among the page's first lines by evidence, or none.

A headline shares its words with the lead (stems, so "Хабаровский аэропорт" meets "аэропорта
Хабаровска"), is a few words to a long line, sits close above the text, and is not furniture: a site
name, a section, a skip link or a menu share no words with the story. No title is better than a wrong
one, so a candidate with no overlap is taken only when it is marked as the heading, or when the page's
layout puts it where headlines stand: the first line, or the line just above the date line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Rules

_TOKEN = re.compile(r"[^\W\d_]+")
MIN_OVERLAP = 0.25  # share of the candidate's content words found in the lead
STANDFIRST_HEADLINE_OVERLAP = 0.15  # a headline right above a standfirst: some of its words in the lead


@dataclass
class Candidate:
    index: int  # position among the page's lines
    text: str
    heading: bool = False  # marked up as a heading (markdown #)


def _stems(text: str, lang: str | None, rules: Rules) -> set[str]:
    # function words only: a frequency stoplist (jusText's Russian one has 5,000 words) holds content words
    stop = rules.languages[lang].function_words if lang in rules.languages else frozenset()
    # a crude stem: inflected forms share their first letters
    return {w[:5] for w in map(str.lower, _TOKEN.findall(text)) if len(w) >= 3 and w not in stop}


def overlap(text: str, lead: set[str], lang: str | None, rules: Rules) -> float:
    """Share of the text's content stems that the lead's stems hold."""
    mine = _stems(text, lang, rules)
    return len(mine & lead) / len(mine) if mine else 0.0


def pick_title(
    cands: list[Candidate],
    lead: str,
    body_start: int,
    lang: str | None,
    rules: Rules,
    placed: Candidate | None = None,
) -> Candidate | None:
    """The best-scored candidate that shows headline evidence; else `placed`, a line that stands where a
    headline stands (see clean._placed_headline); else None."""
    if not cands:
        return None
    lead_stems = _stems(lead, lang, rules)
    best, best_score = None, 0.0
    for c in cands:
        if rules.canonical_agency(c.text) != c.text or c.text.lower() in rules.agency_names:
            continue  # a wire service's name on its own page: the masthead
        ov = overlap(c.text, lead_stems, lang, rules)
        if ov < MIN_OVERLAP and not c.heading:
            continue
        words = len(c.text.split())
        score = 2.0 * ov + (1.0 if c.heading else 0.0)
        score += 0.5 / (1 + max(0, body_start - c.index))  # nearest the text
        score += 0.5 * min(words, 10) / 10  # a headline says something; a masthead or section names
        if words < 3:
            score -= 0.5
        if len(c.text) > 12 and c.text.isupper():
            score -= 0.7  # a masthead in capitals
        if score > best_score:
            best, best_score = c, score
    if best is not None and not best.heading:
        above = next((c for c in cands if c.index == best.index - 1), None)
        if above is not None and _headline_over_standfirst(above, lead_stems, lang, rules):
            return above
    return best or placed


def _headline_over_standfirst(above: Candidate, lead: set[str], lang: str | None, rules: Rules) -> bool:
    """Headline, then standfirst: a standfirst retells the lead, so it outscores the headline right above it;
    that line is the headline when it reads as one (a few words, not in capitals) and still meets the lead."""
    words = len(above.text.split())
    if words < 4 or above.text.isupper() or rules.canonical_agency(above.text) != above.text:
        return False
    return overlap(above.text, lead, lang, rules) >= STANDFIRST_HEADLINE_OVERLAP
