"""FHIR output of `igkit lan`: structure, the profiles' invariants (evaluated with fhirpathpy), determinism."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igkit.lan import fhir as lan_fhir
from igkit.lan.adoption import LineInput, compute
from igkit.lan.catalog import (
    ADOPTION_METRICS,
    ADOPTION_PROFILE,
    METRIC_SYSTEM,
    NOMINAL_RISK_PARAMETERS,
    NOMINAL_RISK_PROFILE,
    NOMINAL_RISK_SUMMARY_PROFILE,
    NUMERATORS,
    ContractType,
    LineOfBusiness,
    Role,
)
from igkit.lan.jsontext import dumps
from igkit.lan.nominal import Contract
from igkit.lan.run import FhirOptions, nominal_risk, report
from tests.lan.conftest import REPO
from tests.lan.fshinfo import as_decimal_json, failing, invariants, metric_concepts, value_set_codes

LAN = REPO / "input" / "lan"
SPEND_VALUES = ("commercial=1500000000", "medicare=900000000", "medicaid=400000000")
SPEND = tuple(arg for value in SPEND_VALUES for arg in ("--total-spend", value))


@pytest.fixture(scope="module")
def adoption_bundle():
    return as_decimal_json(
        report(LAN / "metrics.csv", "fhir", FhirOptions(date="2020-03-31", payer="Evergreen Health Plan"))
    )


@pytest.fixture(scope="module")
def nominal_bundle():
    return as_decimal_json(
        nominal_risk(LAN / "contracts.csv", SPEND_VALUES, "fhir", FhirOptions(period="2019-01-01/2019-12-31"))
    )


def group(resource, code):
    return next(g for g in resource["group"] if g["code"]["coding"][0]["code"] == code)


def test_adoption_bundle_structure(adoption_bundle):
    assert adoption_bundle["resourceType"] == "Bundle" and adoption_bundle["type"] == "collection"
    reports = [e["resource"] for e in adoption_bundle["entry"]]
    assert len(reports) == 3
    allowed = value_set_codes("LANAPMAdoptionMetricVS")
    assert len(allowed) == 19
    for entry, r in zip(adoption_bundle["entry"], reports):
        assert entry["fullUrl"].endswith(f"/MeasureReport/{r['id']}")
        assert r["meta"]["profile"] == [ADOPTION_PROFILE]
        assert (r["status"], r["type"], r["date"]) == ("complete", "summary", "2020-03-31")
        assert r["reporter"] == {"display": "Evergreen Health Plan"}
        assert r["text"]["div"].startswith('<div xmlns="http://www.w3.org/1999/xhtml">')
        codes = [g["code"]["coding"][0]["code"] for g in r["group"]]
        assert codes == [m.code for m in ADOPTION_METRICS] and set(codes) == allowed
        assert all(g["code"]["coding"][0]["system"] == METRIC_SYSTEM for g in r["group"])
        assert all(g["measureScore"]["code"] == "USD" for g in r["group"])
    lobs = [r["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] for r in reports]
    assert lobs == ["commercial", "medicare-advantage", "medicaid"]


SHORT_AND_OVER = """line_of_business,period_start,period_end,total_paid,legacy_payments,ffs_shared_risk
commercial,2019-01-01,2019-12-31,1000,500,20
medicaid,2019-01-01,2019-12-31,1000,900,200
"""


@pytest.fixture(scope="module")
def unbalanced_bundle(tmp_path_factory):
    path = tmp_path_factory.mktemp("lan") / "metrics.csv"
    path.write_text(SHORT_AND_OVER, encoding="utf-8")
    return as_decimal_json(report(path, "fhir", FhirOptions()))


def test_adoption_reports_satisfy_every_invariant_but_the_cross_check_warning(adoption_bundle):
    results = {
        r["extension"][0]["valueCodeableConcept"]["coding"][0]["code"]: failing("LANAdoptionReport.fsh", r)
        for r in (e["resource"] for e in adoption_bundle["entry"])
    }
    # the Medicaid worksheet leaves FFS dollars out: only the (warning) cross-check invariant fires
    assert results == {"commercial": set(), "medicare-advantage": set(), "medicaid": {"vbpr-lan-4"}}


def test_unbalanced_reports_only_raise_the_cross_check_warning(unbalanced_bundle):
    for entry in unbalanced_bundle["entry"]:
        assert failing("LANAdoptionReport.fsh", entry["resource"]) == {"vbpr-lan-4"}
    severities = {i.key: i.severity for i in invariants("LANAdoptionReport.fsh")}
    assert severities["vbpr-lan-4"] == "warning"
    assert {k for k, s in severities.items() if s == "error"} == {
        f"vbpr-lan-{n}" for n in (1, 2, 3, 5, 6, 7, 8)
    }


@pytest.mark.parametrize(
    "mutate,expected",
    [
        (
            lambda r: group(r, "category-2-total")["measureScore"].update(value=Decimal(1)),
            {"vbpr-lan-2", "vbpr-lan-3", "vbpr-lan-5"},
        ),
        (
            lambda r: group(r, "categories-3-4-total")["measureScore"].update(value=Decimal(1)),
            {"vbpr-lan-3", "vbpr-lan-5"},
        ),
        (
            lambda r: group(r, "ffs-shared-risk")["extension"][0]["valueQuantity"].update(value=Decimal(50)),
            {"vbpr-lan-5"},
        ),
        (lambda r: r["period"].update(end="2020-01-31"), {"vbpr-lan-7"}),
        (
            lambda r: r["extension"][1]["extension"][1]["valueCodeableConcept"]["coding"][0].update(
                code="numerators-below-total"
            ),
            {"vbpr-lan-8"},
        ),
        (lambda r: r["group"].pop(), {"vbpr-lan-1", "vbpr-lan-3"}),
    ],
)
def test_adoption_invariants_catch_mutations(adoption_bundle, mutate, expected):
    medicare = copy.deepcopy(adoption_bundle["entry"][1]["resource"])
    assert failing("LANAdoptionReport.fsh", medicare) == set()
    mutate(medicare)
    assert failing("LANAdoptionReport.fsh", medicare) == expected


def test_adoption_cross_check_extension(adoption_bundle, unbalanced_bundle):
    commercial, medicaid = (e["resource"]["extension"][1]["extension"] for e in unbalanced_bundle["entry"])
    assert commercial[0]["valueQuantity"]["value"] == Decimal(520)
    assert commercial[1]["valueCodeableConcept"]["coding"][0]["code"] == "numerators-below-total"
    assert medicaid[0]["valueQuantity"]["value"] == Decimal(1100)
    assert medicaid[1]["valueCodeableConcept"]["coding"][0]["code"] == "numerators-exceed-total"
    balanced = adoption_bundle["entry"][0]["resource"]["extension"][1]["extension"]
    assert balanced[1]["valueCodeableConcept"]["coding"][0]["code"] == "balanced"
    assert "fee-for-service" not in str(unbalanced_bundle)  # explanations are for text/json, not FHIR


def contract_reports(bundle):
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["meta"]["profile"] == [NOMINAL_RISK_PROFILE]
    ]


def summaries(bundle):
    return [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["meta"]["profile"] == [NOMINAL_RISK_SUMMARY_PROFILE]
    ]


def test_nominal_bundle_structure_and_invariants(nominal_bundle):
    reports = contract_reports(nominal_bundle)
    assert len(reports) == 7 and len(nominal_bundle["entry"]) == 10
    assert len({r["id"] for r in reports}) == 7
    allowed = value_set_codes("LANNominalRiskParameterVS")
    for r in reports:
        assert r["meta"]["profile"] == [NOMINAL_RISK_PROFILE]
        assert [g["code"]["coding"][0]["code"] for g in r["group"]] == [
            p.code for p in NOMINAL_RISK_PARAMETERS
        ]
        assert {g["code"]["coding"][0]["code"] for g in r["group"]} == allowed
        assert r["date"] == "2019-12-31"  # defaults to the end of the period
        assert failing("LANNominalRisk.fsh", r) == set(), r["id"]
    meets = {
        r["extension"][1]["valueIdentifier"]["value"]: r["extension"][3]["valueBoolean"] for r in reports
    }
    assert meets == {
        "Northside ACO": True,
        "Lakeview Physicians": True,
        "Riverbend Health Partners": False,
        "Summit Primary Care": True,
        "Harbor Medical Group": False,
        "Valley Community Health": False,
        "Eastside Clinics": False,
    }


@pytest.mark.parametrize(
    "mutate,expected",
    [
        (
            lambda r: r["extension"][3].update(valueBoolean=not r["extension"][3]["valueBoolean"]),
            {"vbpr-nr-3"},
        ),
        (lambda r: group(r, "net-risk")["measureScore"].update(value=Decimal(9)), {"vbpr-nr-2"}),
        (lambda r: group(r, "contract-total-dollars")["measureScore"].update(code="%"), {"vbpr-nr-4"}),
        (lambda r: r["period"].update(start="2019-02-01"), {"vbpr-nr-5"}),
        (lambda r: r["group"].pop(), {"vbpr-nr-1"}),
    ],
)
def test_nominal_invariants_catch_mutations(nominal_bundle, mutate, expected):
    northside = copy.deepcopy(contract_reports(nominal_bundle)[0])
    mutate(northside)
    assert failing("LANNominalRisk.fsh", northside) == expected


@pytest.mark.parametrize(
    "row,meets",
    [
        ("t,commercial,TCOC,4%,10%,30%,1", True),
        ("t,commercial,TCOC,4.01%,10%,30%,1", False),
        ("t,commercial,TCOC,4%,10%,29.99%,1", False),
        ("t,commercial,TCOC,4%,9.99%,30%,1", False),
        ("r,medicare,% Revenue,4%,20%,40%,1", True),
        ("r,medicare,% Revenue,4%,19.99%,40%,1", False),
    ],
)
def test_profile_threshold_agrees_with_the_tool_at_the_edges(contracts_csv, row, meets):
    text = nominal_risk(contracts_csv(row), SPEND_VALUES, "fhir", FhirOptions(period="2019-01-01/2019-12-31"))
    report = contract_reports(as_decimal_json(text))[0]
    assert report["extension"][3]["valueBoolean"] is meets
    assert failing("LANNominalRisk.fsh", report) == set()
    # and the invariant rejects the opposite verdict
    report["extension"][3]["valueBoolean"] = not meets
    assert failing("LANNominalRisk.fsh", report) == {"vbpr-nr-3"}


def test_fhir_output_is_deterministic(contracts_csv, igkit, tmp_path):
    path = contracts_csv("Same Name,commercial,TCOC,2%,10%,50%,1", "same name!,commercial,TCOC,2%,10%,50%,1")
    runs = [
        igkit(
            "lan",
            "nominal-risk",
            path,
            *SPEND,
            "--format",
            "fhir",
            "--period",
            "2019-01-01/2019-12-31",
            "--date",
            "2020-02-01",
        ).out
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    ids = [e["resource"]["id"] for e in json.loads(runs[0])["entry"]]
    assert ids[:2] == ["lan-nominal-risk-same-name", "lan-nominal-risk-same-name-2"]
    assert json.loads(runs[0])["entry"][0]["resource"]["date"] == "2020-02-01"
    assert "timestamp" not in json.loads(runs[0])


def test_codesystem_fsh_matches_the_catalog():
    concepts = metric_concepts()
    for metric in ADOPTION_METRICS:
        props = concepts[metric.code]
        assert props["Row"] == [str(metric.row)]
        assert props["Properties"][0].endswith(f", {metric.role.value}")
        assert props.get("Summand", []) == list(metric.summands)
        assert props.get("Framework", []) == list(metric.framework)
        if metric.role is Role.DERIVED:
            assert metric.summands
    for parameter in NOMINAL_RISK_PARAMETERS:
        assert concepts[parameter.code]["Properties"][0].endswith(", parameter")
    assert set(concepts) == {m.code for m in ADOPTION_METRICS} | {p.code for p in NOMINAL_RISK_PARAMETERS} | {
        "meets-nominal-risk",
        "nominal-risk-meets-dollars",
        "nominal-risk-not-meets-dollars",
    }
    assert concepts["nominal-risk-meets-dollars"]["Properties"][0].endswith(", summary")


def test_nominal_summaries(nominal_bundle):
    found = summaries(nominal_bundle)
    assert [s["id"] for s in found] == [
        f"lan-nominal-risk-summary-{lob}-2019-01-01"
        for lob in ("commercial", "medicare-advantage", "medicaid")
    ]
    allowed = value_set_codes("LANNominalRiskSummaryMetricVS")
    for summary in found:
        assert {g["code"]["coding"][0]["code"] for g in summary["group"]} == allowed
        assert failing("LANNominalRiskSummary.fsh", summary) == set(), summary["id"]
    commercial = found[0]
    assert group(commercial, "total-paid")["measureScore"]["value"] == Decimal(1500000000)
    assert group(commercial, "ffs-shared-risk")["measureScore"]["value"] == Decimal(70550000)
    assert group(commercial, "nominal-risk-meets-dollars")["measureScore"]["value"] == Decimal(60750000)
    assert group(commercial, "nominal-risk-meets-dollars")["extension"][0]["valueQuantity"][
        "value"
    ] == Decimal("4.05")
    ids = {r["id"] for r in contract_reports(nominal_bundle)}
    refs = [ref["reference"] for s in found for ref in s["evaluatedResource"]]
    assert sorted(refs) == sorted(f"MeasureReport/{i}" for i in ids)  # every contract, in its own line


@pytest.mark.parametrize(
    "mutate,expected",
    [
        (
            lambda r: group(r, "nominal-risk-meets-dollars")["measureScore"].update(value=Decimal(1)),
            {"vbpr-nrs-2", "vbpr-nrs-3"},
        ),
        (
            lambda r: group(r, "ffs-shared-risk")["extension"][0]["valueQuantity"].update(value=Decimal(1)),
            {"vbpr-nrs-3"},
        ),
        (lambda r: r["period"].update(end="2019-12-30"), {"vbpr-nrs-5"}),
        (lambda r: r["group"].pop(), {"vbpr-nrs-1", "vbpr-nrs-2"}),
    ],
)
def test_summary_invariants_catch_mutations(nominal_bundle, mutate, expected):
    summary = copy.deepcopy(summaries(nominal_bundle)[0])
    mutate(summary)
    assert failing("LANNominalRiskSummary.fsh", summary) == expected


def test_summary_only_for_lines_with_a_total_spend(contracts_csv):
    text = nominal_risk(
        contracts_csv("a,commercial,TCOC,2%,10%,50%,100"),
        ("commercial=0",),
        "fhir",
        FhirOptions(period="2019-01-01/2019-12-31"),
    )
    bundle = as_decimal_json(text)
    only = summaries(bundle)
    assert [s["id"] for s in only] == ["lan-nominal-risk-summary-commercial-2019-01-01"]
    assert not any("extension" in g for g in only[0]["group"])  # zero total spend: no percents
    assert failing("LANNominalRiskSummary.fsh", only[0]) == set()


def test_codings_use_the_code_system_displays(adoption_bundle, nominal_bundle):
    import re

    text = (REPO / "fsh" / "codesystems" / "LANMetrics.fsh").read_text(encoding="utf-8")
    displays = dict(re.findall(r'^\* #([a-z0-9-]+) "([^"]+)"', text, re.MULTILINE))
    for bundle in (adoption_bundle, nominal_bundle):
        for entry in bundle["entry"]:
            for g in entry["resource"]["group"]:
                coding = g["code"]["coding"][0]
                assert coding["display"] == displays[coding["code"]]


# ---- property tests: whatever the worksheet says, the tool's FHIR satisfies the profile ----------

_dollars = st.decimals(min_value=0, max_value=10**10, places=2)
# percentages, with the threshold values and their neighbours drawn often
_pct = st.one_of(
    st.sampled_from([Decimal(v) for v in ("0", "3", "4", "4.01", "8", "10", "29.99", "30", "100")]),
    st.decimals(min_value=0, max_value=100, places=3),
)
_context = lan_fhir.ReportContext(dt.date(2019, 1, 1), dt.date(2019, 12, 31))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(NUMERATORS), _dollars), st.one_of(st.none(), _dollars))
def test_any_adoption_report_meets_its_profile(models, total):
    numerator_sum = sum(models.values(), Decimal(0))
    total_paid = numerator_sum if total is None else total  # balanced, or any total
    report_ = compute(
        LineInput(LineOfBusiness.MEDICAID, dt.date(2019, 1, 1), dt.date(2019, 12, 31), total_paid, models)
    )
    resource = as_decimal_json(dumps(lan_fhir.adoption_report(report_, _context)))
    expected = set() if numerator_sum == total_paid else {"vbpr-lan-4"}
    assert failing("LANAdoptionReport.fsh", resource) == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pct, _pct, _pct, st.sampled_from(list(ContractType)), _dollars)
def test_any_contract_report_meets_its_profile(risk_min, risk_max, share, ctype, dollars):
    contract = Contract("c", LineOfBusiness.COMMERCIAL, ctype, risk_min, risk_max, share, dollars)
    resource = as_decimal_json(dumps(lan_fhir.nominal_risk_report(contract, "x", _context)))
    assert failing("LANNominalRisk.fsh", resource) == set()
    resource["extension"][3]["valueBoolean"] = not contract.meets
    assert failing("LANNominalRisk.fsh", resource) == {"vbpr-nr-3"}
