"""Validation results for the example and QA pages.

The regression step (`igkit test`) writes its report to `.igkit/test-report.json` (the path
is `REPORT_PATH`, relative to the project root; `igkit publish --report FILE` reads another).
The publisher copies the report it read into the site as `qa/test-report.json` and reads:

    {
      "examples": [                                  # also accepted: "results", "files", "instances"
        {
          "resourceType": "MeasureReport", "id": "x",     # or "key": "MeasureReport/x"
          "file": "fsh-generated/resources/MeasureReport-x.json",
          "status": "pass" | "fail",                 # the regression verdict (expectations included)
          "issues": [{"severity", "text" | "message", "location" | "expression", "line"?, "message_id"?}],
          "problems": ["why it fails", ...]          # none: the example behaves as expected
        }
      ],
      "coverage": {<profile url>: {"type", "examples": [...], "must_support" | "extensions" | "slices" |
                                   "invariants": {<item>: {"valid": [...], "invalid": [...]}},
                                   "gaps": [{"kind", "item", "missing", "fails"}]}},
      "summary": {...}                               # shown as a table
    }

When there is no report, the publisher runs `igkit validate --format json` on the examples
(when the validator is installed) and reads its Bundle of OperationOutcomes; otherwise the
pages say "not validated".
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from igkit.errors import IgkitError
from igkit.publish.loader import IgResource

REPORT_PATH = ".igkit/test-report.json"
VALIDATE_TIMEOUT = 300  # seconds
_LIST_KEYS = ("examples", "results", "files", "instances", "outcomes")


@dataclass(frozen=True)
class IssueView:
    severity: str
    message: str
    location: str = ""
    message_id: str = ""


@dataclass
class ValidationResult:
    status: str  # "valid", "errors", or the report's own status word
    issues: list[IssueView] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # the regression step's reasons for a failure
    verdict: bool | None = None  # the regression step's "as expected" (no problems), when it says

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.severity in ("error", "fatal"))

    @property
    def warnings(self) -> int:
        return sum(1 for i in self.issues if i.severity == "warning")


@dataclass
class ValidationReport:
    source: str  # where the results come from (shown on the QA page)
    results: dict[str, ValidationResult] = field(default_factory=dict)  # key "Type/id" -> result
    by_file: dict[str, ValidationResult] = field(default_factory=dict)  # file name -> result
    coverage: Any = None
    summary: Any = None
    path: Path | None = None  # the report file, when read from one

    def for_resource(self, res: IgResource) -> ValidationResult | None:
        return (
            self.results.get(res.key)
            or self.by_file.get(res.source)
            or self.by_file.get(Path(res.source).name)
        )


def _issue(raw: Any) -> IssueView | None:
    if not isinstance(raw, dict):
        return None
    severity = str(raw.get("severity") or raw.get("level") or "error").lower()
    message = raw.get("text") or raw.get("message") or raw.get("diagnostics") or raw.get("details") or ""
    if isinstance(message, dict):
        message = message.get("text", "")
    location = raw.get("expression") or raw.get("location") or raw.get("path") or ""
    if isinstance(location, list):
        location = ", ".join(str(x) for x in location)
    if raw.get("line"):
        location = f"{location} (line {raw['line']})".strip()
    message_id = raw.get("message_id") or raw.get("messageId") or raw.get("id") or ""
    return IssueView(severity, str(message), str(location), str(message_id))


_EXT = "http://hl7.org/fhir/StructureDefinition/operationoutcome-"


def _ext(element: dict, name: str) -> Any:
    for ext in element.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == _EXT + name:
            return next((v for k, v in ext.items() if k.startswith("value")), None)
    return None


def _from_outcome(outcome: dict) -> dict:
    """An OperationOutcome (igkit validate's JSON output, with its file and line extensions) as an entry."""
    issues = []
    for issue in outcome.get("issue") or []:
        if not isinstance(issue, dict):
            continue
        if (
            issue.get("severity") == "information"
            and issue.get("code") == "informational"
            and (issue.get("details") or {}).get("text", "").lower().startswith("all ok")
        ):
            continue
        issues.append({
            "severity": issue.get("severity", "error"),
            "message": (issue.get("details") or {}).get("text") or issue.get("diagnostics") or "",
            "expression": issue.get("expression") or issue.get("location") or "",
            "line": _ext(issue, "issue-line"),
            "message_id": _ext(issue, "message-id") or "",
        })  # fmt: skip
    return {"file": _ext(outcome, "file") or "", "issues": issues}


def _entries(data: Any) -> list[dict]:
    if isinstance(data, dict) and data.get("resourceType") == "OperationOutcome":
        return [_from_outcome(data)]
    if isinstance(data, dict) and data.get("resourceType") == "Bundle":
        return [_from_outcome(e["resource"]) for e in data.get("entry") or []
                if isinstance(e, dict) and isinstance(e.get("resource"), dict)
                and e["resource"].get("resourceType") == "OperationOutcome"]  # fmt: skip
    if isinstance(data, list):
        return [e for e in data if isinstance(e, dict)]
    if isinstance(data, dict):
        for key in _LIST_KEYS:
            value = data.get(key)
            if isinstance(value, list):
                return [e for e in value if isinstance(e, dict)]
            if isinstance(value, dict):  # keyed by file or resource
                return [{"key": k, **v} for k, v in value.items() if isinstance(v, dict)]
    return []


def parse_report(data: Any, source: str) -> ValidationReport:
    report = ValidationReport(source=source)
    if isinstance(data, dict):
        report.coverage = data.get("coverage")
        report.summary = data.get("summary") if isinstance(data.get("summary"), dict) else None
    for entry in _entries(data):
        issues = [i for i in (_issue(x) for x in entry.get("issues") or []) if i is not None]
        status = entry.get("status") or entry.get("outcome") or entry.get("result")
        if not isinstance(status, str):
            status = "errors" if any(i.severity in ("error", "fatal") for i in issues) else "valid"
        problems = [str(p) for p in entry.get("problems") or [] if p]
        verdict = not problems if "problems" in entry else {"pass": True, "fail": False}.get(status)
        result = ValidationResult(status, issues, problems, verdict)
        key = entry.get("key")
        if not isinstance(key, str) and entry.get("resourceType") and entry.get("id"):
            key = f"{entry['resourceType']}/{entry['id']}"
        if isinstance(key, str) and "/" in key and not key.endswith(".json"):
            report.results[key] = result
        file = (
            entry.get("file")
            or entry.get("path")
            or entry.get("source")
            or (key if isinstance(key, str) else "")
        )
        if isinstance(file, str) and file:
            report.by_file[file] = result
            report.by_file.setdefault(Path(file).name, result)
    return report


def read_report(path: Path, label: str) -> ValidationReport:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IgkitError(
            f"{path}: the validation report cannot be read ({exc}). Run `igkit test` again to rewrite it, "
            "or delete it to publish without it."
        ) from None
    report = parse_report(data, label)
    report.path = path
    return report


def run_validator(root: Path, examples: list[IgResource]) -> ValidationReport | None:
    """Validate the examples with `igkit validate --format json`, when the validator is installed."""
    if not examples or importlib.util.find_spec("igkit.validate.cli") is None:
        return None
    cmd = [sys.executable, "-m", "igkit.cli", "validate", "--format", "json", *(r.source for r in examples)]
    try:
        done = subprocess.run(cmd, cwd=root, capture_output=True, timeout=VALIDATE_TIMEOUT, check=False)
        data = json.loads(done.stdout.decode("utf-8"))
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None
    return parse_report(data, "igkit validate --format json (run by the publisher)")


def load_validation(root: Path, examples: list[IgResource], report: Path | None) -> ValidationReport | None:
    path = report or root / REPORT_PATH
    if path.is_file():
        return read_report(path, str(path.relative_to(root)) if path.is_relative_to(root) else str(path))
    if report is not None:
        raise IgkitError(f"{report}: no such validation report. Check the path given to --report.")
    return run_validator(root, examples)


@dataclass(frozen=True)
class CoverageRow:
    url: str
    type: str
    examples: tuple[str, ...]
    tables: tuple[
        tuple[str, int, int, int], ...
    ]  # (name, items, covered by a valid example, by an invalid one)
    gaps: tuple[tuple[str, bool], ...]  # (text, fails the run)


_COVERAGE_TABLES = (("must_support", "Must-support"), ("extensions", "Extensions"), ("slices", "Slices"),
                    ("invariants", "Invariants"))  # fmt: skip


def coverage_rows(coverage: Any) -> list[CoverageRow] | None:
    """The regression step's per-profile coverage as table rows, or None for another shape."""
    if not isinstance(coverage, dict) or not all(isinstance(v, dict) for v in coverage.values()):
        return None
    rows = []
    for url in sorted(coverage):
        entry = coverage[url]
        tables = []
        for key, label in _COVERAGE_TABLES:
            items = entry.get(key) if isinstance(entry.get(key), dict) else {}
            valid = sum(1 for v in items.values() if isinstance(v, dict) and v.get("valid"))
            invalid = sum(1 for v in items.values() if isinstance(v, dict) and v.get("invalid"))
            tables.append((label, len(items), valid, invalid))
        gaps = tuple(
            (
                f"{g.get('kind', '')} {g.get('item', '')}: no {g.get('missing', '')} example".strip(),
                bool(g.get("fails")),
            )
            for g in entry.get("gaps") or []
            if isinstance(g, dict)
        )
        examples = tuple(str(e) for e in entry.get("examples") or [])
        rows.append(CoverageRow(str(url), str(entry.get("type", "")), examples, tuple(tables), gaps))
    return rows
