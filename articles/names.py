"""Proper names and the story fingerprint: what lets the same story match across languages.

Names are runs of capitalised words (sentence-initial words only when the word also appears
capitalised mid-sentence, so "However" is not a name). Fingerprint keys are script-free: a name is
transliterated (unidecode), lowercased and reduced to a consonant skeleton, so Bezdetko / Бездетко,
Putin / Путина, Hanoi / Hà Nội / Ханое, Vietnam / Việt Nam / Вьетнаме meet on the same key.
Numbers (years as y2025, amounts as n232000) and day-month dates (d0209) complete it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

from .dates import _trie, digit_lead, find_dates
from .rules import Rules, get_rules

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENT_BREAK = re.compile(r"[.!?…:;\"“”«»()\[\]]\s*$")
_OPEN_QUOTE = re.compile(r"(?<=[^\W_]|,)\s+[\"“«„]$")  # a quote opened mid-sentence: 'company "Aeroflot'
_OPEN_QUOTES = "\"“«„"


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a token at `start` opens a sentence (a name there is only trusted when seen mid-sentence too).
    A quote opened after a word is mid-sentence: Russian puts company names in quotes (СП «Вьетсовпетро»)."""
    if start == 0:
        return True
    if start >= 2 and text[start - 1] == " " and (c := text[start - 2]).isalnum() and not c.isdecimal():
        return False  # the common case, "word Name": what the two checks below conclude, without a regex
    if not _SENT_BREAK.search(text, max(0, start - 3), start):
        return _newline_since_last_token(text, start)
    last = text[start - 1]
    if last not in _OPEN_QUOTES and (last != "\n" or start < 2 or text[start - 2] not in _OPEN_QUOTES):
        return True  # _OPEN_QUOTE ends in a quote (before a last newline, as $ allows): it cannot match
    return not _OPEN_QUOTE.search(text, max(0, start - 40), start)
# the first digit outside the alternation (same matches): a pattern led by a digit class lets the engine skip
# to the next digit, an alternation is tried at every position (3x slower over a whole text); digit_lead is
# that first digit, found by a table lookup per character
_NUMBER = re.compile(digit_lead() + r"(?:\d{0,2}(?:[,.\u202f ]\d{3})+(?!\d)|\d*(?:[.,]\d+)?)")
_GROUPED = re.compile(r"\d{1,3}(?:[,.\u202f ]\d{3})+")
_GROUP_SEP = re.compile(r"[,.\u202f ]")
MAX_NAMES = 200


def _has_astral(text: str) -> bool:
    """Whether text holds a character beyond the BMP: each is a surrogate pair in UTF-16, so the encoding grows
    (a C pass several times faster than a regex testing every character; max() makes a string per character)."""
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@lru_cache(maxsize=2)
def _cap_run(astral: bool) -> re.Pattern[str]:
    """A run of capitalised tokens (as _TOKEN finds them) one space apart, built once on first use.

    A token starts at a letter that follows neither a letter nor a letter + joiner (else the token
    before would have taken it), so the look-behinds make the starts those of _TOKEN.finditer. A token
    right after another one and a space passes both look-behinds, so the run's later tokens need none; a
    hyphen never parts two (a token takes "-Letters" itself). The capitals beyond the BMP make the class
    slow, so they are only in the pattern for text holding any."""
    top = 0x110000 if astral else 0x10000
    cps = [o for o in range(top) if (c := chr(o)).isupper() and c.isalnum() and not c.isdecimal()]
    ranges: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        ranges.append(re.escape(chr(cps[i])) + ("-" + re.escape(chr(cps[j])) if j > i else ""))
        i = j + 1
    upper = "[" + "".join(ranges) + "]"
    body = r"[^\W\d_]*(?:[-'’][^\W\d_]+)*"
    # the capital first (so the engine scans for it fast), then the look-behinds from just past it
    return re.compile(rf"{upper}(?<![^\W\d_].)(?<![^\W\d_][-'’].){body}(?: {upper}{body})*", re.DOTALL)


def _newline_since_last_token(text: str, start: int) -> bool:
    """Whether a newline sits between the token before `start` (its last letter) and `start`."""
    k = start - 1
    while k >= 0:
        c = text[k]
        if c == "\n":
            return True
        if c.isalnum() and not c.isdecimal():  # a letter ([^\W\d_]): the previous token ends here
            return False
        k -= 1
    return False


def _runs(text: str) -> list[tuple[str, bool]]:
    """Runs of capitalised tokens one space apart, as matched: (run, starts_sentence).

    Only capitalised tokens are visited: any other token between two of them leaves a gap longer than
    the one space that joins a run, so it ends the run just as visiting it would."""
    runs: list[tuple[str, bool]] = []
    for m in _cap_run(_has_astral(text)).finditer(text):
        s = m.start()
        if s >= 2 and (b := text[s - 1]) in " \n":
            c = text[s - 2]
            if b == " " and c.isalnum() and not c.isdecimal():
                runs.append((m.group(), False))  # "word Name": mid-sentence, as _starts_sentence concludes
                continue
            if b == "\n" and c not in _OPEN_QUOTES:
                runs.append((m.group(), True))  # a line's first word: what _starts_sentence concludes either way
                continue
        runs.append((m.group(), _starts_sentence(text, s)))
    return runs


@lru_cache(maxsize=16384)  # bounded: the same runs (places, people, sentence openers) recur across articles
def _run_names(run: str, rules: Rules) -> tuple[str, tuple[str, ...], str | None, str | None]:
    """(first word, later words, the name the run gives, the name without its first word): a run's words, a
    possessive ending dropped, and its name with leading/trailing title words trimmed (None: too short)."""
    if "'s" in run or "’s" in run:  # a possessive ends a word: before a space or the run's end
        run = (run + " ").replace("'s ", " ").replace("’s ", " ")[:-1]
    words = run.split(" ")
    stop = rules.name_stopwords

    def trim(ws: list[str]) -> str | None:
        while ws and ws[0].lower() in stop:
            ws = ws[1:]
        while ws and ws[-1].lower() in stop:
            ws = ws[:-1]
        if not ws:
            return None
        name = " ".join(ws)
        return name if len(name) >= 2 else None

    return words[0], tuple(words[1:]), trim(words), trim(words[1:])


def extract_names(text: str, rules: Rules | None = None) -> list[str]:
    """Proper names in order of first appearance, leading/trailing title words trimmed."""
    rules = rules or get_rules()
    runs = [(_run_names(run, rules), initial) for run, initial in _runs(text)]
    mid_caps = {info[0] for info, initial in runs if not initial}
    for info, _ in runs:
        if info[1]:
            mid_caps.update(info[1])
    seen: dict[str, None] = {}
    for (first, _, name, without_first), initial in runs:
        if initial and first not in mid_caps:
            name = without_first  # a sentence's first word is a name only when seen mid-sentence too
        if name is None:
            continue
        seen.setdefault(name, None)
        if len(seen) >= MAX_NAMES:
            break
    return list(seen)


def names_with_ascii(names: list[str]) -> list[str]:
    """Names in their own script plus their ASCII transliteration (for a cross-script search field)."""
    out: dict[str, None] = {}
    for n in names:
        out.setdefault(n, None)
        a = _ascii(n)
        if a and a != n:
            out.setdefault(a, None)
    return list(out)


@lru_cache(maxsize=16384)  # bounded: names recur across articles (places, leaders, agencies)
def _ascii(name: str) -> str:
    return unidecode(name).strip()


@lru_cache(maxsize=1)
def _folds() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(spelling folds, extra folds for short-syllable names) from config/stories.yaml."""
    cfg = _config()
    return tuple(cfg.skeleton_folds.items()), tuple(cfg.syllable_folds.items())


@lru_cache(maxsize=1)
def _config():  # noqa: ANN202 - StoryConfig, imported late (story.py imports this module)
    from .story import story_config

    return story_config()


@lru_cache(maxsize=50000)
def skeleton(word: str, syllables: bool = False) -> str:
    """Script-free key of a name: transliterate, fold, simplify spelling, keep first letter + consonants.

    `syllables`: the name is made of short syllables (Vietnamese, Chinese, Korean), spelled by their rules."""
    s = re.sub(r"[^a-z]", "", unidecode(word).lower())
    if not s:
        return ""
    folds, syllable_folds = _folds()
    for a, b in (*syllable_folds, *folds) if syllables else folds:
        s = s.replace(a, b)
    s = re.sub(r"c(?!h)", "k", s)
    head, tail = s[0], re.sub(r"[aeiou]", "", s[1:])
    out = head + tail
    return re.sub(r"(.)\1+", r"\1", out)


def name_keys(name: str) -> set[str]:
    """Keys of one name: each long word alone (but the last one only, when it ends the name: Lavrov of Sergey
    Lavrov); runs of short syllables (Việt Nam, Tô Lâm) joined; a name of 2-4 short words also whole
    (Nha Trang / Нячанг, To Lam / То Ламом)."""
    keys: set[str] = set()
    words = [w for w in re.split(r"[\s-]+", name) if w]
    group: list[str] = []
    cfg = _config()
    short, joined_max, given_max = cfg.syllable_max, cfg.joined_word_max, cfg.given_name_max
    if 2 <= len(words) <= 4 and all(len(w) <= joined_max for w in words):
        k = skeleton("".join(words), syllables=True)
        if len(k) >= 3:
            keys.add(k)

    def flush() -> None:
        if len(group) >= 2:
            k = skeleton("".join(group), syllables=True)
            if len(k) >= 2:
                keys.add(k)
        elif group and not group[0].isupper():
            k = skeleton(group[0])
            if len(k) >= 2:
                keys.add(k)
        elif group and len(skeleton(group[0])) >= 2:  # a short acronym: UN, TASS
            keys.add(skeleton(group[0]))
        group.clear()

    def is_long(w: str) -> bool:
        return len(w) > short and not w.isupper()

    last_long = len(words) >= 2 and is_long(words[-1])
    for i, w in enumerate(words):
        if len(w) <= short and not (w.isupper() and len(w) > 1):
            group.append(w)
            continue
        flush()
        if w.isupper() and len(w) <= 4:
            group.append(w)
            flush()
            continue
        if last_long and i < len(words) - 1 and is_long(w) and len(w) <= given_max:
            continue  # a given name before a family name (Sergey Lavrov): common to many people, no key alone
        k = skeleton(w)
        if len(k) >= 2:
            keys.add(k)
    flush()
    return keys


@lru_cache(maxsize=16384)  # bounded: names recur across articles; the keys depend on the name alone
def _name_keys(name: str) -> frozenset[str]:
    return frozenset(name_keys(name))


@lru_cache(maxsize=4)
def _scale_pattern(rules: Rules) -> tuple[re.Pattern[str] | None, dict[str, float]]:
    """Scale words after a number ("7.1 billion", "7,1 млрд", "690 тысяч", "7,1 tỷ") from languages.yaml."""
    scales: dict[str, float] = {}
    for code in rules.languages:
        scales.update(rules.number_scales.get(code, {}))
    if not scales:
        return None, {}
    alt = "|".join(re.escape(w) for w in sorted(scales, key=len, reverse=True))
    return re.compile(rf"\s?(?:{alt})(?!\w)", re.IGNORECASE), scales


@lru_cache(maxsize=4)
def _number_scan(rules: Rules) -> re.Pattern[str]:
    """_NUMBER with the character before it and the scale word after it, as groups (number, previous character,
    scale word): findall hands them over in C, where a match per number and a scale match after it cost Python
    calls per number. The scale group is optional and tried after the number has matched, so the number is the
    one _NUMBER finds and the scale the one _scale_pattern matches at its end (or "" for none)."""
    scale_pat, scales = _scale_pattern(rules)
    scale = f"((?i:{scale_pat.pattern}))?" if scale_pat is not None else "()"
    if scale_pat is not None and all(w == w.lower() for w in scales):
        # the words as a trie: one letter tested per level, not each word in turn; longer words stay first (a
        # word's continuations are tried before its end), as in the alternation sorted longest first
        scale = rf"((?i:\s?{_trie(sorted(scales))}(?!\w)))?"
    rest = _NUMBER.pattern[len(digit_lead()):]
    return re.compile(f"({digit_lead()}(?:(?s:(?<=(.).))|){rest}){scale}")


@lru_cache(maxsize=8192)  # bounded: the same numbers (years, counts) and scale words recur across articles
def _number_key(raw: str, scale: str, rules: Rules) -> str | None:
    """The key of one number as _NUMBER found it, with the scale word after it ("" for none)."""
    plain = raw.isdigit()  # most numbers: no separator, so neither grouped nor decimal
    if plain:
        value = float(raw)
    elif _GROUPED.fullmatch(raw):
        value = float(_GROUP_SEP.sub("", raw))
    else:
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            return None
    if scale:
        value = round(value * _scale_pattern(rules)[1][" ".join(scale.split()).lower()], 3)
        plain = False
    if plain and len(raw) == 4 and 1900 <= value <= 2099:
        return f"y{int(value)}"
    if value == int(value):
        return f"n{int(value)}" if value >= 10 else None
    if value < 1e6:
        return f"n{value:.3f}".rstrip("0")  # decimals are distinctive: 8.1 km, magnitude 4.7
    return None


def _number_keys(text: str, rules: Rules) -> set[str]:
    """Numbers as script-free keys: thousands separators and decimal commas read per their shape, scale
    words applied, so 690,000 / 690 тысяч / 690.000 and 7.1 billion / 7,1 млрд / 7,1 tỷ meet."""
    keys: set[str] = set()
    for raw, prev, scale in _number_scan(rules).findall(text):
        if prev and (prev.isalnum() or prev in ".,"):
            continue  # part of a word or of a number _NUMBER did not take whole
        key = _number_key(raw, scale, rules)
        if key is not None:
            keys.add(key)
    return keys


def fingerprint(
    title: str | None, body: str, lang: str | None, rules: Rules | None = None, names: list[str] | None = None
) -> list[str]:
    """Sorted story fingerprint keys for one article (names, numbers, day-month dates)."""
    rules = rules or get_rules()
    text = f"{title}\n\n{body}" if title else body
    keys: set[str] = set()
    for name in names if names is not None else extract_names(text, rules):
        keys |= _name_keys(name)
    keys |= _number_keys(text, rules)
    for dm in find_dates(text, lang, rules):
        if dm.day:
            keys.add(f"d{dm.month:02d}{dm.day:02d}")
    return sorted(keys)
