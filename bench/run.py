"""igkit benchmarks (`make bench`): measured figures against the project's targets.

    python bench/run.py [--quick] [--no-compile] [--only NAME]... [--out bench-results]

Benchmarks (each is skipped, with the reason, when the part it needs is not available):

  cli-startup       `igkit validate` on one small resource, wall time per call (median)    <= 1.5 s
  mr-throughput     typical MeasureReports validated in-process on one core, per second    >= 100/s
  mr-parse          the same MeasureReports only read by jsonparse, per second (no target)
  mr-project        the project's MeasureReport examples (valid and invalid) against their
                    profiles, per second                                                  >= 100/s
  examples-folder   `igkit validate` on the whole R4 examples sample folder, one call       < 15 s
  compile           `igkit compile` of this project, wall time (no target; only when a
                    compiled project exists and --no-compile is not given)

Results are printed as a table and written to bench-results/results.json (the folder is not
versioned). This is not a test: it never fails on a missed target, it reports it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(
    os.environ.get("IGKIT_BENCH_EXAMPLES", ROOT.parent / "shared" / "conformance" / "r4-examples-sample")
)
sys.path.insert(0, str(ROOT / "tools"))


@dataclass
class Result:
    name: str
    measured: float | None
    unit: str
    target: str
    ok: bool | None  # None: no target or skipped
    note: str = ""


# -- helpers -------------------------------------------------------------------------------


def igkit_executable() -> str | None:
    beside = Path(sys.executable).parent / "igkit"
    if beside.is_file():
        return str(beside)
    return shutil.which("igkit")


def cli_available() -> str | None:
    """The reason the validate CLI cannot be benchmarked, or None when it can."""
    if igkit_executable() is None:
        return "igkit executable not found"
    if importlib.util.find_spec("igkit.validate.cli") is None:
        return "validator CLI not available"
    return None


def run_cli(args: list[str], timeout: float = 600) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [igkit_executable(), *args],
        check=False,
        capture_output=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        cwd=ROOT,
    )
    took = time.perf_counter() - start
    tail = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()[-1:]
    return took, proc.returncode, " ".join(tail)[:200]


def measure_report(rng: random.Random, index: int) -> dict:
    """A typical summary MeasureReport (groups, populations, a stratifier), 5-20 KB of JSON."""
    pop_codes = ["initial-population", "denominator", "numerator"]

    def populations(total: int) -> list[dict]:
        out, remaining = [], total
        for code in pop_codes:
            out.append(
                {
                    "code": {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/measure-population",
                                "code": code,
                            }
                        ]
                    },
                    "count": remaining,
                }
            )
            remaining = max(0, remaining - rng.randint(0, max(1, remaining // 3)))
        return out

    groups = []
    for g in range(rng.randint(1, 3)):
        total = rng.randint(50, 5000)
        strata = [
            {
                "code": [{"text": "age-band"}],
                "stratum": [
                    {
                        "value": {"text": label},
                        "population": populations(rng.randint(10, total)),
                        "measureScore": {"value": round(rng.random(), 4)},
                    }
                    for label in ("0-17", "18-64", "65+")
                ],
            }
        ]
        groups.append(
            {
                "id": f"group-{g + 1}",
                "code": {
                    "coding": [
                        {"system": "http://example.org/CodeSystem/vbpr-measure-groups", "code": f"G{g + 1}"}
                    ]
                },
                "population": populations(total),
                "measureScore": {"value": round(rng.random(), 4)},
                "stratifier": strata,
            }
        )
    return {
        "resourceType": "MeasureReport",
        "id": f"mr-bench-{index}",
        "meta": {"lastUpdated": "2024-03-01T12:00:00Z"},
        "status": "complete",
        "type": "summary",
        "measure": f"http://example.org/fhir/Measure/bench-{index % 7}",
        "date": "2024-03-01T12:00:00Z",
        "reporter": {"reference": "Organization/payer-1"},
        "period": {"start": "2023-01-01", "end": "2023-12-31"},
        "improvementNotation": {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/measure-improvement-notation",
                    "code": "increase",
                }
            ]
        },
        "group": groups,
    }


def in_process_validator(in_project: bool = False) -> tuple[Callable[[bytes, str], list], str] | str:
    """A function validating one file's bytes in-process, or the reason there is none."""
    try:
        from igkit.validate.definitions import build_context
        from igkit.validate.engine import Validator

        validator = Validator(build_context([], in_project=in_project))
    except Exception as exc:  # noqa: BLE001 - any missing part means "not available yet"
        return f"in-process validator not available ({type(exc).__name__}: {exc})"[:200]

    def validate(data: bytes, source: str) -> list:
        return validator.validate_bytes(data, source).issues

    where = "project and its packages" if in_project else "base definitions"
    return validate, f"engine.Validator.validate_bytes, {where}"


@contextlib.contextmanager
def one_core() -> Iterator[None]:
    """Pin this process to a single CPU for an in-process measurement (where the OS allows it)."""
    saved = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if saved:
        os.sched_setaffinity(0, {min(saved)})
    try:
        yield
    finally:
        if saved:
            os.sched_setaffinity(0, saved)


# -- benchmarks ----------------------------------------------------------------------------


def bench_cli_startup(quick: bool) -> Result:
    reason = cli_available()
    if reason:
        return Result("cli-startup", None, "s", "<= 1.5 s", None, f"skipped: {reason}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "Patient-small.json"
        src.write_text(
            json.dumps(
                {
                    "resourceType": "Patient",
                    "id": "p1",
                    "active": True,
                    "name": [{"family": "Chalmers", "given": ["Peter"]}],
                    "gender": "male",
                    "birthDate": "1974-12-25",
                }
            )
        )
        out = Path(tmp) / "out.json"
        args = ["validate", str(src), "--fhir-version", "4.0.1", "--output", str(out)]
        run_cli(args)  # warm the file-system cache and any on-disk index
        times, codes, note = [], set(), ""
        for _ in range(3 if quick else 5):
            took, code, note = run_cli(args)
            times.append(took)
            codes.add(code)
    median = statistics.median(times)
    if not codes <= {0, 1}:
        return Result("cli-startup", median, "s", "<= 1.5 s", False, f"exit codes {sorted(codes)}: {note}")
    return Result("cli-startup", median, "s", "<= 1.5 s", median <= 1.5, f"median of {len(times)} runs")


def bench_measure_reports(quick: bool) -> list[Result]:
    rng = random.Random(20240301)
    reports = [json.dumps(measure_report(rng, i), indent=2).encode() for i in range(60 if quick else 200)]
    size = statistics.mean(len(r) for r in reports) / 1024
    from igkit.validate.jsonparse import parse_json

    start = time.perf_counter()
    for data in reports:
        parse_json(data)
    parse_rate = len(reports) / (time.perf_counter() - start)
    parse_result = Result("mr-parse", parse_rate, "/s", "-", None, f"jsonparse only, mean {size:.1f} KB")

    validator = in_process_validator()
    if isinstance(validator, str):
        return [Result("mr-throughput", None, "/s", ">= 100/s", None, f"skipped: {validator}"), parse_result]
    validate, how = validator
    try:
        validate(reports[0], "warm-up.json")  # loads definitions and builds the trees once
        start = time.perf_counter()
        errors = 0
        for i, data in enumerate(reports):
            errors += sum(1 for issue in validate(data, f"mr-{i}.json") if getattr(issue, "is_error", False))
        rate = len(reports) / (time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - report, do not crash the bench
        return [
            Result(
                "mr-throughput",
                None,
                "/s",
                ">= 100/s",
                None,
                f"skipped: in-process validation failed ({type(exc).__name__}: {exc})"[:200],
            ),
            parse_result,
        ]
    note = f"{len(reports)} reports, mean {size:.1f} KB, {how}; {errors} errors found"
    return [Result("mr-throughput", rate, "/s", ">= 100/s", rate >= 100, note), parse_result]


def bench_project_reports(quick: bool) -> Result:
    folders = [ROOT / "fsh-generated" / "resources", ROOT / "input" / "examples"]  # FSH and LAN CSV examples
    files = [f for folder in folders if folder.is_dir() for f in sorted(folder.glob("MeasureReport-*.json"))]
    if not files:
        return Result(
            "mr-project", None, "/s", ">= 100/s", None, "skipped: no compiled MeasureReport examples"
        )
    validator = in_process_validator(in_project=True)
    if isinstance(validator, str):
        return Result("mr-project", None, "/s", ">= 100/s", None, f"skipped: {validator}")
    validate, how = validator
    blobs = [(f.name, f.read_bytes()) for f in files]
    total = 60 if quick else 200
    try:
        for name, data in blobs:
            validate(data, name)  # warm-up: profiles, snapshots, value sets
        start = time.perf_counter()
        for i in range(total):
            name, data = blobs[i % len(blobs)]
            validate(data, name)
        rate = total / (time.perf_counter() - start)
    except Exception as exc:  # noqa: BLE001 - report, do not crash the bench
        return Result(
            "mr-project",
            None,
            "/s",
            ">= 100/s",
            None,
            f"skipped: in-process validation failed ({type(exc).__name__}: {exc})"[:200],
        )
    size = statistics.mean(len(d) for _, d in blobs) / 1024
    return Result(
        "mr-project",
        rate,
        "/s",
        ">= 100/s",
        rate >= 100,
        f"{len(blobs)} project examples (mean {size:.1f} KB) against their profiles, {how}",
    )


def bench_examples_folder(quick: bool) -> Result:
    reason = cli_available()
    if reason:
        return Result("examples-folder", None, "s", "< 15 s", None, f"skipped: {reason}")
    if not EXAMPLES.is_dir():
        return Result("examples-folder", None, "s", "< 15 s", None, f"skipped: {EXAMPLES} not found")
    files = [str(f) for f in sorted(EXAMPLES.glob("*.json"))]
    count = len(files)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        took, code, note = run_cli(
            ["validate", *files, "--fhir-version", "4.0.1", "--output", str(out)], timeout=900
        )
        written = out.exists()
    if code not in (0, 1) or not written:
        return Result(
            "examples-folder",
            took,
            "s",
            "< 15 s",
            False,
            f"exit code {code}, outcome {'written' if written else 'missing'}: {note}",
        )
    return Result("examples-folder", took, "s", "< 15 s", took < 15, f"{count} files in one call")


def bench_compile(enabled: bool) -> Result:
    if not enabled:
        return Result("compile", None, "s", "-", None, "skipped: --no-compile")
    if igkit_executable() is None or importlib.util.find_spec("igkit.compile") is None:
        return Result("compile", None, "s", "-", None, "skipped: igkit compile not available")
    if not (ROOT / "fsh-generated" / "resources").is_dir():
        return Result(
            "compile", None, "s", "-", None, "skipped: no compiled project (run igkit compile once)"
        )
    took, code, note = run_cli(["compile"], timeout=1800)
    return Result(
        "compile",
        took,
        "s",
        "-",
        None if code == 0 else False,
        "second (warm) compile" if code == 0 else f"exit code {code}: {note}",
    )


# -- report --------------------------------------------------------------------------------


def render(results: list[Result]) -> str:
    rows = [("benchmark", "measured", "target", "status", "note")]
    for r in results:
        if r.measured is None:
            measured = "-"
        elif r.unit == "/s":
            measured = f"{r.measured:,.0f}/s"
        else:
            measured = f"{r.measured:.2f} {r.unit}"
        status = {True: "ok", False: "MISSED", None: "-"}[r.ok]
        rows.append((r.name, measured, r.target, status, r.note))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  " + "-" * 4)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="igkit benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--no-compile", action="store_true", help="do not time igkit compile")
    parser.add_argument("--out", default=str(ROOT / "bench-results"), help="folder for results.json")
    parser.add_argument(
        "--only",
        action="append",
        choices=["cli-startup", "mr-throughput", "mr-project", "examples-folder", "compile"],
        help="run only this benchmark (repeatable; mr-throughput includes mr-parse)",
    )
    args = parser.parse_args(argv)
    wanted = set(args.only or ["cli-startup", "mr-throughput", "mr-project", "examples-folder", "compile"])

    results = [bench_cli_startup(args.quick)] if "cli-startup" in wanted else []
    with one_core():
        if "mr-throughput" in wanted:
            results += bench_measure_reports(args.quick)
        if "mr-project" in wanted:
            results.append(bench_project_reports(args.quick))
    if "examples-folder" in wanted:
        results.append(bench_examples_folder(args.quick))
    if "compile" in wanted:
        results.append(bench_compile(not args.no_compile))
    print(render(results))
    if hasattr(os, "getloadavg"):
        print(
            f"\nload average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (other work skews the figures)"
        )
    from igkit.fsutil import atomic_write_json

    report = {
        "when": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "results": [asdict(r) for r in results],
    }
    out = Path(args.out) / "results.json"
    atomic_write_json(out, report)
    print(f"\nresults written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
