"""Examples: the guide compiles cleanly, valid examples obey every rule, each invalid example breaks its rule."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import fhirpathpy
import pytest
import yaml

from .conftest import CANONICAL, REPO, CompiledIG
from .rules import R4_MODEL, check_instance, collect_rules
from .terminology import concept_map, expand, properties

pytestmark = pytest.mark.slow

SD = f"{CANONICAL}/StructureDefinition"
MY_PROFILES = [f"{SD}/vbp-measure", f"{SD}/vbp-performance-measurereport", f"{SD}/vbp-quality-measurereport"]
BINDING_EXAMPLES = {  # invalid example -> the extension whose required binding it breaks
    "invalid-binding-line-of-business": "line-of-business",
    "invalid-binding-apm-category": "apm-category",
    "invalid-binding-payment-stream": "payment-stream",
    "invalid-binding-contractual-status": "component-measure",
    "invalid-binding-period-type": "vbp-period",
    "invalid-binding-report-kind": "report-kind",
    "invalid-binding-reporting-cadence": "reporting-cadence",
    "invalid-binding-threshold-type": "quality-threshold",
}


def _examples(ig: CompiledIG, *, valid: bool) -> list[dict[str, Any]]:
    out = []
    for rtype in ("Measure", "MeasureReport", "Organization"):
        for r in ig.owned(rtype):
            if r["id"].startswith("invalid-") != valid:
                out.append(r)
    return out


def _nodes(data: Any, url: str) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        if data.get("url") == url:
            yield data
        for value in data.values():
            yield from _nodes(value, url)
    elif isinstance(data, list):
        for item in data:
            yield from _nodes(item, url)


def _bound_codings(
    ig: CompiledIG, ext_id: str, instance: dict[str, Any]
) -> tuple[set[tuple[str, str]], list[dict]]:
    """The value set members an extension's required binding allows, and the codings the instance puts there."""
    sd = ig.get("StructureDefinition", ext_id)
    element = next(
        e for e in sd["differential"]["element"] if e.get("binding", {}).get("strength") == "required"
    )
    systems = {r["url"]: r for r in ig.by_type("CodeSystem")}
    members = expand(ig.canonical(element["binding"]["valueSet"]), systems)
    sub = re.match(r"Extension\.extension:([^.]+)\.value", element["id"])
    codings: list[dict] = []
    for node in _nodes(instance, sd["url"]):
        holders = [s for s in node.get("extension", []) if s["url"] == sub.group(1)] if sub else [node]
        for holder in holders:
            codings.extend(holder.get("valueCodeableConcept", {}).get("coding", []))
    return members, codings


def test_sushi_compiles_without_errors_or_warnings(compiled_ig: CompiledIG) -> None:
    assert (compiled_ig.errors, compiled_ig.warnings) == (0, 0), compiled_ig.log[-4000:]


def test_valid_examples_obey_every_invariant(compiled_ig: CompiledIG) -> None:
    rules = collect_rules(compiled_ig.resources)
    by_url = {r["url"]: r for r in compiled_ig.by_type("StructureDefinition")}
    valid = _examples(compiled_ig, valid=True)
    assert valid
    for instance in valid:
        assert check_instance(instance, rules, by_url) == [], instance["id"]


def test_invalid_examples_break_exactly_their_declared_invariant(
    compiled_ig: CompiledIG, expected_issues: dict[str, Any]
) -> None:
    rules = collect_rules(compiled_ig.resources)
    by_url = {r["url"]: r for r in compiled_ig.by_type("StructureDefinition")}
    for key, entry in expected_issues.items():
        rtype, rid = key.split("/")
        declared = {i["invariant"] for i in entry["issues"] if i.get("invariant", "").startswith("vbp-")}
        failures = check_instance(compiled_ig.get(rtype, rid), rules, by_url)
        assert {f.key for f in failures} == declared, key


def test_valid_examples_respect_required_bindings(compiled_ig: CompiledIG) -> None:
    for instance in _examples(compiled_ig, valid=True):
        for ext_id in set(BINDING_EXAMPLES.values()):
            members, codings = _bound_codings(compiled_ig, ext_id, instance)
            for coding in codings:
                assert (coding.get("system"), coding.get("code")) in members, (instance["id"], ext_id, coding)


@pytest.mark.parametrize(("example_id", "ext_id"), sorted(BINDING_EXAMPLES.items()))
def test_binding_examples_break_their_binding(
    compiled_ig: CompiledIG, expected_issues: dict[str, Any], example_id: str, ext_id: str
) -> None:
    key = next(k for k in expected_issues if k.endswith(f"/{example_id}"))
    assert [i.get("message-id") for i in expected_issues[key]["issues"]] == ["Terminology_TX_NoValid_1_CC"]
    instance = compiled_ig.get(key.split("/")[0], example_id)
    members, codings = _bound_codings(compiled_ig, ext_id, instance)
    assert codings, f"{example_id} does not use {ext_id}"
    assert any((c.get("system"), c.get("code")) not in members for c in codings)
    for other in set(BINDING_EXAMPLES.values()) - {ext_id}:
        other_members, other_codings = _bound_codings(compiled_ig, other, instance)
        assert all((c.get("system"), c.get("code")) in other_members for c in other_codings), other


def test_expected_issues_cover_every_invalid_example(
    compiled_ig: CompiledIG, expected_issues: dict[str, Any]
) -> None:
    invalid = {f"{r['resourceType']}/{r['id']}" for r in _examples(compiled_ig, valid=False)}
    assert invalid == set(expected_issues)
    invariant_keys = {
        c["key"]
        for sd in compiled_ig.owned("StructureDefinition")
        for e in sd["differential"]["element"]
        for c in e.get("constraint", [])
    }
    covered = {
        i["invariant"] for entry in expected_issues.values() for i in entry["issues"] if "invariant" in i
    }
    assert {k for k in covered if k.startswith("vbp-")} == invariant_keys  # a negative example per invariant
    for key, entry in expected_issues.items():
        assert key.split("/")[1].startswith("invalid-")
        assert entry["reason"] and entry["issues"]
        for issue in entry["issues"]:
            assert issue["severity"] == "error"
            assert ("invariant" in issue) != ("message-id" in issue), key


def test_each_profile_has_two_valid_examples(compiled_ig: CompiledIG) -> None:
    valid = _examples(compiled_ig, valid=True)
    for profile in MY_PROFILES:
        assert sum(profile in r.get("meta", {}).get("profile", []) for r in valid) >= 2, profile


def test_provider_organizations_are_us_core_with_npi(compiled_ig: CompiledIG) -> None:
    orgs = {r["id"]: r for r in _examples(compiled_ig, valid=True) if r["resourceType"] == "Organization"}
    referenced = set()
    for r in _examples(compiled_ig, valid=True):
        for node in _nodes(r, f"{SD}/provider-organization"):
            referenced.add(node["valueReference"]["reference"].split("/")[-1])
    assert len(referenced) >= 3 and referenced <= set(orgs)
    for org_id in referenced:
        org = orgs[org_id]
        assert (
            "http://hl7.org/fhir/us/core/StructureDefinition/us-core-organization" in org["meta"]["profile"]
        )
        npis = [i["value"] for i in org["identifier"] if i["system"] == "http://hl7.org/fhir/sid/us-npi"]
        assert len(npis) == 1 and _luhn_npi(npis[0]), org_id


def _luhn_npi(npi: str) -> bool:
    digits = [int(d) for d in "80840" + npi]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return len(npi) == 10 and total % 10 == 0


def _fhirpath_for(element_id: str, slice_urls: dict[str, str]) -> str:
    parts = element_id.split(".")
    out = [parts[0]]
    prefix = parts[0]
    for part in parts[1:]:
        prefix = f"{prefix}.{part}"
        name, _, slice_name = part.partition(":")
        name = name.replace("[x]", "")
        if slice_name and name == "extension":
            out.append(f"extension.where(url = '{slice_urls[prefix]}')")
        else:
            out.append(name)
    return ".".join(out)


@pytest.mark.parametrize("profile", MY_PROFILES)
def test_must_support_elements_appear_in_valid_examples(compiled_ig: CompiledIG, profile: str) -> None:
    sd = compiled_ig.canonical(profile)
    slice_urls = {
        e["id"]: e["type"][0]["profile"][0].split("|")[0]
        for e in sd["snapshot"]["element"]
        if e.get("sliceName") and e["path"].endswith(".extension") and e["type"][0].get("profile")
    }
    instances = [
        r for r in _examples(compiled_ig, valid=True) if profile in r.get("meta", {}).get("profile", [])
    ]
    for element in sd["differential"]["element"]:
        if not element.get("mustSupport"):
            continue
        expression = f"{_fhirpath_for(element['id'], slice_urls)}.exists()"
        assert any(fhirpathpy.evaluate(r, expression, {}, R4_MODEL) == [True] for r in instances), element[
            "id"
        ]


def test_must_support_sub_extensions_appear_in_valid_examples(compiled_ig: CompiledIG) -> None:
    valid = _examples(compiled_ig, valid=True)
    for sd in compiled_ig.owned("StructureDefinition"):
        if sd["type"] != "Extension":
            continue
        assert any(True for r in valid for _ in _nodes(r, sd["url"])), f"extension {sd['id']} is never used"
        for element in sd["differential"]["element"]:
            match = re.fullmatch(r"Extension\.extension:([^.]+)", element["id"])
            if match and element.get("mustSupport"):
                assert any(
                    s["url"] == match.group(1)
                    for r in valid
                    for node in _nodes(r, sd["url"])
                    for s in node.get("extension", [])
                ), element["id"]


def test_examples_page_counts_match(compiled_ig: CompiledIG) -> None:
    page = (REPO / "input" / "pagecontent" / "examples.md").read_text(encoding="utf-8")
    table = dict(
        re.findall(
            r"^\| (Profiles|Extensions|Code systems|Value sets|Search parameters|"
            r"Capability statements|Valid examples|Invalid examples) \| (\d+) \|$",
            page,
            re.MULTILINE,
        )
    )
    sds = compiled_ig.owned("StructureDefinition")
    actual = {
        "Profiles": sum(sd["type"] != "Extension" for sd in sds),
        "Extensions": sum(sd["type"] == "Extension" for sd in sds),
        "Code systems": len(compiled_ig.owned("CodeSystem")),
        "Value sets": len(compiled_ig.owned("ValueSet")),
        "Search parameters": len(compiled_ig.owned("SearchParameter")),
        "Capability statements": len(compiled_ig.owned("CapabilityStatement")),
        "Valid examples": len(_examples(compiled_ig, valid=True)),
        "Invalid examples": len(_examples(compiled_ig, valid=False)),
    }
    assert {k: int(v) for k, v in table.items()} == actual
    for key in _invalid_keys(compiled_ig):
        assert key.split("/")[1] in page, f"{key} is missing from examples.md"


def test_examples_page_lan_counts_match(compiled_ig: CompiledIG) -> None:
    page = (REPO / "input" / "pagecontent" / "examples.md").read_text(encoding="utf-8")
    table = dict(
        re.findall(
            r"^\| (LAN profiles|LAN extensions|LAN code systems|LAN value sets|LAN measures|"
            r"LAN valid examples|LAN invalid examples) \| (\d+) \|$",
            page,
            re.MULTILINE,
        )
    )
    sds = compiled_ig.lan("StructureDefinition")
    reports = [r for r in compiled_ig.lan("MeasureReport") if r["id"].startswith("invalid-")]
    lan_profiles = {sd["url"] for sd in sds if sd["type"] != "Extension"}
    valid = [r for r in compiled_ig.predefined if lan_profiles & set(r.get("meta", {}).get("profile", []))]
    actual = {
        "LAN profiles": len(lan_profiles),
        "LAN extensions": sum(sd["type"] == "Extension" for sd in sds),
        "LAN code systems": len(compiled_ig.lan("CodeSystem")),
        "LAN value sets": len(compiled_ig.lan("ValueSet")),
        "LAN measures": len(compiled_ig.lan("Measure")),
        "LAN valid examples": len(valid),
        "LAN invalid examples": len(reports),
    }
    assert {k: int(v) for k, v in table.items()} == actual
    assert len(valid) == len(compiled_ig.predefined)  # every generated example conforms to a LAN profile
    for report in reports:
        assert f"[{report['id']}](MeasureReport-{report['id']}.html)" in page, report["id"]
    lan_expected = yaml.safe_load(
        (REPO / "fsh" / "examples-invalid" / "LAN-expected-issues.yaml").read_text(encoding="utf-8")
    )
    assert {f"MeasureReport/{r['id']}" for r in reports} == set(lan_expected)


def _invalid_keys(ig: CompiledIG) -> set[str]:
    return {f"{r['resourceType']}/{r['id']}" for r in _examples(ig, valid=False)}


def test_metric_values_use_the_unit_their_code_prescribes(compiled_ig: CompiledIG) -> None:
    cs = compiled_ig.get("CodeSystem", "performance-metric")
    units = {}
    for code, (concept, _) in concept_map(cs).items():
        props = properties(concept)
        if "unit" in props:
            units[code] = (props["unit-system"], props["unit"])
    checked = 0
    for report in _examples(compiled_ig, valid=True):
        if f"{SD}/vbp-performance-measurereport" not in report.get("meta", {}).get("profile", []):
            continue
        for group in report["group"]:
            (coding,) = [c for c in group["code"]["coding"] if c["system"] == cs["url"]]
            quantities = [group["measureScore"]] + [
                e["valueQuantity"]
                for e in group.get("extension", [])
                if e["url"] in {f"{SD}/metric-baseline", f"{SD}/metric-target", f"{SD}/performance-gap"}
            ]
            quantities += [s["measureScore"] for st in group.get("stratifier", []) for s in st["stratum"]]
            for quantity in quantities:
                assert (quantity["system"], quantity["code"]) == units[coding["code"]], (report["id"], coding)
                checked += 1
    assert checked > 30
