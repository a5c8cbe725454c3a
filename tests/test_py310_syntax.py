"""The package supports Python 3.10 (pyproject `requires-python`), whose `re` has no possessive repeats nor atomic
groups (3.11+): a pattern using them fails every article there. A possessive mark comes
from `articles.regex_compat.POSSESSIVE` (nothing on 3.10), only where both forms match the same."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import articles

#: a repeat followed by `+` (possessive), or an atomic group; an escaped `\+` or `\*` is a literal
_NEWER = re.compile(r"(?<!\\)(?:[*+?}]\+)|\(\?>")


def _strings(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append((node.lineno, node.value))
    return out


def test_no_regex_syntax_newer_than_python_310() -> None:
    pkg = Path(articles.__file__).parent
    found = [f"{p.name}:{line}: {s[:60]!r}" for p in sorted(pkg.glob("*.py")) for line, s in _strings(p)
             if _NEWER.search(s)]
    assert not found, "possessive repeats / atomic groups need Python 3.11:\n" + "\n".join(found)
