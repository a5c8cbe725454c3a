"""The quarantine retry flow: read every quarantined input again (after a fix) through the shared engine.

The inputs come from the alias's ledger, grouped by the source folder they were read from; each is read,
cleaned and indexed into the live index like an ingest would, its state updated, and its ledger entry
cleared when it went in (or kept, with one more attempt, when it is still bad).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from prefect import flow

from common.settings import default_alias
from flows import engine
from flows.engine import BATCH_SIZE
from flows.templates import StoredTemplates
from indexing import ledger, versions


def quarantined_inputs(client, alias: str) -> dict[str, list[tuple[str, str]]]:
    """source -> sorted (input path, source key) of its quarantined inputs; one per file, even for JSONL lines."""
    by_source: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in ledger.quarantined_entries(client, alias):
        if e.get("input_path"):
            by_source[e.get("source") or ""].add((e["input_path"], e["source_key"]))
    return {source: sorted(items) for source, items in sorted(by_source.items())}


@flow(name="quarantine-retry", log_prints=False)
def quarantine_retry(alias: str | None = None, batch_size: int = BATCH_SIZE, started_at: float | None = None,
                     on_progress: Callable[..., None] | None = None) -> dict:
    """Re-process every quarantined input of `alias` (default: NEWSINDEX_ALIAS, else news) into its live
    index; returns the run's summary.
    `started_at`, `on_progress`: as for the ingest flow."""
    alias = alias or default_alias()
    clock, tell, client = engine.begin(started_at, on_progress)
    target = versions.ensure(client, alias)
    run_id = ledger.new_run_id()
    totals = engine.Totals()
    with engine.cpu_pool() as pool:
        for source, items in quarantined_inputs(client, alias).items():
            sink = engine.Sink(client, alias, target, source, run_id, all_quarantined=True)
            engine.run(items, sink, engine.read_again(client, alias, source), pool, totals=totals,
                       batch_size=batch_size, tell=tell, stored=StoredTemplates(alias, ""))
    ledger.publish(client, alias, target)
    totals.counts.check(" in the quarantine retry")
    summary = {"run_id": run_id, **totals.as_dict(), "cleared": totals.cleared, "alias": alias, "index": target,
               "source": "quarantine retry", "task_runner": "dask" if pool is None else "default"}
    return engine.finish(client, summary, clock, kind="quarantine-retry", tell=tell)
