"""Re-indexing is invisible to searchers: a search loop on the alias sees no failure and no empty answer
while `newsindex reindex` runs; `newsindex rollback` then brings the previous version back."""

from __future__ import annotations

import json
import threading

import pytest

from common.settings import Settings
from indexing import versions
from indexing.client import make_client
from indexing.search import build_query
from tests.conftest import run_cli

pytestmark = pytest.mark.integration

#: A loaded 2-core machine can take half a minute to start Prefect's ephemeral API server.
SLOW_PREFECT = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}


class SearchLoop(threading.Thread):
    """Searches the alias until stopped; counts failures, empty answers and which index answered."""

    def __init__(self, alias: str) -> None:
        super().__init__(daemon=True)
        self.alias, self.stop = alias, threading.Event()
        self.ok = self.failed = self.empty = 0
        self.errors: list[str] = []
        self.indices: list[str] = []

    def run(self) -> None:
        client = make_client(Settings.from_env(), timeout=10)
        queries = ["Bezdetko", "Ha Noi", "сотрудничеством", "Russian ambassador"]
        i = 0
        while not self.stop.is_set():
            query = queries[i % len(queries)]
            i += 1
            try:
                resp = client.search(index=self.alias, body=build_query(query))
            except Exception as exc:  # noqa: BLE001 - any failure is what we count
                self.failed += 1
                self.errors.append(f"{query}: {type(exc).__name__}: {exc}")
                continue
            hits = resp["hits"]["hits"]
            if not hits:
                self.empty += 1
                continue
            self.ok += 1
            if not self.indices or self.indices[-1] != hits[0]["_index"]:
                self.indices.append(hits[0]["_index"])


def test_searches_never_fail_during_reindex_then_rollback(os_client, alias, seed_dir):
    run_cli("ingest", str(seed_dir), "--alias", alias, "--json", env=SLOW_PREFECT)
    first = versions.current(os_client, alias)
    before = os_client.count(index=alias)["count"]
    assert before == 5

    loop = SearchLoop(alias)
    loop.start()
    try:
        summary = json.loads(run_cli("reindex", str(seed_dir), "--alias", alias, "--json",
                                     env=SLOW_PREFECT).stdout.splitlines()[-1])
        for _ in range(50):  # a few more searches on the new version
            if loop.ok and loop.indices[-1] == summary["index"]:
                break
            loop.stop.wait(0.1)
    finally:
        loop.stop.set()
        loop.join(timeout=30)

    assert loop.failed == 0, loop.errors[:5]
    assert loop.empty == 0
    assert loop.ok > 10
    assert loop.indices == [first, summary["index"]]  # the old version, then (atomically) the new one
    assert summary["previous"] == first and summary["docs"] == before
    assert versions.targets(os_client, alias) == [summary["index"]]
    assert os_client.count(index=alias)["count"] == before

    back = json.loads(run_cli("rollback", "--alias", alias, "--json").stdout.splitlines()[-1])
    assert back == {"alias": alias, "index": first, "from": summary["index"], "docs": before}
    assert versions.targets(os_client, alias) == [first]
    assert os_client.count(index=alias)["count"] == before

    again = run_cli("rollback", "--alias", alias, check=False)
    assert again.returncode == 1 and "no previous version" in again.stderr and "Traceback" not in again.stderr
