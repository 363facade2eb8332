"""Shared fixtures: where the repository, the shared mirror and the package cache are."""

from __future__ import annotations

import os
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
