"""The measured stages, each run in its own process by `bench.run` (so RSS and CPU are attributed cleanly).

    python -m bench.stages pure   CORPUS RECORDS_OUT --limit N
    python -m bench.stages bulk   RECORDS --docs N --alias A --mode streaming|parallel
    python -m bench.stages ingest CORPUS --alias A
    python -m bench.stages naive  CORPUS --alias A

Each prints one JSON object on its last stdout line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterator

import psutil

from flows.sources import iter_sources  # the product's walker (no Prefect import)


def _dumps(obj: dict) -> bytes:
    try:
        import orjson

        return orjson.dumps(obj, default=str)
    except ImportError:  # pragma: no cover
        return json.dumps(obj, ensure_ascii=False, default=str).encode()


def _loads(line: bytes) -> dict:
    try:
        import orjson

        return orjson.loads(line)
    except ImportError:  # pragma: no cover
        return json.loads(line)


def _pctl(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


# ------------------------------------------------------------------------------------------------ (b) pure
def pure(corpus: str, records_out: str, limit: int, pin: bool = False) -> dict:
    """articles.process_path over the corpus in one tight loop on one core; records go to a JSONL file."""
    if pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
    import articles

    docs = files = nbytes = ok = 0
    wall = cpu = 0.0
    per_doc_cpu_ms: list[float] = []
    langs: dict[str, int] = {}
    with open(records_out, "wb") as out:
        for path, key in iter_sources(corpus):
            if docs >= limit:
                break
            size = os.path.getsize(path)
            c0, w0 = time.thread_time(), time.perf_counter()
            records = articles.process_path(path, source_path=key)
            w1, c1 = time.perf_counter(), time.thread_time()
            wall += w1 - w0
            cpu += c1 - c0
            n = max(1, len(records))
            per_doc_cpu_ms.extend([(c1 - c0) * 1000 / n] * n)
            docs += len(records)
            files += 1
            nbytes += size
            for r in records:
                if r.get("status") == "ok":
                    ok += 1
                    langs[r.get("language") or "?"] = langs.get(r.get("language") or "?", 0) + 1
                r["source_key"] = key
                out.write(_dumps(r) + b"\n")
    return {"docs": docs, "files": files, "bytes": nbytes, "ok": ok, "languages": langs, "wall_s": wall,
            "cpu_s": cpu, "docs_per_cpu_s": round(docs / cpu, 1) if cpu else 0.0,
            "cpu_ms_median": statistics.median(per_doc_cpu_ms) if per_doc_cpu_ms else 0.0,
            "cpu_ms_p90": _pctl(per_doc_cpu_ms, 0.9), "cpu_ms_p99": _pctl(per_doc_cpu_ms, 0.99)}


# ------------------------------------------------------------------------------------------------ (c) bulk
def _client():
    from common.settings import Settings
    from indexing.client import make_client

    return make_client(Settings.from_env(), timeout=120)


def _cycled_records(path: str, n: int, timing: dict) -> Iterator[dict]:
    """The pre-cleaned ok records, repeated (with a suffixed id) until n documents were produced."""
    made = rnd = 0
    while made < n:
        t0 = time.perf_counter()
        found = False
        with open(path, "rb") as f:
            for line in f:
                r = _loads(line)
                if r.get("status") != "ok":
                    continue
                found = True
                if rnd:
                    r["id"] = f"{r['id']}-r{rnd}"
                timing["read_s"] += time.perf_counter() - t0
                yield r
                t0 = time.perf_counter()
                made += 1
                if made >= n:
                    return
        rnd += 1
        if not found:
            return


def bulk(records: str, docs: int, alias: str, mode: str, chunk_size: int = 500, threads: int = 2) -> dict:
    """Raw opensearch-py helpers indexing of pre-cleaned records through to_document, into a fresh index."""
    from opensearchpy import helpers

    from indexing import versions
    from indexing.documents import to_document

    client = _client()
    index = versions.ensure(client, alias)
    timing = {"read_s": 0.0, "to_document_s": 0.0}
    nbytes = 0

    def actions() -> Iterator[dict]:
        nonlocal nbytes
        for r in _cycled_records(records, docs, timing):
            t0 = time.perf_counter()
            d = to_document(r)
            timing["to_document_s"] += time.perf_counter() - t0
            nbytes += len(r.get("body") or "")
            yield {"_op_type": "index", "_index": index, "_id": d["id"], "_source": d}

    ok = failed = 0
    started = time.perf_counter()
    if mode == "streaming":
        results = helpers.streaming_bulk(client, actions(), chunk_size=chunk_size, raise_on_error=False,
                                         max_retries=5, initial_backoff=1)
    else:
        results = helpers.parallel_bulk(client, actions(), thread_count=threads, chunk_size=chunk_size,
                                        raise_on_error=False)
    for good, _item in results:
        ok += int(good)
        failed += int(not good)
    client.indices.refresh(index=index)
    wall = time.perf_counter() - started
    count = client.count(index=index)["count"]
    return {"docs": ok + failed, "indexed": ok, "failed": failed, "count": count, "wall_s": wall,
            "body_chars": nbytes, "mode": mode, "chunk_size": chunk_size,
            "threads": threads if mode == "parallel" else 1, **timing,
            "bulk_s": max(0.0, wall - timing["read_s"] - timing["to_document_s"]) if mode == "streaming" else None}


# ------------------------------------------------------------------------------------------------ (a) ingest
def ingest(corpus: str, alias: str) -> dict:
    from newsindex.prefect_env import quiet_prefect

    quiet_prefect()
    t0 = time.perf_counter()
    from flows.ingest import ingest as ingest_flow

    import_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    self0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = ingest_flow(source=corpus, alias=alias)
    wall = time.perf_counter() - t1
    self1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    live = 0.0  # children still running (the ephemeral Prefect API server), by command line
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
            live += t.user + t.system
        except psutil.Error:
            pass
    cpu = {"flow_process_cpu_s": round(self1.ru_utime - self0.ru_utime + self1.ru_stime - self0.ru_stime, 2),
           # the pool's worker processes, ended (and waited for) when the flow closes its pool
           "workers_cpu_s": round(kids1.ru_utime - kids0.ru_utime + kids1.ru_stime - kids0.ru_stime, 2),
           "prefect_server_cpu_s": round(live, 2)}
    keep = {k: summary.get(k) for k in ("seen", "indexed", "unchanged", "quarantined", "files", "files_read",
                                         "languages", "quarantine_reasons", "task_runner", "duration_s", "index")}
    return {"docs": summary.get("seen"), "wall_s": wall, "import_s": import_s, "summary": keep, **cpu}


# ------------------------------------------------------------------------------------------------ (d) naive
def naive(corpus: str, alias: str) -> dict:
    from newsindex.prefect_env import quiet_prefect

    quiet_prefect()
    from bench.naive import naive_ingest

    t0 = time.perf_counter()
    out = naive_ingest(source=corpus, alias=alias)
    return {**out, "wall_s": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="stage", required=True)
    p = sub.add_parser("pure")
    p.add_argument("corpus")
    p.add_argument("records_out")
    p.add_argument("--limit", type=int, default=10**9)
    p.add_argument("--pin", action="store_true", help="pin to one CPU (skews results when the box is shared)")
    b = sub.add_parser("bulk")
    b.add_argument("records")
    b.add_argument("--docs", type=int, required=True)
    b.add_argument("--alias", required=True)
    b.add_argument("--mode", choices=("streaming", "parallel"), default="streaming")
    b.add_argument("--chunk-size", type=int, default=500)
    b.add_argument("--threads", type=int, default=2)
    for name in ("ingest", "naive"):
        s = sub.add_parser(name)
        s.add_argument("corpus")
        s.add_argument("--alias", required=True)
    args = ap.parse_args(argv)
    if args.stage == "pure":
        out = pure(args.corpus, args.records_out, args.limit, pin=args.pin)
    elif args.stage == "bulk":
        out = bulk(args.records, args.docs, args.alias, args.mode, args.chunk_size, args.threads)
    elif args.stage == "ingest":
        out = ingest(args.corpus, args.alias)
    else:
        out = naive(args.corpus, args.alias)
    sys.stdout.write(json.dumps(out, default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
