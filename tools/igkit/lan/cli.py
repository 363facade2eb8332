"""`igkit lan`: LAN APM adoption metrics and nominal risk from a payer's worksheets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from igkit.errors import IgkitError
from igkit.fsutil import atomic_write_text
from igkit.lan import adoption, nominal, run
from igkit.lan.run import FhirOptions


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write_text(output, text)


def _output_and_fhir_options(*, with_period: bool) -> Callable[[Callable], Callable]:
    """--output and the options of the fhir format, shared by the report commands (--period
    only where the worksheet does not carry the period itself)."""
    options = [
        click.option(
            "--output", "-o", type=click.Path(path_type=Path, dir_okay=False), help="Write here (atomically)."
        )
    ]
    if with_period:
        options.append(
            click.option(
                "--period", help="Reporting period START/END (12 months), e.g. 2019-01-01/2019-12-31 (fhir)."
            )
        )
    options += [
        click.option("--date", "date", help="Report date YYYY-MM-DD for fhir (default: the period end)."),
        click.option("--payer", help="Payer name for MeasureReport.reporter.display (fhir)."),
        click.option(
            "--payer-ref",
            "payer_ref",
            metavar="Organization/ID",
            help="Reference to the payer's Organization for MeasureReport.reporter (fhir).",
        ),
    ]

    def apply(command: Callable) -> Callable:
        for option in reversed(options):  # as if stacked in this order above the function
            command = option(command)
        return command

    return apply


@click.group()
def lan() -> None:
    """HCP-LAN APM measurement: adoption metrics and nominal risk (workbook CMS-10620)."""


NOMINAL_HELP = f"""Apply the LAN nominal risk threshold to FFS-based shared-risk (3B) contracts.

\b
CONTRACTS is a CSV (or .xlsx, first sheet), one row per contract, with the header
  {",".join(nominal.COLUMNS)}
line_of_business: commercial, medicare or medicaid; contract_type: TCOC (total cost of care,
benchmark-based) or % Revenue (also percent-revenue); percentages as 1%, 1.5 % or a fraction
(0.015); total_dollars with or without $ and thousands separators.

\b
A contract meets the threshold when risk minimum <= 4%, provider risk share >= 30% and net
risk (risk maximum x provider share) >= 3% (TCOC) or >= 8% (% Revenue). The summary gives,
per line of business and in total, the dollars that meet and do not meet it as percents of
that line's total spend (--total-spend LINE=AMOUNT, needed for every line that has contracts;
the total row uses the sum of the total spends given).

\b
Formats: text (aligned tables), csv (contracts, a blank line, then the summary), json, and
fhir (a Bundle of LAN Nominal Risk MeasureReports; needs --period).
"""


@lan.command("nominal-risk", help=NOMINAL_HELP)
@click.argument("contracts", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--total-spend",
    "total_spend",
    multiple=True,
    metavar="LINE=AMOUNT",
    help="Total spend (all categories) of a line of business, e.g. commercial=1500000000.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "csv", "json", "fhir"]), default="text", show_default=True
)
@_output_and_fhir_options(with_period=True)
def nominal_risk_cmd(
    contracts: Path,
    total_spend: tuple[str, ...],
    fmt: str,
    output: Path | None,
    period: str | None,
    date: str | None,
    payer: str | None,
    payer_ref: str | None,
) -> None:
    _emit(run.nominal_risk(contracts, total_spend, fmt, FhirOptions(period, date, payer, payer_ref)), output)


REPORT_HELP = f"""Compute the 19 LAN APM adoption metrics and the workbook's cross-check.

\b
{adoption.METRICS_FORMAT_HELP}
Category totals (metrics 5, 10, 16) and the aggregated metrics (17-19) are computed, and every
metric is given as a percent of the total dollars paid (not computable when that is $0). The
cross-check asks whether the numerators add up to the total dollars paid; when they exceed it,
dollars are likely double counted (each arrangement belongs to its dominant APM only); when
they fall short, the underlying fee-for-service dollars were likely left out of Category 2-3.

\b
Formats: text, json, and fhir (a Bundle of LAN APM Adoption Report MeasureReports).
"""


@lan.command("report", help=REPORT_HELP)
@click.argument("metrics", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "fhir"]), default="text", show_default=True
)
@_output_and_fhir_options(with_period=False)
def report_cmd(
    metrics: Path, fmt: str, output: Path | None, date: str | None, payer: str | None, payer_ref: str | None
) -> None:
    _emit(run.report(metrics, fmt, FhirOptions(None, date, payer, payer_ref)), output)


@lan.command("examples")
@click.option(
    "--project",
    "project_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="IG project folder (default: the one around the current folder).",
)
@click.option("--check", is_flag=True, help="Only check that input/examples is up to date (exit 1 if not).")
def examples_cmd(project_dir: Path | None, check: bool) -> None:
    """Regenerate the IG's LAN examples (input/examples) from input/lan (see input/lan/examples.yaml)."""
    from igkit.lan.examples import regenerate

    changes = regenerate(project_dir, check=check)
    for line in changes:
        click.echo(line)
    if check and changes:
        raise IgkitError(
            "input/examples is out of date with input/lan; run `igkit lan examples`.", exit_code=1
        )
    if not changes:
        click.echo("LAN examples are up to date.")
