"""A made-up site for the template tests: 30 articles with a shared header, footer and teaser block.

Article lines are unique to their article, except on purpose: a story told three times (sharing a
prose paragraph and a short quote) and a long boilerplate sentence about a company that several
articles repeat. Neither may be taken for furniture.
"""

from __future__ import annotations

import random
from pathlib import Path

HEADER = [
    "The Harbor Ledger",
    "World | Business | Tech | Culture | Opinion",
    "Subscribe now: first month free",
]
FOOTER = [
    "Most read this week",
    "Ferry timetable changes for the winter season",
    "Inside the old lighthouse keeper's cottage",
    "Why the fish market moved across the bay",
    "Contact us · Privacy policy · Terms of use",
    "© 2026 Harbor Ledger Media Group",
]
#: Teasers that rotate: each sits in roughly half of the articles.
ROTATING = ["Opinion: the harbour needs a second bridge", "Photo essay: dawn at the container port"]

SUBJECTS = ["The council", "A local bakery", "The port authority", "Fishermen", "The school board", "Residents",
            "The ferry operator", "A group of volunteers", "The museum", "Engineers", "The mayor's office",
            "Shop owners", "The hospital", "Students", "The football club", "Dock workers"]
VERBS = ["announced", "questioned", "postponed", "approved", "celebrated", "criticised", "funded", "reviewed",
         "delayed", "welcomed", "rejected", "expanded"]
OBJECTS = ["a plan to repair the north pier", "new opening hours", "the budget for next spring",
           "a study of water quality", "the winter parking rules", "a festival in the old town",
           "changes to the bus routes", "a fund for flood defences", "the sale of the shipyard",
           "a pilot scheme for electric boats", "repairs to the sea wall", "a survey of nesting birds"]
TAILS = ["on Tuesday", "after a long debate", "despite objections", "in a statement", "at a packed meeting",
         "ahead of the holidays", "for the third time", "with little warning", "to general surprise",
         "after months of talks"]

#: Long boilerplate a site repeats about a company: prose, never furniture.
BOILERPLATE = ("The shipyard, founded in 1921, employs more than 1,400 people and is the largest private "
               "employer on the bay, according to its annual report.")
#: One story told three times (an update and two follow-ups): the same prose paragraph and the same quote.
SHARED_PROSE = ("Divers found the wreck of the trawler at a depth of forty metres, two miles off the point, "
                "and the coastguard said the crew had been rescued before it sank.")
SHARED_QUOTE = "“We were lucky,” the skipper said."


def article(i: int, rng: random.Random) -> tuple[str, list[str]]:
    """(file text, the article's own lines: title then paragraphs)."""
    title = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (report {i})"
    paras = []
    for k in range(4):
        n = rng.randrange(2, 4)
        sents = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
                 f" (item {i}.{k}.{j})." for j in range(n)]
        paras.append(" ".join(sents))
    if i % 7 == 3:
        paras.insert(2, BOILERPLATE)
    if i in (5, 12, 21):
        paras[1:1] = [SHARED_PROSE, SHARED_QUOTE]
    footer = FOOTER[:4] + [ROTATING[i % 2]] + FOOTER[4:]
    text = "\n\n".join([*HEADER, title, f"March {1 + i % 28}, 2026", *paras, *footer]) + "\n"
    return text, [title, *paras]


def write_site(root: Path, n: int = 30, seed: int = 7) -> dict[str, list[str]]:
    """Write n articles under root/; returns file name -> the article's own lines."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    out = {}
    for i in range(n):
        text, lines = article(i, rng)
        name = f"story-{i:02d}.txt"
        (root / name).write_text(text, encoding="utf-8")
        out[name] = lines
    return out


FURNITURE = [*HEADER, *FOOTER, *ROTATING]
