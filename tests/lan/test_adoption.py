"""`igkit lan report`: the 19 metrics, percents of total and the workbook's cross-check."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from igkit.lan.adoption import LineInput, compute
from igkit.lan.catalog import ADOPTION_METRICS, NUMERATORS, CrossCheck, LineOfBusiness, Role

HEADER = (
    "line_of_business,period_start,period_end,total_paid,legacy_payments,foundational_spending,"
    "ffs_pay_for_performance,traditional_shared_savings,ffs_shared_risk,premium_based_payments"
)


def line(total: str, **models: str) -> LineInput:
    return LineInput(
        LineOfBusiness.COMMERCIAL,
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
        Decimal(total),
        {code.replace("_", "-"): Decimal(v) for code, v in models.items()},
    )


@pytest.fixture
def metrics_csv(tmp_path):
    def write(*rows: str, header: str = HEADER):
        path = tmp_path / "metrics.csv"
        path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        return path

    return write


def test_category_totals_and_aggregates():
    report = compute(
        line(
            "1000",
            legacy_payments="400",
            foundational_spending="50",
            ffs_pay_for_performance="100",
            traditional_shared_savings="120",
            utilization_shared_savings="30",
            ffs_shared_risk="80",
            procedure_bundles="20",
            condition_population_payments="10",
            population_payments="90",
            condition_bundles="15",
            premium_based_payments="60",
            integrated_finance_delivery="25",
        )
    )
    d = report.dollars
    assert len(d) == 19 and list(d) == [m.code for m in ADOPTION_METRICS]
    assert d["category-2-total"] == 150
    assert d["category-3-total"] == 250
    assert d["category-4-total"] == 200
    assert d["legacy-payments-aggregate"] == 400
    assert d["categories-2-4-total"] == 600
    assert d["categories-3-4-total"] == 450
    assert report.percent("categories-2-4-total") == 60
    assert report.percent("legacy-payments") + report.percent("categories-2-4-total") == 100
    assert report.cross_check is CrossCheck.BALANCED and report.difference == 0


def test_payment_models_not_in_effect_count_as_zero():
    report = compute(line("100", legacy_payments="100"))
    assert all(report.dollars[c] == 0 for c in NUMERATORS if c != "legacy-payments")
    assert report.dollars["categories-2-4-total"] == 0
    assert report.percent("legacy-payments-aggregate") == 100


def test_percents_are_exact():
    report = compute(line("3", legacy_payments="1", ffs_shared_risk="2"))
    assert report.percent("legacy-payments") == Decimal(100) / 3
    assert report.percent("legacy-payments") + report.percent("category-3-total") == 100


def test_cross_check_numerators_exceed_total():
    report = compute(line("1000", legacy_payments="900", traditional_shared_savings="200"))
    assert report.cross_check is CrossCheck.EXCEEDS
    assert report.difference == 100
    assert "double counting" in report.cross_check.explanation
    assert "dominant" in report.cross_check.explanation


def test_cross_check_numerators_fall_short():
    report = compute(line("1000", legacy_payments="500", traditional_shared_savings="20"))
    assert report.cross_check is CrossCheck.SHORT
    assert report.difference == -480
    assert "fee-for-service" in report.cross_check.explanation


def test_zero_denominator_is_not_computable_not_a_crash(metrics_csv, igkit):
    report = compute(line("0"))
    assert not report.computable and report.percent("legacy-payments") is None
    assert report.cross_check is CrossCheck.BALANCED
    path = metrics_csv("commercial,2019-01-01,2019-12-31,0,,,,,,", "medicaid,2019-01-01,2019-12-31,$0,5,,,,,")
    text = igkit("lan", "report", path)
    assert text.code == 0, text.err
    assert "not computable" in text.out and "n/a" in text.out
    data = json.loads(igkit("lan", "report", path, "--format", "json").out)
    assert all(m["percent"] is None for m in data["commercial"]["metrics"])
    assert data["medicaid"]["cross_check"]["result"] == "numerators-exceed-total"
    fhir = json.loads(igkit("lan", "report", path, "--format", "fhir").out)
    groups = fhir["entry"][0]["resource"]["group"]
    assert not any("extension" in g for g in groups)


def test_report_cli_text_and_json(metrics_csv, igkit):
    path = metrics_csv(
        'commercial,2019-01-01,2019-12-31,"$1,000",400,50,100,"$200",150,100',
        "MA,2019-07-01,2020-06-30,1000,900,,,200,,",
        "Medicaid,2019-01-01,2019-12-31,1000,500,,,20,,",
    )
    result = igkit("lan", "report", path, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert list(data) == ["commercial", "medicare", "medicaid"]
    com = {m["code"]: m for m in data["commercial"]["metrics"]}
    assert com["category-3-total"]["dollars"] == 350 and com["category-3-total"]["percent"] == 35
    assert com["categories-3-4-total"]["percent"] == 45
    assert com["total-paid"]["percent"] is None
    assert data["commercial"]["cross_check"] == {
        "numerator_sum": 1000,
        "total_paid": 1000,
        "difference": 0,
        "result": "balanced",
        "explanation": None,
    }
    assert data["medicare"]["period"] == {"start": "2019-07-01", "end": "2020-06-30"}
    assert data["medicare"]["cross_check"]["result"] == "numerators-exceed-total"
    assert data["medicaid"]["cross_check"]["difference"] == -480
    text = igkit("lan", "report", path).out
    assert "Cross-check: yes" in text
    assert "exceeds the total dollars paid ($1,000.00) by $100.00" in text and "double counting" in text
    assert "falls short of the total dollars paid ($1,000.00) by $480.00" in text
    assert "fee-for-service dollars left out" in text
    row10 = next(ln for ln in text.splitlines() if ln.lstrip().startswith("10 "))
    assert row10.endswith("35.0%") and "$350.00" in row10


@pytest.mark.parametrize(
    "row,fragment",
    [
        ("dental,2019-01-01,2019-12-31,1,,,,,,", "unknown line of business 'dental'"),
        (
            "commercial,2019-01-01,2019-06-30,1,,,,,,",
            "period 2019-01-01..2019-06-30 is not 12 months; expected period_end 2019-12-31",
        ),
        ("commercial,2019-13-01,2019-12-31,1,,,,,,", "period_start '2019-13-01' is not a date"),
        ("commercial,2019-01-01,2019-12-31,,,,,,,", "total_paid is empty"),
        ("commercial,2019-01-01,2019-12-31,100,-5,,,,,", "legacy_payments '-5' is negative"),
        ("commercial,2019-01-01,2019-12-31,100,,,,,x,", "ffs_shared_risk 'x' is not a dollar amount"),
    ],
)
def test_report_bad_rows(metrics_csv, igkit, tmp_path, row, fragment):
    path = metrics_csv("medicare,2019-01-01,2019-12-31,1,,,,,,", row)
    out = tmp_path / "out.json"
    result = igkit("lan", "report", path, "--format", "fhir", "--output", out)
    assert result.code == 2
    assert f"{path}:3: {fragment}" in result.err
    assert not out.exists()


def test_report_duplicate_line_and_bad_header(metrics_csv, igkit):
    path = metrics_csv("medicaid,2019-01-01,2019-12-31,1,,,,,,", "medicaid,2019-01-01,2019-12-31,1,,,,,,")
    result = igkit("lan", "report", path)
    assert result.code == 2 and f"{path}:3: medicaid appears twice (first on line 2)" in result.err
    path = metrics_csv(
        "medicaid,2019-01-01,2019-12-31,1,2",
        header="line_of_business,period_start,period_end,total_paid,capitation",
    )
    result = igkit("lan", "report", path)
    assert result.code == 2 and f"{path}:1: unknown column 'capitation'" in result.err


def test_every_derived_metric_only_sums_earlier_metrics():
    seen: set[str] = set()
    for metric in ADOPTION_METRICS:
        if metric.role is Role.DERIVED:
            assert metric.summands and set(metric.summands) <= seen
        seen.add(metric.code)
    assert len(NUMERATORS) == 12


def test_report_reads_xlsx_with_date_and_number_cells(tmp_path, igkit):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        ["line_of_business", "period_start", "period_end", "total_paid", "legacy_payments", "ffs_shared_risk"]
    )
    sheet.append(["Commercial", dt.datetime(2019, 1, 1), dt.datetime(2019, 12, 31), 1000, 750.5, "$249.50"])
    path = tmp_path / "metrics.xlsx"
    book.save(path)
    result = igkit("lan", "report", path, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)["commercial"]
    assert data["cross_check"]["result"] == "balanced"
    assert {m["code"]: m["percent"] for m in data["metrics"]}["category-3-total"] == pytest.approx(24.95)
