"""Language of an article as ISO 639-1, cheap checks first and lingua only when they are unsure.

Script ratios settle Cyrillic, CJK and Thai text at once. Latin text is decided on function words,
word by word, so English full of Vietnamese names (Hà Nội, Tô Lâm) stays English: names carry the
diacritics, but "the/of/and" carry the grammar. Lingua (a short list of languages, built once,
lazily) decides what the counts leave open.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import lru_cache
from typing import Any

from .rules import Rules, get_rules

_WORD = re.compile(r"[^\W\d_]+")
# runs of characters: counted by summing run lengths (far cheaper than one list item per character)
_VI_LETTERS = "ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_UK_LETTERS = "іїєґ"


def _either_case(letters: str) -> re.Pattern[str]:
    """Runs of these letters in either case, spelled out: what re.IGNORECASE matches here (a test checks every
    code point), at a fraction of its per-character cost."""
    return re.compile("[" + "".join(sorted(set(letters) | {c.upper() for c in letters})) + "]+")


_VI_ONLY = _either_case(_VI_LETTERS)
_UK_ONLY = _either_case(_UK_LETTERS)
# ASCII characters that are not letters: no [^\W\d_] match holds one
_ASCII_NOT_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
_KANA = re.compile("[\u3040-\u30ff]+")
_HAN = re.compile("[\u4e00-\u9fff]+")
_HANGUL = re.compile("[\uac00-\ud7af]+")
_THAI = re.compile("[\u0e00-\u0e7f]+")
_ASIAN = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_detector: Any = None
_lock = threading.Lock()

_LINGUA_NAMES = {
    "en": "ENGLISH",
    "ru": "RUSSIAN",
    "vi": "VIETNAMESE",
    "uk": "UKRAINIAN",
    "fr": "FRENCH",
    "de": "GERMAN",
    "es": "SPANISH",
    "it": "ITALIAN",
    "pt": "PORTUGUESE",
    "zh": "CHINESE",
    "ja": "JAPANESE",
    "ko": "KOREAN",
    "th": "THAI",
    "id": "INDONESIAN",
    "pl": "POLISH",
    "tr": "TURKISH",
    "bg": "BULGARIAN",
    "nl": "DUTCH",
}


def _lingua(rules: Rules) -> Any:
    """The lingua detector, built once per process on first need."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                langs = [getattr(Language, _LINGUA_NAMES[c]) for c in rules.detect_with if c in _LINGUA_NAMES]
                _detector = LanguageDetectorBuilder.from_languages(*langs).build()
    return _detector


@lru_cache(maxsize=1)
def _bmp_words() -> re.Pattern[str]:
    """_WORD for text with no character beyond the BMP: the letters spelled out as ranges, tested by one table
    lookup per character instead of _WORD's category tests (same runs: the class is exactly the BMP characters
    _WORD matches, computed once)."""
    bmp = "".join(map(chr, range(0x10000)))  # code points in order: each run of letters is a range of them
    spans = [(m.start(), m.end() - 1) for m in _WORD.finditer(bmp)]
    ranges = [re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in spans]
    return re.compile("[" + "".join(ranges) + "]+")


def _has_astral(text: str) -> bool:
    """Whether text holds a character beyond the BMP (a surrogate pair in UTF-16, so the encoding grows)."""
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters of text the (run) pattern matches."""
    return sum(map(len, pattern.findall(text)))


def _share_above(pattern: re.Pattern[str], text: str, total: int, share: float) -> bool:
    """Whether _count(pattern, text) / total > share, counting only until it is (the count only grows, and the
    same division is tested on each partial count): Vietnamese text passes within its first words."""
    found = 0
    for m in pattern.finditer(text):
        found += m.end() - m.start()
        if found / total > share:
            return True
    return False


def _cyrillic(sample: str) -> int:
    """Characters of U+0400-U+04FF: in UTF-16 each is one unit whose high byte is 04 (astral characters are two
    units with high bytes D8-DF), so one byte count in C tells."""
    return sample.encode("utf-16-le", "surrogatepass")[1::2].count(4)


def _letters_at_most(sample: str) -> int:
    """An upper bound of the letters of `sample`: every character but the ASCII ones that are no letter."""
    raw = sample.encode("utf-8", "surrogatepass")  # ASCII stays one byte, nothing else encodes below 0x80
    return len(sample) - (len(raw) - len(raw.translate(None, _ASCII_NOT_LETTER)))


def _cyrillic_code(sample: str, cyr: int) -> str:
    return "uk" if _count(_UK_ONLY, sample) > max(2, cyr * 0.005) else "ru"


def detect_language(text: str, rules: Rules | None = None, *, use_model: bool = True) -> str | None:
    """ISO 639-1 code of the text, or None when there is too little text to tell.

    use_model=False gives only the cheap answer (None when unsure), for a first guess."""
    rules = rules or get_rules()
    sample = text[:3000]
    cyr = _cyrillic(sample)
    # Cyrillic text is decided before its words are listed: more than half of even an upper bound of the
    # letters is more than half of the letters, and three letters in its head make the text long enough
    if cyr and 2 * cyr > _letters_at_most(sample) and sum(map(len, _WORD.findall(sample[:64]))) >= 3:
        return _cyrillic_code(sample, cyr)
    low = sample.lower()
    # letter runs: their lengths count the letters. Lower-cased first when that is the same as lower-casing each
    # run (one C call, not one per word): lower case keeps every character a letter or not (a test checks every
    # code point) and one character long but for İ, and only Σ lowers by its context, which may reach past its run
    lowered = len(low) == len(sample) and "Σ" not in sample
    raw_words = (_WORD if _has_astral(sample) else _bmp_words()).findall(low if lowered else sample)
    n = sum(map(len, raw_words))
    if n < 3:
        return None
    if cyr / n > 0.5:
        return _cyrillic_code(sample, cyr)
    if _ASIAN.search(sample):  # one scan decides that the four counts below are all zero
        kana = _count(_KANA, sample)
        han = _count(_HAN, sample)
        if (kana + han) / n > 0.3:
            return "ja" if kana > n * 0.05 else "zh"
        if _count(_HANGUL, sample) / n > 0.3:
            return "ko"
        if _count(_THAI, sample) / n > 0.3:
            return "th"
    if raw_words:
        counts = Counter(raw_words if lowered else map(str.lower, raw_words))  # in C: no Python loop over the words
        total = len(raw_words)
        scores = {
            code: sum(counts[w] for w in counts.keys() & data.function_words) / total
            for code, data in rules.languages.items()
            if data.function_words
        }
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 0.12 and (len(ranked) < 2 or ranked[0][1] >= 2.5 * ranked[1][1]):
            top = ranked[0][0]
            if top != "vi" or _share_above(_VI_ONLY, sample, max(total, 1), 0.05):
                return top
    if not use_model:
        return None
    try:
        lang = _lingua(rules).detect_language_of(sample[:2000])
    except Exception:  # lingua missing or broken: fall back to the counts
        lang = None
    if lang is None:
        return None
    return lang.iso_code_639_1.name.lower()
