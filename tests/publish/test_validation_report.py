import json

import pytest

from igkit.errors import IgkitError
from igkit.publish.validation import coverage_rows, load_validation, parse_report

from .helpers import load, write_project


def _resources(tmp_path):
    return {r.key: r for r in load(write_project(tmp_path, {
        "MeasureReport-a.json": {"resourceType": "MeasureReport", "id": "a"},
        "MeasureReport-invalid-b.json": {"resourceType": "MeasureReport", "id": "invalid-b"},
    }))}  # fmt: skip


def test_regression_report_shape(tmp_path):
    res = _resources(tmp_path)
    report = parse_report({
        "examples": [
            {"key": "MeasureReport/a", "status": "pass", "issues": []},
            {"file": "fsh-generated/resources/MeasureReport-invalid-b.json", "status": "fail",
             "problems": ["expected issue vbp-1 not raised"],
             "issues": [{"severity": "error", "text": "bad", "location": "MeasureReport.group", "line": 4,
                         "message_id": "Inv_Failed"}]},
        ],
        "coverage": {"profiles": [{"profile": "p", "examples": 2}]},
        "summary": {"result": "fail"},
    }, "report.json")  # fmt: skip
    a = report.for_resource(res["MeasureReport/a"])
    assert (a.status, a.verdict) == ("pass", True)
    b = report.for_resource(res["MeasureReport/invalid-b"])
    assert (b.status, b.errors, b.warnings, b.verdict) == ("fail", 1, 0, False)
    assert b.problems == ["expected issue vbp-1 not raised"] and b.issues[0].message == "bad"
    assert report.summary == {"result": "fail"}
    assert b.issues[0].location == "MeasureReport.group (line 4)" and b.issues[0].message_id == "Inv_Failed"
    assert report.coverage == {"profiles": [{"profile": "p", "examples": 2}]}


def test_validator_bundle_of_operation_outcomes(tmp_path):
    res = _resources(tmp_path)
    ext = "http://hl7.org/fhir/StructureDefinition/operationoutcome-"
    bundle = {"resourceType": "Bundle", "entry": [{"resource": {
        "resourceType": "OperationOutcome",
        "extension": [{"url": ext + "file", "valueString": "fsh-generated/resources/MeasureReport-a.json"}],
        "issue": [{"severity": "warning", "code": "invariant", "details": {"text": "dom-6"},
                   "expression": ["MeasureReport"],
                   "extension": [{"url": ext + "issue-line", "valueInteger": 1},
                                 {"url": ext + "message-id", "valueCode": "Inv_Failed"}]}]}}]}  # fmt: skip
    result = parse_report(bundle, "validator").for_resource(res["MeasureReport/a"])
    assert (result.status, result.warnings, result.issues[0].message) == ("valid", 1, "dom-6")
    assert parse_report(bundle, "validator").for_resource(res["MeasureReport/invalid-b"]) is None


def test_report_file(tmp_path):
    res = _resources(tmp_path)
    (tmp_path / ".igkit").mkdir()
    (tmp_path / ".igkit/test-report.json").write_text(
        json.dumps({"results": {"MeasureReport/a": {"issues": []}}})
    )
    report = load_validation(tmp_path, list(res.values()), None)
    assert report.source == ".igkit/test-report.json"
    assert report.for_resource(res["MeasureReport/a"]).status == "valid"
    (tmp_path / ".igkit/test-report.json").write_text("{broken")
    with pytest.raises(IgkitError, match="cannot be read"):
        load_validation(tmp_path, list(res.values()), None)
    with pytest.raises(IgkitError, match="no such validation report"):
        load_validation(tmp_path, [], tmp_path / "nope.json")


def test_coverage_rows():
    rows = coverage_rows({
        "http://x/StructureDefinition/b": {"type": "MeasureReport", "examples": ["MeasureReport/a"],
                                           "must_support": {"MeasureReport.status": {"valid": ["a"], "invalid": []},
                                                            "MeasureReport.date": {"valid": [], "invalid": ["c"]}},
                                           "gaps": [{"kind": "must-support", "item": "MeasureReport.date",
                                                     "missing": "valid", "fails": True}]},
        "http://x/StructureDefinition/a": {"type": "Extension", "examples": []},
    })  # fmt: skip
    assert [r.url for r in rows] == ["http://x/StructureDefinition/a", "http://x/StructureDefinition/b"]
    assert rows[1].tables[0] == ("Must-support", 2, 1, 1)
    assert rows[1].gaps == (("must-support MeasureReport.date: no valid example", True),)
    assert coverage_rows({"profiles": [1, 2]}) is None
