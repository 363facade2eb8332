"""Fixtures for the publisher tests: small IGs compiled once per session, in temporary folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import copy_ig

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
IGKIT = [sys.executable, "-m", "igkit.cli"]


def sushi_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for `igkit compile` in a folder outside the repo: SUSHI from the repo's node_modules."""
    env = dict(os.environ)
    app = REPO / "node_modules" / "fsh-sushi" / "dist" / "app.js"
    if "IGKIT_SUSHI" not in env:
        if not app.is_file():
            pytest.skip(f"SUSHI is not installed ({app} missing): run `make setup`")
        env["IGKIT_SUSHI"] = str(app)
    env.update(extra or {})
    return env


def run_igkit(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600):
    return subprocess.run([*IGKIT, *args], cwd=cwd, env=env or dict(os.environ), capture_output=True,
                          text=True, timeout=timeout, check=False)  # fmt: skip


def compile_ig(root: Path, env: dict[str, str] | None = None) -> None:
    done = run_igkit(["compile"], root, env or sushi_env())
    assert done.returncode == 0, f"igkit compile failed in {root}:\n{done.stdout}\n{done.stderr}"
    assert (root / "fsh-generated" / "resources").is_dir()


@pytest.fixture(scope="session")
def mini_ig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/publish/fixtures/mini-ig, compiled (read-only for tests: copy it before changing it)."""
    root = copy_ig(FIXTURES / "mini-ig", tmp_path_factory.mktemp("mini-ig") / "ig")
    compile_ig(root)
    return root


@pytest.fixture(scope="session")
def vbpr_ig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The VBPR IG of this repository, copied and compiled."""
    root = copy_ig(REPO, tmp_path_factory.mktemp("vbpr") / "ig")
    compile_ig(root)
    return root


def writable_copy(compiled: Path, dest: Path) -> Path:
    shutil.copytree(compiled, dest, ignore=shutil.ignore_patterns("output", ".igkit"))
    return dest
