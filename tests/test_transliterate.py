"""The table-driven transliteration gives exactly what unidecode gives (it is unidecode's per-character replacement)."""

from __future__ import annotations

import random

from unidecode import unidecode

from indexing import documents
from indexing.documents import transliterate


def test_same_as_unidecode_on_mixed_scripts():
    rng = random.Random(7)
    alphabet = [chr(c) for c in (*range(0x20, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00),
                                 *range(0x2000, 0x2070), *range(0x3040, 0x30FF), 0x1F600, 0xE000, 0xF0000)]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert transliterate(text) == unidecode(text)
    for text in ("", "Hà Nội", "Бездетко, Москва", "Hồ Chí Minh — 5 марта", "ascii only"):
        assert transliterate(text) == unidecode(text)


def test_table_stays_bounded(monkeypatch):
    monkeypatch.setattr(documents, "_LATIN", {})
    monkeypatch.setattr(documents, "_LATIN_MAX", 10)
    text = "".join(chr(c) for c in range(0x410, 0x450))  # 64 Cyrillic letters
    assert transliterate(text) == unidecode(text)
    assert len(documents._LATIN) <= 10
