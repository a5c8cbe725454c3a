"""HTML extraction on small made-up pages: what we add around the library (metadata order, captions, furniture,
the fallback to the main run of prose, the no-article rule)."""

from __future__ import annotations

from resiliparse.parse.html import HTMLTree

from articles.html import _covers, _main_prose, extract_html, has_prose
from articles.readers import process_bytes
from articles.rules import get_rules

PARA = (
    "<p>The council voted on Tuesday to rebuild the old harbour wall, which storms damaged twice, officials said.</p>"
)


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_json_ld_in_cdata_and_date_order() -> None:
    ld = '<script type="application/ld+json"><![CDATA[{"@type":"NewsArticle","datePublished":"2024-05-02T08:00:00Z",'
    ld += '"dateModified":"2024-06-01T08:00:00Z"}]]></script>'
    meta = '<meta property="article:published_time" content="2024-05-03T09:00:00Z">'
    art = extract_html(_page(ld + meta, PARA * 3), get_rules())
    assert art.meta["published_at"] == "2024-05-02T08:00:00Z"  # JSON-LD datePublished first
    bare = ld.replace("2024-05-02T08:00:00Z", "2024-05-02")
    art = extract_html(_page(bare + meta, PARA * 3), get_rules())
    assert art.meta["published_at"] == "2024-05-03T09:00:00Z"  # a stamp with a clock beats a bare date


def test_title_choice() -> None:
    rules = get_rules()
    head = "<title>Harbour wall to be rebuilt - Coast Times</title>"
    og = '<meta property="og:title" content="Harbour wall to be rebuilt - Coast Times">'
    assert extract_html(_page(head, PARA * 3), rules).meta["title"] == "Harbour wall to be rebuilt"
    # og:title copying <title>, no <h1>: cut like <title>
    assert extract_html(_page(head + og, PARA * 3), rules).meta["title"] == "Harbour wall to be rebuilt"
    # the <h1> agrees with a head of <title>: that head, and the <h1> is not body text
    art = extract_html(_page(head, "<h1>Harbour wall to be rebuilt</h1>" + PARA * 3), rules)
    assert art.meta["title"] == "Harbour wall to be rebuilt" and "Harbour wall to be rebuilt" not in art.text
    ld = '<script type="application/ld+json">{"headline": "Harbour wall to be rebuilt"}</script>'
    og2 = '<meta property="og:title" content="Council votes on the harbour">'
    assert extract_html(_page(head + ld + og2, PARA * 3), rules).meta["title"] == "Harbour wall to be rebuilt"


def test_captions_and_furniture_stay_out_of_the_body() -> None:
    body = (
        '<div class="page has-sidebar"><article>'
        + PARA * 2
        + "<figure><img src=x.jpg><figcaption>The wall after the storm. Photo: J. Doe</figcaption></figure>"
        + PARA
        + '<div class="share-tools"><a>Facebook</a> <a>Twitter</a></div></article></div>'
    )
    art = extract_html(_page("<title>x</title>", body), get_rules())
    assert "harbour wall" in art.text  # a wrapper whose class has a furniture word but holds the article stays
    assert "Photo: J. Doe" not in art.text and art.captions == ["The wall after the storm. Photo: J. Doe"]
    assert "Facebook" not in art.text


def test_main_run_of_prose_and_coverage() -> None:
    tree = HTMLTree.parse(_page("", "<div><p>Home, News, Sport, Weather, Travel, Money, Culture</p></div>" + PARA * 4))
    _, prose = _main_prose(tree)
    assert prose.count("harbour wall") == 4 and "Weather" not in prose  # a comma list is not prose
    assert _covers(prose + "\n\nMore", prose, 0.5) and not _covers("Home\n\nNews", prose, 0.5)


def test_no_article_is_quarantined() -> None:
    assert has_prose("The council voted on Tuesday to rebuild the harbour wall.", get_rules())
    assert not has_prose("Home\nNews\nSport\nSubscribe now\n© 2026 Coast Times", get_rules())
    page = _page(
        "<title>Coast Times</title>", "<nav><a>Home</a> <a>News</a></nav><div>Subscribe</div><footer>© 2026</footer>"
    )
    rec = process_bytes(page.encode(), "furniture.html")[0]
    assert rec["status"] == "quarantined" and rec["reason"].startswith("no article")
