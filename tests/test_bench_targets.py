"""`make bench`'s verdicts (issue 14's targets) from measured numbers: pure arithmetic."""

from __future__ import annotations

import pytest

from bench.run import combined_floor, cpu_per_doc, targets


def test_combined_floor_is_the_harmonic_share_of_cleaning_and_indexing():
    # the issue's own numbers: pure 223.7 docs/s per core on 2 cores, bulk 602 docs/s -> 256 docs/s
    assert combined_floor(223.7, 2, 602) == pytest.approx(256.7, abs=0.1)


def _results(ingest: float, rss_10k: float = 700, rss_100k: float = 760) -> list[dict]:
    big = {"docs": 100_000,
           "ingest": {"docs": 100_000, "docs_per_s": ingest, "peak_rss_mb": rss_100k, "opensearch_cpu_s": 200.0,
                      "flow_process_cpu_s": 50.0, "workers_cpu_s": 300.0, "prefect_server_cpu_s": 10.0},
           "pure": {"docs": 20_000, "docs_per_s": 500.0, "cpu_s": 40.0},
           "bulk_best": {"docs_per_s": 1000.0},
           "bulk": {"streaming": {"docs": 20_000, "to_document_s": 10.0}}}
    small = {"docs": 10_000, "ingest": {"docs": 10_000, "docs_per_s": 300.0, "peak_rss_mb": rss_10k},
             "naive": {"docs_per_s": 30.0}}
    return [small, big]


def test_targets_met_and_missed():
    t = targets(_results(ingest=450.0), cores_n=2)
    floor = t["ingest_ge_0.9_combined_floor"]
    assert floor["floor"] == 500.0 and floor["share"] == 0.9 and floor["met"]
    assert t["ingest_ge_350"]["met"] and t["ingest_ge_10x_naive"]["met"]
    assert t["clean_enrich_cpu_ms_mean"] == {"value": 2.0, "target": 2.5, "met": True}
    assert t["jvm_ms_per_doc"] == {"value": 2.0, "target": 2.5, "met": True}
    assert t["rss_10k_vs_100k_within_20pct"]["met"]

    t = targets(_results(ingest=250.0, rss_100k=900), cores_n=2)
    assert not t["ingest_ge_0.9_combined_floor"]["met"] and not t["ingest_ge_350"]["met"]
    assert not t["ingest_ge_10x_naive"]["met"] and not t["rss_10k_vs_100k_within_20pct"]["met"]


def test_cpu_per_doc_by_stage():
    per = cpu_per_doc(_results(450.0)[1], {"stages": {"read": 0.1, "clean": 0.5, "enrich": 0.4}})
    assert per == {"read": 0.2, "clean": 1.0, "enrich": 0.8, "to_document (wall)": 0.5,
                   "flow": 0.5, "workers": 3.0, "Prefect": 0.1, "JVM": 2.0}
