"""The reindex flow: build the next index version from the sources, check it, compare it, swap the alias, prune.

Why a fresh version instead of re-ingesting in place: analysers and mappings cannot change on a live
index, and searchers must never see a half-built one. The new version is filled off to the side by the
shared batch engine (flows/engine.py); only a complete, counted version goes behind the alias, and only when
the quality gate passes: the new version is compared with the live one (documents added, missing, changed,
per field, quarantines by reason) and the swap is refused when it loses or quarantines markedly more
(config/reindex.yaml; `force` overrides). The report goes to the ledger and the Prefect artifact either way.

Nobody searches the new version while it is built, so it is built with `refresh_interval: -1` (no
background refreshes): the next batch groups its stories with what this run wrote from memory
(indexing/writer.RecentStories, the same records whatever the runner or the speed), and the template's
interval is restored and the version refreshed before the alias moves to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from prefect import flow

from common.settings import default_alias
from flows import engine
from flows.engine import BATCH_SIZE
from flows.incremental import source_id
from flows.sources import iter_sources
from flows.templates import StoredTemplates
from indexing import compare, ledger, versions
from indexing.client import translated
from indexing.template import index_body

log = logging.getLogger("newsindex.reindex")


class ReindexAborted(RuntimeError):
    """The new version does not hold what the sources say; it was deleted and the alias left alone."""


class ReindexRefused(ReindexAborted):
    """The quality gate refused the new version; the live one stays. `summary` holds the report."""

    def __init__(self, message: str, summary: dict | None = None) -> None:
        super().__init__(message)  # args stay (message,): the exception survives a pickle round trip
        self.summary = summary or {}


def _refresh_interval(client, index: str, value: str) -> None:
    with translated(client, f"updating {index}"):
        client.indices.put_settings(index=index, body={"index": {"refresh_interval": value}})


def recorded_source(client, alias: str, live: str | None) -> str:
    """The source folder the live version was built from, as the ledger recorded it; never a guess."""
    how = f"name the folder to rebuild from: `newsindex reindex SOURCE --alias {alias}`"
    if live is None:
        raise ReindexAborted(f"alias {alias!r} does not exist yet, so no source is recorded for it; {how}")
    dirs = ledger.recorded_sources(client, alias, live)
    if not dirs:
        raise ReindexAborted(f"no source folder is recorded for {live} (behind {alias!r}); {how}")
    if len(dirs) > 1:
        raise ReindexAborted(f"{live} was built from {len(dirs)} source folders ({', '.join(dirs)}); {how}")
    if not Path(dirs[0]).is_dir():
        raise ReindexAborted(f"{live} was built from {dirs[0]}, which is not there any more; {how}")
    return dirs[0]


def _check_counts(new: str, docs: int, totals: engine.Totals, source: str, alias: str) -> None:
    counts = totals.counts
    rejected = sum(n for kind, n in counts.reasons.items() if kind.startswith("rejected by OpenSearch"))
    expected = counts.indexed + rejected
    if not expected:
        raise ReindexAborted(f"no ok articles in {source!r} ({counts.seen} inputs); "
                             f"alias {alias!r} left as it was rather than pointed at an empty index")
    if docs != expected:
        raise ReindexAborted(
            f"{new} holds {docs} documents but the sources have {expected} ok articles "
            f"({counts.quarantined} quarantined: {dict(counts.reasons)}); alias {alias!r} left as it was")


@flow(name="reindex", log_prints=False)
def reindex(source: str | None = None, alias: str | None = None, batch_size: int = BATCH_SIZE,
            force: bool = False, started_at: float | None = None,
            on_progress: Callable[..., None] | None = None) -> dict:
    """Rebuild `alias` (default: NEWSINDEX_ALIAS, else news) from `source` (default: the folder recorded for
    the live version) with the current rules and template; swap when the quality gate passes (or `force`);
    keep the previous version for rollback.
    `started_at`, `on_progress`: as for the ingest flow."""
    alias = alias or default_alias()
    clock, tell, client = engine.begin(started_at, on_progress)
    live = versions.current(client, alias)
    source = source or recorded_source(client, alias, live)
    if not Path(source).exists():
        raise ReindexAborted(f"source folder {source!r} does not exist (working directory {Path.cwd()})")
    src = source_id(source)
    run_id = ledger.new_run_id()
    new = versions.create_next(client, alias)
    try:
        _refresh_interval(client, new, "-1")
        sink = engine.Sink(client, alias, new, src, run_id, empty=True, hold_quarantine=True)
        with engine.cpu_pool() as pool:
            # each site's templates as the ingest runs learned them; a rebuild reads them and writes none
            totals = engine.run(iter_sources(source), sink, engine.read_everything, pool, batch_size=batch_size,
                                tell=tell, stored=StoredTemplates(alias, ""))
        _refresh_interval(client, new, str(index_body()["settings"]["index"].get("refresh_interval", "1s")))
        with translated(client, f"refreshing {new}"):
            client.indices.refresh(index=new)
            docs = client.count(index=new)["count"]
        totals.counts.check(" in the reindex run")
        _check_counts(new, docs, totals, source, alias)
        tell(0, "comparing with the live version")
        quality = compare.compare(client, live, new)
        quality["quarantined"] = {"live": ledger.reasons(client, alias), "new": dict(totals.counts.reasons)}
        why = compare.refusals(quality, totals.counts.seen)
    except BaseException:
        client.indices.delete(index=new, ignore_unavailable=True)
        raise
    quality.update(refused=why, forced=bool(why) and force)
    summary = {"run_id": run_id, **totals.as_dict(), "alias": alias, "index": new, "previous": live,
               "pruned": [], "docs": docs, "source": str(source), "source_dir": str(Path(source).resolve()),
               "task_runner": "dask" if pool is None else "default", "report": quality}
    if why and not force:
        client.indices.delete(index=new, ignore_unavailable=True)
        message = (f"{new} not swapped in: {'; '.join(why)}. {live} stays live behind {alias!r} "
                   "(--force to swap anyway)")
        engine.finish(client, summary, clock, kind="reindex", status="refused", error=message, tell=tell)
        raise ReindexRefused(message, summary)
    tell(0, f"waiting for the copies of {new}")
    if not versions.wait_for_copies(client, new):
        log.warning("%s: not every replica is assigned yet; swapping anyway (the primaries hold every document)",
                    new)
    tell(0, "swapping the alias")
    old = versions.swap(client, alias, new)
    summary["previous"] = old
    summary["pruned"] = versions.prune(client, alias, keep={new, *([old] if old else [])})
    summary["cleared"] = ledger.replace_quarantine(client, alias, sink.held or [], run_id=run_id, source=src)
    return engine.finish(client, summary, clock, kind="reindex", tell=tell)
