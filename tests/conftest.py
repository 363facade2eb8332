"""Shared fixtures: where the repository, the shared mirror and the package cache are."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
MIRROR = SHARED / "fhir-packages"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def mirror_dir() -> Path:
    if not MIRROR.is_dir():
        pytest.skip("../shared/fhir-packages is not beside the repository")
    return MIRROR


@pytest.fixture(scope="session")
def fhir_home() -> Path:
    """The FHIR home whose .fhir/packages holds the IG's dependencies (make setup installed them)."""
    env = os.environ.get("IGKIT_FHIR_HOME")
    return Path(env) if env else Path.home()


SOURCES = ("sushi-config.yaml", "sushi-ignoreWarnings.txt", "fsh", "input")


BUILD_PRODUCTS = shutil.ignore_patterns(
    "fsh-generated",
    "output",
    "temp",
    "template",
    "input-cache",
    ".igkit",
    "node_modules",
    ".venv",
    ".git",
    "__pycache__",
)


def copy_ig(source: Path, dest: Path) -> Path:
    """Copy an IG's sources (not its build products) to `dest`; links such as `input/fsh -> ../fsh` stay links."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name, symlinks=True, ignore=BUILD_PRODUCTS)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def compiled_vbpr(tmp_path_factory: pytest.TempPathFactory):
    """A copy of this IG compiled once per session by `igkit compile`'s own machinery (offline registry,
    snapshots on). Returns (root, SushiResult); treat the folder as read-only (copy it to change it)."""
    from igkit.compile import run_sushi
    from igkit.project import Project

    app = REPO / "node_modules" / "fsh-sushi" / "dist" / "app.js"
    if not app.is_file() and not os.environ.get("IGKIT_SUSHI"):
        pytest.skip("SUSHI is not installed (run make setup)")
    root = copy_ig(REPO, tmp_path_factory.mktemp("vbpr") / "ig")
    with pytest.MonkeyPatch.context() as mp:  # the copy has no node_modules: point igkit at the repo's SUSHI
        if not os.environ.get("IGKIT_SUSHI"):
            mp.setenv("IGKIT_SUSHI", str(app))
        result = run_sushi(Project(root), snapshot=True)
    return root, result
