"""The LAN nominal risk rules on hand-made contracts at and around each threshold."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from igkit.lan.catalog import ContractType, LineOfBusiness
from igkit.lan.nominal import Contract, evaluate, read_contracts

SPEND = [
    "--total-spend",
    "commercial=1000000",
    "--total-spend",
    "medicare=2,000,000",
    "--total-spend",
    "medicaid=$500,000",
]


def contract(risk_min="2", risk_max="10", share="50", ctype=ContractType.TCOC, dollars="100") -> Contract:
    return Contract(
        "c",
        LineOfBusiness.COMMERCIAL,
        ctype,
        Decimal(risk_min),
        Decimal(risk_max),
        Decimal(share),
        Decimal(dollars),
    )


def test_net_risk_is_risk_max_times_share():
    # the Definitions tab: a 10% cap with a 60% share is 6% net risk
    assert contract(risk_max="10", share="60").net_risk == Decimal(6)
    assert contract(risk_max="1.5", share="33.3").net_risk == Decimal("0.4995")


@pytest.mark.parametrize(
    "risk_min,meets", [("3.99", True), ("4", True), ("4.0", True), ("4.01", False), ("5", False)]
)
def test_risk_minimum_at_most_4_percent(risk_min, meets):
    assert contract(risk_min=risk_min).meets is meets


@pytest.mark.parametrize("share,meets", [("29.99", False), ("30", True), ("30.01", True)])
def test_provider_share_at_least_30_percent(share, meets):
    # risk max 20% keeps net risk >= 3% for every share tested
    assert contract(share=share, risk_max="20").meets is meets


@pytest.mark.parametrize(
    "risk_max,share,meets",
    [
        ("10", "30", True),  # exactly 3%
        ("6", "50", True),  # exactly 3%
        ("9.99", "30", False),  # 2.997%
        ("5.98", "50", False),  # 2.99%
        ("10.01", "30", True),
    ],
)
def test_tcoc_net_risk_at_least_3_percent(risk_max, share, meets):
    assert contract(risk_max=risk_max, share=share).meets is meets


@pytest.mark.parametrize(
    "risk_max,share,meets",
    [
        ("16", "50", True),  # exactly 8%
        ("20", "40", True),  # exactly 8%
        ("15.98", "50", False),  # 7.99%
        ("10", "50", False),  # 5%: would meet as TCOC
        ("26.67", "30", True),  # 8.001%
    ],
)
def test_percent_of_revenue_net_risk_at_least_8_percent(risk_max, share, meets):
    assert contract(risk_max=risk_max, share=share, ctype=ContractType.PERCENT_REVENUE).meets is meets


def test_all_three_criteria_are_needed():
    assert contract(risk_min="4", share="30", risk_max="10").meets
    assert not contract(risk_min="4.5", share="30", risk_max="10").meets  # only risk minimum fails
    assert not contract(risk_min="4", share="29", risk_max="20").meets  # only share fails
    assert not contract(risk_min="4", share="30", risk_max="9").meets  # only net risk fails


def test_contracts_at_the_thresholds_from_csv(contracts_csv, igkit):
    path = contracts_csv(
        "at-all-thresholds,commercial,TCOC,4%,10%,30%,100",
        "revenue-at-8,commercial,% Revenue,4 %,0.2,0.4,200",
        "revenue-below-8,medicare,% Revenue,1%,19.99%,40%,300",
        "tcoc-below-3,medicare,tcoc,1%,9.99%,30%,400",
        "min-too-high,medicaid,TCOC,4.01%,50%,50%,500",
        "share-too-low,medicaid,TCOC,0%,100%,29.99%,600",
    )
    result = igkit("lan", "nominal-risk", path, *SPEND, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    meets = {c["contract"]: c["meets"] for c in data["contracts"]}
    assert meets == {
        "at-all-thresholds": True,
        "revenue-at-8": True,
        "revenue-below-8": False,
        "tcoc-below-3": False,
        "min-too-high": False,
        "share-too-low": False,
    }
    net = {c["contract"]: c["net_risk"] for c in data["contracts"]}
    assert net["at-all-thresholds"] == 3 and net["revenue-at-8"] == 8
    assert net["revenue-below-8"] == pytest.approx(7.996)
    assert data["contracts"][1] == {
        "contract": "revenue-at-8",
        "line_of_business": "commercial",
        "contract_type": "% Revenue",
        "net_risk": 8,
        "meets": True,
    }


def test_summary_arithmetic(contracts_csv, tmp_path):
    path = contracts_csv(
        'a,commercial,TCOC,2%,10%,50%,"$100,000"',
        "b,commercial,TCOC,5%,10%,50%,50000",
        'c,Medicare,% Revenue,2%,20%,50%,"250,000.50"',
        "d,medicaid,TCOC,2%,2%,50%,125000",
    )
    contracts = read_contracts(path)
    spend = {
        LineOfBusiness.COMMERCIAL: Decimal(1000000),
        LineOfBusiness.MEDICARE: Decimal(2000000),
        LineOfBusiness.MEDICAID: Decimal(500000),
    }
    result = evaluate(path, contracts, spend)
    com = result.lines[LineOfBusiness.COMMERCIAL]
    assert (com.meets_dollars, com.not_meets_dollars, com.dollars) == (100000, 50000, 150000)
    assert (com.meets_percent, com.not_meets_percent, com.percent) == (10, 5, 15)
    med = result.lines[LineOfBusiness.MEDICARE]
    assert med.meets_dollars == Decimal("250000.50") and med.not_meets_dollars == 0
    assert med.meets_percent == Decimal("12.500025")
    mcd = result.lines[LineOfBusiness.MEDICAID]
    assert (mcd.meets_dollars, mcd.not_meets_dollars, mcd.not_meets_percent) == (0, 125000, 25)
    total = result.total
    assert total.meets_dollars == Decimal("350000.50")
    assert total.not_meets_dollars == 175000
    assert total.dollars == Decimal("525000.50")
    # the total row is a percent of the grand total of all lines' spend (3,500,000)
    assert total.meets_percent == Decimal("350000.50") * 100 / 3500000
    assert total.percent == Decimal("525000.50") * 100 / 3500000
    assert total.meets_percent + total.not_meets_percent == total.percent


def test_json_summary_keys_and_unrounded_percents(contracts_csv, igkit):
    path = contracts_csv("a,commercial,TCOC,2%,10%,50%,100000", "b,medicare,TCOC,2%,10%,10%,1")
    result = igkit(
        "lan",
        "nominal-risk",
        path,
        "--total-spend",
        "commercial=300000",
        "--total-spend",
        "medicare=3",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    summary = json.loads(result.out)["summary"]
    assert list(summary) == ["commercial", "medicare", "medicaid", "total"]
    assert set(summary["commercial"]) == {
        "meets_dollars",
        "meets_percent",
        "not_meets_dollars",
        "not_meets_percent",
        "dollars",
        "percent",
    }
    assert summary["commercial"]["meets_percent"] == pytest.approx(100 / 3, rel=1e-15)
    assert summary["medicare"]["not_meets_percent"] == pytest.approx(100 / 3, rel=1e-15)
    # no total spend and no contracts for medicaid: zero dollars, percents not computable
    assert summary["medicaid"] == {
        "meets_dollars": 0,
        "meets_percent": None,
        "not_meets_dollars": 0,
        "not_meets_percent": None,
        "dollars": 0,
        "percent": None,
    }
    assert summary["total"]["dollars"] == 100001
    assert summary["total"]["percent"] == pytest.approx(100001 * 100 / 300003)


def test_zero_total_spend_is_not_computable(contracts_csv, igkit):
    path = contracts_csv("a,commercial,TCOC,2%,10%,50%,100")
    result = igkit("lan", "nominal-risk", path, "--total-spend", "commercial=0", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["summary"]["commercial"]["percent"] is None
    text = igkit("lan", "nominal-risk", path, "--total-spend", "commercial=0")
    assert "n/a" in text.out


def test_text_output_aligned_with_one_decimal(contracts_csv, igkit):
    path = contracts_csv(
        'Alpha ACO,commercial,TCOC,2%,10%,50%,"$48,500,000"', "B,commercial,% Revenue,3%,20%,40%,1"
    )
    result = igkit("lan", "nominal-risk", path, "--total-spend", "commercial=300000000")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Contract "))
    row = lines[header + 2]
    assert row.startswith("Alpha ACO") and row.endswith("yes")
    assert "5.0%" in row and "$48,500,000.00" in row
    # the dollars column is right-aligned under its header
    head = lines[header]
    end = head.index("Total dollars") + len("Total dollars")
    assert row.index("$48,500,000.00") + len("$48,500,000.00") == end
    assert lines[header + 3].index("$1.00") + len("$1.00") == end
    summary = next(line for line in lines if line.startswith("commercial "))
    assert "16.2%" in summary  # 48,500,001 / 300,000,000


def test_csv_output(contracts_csv, igkit):
    path = contracts_csv("a,commercial,TCOC,2%,10%,50%,100", "b,commercial,TCOC,5%,10%,50%,300")
    result = igkit("lan", "nominal-risk", path, "--total-spend", "commercial=1000", "--format", "csv")
    assert result.code == 0, result.err
    blocks = result.out.split("\n\n")
    assert blocks[0].splitlines()[1] == "a,commercial,TCOC,2,10,50,5,100,yes"
    summary = blocks[1].splitlines()
    assert summary[0].startswith("line_of_business,meets_dollars")
    assert summary[1] == "commercial,100,10,300,30,400,40"
    assert summary[2] == "medicare,0,,0,,0,"


def test_xlsx_input(tmp_path, igkit):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "Contract",
            "Line of Business",
            "Contract Type",
            "Risk Min",
            "Risk Max",
            "Provider Share",
            "Total Dollars",
        ]
    )
    sheet.append(["x", "Commercial", "TCOC", 0.04, 0.1, 0.3, 1000])  # percent cells hold fractions
    sheet.append(["y", "Medicaid", "% Revenue", "2%", "20%", "39%", "$2,000"])
    path = tmp_path / "contracts.xlsx"
    book.save(path)
    result = igkit(
        "lan",
        "nominal-risk",
        path,
        "--total-spend",
        "commercial=10000",
        "--total-spend",
        "medicaid=10000",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [(c["contract"], c["meets"]) for c in data["contracts"]] == [("x", True), ("y", False)]
    assert data["summary"]["total"]["dollars"] == 3000


def test_damaged_xlsx(tmp_path, igkit):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a zip file")
    result = igkit("lan", "nominal-risk", path, "--total-spend", "commercial=1")
    assert result.code == 2 and "broken.xlsx: cannot read the workbook" in result.err


_pct = st.decimals(min_value=0, max_value=100, places=2)
_contract = st.builds(
    Contract,
    name=st.just("c"),
    line_of_business=st.sampled_from(list(LineOfBusiness)),
    contract_type=st.sampled_from(list(ContractType)),
    risk_min=_pct,
    risk_max=_pct,
    provider_share=_pct,
    total_dollars=st.decimals(min_value=0, max_value=10**9, places=2),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_contract, max_size=8), st.decimals(min_value=1, max_value=10**10, places=2))
def test_summary_adds_up_for_any_contracts(contracts, spend):
    total_spend = dict.fromkeys(LineOfBusiness, spend)
    result = evaluate("x.csv", tuple(contracts), total_spend)
    assert result.total.dollars == sum((c.total_dollars for c in contracts), Decimal(0))
    assert result.total.meets_dollars == sum((s.meets_dollars for s in result.lines.values()), Decimal(0))
    for lob, line in result.lines.items():
        assert line.meets_dollars + line.not_meets_dollars == line.dollars
        # percents are exact up to Decimal's 28 significant digits
        assert abs(line.meets_percent * spend / 100 - line.meets_dollars) <= Decimal("1e-15")
        mine = [c for c in contracts if c.line_of_business is lob]
        assert line.dollars == sum((c.total_dollars for c in mine), Decimal(0))
    # a contract that meets keeps meeting when its risk terms get stronger for the provider
    for c in contracts:
        if c.meets:
            stronger = Contract(
                c.name,
                c.line_of_business,
                c.contract_type,
                c.risk_min / 2,
                min(Decimal(100), c.risk_max * 2),
                min(Decimal(100), c.provider_share * 2),
                c.total_dollars,
            )
            assert stronger.meets
