"""Settings from the environment: one place that knows the env names (docker-compose uses the same)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_URL = "http://127.0.0.1:9200"
DEFAULT_ALIAS = "news"
ENV_NAMES = (
    "OPENSEARCH_URL",
    "OPENSEARCH_USER",
    "OPENSEARCH_PASSWORD",
    "OPENSEARCH_CA_CERTS",
    "OPENSEARCH_VERIFY_CERTS",
    "NEWSINDEX_ALIAS",
    "NEWSINDEX_CONFIG_DIR",
    "NEWSINDEX_MAX_BYTES",
    "NEWSINDEX_SHARDS",
    "NEWSINDEX_REPLICAS",
    "DASHBOARDS_URL",
    "DASHBOARDS_TENANT",
    "DASHBOARDS_USER",
    "DASHBOARDS_PASSWORD",
    "DASHBOARDS_CA_CERTS",
    "DASHBOARDS_VERIFY_CERTS",
)
#: Inputs larger than this are quarantined as "too large" without being read (memory stays bounded).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SECRET_ENV_NAMES = ("OPENSEARCH_PASSWORD", "OPENSEARCH_INITIAL_ADMIN_PASSWORD", "DASHBOARDS_PASSWORD")


def default_alias() -> str:
    """NEWSINDEX_ALIAS, else `news`: every command, flow and the Dashboards import default to it."""
    return os.environ.get("NEWSINDEX_ALIAS") or DEFAULT_ALIAS


def max_input_bytes() -> int:
    """NEWSINDEX_MAX_BYTES (default 20 MB): the size policy shared with articles.readers."""
    try:
        value = int(os.environ.get("NEWSINDEX_MAX_BYTES") or DEFAULT_MAX_BYTES)
    except ValueError:
        return DEFAULT_MAX_BYTES
    return value if value > 0 else DEFAULT_MAX_BYTES


def split_urls(url: str) -> list[str]:
    """OPENSEARCH_URL may name every node of a cluster, comma-separated: the client then survives losing one."""
    return [u.strip() for u in url.split(",") if u.strip()] or [DEFAULT_URL]


class SettingsError(ValueError):
    """A setting from the environment that cannot be used: one line for the person who set it."""


def _count(name: str, default: int, least: int) -> int:
    raw = (os.environ.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = least - 1
    if value < least:
        raise SettingsError(f"{name} must be a whole number >= {least}, not {raw!r}")
    return value


def index_shape(url: str | None = None) -> tuple[int, int]:
    """(shards, replicas) for new index versions: NEWSINDEX_SHARDS (default 1) and NEWSINDEX_REPLICAS (default 1
    when OPENSEARCH_URL names several nodes, else 0: a single node can never place a replica, and the index
    would stay yellow). The deployment's choice, not the template's: changing it needs no reindex to be valid."""
    nodes = split_urls(url if url is not None else os.environ.get("OPENSEARCH_URL") or DEFAULT_URL)
    return _count("NEWSINDEX_SHARDS", 1, 1), _count("NEWSINDEX_REPLICAS", 1 if len(nodes) > 1 else 0, 0)


def redact(text: str, *secrets: str | None) -> str:
    """`text` with every secret (and the env's passwords) replaced by ***; for anything we print or store."""
    values = [s for s in (*secrets, *(os.environ.get(n) for n in SECRET_ENV_NAMES)) if s and len(s) >= 3]
    for value in sorted(set(values), key=len, reverse=True):
        text = text.replace(value, "***")
    return text


def _truthy(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() not in {"0", "false", "no", "off"}


@dataclass(frozen=True)
class Settings:
    url: str = DEFAULT_URL
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_certs: str | None = None
    verify_certs: bool = True
    alias: str = DEFAULT_ALIAS

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = os.environ
        values: dict[str, object] = {
            "url": env.get("OPENSEARCH_URL") or DEFAULT_URL,
            "user": env.get("OPENSEARCH_USER") or None,
            "password": env.get("OPENSEARCH_PASSWORD") or None,
            "ca_certs": env.get("OPENSEARCH_CA_CERTS") or None,
            "verify_certs": _truthy(env.get("OPENSEARCH_VERIFY_CERTS"), True),
            "alias": default_alias(),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def __repr__(self) -> str:  # never the password, and no user:password@ in the URL
        return (f"Settings(url={self.safe_url!r}, user={self.user!r}, password={'***' if self.password else None}, "
                f"ca_certs={self.ca_certs!r}, verify_certs={self.verify_certs!r}, alias={self.alias!r})")

    @property
    def urls(self) -> list[str]:
        """Every node the client may talk to (OPENSEARCH_URL, comma-separated)."""
        return split_urls(self.url)

    @property
    def safe_url(self) -> str:
        """The URL(s) without any user:password part, for logs and reports."""
        return ",".join(_without_credentials(u) for u in self.urls)


def _without_credentials(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    return f"{scheme}://{rest.rpartition('@')[2]}"
