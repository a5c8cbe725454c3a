"""`newsindex dashboards import`: load config/dashboards/*.ndjson into OpenSearch Dashboards.

Stdlib only (urllib): the saved-objects API wants one multipart file upload and an `osd-xsrf` header.
"""

from __future__ import annotations

import argparse
import json
import os
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from common.config import config_dir
from newsindex.output import error, json_line


def default_files() -> list[Path]:
    return sorted((config_dir() / "dashboards").glob("*.ndjson"))


def multipart(field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body holding one file; returns (body, content-type)."""
    boundary = f"newsindex-{uuid.uuid4().hex}"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
            "Content-Type: application/ndjson\r\n\r\n").encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def import_file(url: str, path: Path, *, overwrite: bool, timeout: float = 60.0,
                auth: str | None = None) -> dict:
    """POST one NDJSON file to the saved-objects import API; the parsed JSON answer."""
    body, content_type = multipart("file", path.name, path.read_bytes())
    query = "?overwrite=true" if overwrite else ""
    req = urllib.request.Request(f"{url.rstrip('/')}/api/saved_objects/_import{query}", data=body, method="POST",
                                 headers={"osd-xsrf": "true", "Content-Type": content_type})
    if auth:
        req.add_header("Authorization", auth)
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8") or "{}")


def _basic_auth() -> str | None:
    """Dashboards with the security plugin takes the same user as OpenSearch."""
    import base64

    user = os.environ.get("OPENSEARCH_USER")
    if not user:
        return None
    token = base64.b64encode(f"{user}:{os.environ.get('OPENSEARCH_PASSWORD', '')}".encode()).decode()
    return f"Basic {token}"


def run(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or default_files()
    if not files:
        error(f"no saved objects found in {config_dir() / 'dashboards'}")
        return 1
    failed = 0
    for path in files:
        try:
            answer = import_file(args.url, path, overwrite=args.overwrite, auth=_basic_auth())
        except urllib.error.HTTPError as exc:
            error(f"{path.name}: Dashboards answered HTTP {exc.code}: {exc.read()[:300].decode(errors='replace')}")
            failed += 1
            continue
        except (urllib.error.URLError, OSError) as exc:
            error(f"{path.name}: cannot reach Dashboards at {args.url}: {getattr(exc, 'reason', exc)}")
            return 3
        ok = bool(answer.get("success"))
        failed += not ok
        if args.json:
            json_line({"file": str(path), **answer})
        else:
            problems = "; ".join(f"{e.get('type')}/{e.get('id')}: {e.get('error', {}).get('type')}"
                                 for e in answer.get("errors") or [])
            print(f"{path.name}: {answer.get('successCount', 0)} objects imported"
                  + ("" if ok else f", FAILED: {problems or answer}"))
    return 1 if failed else 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("dashboards", help="OpenSearch Dashboards saved objects")
    actions = sp.add_subparsers(dest="action", required=True)
    imp = actions.add_parser("import", help="import config/dashboards/*.ndjson via the saved-objects API")
    imp.add_argument("--url", default=os.environ.get("DASHBOARDS_URL", "http://127.0.0.1:5601"),
                     help="Dashboards base URL (default: $DASHBOARDS_URL or http://127.0.0.1:5601)")
    imp.add_argument("--overwrite", action="store_true", help="replace objects with the same ids")
    imp.add_argument("--json", action="store_true", help="one JSON answer per file")
    imp.add_argument("files", nargs="*", help="NDJSON files (default: config/dashboards/*.ndjson)")
    imp.set_defaults(func=run)
