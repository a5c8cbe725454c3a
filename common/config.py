"""Where the config (rules, languages, index JSON, Dashboards objects) lives, and reading it.

The repository's `config/` folder is installed as the package `newsindex_config` (pyproject maps it), so
`importlib.resources` finds it the same way in a clone (editable install) and in an installed wheel.
NEWSINDEX_CONFIG_DIR points at another folder of the same layout.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

CONFIG_PACKAGE = "newsindex_config"


@cache
def _packaged_dir() -> Path:
    try:
        root = resources.files(CONFIG_PACKAGE)
    except ModuleNotFoundError:
        raise RuntimeError(f"the config package {CONFIG_PACKAGE!r} is not installed: re-install newsindex "
                           "(in a clone: pip install -e '.[dev]'), or set NEWSINDEX_CONFIG_DIR") from None
    if not isinstance(root, Path):  # e.g. a zipped install: our loaders read real files
        raise RuntimeError(f"the config package {CONFIG_PACKAGE!r} is not a folder ({root}); set NEWSINDEX_CONFIG_DIR")
    return root


def config_dir() -> Path:
    """NEWSINDEX_CONFIG_DIR when set, else the installed config package."""
    env = os.environ.get("NEWSINDEX_CONFIG_DIR")
    return Path(env) if env else _packaged_dir()


def load_yaml(path: Path) -> dict[str, Any]:
    """A YAML mapping; a missing file is an empty one (optional packs such as rules.<site>.yaml)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def load_json(*parts: str) -> Any:
    """A JSON file under the config dir, e.g. load_json("index", "mappings.json")."""
    return json.loads(config_dir().joinpath(*parts).read_text(encoding="utf-8"))
