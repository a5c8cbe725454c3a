"""Scale-out: the ingest flow on a Dask LocalCluster of 2 worker processes yields the same documents."""

from __future__ import annotations

import shutil

import pytest

pytestmark = pytest.mark.integration

IGNORED = {"indexed_at"}


def _docs(os_client, alias: str) -> dict[str, dict]:
    hits = os_client.search(index=alias, body={"size": 1000, "query": {"match_all": {}}})["hits"]["hits"]
    docs = {h["_id"]: {k: v for k, v in h["_source"].items() if k not in IGNORED} for h in hits}
    for doc in docs.values():  # an undated article's time axis position is its indexing time
        if doc.get("date_unknown"):
            doc.pop("timeline_at")
    return docs


def test_dask_local_cluster_yields_same_records(os_client, alias, seed_dir):
    from distributed import LocalCluster

    from flows.ingest import ingest
    from flows.runners import api_for_workers, make_task_runner

    for i, seed in enumerate(sorted(seed_dir.iterdir())[:3]):  # a few more files, in a subfolder
        (seed_dir / "more").mkdir(exist_ok=True)
        shutil.copy(seed, seed_dir / "more" / f"extra_{i}.txt")
    other = f"{alias}-dask"
    try:
        default = ingest(source=str(seed_dir), alias=alias, batch_size=3)
        with api_for_workers("dask"), LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                   dashboard_address=":0") as cluster:
            runner = make_task_runner("dask", cluster.scheduler_address)
            dask = ingest.with_options(task_runner=runner)(source=str(seed_dir), alias=other, batch_size=3)
        assert dask["task_runner"] == "dask" and default["task_runner"] == "default"
        for key in ("seen", "indexed", "quarantined", "languages", "quarantine_reasons"):
            assert dask[key] == default[key], key
        assert default["seen"] == 8
        a, b = _docs(os_client, other), _docs(os_client, alias)
        assert a == b
    finally:
        os_client.indices.delete(index=f"{other}-*", ignore_unavailable=True, allow_no_indices=True)
