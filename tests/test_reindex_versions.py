"""Versions behind an alias on a real cluster: numbering, atomic swap, prune, previous."""

from __future__ import annotations

import pytest

from indexing import versions

pytestmark = pytest.mark.integration


def test_versions_sort_by_number_and_swap_is_exclusive(os_client, alias):
    for _ in range(3):
        versions.create_next(os_client, alias)
    for n in (4, 5, 6, 7, 8, 9, 10):
        os_client.indices.create(index=f"{alias}-v{n}")
    assert versions.versions(os_client, alias)[-2:] == [f"{alias}-v9", f"{alias}-v10"]
    assert versions.create_next(os_client, alias) == f"{alias}-v11"

    assert versions.swap(os_client, alias, f"{alias}-v9") is None
    # an alias pointing at two indices (hand-made) is made exclusive again by the swap
    os_client.indices.put_alias(index=f"{alias}-v2", name=alias)
    assert versions.swap(os_client, alias, f"{alias}-v10") == f"{alias}-v9"
    assert versions.targets(os_client, alias) == [f"{alias}-v10"]
    assert versions.previous(os_client, alias) == f"{alias}-v9"

    pruned = versions.prune(os_client, alias, keep={f"{alias}-v10", f"{alias}-v9"})
    assert f"{alias}-v10" not in pruned and f"{alias}-v9" not in pruned
    assert versions.versions(os_client, alias) == [f"{alias}-v9", f"{alias}-v10"]


def test_no_previous_version(os_client, alias):
    assert versions.previous(os_client, alias) is None
    versions.ensure(os_client, alias)
    assert versions.previous(os_client, alias) is None
