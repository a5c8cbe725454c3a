"""The incremental decisions and the retry policy, as plain functions: no services."""

from __future__ import annotations

from opensearchpy.exceptions import AuthenticationException, ConnectionError, RequestError, TransportError

from flows.incremental import BatchOutput, FileInfo, new_states, plan, read_batch, skipped_counts


def _known(**kw) -> dict:
    return {"size": 10, "mtime_ns": 1, "file_hash": "h", "pipeline_version": "p1", "index": "news-v1",
            "doc_ids": ["a"], "languages": ["en"], "quarantine_reasons": [], **kw}


def test_plan_skips_only_what_provably_did_not_change():
    files = [FileInfo("/x/new", "new", 10, 1), FileInfo("/x/same", "same", 10, 1),
             FileInfo("/x/touched", "touched", 10, 2), FileInfo("/x/old-pipeline", "old-pipeline", 10, 1),
             FileInfo("/x/moved-index", "moved-index", 10, 1)]
    known = {"same": _known(), "touched": _known(), "old-pipeline": _known(pipeline_version="p0"),
             "moved-index": _known(index="news-v0")}
    p = plan(files, known, pipeline_version="p1", index="news-v1")
    assert [f.key for f in p.todo] == ["new", "touched", "old-pipeline", "moved-index"]
    assert [s["doc_ids"] for s in p.skipped] == [["a"]]
    touched = next(f for f in p.todo if f.key == "touched")
    assert touched.known_hash == "h"  # only hashed by the worker, cleaned only if the bytes changed
    assert next(f for f in p.todo if f.key == "old-pipeline").known_hash is None


def test_touched_file_with_same_bytes_is_not_cleaned(tmp_path):
    from articles.readers import file_sha256

    f = tmp_path / "a.txt"
    f.write_text("hello", encoding="utf-8")
    out = read_batch([FileInfo(str(f), "a.txt", 5, 2, file_sha256(str(f)))])
    assert out.records == [] and out.files["a.txt"]["unchanged"] is True


def test_new_states_drop_stale_ids_and_skip_rejected_files():
    out = BatchOutput(
        records=[{"id": "a2", "source_key": "f1", "status": "ok", "language": "ru"},
                 {"id": "b1", "source_key": "f2", "status": "ok", "language": "en"},
                 {"id": "c1", "source_key": "f3", "status": "quarantined", "reason": "empty"}],
        files={k: {"size": 1, "mtime_ns": 1, "file_hash": k, "unchanged": False} for k in ("f1", "f2", "f3")})
    known = {"f1": _known(doc_ids=["a1", "a2"])}
    entries, stale = new_states(out, source="s", index="i", pipeline_version="p", failed_ids={"b1"}, known=known)
    assert stale == ["a1"]
    by_key = {e["key"]: e for e in entries}
    assert set(by_key) == {"f1", "f3"}  # f2 had a rejected document: tried again next run
    assert by_key["f1"]["doc_ids"] == ["a2"] and by_key["f1"]["languages"] == ["ru"]
    assert by_key["f3"]["doc_ids"] == [] and by_key["f3"]["quarantine_reasons"] == ["empty"]
    n, langs, reasons = skipped_counts(entries)
    assert n == 1 and langs == {"ru": 1} and reasons == {"empty": 1}


def test_only_transient_opensearch_errors_are_retried():
    from indexing.client import is_transient

    assert is_transient(ConnectionError("N/A", "refused", ConnectionRefusedError()))
    assert is_transient(TransportError(429, "too_many_requests", {}))
    assert is_transient(TransportError(503, "unavailable", {}))
    assert not is_transient(RequestError(400, "mapper_parsing_exception", {}))
    assert not is_transient(AuthenticationException(401, "unauthorized", {}))
    assert not is_transient(ValueError("bug"))
