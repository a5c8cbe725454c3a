"""`newsindex dashboards import` against a local HTTP server standing in for Dashboards (not runnable here):
the request must be what the saved-objects import API takes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import ROOT, run_cli

NDJSON = ROOT / "config" / "dashboards" / "news.ndjson"


class Recorder(BaseHTTPRequestHandler):
    requests: list[dict] = []
    status = 200

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Recorder.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        lines = sum(1 for line in NDJSON.read_text(encoding="utf-8").splitlines() if line.strip())
        answer = {"success": True, "successCount": lines} if self.status == 200 else {"message": "bad"}
        data = json.dumps(answer).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_dashboards() -> Iterator[str]:
    Recorder.requests = []
    Recorder.status = 200
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_import_posts_the_ndjson_as_multipart(fake_dashboards):
    proc = run_cli("dashboards", "import", "--url", fake_dashboards + "/", "--overwrite")
    assert "objects imported" in proc.stdout
    [req] = Recorder.requests
    assert req["path"] == "/api/saved_objects/_import?overwrite=true"
    headers = {k.lower(): v for k, v in req["headers"].items()}
    assert headers["osd-xsrf"] == "true"
    assert headers["content-type"].startswith("multipart/form-data; boundary=")
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {headers['content-type']}\r\n\r\n".encode() + req["body"])
    [part] = list(message.iter_parts())
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "news.ndjson"
    assert part.get_payload(decode=True) == NDJSON.read_bytes()


def test_import_without_overwrite_and_json_output(fake_dashboards):
    proc = run_cli("dashboards", "import", "--url", fake_dashboards, "--json")
    assert Recorder.requests[0]["path"] == "/api/saved_objects/_import"
    assert json.loads(proc.stdout.splitlines()[-1])["success"] is True


def test_import_failure_is_reported(fake_dashboards):
    Recorder.status = 400
    proc = run_cli("dashboards", "import", "--url", fake_dashboards, check=False)
    assert proc.returncode == 1 and "HTTP 400" in proc.stderr and "Traceback" not in proc.stderr


def test_unreachable_dashboards():
    proc = run_cli("dashboards", "import", "--url", "http://127.0.0.1:9", check=False)
    assert proc.returncode == 3 and "cannot reach Dashboards" in proc.stderr
