"""`igkit test`: the examples and compiled artifacts as a regression suite (`make validate`)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from igkit.errors import IgkitError
from igkit.project import Project
from igkit.regress.runner import Options, RunContext, run


@click.command("test")
@click.option("--update", is_flag=True, help="Re-record tests/outcomes/ and tests/artifacts/ after review.")
@click.option(
    "--no-compile", "no_compile", is_flag=True, help="Use fsh-generated/ as it is (do not run SUSHI)."
)
@click.option("--junit", type=click.Path(dir_okay=False, path_type=Path), help="Write JUnit XML here.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the JSON report here (always: output/qa/ and .igkit/test-report.json).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Validator processes in parallel (default: the number of CPUs, at most 4).",
)
@click.option("--verbose", "-v", is_flag=True, help="List passing examples too.")
def test_cmd(
    update: bool, no_compile: bool, junit: Path | None, report: Path | None, jobs: int | None, verbose: bool
) -> None:
    """Compile, validate every example and compare with the recorded outcomes and artifacts.

    Valid examples must have no errors and only allow-listed warnings
    (input/warnings-allowlist.yaml); invalid examples (ids invalid-*) must raise exactly the
    issues declared in fsh/examples-invalid/*expected-issues.yaml. Exit 0 when everything
    passes, 1 on a failure, 2 on a usage or set-up problem.
    """
    project = Project.locate()
    options = Options(
        update=update,
        compile=not no_compile,
        jobs=jobs or min(4, os.cpu_count() or 1),
        junit=junit,
        report=report,
        verbose=verbose,
    )
    result = run(RunContext(project, options, echo=click.echo))
    if result["summary"]["result"] != "pass":
        raise IgkitError("igkit test failed (see above; report in output/qa/test-report.json)", exit_code=1)
