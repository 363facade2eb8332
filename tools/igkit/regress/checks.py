"""Judging one example's issues: valid examples against the allow-list, invalid ones against
their declared expected issues."""

from __future__ import annotations

from dataclasses import dataclass, field

from igkit.regress.model import AllowEntry, Example, Expectation, Issue


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)
    allowed: list[tuple[Issue, AllowEntry]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def _allowed(issue: Issue, example: Example, allow: list[AllowEntry]) -> AllowEntry | None:
    for entry in allow:
        if entry.applies_to(example.key) and entry.pattern.matches(issue):
            return entry
    return None


def judge(
    example: Example, issues: list[Issue], expectation: Expectation | None, allow: list[AllowEntry]
) -> Verdict:
    verdict = Verdict()
    claimed: set[int] = set()  # indexes of issues an expectation accounts for
    if not example.valid_expected:
        if expectation is None:
            verdict.problems.append(
                f"{example.key} is an invalid example (id starts with 'invalid-') but declares no expected "
                "issues: add it to fsh/examples-invalid/expected-issues.yaml"
            )
        else:
            for expected in expectation.issues:
                hits = [n for n, i in enumerate(issues) if expected.pattern.matches(i)]
                claimed.update(hits)
                if not hits:
                    verdict.problems.append(
                        f"missing expected issue: {expected.pattern.describe()} (declared at {expected.where})"
                    )
                elif expected.count and len(hits) != expected.count:
                    verdict.problems.append(
                        f"expected {expected.count} x {expected.pattern.describe()}, got {len(hits)} "
                        f"(declared at {expected.where})"
                    )
    for n, issue in enumerate(issues):
        if n in claimed:
            continue
        if issue.is_error:
            kind = "error in a valid example" if example.valid_expected else "unexpected error"
            verdict.problems.append(f"{kind}: {issue.one_line()}")
            continue
        entry = _allowed(issue, example, allow)
        if entry is None:
            verdict.problems.append(
                f"new {issue.severity} not in the allow-list (input/warnings-allowlist.yaml): {issue.one_line()}"
            )
        else:
            verdict.allowed.append((issue, entry))
    return verdict


def unused_allow_entries(allow: list[AllowEntry], used: set[int]) -> list[str]:
    """Allow-list entries no issue matched any more (stale: remove them after review)."""
    return [
        f"{e.where}: allow-list entry for {e.key} ({e.pattern.describe()}) matched nothing"
        for n, e in enumerate(allow)
        if n not in used
    ]
