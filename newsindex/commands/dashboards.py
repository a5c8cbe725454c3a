"""`newsindex dashboards import`: load config/dashboards/*.ndjson into OpenSearch Dashboards.

Stdlib only (urllib): the saved-objects API wants one multipart file upload and an `osd-xsrf` header. With
the security plugin, objects land in the tenant named by the `securitytenant` header (without it, in the
importing user's private tenant, where nobody else sees them), so we always send one: global by default.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import ssl
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from common.config import config_dir
from common.settings import _truthy, redact
from newsindex.arguments import add_alias
from newsindex.output import error, json_line

#: Dashboards answers 503 ("not ready yet") while it starts, and refuses connections before that.
_STARTING = (502, 503, 504)


class ImportFailed(Exception):
    """A failure worth one line to the user; `unreachable` when no Dashboards answered at all."""

    def __init__(self, message: str, *, unreachable: bool = False) -> None:
        super().__init__(message)
        self.unreachable = unreachable


@dataclass(frozen=True)
class Target:
    url: str
    tenant: str
    auth: str | None
    context: ssl.SSLContext | None


def default_files() -> list[Path]:
    return sorted((config_dir() / "dashboards").glob("*.ndjson"))


def _env(name: str) -> str | None:
    """DASHBOARDS_X, else OPENSEARCH_X: Dashboards usually shares the cluster's users and CA."""
    return os.environ.get(f"DASHBOARDS_{name}") or os.environ.get(f"OPENSEARCH_{name}") or None


def basic_auth() -> str | None:
    """Dashboards with the security plugin takes the same user as OpenSearch unless DASHBOARDS_USER says."""
    user = _env("USER")
    if not user:
        return None
    token = base64.b64encode(f"{user}:{_env('PASSWORD') or ''}".encode()).decode()
    return f"Basic {token}"


def tls_context(url: str) -> ssl.SSLContext | None:
    """Certificate checks stay on unless *_VERIFY_CERTS is false; *_CA_CERTS names the CA bundle."""
    if not url.startswith("https://"):
        return None
    if not _truthy(_env("VERIFY_CERTS"), True):
        return ssl._create_unverified_context()  # noqa: S323 - asked for explicitly, throwaway clusters only
    ca = _env("CA_CERTS")
    if ca and not Path(ca).is_file():
        raise ImportFailed(f"CA bundle {ca} does not exist (DASHBOARDS_CA_CERTS / OPENSEARCH_CA_CERTS)")
    return ssl.create_default_context(cafile=ca)


def for_alias(content: bytes, alias: str) -> bytes:
    """The objects with every index pattern titled after the alias, so Discover reads what `search` reads."""
    lines = []
    for line in content.decode("utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            if obj.get("type") == "index-pattern":
                obj["attributes"]["title"] = alias
            line = json.dumps(obj, ensure_ascii=False)
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def multipart(field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body holding one file; returns (body, content-type)."""
    boundary = f"newsindex-{uuid.uuid4().hex}"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
            "Content-Type: application/ndjson\r\n\r\n").encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def _answer_text(raw: bytes) -> str:
    """What Dashboards said in an error answer: its JSON `message`, else the start of the body."""
    try:
        body = json.loads(raw)
    except ValueError:
        return " ".join(raw[:300].decode(errors="replace").split())
    if isinstance(body, dict):
        return str(body.get("message") or body.get("error") or body)
    return str(body)


def _post(target: Target, filename: str, content: bytes, *, overwrite: bool, timeout: float) -> bytes:
    body, content_type = multipart("file", filename, content)
    query = "?overwrite=true" if overwrite else ""
    req = urllib.request.Request(f"{target.url.rstrip('/')}/api/saved_objects/_import{query}", data=body,
                                 method="POST", headers={"osd-xsrf": "true", "Content-Type": content_type})
    if target.tenant:
        req.add_header("securitytenant", target.tenant)
    if target.auth:
        req.add_header("Authorization", target.auth)
    with urllib.request.urlopen(req, timeout=timeout, context=target.context) as resp:
        return resp.read()


def import_file(target: Target, filename: str, content: bytes, *, overwrite: bool, wait: float,
                timeout: float = 60.0) -> dict:
    """POST one NDJSON file to the saved-objects import API, retrying while Dashboards starts (up to `wait`
    seconds); the parsed JSON answer, or ImportFailed with a message a person can act on."""
    deadline = time.monotonic() + wait
    delay = 1.0
    while True:
        try:
            raw = _post(target, filename, content, overwrite=overwrite, timeout=timeout)
            break
        except urllib.error.HTTPError as exc:
            said = _answer_text(exc.read())
            if exc.code in _STARTING and time.monotonic() + delay <= deadline:
                time.sleep(delay)
                delay = min(delay * 2, 10.0)
                continue
            hint = {401: "; check DASHBOARDS_USER / DASHBOARDS_PASSWORD (or OPENSEARCH_USER / OPENSEARCH_PASSWORD)",
                    403: f"; the user may not write to tenant {target.tenant!r} (--tenant)"}.get(exc.code, "")
            raise ImportFailed(f"Dashboards answered HTTP {exc.code}: {said}{hint}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, ssl.SSLError):
                raise ImportFailed(
                    f"TLS certificate check failed for {target.url}: {reason}. Set DASHBOARDS_CA_CERTS (or "
                    "OPENSEARCH_CA_CERTS) to the CA bundle; *_VERIFY_CERTS=false only for throwaway setups",
                    unreachable=True) from None
            if time.monotonic() + delay <= deadline:
                time.sleep(delay)
                delay = min(delay * 2, 10.0)
                continue
            waited = f" (waited {wait:g} s)" if wait else ""
            raise ImportFailed(f"cannot reach Dashboards at {target.url}{waited}: {reason}",
                               unreachable=True) from None
    try:
        answer = json.loads(raw.decode("utf-8") or "{}")
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        start = " ".join(raw[:120].decode(errors="replace").split())
        raise ImportFailed(
            f"{target.url} answered with a page that is not the saved-objects API ({start!r}...): a login page "
            "or a proxy? Check --url and the credentials")
    return answer


def describe_errors(answer: dict) -> list[str]:
    """Every entry of `errors[]`, each with its object, the error type and what Dashboards said about it."""
    out = []
    for e in answer.get("errors") or []:
        err = e.get("error") or {}
        title = e.get("title") or (e.get("meta") or {}).get("title")
        what = f"{e.get('type')}/{e.get('id')}" + (f" ({title})" if title else "")
        detail = err.get("message") or ""
        if err.get("references"):
            detail = "missing " + ", ".join(f"{r.get('type')}/{r.get('id')}" for r in err["references"])
        out.append(f"{what}: {err.get('type') or 'error'}" + (f": {detail}" if detail else ""))
    return out


def run(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files] or default_files()
    if not files:
        error(f"no saved objects found in {config_dir() / 'dashboards'}")
        return 1
    try:
        target = Target(args.url, args.tenant, basic_auth(), tls_context(args.url))
    except ImportFailed as exc:
        error(str(exc))
        return 2
    failed = 0
    for path in files:
        try:
            content = for_alias(path.read_bytes(), args.alias)
            answer = import_file(target, path.name, content, overwrite=args.overwrite, wait=args.wait)
        except (OSError, ValueError) as exc:  # unreadable or not NDJSON: this file only
            error(f"{path}: cannot read saved objects: {exc}")
            failed += 1
            continue
        except ImportFailed as exc:
            error(redact(f"{path.name}: {exc}"))
            if exc.unreachable:
                return 3
            failed += 1
            continue
        ok = bool(answer.get("success"))
        failed += not ok
        if args.json:
            json_line({"file": str(path), "alias": args.alias, "tenant": args.tenant, **answer})
            continue
        tenant = f" into tenant {args.tenant!r}" if args.tenant else ""
        print(f"{path.name}: {answer.get('successCount', 0)} objects imported{tenant} (index pattern {args.alias!r})")
        if not ok:
            problems = describe_errors(answer) or [json.dumps(answer)[:300]]
            error(f"{path.name}: {len(problems)} object(s) not imported")
            for line in problems:
                error(f"  {line}")
    return 1 if failed else 0


def register(sub: argparse._SubParsersAction) -> None:
    sp = sub.add_parser("dashboards", help="OpenSearch Dashboards saved objects")
    actions = sp.add_subparsers(dest="action", required=True)
    imp = actions.add_parser("import", help="import config/dashboards/*.ndjson via the saved-objects API")
    imp.add_argument("--url", default=os.environ.get("DASHBOARDS_URL") or "http://127.0.0.1:5601",
                     help="Dashboards base URL (default: $DASHBOARDS_URL or http://127.0.0.1:5601)")
    add_alias(imp)
    imp.add_argument("--tenant", default=os.environ.get("DASHBOARDS_TENANT") or "global",
                     help="security tenant the objects go to: global (default, $DASHBOARDS_TENANT), __user__ for "
                          "your private one, or a custom tenant's name; '' sends none")
    imp.add_argument("--overwrite", action=argparse.BooleanOptionalAction, default=True,
                     help="replace our objects if they exist, so importing again is harmless (default); "
                          "--no-overwrite reports them as conflicts instead")
    imp.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                     help="keep retrying this long while Dashboards starts (default 60)")
    imp.add_argument("--json", action="store_true", help="one JSON answer per file")
    imp.add_argument("files", nargs="*", help="NDJSON files (default: config/dashboards/*.ndjson)")
    imp.set_defaults(func=run)
