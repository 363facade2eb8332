"""Fixtures for the validator's tests: a definition context over the package cache and a
helper that validates an in-memory resource."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from igkit import project
from igkit.validate.context import Options
from igkit.validate.definitions import CORE_PACKAGE, Definitions, build_context
from igkit.validate.engine import FileResult, Validator


def _core_available() -> bool:
    return (project.package_cache() / CORE_PACKAGE / "package" / "package.json").is_file()


@pytest.fixture(scope="session")
def core_defs() -> Definitions:
    if not _core_available():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not in the FHIR package cache")
    return build_context([], in_project=False)


@pytest.fixture
def fresh_defs() -> Callable[..., Definitions]:
    """A new context (core + companions) with extra resources added, for tests that load profiles."""
    if not _core_available():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not in the FHIR package cache")

    def make(*resources: dict) -> Definitions:
        defs = build_context([], in_project=False)
        for res in resources:
            defs.add_resource(res, "test")
        return defs

    return make


@pytest.fixture
def check(core_defs: Definitions, fresh_defs: Callable[..., Definitions]) -> Callable[..., FileResult]:
    """check(resource, *conformance, profiles=(), security=False) -> FileResult."""

    def run(
        resource: dict | str | bytes,
        *conformance: dict,
        profiles: tuple[str, ...] = (),
        security: bool = False,
        xml: bool | None = None,
    ) -> FileResult:
        defs = fresh_defs(*conformance) if conformance else core_defs
        validator = Validator(defs, Options(profiles=profiles, security_checks=security))
        if isinstance(resource, dict):
            data = json.dumps(resource, indent=2).encode()
        elif isinstance(resource, str):
            data = resource.encode()
        else:
            data = resource
        return validator.validate_bytes(data, "test.json", xml=xml)

    return run


def errors(result: FileResult) -> list[str]:
    return [i.message_id for i in result.issues if i.is_error]


def messages(result: FileResult) -> list[str]:
    return [f"{i.severity}|{i.message_id}|{i.expression}|{i.message}" for i in result.issues]


def write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def patient_profile(url: str, name: str, path: str, **rules: Any) -> dict:
    """A Patient constraint profile at `url` whose differential constrains one element, `path`,
    with `rules` (extra ElementDefinition properties)."""
    return {
        "resourceType": "StructureDefinition",
        "url": url,
        "name": name,
        "status": "draft",
        "kind": "resource",
        "abstract": False,
        "type": "Patient",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient",
        "derivation": "constraint",
        "differential": {"element": [{"id": path, "path": path, **rules}]},
    }
