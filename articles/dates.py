"""Find dates in English, Russian and Vietnamese forms, and infer a year the text left out.

Regexes do the work (fast, predictable); dateparser is only a last resort for a short line that
looks like a date but matched none of them, and then only with all of day, month and year present,
so it can never fill a gap from the clock.

Year inference rule (never the clock): a day+month without a year takes the first year in which
that day falls on or after the *anchor*, the latest past event the article itself dates: any
month+year or full date it mentions outside sentences that speak of the future ("will", "будет",
"sẽ"...), or a year it explicitly calls past ("2025, which has just concluded" -> end of 2025).
No anchor -> no date.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .regex_compat import ATOMIC_GROUP, EXTRA_CASES, POSSESSIVE_REPEAT, parser
from .regex_compat import POSSESSIVE as _P
from .regex_compat import constants as _c
from .rules import Rules, get_rules


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int
    day: int | None
    pos: int
    hour: int | None = None
    minute: int | None = None

    def as_date(self) -> date | None:
        if self.year is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None

    def iso(self) -> str | None:
        d = self.as_date()
        if d is None:
            return None
        if self.hour is not None and self.minute is not None and self.hour < 24 and self.minute < 60:
            return f"{d.isoformat()}T{self.hour:02d}:{self.minute:02d}:00"
        return d.isoformat()




@dataclass
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    month_first: re.Pattern[str]
    day_first: re.Pattern[str]
    vi_day: re.Pattern[str]
    vi_slash: re.Pattern[str]
    month_year: re.Pattern[str]
    year: re.Pattern[str]


@lru_cache(maxsize=4)
def _patterns(rules: Rules) -> _Patterns:
    """The date regexes, built with each language's date words (config/languages.yaml `date_words`)."""
    i = re.IGNORECASE
    dig = digit_lead()  # a digit (\d), found faster (see there)
    at, ysuf = rules.date_words("time_prefixes"), rules.date_words("year_suffixes")
    dw, mw, yw = rules.date_words("day_words"), rules.date_words("month_words"), rules.date_words("year_words")
    time = (
        rf"(?:\s*(?:[-–—,|]|{at})?\s*(?P<hh>[01]?\d|2[0-3])[:h](?P<mi>[0-5]\d)(?::\d\d)?"
        r"(?:\s*(?P<ampm>[aApP])\.?[mM]\b\.?)?)?"
    )
    return _Patterns(
        # 2026-03-04, 2026.03.04, 2026/03/04 (year first: the order is never in doubt)
        # The digit-led patterns consume their first digit before their look-behind (same matches): a pattern
        # that starts with a digit lets the engine skip ahead to one (3x faster); one that starts with a
        # look-behind enters the matcher at every position. (Not for the letter-led month_first: slower.)
        iso=re.compile(
            r"(?P<y>(?:1(?<![\d.].)9|2(?<![\d.].)0)\d\d)(?P<sep>[-./])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d])"
            r"(?:[T ](?P<hh>\d\d):(?P<mi>\d\d))?"
        ),
        numeric=re.compile(
            rf"(?P<a>{dig}(?<![\d.,/].)(?:(?<=[0-3])\d)?)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)"
            r"(?![\d/])" + time
        ),
        # month words are matched as any word, then looked up: far faster than a 100-way alternation
        month_first=re.compile(
            rf"(?<!\w)(?P<mon>[^\W\d_]{{3,10}}{_P})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:\s*[-–]\s*\d{{1,2}})?"
            r"(?:,?\s+(?P<y>(?:19|20)\d\d)" + _YEAR_END + ")?" + time
        ),
        day_first=re.compile(
            rf"(?P<d>{dig}(?<![\w.].)(?:(?<=[0-3])\d)?)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>[^\W\d_]{{3,10}}{_P})\.?(?!\w)"
            rf"(?:,?\s+(?P<y>(?:19|20)\d\d){_YEAR_END}(?:\s*(?:{ysuf}))?)?" + time
        ),
        vi_day=re.compile(
            rf"(?<!\w)(?:{dw})\s+(?P<d>[0-3]?\d)\s+(?:{mw})\s+(?P<m>[01]?\d)(?:\s+(?:{yw})\s+(?P<y>(?:19|20)\d\d))?", i
        ),
        vi_slash=re.compile(rf"(?<!\w)(?:{dw})\s+(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>(?:19|20)\d\d))?(?![\d/])", i),
        month_year=re.compile(
            rf"(?<!\w)(?P<mon>[^\W\d_]{{3,10}}{_P})\.?,?\s+(?:(?:{yw})\s+|of\s+)?(?P<y>(?:19|20)\d\d)(?!\d)"
            rf"|(?<!\w)(?:{mw})\s+(?P<m2>[01]?\d)\s*(?:/|{yw})\s*(?P<y2>(?:19|20)\d\d)(?!\d)",
            re.IGNORECASE,
        ),
        year=re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)"),
    )


@lru_cache(maxsize=4)
def _day_words(rules: Rules) -> tuple[str, ...]:
    """Words that open a spelled-out date ("ngày 3 tháng 3"): a text without any skips those patterns."""
    return tuple(w.lower() for ld in rules.languages.values() for w in ld.date_words.get("day_words", []))


_SPACES = re.compile(r"\s+")


def _month(rules: Rules, word: str) -> int | None:
    w = word.lower().rstrip(".")
    if not w.isalpha():  # the month groups are letters only: nothing to fold
        w = _SPACES.sub(" ", w)
    return rules.month_lookup.get(w)


def find_dates(text: str, lang: str | None = None, rules: Rules | None = None) -> list[DateMention]:
    """All day-precision dates in text, in order of position (year may be None)."""
    rules = rules or get_rules()
    return list(_find_dates(text, lang, rules))


@lru_cache(maxsize=256)
def _find_dates(text: str, lang: str | None, rules: Rules) -> tuple[DateMention, ...]:
    """Cached: the same body is searched for the lead date, the year anchor and the fingerprint.

    Each pattern runs once over all digit windows joined (see _Windows), not once per window: windows are
    disjoint, so only matches in one window can overlap, and within a window the patterns still take their
    turns in the same order (iso, numeric, Vietnamese, month first, day first)."""
    p = _patterns(rules)
    w = _windows(text)
    joined = w.joined
    out: dict[int, DateMention] = {}
    taken = bytearray(len(joined) + 1)  # characters already part of a date (linear, whatever the count)

    def add(mt: re.Match[str], y: int | None, mo: int | None, d: int | None) -> None:
        if mo is None or not 1 <= mo <= 12 or d is None or not 1 <= d <= 31:
            return
        s, e = mt.span()
        if any(taken[s:e]):
            return
        gd = mt.groupdict()
        hh = int(gd["hh"]) if gd.get("hh") else None
        if hh is not None and gd.get("ampm"):
            hh = hh % 12 + (12 if gd["ampm"].lower() == "p" else 0)  # 3:12 PM, 12:05 a.m.
        mi = int(gd["mi"]) if gd.get("mi") else None
        taken[s:e] = b"\x01" * (e - s)
        out[s] = DateMention(y, mo, d, w.text_pos(s), hh, mi)

    if not joined:
        return ()
    low = text.lower()
    has_day_word = any(wd in low for wd in _day_words(rules))
    for mt in p.iso.finditer(joined):
        add(mt, int(mt["y"]), int(mt["m"]), int(mt["d"]))
    for mt in p.numeric.finditer(joined):
        a, b = int(mt["a"]), int(mt["b"])
        if lang == "en" and mt["sep"] == "/" and a <= 12 and b <= 31 and not (b <= 12 and a > 12):
            a, b = b, a  # US month/day for English when it reads either way
        add(mt, int(mt["y"]), b, a)
    if has_day_word:
        for pat in (p.vi_day, p.vi_slash):
            for mt in pat.finditer(joined):
                add(mt, int(mt["y"]) if mt["y"] else None, int(mt["m"]), int(mt["d"]))
    months = rules.month_lookup
    for pat, found in ((p.month_first, _at_months(p.month_first, w, rules)), (p.day_first, None)):
        for mt in found if found is not None else pat.finditer(joined):
            mon = mt["mon"]
            if mon[0].islower() and mon.lower() == "may":
                continue  # the verb
            num = months.get(mon.lower())  # = _month(): the group is letters only, nothing to strip or fold
            if num is not None:
                add(mt, int(mt["y"]) if mt["y"] else None, num, int(mt["d"]))
    return tuple(out[k] for k in sorted(out))


# a year ends at a non-digit, or runs into a clock time a page glued to it ("March 3, 20264:25 AM")
_YEAR_END = r"(?:(?!\d)|(?=[0-2]?\d:[0-5]\d))"
_BEFORE, _AFTER = 40, 50  # a window's reach before and after its digits


@lru_cache(maxsize=1)
def digit_lead() -> str:
    """A character class that holds every decimal digit (\\d) and few other characters, as ranges, for a pattern
    to start with followed by (?<=\\d): the engine skips to the next such character with a table lookup, faster
    than \\d's category test. Unicode assigns decimal digits only in whole runs 0-9, so probing every 10th code
    point finds every run; the code points above the BMP are one range (a long list of them is slow to test)."""
    ranges: list[tuple[int, int]] = []
    for o in range(0, 0x10000, 10):
        if chr(o).isdecimal():
            lo = hi = o
            while lo > 0 and chr(lo - 1).isdecimal():
                lo -= 1
            while chr(hi + 1).isdecimal():
                hi += 1
            if not ranges or lo > ranges[-1][1]:
                ranges.append((lo, hi))
    ranges.append((0x10000, sys.maxunicode))
    return "[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges) + "](?<=\\d)"


@lru_cache(maxsize=1)
def _digit_cluster() -> re.Pattern[str]:
    """Digit runs close enough for their windows to meet (a start <= the open end): one window before widening.

    Possessive on Python 3.11+ (same matches, no backtracking kept; greedy on 3.10, articles/regex_compat.py):
    the non-digits before a digit run are all of them, as a shorter gap would end at a non-digit, and the last
    run's digits are all of them, as a non-digit must follow."""
    return re.compile(rf"{digit_lead()}\d*{_P}(?:\D{{1,{_BEFORE + _AFTER}}}{_P}\d+{_P})*{_P}")


def _window_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of text around digits, cut at whitespace and merged: every date form needs a
    digit, and scanning ~1/4 of a text with the slower patterns is what keeps dates cheap.

    Digit runs whose windows meet are found together by one regex (Python visits each cluster, not each run);
    a window's start is then widened left to a word break, its end right, and widened windows that meet merge."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    rfind = text.rfind
    cs = ce = -1  # the open window: its start, its end before widening
    for m in _digit_cluster().finditer(text):
        ms, me = m.span()
        e = me + _AFTER if me + _AFTER < n else n
        if ms > _BEFORE:  # widen to a word break, looking at most 40 characters further (bounded cost)
            s = ms - _BEFORE
            lo = s - 40 if s > 40 else 0
            ws = rfind(" ", lo, s)
            wn = rfind("\n", lo, s)
            if wn > ws:
                ws = wn
            s = ws + 1 if ws >= 0 else lo
        else:
            s = 0
        if cs >= 0:
            if s <= ce:  # within the open window before its widening: within it after, too
                ce = e
                continue
            we = _widen_end(text, ce, n)
            if s <= we:
                ce = e
                continue
            spans.append((cs, we))
        cs, ce = s, e
    if cs >= 0:
        spans.append((cs, _widen_end(text, ce, n)))
    return spans


def _widen_end(text: str, e: int, n: int) -> int:
    """A window's end moved to the next space, looking at most 40 characters further."""
    if e < n:
        hi = min(n, e + 40)
        ws = text.find(" ", e, hi)
        return ws if ws >= 0 else hi
    return e


class _Windows:
    """A text's digit windows joined by NUL, so each pattern is one C scan over them all, not one call per window.

    A NUL is matched by no date pattern and none of their look-arounds tests for it: a match in the joined text
    lies in one window and is the one that window alone gives (its edges read like the ends of a string)."""

    __slots__ = ("joined", "_starts", "_deltas", "_low")

    def __init__(self, text: str) -> None:
        parts: list[str] = []
        self._starts: list[int] = []
        self._deltas: list[int] = []
        pos = 0
        for s, e in _window_spans(text):
            self._starts.append(pos)
            self._deltas.append(s - pos)
            parts.append(text[s:e])
            pos += e - s + 1
        self.joined = "\x00".join(parts)
        self._low: str | None | bool = False  # not computed yet

    def text_pos(self, j: int) -> int:
        """Position in the text of position j of the joined windows."""
        return j + self._deltas[bisect_right(self._starts, j) - 1]

    @property
    def low(self) -> str | None:
        """The joined windows lowercased, None when lowercasing moved a character (then positions would not match)."""
        if self._low is False:
            low = self.joined.lower()
            self._low = low if len(low) == len(self.joined) else None
        return self._low  # type: ignore[return-value]


@lru_cache(maxsize=8)
def _windows(text: str) -> _Windows:
    """Cached: the lead date, the year anchor and the fingerprint scan the same text's windows."""
    return _Windows(text)


@lru_cache(maxsize=4)
def _month_starts(rules: Rules) -> re.Pattern[str] | None:
    """Where a month word can start in lowercased text (its first three letters, as a trie), or None when that
    shortcut is unsafe.

    month_first matches only count with a month word, and no match of that pattern can start inside another
    one (inside one there is no word start but a clock's "at"-word), so matching it at these places alone finds
    what scanning every position finds, unless an "at"-word is itself a month."""
    months = rules.month_lookup
    if any(re.match(r"[^\W\d_]*", a).group().lower() in months for a in rules.date_words("time_prefixes").split("|")):
        return None
    prefixes = {k[:3] for k in months if len(k) >= 3 and not any(c.isspace() for c in k)}
    if any(c in p for p in prefixes for c in "σς"):  # a final sigma lowers by its context
        return None
    return re.compile(_trie(sorted(prefixes)))


def _trie(words: list[str]) -> str:
    """A regex alternation of words with shared prefixes factored out (fewer branches tried per position)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w[1:])
    alts = [re.escape(c) + (_trie(rest) if rest != [""] else "") for c, rest in groups.items() if c]
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in groups else body


def _at_months(pat: re.Pattern[str], w: _Windows, rules: Rules) -> list[re.Match[str]] | None:
    """pat's matches that can hold a month word, matched only where one starts (None: scan as usual)."""
    starts, low = _month_starts(rules), w.low
    if starts is None or low is None:
        return None
    joined, found, search, match = w.joined, [], starts.search, pat.match
    c = search(low)
    while c is not None:  # every start, overlapping ones too: a month starting inside another prefix counts
        q = c.start()
        if (m := match(joined, q)) is not None:
            found.append(m)
        c = search(low, q + 1)
    return found


def _sentence_at(text: str, pos: int, reach: int = 400) -> str:
    """The sentence around pos (at most `reach` characters either side: bounded cost on any text)."""
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = max(text.rfind(". ", lo, pos), text.rfind("\n", lo, pos), lo - 1) + 1
    end_candidates = [e for e in (text.find(". ", pos, hi), text.find("\n", pos, hi)) if e != -1]
    end = min(end_candidates) if end_candidates else hi
    return text[start:end]


@lru_cache(maxsize=128)
def _gate(pat: re.Pattern[str]) -> tuple[tuple[str, ...], bool, tuple[str, ...]] | None:
    """(strings one of which every match of `pat` holds, whether they are to be found in the lower-cased text,
    the characters whose presence makes that lower-case test unsafe), or None when the pattern gives none.

    The past/current-year phrases are case-blind alternations a regex scan tries at every character; a text
    without their words (most texts) skips the scan after a few substring tests."""
    if EXTRA_CASES is None:  # the case folds re compiles with are unknown here (regex_compat): no gate
        return None
    if pat.flags & (re.LOCALE | re.ASCII):
        return None
    try:
        found = _required(parser.parse(pat.pattern, pat.flags).data)
    except Exception:  # an unexpected parse tree: no gate, the scan runs as before
        return None
    if not found:
        return None
    strings = max(found, key=lambda g: (min(map(len, g)), -len(g)))
    if not pat.flags & re.IGNORECASE:
        return strings, False, ()
    # re compares a character's simple lower case with the pattern's (str.lower agrees but for İ and a final
    # sigma, see _Lowered), or tests it against a few extra folds of that letter (ſ for s, ᲀ for в): a text
    # holding one of those gets the scan
    low: list[str] = []
    folds: set[str] = set()
    for s in strings:
        chars = [chr(_sre_lower(c)) for c in s]
        folds.update(chr(f) for c in chars for f in EXTRA_CASES.get(ord(c), ()))
        low.append("".join(chars))
    return tuple(low), True, tuple(sorted(folds))


def _sre_lower(ch: str) -> int:
    import _sre

    return _sre.unicode_tolower(ord(ch))


def _required(items: list) -> list[tuple[str, ...]]:  # noqa: ANN401 - re._parser's tree
    """Alternatives of literal strings one of which every match of a parsed sequence holds (each a tuple)."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(("".join(run),))
            run = []
        if op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group that changes no flag
            out += _required(av[3])
        elif op is ATOMIC_GROUP:
            out += _required(av)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, POSSESSIVE_REPEAT) and av[0] >= 1:
            out += _required(av[2])
        elif op is _c.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            if all(alts):  # each alternative holds one of its own: the match holds one of them all
                out.append(tuple(s for a in alts for s in max(a, key=lambda g: min(map(len, g)))))
    if run:
        out.append(("".join(run),))
    return [g for g in out if all(g)]


class _Lowered:
    """A text and, on first need, its lower case, to rule out case-blind patterns by a substring test."""

    __slots__ = ("text", "_low")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | None | bool = False

    def cannot_match(self, pat: re.Pattern[str]) -> bool:
        """True when `pat` has no match in the text (False: it may have one)."""
        gate = _gate(pat)
        if gate is None:
            return False
        strings, lower, folds = gate
        if not lower:
            return not any(s in self.text for s in strings)
        if self._low is False:
            low = self.text.lower()
            # str.lower is re's simple lower case per character, but İ (two characters) and Σ (by its context)
            self._low = low if len(low) == len(self.text) and "Σ" not in self.text else None
        low = self._low
        if low is None or any(f in low for f in folds):  # type: ignore[operator]
            return False
        return not any(s in low for s in strings)  # type: ignore[operator]


def year_anchor(text: str, lang: str | None, rules: Rules | None = None) -> tuple[int, int, int] | None:
    """The latest past (year, month, day) the article dates, per the module rule; None without evidence."""
    rules = rules or get_rules()
    return _year_anchor(text, lang, rules)


@lru_cache(maxsize=256)
def _year_anchor(text: str, lang: str | None, rules: Rules) -> tuple[int, int, int] | None:
    p = _patterns(rules)
    future = [ld.future for ld in rules.languages.values() if ld.future is not None]
    best: tuple[int, int, int] | None = None

    def consider(pos: int, key: tuple[int, int, int]) -> None:
        nonlocal best
        if best is not None and key <= best:
            return  # cannot move the anchor: skip the sentence check
        sent = _sentence_at(text, pos)
        if any(f.search(sent) for f in future):
            return
        best = key

    for dm in find_dates(text, lang, rules):
        if dm.year is not None and dm.as_date() is not None:
            consider(dm.pos, (dm.year, dm.month, dm.day or 1))
    w = _windows(text)
    for mt in _month_years(p, w, rules):
        if word := mt.groupdict().get("mon"):
            mon = _month(rules, word)
            if mon is None or (word.lower() == "may" and word[0].islower()):
                continue
            consider(w.text_pos(mt.start()), (int(mt["y"]), mon, 1))
        elif 1 <= int(mt["m2"]) <= 12:
            consider(w.text_pos(mt.start()), (int(mt["y2"]), int(mt["m2"]), 1))
    lowered = _Lowered(text)
    for ld in rules.languages.values():
        for pat in ld.past_year:
            if lowered.cannot_match(pat):
                continue
            for mt in pat.finditer(text):
                consider(mt.start(), (int(mt.group(1)), 12, 31))
    if best is None:  # "will exceed ... by the end of 2025": written in 2025 (or before; the latest is taken)
        pats = [pat for ld in rules.languages.values() for pat in ld.current_year if not lowered.cannot_match(pat)]
        current = [int(mt.group(1)) for pat in pats for mt in pat.finditer(text)]
        if current:
            best = (min(current), 1, 1)
    return best


@lru_cache(maxsize=4)
def _numbered_months(rules: Rules) -> re.Pattern[str] | None:
    """month_year's second branch alone ("tháng 3/2026"), or None when the split below is unsafe."""
    mw, yw = rules.date_words("month_words"), rules.date_words("year_words")
    inner = [re.match(r"[^\W\d_]*", y).group() for y in [*yw.split("|"), "of"]]
    if any(y.lower() in rules.month_lookup or re.fullmatch(f"(?i:{mw})", y) for y in inner):
        return None
    return re.compile(
        rf"(?<!\w)(?:{mw})\s+(?P<m2>[01]?\d)\s*(?:/|{yw})\s*(?P<y2>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
    )


def _month_years(p: _Patterns, w: _Windows, rules: Rules) -> list[re.Match[str]]:
    """month_year's matches that can give a key (in any order: the anchor is the latest key, whatever the order).

    Its branches never match at one place, and inside a match no word starts but a year word or "of": unless
    one of those is a month, a month word (first branch) or "tháng" (second) never starts inside another match,
    so the first branch is matched only where a month word starts and the second is scanned alone."""
    numbered = _numbered_months(rules)
    months = _at_months(p.month_year, w, rules) if numbered is not None else None
    if months is None:
        return list(p.month_year.finditer(w.joined))
    return [m for m in months if m["mon"]] + list(numbered.finditer(w.joined))


def infer_year(month: int, day: int, anchor: tuple[int, int, int] | None) -> int | None:
    """First year whose (month, day) is on or after the anchor; None without an anchor."""
    if anchor is None:
        return None
    ay, am, ad = anchor
    return ay if (month, day) >= (am, ad) else ay + 1


def resolve(dm: DateMention, text: str, lang: str | None, rules: Rules | None = None) -> str | None:
    """ISO string for a mention, inferring a missing year from the text; None when impossible."""
    if dm.year is None:
        y = infer_year(dm.month, dm.day or 1, year_anchor(text, lang, rules))
        if y is None:
            return None
        dm = DateMention(y, dm.month, dm.day, dm.pos, dm.hour, dm.minute)
    return dm.iso()


@lru_cache(maxsize=4)
def _sentence(rules: Rules) -> re.Pattern[str]:
    """A line that reads as a sentence ("... by 2030"), not a date line: ends like one, or a year after a
    preposition (config `date_words.year_prepositions`)."""
    return re.compile(rf"[.!?]\s*$|(?<!\w)(?:{rules.date_words('year_prepositions')})\s+(?:19|20)\d\d\b", re.I)


def parse_date_line(line: str, lang: str | None, rules: Rules | None = None) -> DateMention | None:
    """A date from a short line that is (mostly) a date: regex forms, then dateparser as last resort."""
    rules = rules or get_rules()
    found = find_dates(line, lang, rules)
    if found:
        return found[0]
    words = line.split()
    if len(line) > 60 or len(words) > 7 or not p_year(line) or _sentence(rules).search(line):
        return None
    return _dateparser(line, lang, tuple(c for c in rules.languages if c in _DATEPARSER_LANGS))


def p_year(s: str) -> bool:
    return bool(re.search(r"(?:19|20)\d\d", s))


_DATEPARSER_LANGS = ("en", "ru", "vi", "fr", "de", "es", "uk", "zh")


@lru_cache(maxsize=4096)
def _dateparser(line: str, lang: str | None, known: tuple[str, ...] = ("en", "ru", "vi")) -> DateMention | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "MDY" if lang == "en" else "DMY",
        "STRICT_PARSING": True,
    }
    langs = [lang] if lang in known else [c for c in known if c in ("en", "ru", "vi")] or list(known)
    try:
        dt = dateparser.parse(line, languages=langs, settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if dt is None:
        return None
    has_time = bool(re.search(r"\d:\d\d", line))
    return DateMention(dt.year, dt.month, dt.day, 0, dt.hour if has_time else None, dt.minute if has_time else None)


def normalise_given(value: object) -> str | None:
    """A published date handed in metadata (ISO, epoch, free text) -> ISO string, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        from datetime import datetime, timezone

        try:
            return datetime.fromtimestamp(float(value), tz=timezone.utc).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    s = str(value).strip()
    m = re.match(r"^(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(Z|[+-]\d\d:?\d\d)?)?$", s)
    if m:
        try:
            date.fromisoformat(m.group(1))
        except ValueError:
            return None
        if not m.group(2):
            return m.group(1)
        tz = m.group(3) or ""
        return f"{m.group(1)}T{m.group(2)}{'+00:00' if tz == 'Z' else tz}"
    dm = parse_date_line(s, None)
    return dm.iso() if dm else None
