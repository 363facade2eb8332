"""Helpers for the `igkit lan` tests: run the CLI in-process and write small worksheets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from igkit.cli import main

REPO = Path(__file__).resolve().parents[2]
NOMINAL_HEADER = "contract,line_of_business,contract_type,risk_min,risk_max,provider_share,total_dollars"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def igkit(capsys):
    """Run `igkit ARGS...` in-process; returns exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def contracts_csv(tmp_path):
    """Write a contracts worksheet from data rows (header added)."""

    def write(*rows: str, name: str = "contracts.csv") -> Path:
        path = tmp_path / name
        path.write_text("\n".join([NOMINAL_HEADER, *rows]) + "\n", encoding="utf-8")
        return path

    return write
