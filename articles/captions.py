"""Recognise photo captions and image placeholders in scraped text.

Scrapers flatten figures into lines: a markdown image `![alt](url)` or an empty `![]() |`, then the
caption in table pipes `| text (Photo: X) |`, or a plain line ending in a credit: `— VNA/VNS Photo`,
`Фото: ВИА)`, `(Ảnh: TTXVN)`. Captions are kept (they describe the story) but not in the body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .rules import Rules, _alt, minimal_substrings, per_line

MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]{0,400})\]\((?P<url>[^)\s]{0,2000})\)")
PIPE_LINE = re.compile(r"^\|\s*(?P<text>.*?)\s*\|?$")
MAX_CAPTION_WORDS = 80
MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]{0,400})\]\((?P<url>[^)\s]{0,2000})\)")
MD_EMPHASIS = re.compile(r"^(\*\*|__)(?P<inner>.+?)\1$")
_UP = "A-ZА-ЯЁÀ-ÝĐƠƯĂÂÊÔ\u1ea0-\u1ef8"


@lru_cache(maxsize=4)
def _agency_photo(agency_alt: str, photo_alt: str) -> re.Pattern[str]:
    free = r"[\w./&'’ ]{1,30}?"
    # "— VNA/VNS Photo Văn Điệp": the photographer's name may follow the credit (capitalised words)
    who = rf"(?-i:\s+[{_UP}][\w'’.-]*(?:\s+[{_UP}][\w'’.-]*){{0,3}})?"
    return re.compile(
        rf"(?:[—–-]\s*(?:{agency_alt}|{free})|\(\s*(?:{agency_alt}|{free})|(?<!\w)(?:{agency_alt}))"
        rf"\s+(?:{photo_alt}){who}\s*\)?\s*\.?\s*$",
        re.IGNORECASE,
    )


def caption_credit(s: str, rules: Rules) -> _Credit | None:
    """The trailing photo credit of a line, when it has one (searched in the tail only: fast)."""
    off = max(0, len(s) - 160)
    tail = s[off:]
    gate, photo_word, patterns = _credit_tools(rules)
    low = tail.lower()
    for word in gate:  # a loop of substring tests: twice as fast as one alternation on 13 words
        if word in low:
            break
    else:
        return None  # every credit form names a photo word: a substring test skips the costly patterns
    if not photo_word.search(tail):
        return None
    for pat in patterns:
        m = pat.search(tail)
        if m:
            start = off + m.start()
            if start == 0 or s[start - 1] in " .(\t|—–-" or s[start] in "([—–-":
                return _Credit(start)
    return None


@lru_cache(maxsize=4)
def _credit_tools(rules: Rules) -> tuple[tuple[str, ...], re.Pattern[str], tuple[re.Pattern[str], ...]]:
    """Per rule set, built once (not per line): the photo-word gate (lower-case words, one of which a credit's
    lower-cased tail holds), the photo word as a word, and the credit patterns in the order they are tried."""
    words, phrases = rules.markers["photo_words"], rules.markers["photo_phrases"]
    photo_alt = _photo_alt(tuple(words))
    gate = _photo_gate(tuple(words + phrases))
    word = _photo_word(photo_alt, _photo_alt(tuple(phrases)))
    return gate, word, (rules.caption_credit, _agency_photo(rules.agency_alt, photo_alt), rules.caption_phrase)


@lru_cache(maxsize=4)
def _photo_alt(words: tuple[str, ...]) -> str:
    return _alt(list(words))


@lru_cache(maxsize=4)
def _photo_gate(words: tuple[str, ...]) -> tuple[str, ...]:
    """The photo words in lower case, none holding another ("photo credit" goes: "photo" finds it); a line
    holding none of them is no caption."""
    return minimal_substrings(w.lower() for w in words if w)


@lru_cache(maxsize=4)
def _photo_word(photo_alt: str, phrase_alt: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{photo_alt}|{phrase_alt})(?!\w)", re.IGNORECASE)


class _Credit:
    """Where a credit starts in the full line."""

    def __init__(self, start: int) -> None:
        self._start = start

    def start(self) -> int:
        return self._start


@per_line  # a page asks it of a line up to three times, and a site repeats its lines across pages
def as_caption(s: str, rules: Rules) -> str | None:
    """Caption text (credit stripped) when the whole line is a caption, else None."""
    if len(s) > 2 * MAX_CAPTION_WORDS and len(s.split()) > MAX_CAPTION_WORDS:  # shorter: too few words anyway
        return None
    m = caption_credit(s, rules)
    if not m:
        return None
    text = s[: m.start()].rstrip(" —–-|(")
    return text.strip() or s.strip()


def strip_images(line: str) -> tuple[str, list[str], list[str]]:
    """Remove markdown images from a line; return (line, removed image texts, alt texts worth keeping)."""
    if "![" not in line:
        return line, [], []
    removed: list[str] = []
    alts: list[str] = []
    for m in MD_IMAGE.finditer(line):
        removed.append(m.group(0))
        alt = m.group("alt").strip()
        if len(alt.split()) >= 3:
            alts.append(alt)
    return MD_IMAGE.sub("", line), removed, alts


def unlink(line: str) -> str:
    """Markdown links become their text ("[Traffic](https://…)" -> "Traffic"); a bold line loses its stars."""
    if "](" in line:
        line = MD_LINK.sub(lambda m: m.group("text"), line)
    if line[:2] in ("**", "__"):
        m = MD_EMPHASIS.match(line.strip())
        if m:
            line = m.group("inner").strip()
    return line
