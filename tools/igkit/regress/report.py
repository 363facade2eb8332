"""The three views of one run: a terminal summary, JUnit XML for CI, and the JSON report."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from igkit.fsutil import atomic_write_bytes, atomic_write_json
from igkit.regress.artifacts import NEW_ARTIFACT
from igkit.regress.coverage import gap_text
from igkit.regress.records import NEW_RECORD


def write_json(report: dict, paths: list[Path]) -> None:
    for path in paths:
        atomic_write_json(path, report)


def junit_xml(report: dict) -> bytes:
    suites = ET.Element("testsuites", name="igkit test")

    def suite(name: str, cases: list[tuple[str, str, list[str]]]) -> None:
        failures = sum(1 for _, _, problems in cases if problems)
        s = ET.SubElement(
            suites,
            "testsuite",
            name=name,
            tests=str(len(cases)),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        for classname, case, problems in cases:
            tc = ET.SubElement(s, "testcase", classname=classname, name=case)
            if problems:
                f = ET.SubElement(tc, "failure", message=problems[0][:500], type="regression")
                f.text = "\n".join(problems)

    suite(
        "examples",
        [
            (f"examples.{e['resourceType']}", e["id"], e["problems"] + e.get("outcome_diff", []))
            for e in report["examples"]
        ],
    )
    suite(
        "artifacts",
        [
            (f"artifacts.{key.split('/')[0]}", key.split("/", 1)[1], a["diff"])
            for key, a in sorted(report["artifacts"].items())
        ],
    )
    suite(
        "coverage",
        [
            ("coverage", url, [gap_text(url, g) for g in c["gaps"] if g["fails"]])
            for url, c in sorted(report["coverage"].items())
        ],
    )
    ET.indent(suites)
    return ET.tostring(suites, encoding="utf-8", xml_declaration=True) + b"\n"


def write_junit(report: dict, path: Path) -> None:
    atomic_write_bytes(path, junit_xml(report))


def _count(table: dict, side: str = "valid") -> str:
    return f"{sum(1 for u in table.values() if u[side])}/{len(table)}"


def coverage_line(url: str, c: dict) -> str:
    """`vbp-measure (Measure, 3 examples): must-support 19/19, extensions 7/7, ...`."""
    own = {
        key: {k: v for k, v in c[key].items() if not v.get("inherited")}
        for key in ("must_support", "extensions", "slices")
    }
    parts = [f"must-support {_count(own['must_support'])}", f"extensions {_count(own['extensions'])}"]
    if own["slices"]:
        parts.append(f"slices {_count(own['slices'])}")
    if c["invariants"]:
        parts.append(
            f"invariants {_count(c['invariants'])} exercised, {_count(c['invariants'], 'invalid')} failed by invalid examples"
        )
    name = url.rsplit("/", 1)[-1]
    return f"{name} ({c['type']}, {len(c['examples'])} valid example(s)): " + ", ".join(parts)


@dataclass(frozen=True)
class RunStats:
    """How the run went (printed, never in the report: the report depends on the input only)."""

    validated: int = 0
    cached: int = 0
    rerecorded: int = 0


def _print_examples(report: dict, echo: Callable[[str], None], verbose: bool) -> int:
    """Failing examples and changed outcomes; returns how many outcomes are not recorded yet."""
    new = 0
    for e in report["examples"]:
        if e["problems"]:
            echo(f"FAIL {e['resourceType']}/{e['id']} ({e['source'] or e['file']})")
            for p in e["problems"]:
                echo(f"     {p}")
        elif verbose:
            echo(f"ok   {e['resourceType']}/{e['id']}")
        if (e.get("outcome_diff") or [""])[0].startswith(NEW_RECORD):
            new += 1
        elif e.get("outcome_diff") and e["problems"]:  # the problems above say it: do not repeat
            echo(f"     (the recorded outcome tests/outcomes/{e['record']} differs as well)")
        elif e.get("outcome_diff"):
            echo(f"outcome changed: {e['resourceType']}/{e['id']} (tests/outcomes/{e['record']})")
            for line in e["outcome_diff"]:
                echo(f"     {line}")
    for name, lines in sorted(report.get("stale_outcomes", {}).items()):
        echo(f"outcome without example: tests/outcomes/{name}")
        for line in lines:
            echo(f"     {line}")
    return new


def _print_artifacts(report: dict, echo: Callable[[str], None]) -> int:
    """Changed artifacts, element by element; returns how many are not recorded yet."""
    new = 0
    for key, a in sorted(report["artifacts"].items()):
        if a["diff"] and a["diff"][0].startswith(NEW_ARTIFACT):
            new += 1
        elif a["diff"]:
            echo(f"artifact changed: {key} ({a['file'] or 'removed'})")
            for line in a["diff"]:
                echo(f"     {line}")
    return new


def terminal_summary(
    report: dict, stats: RunStats, echo: Callable[[str], None], *, verbose: bool = False
) -> None:
    new_outcomes = _print_examples(report, echo, verbose)
    new_artifacts = _print_artifacts(report, echo)
    if new_outcomes or new_artifacts:
        echo(
            f"not recorded yet: {new_outcomes} example outcome(s) (tests/outcomes/), {new_artifacts} artifact(s) "
            "(tests/artifacts/); review them (output/qa/test-report.json) and run `igkit test --update`"
        )
    for url, c in sorted(report["coverage"].items()):
        if verbose or c["type"] != "Extension":
            echo(f"coverage {coverage_line(url, c)}")
    for url, c in sorted(report["coverage"].items()):
        for g in c["gaps"]:
            echo(("GAP  " if g["fails"] else "gap  ") + gap_text(url, g))
    for line in report.get("stale_allowlist", []):
        echo(f"note {line}")
    s = report["summary"]
    echo(
        f"examples: {s['examples_passed']} passed, {s['examples_failed']} failed "
        f"({s['valid_examples']} valid, {s['invalid_examples']} invalid; {stats.validated} validated, "
        f"{stats.cached} from cache)"
    )
    echo(
        f"outcomes: {s['outcomes_changed']} changed | artifacts: {s['artifacts']} compared, "
        f"{s['artifacts_changed']} changed | coverage: {s['profiles']} profile(s), "
        f"{s['gaps_failing']} failing gap(s), {s['gaps_listed']} listed"
    )
    if stats.rerecorded:
        echo(f"re-recorded {stats.rerecorded} file(s) in tests/outcomes and tests/artifacts")
    if s["outcomes_changed"] or s["artifacts_changed"]:
        echo("if the changes above are intended, review them and re-record with `igkit test --update`")
    echo("PASSED" if s["result"] == "pass" else "FAILED")
