"""docker-compose.yml cannot run here (no Docker engine): check it agrees with the code instead."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from common.settings import ENV_NAMES

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _pinned() -> dict[str, str]:
    pairs = (line.split("=", 1) for line in (ROOT / "config/versions.env").read_text().splitlines()
             if line and not line.startswith("#"))
    return {k.strip(): v.strip() for k, v in pairs}


def test_opensearch_and_dashboards_use_the_pinned_version():
    version = _pinned()["OPENSEARCH_VERSION"]
    services = _compose()["services"]
    assert services["opensearch"]["image"] == f"opensearchproject/opensearch:{version}"
    assert services["dashboards"]["image"] == f"opensearchproject/opensearch-dashboards:{version}"
    script = (ROOT / "scripts/opensearch-local.sh").read_text()
    assert "config/versions.env" in script and "OPENSEARCH_VERSION" in script


def test_ports_bind_to_loopback_only():
    for name, svc in _compose()["services"].items():
        for port in svc.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"


def test_newsindex_env_names_match_settings():
    services = _compose()["services"]
    for name in ("worker", "dashboards-import"):
        env = services[name]["environment"]
        ours = {k for k in env if k.startswith(("OPENSEARCH_", "NEWSINDEX_"))}
        assert ours, name
        assert ours <= set(ENV_NAMES), f"{name} uses env names the code does not read: {ours - set(ENV_NAMES)}"


def test_secrets_come_from_dotenv_and_example_lists_them():
    text = (ROOT / "docker-compose.yml").read_text()
    referenced = set(re.findall(r"(?<!\$)\$\{([A-Z_]+)", text))  # $${X} is the container's own
    example = (ROOT / ".env.example").read_text()
    declared = {line.split("=", 1)[0] for line in example.splitlines() if "=" in line and not line.startswith("#")}
    assert referenced <= declared, f".env.example lacks {referenced - declared}"
    for name, svc in _compose()["services"].items():
        for key, value in (svc.get("environment") or {}).items():
            if "PASSWORD" in key:
                assert str(value).startswith("${"), f"{name}: {key} is a literal, not taken from .env"
    assert not (ROOT / ".env").exists() or ".env" in (ROOT / ".gitignore").read_text()


def test_worker_deploys_the_same_pool_as_prefect_yaml():
    worker = _compose()["services"]["worker"]["command"]
    prefect_yaml = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    pools = {d["work_pool"]["name"] for d in prefect_yaml["deployments"]}
    assert len(pools) == 1
    assert f"--pool {pools.pop()}" in worker


def test_security_plugin_stays_on_with_the_password_from_dotenv():
    opensearch = _compose()["services"]["opensearch"]
    env = opensearch["environment"]
    assert "DISABLE_SECURITY_PLUGIN" not in env and "plugins.security.disabled" not in env
    assert str(env["OPENSEARCH_INITIAL_ADMIN_PASSWORD"]).startswith("${OPENSEARCH_ADMIN_PASSWORD")
    worker_env = _compose()["services"]["worker"]["environment"]
    assert worker_env["OPENSEARCH_URL"].startswith("https://")


def test_dashboards_healthcheck_authenticates():
    """With the security plugin on, /api/status answers 401 to anonymous calls and the import never starts."""
    dashboards = _compose()["services"]["dashboards"]
    check = " ".join(dashboards["healthcheck"]["test"])
    assert "/api/status" in check and '"state":"green"' in check.replace('\\"', '"')
    creds = re.search(r'-u\s+"?\$\$\{(\w+)\}:\$\$\{(\w+)\}', check)
    assert creds, check
    assert set(creds.groups()) <= set(dashboards["environment"]), "the healthcheck's credentials are not in its env"
    importer = _compose()["services"]["dashboards-import"]
    assert importer["depends_on"]["dashboards"]["condition"] == "service_healthy"


def test_dashboards_import_uses_the_global_tenant_and_the_alias():
    importer = _compose()["services"]["dashboards-import"]
    command = importer["command"]
    assert command[:3] == ["newsindex", "dashboards", "import"]
    assert command[command.index("--tenant") + 1] == "global"
    assert "--overwrite" in command
    assert "NEWSINDEX_ALIAS" in importer["environment"]
    from newsindex.cli import parse

    args = parse(command[1:])  # the command parses: every flag it uses exists
    assert args.tenant == "global" and args.overwrite
