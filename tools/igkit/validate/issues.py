"""The one issue model of the validator, and the sink that collects issues while walking."""

from __future__ import annotations

from dataclasses import dataclass, field

from igkit.validate import messages

SEVERITY_RANK = {"fatal": 0, "error": 1, "warning": 2, "information": 3}


@dataclass(frozen=True)
class Issue:
    severity: str  # fatal | error | warning | information
    code: str  # OperationOutcome IssueType code, e.g. "structure", "required", "invariant"
    message: str
    expression: str = ""  # FHIRPath location, e.g. "MeasureReport.group[0].measureScore"
    line: int = 1
    column: int = 1
    message_id: str = ""
    source: str = ""  # the file the issue is about
    context: str = ""  # the profile (url|version) the issue comes from, when any

    @property
    def is_error(self) -> bool:
        return self.severity in ("error", "fatal")

    def sort_key(self) -> tuple:
        return (self.line, self.column, SEVERITY_RANK.get(self.severity, 9), self.expression, self.message)


@dataclass
class IssueSink:
    """Collects issues for one file, dropping exact duplicates (one instance checked
    against a base definition and its profiles meets the same problem more than once)."""

    source: str = ""
    issues: list[Issue] = field(default_factory=list)
    _seen: set[tuple] = field(default_factory=set)

    def add(self, issue: Issue) -> None:
        key = (issue.severity, issue.expression, issue.message)
        if key in self._seen:
            return
        self._seen.add(key)
        self.issues.append(issue)

    def report(
        self,
        message_id: str,
        *args: object,
        expression: str = "",
        position: tuple[int, int] = (1, 1),
        severity: str | None = None,
        code: str | None = None,
        context: str = "",
    ) -> Issue:
        entry = messages.CATALOGUE[message_id]
        return self.report_text(
            message_id,
            messages.render(message_id, *args),
            expression=expression,
            position=position,
            severity=severity or entry.severity,
            code=code or entry.code,
            context=context,
        )

    def report_text(
        self,
        message_id: str,
        message: str,
        *,
        expression: str = "",
        position: tuple[int, int] = (1, 1),
        severity: str = "error",
        code: str = "invalid",
        context: str = "",
    ) -> Issue:
        """Report a message that another part has already rendered (parsers, primitives, narrative)."""
        issue = Issue(
            severity=severity,
            code=code,
            message=message,
            expression=expression,
            line=position[0],
            column=position[1],
            message_id=message_id,
            source=self.source,
            context=context,
        )
        self.add(issue)
        return issue

    def sorted(self) -> list[Issue]:
        return sorted(self.issues, key=Issue.sort_key)

    @property
    def error_count(self) -> int:
        return sum(1 for i in self.issues if i.is_error)
