"""`igkit test` end to end with the real `igkit validate` (and, when marked slow, the real SUSHI),
on copies of the mini IG: each deliberate breakage fails with a message that points at its cause."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from igkit.cli import main

pytest.importorskip("igkit.validate.cli")

ROOT = Path(__file__).resolve().parents[2]
SUSHI = Path(os.environ.get("IGKIT_SUSHI", ROOT / "node_modules/fsh-sushi/dist/app.js"))


def igkit_test(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(root)
    with pytest.raises(SystemExit) as exc:
        main(["test", *args])
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out + out.err


@pytest.fixture
def recorded(mini: Path, monkeypatch, capsys) -> Path:
    monkeypatch.delenv("IGKIT_VALIDATOR_JAR", raising=False)  # the native engine only, unless a test sets it
    code, text = igkit_test(mini, monkeypatch, capsys, "--no-compile", "--update")
    assert code == 0, text
    code, text = igkit_test(mini, monkeypatch, capsys, "--no-compile")
    assert code == 0, text
    assert text.rstrip().endswith("PASSED")
    return mini


def test_breaking_a_valid_example_fails_and_names_it(recorded: Path, monkeypatch, capsys) -> None:
    path = recorded / "fsh-generated/resources/Observation-obs-1.json"
    data = json.loads(path.read_text())
    del data["subject"]
    path.write_text(json.dumps(data, indent=2))
    code, text = igkit_test(recorded, monkeypatch, capsys, "--no-compile")
    assert code == 1
    assert "FAIL Observation/obs-1 (fsh/examples/Observations.fsh:1)" in text
    assert "error in a valid example: error Observation" in text
    assert "Observation.subject: minimum required = 1" in text


def test_removing_an_expected_error_fails_with_the_extra_error(recorded: Path, monkeypatch, capsys) -> None:
    path = recorded / "fsh/examples-invalid/expected-issues.yaml"
    data = yaml.safe_load(path.read_text())
    data["Observation/invalid-obs-nosubject"]["issues"] = [
        i for i in data["Observation/invalid-obs-nosubject"]["issues"] if i.get("invariant") != "fx-1"
    ]
    path.write_text(yaml.safe_dump(data))
    code, text = igkit_test(recorded, monkeypatch, capsys, "--no-compile")
    assert code == 1
    assert "FAIL Observation/invalid-obs-nosubject" in text
    assert "unexpected error: error Observation line 1 [fx-1]: Constraint failed: fx-1" in text


def test_recorded_outcomes_are_stable_and_relative(recorded: Path) -> None:
    for path in (recorded / "tests/outcomes").glob("*.json"):
        text = path.read_text()
        assert str(recorded) not in text
        assert json.loads(text)["file"].startswith(("fsh-generated/", "input/"))


def _compile_env(monkeypatch) -> None:
    if not SUSHI.is_file():
        pytest.skip(f"SUSHI is not installed ({SUSHI}); run make setup")
    if not (shutil.which("node") or shutil.which("nodejs") or os.environ.get("IGKIT_NODE")):
        pytest.skip("Node.js is not installed; SUSHI needs it")
    monkeypatch.setenv("IGKIT_SUSHI", str(SUSHI))
    node = ROOT / ".igkit/nodeenv/bin"
    if node.is_dir():
        monkeypatch.setenv("PATH", f"{node}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.mark.slow
def test_fixture_fsh_and_its_committed_compiled_output_agree(recorded: Path, monkeypatch, capsys) -> None:
    _compile_env(monkeypatch)
    code, text = igkit_test(recorded, monkeypatch, capsys)  # compiles, then compares with the records
    assert code == 0, text
    assert "compiled: SUSHI 0 error(s)" in text


@pytest.mark.slow
def test_changing_a_cardinality_in_fsh_prints_the_element_diff(recorded: Path, monkeypatch, capsys) -> None:
    _compile_env(monkeypatch)
    fsh = recorded / "fsh/profiles/FixtureObservation.fsh"
    fsh.write_text(fsh.read_text().replace("* subject 1..1 MS", "* subject 0..1 MS"))
    code, text = igkit_test(recorded, monkeypatch, capsys)
    assert code == 1
    assert "artifact changed: StructureDefinition/fixture-observation" in text
    assert "     Observation.subject: min 1 -> 0 (inherited)" in text


@pytest.mark.slow
def test_fsh_syntax_error_names_file_and_line_and_keeps_records(recorded: Path, monkeypatch, capsys) -> None:
    _compile_env(monkeypatch)
    before = {p: p.read_bytes() for p in sorted((recorded / "tests").rglob("*.json"))}
    fsh = recorded / "fsh/examples/Observations.fsh"
    fsh.write_text(fsh.read_text().replace("* status = #final", "* status = = #final"))
    code, text = igkit_test(recorded, monkeypatch, capsys, "--update")
    assert code == 1
    assert "the FSH does not compile" in text
    assert "fsh/examples/Observations.fsh:6 error Assignment rules must include" in text
    assert {p: p.read_bytes() for p in sorted((recorded / "tests").rglob("*.json"))} == before


FAKE_JAVA = r"""#!{python}
# Stands in for `java -jar validator_cli.jar`: records its arguments, reports one warning per file.
import json, sys
args = sys.argv[1:]
open({log!r}, "w").write(json.dumps(args))
out = args[args.index("-output") + 1]
files = args[2:args.index("-version")]
def outcome(f):
    return {{"resourceType": "OperationOutcome",
            "extension": [{{"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-file", "valueString": f}}],
            "issue": [{{"severity": "warning", "code": "business-rule", "expression": ["Observation.code"],
                        "details": {{"text": "LOINC code not checked offline"}},
                        "extension": [{{"url": "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id",
                                        "valueCode": "Terminology_TX_System_NoCheck"}}]}}]}}
data = {{"resourceType": "Bundle", "type": "collection", "entry": [{{"resource": outcome(f)}} for f in files]}}
open(out, "w").write(json.dumps(data if len(files) > 1 else outcome(files[0])))
"""


def test_hl7_validator_runs_too_when_its_jar_is_configured(
    recorded: Path, monkeypatch, capsys, tmp_path
) -> None:
    bin_dir = tmp_path / "java-home" / "bin"
    bin_dir.mkdir(parents=True)
    log = tmp_path / "java-args.json"
    java = bin_dir / "java"
    java.write_text(FAKE_JAVA.format(python=sys.executable, log=str(log)))
    java.chmod(0o755)
    jar = tmp_path / "validator_cli.jar"
    jar.write_bytes(b"PK")
    monkeypatch.setenv("IGKIT_VALIDATOR_JAR", str(jar))
    monkeypatch.setenv("JAVA_HOME", str(bin_dir.parent))
    code, text = igkit_test(recorded, monkeypatch, capsys, "--no-compile", "--jobs", "1")
    assert code == 1
    assert (
        "new warning not in the allow-list (input/warnings-allowlist.yaml): warning Observation.code line 1 "
        "[Terminology_TX_System_NoCheck]: LOINC code not checked offline (java)"
    ) in text
    assert "3 validated, 3 from cache" in text  # the native results came from the cache
    args = json.loads(log.read_text())
    assert ["-ig", "fsh-generated/resources"] == args[args.index("fsh-generated/resources") - 1 :][:2]
    assert "hl7.terminology.r4#7.0.1" in args
    # accepted for the java engine only: the native engine's recorded outcomes are unchanged
    allow = recorded / "input/warnings-allowlist.yaml"
    allow.write_text(
        allow.read_text() + "  - message-id: Terminology_TX_System_NoCheck\n    engine: java\n"
        "    location: Observation.code\n    reason: no terminology server offline\n"
    )
    code, text = igkit_test(recorded, monkeypatch, capsys, "--no-compile")
    assert code == 0, text
