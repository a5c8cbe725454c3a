"""Issue 10 (sites no rule names): each general rule on its own, beside the dev cases that motivated it
(tests/articles_dev, batches two to ten)."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from articles.clean import clean_text
from articles.dates import find_dates
from articles.decode import repair_mojibake
from articles.html import _drop_labelled_teasers, _main_prose, has_prose
from articles.metadata import find_dateline
from articles.rules import get_rules

BODY = [
    "The regional council approved a plan on Monday to build three new bridges across the river, the mayor said.",
    "Construction of the first bridge will start in the spring and is expected to take two years to complete.",
    "Residents have long complained about traffic jams on the only crossing, which was built in the 1970s.",
]


def test_an_extract_loses_its_page_header_and_footer_but_not_its_standfirst() -> None:
    lines = ["The River Times", "Local News", "The council backs a plan for three bridges.", "Anna Berg", *BODY,
             "Anna Berg", "___"]
    c = clean_text("\n\n".join(lines), "en", extracted=True)
    assert c.paragraphs == ["The council backs a plan for three bridges.", *BODY]


def test_an_extract_of_short_lines_only_stays_whole() -> None:
    c = clean_text("Test Case 1\n\nTest Case 2", "en", extracted=True)
    assert c.paragraphs == ["Test Case 1", "Test Case 2"]


def test_headline_above_a_standfirst_and_counters_between_headline_and_text() -> None:
    text = "\n".join(["Home | News | Sport", "Farmers count cost of worst hailstorm in decades",
                      "Orchards across the valley were stripped bare in minutes", "Views: 2,311", "Comments (4)",
                      "A hailstorm destroyed much of the apple crop across the valley on Tuesday, growers said.",
                      *BODY])
    c = clean_text(text, "en")
    assert c.title == "Farmers count cost of worst hailstorm in decades"
    assert not any("Views" in p or "Comments" in p for p in c.paragraphs)


def test_title_bar_loses_the_site_name_the_page_prints() -> None:
    c = clean_text("\n".join(["Council backs three new bridges | River Times", "River Times", *BODY]), "en")
    assert c.title == "Council backs three new bridges"
    c = clean_text("\n".join(["Council backs three new bridges | Opinion", *BODY]), "en")
    assert c.title in (None, "Council backs three new bridges | Opinion")  # "Opinion" is not printed: kept


def test_furniture_wording_of_unseen_sites() -> None:
    rules = get_rules()
    kinds = {
        "Advertisement · Scroll to continue": "ad", "Report This Ad": "ad", "Views: 2,311": "counter",
        "Просмотры: 4 120": "counter", "Lượt xem: 1.245": "counter",
        "Do you like the content of this article?": "feedback",
        "Ошибка в тексте? Выделите её и нажмите Ctrl+Enter": "feedback", "Purchase Licensing Rights": "licence",
        "We use cookies to give you the best experience. By continuing, you agree to our use of cookies.": "consent",
        "Enjoying this article? Click here to subscribe for full access.": "promo",
        "Sok Chea is a journalist based in Phnom Penh.": "credit", "Время чтения: 2 минуты": "readtime",
    }
    for line, kind in kinds.items():
        assert rules.furniture_kind(line) == kind, line
    for prose in [*BODY, "Did you know the bridge was built in 1975?", "Реклама на радио выросла на 12%."]:
        assert rules.furniture_kind(prose) is None, prose


def test_a_papers_own_credit_opens_the_text_without_naming_a_place() -> None:
    dl = find_dateline("(PNO) - Tỉnh Gia Lai đặt mục tiêu đến năm 2030 có 50.000 ha cà phê bền vững.", get_rules())
    assert dl is not None and dl.place == "" and dl.agency is None


def test_a_year_run_into_its_clock_time() -> None:
    (dm,) = find_dates("March 3, 20264:25 AM GMT+7Updated 2 hours ago", "en", get_rules())
    assert (dm.year, dm.month, dm.day, dm.hour, dm.minute) == (2026, 3, 3, 4, 25)


def test_utf8_read_as_cp1251_is_read_back() -> None:
    text = "Иркутск получит 40 новых троллейбусов — «до конца года»."
    fixed, changed = repair_mojibake(text.encode("utf-8").decode("cp1251", errors="replace"))
    assert changed and fixed == text
    assert repair_mojibake("Агентство ТАСС» сообщило: ТАСС», ТАСС», ТАСС».") == (
        "Агентство ТАСС» сообщило: ТАСС», ТАСС», ТАСС».", False)


def test_a_labelled_teaser_box_goes_whole_unless_it_holds_the_text() -> None:
    page = ("<html><body><div class='story'>" + "".join(f"<p>{p}</p>" for p in BODY) + "</div>"
            "<div class='box'><span>Related</span><div><h3><a>Bridge tolls to rise</a></h3>"
            "<p>The city will raise tolls on the old crossing from July, officials said.</p></div></div></body></html>")
    tree = HTMLTree.parse(page)
    run, _ = _main_prose(tree)
    removed: list[dict[str, str]] = []
    _drop_labelled_teasers(tree, run, get_rules(), removed)
    text = tree.body.text
    assert "raise tolls" not in text and all(p in text for p in BODY) and removed[0]["kind"] == "related"


def test_sentences_that_are_furniture_make_no_article() -> None:
    rules = get_rules()
    notice = "Мы используем файлы cookie, чтобы сделать сайт удобнее, вы соглашаетесь."
    assert not has_prose("Уральский день\n" + notice, rules)
    assert has_prose(BODY[0], rules)
