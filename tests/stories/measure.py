"""Same-story recall and different-story precision of articles/story.py on tests/stories/corpus.yaml.

Run as `python -m tests.stories.measure` for the numbers; test_stories.py keeps floors on them.
Each article goes through the real record path (JSON item -> clean -> enrich -> fingerprint).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import yaml

from articles import process_bytes, with_story_ids

CORPUS = Path(__file__).with_name("corpus.yaml")
#: Written after the rules were tuned on CORPUS, never tuned on: how the rules hold on stories they did not see.
HELDOUT = Path(__file__).with_name("heldout.yaml")


def load(path: Path = CORPUS) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def records(corpus: dict) -> list[dict]:
    out = []
    for a in corpus["articles"]:
        item = {"title": a["title"], "published_at": a["date"], "language": a["lang"], "text": a["text"]}
        out.extend(process_bytes(json.dumps(item, ensure_ascii=False).encode(), f"{a['id']}.json", fmt="jsonl"))
    for r, a in zip(out, corpus["articles"], strict=True):
        r["id"] = a["id"]  # readable ids in reports
    return out


def measure(recs: list[dict] | None = None, corpus: dict | None = None) -> dict:
    corpus = corpus or load()
    recs = recs if recs is not None else records(corpus)
    recs = with_story_ids(recs)
    sid = {r["id"]: r["story_id"] for r in recs}
    same = [p for g in corpus["groups"] for p in itertools.combinations(g, 2)]
    truth = {a: i for i, g in enumerate(corpus["groups"]) for a in g}
    found = [p for p in same if sid[p[0]] == sid[p[1]]]
    predicted = [p for p in itertools.combinations(sorted(sid), 2) if sid[p[0]] == sid[p[1]]]
    correct = [p for p in predicted if p[0] in truth and truth.get(p[0]) == truth.get(p[1])]
    hard = [tuple(p) for p in corpus["negatives"]]
    hard_split = [p for p in hard if sid[p[0]] != sid[p[1]]]
    groups_whole = sum(len({sid[a] for a in g}) == 1 for g in corpus["groups"])
    return {
        "same_pairs": len(same), "same_recall": round(len(found) / len(same), 3),
        "predicted_pairs": len(predicted),
        "precision": round(len(correct) / len(predicted), 3) if predicted else 1.0,
        "hard_negatives": len(hard), "hard_negatives_split": round(len(hard_split) / len(hard), 3),
        "groups_whole": f"{groups_whole}/{len(corpus['groups'])}",
        "missed": [p for p in same if p not in found],
        "wrong": [p for p in predicted if p not in correct],
    }


if __name__ == "__main__":
    for path in (CORPUS, HELDOUT):
        m = measure(corpus=load(path))
        print(path.name, json.dumps(m, ensure_ascii=False))
