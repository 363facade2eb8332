"""The reviewed declarations the run checks against.

* `fsh/examples-invalid/*expected-issues.yaml`: the issues each invalid example must raise.
* `input/warnings-allowlist.yaml`: the warnings and information messages accepted in examples.

Allow-list format (every entry needs a one-line reason; errors can never be allowed)::

    # key: ResourceType/id of an example, or "*" for every example
    MeasureReport/vbpr-example-1:
      - message-id: Terminology_TX_System_Unknown   # a validator message id, or
        # invariant: vbpr-mr-3                       # an invariant key
        location: MeasureReport.group[0].code       # optional location prefix
        severity: warning                           # optional: warning | information
        engine: java                                # optional: igkit | java
        reason: "LOINC is not available offline"
"""

from __future__ import annotations

from pathlib import Path

from igkit.regress.model import AllowEntry, Expectation, ExpectedIssue, IssuePattern
from igkit.regress.yamlsrc import FieldReader, LinedDict, LinedList, Where, load_lined, raise_problems

EXPECTATION_GLOB = "*expected-issues.yaml"
EXPECTATION_FOLDER = Path("fsh/examples-invalid")
ALLOWLIST_FILE = Path("input/warnings-allowlist.yaml")
ENGINES = ("igkit", "java")
_ISSUE_FIELDS = {"severity", "invariant", "message-id", "location", "engine", "count"}
_ALLOW_FIELDS = {"severity", "invariant", "message-id", "location", "engine", "reason"}


def _key_ok(key: str) -> bool:
    parts = key.split("/")
    return len(parts) == 2 and parts[0][:1].isupper() and bool(parts[1])


def _pattern(reader: FieldReader, item: LinedDict, severities: tuple[str, ...]) -> IssuePattern:
    pattern = IssuePattern(
        severity=reader.string(item, "severity", choices=severities),
        message_id=reader.string(item, "message-id"),
        invariant=reader.string(item, "invariant"),
        location=reader.string(item, "location"),
        engine=reader.string(item, "engine", choices=ENGINES),
    )
    if not (pattern.message_id or pattern.invariant):
        reader.problem(item, None, "each issue needs 'message-id' or 'invariant'")
    return pattern


def expectation_files(root: Path) -> list[Path]:
    folder = root / EXPECTATION_FOLDER
    return sorted(folder.glob(EXPECTATION_GLOB)) if folder.is_dir() else []


def _expected_issue(reader: FieldReader, item: LinedDict) -> ExpectedIssue:
    reader.unknown_keys(item, _ISSUE_FIELDS)
    pattern = _pattern(reader, item, ("fatal", "error", "warning", "information"))
    if "severity" not in item:
        reader.problem(item, None, "each issue needs 'severity'")
    count = item.get("count", 0)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        reader.problem(item, "count", "'count' must be a whole number of at least 1")
        count = 0
    return ExpectedIssue(pattern, Where(reader.file, item.line), count)


def _declaration(
    reader: FieldReader, data: LinedDict, key: str, seen: dict[str, Expectation]
) -> Expectation | None:
    """One `ResourceType/id: {reason, issues}` entry; None (with problems noted) when unusable."""
    decl = data[key]
    if not _key_ok(key):
        reader.problem(data, key, f"'{key}' is not ResourceType/id")
        return None
    if not key.split("/")[1].startswith("invalid-"):
        reader.problem(data, key, f"'{key}': ids of invalid examples must start with 'invalid-'")
    if key in seen:
        reader.problem(data, key, f"'{key}' is declared twice (first at {seen[key].where})")
        return None
    if not isinstance(decl, LinedDict):
        reader.problem(data, key, "expected a mapping with 'reason' and 'issues'")
        return None
    reader.unknown_keys(decl, {"reason", "issues"})
    reason = reader.string(decl, "reason", required=True)
    items = decl.get("issues")
    if not isinstance(items, LinedList) or not items:
        reader.problem(decl, "issues" if "issues" in decl else None, "'issues' must be a non-empty list")
        return None
    issues: list[ExpectedIssue] = []
    for item in items:
        if isinstance(item, LinedDict):
            issues.append(_expected_issue(reader, item))
        else:
            reader.problem(items, None, "each issue must be a mapping")
    return Expectation(key, reason, tuple(issues), Where(reader.file, data.key_lines[key]))


def load_expectations(root: Path) -> dict[str, Expectation]:
    """Every declared invalid example, by `ResourceType/id`. Raises IgkitError listing all problems."""
    found: dict[str, Expectation] = {}
    problems: list[str] = []
    for path in expectation_files(root):
        display = str(path.relative_to(root))
        reader = FieldReader(display)
        data = load_lined(path, display)
        if isinstance(data, LinedDict):
            for key in data:
                expectation = _declaration(reader, data, key, found)
                if expectation is not None:
                    found[key] = expectation
        elif data is not None:
            reader.problem(data, None, "expected a mapping of ResourceType/id to declarations")
        problems += reader.problems
    raise_problems("The expected-issues declarations", problems)
    return found


def load_allowlist(root: Path) -> list[AllowEntry]:
    path = root / ALLOWLIST_FILE
    if not path.is_file():
        return []
    display = str(ALLOWLIST_FILE)
    reader = FieldReader(display)
    data = load_lined(path, display)
    if data is None:
        return []
    entries: list[AllowEntry] = []
    if not isinstance(data, LinedDict):
        reader.problem(data, None, 'expected a mapping of ResourceType/id (or "*") to lists of entries')
        reader.fail_if_any(display)
    for key, items in data.items():
        if key != "*" and not _key_ok(key):
            reader.problem(data, key, f"'{key}' is not ResourceType/id or \"*\"")
            continue
        if not isinstance(items, LinedList):
            reader.problem(data, key, "expected a list of entries")
            continue
        for item in items:
            if not isinstance(item, LinedDict):
                reader.problem(items, None, "each entry must be a mapping")
                continue
            reader.unknown_keys(item, _ALLOW_FIELDS)
            if str(item.get("severity", "")) in ("error", "fatal"):
                reader.problem(item, "severity", "errors cannot be allow-listed: fix the example instead")
                continue
            pattern = _pattern(reader, item, ("warning", "information"))
            reason = reader.string(item, "reason", required=True)
            entries.append(AllowEntry(key, pattern, reason, Where(display, item.line)))
    reader.fail_if_any(display)
    return entries
