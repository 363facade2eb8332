"""Text, CSV and JSON renderings of the nominal risk and adoption results."""

from __future__ import annotations

import csv
import io
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from igkit.lan.adoption import LineReport
from igkit.lan.catalog import ADOPTION_METRICS, DENOMINATOR, CrossCheck, LineOfBusiness
from igkit.lan.jsontext import dumps
from igkit.lan.nominal import LineSummary, NominalRiskResult

ONE_DECIMAL = Decimal("0.1")


def pct1(value: Decimal | None) -> str:
    """A percent to one decimal, or n/a when it cannot be computed (zero or missing total)."""
    return "n/a" if value is None else f"{value.quantize(ONE_DECIMAL, ROUND_HALF_EVEN)}%"


def usd(value: Decimal) -> str:
    return f"${value.quantize(Decimal('0.01'), ROUND_HALF_EVEN):,}"


def table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    """An aligned plain-text table; columns in `right` are right-aligned."""
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(len(headers))]

    def fmt(row: list[str]) -> str:
        cells = [
            str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(headers), rule, *(fmt(r) for r in rows)]) + "\n"


# ---- nominal risk ----------------------------------------------------------------------------


def _summary_rows(result: NominalRiskResult) -> list[tuple[str, LineSummary]]:
    return [*((lob.value, result.lines[lob]) for lob in LineOfBusiness), ("total", result.total)]


def nominal_json(result: NominalRiskResult) -> str:
    data: dict[str, Any] = {
        "contracts": [
            {
                "contract": c.name,
                "line_of_business": c.line_of_business.value,
                "contract_type": c.contract_type.label,
                "net_risk": c.net_risk,
                "meets": c.meets,
            }
            for c in result.contracts
        ],
        "summary": {
            name: {
                "meets_dollars": s.meets_dollars,
                "meets_percent": s.meets_percent,
                "not_meets_dollars": s.not_meets_dollars,
                "not_meets_percent": s.not_meets_percent,
                "dollars": s.dollars,
                "percent": s.percent,
            }
            for name, s in _summary_rows(result)
        },
    }
    return dumps(data)


def nominal_text(result: NominalRiskResult) -> str:
    contracts = table(
        [
            "Contract",
            "Line of business",
            "Type",
            "Risk min",
            "Risk max",
            "Provider share",
            "Net risk",
            "Total dollars",
            "Meets",
        ],
        [
            [
                c.name,
                c.line_of_business.value,
                c.contract_type.label,
                pct1(c.risk_min),
                pct1(c.risk_max),
                pct1(c.provider_share),
                pct1(c.net_risk),
                usd(c.total_dollars),
                "yes" if c.meets else "no",
            ]
            for c in result.contracts
        ],
        right={3, 4, 5, 6, 7},
    )
    summary = table(
        [
            "Line of business",
            "Meets $",
            "Meets %",
            "Does not meet $",
            "Does not meet %",
            "Total $",
            "Total %",
        ],
        [
            [
                name,
                usd(s.meets_dollars),
                pct1(s.meets_percent),
                usd(s.not_meets_dollars),
                pct1(s.not_meets_percent),
                usd(s.dollars),
                pct1(s.percent),
            ]
            for name, s in _summary_rows(result)
        ],
        right={1, 2, 3, 4, 5, 6},
    )
    return (
        "FFS-based shared-risk (3B) contracts and the LAN nominal risk threshold\n"
        "(risk minimum <= 4%, provider share >= 30%, net risk >= 3% TCOC / >= 8% % Revenue)\n\n"
        f"{contracts}\nPercent of each line's total spend (total: of the grand total of all lines)\n\n"
        f"{summary}"
    )


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def nominal_csv(result: NominalRiskResult) -> str:
    """Two blocks separated by a blank line: the contracts, then the summary."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "contract",
            "line_of_business",
            "contract_type",
            "risk_min",
            "risk_max",
            "provider_share",
            "net_risk",
            "total_dollars",
            "meets",
        ]
    )
    for c in result.contracts:
        writer.writerow(
            [
                c.name,
                c.line_of_business.value,
                c.contract_type.label,
                _plain(c.risk_min),
                _plain(c.risk_max),
                _plain(c.provider_share),
                _plain(c.net_risk),
                _plain(c.total_dollars),
                "yes" if c.meets else "no",
            ]
        )
    writer.writerow([])
    writer.writerow(
        [
            "line_of_business",
            "meets_dollars",
            "meets_percent",
            "not_meets_dollars",
            "not_meets_percent",
            "dollars",
            "percent",
        ]
    )
    for name, s in _summary_rows(result):
        writer.writerow(
            [
                name,
                _plain(s.meets_dollars),
                _plain(s.meets_percent),
                _plain(s.not_meets_dollars),
                _plain(s.not_meets_percent),
                _plain(s.dollars),
                _plain(s.percent),
            ]
        )
    return out.getvalue()


# ---- adoption report -------------------------------------------------------------------------


def cross_check_sentence(report: LineReport) -> str:
    check = report.cross_check
    if check is CrossCheck.BALANCED:
        return f"Cross-check: yes, the numerators sum to the total dollars paid ({usd(report.total_paid)})."
    direction = "exceeds" if check is CrossCheck.EXCEEDS else "falls short of"
    return (
        f"Cross-check: no, the sum of the numerators ({usd(report.numerator_sum)}) {direction} the total "
        f"dollars paid ({usd(report.total_paid)}) by {usd(abs(report.difference))}. "
        f"Likely cause: {check.explanation}."
    )


def adoption_text(reports: tuple[LineReport, ...]) -> str:
    parts = []
    for report in reports:
        src = report.source
        rows = [
            [
                str(m.row),
                m.display,
                usd(report.dollars[m.code]),
                "" if m.code == DENOMINATOR else pct1(report.percent(m.code)),
            ]
            for m in ADOPTION_METRICS
        ]
        note = (
            ""
            if report.computable
            else ("Percents of total are not computable: the total dollars paid is $0.\n")
        )
        parts.append(
            f"{src.line_of_business.label} ({src.period_start} to {src.period_end})\n\n"
            + table(["#", "Metric", "Dollars", "% of total"], rows, right={0, 2, 3})
            + f"\n{note}{cross_check_sentence(report)}\n"
        )
    return "\n".join(parts)


def adoption_json(reports: tuple[LineReport, ...]) -> str:
    data = {
        report.line_of_business.value: {
            "period": {
                "start": report.source.period_start.isoformat(),
                "end": report.source.period_end.isoformat(),
            },
            "metrics": [
                {
                    "row": m.row,
                    "code": m.code,
                    "dollars": report.dollars[m.code],
                    "percent": None if m.code == DENOMINATOR else report.percent(m.code),
                }
                for m in ADOPTION_METRICS
            ],
            "cross_check": {
                "numerator_sum": report.numerator_sum,
                "total_paid": report.total_paid,
                "difference": report.difference,
                "result": report.cross_check.value,
                "explanation": None
                if report.cross_check is CrossCheck.BALANCED
                else report.cross_check.explanation,
            },
        }
        for report in reports
    }
    return dumps(data)
