"""Every malformed input stops with FILE:LINE, what is wrong and what was expected; exit 2; no output file."""

from __future__ import annotations

import pytest

from tests.lan.conftest import NOMINAL_HEADER

GOOD = "ok,commercial,TCOC,2%,10%,50%,100"
SPEND = (
    "--total-spend",
    "commercial=1000",
    "--total-spend",
    "medicare=1000",
    "--total-spend",
    "medicaid=1000",
)


@pytest.mark.parametrize(
    "row,fragment",
    [
        (
            "x,dental,TCOC,2%,10%,50%,100",
            "unknown line of business 'dental'; expected commercial, medicare or medicaid",
        ),
        ("x,commercial,capitation,2%,10%,50%,100", "unknown contract type 'capitation'; expected TCOC"),
        ("x,commercial,TCOC,101%,10%,50%,100", "risk_min '101%' is outside 0-100%"),
        ("x,commercial,TCOC,2%,-1%,50%,100", "risk_max '-1%' is outside 0-100%"),
        ("x,commercial,TCOC,2%,10%,50,100", "provider_share '50' is outside 0-100%"),
        ("x,commercial,TCOC,2%,10%,half,100", "provider_share 'half' is not a percentage"),
        ("x,commercial,TCOC,2%,10%,50%,-100", "total_dollars '-100' is negative"),
        ("x,commercial,TCOC,2%,10%,50%,lots", "total_dollars 'lots' is not a dollar amount"),
        ("x,commercial,TCOC,2%,10%,50%,", "total_dollars is empty"),
        (
            "x,commercial,TCOC,2%,10%",
            "5 values but the header has 7 columns; missing provider_share, total_dollars",
        ),
        ("x,commercial,TCOC,2%,10%,,100", "provider_share is empty"),
        (",commercial,TCOC,2%,10%,50%,100", "contract name is empty"),
        ("ok,commercial,TCOC,2%,10%,50%,100", "contract 'ok' is listed twice (first on line 2)"),
        ("x,commercial,TCOC,2%,10%,50%,100,extra", "8 values but the header has 7 columns"),
    ],
)
def test_bad_row_reports_file_and_line(contracts_csv, igkit, tmp_path, row, fragment):
    path = contracts_csv(GOOD, row)
    out = tmp_path / "out.json"
    result = igkit("lan", "nominal-risk", path, *SPEND, "--format", "json", "--output", out)
    assert result.code == 2
    assert f"{path}:3: " in result.err
    assert fragment in result.err
    assert "Traceback" not in result.err
    assert not out.exists()
    assert not list(tmp_path.glob(".out.json*"))  # no temporary left behind either


def test_missing_column(tmp_path, igkit):
    path = tmp_path / "c.csv"
    path.write_text(
        "contract,line_of_business,contract_type,risk_min,risk_max,total_dollars\n"
        "a,commercial,TCOC,1%,10%,100\n",
        encoding="utf-8",
    )
    result = igkit("lan", "nominal-risk", path, *SPEND)
    assert result.code == 2
    assert f"{path}:1: missing column(s) provider_share" in result.err


def test_unknown_column(tmp_path, igkit):
    path = tmp_path / "c.csv"
    path.write_text(NOMINAL_HEADER + ",notes\n" + GOOD + ",x\n", encoding="utf-8")
    result = igkit("lan", "nominal-risk", path, *SPEND)
    assert result.code == 2 and f"{path}:1: unknown column 'notes'" in result.err


def test_total_spend_missing_for_a_line_with_contracts(contracts_csv, igkit, tmp_path):
    path = contracts_csv(GOOD, "m,medicare,TCOC,2%,10%,50%,100", "n,medicare,TCOC,2%,10%,50%,100")
    out = tmp_path / "out.txt"
    result = igkit("lan", "nominal-risk", path, "--total-spend", "commercial=1000", "--output", out)
    assert result.code == 2
    assert f"{path}:3: contract 'm' is medicare but no total spend was given for medicare" in result.err
    assert "--total-spend medicare=AMOUNT" in result.err
    assert not out.exists()


@pytest.mark.parametrize(
    "option,fragment",
    [
        ("commercial", "has no '='"),
        ("dental=5", "unknown line of business 'dental'"),
        ("commercial=-5", "negative"),
        ("commercial=abc", "not a dollar amount"),
    ],
)
def test_bad_total_spend_option(contracts_csv, igkit, option, fragment):
    result = igkit("lan", "nominal-risk", contracts_csv(GOOD), "--total-spend", option)
    assert result.code == 2 and fragment in result.err


def test_missing_file(tmp_path, igkit):
    result = igkit("lan", "nominal-risk", tmp_path / "nope.csv", *SPEND)
    assert result.code == 2 and "nope.csv: no such file" in result.err


def test_failed_run_keeps_an_existing_output_file(contracts_csv, igkit, tmp_path):
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    result = igkit(
        "lan", "nominal-risk", contracts_csv(GOOD, "x,dental,TCOC,1%,1%,1%,1"), *SPEND, "--output", out
    )
    assert result.code == 2
    assert out.read_text(encoding="utf-8") == "previous"


def test_fhir_needs_a_period(contracts_csv, igkit):
    result = igkit("lan", "nominal-risk", contracts_csv(GOOD), *SPEND, "--format", "fhir")
    assert result.code == 2 and "--period START/END" in result.err


def test_period_must_be_12_months(contracts_csv, igkit):
    result = igkit(
        "lan",
        "nominal-risk",
        contracts_csv(GOOD),
        *SPEND,
        "--format",
        "fhir",
        "--period",
        "2019-01-01/2019-06-30",
    )
    assert result.code == 2 and "not 12 months; expected 2019-01-01/2019-12-31" in result.err


def test_subprocess_exit_code_and_stderr(contracts_csv):
    import subprocess
    import sys

    path = contracts_csv("x,commercial,TCOC,2%,10%,150%,100")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from igkit.cli import main; main()",
            "lan",
            "nominal-risk",
            str(path),
            *SPEND,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip().startswith(f"igkit: {path}:2: provider_share '150%' is outside 0-100%")


@pytest.mark.parametrize(
    "args,fragment",
    [
        (("--date", "31/03/2020"), "--date '31/03/2020' is not a date; expected YYYY-MM-DD"),
        (("--payer-ref", "Patient/1"), "--payer-ref 'Patient/1' is not a reference to an Organization"),
        (("--period", "2019-01-01"), "--period: '2019-01-01' has no '/'"),
    ],
)
def test_bad_fhir_options(contracts_csv, igkit, args, fragment):
    result = igkit(
        "lan",
        "nominal-risk",
        contracts_csv(GOOD),
        *SPEND,
        "--format",
        "fhir",
        "--period",
        "2019-01-01/2019-12-31",
        *args,
    )
    assert result.code == 2 and fragment in result.err


def test_report_payer_reference(igkit, tmp_path):
    import json

    from tests.lan.conftest import REPO

    result = igkit(
        "lan",
        "report",
        REPO / "input" / "lan" / "metrics.csv",
        "--format",
        "fhir",
        "--payer",
        "Evergreen Health Plan",
        "--payer-ref",
        "Organization/evergreen-health-plan",
    )
    assert result.code == 0, result.err
    reporter = json.loads(result.out)["entry"][0]["resource"]["reporter"]
    assert reporter == {"reference": "Organization/evergreen-health-plan", "display": "Evergreen Health Plan"}
