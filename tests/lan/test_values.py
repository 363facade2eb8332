import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from igkit.lan.catalog import ContractType, LineOfBusiness
from igkit.lan.values import (
    ValueProblem,
    parse_contract_type,
    parse_line_of_business,
    parse_money,
    parse_percent,
    twelve_months_end,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1234", Decimal(1234)),
        ("1,234.50", Decimal("1234.50")),
        ("$1,250,000", Decimal(1250000)),
        ("$ 12", Decimal(12)),
        (" 0 ", Decimal(0)),
        ("0.10", Decimal("0.10")),
        (1500, Decimal(1500)),
    ],
)
def test_money_accepts_plain_separated_and_dollar_sign(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["-5", "-$5", "$-5", "(1,000)"])
def test_money_rejects_negative(text):
    with pytest.raises(ValueProblem, match="negative"):
        parse_money(text)


@pytest.mark.parametrize("text", ["", "abc", "1,23", "12,3456", "1.2.3", "$$5", "5 USD", "1e6"])
def test_money_rejects_unparsable(text):
    with pytest.raises(ValueProblem):
        parse_money(text)


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trips_formatted_amounts(value):
    assert parse_money(f"${value:,.2f}") == value
    assert parse_money(f"{value:.2f}") == value


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1%", Decimal(1)),
        ("1.5 %", Decimal("1.5")),
        ("0.015", Decimal("1.5")),
        ("30%", Decimal(30)),
        ("0.3", Decimal(30)),
        ("100%", Decimal(100)),
        ("0", Decimal(0)),
        ("1", Decimal(100)),
        (0.04, Decimal(4)),
    ],
)
def test_percent_forms(text, expected):
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["101%", "-1%", "1.5", "30", "abc", "", "%"])
def test_percent_outside_range_or_unparsable(text):
    with pytest.raises(ValueProblem):
        parse_percent(text)


def test_percent_message_names_the_range():
    with pytest.raises(ValueProblem, match="outside 0-100%"):
        parse_percent("150%")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("commercial", LineOfBusiness.COMMERCIAL),
        ("Commercial", LineOfBusiness.COMMERCIAL),
        ("MEDICARE", LineOfBusiness.MEDICARE),
        ("Medicaid", LineOfBusiness.MEDICAID),
    ],
)
def test_line_of_business_is_case_insensitive(text, expected):
    assert parse_line_of_business(text) is expected


def test_unknown_line_of_business():
    with pytest.raises(ValueProblem, match="expected commercial, medicare or medicaid"):
        parse_line_of_business("dental")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("TCOC", ContractType.TCOC),
        ("tcoc", ContractType.TCOC),
        ("% Revenue", ContractType.PERCENT_REVENUE),
        ("%  revenue", ContractType.PERCENT_REVENUE),
        ("percent-revenue", ContractType.PERCENT_REVENUE),
    ],
)
def test_contract_types(text, expected):
    assert parse_contract_type(text) is expected


def test_unknown_contract_type():
    with pytest.raises(ValueProblem, match="TCOC"):
        parse_contract_type("capitation")


@pytest.mark.parametrize(
    "start,end",
    [
        (dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        (dt.date(2019, 7, 1), dt.date(2020, 6, 30)),
        (dt.date(2020, 3, 1), dt.date(2021, 2, 28)),
    ],
)
def test_twelve_months(start, end):
    assert twelve_months_end(start) == end
