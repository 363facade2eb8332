"""FHIR R4 resources for the LAN profiles: LAN APM Adoption Report and LAN Nominal Risk.

Builders are pure functions of their input (no clock): the report date is given or defaults to
the end of the reporting period, so the same input gives byte-identical output.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from igkit.lan.adoption import LineReport
from igkit.lan.catalog import (
    ADOPTION_MEASURE,
    ADOPTION_METRICS,
    ADOPTION_PROFILE,
    CANONICAL,
    CONTRACT_TYPE_SYSTEM,
    CROSS_CHECK_SYSTEM,
    EXT_CONTRACT,
    EXT_CONTRACT_TYPE,
    EXT_CROSS_CHECK,
    EXT_LINE_OF_BUSINESS,
    EXT_MEETS_NOMINAL_RISK,
    EXT_PERCENT_OF_TOTAL,
    ISO4217,
    LOB_SYSTEM,
    METRIC_SYSTEM,
    NOMINAL_RISK_MEASURE,
    NOMINAL_RISK_PARAMETERS,
    NOMINAL_RISK_PROFILE,
    NOMINAL_RISK_SUMMARY_GROUPS,
    NOMINAL_RISK_SUMMARY_MEASURE,
    NOMINAL_RISK_SUMMARY_PROFILE,
    UCUM,
    LineOfBusiness,
)
from igkit.lan.nominal import Contract, LineSummary

PERCENT_PLACES = Decimal("0.0001")  # percents of total are rounded to 4 decimals (trailing zeros dropped)


@dataclass(frozen=True)
class ReportContext:
    """What a report needs besides the numbers: the period, the report date and the payer."""

    period_start: dt.date
    period_end: dt.date
    date: dt.date | None = None
    payer: str | None = None  # display name of the reporting payer
    payer_ref: str | None = None  # literal reference to its Organization, e.g. Organization/acme

    @property
    def report_date(self) -> str:
        return (self.date or self.period_end).isoformat()


def money(value: Decimal) -> dict[str, Any]:
    return {"value": value, "unit": "USD", "system": ISO4217, "code": "USD"}


def percent(value: Decimal) -> dict[str, Any]:
    return {"value": value, "unit": "%", "system": UCUM, "code": "%"}


def coding(system: str, code: str, display: str) -> dict[str, Any]:
    return {"system": system, "code": code, "display": display}


def line_of_business_extension(lob: LineOfBusiness) -> dict[str, Any]:
    return {
        "url": EXT_LINE_OF_BUSINESS,
        "valueCodeableConcept": {"coding": [coding(LOB_SYSTEM, lob.fhir_code, lob.label)]},
    }


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _header(resource_id: str, profile: str, narrative: str) -> dict[str, Any]:
    return {
        "resourceType": "MeasureReport",
        "id": resource_id,
        "meta": {"profile": [profile]},
        "text": {
            "status": "generated",
            "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{narrative}</div>',
        },
    }


def _common(context: ReportContext, measure: str) -> dict[str, Any]:
    body: dict[str, Any] = {
        "status": "complete",
        "type": "summary",
        "measure": measure,
        "date": context.report_date,
    }
    reporter: dict[str, str] = {}
    if context.payer_ref:
        reporter["reference"] = context.payer_ref
    if context.payer:
        reporter["display"] = context.payer
    if reporter:
        body["reporter"] = reporter
    body["period"] = {"start": context.period_start.isoformat(), "end": context.period_end.isoformat()}
    return body


def _usd(value: Decimal) -> str:
    return f"${value:,.2f}"


def _pct(value: Decimal | None) -> str:
    return "not computable" if value is None else f"{value.quantize(Decimal('0.1'), ROUND_HALF_EVEN)}%"


def adoption_report(report: LineReport, context: ReportContext) -> dict[str, Any]:
    """One LAN APM Adoption Report (MeasureReport) for one line of business."""
    lob = report.line_of_business
    rows = "".join(
        f"<tr><td>{m.row}</td><td>{html.escape(m.display)}</td><td>{_usd(report.dollars[m.code])}</td>"
        f"<td>{'' if m.code == 'total-paid' else _pct(report.percent(m.code))}</td></tr>"
        for m in ADOPTION_METRICS
    )
    narrative = (
        f"<p>LAN APM adoption, {html.escape(lob.label)}, {context.period_start} to {context.period_end}"
        f"{' — ' + html.escape(context.payer) if context.payer else ''}.</p>"
        "<table><tr><th>#</th><th>Metric</th><th>Dollars</th><th>% of total</th></tr>"
        f"{rows}</table><p>Cross-check: {html.escape(report.cross_check.display)} "
        f"(sum of numerators {_usd(report.numerator_sum)}).</p>"
    )
    resource = _header(
        f"lan-apm-adoption-{lob.fhir_code}-{context.period_start.isoformat()}", ADOPTION_PROFILE, narrative
    )
    resource["extension"] = [
        line_of_business_extension(lob),
        {
            "url": EXT_CROSS_CHECK,
            "extension": [
                {"url": "numeratorSum", "valueQuantity": money(report.numerator_sum)},
                {
                    "url": "result",
                    "valueCodeableConcept": {
                        "coding": [
                            coding(CROSS_CHECK_SYSTEM, report.cross_check.value, report.cross_check.display)
                        ]
                    },
                },
            ],
        },
    ]
    resource.update(_common(context, ADOPTION_MEASURE))
    groups = []
    for metric in ADOPTION_METRICS:
        group: dict[str, Any] = {}
        share = report.percent(metric.code)
        if share is not None and metric.code != "total-paid":
            group["extension"] = [
                {
                    "url": EXT_PERCENT_OF_TOTAL,
                    "valueQuantity": percent(share.quantize(PERCENT_PLACES, ROUND_HALF_EVEN).normalize()),
                }
            ]
        group["code"] = {"coding": [coding(METRIC_SYSTEM, metric.code, metric.display)]}
        group["measureScore"] = money(report.dollars[metric.code])
        groups.append(group)
    resource["group"] = groups
    return resource


def contract_ids(contracts: tuple[Contract, ...]) -> dict[str, str]:
    """A distinct resource id per contract, derived from its name (a counter settles collisions)."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for contract in contracts:
        base = f"lan-nominal-risk-{slug(contract.name)}"[:60].rstrip("-")
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        ids[contract.name] = candidate
    return ids


def nominal_risk_report(contract: Contract, resource_id: str, context: ReportContext) -> dict[str, Any]:
    """One LAN Nominal Risk report (MeasureReport) for one FFS-based shared-risk contract."""
    values = {
        "risk-minimum": contract.risk_min,
        "risk-maximum": contract.risk_max,
        "provider-risk-share": contract.provider_share,
        "net-risk": contract.net_risk,
        "contract-total-dollars": contract.total_dollars,
    }
    verdict = "meets" if contract.meets else "does not meet"
    narrative = (
        f"<p>{html.escape(contract.name)} ({html.escape(contract.line_of_business.label)}, "
        f"{html.escape(contract.contract_type.display)}) {verdict} the LAN nominal risk threshold.</p>"
        "<table><tr><th>Parameter</th><th>Value</th></tr>"
        + "".join(
            f"<tr><td>{p.display}</td><td>"
            f"{_usd(values[p.code]) if p.unit == 'USD' else str(values[p.code].normalize()) + '%'}</td></tr>"
            for p in NOMINAL_RISK_PARAMETERS
        )
        + "</table>"
    )
    resource = _header(resource_id, NOMINAL_RISK_PROFILE, narrative)
    ctype = contract.contract_type
    resource["extension"] = [
        line_of_business_extension(contract.line_of_business),
        {"url": EXT_CONTRACT, "valueIdentifier": {"value": contract.name}},
        {
            "url": EXT_CONTRACT_TYPE,
            "valueCodeableConcept": {"coding": [coding(CONTRACT_TYPE_SYSTEM, ctype.value, ctype.display)]},
        },
        {"url": EXT_MEETS_NOMINAL_RISK, "valueBoolean": contract.meets},
    ]
    resource.update(_common(context, NOMINAL_RISK_MEASURE))
    resource["group"] = [
        {
            "code": {"coding": [coding(METRIC_SYSTEM, p.code, p.display)]},
            "measureScore": money(values[p.code]) if p.unit == "USD" else percent(values[p.code]),
        }
        for p in NOMINAL_RISK_PARAMETERS
    ]
    return resource


def nominal_risk_summary(
    lob: LineOfBusiness, line: LineSummary, contract_report_ids: list[str], context: ReportContext
) -> dict[str, Any]:
    """The LAN Nominal Risk Summary of one line of business (a row of the workbook's Tab 10 summary).

    Needs the line's total spend; percents of it are left out when it is zero (not computable).
    """
    assert line.total_spend is not None
    values = {
        "total-paid": line.total_spend,
        "ffs-shared-risk": line.dollars,
        "nominal-risk-meets-dollars": line.meets_dollars,
        "nominal-risk-not-meets-dollars": line.not_meets_dollars,
    }
    narrative = (
        f"<p>LAN nominal risk summary, {html.escape(lob.label)}, {context.period_start} to {context.period_end}: "
        f"{len(contract_report_ids)} FFS-based shared-risk contract(s).</p>"
        "<table><tr><th>Dollars</th><th>Amount</th><th>% of total spend</th></tr>"
        + "".join(
            f"<tr><td>{html.escape(g.display)}</td><td>{_usd(values[g.code])}</td>"
            f"<td>{'' if g.code == 'total-paid' else _pct(line.percent_of_spend(values[g.code]))}</td></tr>"
            for g in NOMINAL_RISK_SUMMARY_GROUPS
        )
        + "</table>"
    )
    resource = _header(
        f"lan-nominal-risk-summary-{lob.fhir_code}-{context.period_start.isoformat()}",
        NOMINAL_RISK_SUMMARY_PROFILE,
        narrative,
    )
    resource["extension"] = [line_of_business_extension(lob)]
    resource.update(_common(context, NOMINAL_RISK_SUMMARY_MEASURE))
    groups = []
    for g in NOMINAL_RISK_SUMMARY_GROUPS:
        group: dict[str, Any] = {}
        share = line.percent_of_spend(values[g.code])
        if share is not None and g.code != "total-paid":
            group["extension"] = [
                {
                    "url": EXT_PERCENT_OF_TOTAL,
                    "valueQuantity": percent(share.quantize(PERCENT_PLACES, ROUND_HALF_EVEN).normalize()),
                }
            ]
        group["code"] = {"coding": [coding(METRIC_SYSTEM, g.code, g.display)]}
        group["measureScore"] = money(values[g.code])
        groups.append(group)
    resource["group"] = groups
    if contract_report_ids:
        resource["evaluatedResource"] = [{"reference": f"MeasureReport/{i}"} for i in contract_report_ids]
    return resource


def bundle(bundle_id: str, resources: list[dict[str, Any]]) -> dict[str, Any]:
    """A collection Bundle of the given resources (no timestamp: output stays deterministic)."""
    return {
        "resourceType": "Bundle",
        "id": bundle_id,
        "type": "collection",
        "entry": [
            {"fullUrl": f"{CANONICAL}/{r['resourceType']}/{r['id']}", "resource": r} for r in resources
        ],
    }
