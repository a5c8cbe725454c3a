"""Per-source templates: lines a site repeats across its own documents are its furniture.

A *source* is the site an article comes from: the host of its URL (JSONL `url`, HTML `og:url` /
canonical, a `URL:` / `Source:` header line of a text scrape), else the folder of its file.

The rule (thresholds in config/templates.yaml):
- Each line of a document is normalised (markdown links and marks dropped, case folded, spaces
  collapsed) and keyed. A line is *prose* when it has at least `prose_words` words, ends like a
  sentence and at least `prose_function_share` of its words are function words of a language, or when
  it is longer than `max_chars`. Prose is never template: it could be a quote a site legitimately
  repeats.
- Documents that share two prose lines, or half the prose of the shorter one, tell the same story (an
  update, a re-post): they count as ONE document, so a sentence of a story told twice never looks like
  furniture. Prose in more than half of a site's documents is its boilerplate and links nothing.
- A short line is template when it occurs in at least `min_docs` of those documents of its source
  AND in at least `min_share` of them.
The learning set is what was stored for the source by earlier runs (at most `max_stored_docs`, chosen
by document id) plus the documents at hand; the set decides, not the order in which documents come,
so results are the same for any file order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import methodcaller
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from .captions import unlink
from .rules import Rules, get_rules
from .tuning import load_typed


@dataclass(frozen=True)
class TemplateConfig:
    """When a repeated line counts as a site's furniture (config/templates.yaml)."""

    min_docs: int = 3
    min_share: float = 0.3
    max_chars: int = 200
    prose_words: int = 12
    prose_function_share: float = 0.25
    max_stored_docs: int = 2000
    header_lines: int = 8
    max_story_copies: int = 20
    url_labels: tuple[str, ...] = ("url", "source", "link")


def template_config() -> TemplateConfig:
    return load_typed(TemplateConfig, "templates.yaml")


@dataclass(frozen=True)
class Signature:
    """What learning keeps of one document: keys of its short lines and of its prose lines."""

    lines: frozenset[str]
    prose: frozenset[str]


_LEAD_MARKS = " \t#>*•·|-–—"
_TRAIL_MARKS = " \t|*"
_PUNCT = ".,;:!?…\"'“”‘’«»()[]"
_ENDS = frozenset(".!?…")
_CLOSERS = "\"'”’»)"


@lru_cache(maxsize=4)
def _url_line(labels: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in labels) or "(?!)"
    return re.compile(rf"^\s*(?:{alt})\s*:\s*(?P<url>https?://\S+)", re.IGNORECASE)


def normalise(line: str) -> str:
    """The form two copies of a furniture line share, whatever their markup or spacing."""
    s = unlink(line.strip())
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return " ".join(s.lstrip(_LEAD_MARKS).rstrip(_TRAIL_MARKS).split()).casefold()


def line_key(line: str) -> str:
    """A short stable key of a normalised line (what is stored and compared)."""
    return hashlib.blake2b(normalise(line).encode("utf-8"), digest_size=8).hexdigest()


@lru_cache(maxsize=4)
def _function_words(rules: Rules) -> frozenset[str]:
    words: set[str] = set()
    for lang in rules.languages.values():
        words |= lang.function_words
    return frozenset(words)


_strip_punct = methodcaller("strip", _PUNCT)


def is_prose(norm: str, cfg: TemplateConfig, fw: frozenset[str]) -> bool:
    """Long prose (a sentence a site may repeat on purpose, e.g. a quote): never template. `fw`: the function
    words of every language (_function_words), looked up once per document by its caller, not once per line."""
    if len(norm) > cfg.max_chars:
        return True
    if norm.rstrip(_CLOSERS)[-1:] not in _ENDS:  # ends like a sentence (tests/test_templates_fast.py)
        return False
    words = norm.split()
    if len(words) < cfg.prose_words:
        return False
    # one C pass over the words (map), not a Python generator per word: this runs on every line of a batch
    return sum(map(fw.__contains__, map(_strip_punct, words))) >= cfg.prose_function_share * len(words)


def signature(text: str, cfg: TemplateConfig | None = None, rules: Rules | None = None) -> Signature:
    cfg = cfg or template_config()
    fw = _function_words(rules or get_rules())
    lines: set[str] = set()
    prose: set[str] = set()
    for raw in text.splitlines():
        if len(raw) < 2 or raw.isspace():
            continue
        if len(raw) > 2 * cfg.max_chars:  # prose for sure: a cheaper key (it only tells a story told twice)
            prose.add(hashlib.blake2b(" ".join(raw.split()).casefold().encode("utf-8"), digest_size=8).hexdigest())
            continue
        norm = normalise(raw)
        if len(norm) < 2:
            continue
        key = hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()
        (prose if is_prose(norm, cfg, fw) else lines).add(key)
    return Signature(frozenset(lines), frozenset(prose))


def source_of(source_path: str, url: str | None = None, text: str | None = None) -> str:
    """The site a document belongs to: URL host, else a URL header line of the text, else its file's folder."""
    if not url and text:
        cfg = template_config()
        url_line = _url_line(cfg.url_labels)
        for line in text.lstrip()[:2000].splitlines()[: cfg.header_lines]:
            m = url_line.match(line)
            if m:
                url = m.group("url")
                break
    if url:
        try:
            host = (urlsplit(str(url).strip()).hostname or "").lower()
        except ValueError:
            host = ""
        if host:
            return host[4:] if host.startswith("www.") else host
    path = source_path.split("#", 1)[0].replace("\\", "/")
    folder = str(PurePosixPath(path).parent)
    return "folder:" + ("" if folder == "." else folder)


def learn(docs: Mapping[str, Signature], cfg: TemplateConfig | None = None) -> frozenset[str]:
    """Template line keys of one source from its documents (doc id -> signature); see the module rule."""
    cfg = cfg or template_config()
    ids = sorted(docs)
    parent = {d: d for d in ids}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    for x, y in _told_twice(docs, ids, cfg):  # one story told twice: one document
        a, b = find(x), find(y)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, set[str]] = defaultdict(set)
    for d in ids:
        groups[find(d)] |= docs[d].lines
    n = len(groups)
    counts: dict[str, int] = defaultdict(int)
    for lines in groups.values():
        for key in lines:
            counts[key] += 1
    need = max(cfg.min_docs, cfg.min_share * n)
    return frozenset(k for k, c in counts.items() if c >= need)


def _told_twice(docs: Mapping[str, Signature], ids: list[str], cfg: TemplateConfig) -> list[tuple[str, str]]:
    """Pairs of documents that tell one story: they share at least two prose lines, or half the prose of the
    shorter one. Prose in more than half of a site's documents (n >= 2 * min_docs), or in more than
    `max_story_copies`, is its boilerplate (a standard disclaimer), no sign of a story told twice: left out."""
    with_key: dict[str, list[str]] = defaultdict(list)
    for d in ids:
        for key in docs[d].prose:
            with_key[key].append(d)
    common = min(len(ids) / 2 if len(ids) >= 2 * cfg.min_docs else float("inf"), cfg.max_story_copies)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for holders in with_key.values():
        if len(holders) < 2 or len(holders) > common:
            continue
        for i, x in enumerate(holders):
            for y in holders[i + 1 :]:
                shared[(x, y)] += 1
    boiler = {k for k, h in with_key.items() if len(h) > common}
    pairs = []
    for (x, y), n in sorted(shared.items()):
        smaller = min(len(docs[x].prose - boiler), len(docs[y].prose - boiler))
        if n >= 2 or 2 * n >= smaller:
            pairs.append((x, y))
    return pairs


#: Stored signatures of some sources: sources -> {source: {doc id: signature}} (e.g. from OpenSearch).
StoredSignatures = Callable[[Iterable[str]], Mapping[str, Mapping[str, Signature]]]


class Templates:
    """The learning set of one run (or one batch): stored signatures per source plus the documents at hand.

    Add every document first, then ask `lines_for`: the answer depends on the set, not on the order."""

    def __init__(self, stored: StoredSignatures | None = None, cfg: TemplateConfig | None = None) -> None:
        self.cfg = cfg or template_config()
        self._stored_fn = stored
        self._stored: dict[str, Mapping[str, Signature]] = {}
        self.added: dict[str, dict[str, Signature]] = defaultdict(dict)
        self._learned: dict[str, frozenset[str]] = {}

    @property
    def keeps_evidence(self) -> bool:
        """Whether what is learned here is read from (and so worth keeping for) a store."""
        return self._stored_fn is not None

    def add(self, source: str, doc_id: str, sig: Signature) -> None:
        self.added[source][doc_id] = sig
        self._learned.pop(source, None)

    def prefetch(self) -> None:
        """Read the stored signatures of every source added so far, in one call."""
        missing = sorted(s for s in self.added if s not in self._stored)
        if missing and self._stored_fn is not None:
            got = self._stored_fn(missing)
            for s in missing:
                self._stored[s] = got.get(s, {})

    def lines_for(self, source: str) -> frozenset[str]:
        if source not in self._learned:
            self.prefetch()
            docs = dict(self._stored.get(source, {}))
            docs.update(self.added.get(source, {}))  # a document processed again is judged afresh
            self._learned[source] = learn(docs, self.cfg) if len(docs) >= self.cfg.min_docs else frozenset()
        return self._learned[source]

    def new_signatures(self) -> list[dict]:
        """What to store after the run: one entry per document added, sorted (deterministic writes)."""
        return [{"source": s, "doc_id": d, "lines": sorted(sig.lines), "prose": sorted(sig.prose)}
                for s in sorted(self.added) for d, sig in sorted(self.added[s].items())]
