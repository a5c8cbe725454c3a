"""The benchmark corpus generator: deterministic by seed, mixed languages, formats, encodings and noise."""

from __future__ import annotations

import hashlib
import json
import unicodedata

from bench import corpus


def _digest(items: list[corpus.Item]) -> str:
    h = hashlib.sha256()
    for it in items:
        h.update(it.relpath.encode())
        h.update(it.data)
    return h.hexdigest()


def test_same_seed_same_bytes_other_seed_other_bytes():
    a = list(corpus.iter_corpus(30, seed=11))
    b = list(corpus.iter_corpus(30, seed=11))
    c = list(corpus.iter_corpus(30, seed=12))
    assert _digest(a) == _digest(b)
    assert _digest(a) != _digest(c)


def test_exactly_n_articles_and_small_corpus_is_a_prefix_of_a_larger_one():
    small = list(corpus.iter_corpus(30))
    large = list(corpus.iter_corpus(60))
    assert sum(it.articles for it in small) == 30
    assert sum(it.articles for it in large) == 60
    # every file but the last (a jsonl dump may be cut short to hit N exactly) is shared
    assert [(i.relpath, i.data) for i in small[:-1]] == [(i.relpath, i.data) for i in large[: len(small) - 1]]


def test_thirty_articles_mix_languages_formats_encodings_and_noise():
    stats = corpus.summarize(corpus.iter_corpus(30))
    assert {"en", "ru", "vi"} <= set(stats["languages"])
    assert {"txt", "html", "jsonl"} <= set(stats["formats"])
    encodings = set(stats["encodings"])
    assert "nbsp" in encodings and "nfd" in encodings
    assert any(e.startswith("mojibake") for e in encodings)
    assert encodings & {"cp1251", "cp1252"}
    noise = set(stats["noise"])
    assert {"crumbs", "image", "caption", "related", "share", "dateline"} <= noise
    assert len({n for n in noise if n.startswith("date:")}) >= 4


def test_files_are_what_they_claim():
    for it in corpus.iter_corpus(60):
        if it.relpath.endswith("_bad.txt"):
            continue
        if it.encoding == "cp1251":
            text = it.data.decode("cp1251")
            assert any("\u0400" <= ch <= "\u04ff" for ch in text)
            continue
        if it.encoding == "cp1252":
            it.data.decode("cp1252")
            continue
        text = it.data.decode("utf-8")
        if it.encoding == "nfd" and it.fmt != "jsonl":
            assert text == unicodedata.normalize("NFD", text)
        if it.encoding.startswith("mojibake") and it.fmt != "jsonl":
            assert "Ã" in text or "Ð" in text or "á»" in text or "â€" in text
        if it.fmt == "jsonl":
            records = [json.loads(line) for line in text.splitlines()]
            assert len(records) == it.articles
            assert all(("text" in r) != ("html" in r) and r["url"].startswith("https://") for r in records)
        if it.fmt == "html":
            assert "<html>" in text and "</html>" in text


def test_sizes_span_one_to_thirty_kilobytes():
    sizes = [len(it.data) for it in corpus.iter_corpus(400) if it.fmt == "txt" and it.encoding in ("utf8", "nbsp")]
    assert min(sizes) < 2_000
    assert max(sizes) > 12_000
    assert max(sizes) <= 32_000


def test_written_corpus_matches_the_stream_and_is_reused(tmp_path):
    folder, manifest = corpus.ensure_corpus(30, seed=5, out=tmp_path, quiet=True)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != corpus.MANIFEST)
    items = list(corpus.iter_corpus(30, seed=5))
    assert [p.relative_to(folder).as_posix() for p in files] == [it.relpath for it in items]
    assert all(p.read_bytes() == it.data for p, it in zip(files, items, strict=True))
    assert manifest["articles"] == 30 and manifest["files"] == len(items)
    mtime = (folder / corpus.MANIFEST).stat().st_mtime_ns
    assert corpus.ensure_corpus(30, seed=5, out=tmp_path, quiet=True)[0] == folder
    assert (folder / corpus.MANIFEST).stat().st_mtime_ns == mtime
