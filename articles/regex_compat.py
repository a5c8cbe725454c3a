"""Regex syntax newer than the oldest Python we support (3.10, pyproject `requires-python`).

Python 3.11 added possessive repeats and atomic groups; on 3.10 they are a compile error that would
quarantine every article. Patterns take the possessive `+` from here: on 3.10 the repeat stays greedy, which
matches the same wherever a pattern uses it (the repeat is followed by what it cannot match, so backtracking
into it never finds another match); it only costs the backtracking the possessive form saves."""

from __future__ import annotations

import sys

#: the possessive mark after a repeat on Python 3.11+, nothing on 3.10
POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
