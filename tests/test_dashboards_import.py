"""`newsindex dashboards import` against a local HTTP server that is a STAND-IN for OpenSearch Dashboards
(Dashboards cannot run here): the request must be what the saved-objects import API takes
(src/core/server/saved_objects/routes/import.ts: multipart `file` ending in .ndjson, `overwrite` query flag,
`osd-xsrf` header) plus the security plugin's `securitytenant` header, and every answer the real one can
give (errors[], 401, 503 while starting, a login page) must end in a clear message, never a traceback."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

NDJSON = ROOT / "config" / "dashboards" / "news.ndjson"
#: No credentials or TLS settings of the developer's shell leak into these runs.
CLEAN = {k: "" for k in ("OPENSEARCH_USER", "OPENSEARCH_PASSWORD", "OPENSEARCH_CA_CERTS", "OPENSEARCH_VERIFY_CERTS",
                         "DASHBOARDS_USER", "DASHBOARDS_PASSWORD", "DASHBOARDS_CA_CERTS", "DASHBOARDS_VERIFY_CERTS",
                         "DASHBOARDS_TENANT", "DASHBOARDS_URL", "NEWSINDEX_ALIAS")}


def cli(*args: str, check: bool = True, **env: str):
    return run_cli("dashboards", "import", *args, check=check, env={**CLEAN, **env})


def uploaded(req: dict) -> tuple[str, bytes]:
    """(filename, content) of the one file in a recorded multipart request."""
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {req['headers']['content-type']}\r\n\r\n".encode() + req["body"])
    [part] = list(message.iter_parts())
    assert part.get_param("name", header="content-disposition") == "file"
    return part.get_filename(), part.get_payload(decode=True)


class StandIn(BaseHTTPRequestHandler):
    """Stand-in for Dashboards' import route: keeps the imported objects by (type, id) like a tenant would,
    answers conflicts without overwrite, and plays scripted answers first when a test queues them."""

    requests: list[dict] = []
    store: dict[tuple[str, str], dict] = {}
    scripted: list[tuple[int, str, bytes]] = []

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        req = {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
        StandIn.requests.append(req)
        if StandIn.scripted:
            self._send(*StandIn.scripted.pop(0))
            return
        _name, content = uploaded(req)
        objs = [json.loads(line) for line in content.decode().splitlines() if line.strip()]
        overwrite = "overwrite=true" in self.path
        errors = [{"id": o["id"], "type": o["type"], "title": o["attributes"].get("title"),
                   "meta": {"title": o["attributes"].get("title")}, "error": {"type": "conflict"}}
                  for o in objs if (o["type"], o["id"]) in StandIn.store and not overwrite]
        if not errors:
            StandIn.store.update({(o["type"], o["id"]): o for o in objs})
        answer = {"success": not errors, "successCount": 0 if errors else len(objs)} | (
            {"errors": errors} if errors else {})
        self._send(200, "application/json", json.dumps(answer).encode())

    def _send(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


def _serve(context: ssl.SSLContext | None = None) -> Iterator[str]:
    StandIn.requests, StandIn.store, StandIn.scripted = [], {}, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    if context:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"{'https' if context else 'http'}://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def stand_in() -> Iterator[str]:
    yield from _serve()


def test_import_posts_the_ndjson_as_multipart_into_the_global_tenant(stand_in):
    proc = cli("--url", stand_in + "/")
    assert "objects imported into tenant 'global'" in proc.stdout
    [req] = StandIn.requests
    assert req["path"] == "/api/saved_objects/_import?overwrite=true"
    assert req["headers"]["osd-xsrf"] == "true"
    assert req["headers"]["securitytenant"] == "global"
    assert "authorization" not in req["headers"]
    assert req["headers"]["content-type"].startswith("multipart/form-data; boundary=")
    name, content = uploaded(req)
    assert name == "news.ndjson"  # the route refuses any other extension
    assert content == NDJSON.read_bytes().replace(b"\r\n", b"\n")


def test_the_index_pattern_follows_the_alias(stand_in):
    cli("--url", stand_in, NEWSINDEX_ALIAS="press")
    cli("--url", stand_in, "--alias", "wire")
    titles = []
    for req in StandIn.requests:
        objs = [json.loads(line) for line in uploaded(req)[1].decode().splitlines() if line.strip()]
        titles += [o["attributes"]["title"] for o in objs if o["type"] == "index-pattern"]
        rest = [o for o in objs if o["type"] != "index-pattern"]
        assert rest == [o for o in map(json.loads, NDJSON.read_text().splitlines()) if o["type"] != "index-pattern"]
    assert titles == ["press", "wire"]


def test_tenant_option(stand_in):
    cli("--url", stand_in, "--tenant", "analysts")
    cli("--url", stand_in, DASHBOARDS_TENANT="__user__")
    cli("--url", stand_in, "--tenant", "")
    assert [r["headers"].get("securitytenant") for r in StandIn.requests] == ["analysts", "__user__", None]


def test_importing_twice_is_harmless(stand_in):
    first, second = cli("--url", stand_in), cli("--url", stand_in)
    assert "10 objects imported" in first.stdout and "10 objects imported" in second.stdout
    assert len(StandIn.store) == 10


def test_without_overwrite_every_conflict_is_reported(stand_in):
    cli("--url", stand_in)
    proc = cli("--url", stand_in, "--no-overwrite", check=False)
    assert StandIn.requests[-1]["path"] == "/api/saved_objects/_import"
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "10 object(s) not imported" in proc.stderr
    for o in map(json.loads, NDJSON.read_text().splitlines()):
        assert f"{o['type']}/{o['id']}" in proc.stderr


def test_every_error_is_reported_with_its_message(stand_in):
    answer = {"success": False, "successCount": 8, "errors": [
        {"id": "newsindex-top-sources", "type": "visualization", "meta": {"title": "Top sources"},
         "error": {"type": "unknown", "message": "mapper_parsing_exception: failed to parse visState",
                   "statusCode": 400}},
        {"id": "newsindex-dashboard", "type": "dashboard", "title": "News",
         "error": {"type": "missing_references", "references": [{"type": "search", "id": "gone"}]}},
    ]}
    StandIn.scripted = [(200, "application/json", json.dumps(answer).encode())]
    proc = cli("--url", stand_in, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "visualization/newsindex-top-sources (Top sources): unknown: mapper_parsing_exception" in proc.stderr
    assert "dashboard/newsindex-dashboard (News): missing_references: missing search/gone" in proc.stderr
    json_out = cli("--url", stand_in, "--json")  # the stand-in's own answer again: success
    assert json.loads(json_out.stdout.splitlines()[-1])["success"] is True


def test_http_errors_carry_their_message(stand_in):
    StandIn.scripted = [(400, "application/json",
                         b'{"statusCode":400,"error":"Bad Request","message":"Invalid file extension .txt"}')]
    proc = cli("--url", stand_in, check=False)
    assert proc.returncode == 1 and "HTTP 400: Invalid file extension .txt" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_wrong_credentials(stand_in):
    StandIn.scripted = [(401, "application/json", b'{"statusCode":401,"message":"Unauthorized"}')]
    proc = cli("--url", stand_in, check=False, OPENSEARCH_USER="admin", OPENSEARCH_PASSWORD="s3cret-pw")
    assert proc.returncode == 1 and "HTTP 401" in proc.stderr and "OPENSEARCH_PASSWORD" in proc.stderr
    assert "s3cret-pw" not in proc.stderr + proc.stdout
    assert StandIn.requests[0]["headers"]["authorization"].startswith("Basic ")


def test_a_login_page_is_not_a_traceback(stand_in):
    StandIn.scripted = [(200, "text/html", b"<!DOCTYPE html><html><title>Log in</title><body>login</body></html>")]
    proc = cli("--url", stand_in, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "not the saved-objects API" in proc.stderr and "login page" in proc.stderr


def test_retries_while_dashboards_starts(stand_in):
    starting = (503, "application/json", b'{"message":"OpenSearch Dashboards server is not ready yet"}')
    StandIn.scripted = [starting, starting]
    proc = cli("--url", stand_in, "--wait", "30")
    assert len(StandIn.requests) == 3 and "10 objects imported" in proc.stdout


def test_gives_up_after_the_wait(stand_in):
    StandIn.scripted = [(503, "application/json", b'{"message":"OpenSearch Dashboards server is not ready yet"}')]
    proc = cli("--url", stand_in, "--wait", "0", check=False)
    assert proc.returncode == 1 and "HTTP 503: OpenSearch Dashboards server is not ready yet" in proc.stderr


def test_unreachable_dashboards():
    proc = cli("--url", "http://127.0.0.1:9", "--wait", "0", check=False)
    assert proc.returncode == 3 and "cannot reach Dashboards" in proc.stderr and "Traceback" not in proc.stderr


# --- HTTPS with a CA of our own, like the compose file's self-signed Dashboards -------------------------------


@pytest.fixture(scope="module")
def certs(tmp_path_factory) -> dict[str, Path]:
    openssl = shutil.which("openssl")
    assert openssl, "openssl is needed to make the stand-in's certificates"
    d = tmp_path_factory.mktemp("tls")

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], check=True, capture_output=True, cwd=d)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=stand-in CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf")
    return {"ca": d / "ca.pem", "cert": d / "server.pem", "key": d / "server.key"}


@pytest.fixture
def https_stand_in(certs) -> Iterator[str]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certs["cert"], certs["key"])
    yield from _serve(context)


def test_https_with_the_ca_from_the_environment(https_stand_in, certs):
    proc = cli("--url", https_stand_in, OPENSEARCH_CA_CERTS=str(certs["ca"]))
    assert "10 objects imported" in proc.stdout
    proc = cli("--url", https_stand_in, DASHBOARDS_CA_CERTS=str(certs["ca"]), OPENSEARCH_CA_CERTS="/nonexistent")
    assert "10 objects imported" in proc.stdout


def test_https_without_the_ca_says_so(https_stand_in):
    proc = cli("--url", https_stand_in, "--wait", "0", check=False)
    assert proc.returncode == 3 and "TLS certificate check failed" in proc.stderr and "CA_CERTS" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not StandIn.requests


def test_https_verification_off_on_request(https_stand_in):
    proc = cli("--url", https_stand_in, OPENSEARCH_VERIFY_CERTS="false")
    assert "10 objects imported" in proc.stdout
