"""Index settings (analysers) and mappings live as JSON in config/index/; this module only loads them."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from newsindex.settings import config_dir


def _index_dir() -> Path:
    return config_dir() / "index"


@cache
def index_body() -> dict:
    """The create-index body: settings with the per-language analysers, and the mappings."""
    settings = json.loads((_index_dir() / "settings.json").read_text(encoding="utf-8"))
    mappings = json.loads((_index_dir() / "mappings.json").read_text(encoding="utf-8"))
    return {"settings": settings, "mappings": mappings}


def template_hash() -> str:
    """Changes whenever analysers or mappings change, so a re-index can tell it is needed."""
    return hashlib.sha256(json.dumps(index_body(), sort_keys=True).encode()).hexdigest()[:12]


@cache
def languages() -> dict[str, str]:
    """Language code -> field suffix with its own analyser; anything else uses the folding fallback."""
    return json.loads((_index_dir() / "languages.json").read_text(encoding="utf-8"))
