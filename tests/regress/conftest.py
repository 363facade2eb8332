"""Fixtures for the `igkit test` tests: a copy of the mini IG in tmp_path, and ways to run it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from igkit.project import Project
from igkit.regress.engine import Engine, issues_from_outcome
from igkit.regress.model import Issue
from igkit.regress.runner import Options, RunContext, run

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the mini IG (compiled output included, so no SUSHI is needed)."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target, symlinks=True)
    return target


class RuleValidator:
    """A small, real checker standing in for the full validator in the orchestration tests.

    It checks the two rules of the mini IG's profile - `subject` 1..1 and invariant fx-1 (a
    Quantity value must be positive) - and answers in the validator's output format (an
    OperationOutcome per file), so the tests also exercise the output parsing. It counts the
    files it is asked to validate, to test the cache.
    """

    def __init__(self) -> None:
        self.calls: list[str] = []

    def outcome(self, data: dict) -> dict:
        issues = []
        rtype = data.get("resourceType")
        if "subject" not in data:
            issues.append(
                (
                    "error",
                    "structure",
                    rtype,
                    "Observation.subject: minimum required = 1, but only found 0",
                    "Validation_VAL_Profile_Minimum",
                )
            )
        value = (data.get("valueQuantity") or {}).get("value")
        if isinstance(value, (int, float)) and value <= 0:
            issues.append(
                (
                    "error",
                    "invariant",
                    rtype,
                    "Constraint failed: fx-1: 'The value must be positive.'",
                    "Inv_Failed",
                )
            )
        if data.get("note"):
            issues.append(
                (
                    "warning",
                    "informational",
                    f"{rtype}.note[0]",
                    "Notes are not read by anyone",
                    "Fixture_Note",
                )
            )
        return {
            "resourceType": "OperationOutcome",
            "issue": [
                {
                    "severity": s,
                    "code": c,
                    "expression": [loc],
                    "details": {"text": text},
                    "extension": [
                        {
                            "url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                            "valueCode": mid,
                        }
                    ],
                }
                for s, c, loc, text, mid in issues
            ]
            or [{"severity": "information", "code": "informational", "details": {"text": "All OK"}}],
        }

    def __call__(self, root: Path, files: Sequence[str]) -> dict[str, list[Issue]]:
        self.calls += files
        return {
            f: issues_from_outcome(self.outcome(json.loads((root / f).read_text())), root, "igkit")
            for f in files
        }


@pytest.fixture
def rules() -> RuleValidator:
    return RuleValidator()


def run_mini(root: Path, validator: RuleValidator, lines: list[str] | None = None, **options) -> dict:
    options.setdefault("compile", False)
    out = lines if lines is not None else []
    ctx = RunContext(
        Project(root), Options(**options), engines=[Engine("igkit", validator, "rules-1")], echo=out.append
    )
    return run(ctx)
