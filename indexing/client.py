"""The one way to get an OpenSearch client: from Settings, TLS checks on by default, secrets never logged.

Every failure of the cluster itself (not of one document) surfaces as `OpenSearchUnavailable` or a
subclass, with a one-line message a person can act on, which the CLI prints without a traceback.
Messages name the URL without credentials and never include a password.
"""

from __future__ import annotations

import logging
import re
import ssl
from collections.abc import Iterator
from contextlib import contextmanager

from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as OSConnectionError
from opensearchpy.exceptions import ConnectionTimeout, RequestError, SSLError, TransportError

from common.settings import Settings


class OpenSearchUnavailable(RuntimeError):
    """Raised with a message a person can act on when the cluster cannot be reached or used."""


class OpenSearchConnectionLost(OpenSearchUnavailable, OSConnectionError):
    """The cluster stopped answering. Also an opensearch-py ConnectionError, so retry policies that
    treat connection errors as transient (`is_transient`) retry it before giving up."""

    def __init__(self, message: str, *rest: object) -> None:
        if rest:  # rebuilt from args ("N/A", message, None) when unpickled
            message = str(rest[0])
        Exception.__init__(self, "N/A", message, None)

    def __str__(self) -> str:
        return str(self.args[1])


class OpenSearchAuthError(OpenSearchUnavailable):
    """The cluster answered 401/403: wrong or missing credentials, or a user without the rights."""


class OpenSearchTLSError(OpenSearchUnavailable):
    """The TLS handshake failed: usually a CA bundle that does not sign the server's certificate."""


class OpenSearchWriteBlocked(OpenSearchUnavailable):
    """The index refuses writes (a read-only block, typically the disk flood-stage watermark)."""


def _quiet_transport_logs() -> None:
    """opensearch-py logs every failed request at WARNING with a traceback; our errors say it in one line."""
    for name in ("opensearch", "urllib3.connectionpool"):
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.ERROR)


def make_client(settings: Settings, *, timeout: float = 30.0, max_retries: int = 3) -> OpenSearch:
    """A client that knows every node of OPENSEARCH_URL: a request that meets a dead node (connection refused
    or lost) marks it dead for a while and is retried on the next one, so losing the node it talked to is not
    fatal. Retries are at least one per other node; bulk writes carry stable ids, so a retry never duplicates."""
    _quiet_transport_logs()
    urls = settings.urls
    kwargs: dict[str, object] = {
        "hosts": urls,
        "timeout": timeout,
        "max_retries": max_retries and max(max_retries, len(urls)),
        "dead_timeout": 5,  # a restarted node is tried again soon (doubling while it stays down)
        "retry_on_timeout": True,
        "retry_on_status": (502, 503, 504),
        "http_compress": True,
    }
    if any(u.startswith("https://") for u in urls):
        kwargs["use_ssl"] = True
        kwargs["verify_certs"] = settings.verify_certs
        kwargs["ssl_show_warn"] = settings.verify_certs
        if settings.ca_certs:
            kwargs["ca_certs"] = settings.ca_certs
    if settings.user:
        kwargs["http_auth"] = (settings.user, settings.password or "")
    return OpenSearch(**kwargs)


def where(client: OpenSearch) -> str:
    """scheme://host:port of the client's nodes (comma-separated), never with credentials."""
    try:
        found = []
        for host in client.transport.hosts:
            scheme = "https" if host.get("use_ssl") or host.get("scheme") == "https" else "http"
            found.append(f"{scheme}://{host.get('host', '?')}:{host.get('port', '?')}")
        return ",".join(found) or "OpenSearch"
    except (AttributeError, TypeError):
        return "OpenSearch"


def _is_tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, (SSLError, ssl.SSLError)) or "CERTIFICATE_VERIFY_FAILED" in str(e):
            return True
        stack.extend([e.__cause__, e.__context__, *[a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]])
    return False


def explain(exc: BaseException, url: str, *, doing: str = "", resumable: bool = True) -> OpenSearchUnavailable:
    """Turn a transport exception into a one-line, secret-free error (url must be a safe URL).

    `resumable`: the failure interrupted a write run, so say that running it again loses nothing; a
    search or a check before any work has nothing to resume."""
    at = f" while {doing}" if doing else ""
    if _is_tls_failure(exc):
        return OpenSearchTLSError(
            f"TLS certificate check failed for {url}{at}: the server's certificate is not signed by a trusted CA. "
            "Set OPENSEARCH_CA_CERTS to the cluster's CA bundle (checks stay on; "
            "OPENSEARCH_VERIFY_CERTS=false only for throwaway local clusters).")
    if isinstance(exc, OSConnectionError):
        return OpenSearchConnectionLost(
            f"OpenSearch does not answer at {url}{at} ({type(exc).__name__}). "
            "Start it (`newsindex opensearch start`) or set OPENSEARCH_URL"
            + (", then run again: nothing was lost, documents already written are skipped as unchanged."
               if resumable else "."))
    status = getattr(exc, "status_code", None)
    if status in (401, 403) and not _is_block(exc):
        what = "rejected the credentials" if status == 401 else "refused the request (missing permission)"
        return OpenSearchAuthError(
            f"OpenSearch at {url} {what}{at} (HTTP {status}); check OPENSEARCH_USER / OPENSEARCH_PASSWORD.")
    if _is_block(exc):
        return OpenSearchWriteBlocked(block_message(url, None, at))
    err = getattr(exc, "error", None) or type(exc).__name__
    return OpenSearchUnavailable(f"OpenSearch at {url} failed{at}: HTTP {status} {err}")


def _is_block(exc: BaseException) -> bool:
    return "cluster_block_exception" in str(getattr(exc, "error", "")) or "cluster_block_exception" in str(
        getattr(exc, "info", ""))


def block_message(url: str, index: str | None, at: str = "", detail: str | None = None) -> str:
    idx = index or "<index>"
    said = f" ({detail.replace('[', '').replace(']', '').rstrip(';')})" if detail else ""
    return (f"OpenSearch at {url} refuses writes to {idx}{at}: the index is read-only{said}. "
            "Usually the disk passed the flood-stage watermark: free disk space, then clear the block "
            f"(PUT {idx}/_settings {{\"index.blocks.read_only_allow_delete\": null}}) and run again. "
            "Nothing was lost: the batch was not counted as done.")


@contextmanager
def translated(client: OpenSearch, doing: str = "") -> Iterator[None]:
    """Re-raise transport failures of the cluster as one-line OpenSearchUnavailable errors."""
    try:
        yield
    except OpenSearchUnavailable:
        raise
    except (OSConnectionError, SSLError) as exc:
        raise explain(exc, where(client), doing=doing) from None
    except TransportError as exc:
        status = getattr(exc, "status_code", None)
        if isinstance(status, int) and (status in (401, 403) or status >= 500 or status == 429):
            raise explain(exc, where(client), doing=doing) from None
        raise


def create_index(client: OpenSearch, name: str, body: dict, *, exist_ok: bool = False) -> None:
    """Create `name` and return once every copy is started (or after the API's 30 s): on a cluster, a node lost
    just after the first writes then leaves an in-sync replica to promote. Without the wait, a replica still
    recovering is no copy: the index goes red, and each write waits a minute for a primary that never comes
    back (a run stuck for six minutes before it stops). A single node has no replica to wait for.
    `exist_ok`: an index created concurrently by another run is fine (bookkeeping indices)."""
    try:
        client.indices.create(index=name, body=body, wait_for_active_shards="all", request_timeout=60)
    except RequestError as exc:
        if not exist_ok or "resource_already_exists_exception" not in str(exc):
            raise


def check_reachable(client: OpenSearch, settings: Settings) -> None:
    """Fail early with a clear message instead of a stack of retries deep inside a flow."""
    try:
        client.info()
    except (OSConnectionError, SSLError, TransportError) as exc:
        raise explain(exc, settings.safe_url, resumable=False) from None


#: Statuses worth retrying: throttling and server-side trouble. 4xx other than 429 are our bug or config.
TRANSIENT_STATUS = {429, 500, 502, 503, 504}
_TRANSLATED_STATUS = re.compile(r"\bHTTP (\d{3})\b")


def is_transient(exc: BaseException | None) -> bool:
    """Worth retrying: connection refused/lost, timeouts, 429 and 5xx. Auth, TLS, write blocks, 4xx: not."""
    if isinstance(exc, (OSConnectionError, ConnectionTimeout, ConnectionRefusedError, TimeoutError)):
        return True  # includes OpenSearchConnectionLost
    if isinstance(exc, TransportError):
        return getattr(exc, "status_code", None) in TRANSIENT_STATUS
    if type(exc) is OpenSearchUnavailable:  # a translated HTTP error ("... failed: HTTP 503 ..."); not its subclasses
        m = _TRANSLATED_STATUS.search(str(exc))
        return bool(m) and int(m.group(1)) in TRANSIENT_STATUS
    return False
