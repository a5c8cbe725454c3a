"""Index settings (analysers) and mappings live as JSON in config/index/; this module only loads them."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from common.config import load_json


@cache
def index_body() -> dict:
    """The create-index body: settings with the per-language analysers, and the mappings."""
    return {"settings": load_json("index", "settings.json"), "mappings": load_json("index", "mappings.json")}


def template_hash() -> str:
    """Changes whenever analysers or mappings change, so a re-index can tell it is needed."""
    return hashlib.sha256(json.dumps(index_body(), sort_keys=True).encode()).hexdigest()[:12]


@cache
def languages() -> dict[str, str]:
    """Language code -> field suffix with its own analyser; anything else uses the folding fallback."""
    return load_json("index", "languages.json")
