"""Index settings (analysers) and mappings live as JSON in config/index/; this module only loads them."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from common.config import load_json
from common.settings import index_shape


@cache
def index_body() -> dict:
    """The create-index body: settings with the per-language analysers, and the mappings."""
    return {"settings": load_json("index", "settings.json"), "mappings": load_json("index", "mappings.json")}


def create_body() -> dict:
    """index_body with this deployment's shards and replicas (NEWSINDEX_SHARDS / NEWSINDEX_REPLICAS): the shape
    belongs to the cluster, not to the analysers, so it stays out of template_hash and never asks for a reindex."""
    shards, replicas = index_shape()
    body = index_body()
    index = {**body["settings"]["index"], "number_of_shards": shards, "number_of_replicas": replicas}
    return {**body, "settings": {**body["settings"], "index": index}}


def template_hash() -> str:
    """Changes whenever analysers or mappings change, so a re-index can tell it is needed."""
    return hashlib.sha256(json.dumps(index_body(), sort_keys=True).encode()).hexdigest()[:12]


@cache
def languages() -> dict[str, str]:
    """Language code -> field suffix with its own analyser; anything else uses the folding fallback."""
    return load_json("index", "languages.json")
