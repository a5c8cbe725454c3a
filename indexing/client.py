"""The one way to get an OpenSearch client: from Settings, TLS checks on by default, secrets never logged."""

from __future__ import annotations

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as OSConnectionError
from opensearchpy.exceptions import TransportError

from newsindex.settings import Settings


class OpenSearchUnavailable(RuntimeError):
    """Raised with a message a person can act on when the cluster cannot be reached."""


def make_client(settings: Settings, *, timeout: float = 30.0) -> OpenSearch:
    kwargs: dict[str, object] = {
        "hosts": [settings.url],
        "timeout": timeout,
        "max_retries": 3,
        "retry_on_timeout": True,
        "retry_on_status": (429, 502, 503, 504),
        "http_compress": True,
    }
    if settings.url.startswith("https://"):
        kwargs["use_ssl"] = True
        kwargs["verify_certs"] = settings.verify_certs
        kwargs["ssl_show_warn"] = settings.verify_certs
        if settings.ca_certs:
            kwargs["ca_certs"] = settings.ca_certs
    if settings.user:
        kwargs["http_auth"] = (settings.user, settings.password or "")
    return OpenSearch(**kwargs)


def check_reachable(client: OpenSearch, settings: Settings) -> None:
    """Fail early with a clear message instead of a stack of retries deep inside a flow."""
    try:
        client.info()
    except OSConnectionError as exc:
        raise OpenSearchUnavailable(
            f"OpenSearch does not answer at {settings.safe_url} ({type(exc).__name__}). "
            "Start it with `make opensearch` or set OPENSEARCH_URL."
        ) from None
    except TransportError as exc:
        status = getattr(exc, "status_code", "?")
        hint = " (check OPENSEARCH_USER / OPENSEARCH_PASSWORD)" if status in (401, 403) else ""
        raise OpenSearchUnavailable(f"OpenSearch at {settings.safe_url} answered HTTP {status}{hint}") from None
