"""`igkit validate --engine java`: run the HL7 Java validator and read its OperationOutcomes.

Public API::

    JAR_ENV = "IGKIT_VALIDATOR_JAR"
    JavaOptions(igs: Sequence[str] = (), profiles: Sequence[str] = (), security_checks: bool = False,
                timeout: float = 900.0, fhir_version: str = "4.0.1", tx: str | None = "n/a")
    find_validator(env: Mapping[str, str] | None = None) -> tuple[str, str]     # (java, jar) or IgkitError
    validate_with_java(files: Sequence[Path | str], options: JavaOptions | None = None,
                       env: Mapping[str, str] | None = None) -> dict[str, list[dict]]
    issues_by_file(data: dict, files: Sequence[str] = ()) -> dict[str, list[dict]]
    issues_from_outcome(outcome: dict) -> list[dict]

The jar is never downloaded: it is used only when IGKIT_VALIDATOR_JAR names an existing
validator_cli.jar, and `java` is found in $JAVA_HOME/bin or on PATH; otherwise IgkitError says
how to set it up. The validator runs as

    java -jar JAR FILE... -version 4.0.1 [-ig PATH]... [-profile URL]... [-security-checks]
         [-tx n/a] -output OUT.json

without a shell and with a timeout. `tx` "n/a" (the default) switches off the terminology
server, which an offline machine cannot reach; pass None to let the validator use its default.

Issue dicts (until VA's issues.Issue takes over) have exactly these keys:

    severity    "fatal" | "error" | "warning" | "information"
    code        OperationOutcome issue type, e.g. "invalid"
    message     details.text (or diagnostics when there is no text)
    message_id  from the operationoutcome-message-id extension, or None
    expression  the first expression (or location) string, or None
    line, col   ints from the operationoutcome-issue-line/-col extensions, else parsed from a
                "[line,col]" diagnostics or "Line[l] Col[c]" location; None when unknown

`validate_with_java` returns one list per input file, keyed by the file path as given.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from igkit.errors import IgkitError

JAR_ENV = "IGKIT_VALIDATOR_JAR"

_EXT_LINE = ("operationoutcome-issue-line",)
_EXT_COL = ("operationoutcome-issue-col",)
_EXT_MESSAGE_ID = ("operationoutcome-message-id", "operationoutcome-issue-message-id")
_EXT_FILE = ("operationoutcome-file",)
_DIAG_POS = re.compile(r"\[\s*(\d+)\s*,\s*(\d+)\s*\]")
_LOCATION_POS = re.compile(r"Line\[?\s*(\d+)\]?\s*,?\s*Col\[?\s*(\d+)\]?", re.IGNORECASE)

_SETUP_HINT = (
    f"Download the HL7 FHIR validator (validator_cli.jar, from "
    f"https://github.com/hapifhir/org.hl7.fhir.core/releases) yourself and set {JAR_ENV} to its path, "
    f"e.g. `export {JAR_ENV}=$HOME/tools/validator_cli.jar`; igkit never downloads it. "
    f"Without it, use the built-in engine (the default)."
)


@dataclass(frozen=True)
class JavaOptions:
    igs: Sequence[str] = ()  # -ig: package ids (id#version), folders or files
    profiles: Sequence[str] = ()  # -profile: canonical URLs
    security_checks: bool = False
    timeout: float = 900.0  # seconds for the whole run (the validator loads packages first)
    fhir_version: str = "4.0.1"
    tx: str | None = "n/a"  # -tx value; None: do not pass -tx


def find_validator(env: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Return (java executable, jar path), or raise IgkitError explaining what is missing."""
    env = os.environ if env is None else env
    jar = env.get(JAR_ENV, "").strip()
    if not jar:
        raise IgkitError(f"The Java engine needs the HL7 validator, but {JAR_ENV} is not set. {_SETUP_HINT}")
    if not Path(jar).is_file():
        raise IgkitError(f"{JAR_ENV} is set to '{jar}', but there is no such file. {_SETUP_HINT}")
    java = None
    java_home = env.get("JAVA_HOME", "").strip()
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            java = str(candidate)
    if java is None:
        java = shutil.which("java", path=env.get("PATH", os.defpath))
    if java is None:
        raise IgkitError(
            "The Java engine needs a Java runtime (11 or later), but `java` was not found on PATH or in "
            "$JAVA_HOME/bin. Install one (e.g. `apt-get install default-jre-headless`) or set JAVA_HOME, "
            "or use the built-in engine (the default)."
        )
    return java, jar


def _command(java: str, jar: str, files: Sequence[str], options: JavaOptions, output: str) -> list[str]:
    cmd = [java, "-jar", jar, *files, "-version", options.fhir_version]
    for ig in options.igs:
        cmd += ["-ig", str(ig)]
    for profile in options.profiles:
        cmd += ["-profile", str(profile)]
    if options.security_checks:
        cmd.append("-security-checks")
    if options.tx is not None:
        cmd += ["-tx", options.tx]
    cmd += ["-output", output]
    return cmd


def validate_with_java(
    files: Sequence[Path | str], options: JavaOptions | None = None, env: Mapping[str, str] | None = None
) -> dict[str, list[dict]]:
    """Validate `files` with the Java validator; issues per file (keys are the paths as given)."""
    options = options or JavaOptions()
    names = [str(f) for f in files]
    if not names:
        return {}
    missing = [n for n in names if not Path(n).is_file()]
    if missing:
        raise IgkitError(f"Cannot validate {missing[0]}: no such file.")
    java, jar = find_validator(env)
    with tempfile.TemporaryDirectory(prefix="igkit-java-") as tmp:
        output = str(Path(tmp) / "outcome.json")
        cmd = _command(java, jar, names, options, output)
        try:
            proc = subprocess.run(
                cmd,
                check=False,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=options.timeout,
                env=dict(os.environ if env is None else env),
            )
        except subprocess.TimeoutExpired:
            raise IgkitError(
                f"The Java validator did not finish within {options.timeout:g} s (validating {len(names)} "
                "file(s)). Raise the timeout, or validate fewer files at a time."
            ) from None
        except OSError as exc:
            raise IgkitError(f"Could not start the Java validator ({java}): {exc.strerror or exc}.") from None
        try:
            data = json.loads(Path(output).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            tail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip().splitlines()[-5:]
            raise IgkitError(
                f"The Java validator (exit code {proc.returncode}) wrote no readable outcome. "
                + ("Its last output: " + " | ".join(tail) if tail else "It printed nothing.")
            ) from None
    return issues_by_file(data, names)


def _ext_value(item: dict, names: Sequence[str]) -> Any:
    for ext in item.get("extension", []) or []:
        url = ext.get("url", "")
        if any(url.endswith("/" + n) or url == n for n in names):
            for key, value in ext.items():
                if key.startswith("value"):
                    return value
    return None


def _position(issue: dict) -> tuple[int | None, int | None]:
    line, col = _ext_value(issue, _EXT_LINE), _ext_value(issue, _EXT_COL)
    if isinstance(line, int) and isinstance(col, int):
        return line, col
    m = _DIAG_POS.fullmatch((issue.get("diagnostics") or "").strip())
    if m:
        return int(m.group(1)), int(m.group(2))
    for loc in issue.get("location", []) or []:
        m = _LOCATION_POS.search(loc)
        if m:
            return int(m.group(1)), int(m.group(2))
    return (line if isinstance(line, int) else None), (col if isinstance(col, int) else None)


def _issue(issue: dict) -> dict:
    details = issue.get("details") or {}
    message = details.get("text") or issue.get("diagnostics") or ""
    expressions = issue.get("expression") or [
        loc for loc in issue.get("location", []) or [] if not _LOCATION_POS.search(loc)
    ]
    line, col = _position(issue)
    message_id = _ext_value(issue, _EXT_MESSAGE_ID)
    return {
        "severity": issue.get("severity", "error"),
        "code": issue.get("code", "processing"),
        "message": message,
        "message_id": message_id if isinstance(message_id, str) else None,
        "expression": expressions[0] if expressions else None,
        "line": line,
        "col": col,
    }


def issues_from_outcome(outcome: dict) -> list[dict]:
    """Map one OperationOutcome to issue dicts (a summary without issues maps to [])."""
    if not isinstance(outcome, dict):
        raise IgkitError("The Java validator's output is not a JSON object.")
    kind = outcome.get("resourceType")
    if kind not in (None, "OperationOutcome"):
        raise IgkitError(f"Expected an OperationOutcome from the Java validator, got a {kind}.")
    return [_issue(i) for i in outcome.get("issue", []) or [] if isinstance(i, dict)]


def issues_by_file(data: dict, files: Sequence[str] = ()) -> dict[str, list[dict]]:
    """Map the validator output (an OperationOutcome or a Bundle of them) to issues per file.

    An outcome names its file in the operationoutcome-file extension; an outcome without it is
    given the input file at the same position (or "" when that is unknown).
    """
    if isinstance(data, dict) and data.get("resourceType") == "Bundle":
        outcomes = [e.get("resource") for e in data.get("entry", []) or [] if isinstance(e, dict)]
    else:
        outcomes = [data]
    result: dict[str, list[dict]] = {f: [] for f in files}
    for index, outcome in enumerate(outcomes):
        if not isinstance(outcome, dict):
            continue
        named = _ext_value(outcome, _EXT_FILE)
        key = (
            _match_file(named, files)
            if isinstance(named, str)
            else (files[index] if index < len(files) else "")
        )
        result.setdefault(key, []).extend(issues_from_outcome(outcome))
    return result


def _match_file(named: str, files: Sequence[str]) -> str:
    if named in files:
        return named
    for f in files:
        if Path(f).resolve() == Path(named).resolve():
            return f
    same_name = [f for f in files if Path(f).name == Path(named).name]
    return same_name[0] if len(same_name) == 1 else named
