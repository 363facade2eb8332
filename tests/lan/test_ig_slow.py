"""The LAN part of the IG compiled with SUSHI and validated with `igkit validate` (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from igkit.lan.catalog import ADOPTION_METRICS, NOMINAL_RISK_PARAMETERS
from tests.lan.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def compiled(compiled_vbpr):
    """The IG compiled once per session (tests/conftest.py); returns its root."""
    root, result = compiled_vbpr
    lan_messages = [d.format() for d in result.diagnostics if d.file and "LAN" in d.file]
    assert result.errors == 0, result.log[-3000:]
    assert lan_messages == []
    return root


def _resource(root: Path, name: str) -> dict:
    return json.loads((root / "fsh-generated" / "resources" / name).read_text(encoding="utf-8"))


def test_implementation_guide_lists_the_generated_examples(compiled):
    ig = _resource(compiled, "ImplementationGuide-hl7.fhir.us.davinci-vbpr.json")
    entries = {r["reference"]["reference"]: r for r in ig["definition"]["resource"]}
    for path in sorted((REPO / "input" / "examples").glob("MeasureReport-lan-*.json")):
        resource = json.loads(path.read_text(encoding="utf-8"))
        entry = entries[f"MeasureReport/{resource['id']}"]
        assert entry["exampleCanonical"] == resource["meta"]["profile"][0]


def test_compiled_codesystem_matches_the_catalog(compiled):
    cs = _resource(compiled, "CodeSystem-lan-apm-metric.json")
    concepts = {c["code"]: c for c in cs["concept"]}
    for metric in ADOPTION_METRICS:
        props = concepts[metric.code]["property"]
        summands = [p["valueCode"] for p in props if p["code"] == "summand"]
        assert summands == list(metric.summands)
        assert [p["valueCode"] for p in props if p["code"] == "role"] == [metric.role.value]
    for parameter in NOMINAL_RISK_PARAMETERS:
        unit = [p["valueString"] for p in concepts[parameter.code]["property"] if p["code"] == "unit"]
        assert unit == [parameter.unit]


def _validate(root: Path, files: list[Path], igkit) -> dict[str, list[dict]]:
    """File name -> issues (severity, message id, text, expression) from `igkit validate`."""
    out = root / "validation.json"
    result = igkit("validate", "--load", root / "fsh-generated" / "resources", "--output", out, *files)
    assert out.exists(), result.err
    return _issues_from(out, default=files[0].name)


@pytest.fixture(scope="module")
def validator_ready():
    try:
        import igkit.validate.cli  # noqa: F401
    except ImportError:
        pytest.skip("igkit validate is not available")


def test_generated_fhir_output_validates(compiled, validator_ready, igkit, tmp_path):
    """The fhir output of both commands, and the IG's examples, have no error-level issue."""
    lan = REPO / "input" / "lan"
    bundles = []
    for args, name in (
        (
            (
                "lan",
                "report",
                lan / "metrics.csv",
                "--format",
                "fhir",
                "--payer",
                "Evergreen Health Plan",
                "--payer-ref",
                "Organization/evergreen-health-plan",
            ),
            "adoption.json",
        ),
        (
            (
                "lan",
                "nominal-risk",
                lan / "contracts.csv",
                "--total-spend",
                "commercial=1500000000",
                "--total-spend",
                "medicare=900000000",
                "--total-spend",
                "medicaid=400000000",
                "--format",
                "fhir",
                "--period",
                "2019-01-01/2019-12-31",
            ),
            "nominal.json",
        ),
    ):
        path = tmp_path / name
        assert igkit(*args, "--output", path).code == 0
        bundle = json.loads(path.read_text(encoding="utf-8"))
        for entry in bundle["entry"]:  # validate each resource on its own, like the IG's examples
            single = tmp_path / f"{entry['resource']['id']}.json"
            single.write_text(json.dumps(entry["resource"]), encoding="utf-8")
            bundles.append(single)
    examples = sorted((compiled / "input" / "examples").glob("MeasureReport-lan-*.json"))
    found = _validate(compiled, bundles + examples, igkit)
    assert len(found) == len(bundles) + len(examples)
    for name, issues in found.items():
        errors = [i for i in issues if i["severity"] in ("error", "fatal")]
        assert errors == [], f"{name}: {errors}"
        warnings = [i["text"][:40] for i in issues if i["severity"] == "warning"]
        if "adoption-medicaid" in name:  # the example that shows an explained cross-check difference
            assert len(warnings) == 1 and "vbpr-lan-4" in warnings[0]
        else:
            assert warnings == [], f"{name}: {warnings}"


def test_unbalanced_report_validates_with_the_cross_check_warning(compiled, validator_ready, igkit, tmp_path):
    metrics = tmp_path / "metrics.csv"
    metrics.write_text(
        "line_of_business,period_start,period_end,total_paid,legacy_payments\n"
        "medicaid,2019-01-01,2019-12-31,1000,999.99\n",
        encoding="utf-8",
    )
    bundle_path = tmp_path / "bundle.json"
    assert igkit("lan", "report", metrics, "--format", "fhir", "--output", bundle_path).code == 0
    resource = json.loads(bundle_path.read_text(encoding="utf-8"))["entry"][0]["resource"]
    single = tmp_path / "report.json"
    single.write_text(json.dumps(resource), encoding="utf-8")
    issues = _validate(compiled, [single], igkit)["report.json"]
    assert [i for i in issues if i["severity"] == "error"] == []
    warnings = [i["text"] for i in issues if i["severity"] == "warning"]
    assert len(warnings) == 1 and warnings[0].startswith("Constraint failed: vbpr-lan-4:")


EXPECTED = yaml.safe_load((REPO / "fsh" / "examples-invalid" / "LAN-expected-issues.yaml").read_text())


# Issues the HL7 validator reports but igkit's native validator does not check yet.
@pytest.fixture(scope="module")
def invalid_results(compiled, validator_ready):
    from igkit.cli import main  # the igkit fixture is function-scoped: call the CLI directly

    files = [
        compiled / "fsh-generated" / "resources" / ("-".join(key.split("/")) + ".json") for key in EXPECTED
    ]
    assert all(f.exists() for f in files)
    out = compiled / "invalid-validation.json"
    try:
        main(
            [
                "validate",
                "--load",
                str(compiled / "fsh-generated" / "resources"),
                "--output",
                str(out),
                *map(str, files),
            ]
        )
    except SystemExit:
        pass
    return _issues_from(out)


def _issues_from(out: Path, default: str = "") -> dict[str, list[dict]]:
    data = json.loads(out.read_text(encoding="utf-8"))
    outcomes = [e["resource"] for e in data["entry"]] if data["resourceType"] == "Bundle" else [data]
    found: dict[str, list[dict]] = {}
    for outcome in outcomes:
        file = next(
            (e["valueString"] for e in outcome.get("extension", []) if e["url"].endswith("-file")), default
        )  # one file validated: a single OperationOutcome, maybe without its name
        issues = []
        for issue in outcome.get("issue", []):
            ext = {e["url"].rsplit("-", 1)[-1]: e.get("valueCode") for e in issue.get("extension", [])}
            issues.append(
                {
                    "severity": issue["severity"],
                    "id": ext.get("id"),
                    "text": issue.get("details", {}).get("text", ""),
                    "expression": (issue.get("expression") or [""])[0],
                }
            )
        found[Path(file).name] = issues
    return found


@pytest.mark.parametrize("key", list(EXPECTED))
def test_invalid_example_raises_its_expected_issues(invalid_results, key):
    spec = EXPECTED[key]
    issues = invalid_results["-".join(key.split("/")) + ".json"]
    for want in spec["issues"]:
        if "invariant" in want:
            hits = [
                i
                for i in issues
                if i["severity"] == want["severity"] and f"{want['invariant']}:" in i["text"]
            ]
        else:
            hits = [i for i in issues if i["severity"] == want["severity"] and i["id"] == want["message-id"]]
        hits = [i for i in hits if i["expression"].startswith(want.get("location", ""))]
        assert hits, f"{key}: expected {want}, got {issues}"
    # and nothing else at error level than what is declared
    declared = len([w for w in spec["issues"] if w["severity"] == "error"])
    errors = [i for i in issues if i["severity"] == "error"]
    assert len(errors) == declared, f"{key}: {errors}"
