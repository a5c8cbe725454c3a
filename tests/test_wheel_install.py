"""`pip install .` gives a working newsindex: a built wheel, installed outside the clone, runs `--help` and
`process` and gives the same records as the clone's editable install.

The wheel goes into a fresh venv with `--no-deps`; the dependencies (Prefect, OpenSearch client, ...) come
from this test's own environment through a .pth line. Installing them all again would take minutes on a
busy box and test pip, not us. A line in a .pth only adds a path (its own .pth files, such as the editable
install's finder, are not run), so our packages and config can only come from the wheel: the test checks
that they do.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").iterdir())
#: Not part of a source tree: local environments, caches and earlier build output.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".cache", "build", "dist", "*.egg-info", "__pycache__",
                                   ".*_cache", "out")


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(venv, wheel, env): the wheel built from a copy of the source tree and installed in a new venv."""
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSINDEX_CONFIG_DIR", "PYTHONPATH")}
    src = tmp / "src"  # a copy, so no stale build/ of the clone can slip into the wheel
    shutil.copytree(ROOT, src, ignore=NOT_SOURCE)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(src)], tmp, env)
    wheel = next((tmp / "dist").glob("newsindex-*.whl"))
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp, env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)], tmp, env)
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp, env)
    Path(site.stdout.strip(), "newsindex-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv, wheel, env


def test_wheel_holds_every_package_and_config_file(installed) -> None:
    _venv, wheel, _env = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    config = {f"newsindex_config/{p.relative_to(ROOT / 'config').as_posix()}"
              for p in (ROOT / "config").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert config <= names, f"config files missing from the wheel: {sorted(config - names)}"
    for pkg in ("newsindex", "flows", "indexing", "articles", "common"):
        for path in (ROOT / pkg).rglob("*.py"):
            assert path.relative_to(ROOT).as_posix() in names, f"{path.relative_to(ROOT)} missing from the wheel"


def test_installed_cli_runs_outside_the_clone(installed, tmp_path: Path) -> None:
    venv, _wheel, env = installed
    where = _run([str(venv / "bin" / "python"), "-c",
                  "import articles, newsindex.commands, newsindex_config; "
                  "print(articles.__file__); print(newsindex.commands.__file__); print(newsindex_config.__file__)"],
                 tmp_path, env)
    for path in where.stdout.split():
        assert Path(path).is_relative_to(venv), f"{path} does not come from the wheel"

    help_text = _run([str(venv / "bin" / "newsindex"), "--help"], tmp_path, env).stdout
    assert "process" in help_text and "ingest" in help_text

    files = [str(p) for p in SEEDS]
    wheel_out = _run([str(venv / "bin" / "newsindex"), "process", *files, "--json"], tmp_path, env).stdout
    clone_out = _run([sys.executable, "-m", "newsindex.cli", "process", *files, "--json"], ROOT, env).stdout
    records = [json.loads(line) for line in wheel_out.splitlines()]
    assert len(records) == len(SEEDS) and all(r["status"] == "ok" and r["language"] for r in records)
    assert records == [json.loads(line) for line in clone_out.splitlines()]


def test_opensearch_command_says_it_needs_a_clone(installed, tmp_path: Path) -> None:
    venv, _wheel, env = installed
    proc = subprocess.run([str(venv / "bin" / "newsindex"), "opensearch", "status"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "clone" in proc.stderr and "Traceback" not in proc.stderr
