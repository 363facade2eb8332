"""Parsing SUSHI's console log into diagnostics, on a log SUSHI 3.21.0 really printed."""

from __future__ import annotations

from pathlib import Path

from igkit.compile import Diagnostic, parse_sushi_log

FIXTURE = Path(__file__).parent / "fixtures" / "sushi-errors.log"


def test_parses_every_error_and_warning_with_file_and_line():
    result = parse_sushi_log(FIXTURE.read_text(), Path("/PROJECT"))
    assert (result.errors, result.warnings) == (4, 2)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert errors[0] == Diagnostic(
        "error",
        "Rules must start with a '*' symbol followed by at least one space, "
        "and may only be preceded by whitespace",
        "input/fsh/c.fsh",
        5,
        None,
    )
    assert errors[1].format() == "input/fsh/b.fsh:3 error The min must be <= max, but min 2 is > max 1."
    assert (errors[3].line, errors[3].end_line) == (7, 10)
    warnings = [d for d in result.diagnostics if d.severity == "warning"]
    assert warnings[0].message.startswith("Failed to load automatically-provided hl7.fhir.uv.tools.r4")
    assert warnings[0].file is None and warnings[0].format().startswith("sushi warning")


def test_log_cut_short_still_counts_what_it_saw():
    text = "info  Importing\nerror Something broke\n  File: /x/input/fsh/a.fsh\n  Line: 2\n"
    result = parse_sushi_log(text)
    assert result.errors == 1 and result.diagnostics[0].file == "/x/input/fsh/a.fsh"


def test_clean_log():
    text = "info  Converted 1 FHIR StructureDefinitions.\n| Hooray!      0 Errors      0 Warnings |\n"
    result = parse_sushi_log(text)
    assert (result.errors, result.warnings, result.diagnostics) == (0, 0, [])
