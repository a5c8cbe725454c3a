"""Flow glue for per-source templates: what a worker reads from, and the flow writes to, `<alias>-templates`.

The learning itself is pure (articles/templates.py); storage is indexing/templates.py. A batch learns
from what earlier runs stored plus its own documents, and its documents' evidence is written after it
is indexed, so the next run (and a re-index) uses what this one learned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from articles.templates import Signature, template_config
from common.settings import Settings
from indexing import bulk
from indexing import templates as stored_templates
from indexing.client import make_client


@dataclass(frozen=True)
class StoredTemplates:
    """Picklable (it crosses into worker processes): reads the stored signatures of some sources, leaving out
    those the current run wrote, so a batch never depends on how far the other batches have got.
    A run that writes no evidence (reindex) passes run_id "" and reads all of it."""

    alias: str
    run_id: str

    def __call__(self, sources: Iterable[str]) -> Mapping[str, Mapping[str, Signature]]:
        client = make_client(Settings.from_env())
        return stored_templates.stored(client, self.alias, sources, exclude_run=self.run_id,
                                       limit=template_config().max_stored_docs)


def save(client, alias: str, signatures: list[dict], run_id: str) -> int:
    """Store a written batch's evidence (the index is created on first use)."""
    if not signatures:
        return 0
    stored_templates.ensure(client, alias)
    return stored_templates.save(client, alias, signatures, run_id)


def forget(client, alias: str, doc_ids: list[str]) -> int:
    """Deleted articles take their evidence with them."""
    if not doc_ids:
        return 0
    return bulk.delete(client, stored_templates.ensure(client, alias), doc_ids)
