"""The ingest flow: new and changed files only -> clean + enrich (all cores) -> index, behind the alias.

The work itself is the shared batch engine (flows/engine.py); this flow adds what only an incremental run
does: skip files by their stored state, and drop the documents of files that vanished from the source.

Caching: the durable cache is the state index (indexing/state.py): it lives in OpenSearch, so it
survives restarts and machine changes, and it skips unchanged files before they are even read.
Prefect task caching is off on purpose: cached clean results would be pickled record batches on
the local disk of whichever machine ran them, duplicating the state index for little gain (after a
failed run, the batches that were indexed are already skipped by their state).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from prefect import flow

from common.settings import default_alias
from flows import engine, templates
from flows.engine import BATCH_SIZE, BATCHES_PER_TASK
from flows.incremental import source_file, source_id
from flows.sources import batched, iter_sources
from flows.templates import StoredTemplates
from indexing import bulk, ledger, state, versions

__all__ = ["BATCH_SIZE", "ingest"]

log = logging.getLogger("newsindex.ingest")


def _remove_missing(client, alias: str, source: str, src: str, target: str, keep: bool) -> tuple[int, int]:
    """Documents of files that vanished from `source`: deleted (with their state), or only counted."""
    deleted = kept = 0
    for chunk in batched((e for e in state.entries(client, alias, src)
                          if not source_file(source, e["key"]).exists()), 500):
        if keep:
            kept += len(chunk)
            continue
        ids = [i for e in chunk for i in e.get("doc_ids") or []]
        deleted += bulk.delete(client, target, ids) if ids else 0
        templates.forget(client, alias, ids)
        state.forget(client, alias, src, [e["key"] for e in chunk])
    return deleted, kept


@flow(name="ingest", log_prints=False)
def ingest(source: str = "seeds", alias: str | None = None, keep_missing: bool = False,
           batch_size: int = BATCH_SIZE, batches_per_task: int = BATCHES_PER_TASK,
           started_at: float | None = None, on_progress: Callable[..., None] | None = None) -> dict:
    """Index new and changed articles from `source` into the index behind `alias` (default:
    NEWSINDEX_ALIAS, else news); drop vanished ones.

    `started_at` (epoch seconds) is when the caller started: the CLI passes it so that `duration` covers
    the whole run, Prefect's start-up included. `on_progress(files, doing)` is told as batches are done and
    what the run waits for (the CLI's progress display); a local run only, a deployment has nobody to tell."""
    alias = alias or default_alias()
    if not Path(source).exists():
        raise FileNotFoundError(f"source folder {source!r} does not exist (working directory {Path.cwd()})")
    clock, tell, client = engine.begin(started_at, on_progress)
    target = versions.ensure(client, alias)
    src = source_id(source)
    run_id = ledger.new_run_id()
    sink = engine.Sink(client, alias, target, src, run_id, learn_templates=True)
    with engine.cpu_pool() as pool:
        totals = engine.run(iter_sources(source), sink, engine.incremental(client, alias, src, target), pool,
                            batch_size=batch_size, batches_per_task=batches_per_task, tell=tell,
                            stored=StoredTemplates(alias, run_id))
    if totals.files == 0:
        log.warning("no files under %s: not removing anything from %s", source, alias)
    else:
        tell(0, "removing vanished files")
        deleted, totals.kept_missing = _remove_missing(client, alias, source, src, target, keep_missing)
        totals.deleted += deleted
    ledger.publish(client, alias, target)
    totals.counts.check(" in the ingest run")
    summary = {
        "run_id": run_id, **totals.as_dict(),
        "alias": alias, "index": target, "source": str(source), "source_dir": str(Path(source).resolve()),
        "task_runner": "dask" if pool is None else "default",
    }
    return engine.finish(client, summary, clock, kind="ingest", tell=tell)
