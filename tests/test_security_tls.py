"""TLS and basic auth for real: a node with the OpenSearch security plugin (scripts/opensearch-secure.sh),
HTTPS with a CA made for the test, an admin password from the environment. Secrets never show."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.integration

SECURE_PORT = int(os.environ.get("NEWSINDEX_SECURE_PORT", "9210"))
SCRIPT = ROOT / "scripts" / "opensearch-secure.sh"
CLI = [sys.executable, "-m", "newsindex.cli"]


@pytest.fixture(scope="module")
def secure_node():
    """Start the security-plugin node (reusing one already running on the port with the same password)."""
    password = os.environ.get("NEWSINDEX_TEST_ADMIN_PASSWORD") or f"Nx-{secrets.token_urlsafe(12)}-9a!"
    env = {**os.environ, "OPENSEARCH_PASSWORD": password, "NEWSINDEX_SECURE_PORT": str(SECURE_PORT),
           "NEWSINDEX_CACHE": str(ROOT / ".cache")}
    already = subprocess.run([str(SCRIPT), "status"], env=env, capture_output=True, text=True).returncode == 0
    if already:  # a node left by someone else: restart it so it takes this password
        subprocess.run([str(SCRIPT), "stop"], env=env, capture_output=True, text=True, timeout=120)
    proc = subprocess.run([str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=400)
    assert proc.returncode == 0, proc.stderr
    assert password not in proc.stdout + proc.stderr
    ca = subprocess.run([str(SCRIPT), "ca-path"], env=env, capture_output=True, text=True).stdout.strip()
    yield {"url": f"https://127.0.0.1:{SECURE_PORT}", "password": password, "ca": ca, "env": env}
    subprocess.run([str(SCRIPT), "stop"], env=env, capture_output=True, text=True, timeout=120)


def _cli(node: dict, *args: str, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("OPENSEARCH_")}
    full = {**base, "OPENSEARCH_URL": node["url"], "OPENSEARCH_USER": "admin",
            "OPENSEARCH_PASSWORD": node["password"], "OPENSEARCH_CA_CERTS": node["ca"],
            "PREFECT_LOGGING_LEVEL": "CRITICAL", "COLUMNS": "1000", **env}
    return subprocess.run([*CLI, *args], cwd=ROOT, env=full, capture_output=True, text=True, timeout=300)


def test_node_is_tls_only_and_bound_to_localhost(secure_node):
    out = subprocess.run(["ss", "-ltnH"], capture_output=True, text=True).stdout
    listening = [line.split()[3] for line in out.splitlines() if line.split()[3].endswith(f":{SECURE_PORT}")]
    assert listening and all("127.0.0.1" in a for a in listening), listening
    import urllib.request

    with pytest.raises(Exception):  # noqa: B017 - plain HTTP must not work
        urllib.request.urlopen(f"http://127.0.0.1:{SECURE_PORT}/", timeout=5)


def test_wrong_password_is_a_clear_401(secure_node):
    proc = _cli(secure_node, "search", "Bezdetko", "--alias", "news", OPENSEARCH_PASSWORD="not-the-password")
    assert proc.returncode == 3
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "rejected the credentials" in proc.stderr and "HTTP 401" in proc.stderr
    assert "OPENSEARCH_PASSWORD" in proc.stderr and "not-the-password" not in proc.stderr


def test_unknown_ca_is_a_clear_certificate_error(secure_node, tmp_path):
    other = tmp_path / "other-ca.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(tmp_path / "k.pem"),
                    "-subj", "/CN=some other CA", "-days", "2", "-out", str(other)], check=True, capture_output=True)
    for env in ({"OPENSEARCH_CA_CERTS": str(other)}, {"OPENSEARCH_CA_CERTS": ""}):  # wrong CA; system CAs only
        proc = _cli(secure_node, "search", "Bezdetko", "--alias", "news", **env)
        assert proc.returncode == 3, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
        assert "TLS certificate check failed" in proc.stderr and "OPENSEARCH_CA_CERTS" in proc.stderr
        assert secure_node["password"] not in proc.stdout + proc.stderr


def test_right_ca_and_credentials_ingest_search_and_ledger_without_leaking(secure_node, tmp_path):
    from common.settings import Settings
    from indexing import ledger
    from indexing.client import make_client

    src = tmp_path / "src"
    src.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        (src / p.name).write_bytes(p.read_bytes())
    (src / "empty.txt").write_bytes(b"")
    alias = "secure-test"
    settings = Settings(url=secure_node["url"], user="admin", password=secure_node["password"],
                        ca_certs=secure_node["ca"])
    client = make_client(settings)
    client.indices.delete(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True)
    ingest = _cli(secure_node, "ingest", str(src), "--alias", alias, "--json")
    assert ingest.returncode == 0, ingest.stderr
    summary = json.loads(ingest.stdout.strip().splitlines()[-1])
    assert (summary["seen"], summary["indexed"], summary["quarantined"]) == (6, 5, 1)
    search = _cli(secure_node, "search", "Bezdetko", "--alias", alias, "--json")
    assert search.returncode == 0, search.stderr
    assert any(line.startswith("{") for line in search.stdout.splitlines())
    # the ledger and the quarantine on the secure cluster, through the same client code
    from flows.sources import iter_sources
    from flows.work import process_batch
    from indexing.writer import index_batch

    counts = index_batch(client, f"{alias}-v1", process_batch(list(iter_sources(src))))
    run_id = ledger.record_run(client, alias, {**counts.as_dict(), "source": str(src), "index": f"{alias}-v1"},
                               counts.quarantine)
    listed = _cli(secure_node, "quarantine", "list", "--alias", alias, "--json")
    assert listed.returncode == 0, listed.stderr
    docs = json.dumps([h["_source"] for h in client.search(index=f"{alias}-ledger,{alias}-quarantine",
                                                           body={"size": 100})["hits"]["hits"]])
    assert run_id in docs and "empty.txt" in docs
    everything = "".join(p.stdout + p.stderr for p in (ingest, search, listed)) + docs + repr(settings)
    assert secure_node["password"] not in everything
    client.indices.delete(index=f"{alias}*", ignore_unavailable=True, allow_no_indices=True)


def test_password_never_in_repo_files(secure_node):
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    for name in tracked:
        path = Path(ROOT / name)
        if path.is_file() and path.stat().st_size < 5_000_000:
            assert secure_node["password"].encode() not in path.read_bytes(), name
    users = Path(secure_node["ca"]).parents[1] / "opensearch-security" / "internal_users.yml"
    assert secure_node["password"].encode() not in users.read_bytes()  # only the bcrypt hash is stored
