"""The `igkit validate` command line: outputs, formats, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.validate.conftest import write

GOOD = {"resourceType": "Patient", "id": "p1", "active": True}
BAD = {"resourceType": "Patient", "id": "p2", "gender": "nonsense", "colour": "blue"}


def igkit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "igkit.cli", "validate", *args],
        cwd=cwd,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


@pytest.fixture(autouse=True)
def _needs_core(core_defs):
    return core_defs


def test_single_file_outcome_and_exit_codes(tmp_path: Path):
    good = write(tmp_path, "good.json", GOOD)
    out = tmp_path / "out.json"
    proc = igkit(str(good), "--output", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    outcome = json.loads(out.read_text())
    assert outcome["resourceType"] == "OperationOutcome"
    assert not [i for i in outcome["issue"] if i["severity"] in ("error", "fatal")]

    bad = write(tmp_path, "bad.json", BAD)
    proc = igkit(str(bad), "--output", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    issues = json.loads(out.read_text())["issue"]
    unknown = next(i for i in issues if i["details"]["text"] == "Unrecognized property 'colour'")
    urls = {e["url"].rsplit("/", 1)[1]: e for e in unknown["extension"]}
    assert urls["operationoutcome-issue-line"]["valueInteger"] == 1
    assert urls["operationoutcome-message-id"]["valueCode"] == "Unrecognised_property"
    assert unknown["expression"] == ["Patient.colour"]


def test_several_files_give_a_bundle_and_text_lines(tmp_path: Path):
    files = [str(write(tmp_path, "a.json", GOOD)), str(write(tmp_path, "b.json", BAD))]
    out = tmp_path / "all.json"
    proc = igkit(*files, "--output", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    bundle = json.loads(out.read_text())
    assert bundle["resourceType"] == "Bundle"
    named = [e["resource"]["extension"][0]["valueString"] for e in bundle["entry"]]
    assert named == files
    lines = proc.stdout.strip().splitlines()
    assert any(line.startswith(files[1] + ":1:") and " error Patient.colour " in line for line in lines)
    assert lines[-1].startswith("2 files validated:")


def test_json_format_and_determinism(tmp_path: Path):
    bad = write(tmp_path, "bad.json", BAD)
    first = igkit(str(bad), "--format", "json", cwd=tmp_path).stdout
    second = igkit(str(bad), "--format", "json", cwd=tmp_path).stdout
    assert first == second
    assert json.loads(first)["resourceType"] == "OperationOutcome"


def test_usage_problems_exit_2_without_traceback(tmp_path: Path):
    proc = igkit(str(tmp_path / "missing.json"), cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    proc = igkit(cwd=tmp_path)  # no files, not in a project
    assert proc.returncode == 2 and "sushi-config.yaml" in proc.stderr
    proc = igkit(str(write(tmp_path, "a.json", GOOD)), "--fhir-version", "5.0.0", cwd=tmp_path)
    assert proc.returncode == 2 and "R4" in proc.stderr


def test_project_examples_are_validated_by_default(tmp_path: Path):
    (tmp_path / "sushi-config.yaml").write_text("id: x\ncanonical: http://x.org\nfhirVersion: 4.0.1\n")
    gen = tmp_path / "fsh-generated" / "resources"
    gen.mkdir(parents=True)
    write(gen, "Patient-a.json", GOOD)
    write(
        gen,
        "StructureDefinition-p.json",
        {
            "resourceType": "StructureDefinition",
            "url": "http://x.org/p",
            "name": "P",
            "status": "draft",
            "kind": "resource",
            "abstract": False,
            "type": "Patient",
        },
    )
    proc = igkit(cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1].startswith("1 file validated")
