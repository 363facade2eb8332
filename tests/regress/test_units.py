"""Unit tests of the parts of `igkit test`: declarations, matching, output parsing, diffs, coverage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from igkit.errors import IgkitError
from igkit.regress.artifacts import summarize, summary_diff
from igkit.regress.coverage import Profile, Walker, coverage
from igkit.regress.declarations import load_allowlist, load_expectations
from igkit.regress.engine import split_output
from igkit.regress.inputs import load_inputs
from igkit.regress.model import Issue, IssuePattern, invariant_key_of, location_matches

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


# --- matching ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern, location, expected",
    [
        ("MeasureReport.group", "MeasureReport.group[0].measureScore", True),
        ("MeasureReport.group", "MeasureReport.groupX", False),
        ("MeasureReport.group[1]", "MeasureReport.group[0].measureScore", False),
        ("MeasureReport.group[0]", "MeasureReport.group[0].measureScore", True),
        ("", "anything", True),
        ("MeasureReport", "MeasureReport", True),
    ],
)
def test_location_prefix(pattern: str, location: str, expected: bool) -> None:
    assert location_matches(pattern, location) is expected


def test_invariant_key_from_message_id_or_text() -> None:
    assert invariant_key_of("Inv_Failed", "Constraint failed: vbpr-lan-2: 'Totals'") == "vbpr-lan-2"
    assert invariant_key_of("vbp-mr-1", "whatever") == "vbp-mr-1"
    assert invariant_key_of("Terminology_TX_NoValid_1_CC", "None of the codings") == ""


def test_error_pattern_also_matches_fatal() -> None:
    issue = Issue("fatal", "invalid", "", "Unable to parse", "PARSE_FAILURE")
    assert IssuePattern(severity="error", message_id="PARSE_FAILURE").matches(issue)
    assert not IssuePattern(severity="warning", message_id="PARSE_FAILURE").matches(issue)


# --- declarations ------------------------------------------------------------------------------


def test_expectation_problems_name_file_and_line(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "fsh/examples-invalid/expected-issues.yaml",
        "MeasureReport/invalid-a:\n  reason: r\n  issues:\n    - severity: eror\n      invariant: x-1\n"
        "MeasureReport/not-invalid:\n  reason: r\n  issues:\n    - severity: error\n      msg: typo\n",
    )
    with pytest.raises(IgkitError) as exc:
        load_expectations(tmp_path)
    text = str(exc.value)
    assert "fsh/examples-invalid/expected-issues.yaml:4: 'severity' must be one of" in text
    assert (
        "expected-issues.yaml:6: 'MeasureReport/not-invalid': ids of invalid examples must start with" in text
    )
    assert "expected-issues.yaml:10: unknown field 'msg'" in text
    assert "expected-issues.yaml:9: each issue needs 'message-id' or 'invariant'" in text


def test_expectation_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    _write(tmp_path, "fsh/examples-invalid/LAN-expected-issues.yaml", "a:\n  b: [1,\n")
    with pytest.raises(IgkitError, match=r"LAN-expected-issues.yaml:\d+: not valid YAML"):
        load_expectations(tmp_path)


def test_expectations_from_several_files(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "fsh/examples-invalid/expected-issues.yaml",
        "MeasureReport/invalid-a:\n  reason: r\n  issues:\n    - severity: error\n      invariant: x-1\n",
    )
    _write(
        tmp_path,
        "fsh/examples-invalid/LAN-expected-issues.yaml",
        "MeasureReport/invalid-b:\n  reason: r\n  issues:\n    - severity: warning\n"
        "      message-id: M\n      location: MeasureReport.group\n      count: 2\n",
    )
    found = load_expectations(tmp_path)
    assert sorted(found) == ["MeasureReport/invalid-a", "MeasureReport/invalid-b"]
    b = found["MeasureReport/invalid-b"].issues[0]
    assert (b.pattern.severity, b.pattern.message_id, b.pattern.location, b.count) == (
        "warning",
        "M",
        "MeasureReport.group",
        2,
    )
    assert str(b.where) == "fsh/examples-invalid/LAN-expected-issues.yaml:4"


def test_allowlist_refuses_errors_and_needs_reasons(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "input/warnings-allowlist.yaml",
        '"*":\n  - message-id: A\n    severity: error\n    reason: r\n  - message-id: B\n',
    )
    with pytest.raises(IgkitError) as exc:
        load_allowlist(tmp_path)
    assert "warnings-allowlist.yaml:3: errors cannot be allow-listed" in str(exc.value)
    assert "warnings-allowlist.yaml:5: missing required field 'reason'" in str(exc.value)


# --- validator output --------------------------------------------------------------------------


def _oo(text: str, file: str | None = None) -> dict:
    oo: dict = {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "warning",
                "code": "business-rule",
                "details": {"text": text},
                "expression": ["Patient.name[0]"],
                "extension": [
                    {
                        "url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line",
                        "valueInteger": 7,
                    }
                ],
            }
        ],
    }
    if file:
        oo["extension"] = [
            {"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-file", "valueString": file}
        ]
    return oo


def test_bundle_entries_are_matched_by_file_not_order(tmp_path: Path) -> None:
    doc = {
        "resourceType": "Bundle",
        "entry": [
            {"resource": _oo("second", f"{tmp_path}/b.json")},
            {"resource": _oo(f"first at {tmp_path}/a.json", "a.json")},
        ],
    }
    out = split_output(doc, ["a.json", "b.json"], tmp_path, "igkit")
    assert [i.text for i in out["a.json"]] == ["first at a.json"]  # absolute path removed
    assert out["b.json"][0].line == 7 and out["b.json"][0].location == "Patient.name[0]"


def test_all_ok_placeholder_is_not_an_issue(tmp_path: Path) -> None:
    doc = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "information", "code": "informational", "details": {"text": "All OK"}}],
    }
    assert split_output(doc, ["x.json"], tmp_path, "java") == {"x.json": []}


def test_bundle_without_an_outcome_for_a_file_is_an_error(tmp_path: Path) -> None:
    doc = {"resourceType": "Bundle", "entry": [{"resource": _oo("x", "a.json")}]}
    with pytest.raises(IgkitError, match="no outcome for b.json"):
        split_output(doc, ["a.json", "b.json"], tmp_path, "igkit")


# --- artifact summaries ------------------------------------------------------------------------


def test_code_system_and_value_set_diffs_are_readable() -> None:
    cs = {
        "resourceType": "CodeSystem",
        "id": "c",
        "url": "u",
        "content": "complete",
        "concept": [{"code": "2", "display": "Two", "concept": [{"code": "2A", "display": "Two A"}]}],
    }
    changed = json.loads(json.dumps(cs))
    changed["concept"][0]["concept"][0]["display"] = "Two a"
    changed["concept"].append({"code": "3", "display": "Three"})
    assert summary_diff(summarize(cs), summarize(changed)) == [
        'concept 2A: display "Two A" -> "Two a"',
        "concept 3: added (display Three)",
    ]
    vs = {
        "resourceType": "ValueSet",
        "id": "v",
        "url": "vu",
        "compose": {"include": [{"system": "s", "concept": [{"code": "a"}]}]},
    }
    vs2 = {
        "resourceType": "ValueSet",
        "id": "v",
        "url": "vu",
        "compose": {
            "include": [{"system": "s", "filter": [{"property": "concept", "op": "is-a", "value": "2"}]}]
        },
    }
    assert summary_diff(summarize(vs), summarize(vs2)) == [
        'include s: concepts {"a":""} -> (none)',
        "include s: filters (none) -> [concept is-a 2]",
    ]


def test_summary_is_stable_for_the_fixture_profile() -> None:
    sd = json.loads(
        (FIXTURE / "fsh-generated/resources/StructureDefinition-fixture-observation.json").read_text()
    )
    s = summarize(sd)
    diff = s["sections"]["differential"]
    assert diff["Observation.subject"] == {"min": 1, "mustSupport": True}
    assert (
        diff["Observation.method"]["binding"]
        == "required http://example.org/fhir/regress/ValueSet/fixture-vs"
    )
    assert "fx-1" in s["sections"]["snapshot"]["Observation"]["constraints"]
    assert summary_diff(s, summarize(sd)) == []


# --- coverage ----------------------------------------------------------------------------------


def test_walker_recognises_choices_slices_and_extensions() -> None:
    sd = json.loads(
        (FIXTURE / "fsh-generated/resources/StructureDefinition-fixture-observation.json").read_text()
    )
    w = Walker(Profile.from_sd(sd))
    w.walk(
        {
            "resourceType": "Observation",
            "valueQuantity": {"value": 1},
            "extension": [
                {
                    "url": "http://example.org/fhir/regress/StructureDefinition/fixture-colour",
                    "valueString": "red",
                },
                {"url": "http://other", "valueString": "x"},
            ],
            "component": [
                {"code": {"coding": [{"system": "http://loinc.org", "code": "1-1"}]}},
                {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}},
            ],
        },
        "Observation",
        "Observation",
    )
    assert {
        "Observation.value[x]",
        "Observation.value[x]:valueQuantity",
        "Observation.extension:colour",
        "Observation.component:systolic",
        "Observation.component:systolic.code",
    } <= w.present
    assert w.at["Observation.component[1]"] == {"Observation.component", "Observation.component:systolic"}
    assert w.at["Observation.component[0]"] == {"Observation.component"}
    assert w.at["Observation.extension[1]"] == {"Observation.extension"}


def test_fixture_coverage_has_no_gaps_and_counts_invalid_examples() -> None:
    inputs = load_inputs(FIXTURE)
    structures = [r.data for r in inputs.artifacts if r.data["resourceType"] == "StructureDefinition"]
    cov = coverage(structures, inputs.examples, load_expectations(FIXTURE))
    obs = cov["http://example.org/fhir/regress/StructureDefinition/fixture-observation"]
    assert obs["gaps"] == []
    assert obs["invariants"]["fx-1"] == {
        "element": "Observation",
        "valid": ["Observation/obs-1"],
        "invalid": ["Observation/invalid-obs-negative", "Observation/invalid-obs-nosubject"],
    }
    assert obs["must_support"]["Observation.subject"]["valid"] == ["Observation/obs-1"]
    assert obs["must_support"]["Observation.subject"]["invalid"] == []  # declared at Observation, not subject
    colour = cov["http://example.org/fhir/regress/StructureDefinition/fixture-colour"]
    assert colour["examples"] == ["Observation/obs-1"]


def test_unused_must_support_element_is_a_failing_gap() -> None:
    inputs = load_inputs(FIXTURE)
    for ex in inputs.examples:
        ex.data.pop("method", None)
    structures = [r.data for r in inputs.artifacts if r.data["resourceType"] == "StructureDefinition"]
    cov = coverage(structures, inputs.examples, load_expectations(FIXTURE))
    gaps = cov["http://example.org/fhir/regress/StructureDefinition/fixture-observation"]["gaps"]
    assert gaps == [{"kind": "must-support", "item": "Observation.method", "missing": "valid", "fails": True}]


def test_examples_are_what_the_ig_lists_plus_input_examples(mini: Path) -> None:
    obs = json.loads((mini / "fsh-generated/resources/Observation-obs-1.json").read_text())
    obs["id"] = "obs-extra"  # written after the last compile: not in the ImplementationGuide resource
    (mini / "input/examples/Observation-obs-extra.json").write_text(json.dumps(obs))
    inputs = load_inputs(mini)
    assert [e.key for e in inputs.examples] == [
        "Observation/invalid-obs-negative",
        "Observation/invalid-obs-nosubject",
        "Observation/obs-1",
        "Observation/obs-extra",
    ]
    assert [a.key for a in inputs.artifacts] == [
        "CodeSystem/fixture-codes",
        "StructureDefinition/fixture-colour",
        "StructureDefinition/fixture-observation",
        "ValueSet/fixture-vs",
    ]
    extra = inputs.examples[-1]
    assert (extra.file, extra.source) == ("input/examples/Observation-obs-extra.json", "")
    assert inputs.examples[2].source == "fsh/examples/Observations.fsh:1"


def test_the_same_resource_twice_is_refused(mini: Path) -> None:
    obs = (mini / "fsh-generated/resources/Observation-obs-1.json").read_text()
    (mini / "input/examples/copy.json").write_text(obs)
    with pytest.raises(IgkitError, match=r"input/examples/copy.json: Observation/obs-1 is defined twice"):
        load_inputs(mini)


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_single_cardinality_change_is_one_readable_line(data) -> None:
    sd = json.loads(
        (FIXTURE / "fsh-generated/resources/StructureDefinition-fixture-observation.json").read_text()
    )
    before = summarize(sd)
    elements = sd["snapshot"]["element"]
    n = data.draw(st.integers(0, len(elements) - 1))
    element = elements[n]
    new_min = data.draw(st.integers(0, 5).filter(lambda m: m != element.get("min")))
    old_min = element.get("min")
    element["min"] = new_min
    in_diff = [e for e in sd["differential"]["element"] if e["id"] == element["id"]]
    for e in in_diff:
        e["min"] = new_min
    label = "" if in_diff else "snapshot "
    old_text = str(old_min) if old_min is not None else "(none)"
    if in_diff and "min" not in before["sections"]["differential"][element["id"]]:
        old_text = f"{old_min} (inherited)"
    assert summary_diff(before, summarize(sd)) == [f"{label}{element['id']}: min {old_text} -> {new_min}"]


def test_invalid_examples_are_placed_by_the_issues_that_met_their_declarations(tmp_path: Path) -> None:
    inputs = load_inputs(FIXTURE)
    structures = [r.data for r in inputs.artifacts if r.data["resourceType"] == "StructureDefinition"]
    bad = next(e for e in inputs.examples if e.id == "invalid-obs-negative")
    bad.data = {
        **bad.data,
        "extension": [
            {"url": "http://other", "valueString": "x"},
            {"url": "http://example.org/fhir/regress/StructureDefinition/fixture-colour", "valueString": ""},
        ],
    }
    _write(
        tmp_path,
        "fsh/examples-invalid/expected-issues.yaml",
        "Observation/invalid-obs-negative:\n  reason: r\n  issues:\n    - severity: error\n"
        "      message-id: Type_Value_Empty\n      location: Observation.extension\n",
    )
    expectations = load_expectations(tmp_path)
    url = "http://example.org/fhir/regress/StructureDefinition/fixture-observation"
    met = Issue("error", "invalid", "Observation.extension[1].valueString", "empty", "Type_Value_Empty")
    cov = coverage(structures, inputs.examples, expectations, {bad.key: [met]})
    assert cov[url]["extensions"]["Observation.extension:colour"]["invalid"] == [bad.key]
    elsewhere = Issue("error", "invalid", "Observation.extension[0].valueString", "empty", "Type_Value_Empty")
    cov = coverage(structures, inputs.examples, expectations, {bad.key: [elsewhere]})
    obs = cov[url]
    assert obs["extensions"]["Observation.extension:colour"]["invalid"] == []
    assert obs["must_support"]["Observation.status"]["invalid"] == []
    declared_only = coverage(structures, inputs.examples, expectations)  # no findings: the declared location
    assert declared_only["http://example.org/fhir/regress/StructureDefinition/fixture-observation"][
        "extensions"
    ]["Observation.extension:colour"]["invalid"] == [bad.key]
