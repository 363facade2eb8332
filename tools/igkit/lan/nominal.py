"""LAN nominal risk for FFS-based shared-risk (3B) contracts (workbook Tabs 8-10).

A contract meets the LAN nominal risk threshold when all three hold (Tab 8, Definitions):
risk minimum <= 4%, provider risk share >= 30%, and net risk (risk maximum x provider share)
>= 3% for a total-cost-of-care (benchmark-based) contract or >= 8% for a percent-of-revenue one.
All percentages here are on the 0-100 scale and all arithmetic is exact (`Decimal`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from igkit.lan.catalog import (
    PROVIDER_SHARE_MIN,
    RISK_MINIMUM_MAX,
    ContractType,
    LineOfBusiness,
)
from igkit.lan.tables import InputError, read_table
from igkit.lan.values import (
    ValueProblem,
    parse_contract_type,
    parse_line_of_business,
    parse_money,
    parse_percent,
)

COLUMNS = (
    "contract",
    "line_of_business",
    "contract_type",
    "risk_min",
    "risk_max",
    "provider_share",
    "total_dollars",
)


@dataclass(frozen=True)
class Contract:
    name: str
    line_of_business: LineOfBusiness
    contract_type: ContractType
    risk_min: Decimal  # percent
    risk_max: Decimal  # percent
    provider_share: Decimal  # percent
    total_dollars: Decimal
    line: int = 0  # where it came from, for messages

    @property
    def net_risk(self) -> Decimal:
        """Risk maximum x provider risk share, in percent (10% x 60% = 6%)."""
        return self.risk_max * self.provider_share / 100

    @property
    def meets_risk_minimum(self) -> bool:
        return self.risk_min <= RISK_MINIMUM_MAX

    @property
    def meets_provider_share(self) -> bool:
        return self.provider_share >= PROVIDER_SHARE_MIN

    @property
    def meets_net_risk(self) -> bool:
        return self.net_risk >= self.contract_type.net_risk_threshold

    @property
    def meets(self) -> bool:
        return self.meets_risk_minimum and self.meets_provider_share and self.meets_net_risk


@dataclass(frozen=True)
class LineSummary:
    """Dollars that meet / do not meet the threshold, as percents of a total spend (None: not computable)."""

    meets_dollars: Decimal
    not_meets_dollars: Decimal
    total_spend: Decimal | None

    @property
    def dollars(self) -> Decimal:
        return self.meets_dollars + self.not_meets_dollars

    def percent_of_spend(self, amount: Decimal) -> Decimal | None:
        if self.total_spend is None or self.total_spend == 0:
            return None
        return amount * 100 / self.total_spend

    @property
    def meets_percent(self) -> Decimal | None:
        return self.percent_of_spend(self.meets_dollars)

    @property
    def not_meets_percent(self) -> Decimal | None:
        return self.percent_of_spend(self.not_meets_dollars)

    @property
    def percent(self) -> Decimal | None:
        return self.percent_of_spend(self.dollars)


@dataclass(frozen=True)
class NominalRiskResult:
    contracts: tuple[Contract, ...]
    lines: dict[LineOfBusiness, LineSummary]
    total: LineSummary


def read_contracts(path: Path) -> tuple[Contract, ...]:
    table = read_table(path, COLUMNS)
    contracts: list[Contract] = []
    seen: dict[str, int] = {}
    for row in table.rows:
        try:
            name = str(row.get("contract") or "").strip()
            if not name:
                raise ValueProblem("contract name is empty; expected a name or identifier for the contract")
            contract = Contract(
                name=name,
                line_of_business=parse_line_of_business(row.get("line_of_business")),
                contract_type=parse_contract_type(row.get("contract_type")),
                risk_min=parse_percent(row.get("risk_min"), "risk_min"),
                risk_max=parse_percent(row.get("risk_max"), "risk_max"),
                provider_share=parse_percent(row.get("provider_share"), "provider_share"),
                total_dollars=parse_money(row.get("total_dollars"), "total_dollars"),
                line=row.line,
            )
        except ValueProblem as exc:
            raise table.error(row.line, str(exc)) from None
        if name in seen:
            raise table.error(
                row.line,
                f"contract {name!r} is listed twice (first on line {seen[name]}); "
                "expected one row per contract",
            )
        seen[name] = row.line
        contracts.append(contract)
    return tuple(contracts)


def evaluate(
    path: Path | str, contracts: tuple[Contract, ...], total_spend: dict[LineOfBusiness, Decimal]
) -> NominalRiskResult:
    """Apply the threshold and sum the dollars per line of business and overall.

    A line of business that has contracts needs its total spend (else an error at its first
    contract's line); a line without contracts still appears, with zero dollars.
    """
    for lob in LineOfBusiness:
        first = next((c for c in contracts if c.line_of_business is lob), None)
        if first is not None and lob not in total_spend:
            raise InputError(
                path,
                first.line,
                f"contract {first.name!r} is {lob.value} but no total spend was "
                f"given for {lob.value}; add --total-spend {lob.value}=AMOUNT",
            )
    lines: dict[LineOfBusiness, LineSummary] = {}
    for lob in LineOfBusiness:
        mine = [c for c in contracts if c.line_of_business is lob]
        lines[lob] = LineSummary(
            meets_dollars=sum((c.total_dollars for c in mine if c.meets), Decimal(0)),
            not_meets_dollars=sum((c.total_dollars for c in mine if not c.meets), Decimal(0)),
            total_spend=total_spend.get(lob),
        )
    grand = sum(total_spend.values(), Decimal(0)) if total_spend else None
    total = LineSummary(
        meets_dollars=sum((s.meets_dollars for s in lines.values()), Decimal(0)),
        not_meets_dollars=sum((s.not_meets_dollars for s in lines.values()), Decimal(0)),
        total_spend=grand,
    )
    return NominalRiskResult(contracts, lines, total)


def parse_total_spend(options: tuple[str, ...]) -> dict[LineOfBusiness, Decimal]:
    """`--total-spend LOB=AMOUNT` options; raises ValueProblem with the offending option."""
    spend: dict[LineOfBusiness, Decimal] = {}
    for option in options:
        key, sep, amount = option.partition("=")
        if not sep:
            raise ValueProblem(
                f"--total-spend {option!r} has no '='; expected LINE=AMOUNT, "
                "e.g. --total-spend commercial=1500000000"
            )
        lob = parse_line_of_business(key)
        if lob in spend:
            raise ValueProblem(f"--total-spend for {lob.value} is given twice")
        spend[lob] = parse_money(amount, f"--total-spend {lob.value}")
    return spend
