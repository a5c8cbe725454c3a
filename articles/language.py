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
from typing import Any

from .rules import Rules, get_rules

_WORD = re.compile(r"[^\W\d_]+")
# runs of characters: counted by summing run lengths (far cheaper than one list item per character)
_VI_ONLY = re.compile("[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]+", re.IGNORECASE)
_UK_ONLY = re.compile("[іїєґ]+", re.IGNORECASE)
_CYR = re.compile("[\u0400-\u04ff]+")
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


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters of text the (run) pattern matches."""
    return sum(map(len, pattern.findall(text)))


def detect_language(text: str, rules: Rules | None = None, *, use_model: bool = True) -> str | None:
    """ISO 639-1 code of the text, or None when there is too little text to tell.

    use_model=False gives only the cheap answer (None when unsure), for a first guess."""
    rules = rules or get_rules()
    sample = text[:3000]
    raw_words = _WORD.findall(sample)  # letter runs: their lengths count the letters
    n = sum(map(len, raw_words))
    if n < 3:
        return None
    cyr = _count(_CYR, sample)
    if cyr / n > 0.5:
        return "uk" if _count(_UK_ONLY, sample) > max(2, cyr * 0.005) else "ru"
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
        counts: Counter[str] = Counter()
        for w, k in Counter(raw_words).items():
            counts[w.lower()] += k
        total = len(raw_words)
        scores = {
            code: sum(counts[w] for w in counts.keys() & data.function_words) / total
            for code, data in rules.languages.items()
            if data.function_words
        }
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if ranked and ranked[0][1] >= 0.12 and (len(ranked) < 2 or ranked[0][1] >= 2.5 * ranked[1][1]):
            top = ranked[0][0]
            if top != "vi" or _count(_VI_ONLY, sample) / max(total, 1) > 0.05:
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
