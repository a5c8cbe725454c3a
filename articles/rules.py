"""Load the cleaning rules (config/rules.yaml), the agency catalogue (config/agencies.yaml), the stoplists
(config/stoplists/) and language data (config/languages.yaml) once.

Rules are data, and general: a new language or wire service is a config change, a new site needs
none (there are no per-site rules). This module only turns the lists into compiled regexes.
Location: `common.config.config_dir()`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from common.config import config_dir, load_yaml

from .regex_compat import ATOMIC_GROUP, POSSESSIVE_REPEAT
from .regex_compat import constants as _c
from .regex_compat import parser as _parser

T = TypeVar("T")

LINE_CACHE_SIZE = 8192  # lines whose verdicts are remembered (per function; a site repeats its furniture)
LINE_CACHE_MAX_CHARS = 1000  # longer lines are judged afresh: the caches stay small whatever the input


def per_line(fn: Callable[..., T]) -> Callable[..., T]:
    """`fn(line, ...)` remembered per exact arguments (bounded, LINE_CACHE_SIZE): a site repeats its menus,
    bylines and captions on every page, and one page asks some verdicts of a line several times. Lines over
    LINE_CACHE_MAX_CHARS are judged afresh, so the memory stays small whatever the input. `fn` must be pure, and
    is called with positional arguments only (keywords would cost a dict per call, a million calls a run)."""
    remembered = lru_cache(maxsize=LINE_CACHE_SIZE)(fn)

    @wraps(fn)
    def judge(line: str, *args: Any) -> T:
        return remembered(line, *args) if len(line) <= LINE_CACHE_MAX_CHARS else fn(line, *args)

    return judge

MARKER_KEYS = (
    "crumb_home",
    "crumb_lines",
    "header_date_prefixes",
    "related_labels",
    "share_words",
    "photo_words",
    "photo_phrases",
    "source_prefixes",
    "credit_prefixes",
    "section_names",
)


def _alt(words: list[str]) -> str:
    """Regex alternation of literal phrases, longest first (so 'VNA/VNS' beats 'VNA')."""
    uniq = sorted({w.strip() for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


@dataclass
class LanguageData:
    code: str
    function_words: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()  # jusText's stoplist: density of these tells prose from furniture
    months: dict[str, int] = field(default_factory=dict)  # lowercase spelling -> month number
    past_year: list[re.Pattern[str]] = field(default_factory=list)
    current_year: list[re.Pattern[str]] = field(default_factory=list)
    future: re.Pattern[str] | None = None
    date_words: dict[str, list[str]] = field(default_factory=dict)  # time_prefixes, year_suffixes, day_words...


@dataclass(eq=False)  # identity hash: a Rules object can key caches
class Rules:
    raw: dict[str, Any]
    markers: dict[str, list[str]]
    agencies: list[str]
    agency_alt: str
    languages: dict[str, LanguageData]
    detect_with: list[str]
    name_stopwords: frozenset[str]
    signoff_end_marks: list[str]
    number_scales: dict[str, dict[str, float]] = field(default_factory=dict)
    story_common_names: list[str] = field(default_factory=list)
    mojibake: dict[str, Any] = field(default_factory=dict)
    agency_names: dict[str, str] = field(default_factory=dict)  # lower-case alias -> canonical name
    agency_suffixes: tuple[str, ...] = ()  # every alias as written, for str.endswith
    dateline_shapes: list[tuple[str, bool]] = field(default_factory=list)  # (regex template, agency required)
    furniture: tuple[re.Pattern[str], re.Pattern[str]] | None = None  # (at line start, anywhere), kinds as groups
    furniture_max_words: int = 30
    furniture_any_max_words: int = 25
    furniture_gate: tuple[str, ...] | None = None  # words one of which every anywhere-pattern match holds
    furniture_any: tuple[tuple[str, tuple[str, ...]], ...] = ()  # each anywhere-pattern's group and its words
    furniture_starts: tuple[str, ...] = ()  # the at-line-start patterns' groups, in order
    time_zones: list[str] = field(default_factory=list)
    # compiled
    crumb_home: re.Pattern[str] = field(init=False)
    crumb_line: re.Pattern[str] = field(init=False)
    header_date: re.Pattern[str] = field(init=False)
    related_label: re.Pattern[str] = field(init=False)
    share_token: re.Pattern[str] = field(init=False)
    caption_credit: re.Pattern[str] = field(init=False)
    caption_agency_photo: re.Pattern[str] = field(init=False)
    caption_phrase: re.Pattern[str] = field(init=False)
    signoff: re.Pattern[str] = field(init=False)
    source_line: re.Pattern[str] = field(init=False)
    agency_only: re.Pattern[str] = field(init=False)
    credit_line: re.Pattern[str] = field(init=False)
    section_name: re.Pattern[str] = field(init=False)
    month_alt: str = field(init=False)
    month_lookup: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        m = self.markers
        i = re.IGNORECASE
        self.crumb_home = re.compile(rf"^(?:{_alt(m['crumb_home'])})(?:\s*[›»>/|:]\s*|\s+)(?P<rest>.*)$", i)
        self.crumb_line = re.compile(rf"^[\s|•·*#-]*(?:{_alt(m['crumb_lines'])})[\s|:•·»›>]*$", i)
        self.header_date = re.compile(rf"^\s*(?:{_alt(m['header_date_prefixes'])})\s*:?\s+(?P<rest>.+)$", i)
        self.related_label = re.compile(
            rf"^[\s*•#>|-]*(?:{_alt(m['related_labels'])})\s*(?::|：|»|›|>|\.\.\.|…)?\s*(?P<rest>.*)$", i
        )
        self.share_token = re.compile(rf"(?<!\w)(?:{_alt(m['share_words'])})(?!\w)", i)
        photo = _alt(m["photo_words"])
        ag = self.agency_alt
        # "(Photo: Nguyen Hong)", "Фото: ВИА)", "(Ảnh: TTXVN)", "Photo by Jane Doe", "Photo courtesy of X"
        self.caption_credit = re.compile(
            rf"[(\[]?\s*(?:{photo})\s*(?::|by|courtesy of|/)\s*[^()\[\]\n]{{1,80}}[)\]]?\s*\.?\s*$", i
        )
        # "— VNA/VNS Photo", "– AFP Photo", "(Reuters photo)", "VNA Photo"
        self.caption_agency_photo = re.compile(
            rf"(?:[—–-]\s*|\(\s*|^|\s)(?:{ag}|[\w./ ]{{1,30}}?)\s+(?:{photo})\s*\)?\s*\.?\s*$", i
        )
        self.caption_phrase = re.compile(rf"[(\[]?\s*(?:{_alt(m['photo_phrases'])})\s*[)\]]?\s*\.?\s*$", i)
        self.signoff = re.compile(rf"\s*(?:[—–]|\s-{{1,2}}|^-{{1,2}}|(?:^|\s)/)\s*(?P<agency>{ag})/?\s*\.?\s*$")
        self.source_line = re.compile(
            rf"^\(?\s*(?:{_alt(m['source_prefixes'])})\s*:?\s*(?P<agency>{ag})\s*\)?\s*\.?\s*$", i
        )
        credit = _alt(m["credit_prefixes"]) or "(?!)"
        self.credit_line = re.compile(rf"^[(\[]?\s*(?:{credit})\b[^()\[\]]{{0,200}}[)\]]?\s*\.?$", i)
        self.section_name = re.compile(rf"^(?:{_alt(m['section_names']) or '(?!)'})$", i)
        self.agency_only = re.compile(rf"^[(\[]?\s*(?P<agency>{ag})\s*[)\]]?\s*\.?$")
        lookup: dict[str, int] = {}
        for lang in self.languages.values():
            lookup.update(lang.months)
        self.month_lookup = lookup
        self.month_alt = _alt(list(lookup))
        self.agency_suffixes = tuple(a.strip() for a in self.agencies if a.strip())

    def date_words(self, key: str) -> str:
        """Regex alternation of one kind of date word over all languages ("(?!)" when none)."""
        return _alt([w for ld in self.languages.values() for w in ld.date_words.get(key, [])]) or "(?!)"

    def canonical_agency(self, text: str | None) -> str | None:
        """The catalogue's canonical name of an agency credit (any alias, any case); unknown credits as given."""
        if not text:
            return text
        return self.agency_names.get(" ".join(text.split()).lower(), text)

    def ends_with_agency(self, line: str) -> bool:
        """Whether a line ends with an agency credit (case as written): the cheap test before the sign-off regex."""
        return line.rstrip(" .)/\t").endswith(self.agency_suffixes)

    def furniture_kind(self, line: str) -> str | None:
        """The kind of site furniture a line's wording shows ("promo", "footer", ...), or None."""
        if self.furniture is None or len(line) > 400 or line.count(" ") >= self.furniture_max_words:
            return None
        at_start, anywhere = self.furniture
        starts = _starting_with(self, line[:1]) if line else at_start
        m = starts.match(line) if starts is not None else None
        if m is None and line.count(" ") < self.furniture_any_max_words:
            low = line.lower()
            if self.furniture_gate is None:
                m = anywhere.search(low)  # lower-case patterns without re.I: ten times faster
            else:
                hits = [w for w in self.furniture_gate if w in low]
                m = self._search_anywhere(low, hits) if hits else None
        return m.lastgroup.split("__")[0] if m and m.lastgroup else None

    def _search_anywhere(self, low: str, hits: list[str] | None = None) -> re.Match[str] | None:
        """The anywhere-alternation cut to the patterns whose own words the line holds: the others cannot
        match (see _furniture_gate), and forty patterns each tried at every position cost ~100 us a line.
        Same order, same group names: the same match as the whole alternation. `hits`: the gate words the line
        holds (a pattern's word holds one of them, so only words holding a hit need a look)."""
        gate = self.furniture_gate or ()
        holding = _words_holding(self)
        present = {w for g in (gate if hits is None else hits) for w in holding.get(g, ()) if w in low}
        picked = tuple(group for group, words in self.furniture_any if not present.isdisjoint(words))
        return _alternation(picked).search(low) if picked else None

    def months_of(self, code: str) -> dict[str, int]:
        lang = self.languages.get(code)
        return lang.months if lang else {}


def _merge_markers(raw: dict[str, Any]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {k: [] for k in MARKER_KEYS}
    groups = list((raw.get("markers") or {}).values())
    for group in groups:
        for key in MARKER_KEYS:
            merged[key].extend(str(v) for v in (group or {}).get(key, []) or [])
    return merged


def _agency_catalogue(raw: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Every alias (plus the all-caps form of longer ones) and the alias -> canonical name map."""
    aliases: list[str] = []
    names: dict[str, str] = {}
    for entry in raw.get("agencies") or []:
        name = str(entry["name"])
        spelled = [name] + [str(a) for forms in (entry.get("aliases") or {}).values() for a in forms or []]
        for alias in spelled:
            for form in {alias, alias.upper() if len(alias) >= 4 else alias}:
                if form not in aliases:
                    aliases.append(form)
            names.setdefault(alias.lower(), name)
    return aliases, names


def _furniture_groups(raw: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The furniture patterns as groups named for their kind, in config order: (tried at the line start only,
    tried anywhere). One list for the whole alternations (_furniture) and their cuts (Rules.furniture_kind)."""
    start: list[str] = []
    anywhere: list[str] = []
    for kind, per_lang in (raw.get("furniture") or {}).items():
        for n, pat in enumerate(str(p) for forms in (per_lang or {}).values() for p in forms or []):
            group = f"(?P<{kind}__{n}>{pat[1:] if pat.startswith('^') else pat})"
            (start if pat.startswith("^") else anywhere).append(group)
    return tuple(start), tuple(anywhere)


def _furniture(groups: tuple[tuple[str, ...], tuple[str, ...]]) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Two alternations of the groups (one tried at the line start only, the other anywhere): one regex call per
    line instead of one per pattern."""
    start, anywhere = groups
    if not start and not anywhere:
        return None
    return re.compile("|".join(start) or "(?!)", re.I), re.compile("|".join(anywhere) or "(?!)")


@lru_cache(maxsize=256)
def _alternation(groups: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(groups), flags)


@lru_cache(maxsize=4)
def _words_holding(rules: Rules) -> dict[str, tuple[str, ...]]:
    """Each gate word -> the anywhere-patterns' words that hold it (a word holds one gate word at least)."""
    words = {w for _, ws in rules.furniture_any for w in ws}
    return {g: tuple(sorted(w for w in words if g in w)) for g in rules.furniture_gate or ()}


@lru_cache(maxsize=1024)
def _starting_with(rules: Rules, first: str) -> re.Pattern[str] | None:
    """The at-line-start alternation cut to the patterns that can match a line opening with `first` (None: none
    can): a line is tried against a few patterns, not sixty. Same order, same group names, same flags: the same
    match as the whole alternation. Bounded: one entry per first character seen."""
    picked = tuple(g for g in rules.furniture_starts if (cls := _opening(g)) is None or cls.match(first))
    return _alternation(picked, re.IGNORECASE) if picked else None


_CATEGORY_CLASS = {
    _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
}


@lru_cache(maxsize=256)
def _opening(pattern: str) -> re.Pattern[str] | None:
    """A character class (case-insensitive) holding the first character of every match of `pattern`, or None
    when any character can open one, the match can be empty, or the pattern is beyond this reading."""
    try:
        items, empty = _first_of(_parser.parse(pattern, re.IGNORECASE).data)
        if items is None or empty:
            return None
        parts = []
        for op, av in items:
            if op is _c.LITERAL:
                parts.append(re.escape(chr(av)))
            elif op is _c.RANGE:
                parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            else:
                parts.append(_CATEGORY_CLASS[av])  # KeyError: a category with no class, caught below
        return re.compile(f"[{''.join(parts)}]", re.IGNORECASE)
    except (KeyError, re.error):
        return None


def _first_of(seq: Any) -> tuple[list[tuple[Any, Any]] | None, bool]:
    """(class items one of which a match's first character meets, or None for any; whether the match can be
    empty) of a parsed regex sequence. Zero-width assertions are skipped: a superset is all that is needed."""
    items: list[tuple[Any, Any]] = []
    for op, av in seq:
        if op is _c.LITERAL:
            return [*items, (op, av)], False
        if op is _c.IN:
            if any(o is _c.NEGATE for o, _ in av):
                return None, False
            return [*items, *av], False
        if op is _c.SUBPATTERN:
            first, empty = _first_of(av[3])
        elif op is ATOMIC_GROUP:
            first, empty = _first_of(av)
        elif op is _c.BRANCH:
            first, empty = [], False
            for alt in av[1]:
                f, e = _first_of(alt)
                if f is None:
                    return None, False
                first, empty = first + f, empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, POSSESSIVE_REPEAT):
            first, empty = _first_of(av[2])
            empty = empty or av[0] == 0
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            first, empty = [], True
        else:  # any character, a back reference, a conditional: anything can open it
            return None, False
        if first is None:
            return None, False
        items += first
        if not empty:
            return items, False
    return items, True


def _literal_runs(pat: str) -> tuple[list[str], list[str]]:
    """(letter runs outside any group, all letter runs) of a regex; escapes and classes do not count."""
    top: list[str] = []
    every: list[str] = []
    depth, run, i = 0, "", 0

    def close(optional: bool) -> None:
        nonlocal run
        word = run[:-1] if optional else run  # "photos?": the s is optional, "photo" is not
        if len(word) >= 3:
            every.append(word)
            if depth == 0:
                top.append(word)
        run = ""

    while i < len(pat):
        ch = pat[i]
        if ch == "\\":
            close(False)
            i += 2
            continue
        if ch == "[":
            close(False)
            i = pat.find("]", i + 1) + 1 or len(pat)
            continue
        if ch.isalpha():
            run += ch
        else:
            close(ch in "?*{")
            depth += (ch == "(") - (ch == ")")
        i += 1
    close(False)
    return top, every


def minimal_substrings(words: Iterable[str]) -> tuple[str, ...]:
    """The words that hold no other word of the set: testing "w in line" for these alone finds the same lines."""
    uniq = sorted(set(words), key=len)
    kept: list[str] = []
    for w in uniq:
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(kept)


def _furniture_any(raw: dict[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """Each anywhere-pattern's group (as in _furniture, in its order) and words one of which any match of it
    holds (its longest word outside its groups, or all its words). None when a pattern has no word at all.
    Patterns in config never use a top-level "|": alternatives are list entries."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for kind, per_lang in (raw.get("furniture") or {}).items():
        for n, pat in enumerate(str(p) for forms in (per_lang or {}).values() for p in forms or []):
            if pat.startswith("^"):
                continue
            top, every = _literal_runs(pat)
            if not every:
                return None
            out.append((f"(?P<{kind}__{n}>{pat})", minimal_substrings([max(top, key=len)] if top else every)))
    return tuple(out)


def _furniture_gate(branches: tuple[tuple[str, tuple[str, ...]], ...] | None) -> tuple[str, ...] | None:
    """Words one of which any match of an anywhere-pattern holds: a line holding none cannot match, and
    substring tests are far cheaper than the regex. None (always search) when a pattern has no word."""
    return None if branches is None else minimal_substrings(w for _, words in branches for w in words)


def _stoplist(base: Path, code: str) -> frozenset[str]:
    path = base / "stoplists" / f"{code}.txt"
    if not path.exists():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def _language_data(code: str, raw: dict[str, Any]) -> LanguageData:
    months: dict[str, int] = {}
    for num, names in (raw.get("months") or {}).items():
        for name in names:
            months[str(name).lower()] = int(num)
    year = r"((?:19|20)\d{2})"
    past = [re.compile(p.replace("{year}", year), re.IGNORECASE) for p in raw.get("past_year_patterns") or []]
    current = [re.compile(p.replace("{year}", year), re.IGNORECASE) for p in raw.get("current_year_patterns") or []]
    date_words = {str(k): [str(w) for w in v or []] for k, v in (raw.get("date_words") or {}).items()}
    fut = raw.get("future_markers") or []
    future = re.compile("|".join(p.replace("{year}", r"(?:19|20)\d{2}") for p in fut), re.I) if fut else None
    words = frozenset(str(w).lower() for w in raw.get("function_words") or [])
    return LanguageData(
        code=code,
        function_words=words,
        months=months,
        past_year=past,
        current_year=current,
        future=future,
        date_words=date_words,
    )


@lru_cache(maxsize=4)
def _load(directory: str) -> Rules:
    base = Path(directory)
    raw = load_yaml(base / "rules.yaml")
    langs_raw = load_yaml(base / "languages.yaml")
    languages = {code: _language_data(code, data or {}) for code, data in (langs_raw.get("languages") or {}).items()}
    for code, lang in languages.items():
        lang.stopwords = _stoplist(base, code)
    catalogue = load_yaml(base / "agencies.yaml")
    agencies, agency_names = _agency_catalogue(catalogue)
    furniture_any = _furniture_any(raw)
    furniture_groups = _furniture_groups(raw)
    return Rules(
        raw=raw,
        markers=_merge_markers(raw),
        agencies=agencies,
        agency_alt=_alt(agencies),
        languages=languages,
        detect_with=[str(c) for c in langs_raw.get("detect_with") or ["en", "ru", "vi"]],
        name_stopwords=frozenset(str(w).lower() for w in raw.get("name_stopwords") or []),
        signoff_end_marks=[str(s) for s in raw.get("signoff_end_marks") or []],
        number_scales={
            code: {str(k).lower(): float(v) for k, v in ((data or {}).get("number_scales") or {}).items()}
            for code, data in (langs_raw.get("languages") or {}).items()
        },
        story_common_names=[str(n) for n in raw.get("story_common_names") or []],
        mojibake=_mojibake_data(langs_raw),
        agency_names=agency_names,
        dateline_shapes=[
            (str(d["pattern"]), bool(d.get("agency_required", True))) for d in catalogue.get("dateline_shapes") or []
        ],
        furniture=_furniture(furniture_groups),
        furniture_gate=_furniture_gate(furniture_any),
        furniture_any=furniture_any or (),
        furniture_starts=furniture_groups[0],
        furniture_max_words=int(raw.get("furniture_max_words") or 30),
        furniture_any_max_words=int(raw.get("furniture_any_max_words") or 25),
        time_zones=[str(z) for z in langs_raw.get("time_zones") or []],
    )


def _mojibake_data(langs_raw: dict[str, Any]) -> dict[str, Any]:
    """Letter prior, common words and spelling patterns (all languages merged) for refilling lost bytes."""
    langs = list((langs_raw.get("languages") or {}).values())
    prior = "".join(str(((d or {}).get("mojibake") or {}).get("prior", "")) for d in langs)
    words: set[str] = set()
    patterns: list[tuple[re.Pattern[str], float]] = []
    for data in langs:
        mb = (data or {}).get("mojibake") or {}
        words |= {str(w).lower() for w in mb.get("words") or []}
        for pat, weight in (mb.get("patterns") or {}).items():
            patterns.append((re.compile(str(pat)), float(weight)))
    return {"prior": prior, "words": frozenset(words), "patterns": patterns}


def get_rules() -> Rules:
    """The rule set for the current config dir (cached per directory)."""
    return _load(str(config_dir()))
