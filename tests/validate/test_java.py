"""Tests for igkit.validate.java: the OperationOutcome mapping and the subprocess plumbing.

The real validator_cli.jar is not available here; the plumbing tests put a fake `java` on PATH
(in tmp_path only) that records its arguments and writes a known OperationOutcome.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from igkit.errors import IgkitError
from igkit.validate.java import (
    JAR_ENV,
    JavaOptions,
    find_validator,
    issues_by_file,
    issues_from_outcome,
    validate_with_java,
)

EXPECTED = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/validator-tests/expected")
KEYS = {"severity", "code", "message", "message_id", "expression", "line", "col"}


@pytest.mark.skipif(not EXPECTED.is_dir(), reason="conformance outcomes not available")
def test_every_java_outcome_maps_without_error():
    files = sorted(EXPECTED.glob("*.json"))
    assert len(files) > 150
    total = 0
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        issues = issues_from_outcome(data)
        assert len(issues) == len(data.get("issue", []))
        for issue in issues:
            assert set(issue) == KEYS
            assert issue["severity"] in {"fatal", "error", "warning", "information"}
            assert issue["message"]
            assert issue["line"] is None or issue["line"] >= 1
        total += len(issues)
    assert total > 400


@pytest.mark.skipif(not EXPECTED.is_dir(), reason="conformance outcomes not available")
def test_specific_java_outcomes():
    (issue,) = issues_from_outcome(json.loads((EXPECTED / "R4.ai4-base.json").read_text()))
    assert issue == {
        "severity": "error",
        "code": "invalid",
        "message": "Not a valid date format: 'not a date'",
        "message_id": None,
        "expression": "Patient.birthDate",
        "line": 20,
        "col": 28,
    }
    issues = issues_from_outcome(
        json.loads((EXPECTED / "R4.StructureDefinition-Slice23-base.json").read_text())
    )
    assert issues[0]["line"] is None and issues[0]["expression"] == "StructureDefinition"
    assert (issues[1]["severity"], issues[1]["line"], issues[1]["col"]) == ("information", 65, 14)
    summary = json.loads((EXPECTED / "toplevel-maxvalueduration-fail-profile.json").read_text())
    assert issues_from_outcome(summary) == []


def test_extensions_take_precedence_and_bundles_split_by_file():
    def outcome(file, text, line):
        return {
            "resourceType": "OperationOutcome",
            "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-file", "valueString": file}
            ],
            "issue": [
                {
                    "extension": [
                        {
                            "url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line",
                            "valueInteger": line,
                        },
                        {
                            "url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col",
                            "valueInteger": 7,
                        },
                        {
                            "url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                            "valueCode": "Type_Specific_Checks_DT_Code_WS",
                        },
                    ],
                    "severity": "error",
                    "code": "invalid",
                    "details": {"text": text},
                    "diagnostics": "[99,99]",
                    "location": ["Patient.gender", f"Line[{line}] Col[7]"],
                }
            ],
        }

    bundle = {
        "resourceType": "Bundle",
        "entry": [{"resource": outcome("/x/b.json", "B", 3)}, {"resource": outcome("a.json", "A", 2)}],
    }
    result = issues_by_file(bundle, ["a.json", "/x/b.json", "c.json"])
    assert list(result) == ["a.json", "/x/b.json", "c.json"]
    assert result["c.json"] == []
    assert result["a.json"] == [
        {
            "severity": "error",
            "code": "invalid",
            "message": "A",
            "message_id": "Type_Specific_Checks_DT_Code_WS",
            "expression": "Patient.gender",
            "line": 2,
            "col": 7,
        }
    ]
    assert result["/x/b.json"][0]["line"] == 3


def test_not_an_outcome_is_refused():
    with pytest.raises(IgkitError, match="OperationOutcome"):
        issues_from_outcome({"resourceType": "Patient"})


# -- locating the validator ----------------------------------------------------------------


def test_no_jar_configured(tmp_path):
    with pytest.raises(IgkitError, match=JAR_ENV) as info:
        find_validator({"PATH": str(tmp_path)})
    assert "never downloads" in str(info.value)
    with pytest.raises(IgkitError, match="no such file"):
        find_validator({JAR_ENV: str(tmp_path / "missing.jar"), "PATH": str(tmp_path)})


def test_java_missing(tmp_path):
    jar = tmp_path / "validator_cli.jar"
    jar.write_bytes(b"PK")
    with pytest.raises(IgkitError, match="java"):
        find_validator({JAR_ENV: str(jar), "PATH": str(tmp_path / "empty")})


FAKE_JAVA = r"""#!{python}
import json, sys, time
args = sys.argv[1:]
open({log!r}, "w").write(json.dumps(args))
mode = {mode!r}
if mode == "sleep":
    time.sleep(30)
if mode == "silent":
    sys.stderr.write("Exception in thread main: boom\n")
    sys.exit(3)
out = args[args.index("-output") + 1]
files = args[2:args.index("-version")]
entries = []
for n, f in enumerate(files):
    entries.append({{"resource": {{
        "resourceType": "OperationOutcome",
        "extension": [{{"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-file", "valueString": f}}],
        "issue": [{{"severity": "error", "code": "invalid", "details": {{"text": "problem %d" % n}},
                    "expression": ["Patient.birthDate"],
                    "extension": [{{"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line",
                                    "valueInteger": n + 1}},
                                  {{"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col",
                                    "valueInteger": 5}}]}}]}}}})
data = {{"resourceType": "Bundle", "type": "collection", "entry": entries}} if len(files) > 1 else entries[0]["resource"]
open(out, "w").write(json.dumps(data))
sys.exit(1)  # the validator exits non-zero when it found errors
"""


def _fake_env(tmp_path: Path, mode: str = "ok") -> tuple[dict, Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "args.json"
    java = bin_dir / "java"
    java.write_text(FAKE_JAVA.format(python=sys.executable, log=str(log), mode=mode))
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    jar = tmp_path / "validator_cli.jar"
    jar.write_bytes(b"PK")
    env = {"PATH": str(bin_dir), JAR_ENV: str(jar), "HOME": os.environ.get("HOME", str(tmp_path))}
    return env, log


def _inputs(tmp_path: Path, n: int) -> list[str]:
    files = []
    for i in range(n):
        f = tmp_path / f"p{i}.json"
        f.write_text('{"resourceType": "Patient"}')
        files.append(str(f))
    return files


def test_runs_the_validator_with_the_documented_arguments(tmp_path):
    env, log = _fake_env(tmp_path)
    files = _inputs(tmp_path, 2)
    options = JavaOptions(
        igs=["hl7.fhir.us.core#6.1.0", "out/package"],
        profiles=["http://x/SD/p"],
        security_checks=True,
        timeout=60,
    )
    result = validate_with_java(files, options, env=env)
    args = json.loads(log.read_text())
    assert args[:2] == ["-jar", env[JAR_ENV]]
    assert args[2:4] == files
    assert args[4:] == [
        "-version",
        "4.0.1",
        "-ig",
        "hl7.fhir.us.core#6.1.0",
        "-ig",
        "out/package",
        "-profile",
        "http://x/SD/p",
        "-security-checks",
        "-tx",
        "n/a",
        "-output",
        args[-1],
    ]
    assert list(result) == files
    assert result[files[1]] == [
        {
            "severity": "error",
            "code": "invalid",
            "message": "problem 1",
            "message_id": None,
            "expression": "Patient.birthDate",
            "line": 2,
            "col": 5,
        }
    ]


def test_single_file_gives_a_plain_outcome(tmp_path):
    env, log = _fake_env(tmp_path)
    (f,) = _inputs(tmp_path, 1)
    result = validate_with_java([f], JavaOptions(tx=None), env=env)
    assert "-tx" not in json.loads(log.read_text())
    assert result[f][0]["message"] == "problem 0"


def test_no_outcome_is_a_clear_error(tmp_path):
    env, _ = _fake_env(tmp_path, mode="silent")
    with pytest.raises(IgkitError, match="exit code 3.*boom"):
        validate_with_java(_inputs(tmp_path, 1), env=env)


def test_timeout_is_a_clear_error(tmp_path):
    env, _ = _fake_env(tmp_path, mode="sleep")
    with pytest.raises(IgkitError, match="did not finish within 1 s"):
        validate_with_java(_inputs(tmp_path, 1), JavaOptions(timeout=1), env=env)


def test_missing_input_file(tmp_path):
    env, _ = _fake_env(tmp_path)
    with pytest.raises(IgkitError, match="no such file"):
        validate_with_java([str(tmp_path / "nope.json")], env=env)


# -- through `igkit validate --engine java` ------------------------------------------------


def test_cli_engine_java_without_a_jar_is_a_setup_error(tmp_path, monkeypatch, capsys):
    from igkit.cli import main

    monkeypatch.delenv(JAR_ENV, raising=False)
    (f,) = _inputs(tmp_path, 1)
    with pytest.raises(SystemExit) as info:
        main(["validate", f, "--engine", "java", "--output", str(tmp_path / "out.json")])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert JAR_ENV in err and "Traceback" not in err
    assert not (tmp_path / "out.json").exists()


def test_cli_engine_java_maps_the_validator_outcome(tmp_path, monkeypatch, capsys):
    from igkit.cli import main

    env, log = _fake_env(tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("JAVA_HOME", raising=False)
    files = _inputs(tmp_path, 2)
    out = tmp_path / "out.json"
    with pytest.raises(SystemExit) as info:
        main(["validate", *files, "--engine", "java", "--output", str(out)])
    assert info.value.code == 1  # the fake validator reports one error per file
    assert json.loads(log.read_text())[2:4] == files
    written = out.read_text(encoding="utf-8")
    assert "problem 0" in written and "problem 1" in written
    assert "Traceback" not in capsys.readouterr().err
