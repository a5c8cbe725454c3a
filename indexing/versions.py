"""Versioned physical indices (`news-v3`) behind a stable alias (`news`), swapped atomically.

Why: searchers and Dashboards only ever name the alias. A rebuild fills a fresh version off to the
side and one `_aliases` request moves the alias, so nobody sees a half-built or missing index.
"""

from __future__ import annotations

import re

from opensearchpy import OpenSearch, TransportError

from indexing.client import create_index, translated
from indexing.template import create_body, index_body, template_hash


def _version_re(alias: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(alias)}-v(\d+)$")


def version_number(alias: str, index: str) -> int | None:
    m = _version_re(alias).match(index)
    return int(m.group(1)) if m else None


def versions(client: OpenSearch, alias: str) -> list[str]:
    """Physical indices of this alias, oldest first (by number: v10 comes after v9)."""
    names = client.indices.get(index=f"{alias}-v*", ignore_unavailable=True, allow_no_indices=True).keys()
    found = [(n, name) for name in names if (n := version_number(alias, name)) is not None]
    return [name for _, name in sorted(found)]


def targets(client: OpenSearch, alias: str) -> list[str]:
    """Every index the alias points at (normally one)."""
    if not client.indices.exists_alias(name=alias):
        return []
    return list(client.indices.get_alias(name=alias).keys())


def current(client: OpenSearch, alias: str) -> str | None:
    """The index the alias points at, or None when the alias does not exist yet."""
    found = targets(client, alias)
    if not found:
        return None
    return max(found, key=lambda name: (version_number(alias, name) or -1, name))


def create_next(client: OpenSearch, alias: str) -> str:
    """Create the next version with the current template; it is not behind the alias yet."""
    existing = versions(client, alias)
    last = version_number(alias, existing[-1]) if existing else 0
    name = f"{alias}-v{(last or 0) + 1}"
    body = create_body()  # the environment's shards and replicas
    body = {**body, "mappings": {**body["mappings"], "_meta": {
        **body["mappings"].get("_meta", {}), "template_hash": template_hash(), "alias": alias}}}
    create_index(client, name, body)
    return name


def add_new_fields(client: OpenSearch, index: str) -> list[str]:
    """Add the template's top-level fields that a live index lacks (its mapping is strict, so documents
    carrying a field added since it was built would be rejected). Changed fields still need a reindex."""
    live = next(iter(client.indices.get_mapping(index=index).values()))["mappings"].get("properties", {})
    missing = {k: v for k, v in index_body()["mappings"]["properties"].items() if k not in live}
    if missing:
        client.indices.put_mapping(index=index, body={"properties": missing})
    return sorted(missing)


def ensure(client: OpenSearch, alias: str) -> str:
    """The index behind the alias (with any fields added to the template since), creating version 1 on first use."""
    name = current(client, alias)
    if name:
        add_new_fields(client, name)
        return name
    name = create_next(client, alias)
    client.indices.update_aliases(body={"actions": [{"add": {"index": name, "alias": alias}}]})
    return name


def wait_for_copies(client: OpenSearch, index: str) -> bool:
    """Whether every copy of `index` (replicas too) is assigned within the health API's 30 s: on a cluster a
    version goes live with its replicas, so losing one node just after the swap loses no copy. A single node has
    none to wait for. (The API's own `timeout` parameter cannot be sent: opensearch-py takes it for the request's.)"""
    with translated(client, f"waiting for {index}"):
        try:
            health = client.cluster.health(index=index, wait_for_status="green", request_timeout=60)
        except TransportError as exc:
            if exc.status_code == 408:  # the health API's answer when the wait timed out
                return False
            raise
    return health.get("status") == "green"


def swap(client: OpenSearch, alias: str, new_index: str) -> str | None:
    """Point the alias at new_index (only) in one atomic request; return the index it pointed at before."""
    before = targets(client, alias)
    old = current(client, alias)
    actions: list[dict] = [{"remove": {"index": name, "alias": alias}} for name in before if name != new_index]
    actions.append({"add": {"index": new_index, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    return old if old != new_index else None


def prune(client: OpenSearch, alias: str, keep: set[str]) -> list[str]:
    """Delete every version not in `keep`, and never one the alias points at."""
    protected = set(keep) | set(targets(client, alias))
    doomed = [name for name in versions(client, alias) if name not in protected]
    for name in doomed:
        client.indices.delete(index=name, ignore_unavailable=True)
    return doomed


def previous(client: OpenSearch, alias: str) -> str | None:
    """The newest version older than the live one, the target of a rollback."""
    live = current(client, alias)
    live_n = version_number(alias, live) if live else None
    if live_n is None:
        return None
    older = [name for name in versions(client, alias) if (version_number(alias, name) or 0) < live_n]
    return older[-1] if older else None
