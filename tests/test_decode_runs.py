"""The batched fast path of mojibake repair (decode._fast_runs) must repair each run exactly as one at a time."""

from __future__ import annotations

import pytest

from articles.decode import _fast_runs, _repair_run, repair_mojibake


@pytest.mark.parametrize(
    "run",
    ["\u00c3\u00a9", "\u00e1\u00bb\u2021", "\u00d0\u00be\u00d1\u201a", "\u00e2\u20ac\u0153", "\u00c3", "\u00a0\u00a0"],
)
def test_fast_run_is_the_run_alone(run: str) -> None:
    fast = _fast_runs([run, "\u00c3\u00a9"])
    holes: list[tuple[str, ...]] = []
    assert fast[0] in (None, _repair_run(run, holes))  # None: the run needs the slow path
    assert fast[1] == "é"


def test_runs_without_a_byte_take_the_slow_path() -> None:
    # U+201B is a run character cp1252 has no byte for: it must not break the joined encode of the others
    assert _fast_runs(["\u201b\u00c3\u00a9", "\u00c3\u00a9", "\ufffd\u00c3"]) == [None, "é", None]
    assert repair_mojibake("caf\u00c3\u00a9 \u201b\u00c3\u00a9 Vi\u00e1\u00bb\u2021t") == ("café ‛é Việt", True)
