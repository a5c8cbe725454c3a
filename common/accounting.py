"""The ledger's accounting: every input is counted once, as indexed, unchanged or quarantined.

The rule holds for every batch and every run: seen = indexed + unchanged + quarantined. The flows
count, the ledger (indexing/ledger.py) stores and checks, so the rule lives below both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class LedgerMismatch(AssertionError):
    """seen != indexed + unchanged + quarantined: a bug in our accounting, never a state to continue from."""


def check_balance(seen: int, indexed: int, unchanged: int, quarantined: int, where: str = "") -> None:
    if seen != indexed + unchanged + quarantined:
        raise LedgerMismatch(f"ledger out of balance{where}: seen {seen} != indexed {indexed} + unchanged "
                             f"{unchanged} + quarantined {quarantined}")


@dataclass
class Counts:
    seen: int = 0
    indexed: int = 0
    unchanged: int = 0
    quarantined: int = 0
    languages: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    quarantine: list[dict] = field(default_factory=list)
    #: source keys of this run whose every record went in (their old quarantine entries can be cleared)
    ok_keys: set = field(default_factory=set)

    def add(self, other: Counts) -> None:
        self.seen += other.seen
        self.indexed += other.indexed
        self.unchanged += other.unchanged
        self.quarantined += other.quarantined
        self.languages.update(other.languages)
        self.reasons.update(other.reasons)
        self.quarantine.extend(other.quarantine)
        self.ok_keys |= other.ok_keys

    def check(self, where: str = "") -> None:
        check_balance(self.seen, self.indexed, self.unchanged, self.quarantined, where)

    def as_dict(self) -> dict:
        return {"seen": self.seen, "indexed": self.indexed, "unchanged": self.unchanged,
                "quarantined": self.quarantined, "languages": dict(self.languages),
                "quarantine_reasons": dict(self.reasons)}


def reason_kind(reason: str | None) -> str:
    """The short kind of a reason ("too large: 52428800 bytes ..." -> "too large"), for counting."""
    return (reason or "unknown").split(":", 1)[0].strip() or "unknown"
