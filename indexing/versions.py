"""Versioned physical indices (`news-v3`) behind a stable alias (`news`), swapped atomically."""

from __future__ import annotations

import re

from opensearchpy import OpenSearch

from indexing.template import index_body, template_hash


def _version_re(alias: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(alias)}-v(\d+)$")


def versions(client: OpenSearch, alias: str) -> list[str]:
    """Physical indices of this alias, oldest first."""
    pattern = _version_re(alias)
    names = client.indices.get(index=f"{alias}-v*", ignore_unavailable=True, allow_no_indices=True).keys()
    found = [(int(m.group(1)), n) for n in names if (m := pattern.match(n))]
    return [n for _, n in sorted(found)]


def current(client: OpenSearch, alias: str) -> str | None:
    """The index the alias points at, or None when the alias does not exist yet."""
    if not client.indices.exists_alias(name=alias):
        return None
    targets = sorted(client.indices.get_alias(name=alias).keys())
    return targets[-1] if targets else None


def create_next(client: OpenSearch, alias: str) -> str:
    """Create the next version with the current template; it is not behind the alias yet."""
    existing = versions(client, alias)
    last = int(_version_re(alias).match(existing[-1]).group(1)) if existing else 0
    name = f"{alias}-v{last + 1}"
    body = index_body()
    body = {**body, "mappings": {**body["mappings"], "_meta": {
        **body["mappings"].get("_meta", {}), "template_hash": template_hash(), "alias": alias}}}
    client.indices.create(index=name, body=body)
    return name


def ensure(client: OpenSearch, alias: str) -> str:
    """The index behind the alias, creating version 1 on first use."""
    name = current(client, alias)
    if name:
        return name
    name = create_next(client, alias)
    client.indices.update_aliases(body={"actions": [{"add": {"index": name, "alias": alias}}]})
    return name


def swap(client: OpenSearch, alias: str, new_index: str) -> str | None:
    """Point the alias at new_index in one atomic request; return the index it pointed at before."""
    old = current(client, alias)
    actions: list[dict] = []
    if old and old != new_index:
        actions.append({"remove": {"index": old, "alias": alias}})
    actions.append({"add": {"index": new_index, "alias": alias}})
    client.indices.update_aliases(body={"actions": actions})
    return old


def prune(client: OpenSearch, alias: str, keep: int = 2) -> list[str]:
    """Delete versions older than the newest `keep`, never the one behind the alias."""
    live = current(client, alias)
    names = versions(client, alias)
    doomed = [n for n in names[:-keep] if n != live] if len(names) > keep else []
    for name in doomed:
        client.indices.delete(index=name)
    return doomed


def previous(client: OpenSearch, alias: str) -> str | None:
    """The newest version older than the live one, the target of a rollback."""
    live = current(client, alias)
    names = versions(client, alias)
    if live not in names:
        return None
    i = names.index(live)
    return names[i - 1] if i > 0 else None
