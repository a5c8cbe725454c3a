"""The plain-text path decides by general evidence, not site lists: furniture, titles, agencies, dates,
encodings and the main-run guard, each on text that no rule names (real functions, nothing mocked)."""

from __future__ import annotations

import json

import pytest
import yaml

from articles import process_bytes
from articles.blocks import classify, main_run, menu_like
from articles.clean import clean_text
from articles.dates import find_dates, year_anchor
from articles.decode import decode_bytes
from articles.metadata import find_dateline
from articles.rules import get_rules
from common.config import config_dir

BODY = [
    "The regional council approved a plan on Monday to build three new bridges across the river, the mayor said.",
    "Construction of the first bridge will start in the spring and is expected to take two years to complete.",
    "Residents have long complained about traffic jams on the only crossing, which was built in the 1970s.",
]


def _one(text: str, name: str = "x.txt") -> dict:
    return process_bytes(text.encode("utf-8"), name)[0]


def test_catalogue_names_the_wire_services_of_en_ru_vi_news() -> None:
    raw = yaml.safe_load((config_dir() / "agencies.yaml").read_text(encoding="utf-8"))
    names = {a["name"] for a in raw["agencies"]}
    for agency in ("Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "Kyodo", "Yonhap", "Bernama", "ANTARA", "TASS",
                   "RIA Novosti", "Interfax", "VNA", "VNS"):
        assert agency in names
    rules = get_rules()
    assert rules.canonical_agency("ТАСС") == "TASS"
    assert rules.canonical_agency("TTXVN") == "VNA"
    assert rules.canonical_agency("INTERFAX.RU") == "Interfax"
    assert rules.canonical_agency("Some Paper") == "Some Paper"  # unknown credits stay as given


@pytest.mark.parametrize(
    ("line", "place", "agency", "date"),
    [
        ("HANOI, March 3 (Reuters) - ", "HANOI", "Reuters", "March 3"),
        ("HANOI, Vietnam (AP) — ", "HANOI", "AP", "Vietnam"),
        ("МОСКВА, 12 мар — РИА Новости. ", "МОСКВА", "RIA Novosti", "12 мар"),
        ("Москва. 5 марта. INTERFAX.RU - ", "Москва", "Interfax", "5 марта"),
        ("HANOI, February 9. /TASS/. ", "HANOI", "TASS", "February 9"),
        ("(AFP) - ", "", "AFP", None),
        ("BEIJING, Jan. 5 (Xinhua) -- ", "BEIJING", "Xinhua", "Jan. 5"),
        ("NAIROBI, May 4 — ", "NAIROBI", None, "May 4"),  # the generic shape: a paper no catalogue names
    ],
)
def test_dateline_shapes(line: str, place: str, agency: str | None, date: str | None) -> None:
    dl = find_dateline(line + BODY[0], get_rules())
    assert dl is not None
    assert (dl.place, dl.agency, dl.date_text) == (place, agency, date)


def test_blocks_tell_prose_from_furniture() -> None:
    rules = get_rules()
    assert classify(BODY[0], "en", rules).good
    assert not classify("Home | World | Business | Tech", "en", rules).good
    assert menu_like("News  Sports  Business  Obituaries")
    assert not menu_like("The mayor said the plan was good.")
    for line, kind in [
        ("Sign up for our Morning Briefing newsletter to get the day's top stories.", "promo"),
        ("Подписывайтесь на наш канал в Telegram", "promo"),
        ("Đăng ký nhận bản tin của chúng tôi", "promo"),
        ("Reporting by Jane Doe; Editing by John Roe", "credit"),
        ("By Anna Marsh · 1 Feb 2026 · 3 min read", "credit"),
        ("Copyright 2026 The Associated Press. All rights reserved.", "footer"),
        ("Все права защищены.", "footer"),
        ("Print version", "print"),
        ("Tags: Vietnam, Weather", "tags"),
        ("Теги: экономика", "tags"),
        ("Từ khóa: giao thông", "tags"),
        ("Skip to main content", "skip"),
    ]:
        assert classify(line, None, rules).furniture == kind, line
    blocks = [classify(s, "en", rules) for s in ["Menu", BODY[0], "Short one.", BODY[1], "Trending"]]
    assert main_run(blocks) == (1, 3)


def test_short_lines_inside_the_main_run_are_kept_by_context() -> None:
    text = "\n\n".join([BODY[0], "He declined to give a date.", BODY[1], "Most read", "Another story here"])
    c = clean_text(text, "en")
    assert "He declined to give a date." in c.body
    assert "Another story here" not in c.body


def test_title_chosen_by_evidence_not_the_first_line() -> None:
    text = "\n\n".join([
        "Skip to main content", "The Daily Example", "World > Europe", "News  Sport  Business  Culture",
        "Council approves three new bridges across the river", *BODY,
    ])
    rec = _one(text)
    assert rec["title"] == "Council approves three new bridges across the river"
    assert "Skip to main content" not in rec["body"] and "The Daily Example" not in rec["body"]


def test_no_title_rather_than_a_wrong_one() -> None:
    rec = _one("\n\n".join(["Share on Facebook | Share on X", "The Daily Example", *BODY]))
    assert rec["title"] is None
    assert BODY[0] in rec["body"]


def test_losing_the_article_is_worse_than_keeping_furniture() -> None:
    """A wire page whose menu carries the agency name: the body must still hold every paragraph."""
    lines = ["Home", "World", "Reuters", "Markets", "Council approves three new bridges across the river",
             "A short lead in a line.", "Reuters", *BODY, "Reuters"]
    rec = _one("\n\n".join(lines))
    assert rec["status"] == "ok"
    for para in BODY:
        assert para in rec["body"]
    assert "Markets" not in rec["body"]


def test_a_false_sign_off_cannot_take_the_body() -> None:
    c = clean_text("\n\n".join([BODY[0], "— Reuters", BODY[1], BODY[2], BODY[0].replace("Monday", "Tuesday")]), "en")
    assert BODY[0] in c.body
    assert sum(len(p) for p in c.paragraphs) >= 0.5 * sum(map(len, BODY))
    assert c.restored


def test_furniture_only_text_is_quarantined_as_no_article() -> None:
    rec = _one("The Daily Example\nHome | World | Business\nSign in\nShare Facebook Twitter\n© 2026 The Daily Example")
    assert rec["status"] == "quarantined"
    assert rec["reason"].startswith("no article")
    short = _one("LONDON, February 9. The first article of the feed has words.")
    assert short["status"] == "ok"


def test_header_dates_in_many_forms() -> None:
    def ymd(text: str, lang: str | None) -> tuple:
        d = find_dates(text, lang)[0]
        return d.year, d.month, d.day

    assert ymd("12 мар", "ru") == (None, 3, 12)
    assert ymd("DEC 30, 09:15", "en") == (None, 12, 30)
    assert ymd("12.03.2026 10:15", "ru") == (2026, 3, 12)
    assert ymd("2026.03.04 10:02", "en") == (2026, 3, 4)
    assert ymd("By Anna Marsh · 1 Feb 2026 · 3 min read", "en") == (2026, 2, 1)
    rec = _one("\n\n".join(["Council approves three new bridges", "By Anna Marsh · 1 Feb 2026 · 3 min read", *BODY]))
    assert rec["published_at"].startswith("2026-02-01")
    assert "min read" not in rec["body"]


def test_year_from_a_year_the_text_says_is_still_running() -> None:
    text = "Global demand will exceed 8.8 billion tonnes by the end of 2025 for the first time, the agency said."
    assert year_anchor(text, "en") == (2025, 1, 1)
    rec = _one("\n\n".join(["Coal demand set for a record", "DEC 30, 09:15", text, *BODY]))
    assert rec["published_at"].startswith("2025-12-30")


def test_json_date_keys_before_fetched_at() -> None:
    item = {"title": "Bridges", "text": "\n\n".join(BODY), "fetched_at": "2026-03-01T00:00:00Z",
            "pubDate": "Thu, 12 Feb 2026 06:40:00 +0900"}
    rec = process_bytes(json.dumps(item).encode(), "feed.jsonl", fmt="jsonl")[0]
    assert rec["published_at"].startswith("2026-02-12")
    del item["pubDate"]
    rec = process_bytes(json.dumps(item).encode(), "feed.jsonl", fmt="jsonl")[0]
    assert rec["published_at"] is None  # when the scraper ran is not when the article was published


def test_windows_1252_dashes_are_not_read_as_another_code_page() -> None:
    text = "The minister said \u2014 in a statement \u2014 that Zürich’s café owners were \u201cpleased\u201d. " * 3
    dec = decode_bytes(text.encode("cp1252"))
    assert dec.text.strip() == text.strip()
    assert dec.encoding == "cp1252"
    assert "Ś" not in dec.text
    ru = "Хабаровский аэропорт открыл новый международный терминал. " * 3
    for enc in ("cp1251", "koi8_r"):
        assert decode_bytes(ru.encode(enc)).text.strip() == ru.strip()


def test_text_an_html_extractor_kept_is_all_main_run() -> None:
    """The extractor already chose the article: position does not drop its short lines, wording still does."""
    text = "\n\n".join(["Test Case 1", "Test Case 2", "Sign up for our newsletter"])
    c = clean_text(text, "en", extracted=True)
    assert c.paragraphs == ["Test Case 1", "Test Case 2"]
    assert [r["kind"] for r in c.removed] == ["promo"]


def test_markdown_link_rows_are_furniture_inside_the_text_too() -> None:
    text = "\n\n".join([BODY[0], "[Bridges](https://x.example/b) [Roads](https://x.example/r)", BODY[1], BODY[2]])
    c = clean_text(text, "en")
    assert "Bridges Roads" not in c.body
    assert all(p in c.body for p in BODY)


def test_a_wire_masthead_is_not_the_title_even_when_the_dateline_names_it() -> None:
    text = "\n\n".join([
        "РИА Новости", "Лента новостей", "Путин провел телефонный разговор с генсеком ЦК КПВ", "09:15 12.03.2026",
        "© РИА Новости / Сергей Гунеев",
        "МОСКВА, 12 мар — РИА Новости. Президент России Владимир Путин провел телефонный разговор с генеральным "
        "секретарем ЦК Компартии Вьетнама То Ламом, сообщили в Кремле.",
        "Стороны обсудили ход реализации договоренностей, достигнутых в ходе визита вьетнамского лидера в Москву.",
    ])
    rec = _one(text)
    assert rec["title"] == "Путин провел телефонный разговор с генсеком ЦК КПВ"
    assert (rec["source"], rec["dateline"], rec["section"]) == ("RIA Novosti", "МОСКВА", None)
    assert rec["published_at"].startswith("2026-03-12")


def test_clock_times_with_am_pm_and_a_full_stop_dateline() -> None:
    d = find_dates("March 3, 2026 3:12 PM GMT+7", "en")[0]
    assert (d.hour, d.minute) == (15, 12)
    dl = find_dateline("MOSCOW. Feb 20 (Interfax) - " + BODY[0], get_rules())
    assert dl is not None and (dl.place, dl.agency, dl.date_text) == ("MOSCOW", "Interfax", "Feb 20")


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(enc: str) -> None:
    for text in (" ".join(BODY), "Хабаровский аэропорт открыл новый терминал. " * 3, "Việt Nam xuất khẩu gạo. " * 3):
        dec = decode_bytes(text.encode(enc))
        assert (dec.text, dec.encoding) == (text, enc)


def test_a_headline_placed_above_the_date_line_is_found_without_shared_words() -> None:
    rec = _one("\n\n".join(["Menu", "Students win 46 medals at regional olympiad", "19/01/2024 15:25 GMT+7", *BODY]))
    assert rec["title"] == "Students win 46 medals at regional olympiad"
    teasers = _one("\n\n".join(["Most Read", "Apple Plans Cheaper Vision Headset", "Rich Families Got Richer", *BODY]))
    assert teasers["title"] is None  # teaser headlines with nothing of the story in them: no title


def test_a_lead_whose_dateline_fills_its_first_words_is_still_text() -> None:
    lead = ("ВЛАДИВОСТОК, 17 февраля. /Корр. ТАСС/. В министерстве пообещали опубликовать подробные рекомендации "
            "в течение 70 дней и подвести итоги программы.")
    rec = _one("\n\n".join(["Новая линия метро во Владивостоке откроется в 2025 году", "18 февраля 2025, 21:00", lead,
                            "Проект задержался из-за проблем с изъятием земель, сообщили в администрации города."]))
    assert "В министерстве пообещали опубликовать подробные рекомендации" in rec["body"]
    assert (rec["source"], rec["dateline"]) == ("TASS", "ВЛАДИВОСТОК")
