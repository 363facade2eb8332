"""Parsing of the cell values a payer types into the LAN worksheets.

Each parser takes the raw text and returns an exact `Decimal` (or an enum member); a value it
cannot accept raises `ValueProblem` whose message says what was found and what was expected.
The caller adds the FILE:LINE location.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from igkit.lan.catalog import CONTRACT_TYPE_NAMES, LOB_NAMES, ContractType, LineOfBusiness


class ValueProblem(ValueError):
    """A cell value that cannot be used; the message is meant for the user."""


_MONEY = re.compile(
    r"^(?P<neg>-)?\s*\$?\s*(?P<neg2>-)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)$"
)
_PERCENT = re.compile(r"^(?P<num>-?(?:\d+(?:\.\d*)?|\.\d+))\s*(?P<pct>%)?$")


def _text(raw: object) -> str:
    return "" if raw is None else str(raw).strip()


def parse_money(raw: object, what: str = "amount") -> Decimal:
    """Dollars: `1234.5`, `1,234.50`, `$1,234`; never negative."""
    if isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))
    else:
        text = _text(raw)
        if not text:
            raise ValueProblem(f"{what} is empty; expected dollars such as 1250000 or $1,250,000.00")
        if text.startswith("(") and text.endswith(")"):
            raise ValueProblem(f"{what} {text!r} is negative; expected a non-negative dollar amount")
        match = _MONEY.match(text)
        if not match:
            raise ValueProblem(
                f"{what} {text!r} is not a dollar amount; expected a number such as "
                "1250000, 1,250,000.00 or $1,250,000"
            )
        value = Decimal(match["num"].replace(",", ""))
        if match["neg"] or match["neg2"]:
            value = -value
    if not value.is_finite():
        raise ValueProblem(f"{what} {raw!r} is not a finite dollar amount")
    if value < 0:
        raise ValueProblem(f"{what} {_text(raw)!r} is negative; expected a non-negative dollar amount")
    return value


def parse_percent(raw: object, what: str = "percentage") -> Decimal:
    """A percentage on the 0-100 scale: `1%` and `1.5 %` are percents, a bare `0.015` is a fraction."""
    if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        # spreadsheet cells formatted as % hold the fraction
        fraction = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        value = fraction * 100
    else:
        text = _text(raw)
        if not text:
            raise ValueProblem(f"{what} is empty; expected a percentage such as 3%, 1.5 % or 0.015")
        match = _PERCENT.match(text)
        if not match:
            raise ValueProblem(f"{what} {text!r} is not a percentage; expected e.g. 3%, 1.5 % or 0.015")
        number = Decimal(match["num"])
        value = number if match["pct"] else number * 100
    if value < 0 or value > 100:
        raise ValueProblem(
            f"{what} {_text(raw)!r} is outside 0-100%; expected a percentage from 0% to 100% "
            "(a bare number is a fraction: 0.3 means 30%)"
        )
    return value.normalize()  # 1.500 -> 1.5, 30.00 -> 30 (exact either way)


def parse_line_of_business(raw: object) -> LineOfBusiness:
    text = _text(raw)
    found = LOB_NAMES.get(text.lower())
    if found is None:
        raise ValueProblem(f"unknown line of business {text!r}; expected commercial, medicare or medicaid")
    return found


def parse_contract_type(raw: object) -> ContractType:
    text = _text(raw)
    found = CONTRACT_TYPE_NAMES.get(re.sub(r"\s+", " ", text.lower()))
    if found is None:
        raise ValueProblem(
            f"unknown contract type {text!r}; expected TCOC (total cost of care, "
            "benchmark-based) or % Revenue (also percent-revenue)"
        )
    return found


def parse_date(raw: object, what: str = "date") -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _text(raw)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueProblem(f"{what} {text!r} is not a date; expected YYYY-MM-DD") from None


def twelve_months_end(start: dt.date) -> dt.date:
    """The last day of the 12-month period that starts on `start`."""
    # FHIRPath date arithmetic (which the profiles' invariants use) clamps 29 February + 12 months
    # to 28 February; do the same so that tool and profile agree.
    try:
        following = start.replace(year=start.year + 1)
    except ValueError:
        following = start.replace(year=start.year + 1, day=28)
    return following - dt.timedelta(days=1)


def decimal_from_text(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValueProblem(f"{text!r} is not a number") from None
