"""LAN APM adoption metrics of one payer (workbook Tabs 3-7).

Input: per line of business, the 12-month period, the total dollars paid (the denominator, row 1)
and the dollars of each payment model in effect (the numerators: rows 2, 3, 4, 6-9, 11-15).
Output: the 19 metrics (category totals and aggregated metrics are sums), each as a percent of
the total dollars paid, and the Tab 7 cross-check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from igkit.lan.catalog import (
    ADOPTION_METRICS,
    DENOMINATOR,
    NUMERATORS,
    CrossCheck,
    LineOfBusiness,
    Role,
)
from igkit.lan.tables import read_table
from igkit.lan.values import ValueProblem, parse_date, parse_line_of_business, parse_money, twelve_months_end


def column_of(code: str) -> str:
    return code.replace("-", "_")


REQUIRED_COLUMNS = ("line_of_business", "period_start", "period_end", column_of(DENOMINATOR))
MODEL_COLUMNS = tuple(column_of(code) for code in NUMERATORS)

METRICS_FORMAT_HELP = f"""\
METRICS is a CSV (or .xlsx, first sheet) with one row per line of business and the header

  {",".join(REQUIRED_COLUMNS)},<payment model columns>

line_of_business is commercial, medicare (Medicare Advantage; also ma) or medicaid;
period_start/period_end are the 12-month reporting period (YYYY-MM-DD, e.g. 2019-01-01 and
2019-12-31); total_paid is the total dollars paid to providers (metric 1, the denominator).
The payment model columns are the numerators of the workbook's Tabs 4-6, one per payment model
of Tab 3: {", ".join(MODEL_COLUMNS)}.
Leave a column out, or a cell empty, for a payment model not in effect (it counts as $0).
Dollars may carry $ and thousands separators; none may be negative.
"""


@dataclass(frozen=True)
class LineInput:
    line_of_business: LineOfBusiness
    period_start: dt.date
    period_end: dt.date
    total_paid: Decimal
    models: dict[str, Decimal]  # numerator code -> dollars, for the payment models in effect
    line: int = 0


@dataclass(frozen=True)
class LineReport:
    source: LineInput
    dollars: dict[str, Decimal]  # all 19 metric codes -> dollars

    @property
    def line_of_business(self) -> LineOfBusiness:
        return self.source.line_of_business

    @property
    def total_paid(self) -> Decimal:
        return self.dollars[DENOMINATOR]

    @property
    def computable(self) -> bool:
        """Percents of total need a non-zero denominator."""
        return self.total_paid != 0

    def percent(self, code: str) -> Decimal | None:
        """Dollars of `code` as a percent of the total dollars paid; None when not computable."""
        if not self.computable:
            return None
        return self.dollars[code] * 100 / self.total_paid

    @property
    def numerator_sum(self) -> Decimal:
        return sum((self.dollars[c] for c in NUMERATORS), Decimal(0))

    @property
    def difference(self) -> Decimal:
        """Sum of the numerators minus the denominator."""
        return self.numerator_sum - self.total_paid

    @property
    def cross_check(self) -> CrossCheck:
        if self.difference > 0:
            return CrossCheck.EXCEEDS
        if self.difference < 0:
            return CrossCheck.SHORT
        return CrossCheck.BALANCED


def compute(line: LineInput) -> LineReport:
    dollars: dict[str, Decimal] = {DENOMINATOR: line.total_paid}
    for code in NUMERATORS:
        dollars[code] = line.models.get(code, Decimal(0))
    for metric in ADOPTION_METRICS:  # derived metrics only use metrics listed before them
        if metric.role is Role.DERIVED:
            dollars[metric.code] = sum((dollars[s] for s in metric.summands), Decimal(0))
    return LineReport(line, {m.code: dollars[m.code] for m in ADOPTION_METRICS})


def read_metrics(path: Path) -> tuple[LineInput, ...]:
    table = read_table(path, REQUIRED_COLUMNS, MODEL_COLUMNS)
    lines: list[LineInput] = []
    seen: dict[LineOfBusiness, int] = {}
    for row in table.rows:
        try:
            lob = parse_line_of_business(row.get("line_of_business"))
            start = parse_date(row.get("period_start"), "period_start")
            end = parse_date(row.get("period_end"), "period_end")
            if end != twelve_months_end(start):
                raise ValueProblem(
                    f"period {start}..{end} is not 12 months; expected period_end "
                    f"{twelve_months_end(start)} for period_start {start}"
                )
            total = parse_money(row.get(column_of(DENOMINATOR)), column_of(DENOMINATOR))
            models: dict[str, Decimal] = {}
            for code in NUMERATORS:
                raw = row.get(column_of(code))
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    continue
                models[code] = parse_money(raw, column_of(code))
        except ValueProblem as exc:
            raise table.error(row.line, str(exc)) from None
        if lob in seen:
            raise table.error(
                row.line,
                f"{lob.value} appears twice (first on line {seen[lob]}); expected "
                "one row per line of business",
            )
        seen[lob] = row.line
        lines.append(LineInput(lob, start, end, total, models, row.line))
    if not lines:
        raise table.error(None, "no data rows; expected one row per line of business under the header")
    return tuple(lines)
