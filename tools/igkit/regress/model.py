"""Plain data of the regression run: normalised issues and the patterns that match them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from igkit.regress.yamlsrc import Where

ERROR_SEVERITIES = ("fatal", "error")
SEVERITY_ORDER = {"fatal": 0, "error": 1, "warning": 2, "information": 3}
_INDEX = re.compile(r"\[\d+\]")
_CONSTRAINT_TEXT = re.compile(r"Constraint failed: ([A-Za-z][\w.\-]*?)(?::|\s|$)")
_INVARIANT_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


def strip_indexes(location: str) -> str:
    """`MeasureReport.group[0].measureScore` -> `MeasureReport.group.measureScore`."""
    return _INDEX.sub("", location)


def invariant_key_of(message_id: str, text: str) -> str:
    """The invariant key an issue reports, from its message id or its text ("Constraint failed: key")."""
    if message_id and _INVARIANT_ID.match(message_id):
        return message_id
    m = _CONSTRAINT_TEXT.search(text or "")
    return m.group(1) if m else ""


@dataclass(frozen=True)
class Issue:
    """One validator message about one example, normalised (no absolute paths, no timestamps)."""

    severity: str
    code: str
    location: str
    text: str
    message_id: str = ""
    invariant: str = ""
    line: int = 0
    col: int = 0
    engine: str = "igkit"

    @property
    def is_error(self) -> bool:
        return self.severity in ERROR_SEVERITIES

    def sort_key(self) -> tuple:
        return (
            self.engine,
            self.location,
            SEVERITY_ORDER.get(self.severity, 9),
            self.message_id,
            self.invariant,
            self.text,
            self.line,
            self.col,
        )

    def to_json(self) -> dict:
        data = asdict(self)
        return {k: v for k, v in data.items() if v not in ("", 0) or k in ("severity", "location", "text")}

    @classmethod
    def from_json(cls, data: dict) -> Issue:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def one_line(self) -> str:
        ident = self.invariant or self.message_id
        where = self.location or "(no location)"
        at = f" line {self.line}" if self.line else ""
        tag = f" [{ident}]" if ident else ""
        eng = "" if self.engine == "igkit" else f" ({self.engine})"
        return f"{self.severity} {where}{at}{tag}: {self.text}{eng}"


def location_matches(pattern: str, location: str) -> bool:
    """A declared location is a prefix (at an element boundary) of the actual one.

    Without `[n]` indexes in the pattern, indexes in the actual location are ignored.
    """
    if not pattern:
        return True
    actual = location if "[" in pattern else strip_indexes(location)
    if not actual.startswith(pattern):
        return False
    rest = actual[len(pattern) :]
    return rest == "" or rest[0] in ".[:"


@dataclass(frozen=True)
class IssuePattern:
    """What an expectation or an allow-list entry says about an issue."""

    severity: str = ""
    message_id: str = ""
    invariant: str = ""
    location: str = ""
    engine: str = ""  # "" = any engine

    def matches(self, issue: Issue) -> bool:
        if self.engine and issue.engine != self.engine:
            return False
        if self.severity and not (
            issue.severity == self.severity or (self.severity == "error" and issue.severity == "fatal")
        ):
            return False
        if self.message_id and issue.message_id != self.message_id:
            return False
        if self.invariant and issue.invariant != self.invariant:
            return False
        return location_matches(self.location, issue.location)

    def describe(self) -> str:
        parts = [self.severity or "any severity"]
        if self.invariant:
            parts.append(f"invariant {self.invariant}")
        if self.message_id:
            parts.append(f"message {self.message_id}")
        if self.location:
            parts.append(f"at {self.location}")
        if self.engine:
            parts.append(f"({self.engine} engine)")
        return " ".join(parts)


@dataclass(frozen=True)
class ExpectedIssue:
    pattern: IssuePattern
    where: Where
    count: int = 0  # 0: at least one


@dataclass(frozen=True)
class Expectation:
    """The issues one invalid example declares."""

    key: str  # ResourceType/id
    reason: str
    issues: tuple[ExpectedIssue, ...]
    where: Where


@dataclass(frozen=True)
class AllowEntry:
    key: str  # ResourceType/id or "*"
    pattern: IssuePattern
    reason: str
    where: Where

    def applies_to(self, example_key: str) -> bool:
        return self.key in ("*", example_key)


@dataclass
class Example:
    """One example instance of the IG."""

    file: str  # relative to the project root
    resource_type: str
    id: str
    profiles: list[str]
    source: str = ""  # FSH file:line when compiled from FSH
    data: dict = field(default_factory=dict, repr=False)
    raw: bytes = field(default=b"", repr=False)

    @property
    def key(self) -> str:
        return f"{self.resource_type}/{self.id}"

    @property
    def valid_expected(self) -> bool:
        return not self.id.startswith("invalid-")

    @property
    def record_name(self) -> str:
        return f"{self.resource_type}-{self.id}.json"
