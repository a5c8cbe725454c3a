"""Article text and metadata out of an HTML page.

The main content comes from Resiliparse's extractor (a Lexbor DOM in C: as good as trafilatura on real
news pages at a tenth of its CPU, see bench/RESULTS.md "HTML extraction"). Around it we keep what a news
index needs: `<figcaption>` text goes to captions, not the body; share bars, related teasers and breadcrumbs
that the extractor keeps are skipped by class/id words (config/rules.yaml); the headline `<h1>` is the title,
not the body's first line. The article is never lost: when the extract misses most of the page's main run
of `<p>` prose, that run is the body. Metadata comes from html_meta. The text then goes through the same
cleaning as plain text (record.build_record).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree, Node

from .html_meta import fold, page_meta, select
from .rules import Rules

_WORD = re.compile(r"\w+")
# a sentence end: "。！？", or ".!?…»”\"')" before a space, or ".!?…" at the end. Written as one character class
# first (then what must follow it) so a search skips to candidates instead of trying three branches per character.
_SENTENCE_END = re.compile(r"[。！？.!?…»”\"')](?:(?<=[。！？])|(?<=[.!?…»”\"')])\s|(?<=[.!?…])$)")


@dataclass
class HtmlArticle:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    captions: list[str] = field(default_factory=list)
    removed: list[dict[str, str]] = field(default_factory=list)


def _text(node: Node) -> str:
    return " ".join((node.text or "").split())


def _take_captions(tree: HTMLTree, removed: list[dict[str, str]]) -> list[str]:
    captions: list[str] = []
    for fc in select(tree.body, "figcaption"):
        text = _text(fc)
        if text:
            captions.append(text)
            removed.append({"kind": "caption", "text": text})
        fc.decompose()
    return captions


@lru_cache(maxsize=8)
def _furniture_selectors(rules: Rules) -> list[str]:
    """Share bars, teasers, breadcrumbs the extractor may keep: elements whose class or id has a furniture
    word (config/rules.yaml) and that hold no paragraph (a page wrapper named "has-sidebar" holds the article)."""
    words = [str(w).lower() for w in rules.raw.get("html_drop_class_words") or []]
    tags = ", ".join(str(t) for t in rules.raw["html_furniture_tags"])
    attrs = ", ".join(f'[class*="{w}" i], [id*="{w}" i]' for w in words)
    # one compound selector: `:has(p)` is the costly test, and it runs once per candidate, not once per word
    return [f":is({tags}):is({attrs}):not(:has(p))"] if words else []


def _drop_headline(tree: HTMLTree, title: str | None) -> None:
    """The `<h1>` that is the title is not body text (titles with a site name still contain it)."""
    t = fold(title)
    if not t:
        return
    for h1 in select(tree.body, "h1"):
        h = fold(_text(h1))
        if h and (h in t or t in h):
            h1.decompose()


def _is_prose(text: str, words: int | None = None) -> bool:
    """Sentences, not a list: some sentence punctuation, and not a comma-separated run of names or tags.
    `words`: the number of words of `text` when the caller knows it."""
    # (ASCII commas only: "、" and "，" are ordinary clause marks in Japanese and Chinese prose)
    if not _SENTENCE_END.search(text):
        return False
    return text.count(",") < 0.25 * (len(text.split()) if words is None else words) + 2


def _main_prose(tree: HTMLTree) -> tuple[Node | None, str]:
    """The page's main run of prose: the element whose own `<p>` children hold the most sentence text."""
    runs: dict[Node, list[str]] = {}
    for p in select(tree.body, "p"):
        text = _text(p)  # words joined by single spaces: one more word than spaces
        if text and _is_prose(text, text.count(" ") + 1):
            parent = p.parent  # asked once: each ask wraps the DOM node anew
            if parent is not None:
                runs.setdefault(parent, []).append(text)
    if not runs:
        return None, ""
    node, best = max(runs.items(), key=lambda it: sum(len(x) for x in it[1]))
    return node, "\n\n".join(best)


_LABEL_SELECTOR = "h2, h3, h4, h5, h6, p, span, strong, b, [class*=title i], [class*=heading i]"


def _drop_labelled_teasers(tree: HTMLTree, run: Node | None, rules: Rules, removed: list[dict[str, str]]) -> None:
    """A box headed by a teaser label ("Related", "Tin liên quan", "Читайте также") lists other articles, with
    their summaries (sentences the text cleaner would keep): the whole box goes, unless it holds the main run."""
    inside: set[Node] = set()
    node = run
    while node is not None:
        inside.add(node)
        node = node.parent
    for el in select(tree.body, _LABEL_SELECTOR):
        label = _text(el)
        m = rules.related_label.match(label) if label and len(label) <= 60 else None
        if m is None or m.group("rest").strip():
            continue
        box = el.parent
        while box is not None and box not in inside and _text(box) == label:
            box = box.parent  # wrappers of the label alone
        if box is None or box in inside or box.tag in ("body", "html", "main", "article"):
            continue
        text = _text(box)
        removed.append({"kind": "related", "text": text[:500]})
        box.decompose()


def has_prose(text: str, rules: Rules) -> bool:
    """A page with an article has at least one paragraph of running text; menus and footers have none, and the
    sentences of a cookie notice or a promo (furniture by their wording) are no article either."""
    words, chars = int(rules.raw["html_prose_min_words"]), int(rules.raw["html_prose_min_chars"])
    return any(
        _is_prose(p) and (len(p.split()) >= words or len(p) >= chars) and rules.furniture_kind(p.strip()) is None
        for p in text.split("\n")
    )


def _is_word_char(ch: str) -> bool:
    return _WORD.match(ch) is not None


def _holds_words_of(text: str, prose: str) -> bool:
    """Whether every word of `prose` is, casefolded, a word of `text` casefolded, told without listing words:
    each paragraph of `prose` occurs in `text` where it joins no word on either side. (Casefolding maps
    character by character, so an occurrence stays one after it, and words never span the paragraph break.)"""
    pos = 0
    for piece in prose.split("\n\n"):
        if not piece:
            continue
        i = text.find(piece, pos)  # paragraphs come in order: look after the last one first
        if i < 0:
            i = text.find(piece)
            if i < 0:
                return False
        end = i + len(piece)
        if i > 0 and _is_word_char(text[i - 1].casefold()[-1]) and _is_word_char(piece[0].casefold()[0]):
            return False
        if end < len(text) and _is_word_char(text[end].casefold()[0]) and _is_word_char(piece[-1].casefold()[-1]):
            return False
        pos = end
    return True


def _covers(text: str, prose: str, share: float) -> bool:
    """Whether `share` of the words of `prose` (counted with repeats) are words of `text`."""
    if share <= 1 and _holds_words_of(text, prose):  # the usual case: the extract holds the whole run
        return True
    want = _WORD.findall(prose.casefold())
    if not want:
        return True
    missing = set(want).difference(_WORD.findall(text.casefold()))  # set operations in C, no loop per word
    covered = len(want)
    if missing:
        counts = Counter(want)
        covered -= sum(counts[w] for w in missing)
    return covered >= share * len(want)


_BLANKS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    joined = "\n".join([" ".join(ln.split()) for ln in text.split("\n")])
    return (_BLANKS.sub("\n\n", joined) if "\n\n\n" in joined else joined).strip()


def extract_html(markup: str, rules: Rules) -> HtmlArticle:
    """Article text, captions and structured metadata from an HTML document."""
    tree = HTMLTree.parse(markup)
    if tree.body is None:
        return HtmlArticle(text="")
    meta = page_meta(tree, rules)
    removed: list[dict[str, str]] = []
    captions = _take_captions(tree, removed)
    _drop_headline(tree, meta.get("title"))
    run, prose = _main_prose(tree)
    _drop_labelled_teasers(tree, run, rules, removed)
    text = _tidy(
        extract_plain_text(
            tree,
            preserve_formatting=True,
            main_content=True,
            list_bullets=False,
            alt_texts=False,
            comments=False,
            post_meta=False,
            skip_elements=_furniture_selectors(rules),
        )
    )
    if len(prose) >= int(rules.raw["html_prose_run_min_chars"]) and not _covers(
        text, prose, float(rules.raw["html_prose_run_coverage"])
    ):
        text = prose
    return HtmlArticle(text=text, meta=meta, captions=captions, removed=removed)
