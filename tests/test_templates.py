"""Per-source templates (articles/templates.py): a site's furniture learned from its own documents."""

from __future__ import annotations

import json
import random
from pathlib import Path

from articles import process_paths
from articles.templates import Signature, TemplateConfig, Templates, learn, line_key, source_of
from tests.templates_site import FURNITURE, write_site


def _by_path(records: list[dict]) -> dict[str, dict]:
    return {r["source_path"]: r for r in records}


def _text(rec: dict) -> str:
    return f"{rec.get('title') or ''}\n\n{rec.get('body') or ''}"


def test_site_furniture_is_learned_and_no_article_line_is_removed(tmp_path: Path) -> None:
    site = tmp_path / "harbor"
    own = write_site(site)
    recs = _by_path(process_paths((p, str(p.relative_to(tmp_path))) for p in sorted(site.iterdir())))
    assert len(recs) == 30 and all(r["status"] == "ok" for r in recs.values())
    for name, lines in own.items():
        rec = recs[f"harbor/{name}"]
        text = _text(rec)
        for line in FURNITURE:
            assert line not in text, (name, line)
        for line in lines:  # every article line survives, the repeated quote and boilerplate too
            assert line in text, (name, line)
        assert rec["title"] == lines[0]
        kinds = {(r["kind"], r["text"]) for r in rec["removed"]}
        assert ("template", "The Harbor Ledger") in kinds
        assert ("template", "© 2026 Harbor Ledger Media Group") in kinds
        assert rec["published_at"] and rec["published_at"].startswith("2026-03")


def test_templates_are_deterministic_for_any_order(tmp_path: Path) -> None:
    site = tmp_path / "harbor"
    write_site(site)
    paths = sorted(site.iterdir())
    first = process_paths((p, p.name) for p in paths)
    shuffled = list(paths)
    random.Random(3).shuffle(shuffled)
    again = process_paths((p, p.name) for p in shuffled)
    assert json.dumps(_by_path(first), sort_keys=True) == json.dumps(_by_path(again), sort_keys=True)


def test_one_site_alone_keeps_its_lines_and_sources_do_not_mix(tmp_path: Path) -> None:
    """Two documents are not enough evidence; lines shared by two different sites are not templates of either."""
    site = tmp_path / "harbor"
    write_site(site, n=2)
    recs = process_paths((p, p.name) for p in sorted(site.iterdir()))
    assert all("The Harbor Ledger" not in {r["text"] for r in rec["removed"] if r["kind"] == "template"}
               for rec in recs)
    lines = [json.dumps({"url": f"https://{host}/a/{i}", "text": f"Shared menu line\n\nStory {host} {i} body text "
                         f"that is long enough to be an article about harbours and boats, number {i}."})
             for host in ("www.one.example", "two.example") for i in range(2)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs = process_paths([(feed, "feed.jsonl")])
    assert not any(r["kind"] == "template" for rec in recs for r in rec["removed"])


def test_learn_rule() -> None:
    cfg = TemplateConfig(min_docs=3, min_share=0.3)
    menu, quote = line_key("Menu"), line_key("“Yes,” he said.")
    story = line_key("A long paragraph that the same story repeats, told again in an update of it.")
    docs = {f"d{i}": Signature(frozenset({menu, line_key(f"own {i}")}), frozenset({line_key(f"p{i}")}))
            for i in range(10)}
    assert learn(docs, cfg) == {menu}
    # a quote in three versions of one story (they share a prose line): one document, not three
    for i in range(3):
        docs[f"s{i}"] = Signature(frozenset({quote}), frozenset({story}))
    assert quote not in learn(docs, cfg)
    # a long disclaimer every article ends with is boilerplate, not one story told 10 times: the menu is learned
    disclaimer = line_key("All material on this site is protected by copyright law and may not be reproduced.")
    signed = {d: Signature(sig.lines, sig.prose | {disclaimer}) for d, sig in docs.items()}
    assert menu in learn(signed, cfg) and quote not in learn(signed, cfg)
    # below the share: 3 of 20 documents is not 30%
    many = {f"d{i}": Signature(frozenset({menu} if i < 3 else set()), frozenset()) for i in range(20)}
    assert learn(many, cfg) == frozenset()
    t = Templates(cfg=cfg)
    for d, sig in docs.items():
        t.add("x", d, sig)
    assert t.lines_for("x") == {menu} and t.lines_for("y") == frozenset()


def test_source_of() -> None:
    assert source_of("a/b.jsonl#3", "https://www.Example.com/x") == "example.com"
    assert source_of("a/b.txt", None, "URL: https://news.example.org/p/1\nTitle\n\nBody") == "news.example.org"
    assert source_of("site/one/b.txt") == "folder:site/one"
    assert source_of("b.txt") == "folder:"
