"""The bad-input catalogue: every kind ends up somewhere visible (indexed or quarantined with a reason),
never crashes or hangs a run, and seen = indexed + unchanged + quarantined holds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from flows.sources import iter_sources
from flows.work import process_batch
from indexing import versions
from indexing.writer import index_batch
from tests.conftest import ROOT, SEEDS, run_cli

ARTICLE = (SEEDS / sorted(os.listdir(SEEDS))[0]).read_bytes()
RU_UTF8 = "Москва, 9 февраля. Президент России провёл встречу с министрами правительства. ".encode()
RU_1251 = "Москва, 10 февраля. Министр финансов сообщил о новом бюджете страны на год. ".encode("cp1251")

#: name -> (bytes, expected status, reason prefix or None)
CATALOGUE: dict[str, tuple[bytes, str, str | None]] = {
    "binary.txt": (bytes(range(256)) * 64, "quarantined", "binary"),
    "empty.txt": (b"", "quarantined", "empty"),
    "whitespace.txt": (b"  \n\t\r\n   \n", "quarantined", "whitespace only"),
    "html-no-article.html": (b"<html><head><title>x</title></head><body><nav>Home | Latest</nav>"
                             b"<div class='share'>Share</div></body></html>", "quarantined", "no article"),
    # Latin-1 bytes inside ASCII text: not valid UTF-8, decoded (and repaired), not dropped
    "invalid-utf8.txt": (b"PARIS, February 9. The caf\xe9 owners said the r\xe9forme is welcome. " * 5,
                         "ok", None),
}
#: one file, two encodings (a UTF-8 half, a Windows-1251 half): either both halves are decoded, or the file
#: is quarantined as undecodable; never half a text with replacement characters.
MIXED = RU_UTF8 * 3 + b"\n\n" + RU_1251 * 3


def _write_catalogue(root: Path, *, fifo: bool = True) -> None:
    for name, (data, _, _) in CATALOGUE.items():
        (root / name).write_bytes(data)
    (root / "mixed-encodings.txt").write_bytes(MIXED)
    (root / "feed.jsonl").write_text(
        json.dumps({"title": "First", "text": "LONDON, February 9. The first article of the feed has words."}) + "\n"
        + '{"title": "broken", "text": "no closing brace"\n'
        + json.dumps({"title": "Third", "text": "LONDON, February 9. The third article of the feed has words."})
        + "\n", encoding="utf-8")
    if fifo:
        os.mkfifo(root / "fifo.txt")  # opening it would block forever
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    (root / "loop-a.txt").symlink_to(root / "loop-b.txt")
    (root / "loop-b.txt").symlink_to(root / "loop-a.txt")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # a directory loop
    (root / "copy-one.txt").write_bytes(ARTICLE)
    (root / "copy-two.txt").write_bytes(ARTICLE)  # the same article under two names


EXPECTED = {
    **{name: (status, prefix) for name, (_, status, prefix) in CATALOGUE.items()},
    "feed.jsonl#1": ("ok", None),
    "feed.jsonl#2": ("quarantined", "broken JSON line"),
    "feed.jsonl#3": ("ok", None),
    "fifo.txt": ("quarantined", "unreadable: not a regular file"),
    "dangling.txt": ("quarantined", "unreadable: no such file"),
    "loop-a.txt": ("quarantined", "unreadable: symlink loop"),
    "loop-b.txt": ("quarantined", "unreadable: symlink loop"),
    "copy-one.txt": ("ok", None),
    "copy-two.txt": ("ok", None),
}
MIXED_NAME = "mixed-encodings.txt"


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    root = tmp_path / "bad"
    root.mkdir()
    _write_catalogue(root)
    return root


def _walk_with_deadline(root: Path, seconds: int = 10) -> list[tuple[str, str]]:
    def _timeout(*_):
        raise TimeoutError("walking the source folder hung")

    old = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(seconds)
    try:
        return list(iter_sources(root))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_walker_survives_symlink_loops(bad_dir):
    keys = [k for _, k in _walk_with_deadline(bad_dir)]
    assert "loop-a.txt" in keys and "loop-b.txt" in keys  # file-symlink loop: listed, then quarantined
    assert not any(k.startswith("sub/up") for k in keys)  # directory loop: not followed (followlinks=False)
    assert len(keys) == len(set(keys))


def test_each_kind_has_its_outcome(bad_dir):
    records = process_batch(_walk_with_deadline(bad_dir))
    got = {r["source_path"]: r for r in records}
    assert set(got) == set(EXPECTED) | {MIXED_NAME}
    for name, (status, prefix) in EXPECTED.items():
        r = got[name]
        assert r["status"] == status, (name, r["status"], r["reason"])
        if prefix:
            assert r["reason"].startswith(prefix), (name, r["reason"])
        else:
            assert r["reason"] is None and r["body"], name
    for name in ("binary.txt", "empty.txt", "whitespace.txt", "html-no-article.html", "feed.jsonl#2"):
        assert len(got[name]["sha256"]) == 64, name  # quarantined input keeps its hash
    assert "\ufffd" not in got["invalid-utf8.txt"]["body"] and "café" in got["invalid-utf8.txt"]["body"]
    mixed = got[MIXED_NAME]
    if mixed["status"] == "ok":
        assert "Москва" in mixed["body"] and "Министр финансов" in mixed["body"] and "\ufffd" not in mixed["body"]
    else:
        assert mixed["reason"].startswith("undecodable") and len(mixed["sha256"]) == 64


def test_catalogue_through_ingest_cli(os_client, alias, tmp_path):
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    _write_catalogue(bad_dir, fifo=False)  # the FIFO through the CLI: test_fifo_does_not_hang_ingest
    expected = {k: v for k, v in EXPECTED.items() if k != "fifo.txt"}
    proc = subprocess.run([sys.executable, "-m", "newsindex.cli", "ingest", str(bad_dir), "--alias", alias, "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    mixed_ok = process_batch([(str(bad_dir / MIXED_NAME), MIXED_NAME)])[0]["status"] == "ok"
    n_ok = sum(1 for s, _ in expected.values() if s == "ok") + mixed_ok
    n_bad = len(expected) + 1 - n_ok
    assert summary["seen"] == len(expected) + 1
    assert summary["seen"] == summary["indexed"] + summary["unchanged"] + summary["quarantined"]
    assert (summary["indexed"], summary["quarantined"]) == (n_ok, n_bad)
    os_client.indices.refresh(index=alias)
    assert os_client.count(index=alias)["count"] == n_ok
    # the same article under two names: both indexed, two ids, one story
    hits = os_client.search(index=alias, body={"query": {"terms": {"source_path": ["copy-one.txt", "copy-two.txt"]}},
                                               "_source": ["id", "story_id"]})["hits"]["hits"]
    assert len(hits) == 2 and hits[0]["_id"] != hits[1]["_id"]
    assert hits[0]["_source"]["story_id"] == hits[1]["_source"]["story_id"]
    again = json.loads(run_cli("ingest", str(bad_dir), "--alias", alias, "--json").stdout.strip().splitlines()[-1])
    assert again["seen"] == len(expected) + 1 and again["indexed"] == 0 and again["quarantined"] == n_bad
    assert os_client.count(index=alias)["count"] == n_ok  # no duplicates


def test_fifo_does_not_hang_ingest(alias, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "ok.txt").write_bytes(ARTICLE)
    os.mkfifo(src / "fifo.txt")
    proc = subprocess.Popen([sys.executable, "-m", "newsindex.cli", "ingest", str(src), "--alias", alias, "--json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=90)  # a hang is forever; a loaded machine is slow
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI and its worker processes, blocked on the FIFO
        proc.communicate()
        raise
    summary = json.loads(out.strip().splitlines()[-1])
    assert (summary["seen"], summary["indexed"], summary["quarantined"]) == (2, 1, 1)


def test_duplicate_ids_in_one_batch_are_accounted(os_client, alias, tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    records = process_batch([(str(tmp_path / "a.txt"), "a.txt")] * 2)  # one input listed twice
    counts = index_batch(os_client, versions.ensure(os_client, alias), records)
    assert (counts.seen, counts.indexed, counts.quarantined) == (2, 1, 1)
    assert counts.quarantine[0]["reason"].startswith("duplicate id")


PEAK_RSS = """
import json, resource, sys
from flows.work import process_batch
recs = process_batch([(sys.argv[1], "input.txt")])
print(json.dumps({"status": recs[0]["status"], "reason": recs[0]["reason"], "sha256": recs[0].get("sha256"),
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _peak(path: Path, env: dict | None = None) -> dict:
    proc = subprocess.run([sys.executable, "-c", PEAK_RSS, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})}, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_50mb_file_is_quarantined_with_bounded_memory(tmp_path):
    small = tmp_path / "small.txt"
    small.write_bytes(ARTICLE)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        for _ in range(50):
            fh.write((b"word " * 200 + b"\n") * 1048)  # ~1 MB of plausible text per round
    assert big.stat().st_size > 50_000_000
    base = _peak(small)
    got = _peak(big)
    assert got["status"] == "quarantined" and got["reason"].startswith("too large"), got
    assert "NEWSINDEX_MAX_BYTES" in got["reason"]
    assert len(got["sha256"]) == 64  # hashed streamed, so `quarantine list` can show it
    growth_mb = (got["peak_kb"] - base["peak_kb"]) / 1024
    assert growth_mb < 20, f"peak RSS grew by {growth_mb:.0f} MB for a 50 MB input"


def test_unreadable_file_is_quarantined(tmp_path):
    """Tests run as root, where chmod 000 does not stop a read: run the read as an unprivileged user."""
    if os.geteuid() != 0:
        root = Path(tempfile.mkdtemp())
        secret = root / "secret.txt"
        secret.write_bytes(ARTICLE)
        secret.chmod(0)
        try:
            [rec] = process_batch([(str(secret), "secret.txt")])
        finally:
            secret.chmod(0o644)
            shutil.rmtree(root)
        assert rec["status"] == "quarantined" and rec["reason"] == "unreadable: permission denied"
        return
    user = "opensearch" if shutil.which("setpriv") else None
    try:
        import pwd

        pw = pwd.getpwnam(user or "nobody")
    except KeyError:
        pytest.skip("no unprivileged user to read as")
    as_user = ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--clear-groups", sys.executable, "-c"]
    probe = subprocess.run([*as_user, "import flows.work"], cwd="/", capture_output=True, text=True, timeout=120)
    if probe.returncode != 0:  # e.g. a clone under /root (0700): the user cannot reach our code at all
        pytest.skip(f"user {pw.pw_name} cannot import the project from {ROOT}: {probe.stderr.strip()[-120:]}")
    root = Path(tempfile.mkdtemp(dir="/tmp"))  # /tmp/pytest-of-root is 0700: the user could not even get in
    try:
        root.chmod(0o755)
        secret = root / "secret.txt"
        secret.write_bytes(ARTICLE)
        secret.chmod(0)
        code = ("import json,sys; from flows.work import process_batch; "
                "print(json.dumps(process_batch([(sys.argv[1], 'secret.txt')])[0]))")
        proc = subprocess.run(
            [*as_user, code, str(secret)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**os.environ, "HOME": str(root), "PYTHONDONTWRITEBYTECODE": "1"})
        assert proc.returncode == 0, proc.stderr
        rec = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(root)
    assert rec["status"] == "quarantined" and rec["reason"] == "unreadable: permission denied"
