"""articles.names' number keys (one findall with the neighbours as groups, keys cached) are the plain loop's."""

from __future__ import annotations

import random

from articles.names import _GROUP_SEP, _GROUPED, _NUMBER, _number_keys, _scale_pattern
from articles.rules import Rules, get_rules


def _plain_number_keys(text: str, rules: Rules) -> set[str]:
    keys: set[str] = set()
    scale_pat, scales = _scale_pattern(rules)
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if start and ((prev := text[start - 1]).isalnum() or prev in ".,"):
            continue
        raw = m.group(0)
        plain = raw.isdigit()
        if plain:
            value = float(raw)
        elif _GROUPED.fullmatch(raw):
            value = float(_GROUP_SEP.sub("", raw))
        else:
            try:
                value = float(raw.replace(",", "."))
            except ValueError:
                continue
        sm = scale_pat.match(text, end) if scale_pat is not None else None
        if sm is not None:
            value = round(value * scales[" ".join(sm.group(0).split()).lower()], 3)
            plain = False
        if plain and len(raw) == 4 and 1900 <= value <= 2099:
            keys.add(f"y{int(value)}")
        elif value == int(value):
            if value >= 10:
                keys.add(f"n{int(value)}")
        elif value < 1e6:
            keys.add(f"n{value:.3f}".rstrip("0"))
    return keys


def test_number_keys_are_the_plain_loop() -> None:
    rules = get_rules()
    pieces = ["1", "12", "2025", "690", ",", ".", " ", "\u202f", "000", "7,1", "a", "\n", "млрд", "Million",
              "billion", "nghìn", " tỷ", "тысяч", "тысячи", "bn", "x", "٣", "5.", "-"]
    rnd = random.Random(8)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert _number_keys(text, rules) == _plain_number_keys(text, rules), text


def _plain_extract_names(text: str, rules: Rules) -> list[str]:
    """extract_names before the per-run cache and the fast sentence checks."""
    from articles.names import MAX_NAMES, _cap_run, _has_astral, _starts_sentence

    runs = []
    for m in _cap_run(_has_astral(text)).finditer(text):
        run = m.group()
        if "'s" in run or "’s" in run:
            run = (run + " ").replace("'s ", " ").replace("’s ", " ")[:-1]
        runs.append((run.split(" "), _starts_sentence(text, m.start())))
    stop = rules.name_stopwords
    mid_caps = {words[0] for words, initial in runs if not initial}
    mid_caps |= {w for words, _ in runs for w in words[1:]}
    seen: dict[str, None] = {}
    for words, initial in runs:
        ws = list(words)
        if initial and ws and ws[0] not in mid_caps:
            ws = ws[1:]
        while ws and ws[0].lower() in stop:
            ws = ws[1:]
        while ws and ws[-1].lower() in stop:
            ws = ws[:-1]
        if not ws:
            continue
        name = " ".join(ws)
        if len(name) < 2:
            continue
        seen.setdefault(name, None)
        if len(seen) >= MAX_NAMES:
            break
    return list(seen)


def test_extract_names_is_the_plain_loop() -> None:
    from articles.names import extract_names

    rules = get_rules()
    pieces = ["The", "Putin", "'s", "’s", " ", "\n", "\n\n", ". ", ", ", "«", '"', "“", "Mr", "President", "Sergey",
              "Lavrov", "he", "said", "(", "A", "x", "1", "—", "Hà", "Nội", "-", "’", "\n«", "However"]
    rnd = random.Random(12)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 16)))
        assert extract_names(text, rules) == _plain_extract_names(text, rules), text
