"""Stories across languages: recall and precision floors on tests/stories/corpus.yaml, and stable ids."""

from __future__ import annotations

import random

from articles import with_story_ids
from articles.names import name_keys
from tests.stories.measure import HELDOUT, load, measure, records


def test_same_story_recall_and_different_story_precision() -> None:
    m = measure()
    assert m["same_pairs"] >= 30 and m["hard_negatives"] >= 24
    # measured: before the cross-script work 0.818 / 0.900 / 0.923; after 1.0 / 1.0 / 1.0
    assert m["same_recall"] >= 0.9, m["missed"]
    assert m["precision"] >= 0.95, m["wrong"]
    assert m["hard_negatives_split"] >= 0.95, m["wrong"]


def test_held_out_stories() -> None:
    """Stories written after the tuning: before 0.667 / 1.0 / 1.0, after 0.889 / 1.0 / 1.0 (the miss: an English
    report that spells its figures in words or below 10, 'nine people', so it shares only names)."""
    m = measure(corpus=load(HELDOUT))
    assert m["same_recall"] >= 0.85, m["missed"]
    assert m["precision"] >= 0.95 and m["hard_negatives_split"] >= 0.95, m["wrong"]


def _partition(recs: list[dict]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for r in recs:
        groups.setdefault(r["story_id"], set()).add(r["id"])
    return {frozenset(g) for g in groups.values()}


def test_story_ids_do_not_depend_on_order_or_batches() -> None:
    corpus = load()
    recs = with_story_ids(records(corpus))
    ids = {r["id"]: r["story_id"] for r in recs}
    shuffled = records(corpus)
    random.Random(5).shuffle(shuffled)
    shuffled = with_story_ids(shuffled)
    assert {r["id"]: r["story_id"] for r in shuffled} == ids
    # in two batches, the second joining what the first put in the index: the same stories
    again = records(corpus)
    first, second = again[::2], again[1::2]
    first = with_story_ids(first)
    second = with_story_ids(second, known=first)
    assert _partition(first + second) == _partition(recs)


def test_names_meet_across_scripts() -> None:
    def meet(*names: str) -> bool:
        keys = [name_keys(n) for n in names]
        return bool(set.intersection(*keys))

    assert meet("Bezdetko", "Бездетко", "Бездетко")
    assert meet("Ho Chi Minh", "Hồ Chí Minh", "Хошимин")
    assert meet("Nha Trang", "Нячанг")
    assert meet("Tô Lâm", "То Ламом", "To Lam")
    assert meet("Cam Ranh", "Камрань")
    assert meet("Thailand", "Таиланд")
    assert meet("Xuân Sơn", "Суан Шон")
    assert meet("Ninh Thuận", "Ниньтхуан")
    # a given name alone is no evidence: Sergey Lavrov and Sergey Shoigu share no key
    assert not meet("Sergey Lavrov", "Sergey Shoigu")
