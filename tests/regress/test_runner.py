"""The orchestration of `igkit test` on copies of the mini IG (validator: the small rule checker)."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from igkit.errors import IgkitError
from tests.regress.conftest import run_mini

OBS = "fsh-generated/resources/Observation-obs-1.json"
SD = "fsh-generated/resources/StructureDefinition-fixture-observation.json"
EXPECTED = "fsh/examples-invalid/expected-issues.yaml"


def _edit_json(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, indent=2))


def _records(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for folder in ("tests/outcomes", "tests/artifacts")
        for p in sorted((root / folder).glob("*.json"))
    }


@pytest.fixture
def recorded(mini: Path, rules) -> Path:
    """The mini IG with its outcomes and artifacts recorded (`--update`)."""
    report = run_mini(mini, rules, update=True)
    assert report["summary"]["result"] == "pass", report
    return mini


def test_update_records_then_a_clean_run_passes(recorded: Path, rules) -> None:
    names = sorted(p.name for p in (recorded / "tests/outcomes").iterdir())
    assert names == [
        "Observation-invalid-obs-negative.json",
        "Observation-invalid-obs-nosubject.json",
        "Observation-obs-1.json",
    ]
    assert (recorded / "tests/artifacts/StructureDefinition-fixture-observation.json").is_file()
    outcome = json.loads((recorded / "tests/outcomes/Observation-invalid-obs-negative.json").read_text())
    assert outcome["issues"] == [
        {
            "code": "invariant",
            "engine": "igkit",
            "invariant": "fx-1",
            "location": "Observation",
            "message_id": "Inv_Failed",
            "severity": "error",
            "text": "Constraint failed: fx-1: 'The value must be positive.'",
        }
    ]
    lines: list[str] = []
    report = run_mini(recorded, rules, lines)
    assert report["summary"]["result"] == "pass"
    assert report["summary"]["examples_passed"] == 3
    assert lines[-1] == "PASSED"


def test_breaking_a_valid_example_names_the_example_and_the_error(recorded: Path, rules) -> None:
    _edit_json(recorded / OBS, lambda d: d.pop("subject"))
    lines: list[str] = []
    report = run_mini(recorded, rules, lines)
    assert report["summary"]["result"] == "fail"
    failed = [e for e in report["examples"] if e["status"] == "fail"]
    assert [e["id"] for e in failed] == ["obs-1"]
    assert failed[0]["problems"][0].startswith(
        "error in a valid example: error Observation [Validation_VAL_Profile"
    )
    text = "\n".join(lines)
    assert "FAIL Observation/obs-1 (fsh/examples/Observations.fsh:1)" in text
    assert "     (the recorded outcome tests/outcomes/Observation-obs-1.json differs as well)" in text
    assert failed[0]["outcome_diff"] == [
        "+ error Observation [Validation_VAL_Profile_Minimum]: Observation.subject: minimum required = 1, but only found 0"
    ]
    # the subject is must-support: no valid example uses it any more
    assert (
        "GAP  http://example.org/fhir/regress/StructureDefinition/fixture-observation: must-support "
        "Observation.subject is in no valid example" in text
    )


def test_removing_an_expected_error_reports_the_extra_error(recorded: Path, rules) -> None:
    path = recorded / EXPECTED
    data = yaml.safe_load(path.read_text())
    data["Observation/invalid-obs-nosubject"]["issues"].pop(1)  # the fx-1 entry
    path.write_text(yaml.safe_dump(data))
    report = run_mini(recorded, rules)
    entry = next(e for e in report["examples"] if e["id"] == "invalid-obs-nosubject")
    assert entry["status"] == "fail"
    assert entry["problems"] == [
        ("unexpected error: error Observation [fx-1]: Constraint failed: fx-1: 'The value must be positive.'")
    ]


def test_an_expected_error_that_is_not_raised_fails(recorded: Path, rules) -> None:
    _edit_json(
        recorded / "input/examples/Observation-invalid-obs-nosubject.json",
        lambda d: d["valueQuantity"].update(value=5),
    )
    report = run_mini(recorded, rules)
    entry = next(e for e in report["examples"] if e["id"] == "invalid-obs-nosubject")
    assert entry["problems"] == [f"missing expected issue: error invariant fx-1 (declared at {EXPECTED}:14)"]
    assert entry["outcome_diff"] == [
        "- error Observation [fx-1]: Constraint failed: fx-1: 'The value must be positive.'"
    ]


def test_changing_a_cardinality_prints_an_element_level_diff(recorded: Path, rules) -> None:
    def loosen(sd: dict) -> None:
        for section in ("differential", "snapshot"):
            for e in sd[section]["element"]:
                if e["id"] == "Observation.subject":
                    e["min"] = 0

    _edit_json(recorded / SD, loosen)
    lines: list[str] = []
    report = run_mini(recorded, rules, lines)
    art = report["artifacts"]["StructureDefinition/fixture-observation"]
    assert art["status"] == "changed"
    assert art["diff"] == ["Observation.subject: min 1 -> 0"]  # the snapshot repeat is not shown twice
    assert "     Observation.subject: min 1 -> 0" in lines
    assert report["summary"]["result"] == "fail"
    run_mini(recorded, rules, update=True)
    assert run_mini(recorded, rules)["summary"]["result"] == "pass"


def test_a_new_warning_fails_until_it_is_allow_listed(recorded: Path, rules) -> None:
    _edit_json(recorded / OBS, lambda d: d.update(note=[{"text": "hello"}]))
    report = run_mini(recorded, rules)
    obs = next(e for e in report["examples"] if e["id"] == "obs-1")
    assert obs["problems"] == [
        (
            "new warning not in the allow-list (input/warnings-allowlist.yaml): warning "
            "Observation.note[0] [Fixture_Note]: Notes are not read by anyone"
        )
    ]
    (recorded / "input/warnings-allowlist.yaml").write_text(
        "Observation/obs-1:\n  - message-id: Fixture_Note\n    location: Observation.note\n"
        "    reason: the fixture shows a note on purpose\n"
    )
    report = run_mini(recorded, rules, update=True)
    assert report["summary"]["result"] == "pass"
    assert report["stale_allowlist"] == []
    assert run_mini(recorded, rules)["summary"]["result"] == "pass"


def test_stale_allow_list_entries_are_reported(recorded: Path, rules) -> None:
    (recorded / "input/warnings-allowlist.yaml").write_text(
        '"*":\n  - message-id: Never_Raised\n    reason: left over\n'
    )
    report = run_mini(recorded, rules)
    assert report["stale_allowlist"] == [
        "input/warnings-allowlist.yaml:2: allow-list entry for * (any severity message Never_Raised) matched nothing"
    ]


def test_example_that_is_not_json_stops_the_run_without_touching_records(recorded: Path, rules) -> None:
    before = _records(recorded)
    bad = recorded / "input/examples/Observation-broken.json"
    bad.write_text('{\n  "resourceType": "Observation",\n  "id": "broken"\n  "status": "final"\n}\n')
    with pytest.raises(IgkitError) as exc:
        run_mini(recorded, rules, update=True)
    assert str(exc.value).startswith("input/examples/Observation-broken.json:4:3: not valid JSON")
    assert exc.value.exit_code == 1
    assert _records(recorded) == before


def test_expectation_for_a_missing_example_names_file_and_line(recorded: Path, rules) -> None:
    before = _records(recorded)
    with (recorded / EXPECTED).open("a") as fh:
        fh.write(
            "\nObservation/invalid-ghost:\n  reason: x\n  issues:\n    - severity: error\n"
            "      invariant: fx-1\n"
        )
    with pytest.raises(IgkitError) as exc:
        run_mini(recorded, rules, update=True)
    assert f"{EXPECTED}:17: 'Observation/invalid-ghost' names no example" in str(exc.value)
    assert _records(recorded) == before


def test_invalid_example_without_declaration_fails(recorded: Path, rules) -> None:
    path = recorded / EXPECTED
    data = yaml.safe_load(path.read_text())
    del data["Observation/invalid-obs-negative"]
    path.write_text(yaml.safe_dump(data))
    report = run_mini(recorded, rules)
    entry = next(e for e in report["examples"] if e["id"] == "invalid-obs-negative")
    assert "declares no expected issues" in entry["problems"][0]


def test_cache_revalidates_only_what_changed(recorded: Path, rules) -> None:
    rules.calls.clear()
    report = run_mini(recorded, rules)
    assert rules.calls == []
    assert [e["status"] for e in report["examples"]] == ["pass"] * 3
    _edit_json(recorded / OBS, lambda d: d.update(status="amended"))
    run_mini(recorded, rules, update=True)
    assert rules.calls == [OBS]
    rules.calls.clear()
    _edit_json(recorded / SD, lambda d: d.update(description="changed"))  # a definition: all again
    run_mini(recorded, rules)
    assert sorted(rules.calls) == sorted(e["file"] for e in report["examples"])


def test_a_damaged_cache_is_rebuilt(recorded: Path, rules) -> None:
    cache = recorded / ".igkit/regress-cache.json"
    doc = json.loads(cache.read_text())
    key = next(k for k, issues in doc["entries"].items() if issues)
    doc["entries"][key] = []  # tampered: would hide an issue
    cache.write_text(json.dumps(doc))
    rules.calls.clear()
    lines: list[str] = []
    report = run_mini(recorded, rules, lines)
    assert report["summary"]["result"] == "pass"
    assert len(rules.calls) == 3
    assert any("could not be used (checksum mismatch)" in line for line in lines)
    cache.write_text("{not json")
    rules.calls.clear()
    assert run_mini(recorded, rules)["summary"]["result"] == "pass" and len(rules.calls) == 3


def test_removed_example_leaves_a_stale_outcome_until_update(recorded: Path, rules) -> None:
    (recorded / "input/examples/Observation-invalid-obs-nosubject.json").unlink()
    path = recorded / EXPECTED
    data = yaml.safe_load(path.read_text())
    del data["Observation/invalid-obs-nosubject"]
    path.write_text(yaml.safe_dump(data))
    report = run_mini(recorded, rules)
    assert list(report["stale_outcomes"]) == ["Observation-invalid-obs-nosubject.json"]
    assert report["summary"]["result"] == "fail"
    run_mini(recorded, rules, update=True)
    assert not (recorded / "tests/outcomes/Observation-invalid-obs-nosubject.json").exists()
    assert run_mini(recorded, rules)["summary"]["result"] == "pass"


def test_reports_junit_and_json_are_deterministic(recorded: Path, rules, tmp_path: Path) -> None:
    junit, extra = tmp_path / "junit.xml", tmp_path / "r.json"
    run_mini(recorded, rules, junit=junit, report=extra)
    first = (junit.read_bytes(), extra.read_bytes())
    (recorded / ".igkit/regress-cache.json").unlink()  # cold or warm: the same report
    run_mini(recorded, rules, junit=junit, report=extra)
    assert (junit.read_bytes(), extra.read_bytes()) == first
    assert (recorded / "output/qa/test-report.json").read_bytes() == extra.read_bytes()
    assert (recorded / ".igkit/test-report.json").read_bytes() == extra.read_bytes()
    suites = {s.get("name"): s for s in ET.parse(junit).getroot()}
    assert suites["examples"].get("tests") == "3" and suites["examples"].get("failures") == "0"
    assert suites["artifacts"].get("tests") == "4"
    report = json.loads(extra.read_text())
    assert set(report) >= {"examples", "coverage", "artifacts", "summary"}
    first_example = report["examples"][0]
    assert set(first_example) >= {
        "file",
        "resourceType",
        "id",
        "profile",
        "valid_expected",
        "status",
        "issues",
        "problems",
    }


def test_junit_names_failures(recorded: Path, rules, tmp_path: Path) -> None:
    _edit_json(recorded / OBS, lambda d: d["valueQuantity"].update(value=-3))
    junit = tmp_path / "junit.xml"
    run_mini(recorded, rules, junit=junit)
    failure = ET.parse(junit).getroot().find("testsuite[@name='examples']/testcase[@name='obs-1']/failure")
    assert failure is not None and "fx-1" in failure.get("message")


def test_parallel_batches_give_the_same_report(recorded: Path, rules, tmp_path: Path) -> None:
    (recorded / ".igkit/regress-cache.json").unlink()
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    run_mini(recorded, rules, jobs=1, report=one)
    (recorded / ".igkit/regress-cache.json").unlink()
    rules.calls.clear()
    run_mini(recorded, rules, jobs=2, report=two)
    assert len(rules.calls) == 3
    assert one.read_bytes() == two.read_bytes()


def test_a_damaged_record_is_named(recorded: Path, rules) -> None:
    (recorded / "tests/outcomes/Observation-obs-1.json").write_text("<<<<<<< HEAD\n")
    report = run_mini(recorded, rules)
    obs = next(e for e in report["examples"] if e["id"] == "obs-1")
    assert obs["outcome_diff"] == [
        (
            "the recorded file tests/outcomes/Observation-obs-1.json is not valid JSON; "
            "re-record it with `igkit test --update` after review"
        )
    ]
    assert report["summary"]["result"] == "fail"


def test_no_compiled_output_is_a_clear_error(mini: Path, rules) -> None:
    shutil.rmtree(mini / "fsh-generated")
    shutil.rmtree(mini / "input/examples")
    with pytest.raises(
        IgkitError, match=r"No examples found .*run `igkit compile` first, or drop --no-compile"
    ):
        run_mini(mini, rules)
