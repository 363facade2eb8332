"""One regression run: compile, validate every example, judge, compare with the records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError
from igkit.project import Project
from igkit.regress import artifacts as art
from igkit.regress.cache import ResultCache, sha256
from igkit.regress.checks import judge, unused_allow_entries
from igkit.regress.coverage import coverage
from igkit.regress.declarations import load_allowlist, load_expectations
from igkit.regress.engine import Engine, default_engines, run_batches
from igkit.regress.inputs import Inputs, load_inputs
from igkit.regress.model import AllowEntry, Example, Expectation, Issue
from igkit.regress.records import ARTIFACTS_DIR, OUTCOMES_DIR, RecordSet, outcome_diff, outcome_record
from igkit.regress.report import RunStats, terminal_summary, write_json, write_junit

Compiler = Callable[[Project, Callable[[str], None]], None]
REPORT_NAME = "test-report.json"


def sushi_compiler(project: Project, echo: Callable[[str], None]) -> None:
    """The compile stage (`igkit.compile.run_sushi`: SUSHI, snapshots on, offline). SUSHI's errors,
    each with its FSH file and line, stop the run before anything is validated or recorded."""
    from igkit.compile import run_sushi

    result = run_sushi(project)
    errors = [d.format() for d in result.diagnostics if d.severity == "error"]
    for d in result.diagnostics:
        if d.severity != "error":
            echo(d.format())
    if result.errors or errors:
        raise IgkitError(
            "the FSH does not compile; no recorded outcome was changed. SUSHI reported:\n  "
            + "\n  ".join(errors or [result.log[-2000:]]),
            exit_code=1,
        )
    echo(f"compiled: SUSHI {result.counts_line()}")


@dataclass
class Options:
    update: bool = False
    compile: bool = True
    jobs: int = 1
    junit: Path | None = None
    report: Path | None = None
    verbose: bool = False


@dataclass
class RunContext:
    project: Project
    options: Options = field(default_factory=Options)
    compiler: Compiler = sushi_compiler
    engines: list[Engine] | None = None  # None: igkit (and java when IGKIT_VALIDATOR_JAR is set)
    echo: Callable[[str], None] = print


def _definitions_hash(inputs: Inputs, project: Project) -> str:
    parts: list[bytes | str] = [project.config_path.read_bytes() if project.config_path.is_file() else b""]
    for r in sorted(inputs.conformance(), key=lambda r: r.file):
        parts += [r.file, r.raw]
    parts += sorted(e.key for e in inputs.examples)
    return sha256(*parts)


def _validate(
    ctx: RunContext, inputs: Inputs, engines: list[Engine]
) -> tuple[dict[str, list[Issue]], int, int]:
    root = ctx.project.root
    cache = ResultCache.open(ctx.project.state)
    if cache.note:
        ctx.echo(f"note: {cache.note}")
    defs = _definitions_hash(inputs, ctx.project)
    results: dict[str, list[Issue]] = {e.file: [] for e in inputs.examples}
    cached = validated = 0
    for engine in engines:
        keys = {e.file: sha256(engine.version, defs, e.file, e.raw) for e in inputs.examples}
        todo = []
        for e in inputs.examples:
            hit = cache.get(keys[e.file])
            if hit is None:
                todo.append(e.file)
            else:
                results[e.file] += hit
                cached += 1
        if todo:
            ctx.echo(
                f"validating {len(todo)} of {len(inputs.examples)} example(s) with the {engine.name} engine "
                f"({len(inputs.examples) - len(todo)} unchanged, from the cache)"
            )
        fresh = run_batches(engine, root, todo, ctx.options.jobs)
        for f in todo:
            cache.put(keys[f], fresh[f])
            results[f] += fresh[f]
            validated += 1
    cache.save()
    for issues in results.values():
        issues.sort(key=Issue.sort_key)
    return results, cached, validated


def _example_entry(ex: Example, issues: list[Issue], problems: list[str], diff: list[str]) -> dict:
    return {
        "file": ex.file,
        "source": ex.source,
        "resourceType": ex.resource_type,
        "id": ex.id,
        "profile": ex.profiles[0] if ex.profiles else "",
        "profiles": ex.profiles,
        "valid_expected": ex.valid_expected,
        "status": "fail" if problems or diff else "pass",
        "issues": [i.to_json() for i in issues],
        "problems": problems,
        "outcome_diff": diff,
        "record": ex.record_name,
    }


def _check_examples(
    ctx: RunContext,
    inputs: Inputs,
    results: dict[str, list[Issue]],
    expectations: dict[str, Expectation],
    allow: list[AllowEntry],
) -> tuple[list[dict], RecordSet, list[str]]:
    """Judge every example and compare its outcome with the record; returns the report entries,
    the outcome records (for `--update`) and the allow-list entries nothing matched."""
    outcomes = RecordSet.read(ctx.project.root / OUTCOMES_DIR)
    used: set[int] = set()
    entries: list[dict] = []
    for ex in inputs.examples:
        issues = results[ex.file]
        verdict = judge(ex, issues, expectations.get(ex.key), allow)
        used.update(id(entry) for _, entry in verdict.allowed)
        name = ex.record_name
        outcomes.current[name] = outcome_record(
            ex.key,
            ex.file,
            ex.profiles,
            ex.valid_expected,
            [i.to_json() for i in issues if i.engine == "igkit"],
        )
        diff = (
            []
            if ctx.options.update
            else (outcomes.damaged(name) or outcome_diff(outcomes.recorded.get(name), outcomes.current[name]))
        )
        entries.append(_example_entry(ex, issues, verdict.problems, diff))
    stale = unused_allow_entries(allow, {n for n, e in enumerate(allow) if id(e) in used})
    return entries, outcomes, stale


def _check_artifacts(ctx: RunContext, inputs: Inputs) -> tuple[dict[str, dict], RecordSet]:
    records = RecordSet.read(ctx.project.root / ARTIFACTS_DIR)
    found: dict[str, dict] = {}
    for r in inputs.artifacts:
        name = f"{r.data['resourceType']}-{r.data.get('id', '')}.json"
        records.current[name] = art.summarize(r.data)
        diff = (
            []
            if ctx.options.update
            else (
                records.damaged(name) or art.summary_diff(records.recorded.get(name), records.current[name])
            )
        )
        found[r.key] = {
            "file": r.file,
            "record": name,
            "status": "changed" if diff else "unchanged",
            "diff": diff,
        }
    if not ctx.options.update:
        for name in records.stale():
            old = records.recorded[name] or {}
            key = f"{old.get('resourceType', '?')}/{old.get('id', name)}"
            found[key] = {
                "file": "",
                "record": name,
                "status": "removed",
                "diff": art.summary_diff(old, None),
            }
    return found, records


def _summary(
    entries: list[dict],
    artifacts: dict[str, dict],
    cov: dict,
    stale_outcomes: dict,
    engines: list[Engine],
) -> dict:
    failing_gaps = sum(1 for c in cov.values() for g in c["gaps"] if g["fails"])
    failed = sum(1 for e in entries if e["problems"])
    changed = sum(1 for a in artifacts.values() if a["diff"])
    ok = (
        not any(e["status"] == "fail" for e in entries)
        and not stale_outcomes
        and not changed
        and not failing_gaps
    )
    return {
        "result": "pass" if ok else "fail",
        "engines": [e.name for e in engines],
        "examples": len(entries),
        "valid_examples": sum(1 for e in entries if e["valid_expected"]),
        "invalid_examples": sum(1 for e in entries if not e["valid_expected"]),
        "examples_passed": len(entries) - failed,
        "examples_failed": failed,
        "outcomes_changed": sum(1 for e in entries if e["outcome_diff"]) + len(stale_outcomes),
        "artifacts": sum(1 for a in artifacts.values() if a["status"] != "removed"),
        "artifacts_changed": changed,
        "profiles": len(cov),
        "gaps_failing": failing_gaps,
        "gaps_listed": sum(len(c["gaps"]) for c in cov.values()) - failing_gaps,
    }


def _check_expectation_targets(expectations: dict[str, Expectation], inputs: Inputs) -> None:
    known = {e.key for e in inputs.examples}
    missing = [
        f"{exp.where}: '{key}' names no example (none of the compiled or predefined resources has "
        "that type and id)"
        for key, exp in sorted(expectations.items(), key=lambda kv: (kv[1].where.file, kv[1].where.line))
        if key not in known
    ]
    if missing:
        raise IgkitError(
            "expected-issues declarations name examples that do not exist; no recorded outcome "
            "was changed:\n  " + "\n  ".join(missing),
            exit_code=1,
        )


def run(ctx: RunContext) -> dict:
    """Run the suite; return the report (see the package docstring), the same as written.

    The report depends on the input only; how much came from the cache is printed, not reported.

    Bad input (FSH that does not compile, a resource that is not JSON, a declaration file with
    mistakes or naming a missing example) raises IgkitError before any record is written.
    """
    root, opts = ctx.project.root, ctx.options
    expectations = load_expectations(root)
    allow = load_allowlist(root)
    if opts.compile:
        ctx.compiler(ctx.project, ctx.echo)
    inputs = load_inputs(root)
    if not inputs.examples:
        hint = (
            "run `igkit compile` first, or drop --no-compile"
            if not opts.compile
            else "add examples to fsh/examples/"
        )
        raise IgkitError(
            f"No examples found in {root / 'fsh-generated/resources'} or {root / 'input/examples'}: {hint}."
        )
    _check_expectation_targets(expectations, inputs)
    engines = ctx.engines if ctx.engines is not None else default_engines()
    results, cached, validated = _validate(ctx, inputs, engines)

    entries, outcomes, stale_allow = _check_examples(ctx, inputs, results, expectations, allow)
    stale_outcomes = (
        {} if opts.update else {n: outcome_diff(outcomes.recorded[n], None) for n in outcomes.stale()}
    )
    artifacts, artifact_records = _check_artifacts(ctx, inputs)
    structures = [r.data for r in inputs.artifacts if r.data["resourceType"] == "StructureDefinition"]
    cov = coverage(
        structures, inputs.examples, expectations, {e.key: results[e.file] for e in inputs.examples}
    )
    rerecorded = len(outcomes.write()) + len(artifact_records.write()) if opts.update else 0

    report = {
        "examples": entries,
        "coverage": cov,
        "artifacts": artifacts,
        "stale_outcomes": stale_outcomes,
        "stale_allowlist": stale_allow,
        "summary": _summary(entries, artifacts, cov, stale_outcomes, engines),
    }
    targets = [ctx.project.output / "qa" / REPORT_NAME, ctx.project.state / REPORT_NAME]
    if opts.report:
        targets.append(opts.report)
    write_json(report, targets)
    if opts.junit:
        write_junit(report, opts.junit)
    stats = RunStats(validated=validated, cached=cached, rerecorded=rerecorded)
    terminal_summary(report, stats, ctx.echo, verbose=opts.verbose)
    return report
