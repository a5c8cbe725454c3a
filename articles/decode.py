"""Bytes -> clean Unicode text: detect the encoding, refuse binary, repair mojibake, normalise.

Scraped files arrive in UTF-8, Windows-1251, Windows-1252 and worse: text that was UTF-8, got
decoded as Windows-1252 and saved again ("Viá»‡t Nam"). ftfy repairs that when every byte
survived; `_repair_lossy` handles the common case where the bytes 0x81/0x8D/0x8F/0x90/0x9D were
dropped or replaced because Windows-1252 has no character for them.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ftfy
from charset_normalizer import from_bytes


class Undecodable(ValueError):
    """The bytes are not text we can read; the message is the quarantine reason."""


@dataclass
class Decoded:
    text: str
    encoding: str | None
    fixes: list[str] = field(default_factory=list)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Control characters other than \t \n \r \f: a few are tolerable, many mean binary.
_CTRL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Two-character signatures of UTF-8 read as Windows-1252/Latin-1 (lead byte char + continuation char).
_CONTINUATION = (
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_MOJIBAKE = re.compile(
    "[\u00c2-\u00c6\u00d0\u00d1]" + _CONTINUATION + "|\u00e1[\u00ba\u00bb]|\u00e2\u20ac|\u00e2\u0080"
)
# _MOJIBAKE for a yes/no search: one character class first (then what must follow it), so the scan skips to the
# few candidate characters instead of trying three branches at each one; it matches where _MOJIBAKE does
_MOJIBAKE_SEEN = re.compile(
    "[\u00c2-\u00c6\u00d0\u00d1\u00e1\u00e2](?:(?<=[\u00c2-\u00c6\u00d0\u00d1])" + _CONTINUATION
    + "|(?<=\u00e1)[\u00ba\u00bb]|(?<=\u00e2)[\u20ac\u0080])"
)
_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_WS = re.compile(r"\s")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ODD = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # either of the two


_CTRL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB: an image, archive or executable."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _bomless_utf16(head):
        return False  # UTF-16 text has NULs by design
    if b"\x00" in head:
        return True
    ctrl = len(head) - len(head.translate(None, _CTRL_BYTES))
    return ctrl / len(head) > 0.05


_NOT_LOW = bytes(range(0x20, 0x100))


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 saved without a byte-order mark: on one side of nearly every byte pair the same control byte
    (the high byte of Latin, Cyrillic or Vietnamese letters: 00, 04, 1E); the order is read off the side."""
    pairs = min(len(head), 4096) // 2
    if pairs < 8:
        return None
    even, odd = head[0 : pairs * 2 : 2], head[1 : pairs * 2 : 2]
    for hi, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if len(hi.translate(None, _NOT_LOW)) < 0.4 * pairs:
            continue  # too few bytes below 0x20 for any of them to be the high byte: skip the 32 counts
        top = max(range(0x20), key=hi.count)
        if hi.count(top) < 0.4 * pairs:
            continue
        try:
            text = head[: pairs * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and sum(ch.isalpha() or ch.isspace() for ch in text) >= 0.7 * len(text):
            return enc
    return None


def detect_decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, returning (text, encoding). UTF-8 first (cheap, exact), then charset-normalizer."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace"), enc
    head = data[:8192]
    enc16 = _bomless_utf16(head) if b"\x00" in head or b"\x04" in head or b"\x1e" in head else None
    if enc16:
        return data.decode(enc16, errors="replace"), enc16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data, cp_isolation=None)
    if matches.best() is None:
        raise Undecodable("undecodable: no text encoding fits the bytes")
    return rank_code_pages(data, [m.encoding for m in matches])


# Code pages news text is written in, most common first: the tie-break between readings that score alike.
PREFERRED = ("cp1252", "cp1251", "koi8_r", "utf_16", "cp1258", "iso8859_5", "cp1250")
# Letters news in en/ru/vi (and the names they quote) use; a decoding that yields others is suspect.
_LATIN_EXTRA = set("ĂăĐđĨĩŨũƠơƯưŒœŠšŽžŸ")
_WORD_RUN = re.compile(r"[^\W\d_]+")


_ALL_CYRILLIC = re.compile("[\u0410-\u044fЁё]+")
_CYRILLIC_LETTER = re.compile("[\u0410-\u044fЁё]")
_CASE_FLIP = re.compile("[а-яё][А-ЯЁ]")  # a lower-case letter before a capital, of those letters
_LATIN_LETTERS = re.compile("[\x00-\x7f\u00c0-\u00ff\u1ea0-\u1ef9" + "".join(sorted(_LATIN_EXTRA)) + "]*")


def _plausible(word: str) -> bool:
    """A word of one script whose letters that language uses: Cyrillic with sane case, or Latin with few
    accents ("Ìîñêâà" is Cyrillic read with the wrong code page, "Ś" a dash read as cp775). Cached for
    word-sized words: a page ranks up to ten readings, and most words recur in them and in other pages."""
    return _plausible_word(word) if len(word) <= 32 else _plausible_text(word)


def _plausible_text(word: str) -> bool:
    if _ALL_CYRILLIC.fullmatch(word):
        return not _CASE_FLIP.search(word)
    if _CYRILLIC_LETTER.search(word) or not _LATIN_LETTERS.fullmatch(word):
        return False
    accented = len(word) - len(word.encode("ascii", "ignore"))  # every other letter is an accepted accented one
    return accented <= max(1, len(word) // 2)


_plausible_word = lru_cache(maxsize=16384)(_plausible_text)


def _reading_score(text: str) -> float:
    words = Counter(_WORD_RUN.findall(unicodedata.normalize("NFC", text[:2000])))  # cp1258 spells tones as marks
    if not words:
        return 0.0
    total = sum(len(w) * n for w, n in words.items())
    return sum(len(w) * n for w, n in words.items() if _plausible(w)) / total


def rank_code_pages(data: bytes, detected: list[str]) -> tuple[str, str]:
    """(text, encoding): of the detector's candidates and the common news code pages, the reading whose
    words look most like en/ru/vi words; ties go to the more common code page, then the detector's order."""
    order = list(dict.fromkeys([*PREFERRED, *detected[:3]]))
    best: tuple[float, int, str, str] | None = None
    for rank, enc in enumerate(order):
        text = _try(data, enc)
        if not text or (enc.startswith("utf_16") and not data.startswith((b"\xff\xfe", b"\xfe\xff"))):
            continue
        key = (_reading_score(text), -rank)
        if best is None or key > best[:2]:
            best = (*key, text, enc)
        if key[0] >= 0.98:
            break  # (nearly) every word plausible: a less common code page will not read better
    if best is None:
        raise Undecodable("undecodable: no text encoding fits the bytes")
    return best[2], best[3]


def _try(data: bytes, enc: str) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return ""


# When Windows-1252 had no character for a UTF-8 continuation byte, that byte is lost. Given the
# bytes before the hole, the most frequent letter in news text decides which byte it was.
_LOST_BYTE = {
    b"\xd1": 0x81,  # с
    b"\xd0": 0x9D,  # Н
    b"\xc3": 0x81,  # Á
    b"\xc4": 0x90,  # Đ
    b"\xc5": 0x8D,  # ō/ō-ish rare
    b"\xe1\xbb": 0x9D,  # ờ (người)
    b"\xe1\xba": 0xA1,  # ạ
    b"\xe2\x80": 0x9D,  # ” right double quote
}
_CP1252_LOST = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_RUN_CLASS = (
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]"
)
# what makes a run worth repairing: a mojibake signature or a replacement character (a hole)
_TRIGGER = re.compile(_MOJIBAKE.pattern + "|\ufffd")
# the runs _repair_lossy repairs, as a split pattern (text between runs and the runs, alternating): each a whole
# run holding a trigger (every trigger character is a run character, so the match is the run's full extent).
# Led by the run class itself, so the engine skips to a run character by a table lookup: a first run character
# with none before it, then, looked at from that character, a trigger the run reaches, then the rest of the run
# (the plain form, which tries its look-behind at every character, is in tests/test_decode_fast2.py)
_TRIGGER_SPLIT = re.compile(
    f"({_RUN_CLASS}(?<!{_RUN_CLASS}.)(?<=(?={_RUN_CLASS}*?(?:{_TRIGGER.pattern})).){_RUN_CLASS}*)"
)
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes a surrogateescape decode could not read


def _char_byte(ch: str) -> int | None:
    if ch == "\ufffd":
        return -1  # a hole
    o = ord(ch)
    if 0x80 <= o <= 0x9F:
        return o  # C1 control kept by a latin-1 decode
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return o if o <= 0xFF else None


# every character a run can hold -> its byte (None: no cp1252 byte; -1: a hole), computed once
_RUN_CHARS = [chr(o) for o in range(0x80, 0x100)] + list(
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201b\u201c"
    "\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd"
)
_RUN_BYTE: dict[str, int | None] = {ch: _char_byte(ch) for ch in _RUN_CHARS}
# the same as a str.translate table for the fast path: runs with neither holes nor unmappable characters
_TO_LATIN1 = {ord(ch): v for ch, v in _RUN_BYTE.items() if v is not None and v >= 0}
# the table for many runs at once: the run characters without a byte (the hole, and "‛", which cp1252 lacks)
# become 0xFF, a byte no UTF-8 sequence holds, so their runs fail the fast path and take the slow one
_TO_BYTE = _TO_LATIN1 | {ord(ch): 0xFF for ch, v in _RUN_BYTE.items() if v is None or v < 0}


def _utf8_len(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


_HOLE_BASE = 0xF0000  # supplementary private use: never in scraped news text
_HOLE_FIRST, _HOLE_LAST = "\U000f0000", "\U000fffff"  # the placeholders' range, compared without a regex call
# a word holding a placeholder; tried only where a word starts (a match always does), so a word without one
# costs one scan instead of one per character
_HOLE_WORD = re.compile(
    "(?<![\\w\U000f0000-\U000fffff])[\\w\U000f0000-\U000fffff]*[\U000f0000-\U000fffff][\\w\U000f0000-\U000fffff]*"
)
_TEXT_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=64)
def _hole_candidates(prefix: bytes) -> tuple[str, ...]:
    """Every character a lost last byte could have completed (only bytes cp1252 cannot show)."""
    out = []
    for b in sorted(_CP1252_LOST):
        try:
            ch = (prefix + bytes([b])).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if unicodedata.category(ch)[0] in "LP":
            out.append(ch)
    return tuple(out)


def _repair_run(run: str, holes: list[tuple[str, ...]] | None = None) -> str:
    """Re-encode one mojibake run to bytes and decode it as UTF-8, filling dropped bytes. A hole that could
    be several letters becomes a placeholder (its letters listed in `holes`, one placeholder per list of
    letters: the same word with holes is then the same string wherever it recurs) for _resolve_holes to
    decide by word."""
    try:  # fast path, same result: the run re-encoded is already complete UTF-8 (no hole to fill)
        return run.translate(_TO_LATIN1).encode("latin-1").decode("utf-8")
    except UnicodeError:
        pass
    if holes is None:
        return _run_bytes(run, None)
    return _repair_slow(run, holes)


def _repair_slow(run: str, holes: list[tuple[str, ...]]) -> str:
    """_repair_run for a run its fast path cannot decode (as _fast_runs found)."""
    text, local = _run_parts(run)
    renumber: dict[int, int] = {}  # placeholders are numbered from 0 in the cached form: number them in `holes`
    for j, letters in enumerate(local):
        k = _hole_number(holes, letters)
        if k != j:
            renumber[_HOLE_BASE + j] = _HOLE_BASE + k
    return text.translate(renumber) if renumber else text


def _hole_number(holes: list[tuple[str, ...]], letters: tuple[str, ...]) -> int:
    """The placeholder number of a hole with these candidate letters (a handful of lists: a scan is cheap)."""
    try:
        return holes.index(letters)
    except ValueError:
        holes.append(letters)
        return len(holes) - 1


_RUN_PARTS_MAX = 8192
_RUN_PARTS_LEN = 64  # longer runs are not cached: the cache stays under a few MB
_run_parts_cache: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {}


def _run_parts(run: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """_run_bytes of a run with its holes numbered from 0, cached by run (the same mojibake words recur in a
    text and across a feed); bounded: word-sized runs only, emptied when full, and a pure function of the run,
    so never stale."""
    hit = _run_parts_cache.get(run)
    if hit is None:
        local: list[tuple[str, ...]] = []
        hit = (_run_bytes(run, local), tuple(local))
        if len(run) > _RUN_PARTS_LEN:
            return hit
        if len(_run_parts_cache) >= _RUN_PARTS_MAX:
            _run_parts_cache.clear()
        _run_parts_cache[run] = hit
    return hit


def _run_bytes(run: str, holes: list[tuple[str, ...]] | None) -> str:
    """_repair_run's byte-by-byte path: runs with holes, unmappable characters or broken sequences."""
    vals = [_RUN_BYTE.get(c) for c in run]
    if None in vals:
        return run
    out = bytearray()
    i = 0
    while i < len(vals):
        v = vals[i]
        n = _utf8_len(v) if v and v > 0 else 0
        if not n:
            return run  # not a UTF-8 sequence start: leave the run alone
        seq = bytearray([v])
        i += 1
        open_hole: tuple[str, ...] = ()
        while len(seq) < n:
            nxt = vals[i] if i < len(vals) else None
            if nxt is not None and 0x80 <= nxt <= 0xBF:
                seq.append(nxt)
                i += 1
                continue
            fill = _LOST_BYTE.get(bytes(seq))
            if fill is None:
                return run
            if holes is not None and len(seq) + 1 == n:
                cands = _hole_candidates(bytes(seq))
                open_hole = cands if len(cands) > 1 else ()
            seq.append(fill)
            if nxt == -1:
                i += 1
        if open_hole:
            out += chr(_HOLE_BASE + _hole_number(holes, open_hole)).encode("utf-8")  # type: ignore[arg-type]
        else:
            out += seq
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return run


def _fast_runs(runs: list[str]) -> list[str | None]:
    """_repair_run's fast path for many runs in one encode/decode (a per-run call dominated lossy repair):
    each run's text when it re-encodes to complete UTF-8, else None (holes, unmappable or broken bytes).
    Runs are joined by NUL, an ASCII byte no run holds and no UTF-8 sequence can swallow, so each run
    decodes exactly as it would alone; a character without a byte becomes 0xFF, which no UTF-8 holds, so
    its run fails to decode (as it must: it takes the slow path) without a search per run."""
    try:
        raw = "\x00".join(runs).translate(_TO_BYTE).encode("latin-1")
    except UnicodeEncodeError:  # a character no run can hold: be safe anyway
        return [None] * len(runs)
    decoded = raw.decode("utf-8", "surrogateescape")
    parts: list[str | None] = decoded.split("\x00")  # type: ignore[assignment]
    k, pos = 0, 0
    for m in _ESCAPED.finditer(decoded):  # the runs holding an undecodable byte, told by the NULs before it
        k += decoded.count("\x00", pos, m.start())
        pos = m.start()
        parts[k] = None
    return parts


def _repair_lossy(text: str) -> str:
    """Repair every run of cp1252-range characters that holds a mojibake signature or a hole (only those:
    the runs are found from the signatures, so clean accented text around them costs nothing)."""
    parts = _TRIGGER_SPLIT.split(text)  # text between runs, run, text between runs, ...
    if len(parts) == 1:
        return text
    runs = parts[1::2]
    fast = _fast_runs(runs)
    holes: list[tuple[str, ...]] = []
    if any(done is None for done in fast):  # in order: holes are numbered
        fast = [done if done is not None else _repair_slow(run, holes) for run, done in zip(runs, fast, strict=True)]
    parts[1::2] = fast
    fixed = "".join(parts)
    return _resolve_holes(fixed, holes) if holes else fixed


@lru_cache(maxsize=4)
def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that searches true exactly when one of `patterns` does (an alternation), or None when they
    cannot be joined safely (groups that a backreference could number, differing flags)."""
    if not patterns or any(p.groups for p in patterns) or len({p.flags for p in patterns}) != 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return None


class _WordTables:
    """Scores of every reading of a word with holes, for one mojibake config (config `mojibake`).

    A reading's score is the same in every text except for one term: +6 when the text spells that reading
    intact elsewhere. So per (word shape, hole options) both scores of each reading, with and without that
    term, are computed once (the same float operations in the same order as scoring it in place) and kept,
    with the winner when no reading is in the text: most words then cost one set test. Bounded (emptied when
    full); the tables are a pure function of the config and the key, so they are never stale."""

    MAX_READINGS = 100_000  # readings kept over all tables (a word with four holes has up to 625): some MB

    def __init__(self, cfg: dict[str, Any]) -> None:
        self.cfg = cfg
        self.prior: str = cfg["prior"]
        self.words: frozenset[str] = cfg["words"]
        self.patterns: list[tuple[re.Pattern[str], float]] = cfg["patterns"]
        self.gate = _any_of(tuple(p for p, _ in self.patterns))
        # per candidate letter: (0.4 * its prior rank, is a letter, is upper case, is lower case)
        self.traits: dict[str, tuple[float, bool, bool, bool]] = {}
        self.tables: dict[tuple[str, tuple[tuple[str, ...], ...]], _Table] = {}
        self.readings = 0

    def _trait(self, ch: str) -> tuple[float, bool, bool, bool]:
        t = self.traits.get(ch)
        if t is None:
            k = self.prior.find(ch)
            t = self.traits[ch] = (0.4 * (k if k >= 0 else len(self.prior)), ch.isalpha(), ch.isupper(), ch.islower())
        return t

    def _terms(self, lw: str) -> list[float]:
        """What a reading scores after the in-text term, in the order it is added: a configured common word,
        then each spelling pattern it matches."""
        terms: list[float] = [5] if lw in self.words else []
        if self.gate is None or self.gate.search(lw):  # most readings match no pattern: one search tells
            terms += [weight for pat, weight in self.patterns if pat.search(lw)]
        return terms

    def table(self, shape: str, options: tuple[tuple[str, ...], ...]) -> _Table:
        key = (shape, options)
        tab = self.tables.get(key)
        if tab is None:
            tab = self._build(shape, options)
            if self.readings + len(tab.rows) > self.MAX_READINGS:
                self.tables.clear()
                self.readings = 0
            self.tables[key] = tab
            self.readings += len(tab.rows)
        return tab

    def _build(self, shape: str, options: tuple[tuple[str, ...], ...]) -> _Table:
        positions = [k for k, c in enumerate(shape) if c == "\x00"]
        known = [c for c in shape if c != "\x00" and c.isalpha()]  # the same letters in every reading
        n_known = len(known)
        known_upper = all(c.isupper() for c in known)
        traits = [[self._trait(ch) for ch in opt] for opt in options]
        rows: list[tuple[str, str, float, float]] = []
        best, best_score = shape, float("-inf")
        chars = list(shape)  # every hole position is overwritten for each reading
        for idx in itertools.product(*(range(len(o)) for o in options)):
            picks = [options[j][i] for j, i in enumerate(idx)]
            for k, ch in zip(positions, picks, strict=True):
                chars[k] = ch
            cand = "".join(chars)
            lw = cand.lower()
            without, within = 0.0, 0.0
            within += 6
            for term in self._terms(lw):
                without += term
                within += term
            picked = [traits[j][i] for j, i in enumerate(idx)]
            upper_word = known_upper and n_known + sum(1 for t in picked if t[1]) > 1
            for (r04, alpha, upper, lower), pos in zip(picked, positions, strict=True):
                # a letter's rarity, and a case that does not fit the word (a capital inside a lower-case word)
                without -= r04
                within -= r04
                if alpha and pos > 0 and not upper_word and upper:
                    without -= 4
                    within -= 4
                if alpha and upper_word and lower:
                    without -= 4
                    within -= 4
            rows.append((cand, lw, without, within))
            if without > best_score:
                best, best_score = cand, without
        return _Table(tuple(rows), frozenset(r[1] for r in rows), best)


@dataclass(frozen=True)
class _Table:
    rows: tuple[tuple[str, str, float, float], ...]  # (reading, lower case, score, score when the text spells it)
    lowered: frozenset[str]
    best: str  # the winner when the text spells no reading


_tables: list[_WordTables] = []


def _word_tables(cfg: dict[str, Any]) -> _WordTables:
    """The tables of this config (a new config, e.g. another config dir, starts afresh)."""
    if not _tables or _tables[0].cfg is not cfg:
        _tables[:] = [_WordTables(cfg)]
    return _tables[0]


def _resolve_holes(text: str, holes: list[tuple[str, ...]]) -> str:
    """Pick each lost letter by word: a reading the text itself spells intact elsewhere, a configured
    common word, the language's spelling rules (config `mojibake`), then the most frequent letter."""
    from .rules import get_rules

    tables = _word_tables(get_rules().mojibake)
    # words the text spells intact (a placeholder is no letter: it ends a word as the space it once became did)
    vocab = set(map(str.lower, set(_TEXT_WORD.findall(text))))
    done: dict[tuple[str, tuple[tuple[str, ...], ...]], str] = {}  # the same word with the same holes
    by_word: dict[str, str] = {}  # the same word with the same placeholders: one per list of letters

    def fix_word(m: re.Match[str]) -> str:
        word = m.group(0)
        hit = by_word.get(word)
        if hit is None:
            hit = by_word[word] = pick(word)
        return hit

    def pick(word: str) -> str:
        positions = [k for k, ch in enumerate(word) if _HOLE_FIRST <= ch <= _HOLE_LAST]  # no regex call per character
        options = [holes[ord(word[k]) - _HOLE_BASE] for k in positions]
        if len(positions) > 4:
            options = [o[:1] for o in options]
        shape = "".join("\x00" if k in positions else c for k, c in enumerate(word))  # \x00 is never in a word
        key = (shape, tuple(options))
        hit = done.get(key)
        if hit is not None:
            return hit
        tab = tables.table(*key)
        best = tab.best
        if not tab.lowered.isdisjoint(vocab):  # the text spells a reading: score them again with that term
            best_score = float("-inf")
            for cand, lw, without, within in tab.rows:
                sc = within if lw in vocab else without
                if sc > best_score:
                    best, best_score = cand, sc
        done[key] = best
        return best

    return _HOLE_WORD.sub(fix_word, text)


# UTF-8 read as Windows-1251: each Cyrillic letter became "Р" or "С" (lead bytes D0, D1) and a character of
# cp1251's 0x80-0xBF block ("РќРѕРІРѕСЃС‚Рё"); "—" became "вЂ”". The one byte cp1251 cannot show (0x98, in "И")
# comes back as U+FFFD or as the C1 control U+0098.
_CP1251_HIGH = bytes(range(0x80, 0x100)).decode("cp1251", errors="replace")
_MOJIBAKE_1251 = re.compile("[РС][" + re.escape(_CP1251_HIGH[:0x40] + "\u0098") + "]|вЂ|в„")
# the same matches (one branch per first letter, all two characters long), led by one character class: cheaper
_MOJIBAKE_1251_SCAN = re.compile(
    "[РСв](?:(?<=[РС])[" + re.escape(_CP1251_HIGH[:0x40] + "\u0098") + "]|(?<=в)[Ђ„])"
)
_RUN_1251 = re.compile("[" + re.escape(_CP1251_HIGH + "\u0098") + "]+")
_TO_1251 = {ord(ch): 0x80 + i for i, ch in enumerate(_CP1251_HIGH) if ch != "\ufffd"} | {0xFFFD: 0x98, 0x98: 0x98}
MOJIBAKE_1251_MIN = 3  # signatures a text needs before it is read back: a stray "С…" in real Russian is one


def _repair_1251(text: str) -> str:
    """Read back, as UTF-8, every run of cp1251 characters that holds the signature (a run that does not
    decode stays as it was)."""
    def fix(m: re.Match[str]) -> str:
        run = m.group()
        if not _MOJIBAKE_1251_SCAN.search(run):
            return run
        try:
            return run.translate(_TO_1251).encode("latin-1").decode("utf-8")
        except UnicodeError:
            return run

    return _RUN_1251.sub(fix, text)


def _signatures_1251(text: str) -> int:
    """How many cp1251 mojibake signatures `text` holds, counting no further than MOJIBAKE_1251_MIN."""
    return sum(1 for _ in itertools.islice(_MOJIBAKE_1251_SCAN.finditer(text), MOJIBAKE_1251_MIN))


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Fix UTF-8-read-as-cp1252 (or cp1251) text; cheap checks first so clean text costs a few regex searches."""
    if text.isascii():  # (a flag of the string: free) no character any repair looks for
        return text, False
    if ("Р" in text or "С" in text or "в" in text) and _signatures_1251(text[:20000]) >= MOJIBAKE_1251_MIN:
        fixed = _repair_1251(text)
        if fixed != text:
            return repair_mojibake(fixed)[0], True
    if not _MOJIBAKE_SEEN.search(text) and "\ufffd" not in text:
        return text, False
    fixed = _repair_lossy(text)
    if _MOJIBAKE_SEEN.search(fixed):
        fixed = ftfy.fix_encoding(fixed)
    return fixed, fixed != text


def normalise(text: str, fixes: list[str]) -> str:
    """NFC, no NBSP or odd spaces, no zero-width characters, Unix newlines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # nothing below applies to ASCII but tabs
        return text.replace("\t", " ") if "\t" in text else text
    if _ODD.search(text):  # one scan for the two kinds (they are rare)
        nbsp = "\u00a0" in text
        if nbsp:  # nearly every odd space is an NBSP: str.replace is far cheaper than a regex substitution
            text = text.replace("\u00a0", " ")
        if _SPACES.search(text):
            text = _SPACES.sub(" ", text)
            nbsp = True
        if nbsp:
            fixes.append("nbsp")
        if _ZERO_WIDTH.search(text):
            text = _ZERO_WIDTH.sub("", text)
            fixes.append("zero-width")
    # normalize returns text that passes the quick check as it is; text that does not is normalised once (asking
    # is_normalized first would normalise it twice: once to compare, once to keep)
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        text = nfc
        fixes.append("nfc")
    if "\t" in text:
        text = text.replace("\t", " ")
    return text


def fix_text(text: str, fixes: list[str]) -> str:
    """Repairs applied to any text, whatever its container (txt body, JSON field, HTML text)."""
    text, changed = repair_mojibake(text)
    if changed:
        fixes.append("mojibake")
    return normalise(text, fixes)


def _few_spaces(head: str) -> bool:
    """Fewer white-space characters than 1% of `head` (counting stops at that many: text has far more)."""
    limit = math.ceil(len(head) * 0.01)  # n < x exactly when n < ceil(x), for a whole number n
    return sum(1 for _ in itertools.islice(_WS.finditer(head), limit)) < limit


def decode_bytes(data: bytes) -> Decoded:
    """Bytes of a text file -> repaired, normalised text; raises Undecodable with a reason."""
    if looks_binary(data):
        raise Undecodable("binary: not a text file")
    text, enc = detect_decode(data)
    fixes: list[str] = []
    if enc not in ("utf-8", "ascii"):
        fixes.append(f"decoded-{enc}")
    text = fix_text(text, fixes)
    if text.count("\ufffd") > max(3, len(text) // 50):
        raise Undecodable("undecodable: too many invalid byte sequences")
    head = text[:2000]
    markup = head.lstrip().startswith("<")  # a page's head is scripts and URLs: its text is judged once extracted
    if len(head) >= 200 and not markup and _few_spaces(head) and not _CJK.search(head[:400]):
        raise Undecodable("undecodable: the decoded bytes are not language (no word breaks)")
    if _CTRL.search(text):
        bad = len(_CTRL.findall(text))
        if bad > max(3, len(text) // 100):
            raise Undecodable("binary: too many control characters")
        text = _CTRL.sub("", text)
    return Decoded(text=text, encoding=enc, fixes=fixes)
