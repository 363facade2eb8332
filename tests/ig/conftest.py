"""Fixtures for the IG content tests: compile the guide once per session into a temporary copy."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CANONICAL = "http://hl7.org/fhir/us/davinci-vbpr"
RESULT_LINE = re.compile(r"(\d+) Errors?\s+(\d+) Warnings?")
OWNED_ID_LINE = re.compile(r"^(?:Id|Instance):\s*(\S+)", re.MULTILINE)


@dataclass
class CompiledIG:
    """The compiled guide: SUSHI's result line and the generated resources, indexed."""

    errors: int
    warnings: int
    log: str
    resources: list[dict[str, Any]]
    owned_ids: set[str] = field(default_factory=set)  # ids defined in the IG helper's (non-LAN) FSH files
    lan_ids: set[str] = field(default_factory=set)  # ids defined in the LAN FSH files (LAN*.fsh)
    predefined: list[dict[str, Any]] = field(default_factory=list)  # JSON resources in input/examples

    def by_type(self, resource_type: str) -> list[dict[str, Any]]:
        return [r for r in self.resources if r["resourceType"] == resource_type]

    def get(self, resource_type: str, rid: str) -> dict[str, Any]:
        for r in self.resources:
            if r["resourceType"] == resource_type and r["id"] == rid:
                return r
        raise KeyError(f"{resource_type}/{rid} is not in the compiled output")

    def canonical(self, url: str) -> dict[str, Any]:
        for r in self.resources:
            if r.get("url") == url:
                return r
        raise KeyError(f"{url} is not in the compiled output")

    def owned(self, resource_type: str) -> list[dict[str, Any]]:
        return [r for r in self.by_type(resource_type) if r["id"] in self.owned_ids]

    def lan(self, resource_type: str) -> list[dict[str, Any]]:
        return [r for r in self.by_type(resource_type) if r["id"] in self.lan_ids]


def _fsh_ids(fsh_root: Path, *, lan: bool) -> set[str]:
    """Ids defined in the LAN helper's FSH files (lan=True) or in all the others (lan=False)."""
    ids: set[str] = set()
    for path in fsh_root.rglob("*.fsh"):
        if path.name.startswith("LAN") == lan:
            ids.update(OWNED_ID_LINE.findall(path.read_text(encoding="utf-8")))
    return ids


def _predefined(examples: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(examples.glob("*.json"))]


@pytest.fixture(scope="session")
def compiled_ig(compiled_vbpr) -> CompiledIG:
    work, result = compiled_vbpr
    log = result.log
    match = RESULT_LINE.search(log)
    if match is None:
        pytest.fail(f"SUSHI printed no result line:\n{log[-3000:]}")
    generated = work / "fsh-generated" / "resources"
    resources = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(generated.glob("*.json"))]
    return CompiledIG(
        int(match.group(1)),
        int(match.group(2)),
        log,
        resources,
        _fsh_ids(REPO / "fsh", lan=False),
        _fsh_ids(REPO / "fsh", lan=True),
        _predefined(REPO / "input" / "examples"),
    )


@pytest.fixture(scope="session")
def expected_issues() -> dict[str, Any]:
    return yaml.safe_load(
        (REPO / "fsh" / "examples-invalid" / "expected-issues.yaml").read_text(encoding="utf-8")
    )
