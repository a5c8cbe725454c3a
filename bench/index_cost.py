"""What an indexed document costs OpenSearch, by mapping feature: an experiment for the index owners.

    python -m bench.index_cost RECORDS.jsonl [--docs 2000]

Bulk-indexes the same pre-cleaned records (to_document, streaming_bulk) into throwaway indices that differ
in one thing each from the production template, and reports wall time and the OpenSearch JVM's CPU per
document. Not part of `make bench`; the findings go to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import copy
import json
import time
import uuid

from opensearchpy import OpenSearch, helpers

from bench.run import _cpu_s, opensearch_pids
from bench.stages import _cycled_records
from common.settings import Settings
from indexing.documents import to_document
from indexing.template import index_body


def _strip(props: dict, *, term_vectors: bool, shingles: bool) -> dict:
    props = copy.deepcopy(props)
    for spec in props.values():
        if term_vectors:
            spec.pop("term_vector", None)
        if shingles and "fields" in spec:
            spec["fields"].pop("joined", None)
            if not spec["fields"]:
                spec.pop("fields")
    return props


def variants() -> dict[str, tuple[dict, dict]]:
    """name -> (index body, client kwargs)."""
    base = index_body()
    out: dict[str, tuple[dict, dict]] = {"production template": (base, {"http_compress": True})}
    out["no http_compress"] = (base, {"http_compress": False})
    b = copy.deepcopy(base)
    b["settings"]["index"]["refresh_interval"] = "-1"
    out["refresh_interval -1 while bulk"] = (b, {"http_compress": True})
    b = copy.deepcopy(base)
    b["mappings"]["properties"] = _strip(b["mappings"]["properties"], term_vectors=True, shingles=False)
    out["no term_vector on body_*"] = (b, {"http_compress": True})
    b = copy.deepcopy(base)
    b["mappings"]["properties"] = _strip(b["mappings"]["properties"], term_vectors=False, shingles=True)
    out["no .joined shingle subfields"] = (b, {"http_compress": True})
    b = copy.deepcopy(base)
    b["settings"]["index"]["refresh_interval"] = "-1"
    b["mappings"]["properties"] = _strip(b["mappings"]["properties"], term_vectors=True, shingles=True)
    out["all three + no compress"] = (b, {"http_compress": False})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records")
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    url = settings.urls[0]
    pid = opensearch_pids(settings.urls)
    docs = [to_document(r) for r in _cycled_records(args.records, args.docs, {"read_s": 0.0})]
    rows = []
    for name, (body, kwargs) in variants().items():
        client = OpenSearch(hosts=[url], timeout=120, **kwargs)
        index = f"bench-cost-{uuid.uuid4().hex[:6]}"
        client.indices.create(index=index, body=body)
        try:
            c0, t0 = _cpu_s(pid), time.perf_counter()
            actions = ({"_index": index, "_id": d["id"], "_source": d} for d in docs)
            ok = sum(int(good) for good, _ in helpers.streaming_bulk(client, actions, chunk_size=500,
                                                                       raise_on_error=False))
            client.indices.refresh(index=index)
            wall, cpu = time.perf_counter() - t0, _cpu_s(pid) - c0
            size = client.indices.stats(index=index, metric="store")["indices"][index]["total"]["store"]
        finally:
            client.indices.delete(index=index)
        rows.append({"variant": name, "docs": ok, "wall_s": round(wall, 2), "docs_per_s": round(ok / wall, 1),
                     "os_cpu_ms_per_doc": round(cpu * 1000 / max(1, ok), 2),
                     "store_mb": round(size["size_in_bytes"] / 2**20, 1)})
        print(json.dumps(rows[-1]), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
