"""Regex syntax and `re` internals that differ between the Pythons we support (3.10+, pyproject `requires-python`).

Python 3.11 added possessive repeats and atomic groups; on 3.10 they are a compile error that would
quarantine every article. Patterns take the possessive `+` from here: on 3.10 the repeat stays greedy, which
matches the same wherever a pattern uses it (the repeat is followed by what it cannot match, so backtracking
into it never finds another match); it only costs the backtracking the possessive form saves.

The gates that read a pattern's parse tree (rules._first_of, dates._required) take the parser from here too:
re._parser from 3.11, sre_parse before; opcodes and case folds 3.10 lacks are sentinels or None."""

from __future__ import annotations

import sys

__all__ = ["ATOMIC_GROUP", "EXTRA_CASES", "POSSESSIVE", "POSSESSIVE_REPEAT", "constants", "parser"]

try:  # Python 3.11+
    import re._constants as constants
    import re._parser as parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

try:  # the extra case folds re compiles with (ſ for s): a gate that needs them stands down without them (3.10)
    from re._casefix import _EXTRA_CASES as EXTRA_CASES
except ImportError:  # pragma: no cover - Python 3.10
    EXTRA_CASES = None

#: opcodes Python 3.10 lacks: a sentinel there, so no parsed item is ever taken for them
ATOMIC_GROUP = getattr(constants, "ATOMIC_GROUP", object())
POSSESSIVE_REPEAT = getattr(constants, "POSSESSIVE_REPEAT", object())

#: the possessive mark after a repeat on Python 3.11+, nothing on 3.10
POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
