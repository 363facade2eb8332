"""Rendering results: OperationOutcome (one file), a Bundle of them (several), or text lines."""

from __future__ import annotations

from collections.abc import Sequence

from igkit.validate.engine import FileResult
from igkit.validate.issues import Issue

EXT = "http://hl7.org/fhir/StructureDefinition/"
EXT_LINE = EXT + "operationoutcome-issue-line"
EXT_COL = EXT + "operationoutcome-issue-col"
EXT_MESSAGE_ID = EXT + "operationoutcome-message-id"
EXT_SOURCE = EXT + "operationoutcome-issue-source"
EXT_FILE = EXT + "operationoutcome-file"


def issue_json(issue: Issue) -> dict:
    ext = [{"url": EXT_LINE, "valueInteger": issue.line}, {"url": EXT_COL, "valueInteger": issue.column}]
    if issue.message_id:
        ext.append({"url": EXT_MESSAGE_ID, "valueCode": issue.message_id})
    ext.append({"url": EXT_SOURCE, "valueString": "igkit"})
    out: dict = {
        "extension": ext,
        "severity": issue.severity,
        "code": issue.code,
        "details": {"text": issue.message},
    }
    if issue.expression:
        out["expression"] = [issue.expression]
    return out


def outcome(result: FileResult, name_file: bool = False) -> dict:
    oo: dict = {"resourceType": "OperationOutcome"}
    if name_file:
        oo["extension"] = [{"url": EXT_FILE, "valueString": result.path}]
    issues = [issue_json(i) for i in result.issues]
    if not issues:
        issues = [{"severity": "information", "code": "informational", "details": {"text": "All OK"}}]
    oo["issue"] = issues
    return oo


def bundle(results: Sequence[FileResult]) -> dict:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": outcome(r, name_file=True)} for r in results],
    }


def document(results: Sequence[FileResult]) -> dict:
    return outcome(results[0]) if len(results) == 1 else bundle(results)


def text_lines(results: Sequence[FileResult]) -> list[str]:
    lines = []
    for r in results:
        for i in r.issues:
            where = i.expression or "-"
            lines.append(f"{r.path}:{i.line}:{i.column} {i.severity} {where} {i.message}")
    return lines


def summary(results: Sequence[FileResult]) -> str:
    counts = {"error": 0, "warning": 0, "information": 0}
    for r in results:
        for i in r.issues:
            key = "error" if i.is_error else i.severity
            counts[key] = counts.get(key, 0) + 1
    files = len(results)
    bad = sum(1 for r in results if r.error_count)
    return (
        f"{files} file{'s' if files != 1 else ''} validated: {counts['error']} error(s), "
        f"{counts['warning']} warning(s), {counts['information']} information; "
        f"{bad} file{'s' if bad != 1 else ''} with errors"
    )
