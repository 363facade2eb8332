"""The guide's terminology, checked in the compiled JSON: codes, hierarchy, properties and value sets."""

from __future__ import annotations

import pytest

from .conftest import CANONICAL, CompiledIG
from .terminology import concept_map, expand, properties

pytestmark = pytest.mark.slow

HCPLAN = "http://terminology.hl7.org/CodeSystem/hcp-lan-apm-framework"
# code -> parent code (None for the four categories), as fixed in notes/ig-shared.md
HCPLAN_TREE = {
    "1": None,
    "2": None,
    "3": None,
    "4": None,
    "2A": "2",
    "2B": "2",
    "2C": "2",
    "3A": "3",
    "3B": "3",
    "3N": "3",
    "4A": "4",
    "4B": "4",
    "4C": "4",
    "4N": "4",
    "legacy-payments": "1",
    "foundational-spending": "2A",
    "ffs-pay-for-performance": "2C",
    "traditional-shared-savings": "3A",
    "utilization-shared-savings": "3A",
    "ffs-shared-risk": "3B",
    "procedure-bundles": "3B",
    "condition-population-payments": "4A",
    "condition-bundles": "4A",
    "population-payments": "4B",
    "premium-based-payments": "4B",
    "integrated-finance-delivery": "4C",
}
RISK_TYPES = {"none", "upside", "two-sided", "full"}


def _cs(ig: CompiledIG, cs_id: str) -> dict:
    return ig.get("CodeSystem", cs_id)


def test_hcplan_codes_and_hierarchy(compiled_ig: CompiledIG) -> None:
    cs = _cs(compiled_ig, "hcp-lan-apm-framework")
    assert cs["url"] == HCPLAN
    assert cs["hierarchyMeaning"] == "is-a"
    concepts = concept_map(cs)
    assert set(concepts) == set(HCPLAN_TREE)
    for code, parent in HCPLAN_TREE.items():
        _, parents = concepts[code]
        assert (parents[-1] if parents else None) == parent, code
        assert concepts[code][0].get("definition"), f"{code} has no definition"


def test_hcplan_properties(compiled_ig: CompiledIG) -> None:
    concepts = concept_map(_cs(compiled_ig, "hcp-lan-apm-framework"))
    risk_system = f"{CANONICAL}/CodeSystem/apm-risk-type"
    risk_codes = set(concept_map(_cs(compiled_ig, "apm-risk-type")))
    assert risk_codes == RISK_TYPES
    for code, (concept, parents) in concepts.items():
        props = properties(concept)
        for name in ("linked-to-quality", "assumed-nominal-risk", "nominal-risk-test-required"):
            assert isinstance(props.get(name), bool), f"{code} lacks boolean {name}"
        if code != "3":  # category 3 mixes upside-only and two-sided subcategories
            system, risk = props["risk-type"]
            assert system == risk_system and risk in risk_codes, code
        # no concept is both assumed to meet nominal risk and subject to the test
        assert not (props["assumed-nominal-risk"] and props["nominal-risk-test-required"]), code
        in_cat4 = code == "4" or "4" in parents
        assert props["assumed-nominal-risk"] == (in_cat4 or code == "procedure-bundles"), code
    test_required = {
        c for c, (concept, _) in concepts.items() if properties(concept)["nominal-risk-test-required"]
    }
    assert test_required == {"ffs-shared-risk"}
    not_linked = {c for c, (concept, _) in concepts.items() if not properties(concept)["linked-to-quality"]}
    assert not_linked == {"1", "legacy-payments", "3N", "4N"}
    assert properties(concepts["ffs-shared-risk"][0])["risk-type"][1] == "two-sided"
    assert properties(concepts["traditional-shared-savings"][0])["risk-type"][1] == "upside"


REQUIRED_METRICS = {
    "pmpm-total",
    "pmpm-medical",
    "pmpm-pharmacy",
    "cost-target-pmpm",
    "cost-benchmark",
    "medical-loss-ratio",
    "member-months",
    "attributed-members",
    "ibnr",
    "shared-savings-earned",
    "shared-loss-owed",
    "capitation-paid",
    "incentive-payment",
    "quality-bonus",
    "inpatient-admits-per-1000",
    "ed-visits-per-1000",
    "readmission-rate",
    "star-rating",
    "quality-score",
}
UNIT_SYSTEMS = {"urn:iso:std:iso:4217", "http://unitsofmeasure.org"}


def test_performance_metrics_have_type_unit_and_aggregation(compiled_ig: CompiledIG) -> None:
    cs = _cs(compiled_ig, "performance-metric")
    concepts = concept_map(cs)
    value_types = set(concept_map(_cs(compiled_ig, "metric-value-type")))
    aggregations = set(concept_map(_cs(compiled_ig, "metric-aggregation")))
    assert value_types == {"money", "decimal", "integer", "percentage", "count"}
    assert aggregations == {"sum", "average", "weighted-average", "rate", "none"}
    selectable = {
        c: concept for c, (concept, _) in concepts.items() if not properties(concept).get("notSelectable")
    }
    assert REQUIRED_METRICS <= set(selectable)
    for code, concept in selectable.items():
        props = properties(concept)
        vt_system, value_type = props["value-type"]
        agg_system, aggregation = props["aggregation"]
        assert vt_system == f"{CANONICAL}/CodeSystem/metric-value-type" and value_type in value_types, code
        assert agg_system == f"{CANONICAL}/CodeSystem/metric-aggregation" and aggregation in aggregations, (
            code
        )
        assert props["unit-system"] in UNIT_SYSTEMS, code
        assert props["unit"], code
        if value_type == "money":
            assert (props["unit-system"], props["unit"]) == ("urn:iso:std:iso:4217", "USD"), code
        else:
            assert props["unit-system"] == "http://unitsofmeasure.org", code
        if value_type == "percentage":
            assert props["unit"] == "%", code
    # the value set offers exactly the selectable metrics
    systems = {r["url"]: r for r in compiled_ig.by_type("CodeSystem")}
    members = expand(compiled_ig.get("ValueSet", "performance-metric"), systems)
    assert members == {(cs["url"], c) for c in selectable}


@pytest.mark.parametrize(
    ("cs_id", "codes"),
    [
        ("line-of-business", {"commercial", "medicare-advantage", "medicaid", "medicare-ffs"}),
        (
            "period-type",
            {"contract", "performance", "reporting", "service", "payment", "runout", "settlement"},
        ),
        ("report-kind", {"interim", "preliminary", "final", "reconciliation", "restated"}),
        ("reporting-cadence", {"monthly", "quarterly", "year-to-date", "annual", "ad-hoc"}),
        (
            "threshold-type",
            {"star-level", "hedis-percentile", "target", "benchmark", "minimum", "improvement"},
        ),
        ("contractual-status", {"contractual", "pay-for-reporting", "informational", "gate"}),
    ],
)
def test_code_system_codes(compiled_ig: CompiledIG, cs_id: str, codes: set[str]) -> None:
    cs = _cs(compiled_ig, cs_id)
    assert cs["url"] == f"{CANONICAL}/CodeSystem/{cs_id}"
    concepts = concept_map(cs)
    assert set(concepts) == codes
    assert all(c.get("display") and c.get("definition") for c, _ in concepts.values())


def test_payment_streams_exclude_grouping_concepts(compiled_ig: CompiledIG) -> None:
    systems = {r["url"]: r for r in compiled_ig.by_type("CodeSystem")}
    cs = _cs(compiled_ig, "payment-stream")
    members = {code for _, code in expand(compiled_ig.get("ValueSet", "payment-stream"), systems)}
    assert {"base-payment", "incentive"}.isdisjoint(members)
    assert {
        "fee-for-service",
        "capitation",
        "shared-savings",
        "shared-loss",
        "pay-for-performance",
    } <= members
    flows = {
        code: properties(c).get("flows-to-payer")
        for code, (c, _) in concept_map(cs).items()
        if code in members
    }
    assert {c for c, to_payer in flows.items() if to_payer} == {"shared-loss", "quality-withhold"}


def test_every_owned_code_system_has_a_value_set(compiled_ig: CompiledIG) -> None:
    included = {
        inc["system"]
        for vs in compiled_ig.by_type("ValueSet")
        for inc in vs.get("compose", {}).get("include", [])
    }
    for cs in compiled_ig.owned("CodeSystem"):
        assert cs["url"] in included, f"no value set includes {cs['url']}"
        assert cs["status"] == "active" and cs["content"] == "complete"
