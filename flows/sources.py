"""Walk a source folder lazily: stable keys, no symlink loops, every entry accounted for."""

from __future__ import annotations

import os
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

#: Files we never treat as articles (editor droppings, VCS, OS metadata).
IGNORED_NAMES = {".DS_Store", "Thumbs.db"}


def iter_sources(root: str | os.PathLike) -> Iterator[tuple[str, str]]:
    """Yield (path, source_key) in a stable order; source_key is the path relative to root, with '/'."""
    root = Path(root)
    if root.is_file():
        yield str(root), root.name
        return
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in IGNORED_NAMES:
                continue
            path = Path(dirpath) / name
            yield str(path), path.relative_to(root).as_posix()


def batched(items: Iterator, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
