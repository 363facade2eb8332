"""The two LAN computations end to end: worksheet in, rendered text out.

Shared by the CLI (`igkit lan report|nominal-risk`) and `igkit lan examples`, so that the IG's
examples are exactly what the commands print.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from igkit.errors import IgkitError
from igkit.lan import adoption, fhir, nominal, render
from igkit.lan.jsontext import dumps
from igkit.lan.values import ValueProblem, parse_date, twelve_months_end


@dataclass(frozen=True)
class FhirOptions:
    """Options of the fhir format, as typed on the command line (validated by `resolve`)."""

    period: str | None = None  # START/END, nominal risk only (adoption periods come from the worksheet)
    date: str | None = None  # MeasureReport.date; default: the period end
    payer: str | None = None  # MeasureReport.reporter.display
    payer_ref: str | None = None  # MeasureReport.reporter.reference, Organization/ID

    def period_dates(self) -> tuple[dt.date, dt.date] | None:
        if self.period is None:
            return None
        start_text, sep, end_text = self.period.partition("/")
        try:
            if not sep:
                raise ValueProblem(
                    f"{self.period!r} has no '/'; expected START/END, e.g. 2019-01-01/2019-12-31"
                )
            start, end = parse_date(start_text, "period start"), parse_date(end_text, "period end")
            if end != twelve_months_end(start):
                raise ValueProblem(
                    f"{start}/{end} is not 12 months; expected {start}/{twelve_months_end(start)}"
                )
        except ValueProblem as exc:
            raise IgkitError(f"--period: {exc}") from None
        return start, end

    def context(self, start: dt.date, end: dt.date) -> fhir.ReportContext:
        report_date = None
        if self.date is not None:
            try:
                report_date = parse_date(self.date, "--date")
            except ValueProblem as exc:
                raise IgkitError(str(exc)) from None
        if self.payer_ref is not None and not re.fullmatch(
            r"Organization/[A-Za-z0-9\-.]{1,64}", self.payer_ref
        ):
            raise IgkitError(
                f"--payer-ref {self.payer_ref!r} is not a reference to an Organization; "
                "expected Organization/ID"
            )
        return fhir.ReportContext(start, end, report_date, self.payer, self.payer_ref)


def nominal_risk(contracts: Path, total_spend: tuple[str, ...], fmt: str, options: FhirOptions) -> str:
    """`igkit lan nominal-risk`: text, csv, json or fhir (a Bundle of LAN Nominal Risk reports)."""
    try:
        spend = nominal.parse_total_spend(total_spend)
    except ValueProblem as exc:
        raise IgkitError(str(exc)) from None
    dates = options.period_dates()
    if fmt == "fhir" and dates is None:
        raise IgkitError(
            "--format fhir needs the reporting period: add --period START/END, "
            "e.g. --period 2019-01-01/2019-12-31"
        )
    context = options.context(*dates) if dates else None  # options are checked before the worksheet
    result = nominal.evaluate(contracts, nominal.read_contracts(contracts), spend)
    if fmt == "json":
        return render.nominal_json(result)
    if fmt == "csv":
        return render.nominal_csv(result)
    if fmt == "fhir" and context is not None:
        ids = fhir.contract_ids(result.contracts)
        resources = [fhir.nominal_risk_report(c, ids[c.name], context) for c in result.contracts]
        for lob, line in result.lines.items():  # a summary for each line whose total spend is known
            if line.total_spend is not None:
                mine = [ids[c.name] for c in result.contracts if c.line_of_business is lob]
                resources.append(fhir.nominal_risk_summary(lob, line, mine, context))
        return dumps(fhir.bundle("lan-nominal-risk", resources))
    return render.nominal_text(result)


def report(metrics: Path, fmt: str, options: FhirOptions) -> str:
    """`igkit lan report`: text, json or fhir (a Bundle of LAN APM Adoption Reports)."""
    reports = tuple(adoption.compute(line) for line in adoption.read_metrics(metrics))
    if fmt == "json":
        return render.adoption_json(reports)
    if fmt == "fhir":
        resources = [
            fhir.adoption_report(r, options.context(r.source.period_start, r.source.period_end))
            for r in reports
        ]
        return dumps(fhir.bundle("lan-apm-adoption", resources))
    return render.adoption_text(reports)
