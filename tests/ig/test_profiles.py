"""Profiles, extensions, search parameters and capability statements in the compiled output."""

from __future__ import annotations

import re

import pytest

from .conftest import CANONICAL, CompiledIG
from .terminology import concept_map, properties

pytestmark = pytest.mark.slow

SD = f"{CANONICAL}/StructureDefinition"
PROFILES = {
    "vbp-measure": (
        "http://hl7.org/fhir/StructureDefinition/Measure",
        {"vbp-m-1", "vbp-m-2", "vbp-m-3", "vbp-m-4"},
    ),
    "vbp-performance-measurereport": (
        "http://hl7.org/fhir/StructureDefinition/MeasureReport",
        {f"vbp-mr-{i}" for i in range(1, 9)},
    ),
    "vbp-quality-measurereport": (
        "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/summary-measurereport-deqm",
        {"vbp-q-1", "vbp-q-2", "vbp-q-3"},
    ),
}
REQUIRED_BINDINGS = {  # extension id -> value set id bound (required) somewhere in it
    "line-of-business": "line-of-business",
    "apm-category": "hcp-lan-apm-framework",
    "payment-stream": "payment-stream",
    "report-kind": "report-kind",
    "reporting-cadence": "reporting-cadence",
    "vbp-period": "period-type",
    "quality-threshold": "threshold-type",
    "component-measure": "contractual-status",
}


def _declared_constraints(sd: dict) -> dict[str, dict]:
    return {c["key"]: c for e in sd["differential"]["element"] for c in e.get("constraint", [])}


@pytest.mark.parametrize("profile_id", sorted(PROFILES))
def test_profile_exists_with_invariants(compiled_ig: CompiledIG, profile_id: str) -> None:
    sd = compiled_ig.get("StructureDefinition", profile_id)
    base, keys = PROFILES[profile_id]
    assert sd["url"] == f"{SD}/{profile_id}"
    assert sd["baseDefinition"] == base
    constraints = _declared_constraints(sd)
    assert set(constraints) == keys
    for key, c in constraints.items():
        assert c["severity"] == "error", key
        assert c["expression"].strip() and c["human"].strip(), key
        # fhirpathpy returns only the first match of extension('url'); the guide uses where(url = ...)
        assert "extension('http" not in c["expression"], key
    assert any(e.get("mustSupport") for e in sd["differential"]["element"])


def test_extensions_have_precise_contexts(compiled_ig: CompiledIG) -> None:
    extensions = [sd for sd in compiled_ig.owned("StructureDefinition") if sd["type"] == "Extension"]
    assert len(extensions) >= 10
    for sd in extensions:
        assert sd["context"], sd["id"]
        for ctx in sd["context"]:
            assert ctx["type"] == "element"
            assert ctx["expression"] not in {"Element", "Resource", "DomainResource", "BackboneElement"}, sd[
                "id"
            ]
            assert ctx["expression"].split(".")[0] in {"Measure", "MeasureReport"}, sd["id"]


@pytest.mark.parametrize(("ext_id", "vs_id"), sorted(REQUIRED_BINDINGS.items()))
def test_coded_extensions_are_bound_required(compiled_ig: CompiledIG, ext_id: str, vs_id: str) -> None:
    sd = compiled_ig.get("StructureDefinition", ext_id)
    bindings = [e["binding"] for e in sd["differential"]["element"] if "binding" in e]
    assert {"strength": "required", "valueSet": f"{CANONICAL}/ValueSet/{vs_id}"} in [
        {"strength": b["strength"], "valueSet": b["valueSet"]} for b in bindings
    ]
    compiled_ig.get("ValueSet", vs_id)  # the bound value set exists


def test_search_parameters_and_capability_statements_agree(compiled_ig: CompiledIG) -> None:
    own_params = {sp["url"]: sp for sp in compiled_ig.owned("SearchParameter")}
    assert {sp["code"] for sp in own_params.values()} >= {
        "provider",
        "line-of-business",
        "payment-stream",
        "report-kind",
        "apm-category",
    }
    for sp in own_params.values():
        assert sp["expression"] and sp["base"] and sp["status"] == "active"
        for base in sp["base"]:
            assert base in sp["expression"], sp["id"]
    external = {  # definitions from the base spec and DEQM that the statements may reuse
        "http://hl7.org/fhir/us/davinci-deqm/SearchParameter/measurereport-category",
        "http://hl7.org/fhir/SearchParameter/MeasureReport-measure",
        "http://hl7.org/fhir/SearchParameter/MeasureReport-period",
        "http://hl7.org/fhir/SearchParameter/MeasureReport-status",
        "http://hl7.org/fhir/SearchParameter/Measure-url",
    }
    statements = {cs["id"]: cs for cs in compiled_ig.owned("CapabilityStatement")}
    assert set(statements) == {"vbpr-payer-server", "vbpr-provider-client"}
    assert statements["vbpr-payer-server"]["rest"][0]["mode"] == "server"
    assert statements["vbpr-provider-client"]["rest"][0]["mode"] == "client"
    used: dict[str, set[tuple[str, str, str]]] = {}
    for cs_id, cs in statements.items():
        for resource in cs["rest"][0]["resource"]:
            for param in resource.get("searchParam", []):
                definition = param["definition"]
                assert definition in own_params or definition in external, definition
                if definition in own_params:
                    sp = own_params[definition]
                    assert param["name"] == sp["code"] and param["type"] == sp["type"]
                    assert resource["type"] in sp["base"]
                used.setdefault(cs_id, set()).add((resource["type"], param["name"], definition))
    # server and client use the same parameters, and every parameter of the guide is used
    assert used["vbpr-payer-server"] == used["vbpr-provider-client"]
    assert set(own_params) <= {d for _, _, d in used["vbpr-payer-server"]}


def _metric_codes_by_value_type(compiled_ig: CompiledIG) -> dict[str, set[str]]:
    cs = compiled_ig.get("CodeSystem", "performance-metric")
    by_type: dict[str, set[str]] = {}
    for code, (concept, _) in concept_map(cs).items():
        props = properties(concept)
        if "value-type" in props:
            by_type.setdefault(props["value-type"][1], set()).add(code)
    return by_type


@pytest.mark.parametrize(("key", "value_type"), [("vbp-mr-6", "money"), ("vbp-mr-8", "percentage")])
def test_unit_invariants_list_exactly_the_metrics_of_their_value_type(
    compiled_ig: CompiledIG, key: str, value_type: str
) -> None:
    sd = compiled_ig.get("StructureDefinition", "vbp-performance-measurereport")
    expression = _declared_constraints(sd)[key]["expression"]
    listed = set(re.findall(r"code = '([a-z0-9-]+)'", expression))
    assert listed == _metric_codes_by_value_type(compiled_ig)[value_type]
