"""Group articles that report the same story, across languages, over a batch and the index.

Two articles are one story when their fingerprints (script-free name keys, numbers, day-month
dates; see names.py) overlap enough AND their publication dates are close. Names alone are not
enough (the same ambassador gives many interviews), so the date gate matters: both dated and more
than `max_days` apart -> different stories; an undated article needs a stronger overlap. Numbers and
dates are anchors: two reports of one event repeat some of its figures, so two articles that both
give figures and share none need a much stronger overlap of names, and two that share several figures
need a little less. Thresholds: config/stories.yaml.
Groups are connected components; a group's id is an existing story id from the index when it has
one (the smallest), else "s-" + the smallest member id: same inputs, same ids, in any order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from .tuning import load_typed


@dataclass(frozen=True)
class StoryConfig:
    """When two articles are one story, and how names are spelled into keys (config/stories.yaml)."""

    max_days: int = 3
    min_overlap_dated: float = 0.42
    min_overlap_undated: float = 0.6
    min_overlap_no_anchor: float = 0.75
    min_shared: float = 8.0
    min_shared_floor: float = 3.0
    min_shared_floor_anchored: float = 2.5
    anchors_for_lower_floor: int = 2
    max_posting: int = 200
    skeleton_folds: dict[str, str] = field(default_factory=dict)
    syllable_folds: dict[str, str] = field(default_factory=dict)
    syllable_max: int = 4
    joined_word_max: int = 5
    given_name_max: int = 8


def story_config() -> StoryConfig:
    return load_typed(StoryConfig, "stories.yaml")


def _is_anchor(key: str) -> bool:
    """A number (n690000) or a day-month date (d0209): the figures of an event. Years are too common."""
    return key[0] in "nd" and key[1:2].isdigit()


@lru_cache(maxsize=1)
def _common_keys() -> frozenset[str]:
    """Keys of names nearly every article of the domain carries (config `story_common_names`)."""
    from .names import name_keys
    from .rules import get_rules

    keys: set[str] = set()
    for name in get_rules().story_common_names:
        keys |= name_keys(name)
    return frozenset(keys)


def _weight(key: str) -> float:
    """Short skeletons (2 letters: 'rs', 'hn') collide more often than long ones or numbers; the domain's
    ubiquitous names (the countries and capitals every article mentions) count least."""
    if key[0] in "ynd" and key[1:].isdigit():
        return 1.0
    if key in _common_keys():
        return 0.25
    return 0.5 if len(key) <= 2 else 1.0


def _day(rec: dict[str, Any]) -> date | None:
    v = rec.get("published_at")
    if not v:
        return None
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


class _Prepared:
    """What `similar` needs of one document, computed once per call: its fingerprint keys split by weight
    (1.0 / 0.5 / 0.25, so a weighted overlap is three set intersections), their weight sum and its day."""

    __slots__ = ("keys", "full", "half", "quarter", "total", "day", "anchors")

    def __init__(self, rec: dict[str, Any], weights: dict[str, float]) -> None:
        self.keys = frozenset(rec.get("fingerprint") or [])
        full, half, quarter = [], [], []
        for k in self.keys:
            w = weights.get(k)
            if w is None:
                w = weights[k] = _weight(k)
            (full if w == 1.0 else half if w == 0.5 else quarter).append(k)
        self.full, self.half, self.quarter = frozenset(full), frozenset(half), frozenset(quarter)
        # the weights are 1, 1/2 and 1/4: every sum below is exact, whatever the order of its terms
        self.total = len(full) + 0.5 * len(half) + 0.25 * len(quarter)
        self.day = _day(rec)
        self.anchors = frozenset(k for k in full if _is_anchor(k))


#: key -> `_weight(key)`, shared by the calls of `_prepared`
_WEIGHTS: dict[str, float] = {}


@lru_cache(maxsize=1024)
def _prepared(fingerprint: tuple[str, ...], published_at: str | None) -> _Prepared:
    if len(_WEIGHTS) > 50_000:  # bounded: a long run sees many names
        _WEIGHTS.clear()
    return _Prepared({"fingerprint": fingerprint, "published_at": published_at}, _WEIGHTS)


def _prepared_of(rec: dict[str, Any]) -> _Prepared:
    """A batch's candidates from the index and from memory are mostly the same few hundred articles, batch
    after batch: their prepared form is kept (by content, so it is the same object whoever asks)."""
    published = rec.get("published_at")
    if published is not None and not isinstance(published, str):
        return _Prepared(rec, _WEIGHTS)
    return _prepared(tuple(rec.get("fingerprint") or ()), published)


def _similar(a: _Prepared, b: _Prepared, cfg: StoryConfig) -> bool:
    if not a.keys or not b.keys:
        return False
    da, db = a.day, b.day
    dated = da is not None and db is not None
    if dated and abs((da - db).days) > cfg.max_days:  # type: ignore[operator]
        return False
    smaller = min(a.total, b.total)
    if smaller <= 0:
        return False
    # every weight is at most 1: fewer common keys than the lowest bar can never be enough (most candidate
    # pairs end here, on one intersection instead of four)
    common = len(a.keys & b.keys)
    if common < min(cfg.min_shared_floor, cfg.min_shared_floor_anchored) \
            or common / smaller < min(cfg.min_overlap_dated, cfg.min_overlap_undated):
        return False
    shared = len(a.full & b.full) + 0.5 * len(a.half & b.half) + 0.25 * len(a.quarter & b.quarter)
    anchors = len(a.anchors & b.anchors)
    floor = cfg.min_shared_floor_anchored if anchors >= cfg.anchors_for_lower_floor else cfg.min_shared_floor
    need_shared = max(floor, min(cfg.min_shared, 0.5 * smaller))
    need_overlap = cfg.min_overlap_dated if dated else cfg.min_overlap_undated
    if a.anchors and b.anchors and not anchors:
        need_overlap = max(need_overlap, cfg.min_overlap_no_anchor)
    return shared >= need_shared and shared / smaller >= need_overlap


def similar(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Same story? Date gate, then weighted overlap of fingerprints."""
    weights: dict[str, float] = {}
    return _similar(_Prepared(a, weights), _Prepared(b, weights), story_config())


def story_candidates_terms(record: dict[str, Any]) -> list[str]:
    """Fingerprint keys worth a terms query on the index's `fingerprint` field (specific ones first)."""
    keys = [k for k in record.get("fingerprint") or [] if _weight(k) >= 1.0]
    return sorted(keys, key=lambda k: (-len(k), k))[:64]


def _date_gate(near: list[set[int]], prep: list[_Prepared], max_days: int) -> None:
    """Drop the candidate pairs `_similar` would refuse on dates alone (both dated, too far apart), by set
    intersection with the documents of the nearby days: most candidate pairs of a batch fail there, and
    judging them one by one was most of the grouping's cost. Same pairs judged, same order, same result."""
    by_day: dict[int, set[int]] = defaultdict(set)
    undated: set[int] = set()
    for j, p in enumerate(prep):
        (by_day[p.day.toordinal()] if p.day else undated).add(j)
    windows: dict[int, set[int]] = {}
    for i, partners in enumerate(near):
        day = prep[i].day
        if day is None or not partners:
            continue
        d = day.toordinal()
        allowed = windows.get(d)
        if allowed is None:
            allowed = set(undated)
            for k in range(d - max_days, d + max_days + 1):
                allowed |= by_day.get(k, set())
            windows[d] = allowed
        partners &= allowed


def with_story_ids(records: list[dict[str, Any]], known: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """New records with their story_id: shared by ok records of one story, joining stories already in the
    index (`known`); None for quarantined ones. The given records are left as they are."""
    cfg = story_config()
    positions = [i for i, r in enumerate(records) if r.get("status", "ok") == "ok"]
    new = [records[i] for i in positions]
    old = [k for k in known if k.get("id") and k.get("fingerprint")]
    new_ids = {r["id"] for r in new}
    old = [k for k in old if k["id"] not in new_ids]  # a re-processed article is judged afresh
    docs = new + old
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    prep = [_prepared_of(d) for d in docs]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(prep):
        for k in p.keys:
            postings[k].append(i)  # ascending doc order
    # candidate pairs (i, j), i < j: documents sharing a key whose posting is not too common. Known-known pairs
    # are already decided, so i is a new record; near[i] holds its partners j > i, visited in ascending (i, j)
    # order (the order the merges below depend on).
    n_new = len(new)
    near: list[set[int]] = [set() for _ in range(n_new)]
    for idxs in postings.values():
        if len(idxs) > cfg.max_posting:
            continue
        for x, i in enumerate(idxs):
            if i >= n_new:
                break
            near[i].update(idxs[x + 1 :])
    _date_gate(near, prep, cfg.max_days)
    # a story spans a few days: a merge that would put members more than max_days apart (an undated article
    # bridging two dated stories) is refused
    span: list[tuple[date, date] | None] = [(p.day, p.day) if p.day else None for p in prep]
    # `_similar`'s first bar, inline: nearly nine in ten candidate pairs fail it, and a call per pair (with
    # two `find`s before it) was most of the grouping's cost. Same pairs judged, same order, same result.
    fewest = min(cfg.min_shared_floor, cfg.min_shared_floor_anchored)
    least = min(cfg.min_overlap_dated, cfg.min_overlap_undated)
    keys_of = [p.keys for p in prep]
    total_of = [p.total for p in prep]
    for i in range(n_new):
        pi = prep[i]
        keys, total = pi.keys, pi.total
        for j in sorted(near[i]):
            common = len(keys & keys_of[j])
            if common < fewest:
                continue
            smaller = total if total < total_of[j] else total_of[j]
            if smaller <= 0 or common / smaller < least:
                continue
            pj = prep[j]
            ri, rj = find(i), find(j)
            if ri == rj or not _similar(pi, pj, cfg):
                continue
            si, sj = span[ri], span[rj]
            if si and sj:
                lo, hi = min(si[0], sj[0]), max(si[1], sj[1])
                if (hi - lo).days > cfg.max_days:
                    continue
                span[rj] = (lo, hi)
            else:
                span[rj] = si or sj
            parent[ri] = rj
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
        groups[find(i)].append(i)
    story_of: list[str | None] = [None] * len(records)
    for members in groups.values():
        existing = sorted(str(docs[i]["story_id"]) for i in members if i >= len(new) and docs[i].get("story_id"))
        sid = existing[0] if existing else "s-" + min(str(docs[i]["id"]) for i in members)
        for i in members:
            if i < len(new):
                story_of[positions[i]] = sid
    return [{**r, "story_id": sid} for r, sid in zip(records, story_of, strict=True)]
