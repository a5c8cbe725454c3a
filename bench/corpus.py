"""Deterministic synthetic corpus of scraped news, built from `seeds/` and `bench/samples/`.

Every unit (one file) is generated from its own seeded RNG, so the corpus of N articles is a prefix of
the corpus of 10 N, generation streams file by file (memory stays flat at 100k), and the same seed gives
the same bytes on every machine. Languages, formats and encodings are stratified in blocks of ten units
(so even 30 articles mix them); the structural noise kinds are drawn per article.

    python -m bench.corpus --docs 1000 [--seed 7] [--out bench/out]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import math
import random
import shutil
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(__file__).resolve().parent / "samples"
SEEDS = ROOT / "seeds"
OUT = Path(__file__).resolve().parent / "out"
DEFAULT_SEED = 7
MANIFEST = ".manifest.json"  # a dotfile: flows.sources.iter_sources skips it

LANGS = ("en", "ru", "vi")
# Stratified cycles: each block of ten units uses each entry once, in an order shuffled per block.
LANG_CYCLE = ("en", "en", "en", "en", "ru", "ru", "ru", "vi", "vi", "vi")
FORMAT_CYCLE = ("txt", "txt", "txt", "txt", "txt", "txt", "txt", "html", "html", "jsonl")
ENCODING_CYCLE = ("utf8", "utf8", "utf8", "utf8", "nbsp", "nbsp", "mojibake", "legacy", "nfd", "bom_crlf")
BAD_RATE = 0.004  # empty, whitespace-only and binary files, which must be quarantined
# Structural noise, drawn per article: kind -> probability.
NOISE_P = {"crumbs": 0.5, "image": 0.45, "caption": 0.5, "related": 0.35, "share": 0.3, "no_title": 0.06}

# ---------------------------------------------------------------------------------------------- vocabulary
# (en, ru, vi) forms of the same name, so that articles of one story across languages share their names.
VI_SURNAMES = (("Nguyen", "Нгуен", "Nguyễn"), ("Tran", "Чан", "Trần"), ("Le", "Ле", "Lê"), ("Pham", "Фам", "Phạm"),
               ("Hoang", "Хоанг", "Hoàng"), ("Vu", "Ву", "Vũ"), ("Dang", "Данг", "Đặng"), ("Bui", "Буй", "Bùi"),
               ("Do", "До", "Đỗ"), ("Ngo", "Нго", "Ngô"))
VI_MIDDLE = (("Van", "Ван", "Văn"), ("Thi", "Тхи", "Thị"), ("Duc", "Дык", "Đức"), ("Minh", "Минь", "Minh"),
             ("Quoc", "Куок", "Quốc"), ("Thu", "Тху", "Thu"), ("Hong", "Хонг", "Hồng"))
VI_GIVEN = (("Hung", "Хунг", "Hùng"), ("Lan", "Лан", "Lan"), ("Nam", "Нам", "Nam"), ("Thanh", "Тхань", "Thanh"),
            ("Dung", "Зунг", "Dũng"), ("Huong", "Хыонг", "Hương"), ("Tuan", "Туан", "Tuấn"), ("Mai", "Май", "Mai"),
            ("Phuong", "Фыонг", "Phương"), ("Khoa", "Кхоа", "Khoa"), ("Son", "Шон", "Sơn"), ("Ha", "Ха", "Hà"))
RU_GIVEN = (("Sergei", "Сергей"), ("Anna", "Анна"), ("Dmitry", "Дмитрий"), ("Olga", "Ольга"), ("Alexei", "Алексей"),
            ("Elena", "Елена"), ("Mikhail", "Михаил"), ("Irina", "Ирина"), ("Pavel", "Павел"), ("Tatiana", "Татьяна"))
RU_SURNAMES = (("Volkov", "Волков"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Sokolov", "Соколов"),
               ("Morozov", "Морозов"), ("Lebedev", "Лебедев"), ("Orlov", "Орлов"), ("Zaitsev", "Зайцев"),
               ("Belov", "Белов"), ("Frolov", "Фролов"), ("Gusev", "Гусев"), ("Titov", "Титов"))
CITIES = (("Hanoi", "Ханой", "Hà Nội", "HANOI", "ХАНОЙ", "HÀ NỘI"),
          ("Moscow", "Москва", "Mát-xcơ-va", "MOSCOW", "МОСКВА", "MÁT-XCƠ-VA"),
          ("Ho Chi Minh City", "Хошимин", "TP Hồ Chí Minh", "HCM CITY", "ХОШИМИН", "TP HỒ CHÍ MINH"),
          ("Da Nang", "Дананг", "Đà Nẵng", "DA NANG", "ДАНАНГ", "ĐÀ NẴNG"),
          ("St Petersburg", "Санкт-Петербург", "Xanh Pê-téc-bua", "ST PETERSBURG", "САНКТ-ПЕТЕРБУРГ",
           "XANH PÊ-TÉC-BUA"),
          ("Hai Phong", "Хайфон", "Hải Phòng", "HAI PHONG", "ХАЙФОН", "HẢI PHÒNG"),
          ("Vladivostok", "Владивосток", "Vla-đi-vô-xtốc", "VLADIVOSTOK", "ВЛАДИВОСТОК", "VLA-ĐI-VÔ-XTỐC"),
          ("Can Tho", "Кантхо", "Cần Thơ", "CAN THO", "КАНТХО", "CẦN THƠ"))
ORGS = (("Ministry of Industry and Trade", "Министерство промышленности и торговли", "Bộ Công Thương"),
        ("Vietnam Chamber of Commerce", "Торгово-промышленная палата Вьетнама", "Liên đoàn Thương mại Việt Nam"),
        ("Russian Export Centre", "Российский экспортный центр", "Trung tâm Xuất khẩu Nga"),
        ("State Bank", "Государственный банк", "Ngân hàng Nhà nước"),
        ("Ministry of Education", "Министерство образования", "Bộ Giáo dục"),
        ("Electricity of Vietnam", "Электроэнергетическая корпорация Вьетнама", "Tập đoàn Điện lực Việt Nam"),
        ("Intergovernmental Commission", "Межправительственная комиссия", "Ủy ban liên Chính phủ"))
PHOTOGRAPHERS = ("Nguyen Hong", "Tran Viet", "Le Minh", "Pham Kien", "VNA", "TTXVN", "TASS", "Anna Orlova")
SECTIONS = {
    "en": ("Politics & Law", "Economy", "Society", "World", "Sports", "Environment", "Life & Style"),
    "ru": ("Политика", "Экономика", "Общество", "В мире", "Спорт", "Происшествия"),
    "vi": ("Chính trị", "Kinh tế", "Xã hội", "Thế giới", "Thể thao", "Môi trường"),
}
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря")
VI_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
SHARE_BARS = {
    "en": ("Share: Facebook Twitter Email Print", "Share this article", "Facebook | Twitter | LinkedIn | Email"),
    "ru": ("Поделиться: ВКонтакте Telegram Одноклассники", "Поделиться", "ВКонтакте | Telegram | WhatsApp"),
    "vi": ("Chia sẻ: Facebook Zalo Twitter", "Chia sẻ bài viết", "Facebook | Zalo | Email"),
}
RELATED_LABELS = {"en": ("Related:", "Read more:", "Related news"), "ru": ("Читайте также:", "Читайте также"),
                  "vi": ("Tin liên quan", "Tin liên quan:", "Xem thêm:")}


# ---------------------------------------------------------------------------------------------- samples
@cache
def generator_version() -> str:
    """Hash of this module, the samples and the seeds: a cached corpus is rebuilt when any of them changes."""
    h = hashlib.sha256()
    for path in [Path(__file__), *sorted(SAMPLES.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class Pool:
    titles: tuple[str, ...]
    paragraphs: tuple[str, ...]
    teasers: tuple[tuple[str, str], ...]
    seed_paragraphs: tuple[str, ...]


def _parse_sample(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("[") and line.rstrip().endswith("]"):
            current = sections.setdefault(line.strip()[1:-1], [])
            continue
        if current is not None and line.strip():
            current.append(line.strip())
    return sections


def _seed_paragraphs() -> dict[str, list[str]]:
    """Body paragraphs of the seed articles (long lines only, captions and crumbs left out)."""
    found: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip().replace("\u00a0", " ")
            if len(line) < 120 or "|" in line or "Photo" in line or "Фото" in line:
                continue
            cyr = sum(1 for c in line if "\u0400" <= c <= "\u04ff")
            found["ru" if cyr > len(line) / 3 else "en"].append(line)
    return found


@cache
def pools() -> dict[str, Pool]:
    seeds = _seed_paragraphs()
    out = {}
    for lang in LANGS:
        s = _parse_sample((SAMPLES / f"{lang}.txt").read_text(encoding="utf-8"))
        teasers = tuple(tuple(p.strip() for p in t.split("|", 1)) for t in s["teasers"])
        out[lang] = Pool(tuple(s["titles"]), tuple(s["paragraphs"]), teasers, tuple(seeds.get(lang, ())))
    return out


# ---------------------------------------------------------------------------------------------- stories
@dataclass
class Story:
    people: list[tuple[str, str, str]]
    city: tuple[str, ...]
    city2: tuple[str, ...]
    org: tuple[str, str, str]
    numbers: tuple[int, int]
    event: date
    published: date
    hour: int
    minute: int


def _person(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.6:
        s, m, g = rng.choice(VI_SURNAMES), rng.choice(VI_MIDDLE), rng.choice(VI_GIVEN)
        return (f"{s[0]} {m[0]} {g[0]}", f"{s[1]} {m[1]} {g[1]}", f"{s[2]} {m[2]} {g[2]}")
    g, s = rng.choice(RU_GIVEN), rng.choice(RU_SURNAMES)
    return (f"{g[0]} {s[0]}", f"{g[1]} {s[1]}", f"{g[0]} {s[0]}")


def _story(rng: random.Random) -> Story:
    c1, c2 = rng.sample(CITIES, 2)
    event = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 7 * 365 + 40))
    published = event + timedelta(days=rng.choice((0, 0, 0, 1, 1, 2)))
    return Story(people=[_person(rng), _person(rng)], city=c1, city2=c2, org=rng.choice(ORGS),
                 numbers=(rng.randrange(2, 99), rng.randrange(100, 9999)), event=event, published=published,
                 hour=rng.randrange(6, 23), minute=rng.randrange(0, 60))


def _day_month(lang: str, d: date) -> str:
    if lang == "en":
        return f"{EN_MONTHS[d.month - 1]} {d.day}"
    if lang == "ru":
        return f"{d.day} {RU_MONTHS[d.month - 1]}"
    return f"ngày {d.day}/{d.month}"


def _fill(template: str, lang: str, story: Story, vi_names_in_en: bool) -> str:
    li = LANGS.index(lang)
    pi = 2 if (lang == "en" and vi_names_in_en) else li
    values = {
        "{P1}": story.people[0][pi], "{P2}": story.people[1][pi],
        "{CITY}": story.city[li], "{CITY2}": story.city2[li], "{ORG}": story.org[li],
        "{N1}": str(story.numbers[0]), "{N2}": f"{story.numbers[1]:,}".replace(",", " " if lang != "en" else ","),
        "{YEAR}": str(story.event.year + (1 if story.event.month > 9 else 0)), "{PYEAR}": str(story.event.year - 1),
        "{DATE}": _day_month(lang, story.event),
    }
    for k, v in values.items():
        if k in template:
            template = template.replace(k, v)
    return template


# ---------------------------------------------------------------------------------------------- one article
@dataclass
class Article:
    """An article's parts before rendering as txt, html or a jsonl record."""

    lang: str
    title: str | None
    section: str
    crumbs: list[str]
    date_line: str | None
    iso_published: str
    lead_prefix: str
    paragraphs: list[str]
    images: dict[int, list[str]]  # paragraph index -> lines (placeholder + caption) before it
    first_caption: str | None  # a caption on the article's first line (ru style)
    sign_off: str | None
    related: list[str]
    share: str | None
    noise: set[str] = field(default_factory=set)


def _date_forms(lang: str, story: Story, section: str, rng: random.Random) -> tuple[str | None, str | None, str]:
    """(header crumb with a date or None, a date line or None, form name)."""
    d, hh, mm = story.published, story.hour, story.minute
    if lang == "en":
        form = rng.choice(("header_iso", "long_time", "short", "iso_time", "none"))
        if form == "header_iso":
            return f" date {d.isoformat()} {section}", None, form
        line = {"long_time": f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year} - {hh:02d}:{mm:02d}",
                "short": f"{d.day} {EN_MONTHS[d.month - 1][:3]} {d.year}",
                "iso_time": f"{d.isoformat()} {hh:02d}:{mm:02d}", "none": None}[form]
        return None, line, form
    if lang == "ru":
        form = rng.choice(("ru_long", "ru_dots", "none"))
        line = {"ru_long": f"{d.day} {RU_MONTHS[d.month - 1]} {d.year}, {hh:02d}:{mm:02d}",
                "ru_dots": f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d}", "none": None}[form]
        return None, line, form
    form = rng.choice(("vi_weekday", "vi_slash_gmt", "vi_words", "none"))
    wd = VI_WEEKDAYS[d.weekday()]
    line = {"vi_weekday": f"{wd}, {d.day:02d}/{d.month:02d}/{d.year}",
            "vi_slash_gmt": f"{d.day:02d}/{d.month:02d}/{d.year} {hh:02d}:{mm:02d} GMT+7",
            "vi_words": f"{wd}, ngày {d.day} tháng {d.month} năm {d.year}", "none": None}[form]
    return None, line, form


def _caption(lang: str, story: Story, rng: random.Random, vi_names: bool) -> tuple[list[str], str]:
    """Lines of one image with its caption, and the caption kind."""
    li = 2 if (lang == "en" and vi_names) else LANGS.index(lang)
    who, other, city = story.people[0][li], story.people[1][li], story.city[LANGS.index(lang)]
    photographer = rng.choice(PHOTOGRAPHERS)
    if lang == "en":
        kind = rng.choice(("pipe", "vna", "markdown"))
        if kind == "pipe":
            return ["![]() |", f"| {who} speaks with {other} in {city}. (Photo: {photographer}) |"], kind
        if kind == "vna":
            return [f"{who} receives {other} in {city}. — VNA/VNS Photo"], kind
        return [f"![{who} in {city}](https://img.example.com/{rng.randrange(10**6)}.jpg)"], kind
    if lang == "ru":
        kind = rng.choice(("foto", "markdown"))
        if kind == "foto":
            return [f"{who} и {other} на встрече в городе {city}. Фото: {rng.choice(('ВИА', 'ТАСС', 'РИА'))})"], kind
        return [f"![{who}](https://img.example.ru/{rng.randrange(10**6)}.jpg)"], kind
    kind = rng.choice(("anh", "pipe"))
    if kind == "anh":
        return [f"{who} tiếp {other} tại {city}. (Ảnh: TTXVN)"], kind
    return ["![]() |", f"| {who} phát biểu tại {city}. (Ảnh: {photographer}) |"], kind


def _article(rng: random.Random, story: Story, lang: str, target_bytes: int) -> Article:
    pool = pools()[lang]
    noise: set[str] = set()
    vi_names = lang == "en" and rng.random() < 0.35  # VNS style: Vietnamese diacritics in English text
    section = rng.choice(SECTIONS[lang])
    header, date_line, form = _date_forms(lang, story, section, rng)
    noise.add(f"date:{form}")
    crumbs: list[str] = []
    if header:
        crumbs.append(header)
    if rng.random() < NOISE_P["crumbs"]:
        noise.add("crumbs")
        crumbs += {
            "en": [rng.choice((f"Home {section}", f"Home » {section}", "Latest"))],
            "ru": [rng.choice((f"Главная / {section}", f"Главная › {section}", "Новости"))],
            "vi": [rng.choice(("Trang chủ", f"Trang chủ > {section}", "Mới nhất"))],
        }[lang]
    title = None if rng.random() < NOISE_P["no_title"] else _fill(rng.choice(pool.titles), lang, story, vi_names)
    if title is None:
        noise.add("no_title")
    # The lead with a dateline, in the agency's style.
    c = story.city
    lead_prefix = ""
    if rng.random() < 0.6:
        noise.add("dateline")
        ev = story.event
        lead_prefix = {
            "en": rng.choice((f"{c[3]} — ", f"{c[3]}, {EN_MONTHS[ev.month - 1]} {ev.day}. /TASS/. ",
                              f"{c[5]} — ", f"{c[3]} (VNA) — ")),
            "ru": rng.choice((f"{c[4]}, {ev.day} {RU_MONTHS[ev.month - 1]}. /ТАСС/. ",
                              f"{c[4]}, {ev.day} {RU_MONTHS[ev.month - 1]}. /Корр. ТАСС/. ")),
            "vi": rng.choice((f"{c[2]} (TTXVN) - ", f"{c[2]} - ")),
        }[lang]
    paragraphs: list[str] = []
    size = len(title or "") + 200
    while size < target_bytes or len(paragraphs) < 2:
        if pool.seed_paragraphs and rng.random() < 0.1:
            p = rng.choice(pool.seed_paragraphs)
        else:
            p = _fill(rng.choice(pool.paragraphs), lang, story, vi_names)
        paragraphs.append(p)
        size += len(p.encode("utf-8")) + 2
    images: dict[int, list[str]] = {}
    first_caption = None
    if rng.random() < NOISE_P["image"] or rng.random() < NOISE_P["caption"]:
        for _ in range(rng.choice((1, 1, 2, 3))):
            lines, kind = _caption(lang, story, rng, vi_names)
            noise.add("image" if lines[0].startswith("![") else "caption")
            noise.add(f"caption:{kind}")
            if lang == "ru" and kind == "foto" and first_caption is None and rng.random() < 0.5:
                first_caption = lines[0]
                continue
            images.setdefault(rng.randrange(0, len(paragraphs)), []).extend(lines)
    sign_off = None
    related: list[str] = []
    if rng.random() < 0.5:
        sign_off = {"en": rng.choice(("— VNA/VNS", "— VNS", "/TASS/")), "ru": rng.choice(("(ТАСС)", "/ТАСС/")),
                    "vi": rng.choice(("TTXVN", "(Theo TTXVN)"))}[lang]
    if rng.random() < NOISE_P["related"]:
        noise.add("related")
        picks = [rng.choice(pool.teasers) for _ in range(rng.randrange(2, 5))]
        other = _story(rng)
        if sign_off and rng.random() < 0.6:  # teaser headline + one-line teaser after the sign-off
            noise.add("related:teasers")
            for head, teaser in picks:
                related += [_fill(head, lang, other, vi_names), _fill(teaser, lang, other, vi_names)]
        else:
            noise.add("related:labelled")
            related.append(rng.choice(RELATED_LABELS[lang]))
            related += [_fill(head, lang, other, vi_names) for head, _ in picks]
    share = None
    if rng.random() < NOISE_P["share"]:
        noise.add("share")
        share = rng.choice(SHARE_BARS[lang])
    return Article(lang=lang, title=title, section=section, crumbs=crumbs, date_line=date_line,
                   iso_published=f"{story.published.isoformat()}T{story.hour:02d}:{story.minute:02d}:00+07:00",
                   lead_prefix=lead_prefix, paragraphs=paragraphs, images=images, first_caption=first_caption,
                   sign_off=sign_off, related=related, share=share, noise=noise)


# ---------------------------------------------------------------------------------------------- rendering
def render_text(a: Article, rng: random.Random, *, with_title: bool = True) -> str:
    sep = rng.choice(("\n", "\n\n", "\n\n", "\n\n\n\n", "\n\u00a0\n"))
    lines: list[str] = []
    if a.first_caption:
        lines.append(a.first_caption)
    lines += a.crumbs
    if a.title and with_title:
        lines.append(a.title)
    if a.date_line:
        lines.append(a.date_line)
    for i, p in enumerate(a.paragraphs):
        lines += a.images.get(i, [])
        if i == 0:
            p = a.lead_prefix + p
        if i == len(a.paragraphs) - 1 and a.sign_off:
            p = f"{p} {a.sign_off}" if rng.random() < 0.5 else f"{p}\n{a.sign_off}"
        lines.append(p)
    lines += a.related
    if a.share:
        lines.insert(0 if rng.random() < 0.3 else len(lines), a.share)
    return sep.join(lines) + "\n"


def render_html(a: Article, rng: random.Random, charset: str = "utf-8") -> str:
    e = html.escape
    head = [f'<meta charset="{charset}">', f"<title>{e(a.title or a.section)} | News</title>"]
    if rng.random() < 0.7:
        head.append(f'<meta property="article:published_time" content="{a.iso_published}">')
    body: list[str] = []
    if a.crumbs:
        body.append('<nav class="breadcrumb">' + " › ".join(e(c.strip()) for c in a.crumbs) + "</nav>")
    if a.share:
        body.append(f'<div class="share-bar">{e(a.share)}</div>')
    inner: list[str] = []
    if a.title:
        inner.append(f"<h1>{e(a.title)}</h1>")
    if a.date_line:
        inner.append(f'<time datetime="{a.iso_published}">{e(a.date_line)}</time>')
    for i, p in enumerate(a.paragraphs):
        for line in a.images.get(i, []):
            if line.startswith("!["):
                continue
            cap = line.strip("| ")
            inner.append(f'<figure><img src="https://img.example.com/{rng.randrange(10**6)}.jpg" alt="">'
                         f"<figcaption>{e(cap)}</figcaption></figure>")
        if i == 0:
            p = a.lead_prefix + p
        if i == len(a.paragraphs) - 1 and a.sign_off:
            p = f"{p} {a.sign_off}"
        inner.append(f"<p>{e(p)}</p>")
    wrapper = rng.choice(("article", "main", "div"))
    if wrapper == "div":
        body.append('<div id="content" class="content">' + "\n".join(inner) + "</div>")
    else:
        body.append(f"<{wrapper}>" + "\n".join(inner) + f"</{wrapper}>")
    if a.related:
        body.append("<aside><ul>" + "".join(f"<li>{e(r)}</li>" for r in a.related) + "</ul></aside>")
    body.append("<footer>© News agency. All rights reserved.</footer>")
    body.append("<script>window.dataLayer = window.dataLayer || []; dataLayer.push({page: 'article'});</script>")
    return ("<!DOCTYPE html>\n<html><head>" + "".join(head) + "</head>\n<body>\n" + "\n".join(body)
            + "\n</body></html>\n")


def _mojibake(text: str, rng: random.Random) -> tuple[str, str]:
    """UTF-8 bytes read as Windows-1252; bytes it has no character for are kept, dropped or replaced."""
    how = rng.choice(("latin1", "drop", "replace"))
    out = []
    for b in text.encode("utf-8"):
        if b < 0x80:
            out.append(chr(b))
            continue
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append({"latin1": chr(b), "drop": "", "replace": "\ufffd"}[how])
    return "".join(out), f"mojibake:{how}"


def _nbsp(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    return "".join(w + ("\u00a0" if rng.random() < 0.15 else " ") for w in words[:-1]) + words[-1]


def encode(text: str, lang: str, fmt: str, enc: str, rng: random.Random) -> tuple[bytes, str]:
    """Apply one encoding noise kind; returns the bytes and the kind actually applied."""
    if enc == "legacy" and fmt == "txt" and lang in ("ru", "en"):
        codec = "cp1251" if lang == "ru" else "cp1252"
        try:
            return text.encode(codec), codec
        except UnicodeEncodeError:  # a name or symbol outside the code page: fall back to mojibake
            enc = "mojibake"
    if enc == "legacy":
        enc = "mojibake" if lang == "vi" else "nbsp"
    kind = enc
    if enc == "nbsp":
        text = _nbsp(text, rng)
    elif enc == "mojibake" and fmt == "txt":
        text, kind = _mojibake(text, rng)
    elif enc == "mojibake":
        kind, text = "nbsp", _nbsp(text, rng)
    elif enc == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif enc == "bom_crlf" and fmt != "jsonl":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"), enc
    elif enc == "bom_crlf":
        kind = "utf8"
    return text.encode("utf-8"), kind


def _noisy_str(text: str, enc: str, rng: random.Random) -> tuple[str, str]:
    """Encoding noise that survives inside a JSON string (the record itself stays valid JSON)."""
    if enc in ("mojibake", "legacy"):
        return _mojibake(text, rng)
    if enc == "nbsp":
        return _nbsp(text, rng), enc
    if enc == "nfd":
        return unicodedata.normalize("NFD", text), enc
    if enc == "bom_crlf":
        return text.replace("\n", "\r\n"), "crlf"
    return text, enc


# ---------------------------------------------------------------------------------------------- units
@dataclass
class Item:
    """One file of the corpus."""

    relpath: str
    data: bytes
    langs: list[str]  # one per article in the file
    fmt: str
    encoding: str
    noise: list[str]

    @property
    def articles(self) -> int:
        return len(self.langs)


@cache
def _block(seed: int, block: int) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    rng = random.Random(f"newsindex-bench:{seed}:block:{block}")
    return tuple(rng.sample(LANG_CYCLE, 10)), tuple(rng.sample(FORMAT_CYCLE, 10)), tuple(rng.sample(ENCODING_CYCLE, 10))


def _target_size(rng: random.Random) -> int:
    if rng.random() < 0.03:
        return rng.randrange(12_000, 27_000)  # long reads
    return int(min(27_000, max(900, math.exp(rng.gauss(math.log(3200), 0.75)))))


def _bad(u: int, rng: random.Random) -> Item:
    kind = rng.choice(("empty", "whitespace", "binary"))
    data = {"empty": b"", "whitespace": b" \n\t\n\xc2\xa0\n",
            "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randrange(500, 4000))}[kind]
    return Item(f"{u // 1000:03d}/{u:06d}_bad.txt", data, ["?"], "txt", "-", [f"bad:{kind}"])


def make_unit(seed: int, u: int, room: int) -> Item:
    """Unit u of the corpus: one file holding 1 article (txt, html) or up to `room` of them (jsonl)."""
    rng = random.Random(f"newsindex-bench:{seed}:unit:{u}")
    if rng.random() < BAD_RATE:
        return _bad(u, rng)
    langs, fmts, encs = _block(seed, u // 10)
    lang, fmt, enc = langs[u % 10], fmts[u % 10], encs[u % 10]
    shared = rng.random() < 0.3  # one story told by several units nearby, across languages
    story_rng = random.Random(f"newsindex-bench:{seed}:story:{u // 4}" if shared else f"solo:{seed}:{u}")
    story = _story(story_rng)
    shard = f"{u // 1000:03d}"
    tag = {"story:shared"} if shared else set()
    if fmt == "txt":
        a = _article(rng, story, lang, _target_size(rng))
        data, kind = encode(render_text(a, rng), lang, fmt, enc, rng)
        return Item(f"{shard}/{u:06d}_{lang}.txt", data, [lang], fmt, kind, sorted(a.noise | tag))
    if fmt == "html":
        a = _article(rng, story, lang, _target_size(rng))
        charset = "windows-1251" if (enc == "legacy" and lang == "ru") else "utf-8"
        page = render_html(a, rng, charset)
        if charset == "windows-1251":
            data, kind = page.encode("cp1251", errors="xmlcharrefreplace"), "cp1251"
        else:
            data, kind = encode(page, lang, fmt, enc if enc != "legacy" else "nbsp", rng)
        return Item(f"{shard}/{u:06d}_{lang}.html", data, [lang], fmt, kind, sorted(a.noise | tag))
    # jsonl: a scraper's dump, several articles per file, languages mixed.
    n = min(room, rng.randrange(2, 6))
    lines, langs_out, noise = [], [], set(tag)
    kind = enc
    for k in range(n):
        lang_k = lang if k == 0 else rng.choice(LANG_CYCLE)
        story_k = story if k == 0 else _story(random.Random(f"solo:{seed}:{u}:{k}"))
        a = _article(rng, story_k, lang_k, _target_size(rng))
        slug = "-".join((a.title or "untitled").lower().split()[:6])
        rec: dict[str, object] = {"url": f"https://news.example.{('com', 'ru', 'vn')[LANGS.index(lang_k)]}/"
                                         f"{a.section.lower().replace(' ', '-')}/{slug}-{u}-{k}.html"}
        title_given = a.title is not None and rng.random() < 0.7
        if title_given:
            rec["title"] = a.title
        if rng.random() < 0.6:
            rec["published_at"] = a.iso_published
        if rng.random() < 0.3:
            rec["html"] = render_html(a, rng)
        else:
            rec["text"], kind = _noisy_str(render_text(a, rng, with_title=not title_given), enc, rng)
        lines.append(json.dumps(rec, ensure_ascii=rng.random() < 0.2).encode("utf-8"))
        langs_out.append(lang_k)
        noise |= a.noise
    return Item(f"{shard}/{u:06d}_{lang}.jsonl", b"\n".join(lines) + b"\n", langs_out, fmt, kind, sorted(noise))


def iter_corpus(n: int, seed: int = DEFAULT_SEED) -> Iterator[Item]:
    """The corpus of exactly n articles, file by file."""
    u = done = 0
    while done < n:
        item = make_unit(seed, u, n - done)
        done += item.articles
        u += 1
        yield item


# ---------------------------------------------------------------------------------------------- on disk
def corpus_dir(n: int, seed: int = DEFAULT_SEED, out: Path = OUT) -> Path:
    return out / f"corpus-s{seed}-n{n}"


def summarize(items: Iterator[Item]) -> dict:
    stats: dict = {"files": 0, "articles": 0, "bytes": 0, "languages": Counter(), "formats": Counter(),
                   "encodings": Counter(), "noise": Counter(), "sizes": {"min": None, "max": 0}}
    for it in items:
        _account(stats, it)
    return _finish(stats)


def _account(stats: dict, it: Item) -> None:
    stats["files"] += 1
    stats["articles"] += it.articles
    stats["bytes"] += len(it.data)
    stats["languages"].update(it.langs)
    stats["formats"][it.fmt] += it.articles
    stats["encodings"][it.encoding] += 1
    stats["noise"].update(it.noise)
    if it.fmt != "jsonl":
        s = stats["sizes"]
        s["min"] = len(it.data) if s["min"] is None else min(s["min"], len(it.data))
        s["max"] = max(s["max"], len(it.data))


def _finish(stats: dict) -> dict:
    for k in ("languages", "formats", "encodings", "noise"):
        stats[k] = dict(sorted(stats[k].items()))
    return stats


def ensure_corpus(n: int, seed: int = DEFAULT_SEED, out: Path = OUT, *, quiet: bool = False) -> tuple[Path, dict]:
    """Write the corpus unless an identical one is already on disk; returns (folder, manifest)."""
    folder = corpus_dir(n, seed, out)
    mpath = folder / MANIFEST
    if mpath.exists():
        manifest = json.loads(mpath.read_text())
        if manifest.get("generator") == generator_version() and manifest.get("articles") == n:
            return folder, manifest
    if folder.exists():
        shutil.rmtree(folder)
    tmp = folder.with_name(folder.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    started = time.monotonic()
    stats: dict = {"files": 0, "articles": 0, "bytes": 0, "languages": Counter(), "formats": Counter(),
                   "encodings": Counter(), "noise": Counter(), "sizes": {"min": None, "max": 0}}
    made_dirs: set[str] = set()
    for it in iter_corpus(n, seed):
        d = it.relpath.split("/", 1)[0]
        if d not in made_dirs:
            (tmp / d).mkdir(exist_ok=True)
            made_dirs.add(d)
        (tmp / it.relpath).write_bytes(it.data)
        _account(stats, it)
        if not quiet and stats["files"] % 10_000 == 0:
            print(f"  corpus n={n}: {stats['articles']} articles ...", file=sys.stderr, flush=True)
    manifest = {"generator": generator_version(), "seed": seed, **_finish(stats),
                "generated_s": round(time.monotonic() - started, 1)}
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    tmp.rename(folder)
    return folder, manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000])
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    for n in args.docs:
        folder, manifest = ensure_corpus(n, args.seed, args.out)
        print(folder, json.dumps({k: manifest[k] for k in ("files", "articles", "bytes", "languages", "formats")},
                                 ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
