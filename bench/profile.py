"""Profile a stage with pyinstrument, write the text report to bench/profile.txt, and split its time by stage.

    python -m bench.profile [--stage clean_enrich|index] [--docs 1000] [--corpus DIR] [--records FILE]

`clean_enrich` profiles articles.process_path in a tight loop. Every sample is attributed to a pipeline
stage by the innermost `articles` module on its stack (readers+file I/O -> read, decode/html/clean/captions
-> clean, language/dates/metadata/names/story/record -> enrich), so the split holds however the package
calls its parts. The last stdout line is JSON: stage shares, per-module shares and the hottest leaves.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

from flows.sources import iter_sources

HERE = Path(__file__).resolve().parent
PROFILE_TXT = HERE / "profile.txt"

STAGE_OF_MODULE = {
    "readers": "read", "decode": "clean", "html": "clean", "clean": "clean", "captions": "clean", "rules": "clean",
    "language": "enrich", "dates": "enrich", "metadata": "enrich", "names": "enrich", "story": "enrich",
    "record": "enrich",
}
IO_FUNCS = {"read_bytes", "read_text", "open", "read", "stat", "getsize", "_json_records", "loads", "decode"}


def _parse(frame_id: str) -> tuple[str, str]:
    parts = frame_id.split("\x00")
    return parts[0], parts[1] if len(parts) > 1 else ""


def split(frame_records: list, articles_dir: str) -> dict:
    """Attribute each sample's time to a stage, an articles module, and a leaf function."""
    stages: Counter = Counter()
    modules: Counter = Counter()
    leaves: Counter = Counter()
    total = 0.0
    for stack, t in frame_records:
        total += t
        frames = [_parse(f) for f in stack]
        module = None
        below: list[tuple[str, str]] = []
        for i in range(len(frames) - 1, -1, -1):
            fn, path = frames[i]
            if path.startswith(articles_dir):
                module = Path(path).stem
                below = frames[i + 1:]
                break
        if module is None:
            stage = "other"
        else:
            stage = STAGE_OF_MODULE.get(module, "other")
            if module == "readers":
                # the reader's own work is I/O and format parsing; anything it calls in-package was caught above
                stage = "read" if (not below or any(fn in IO_FUNCS for fn, _ in below)) else "clean"
            modules[module] += t
        stages[stage] += t
        fn, path = frames[-1]
        lib = path.split("site-packages/")[-1].split("/")[0] if "site-packages/" in path else Path(path).name
        leaves[f"{fn} ({lib})"] += t
    total = total or 1.0
    return {"stages": {k: round(v / total, 4) for k, v in stages.most_common()},
            "modules": {k: round(v / total, 4) for k, v in modules.most_common()},
            "leaves": {k: round(v / total, 4) for k, v in leaves.most_common(15)}}


def profile_clean_enrich(corpus: str, docs: int, out: Path) -> dict:
    from pyinstrument import Profiler

    import articles

    files = list(iter_sources(corpus))
    articles.process_path(files[0][0], source_path=files[0][1])  # warm caches (rules, models) outside the profile
    profiler = Profiler(interval=0.001)
    n = 0
    started = time.perf_counter()
    profiler.start()
    for path, key in files:
        n += len(articles.process_path(path, source_path=key))
        if n >= docs:
            break
    profiler.stop()
    wall = time.perf_counter() - started
    session = profiler.last_session
    text = profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False)
    result = {"stage": "clean_enrich", "docs": n, "wall_s": round(wall, 2), "ms_per_doc": round(wall * 1000 / n, 2),
              **split(session.frame_records, str(Path(articles.__file__).parent))}
    header = (f"# pyinstrument profile of the pure clean+enrich stage (articles.process_path), {n} documents "
              f"from {corpus}\n# {time.strftime('%Y-%m-%d %H:%M')}, wall {wall:.1f} s, {wall * 1000 / n:.2f} ms/doc "
              f"(profiler on)\n# share of time by stage: {json.dumps(result['stages'])}\n"
              f"# share of time by articles module: {json.dumps(result['modules'])}\n"
              f"# hottest leaf functions: {json.dumps(result['leaves'], ensure_ascii=False)}\n\n")
    out.write_text(header + text)
    return result


def profile_index(records: str, docs: int, alias: str, out: Path) -> dict:
    from pyinstrument import Profiler

    from bench import stages
    from bench.run import drop_alias

    profiler = Profiler(interval=0.001)
    profiler.start()
    try:
        res = stages.bulk(records, docs, alias, "streaming")
    finally:
        profiler.stop()
        drop_alias(alias)
    text = profiler.output_text(unicode=True, color=False)
    out.write_text(f"# pyinstrument profile of raw bulk indexing (to_document + streaming_bulk), {docs} documents\n"
                   f"# {time.strftime('%Y-%m-%d %H:%M')}\n\n" + text)
    return {"stage": "index", **res}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stage", choices=("clean_enrich", "index"), default="clean_enrich")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--corpus", help="corpus folder (default: the generated 1k corpus)")
    ap.add_argument("--records", help="pre-cleaned records JSONL (index stage)")
    ap.add_argument("--alias", default=f"bench-profile-{os.getpid()}")
    ap.add_argument("--out", type=Path, default=PROFILE_TXT)
    args = ap.parse_args(argv)
    if args.stage == "clean_enrich":
        corpus = args.corpus
        if not corpus:
            from bench.corpus import ensure_corpus

            corpus = str(ensure_corpus(max(args.docs, 1000))[0])
        result = profile_clean_enrich(corpus, args.docs, args.out)
    else:
        if not args.records:
            ap.error("--records is required for --stage index")
        result = profile_index(args.records, args.docs, args.alias, args.out)
    sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
