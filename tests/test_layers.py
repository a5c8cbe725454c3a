"""The layer contract (pyproject's [tool.importlinter]) holds, and breaks when an upward import is added:
the check in `make test` is not a formality."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGES = ("newsindex", "flows", "indexing", "articles", "common", "config")
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(tree: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(tree)}  # the copy, not the installed package, is what gets read
    return subprocess.run([str(LINT), "--config", str(tree / "pyproject.toml"), "--no-cache"], cwd=tree, env=env,
                          capture_output=True, text=True, timeout=300)


def _copy(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    for pkg in PACKAGES:
        shutil.copytree(ROOT / pkg, tree / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree)
    return tree


@pytest.mark.skipif(not LINT.exists(), reason="import-linter is a dev dependency")
def test_an_upward_import_breaks_the_contract(tmp_path: Path) -> None:
    tree = _copy(tmp_path)
    (tree / "articles" / "upward.py").write_text("import flows.engine\n", encoding="utf-8")
    (tree / "common" / "impure.py").write_text("import opensearchpy\n", encoding="utf-8")
    proc = _lint(tree)
    assert proc.returncode != 0, proc.stdout[-2000:]
    assert "Contracts: 0 kept, 2 broken." in proc.stdout, proc.stdout[-2000:]
    assert "articles.upward -> flows.engine" in proc.stdout and "common.impure -> opensearchpy" in proc.stdout
