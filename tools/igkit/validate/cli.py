"""`igkit validate`: the command line of the validator (a fixed contract: other tools call it).

    igkit validate FILE... [--fhir-version 4.0.1] [--load PATH]... [--profile CANONICAL]...
                  [--security-checks] [--output OUT.json] [--format text|json] [--engine native|java]

Exit status: 0 without errors, 1 with errors, 2 for usage or set-up problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from igkit.errors import IgkitError

SUPPORTED_VERSIONS = ("4.0.1", "4.0", "r4", "R4")


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--fhir-version", default="4.0.1", show_default=True, help="FHIR version (only R4 is supported)."
)
@click.option(
    "--load",
    "loads",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Conformance resources to add: a JSON/XML file, a folder, or a package .tgz (repeatable).",
)
@click.option("--profile", "profiles", multiple=True, help="Also validate against this profile (repeatable).")
@click.option("--security-checks", is_flag=True, help="Report active content in narrative as errors.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write an OperationOutcome (one file) or a Bundle of them (several files) here.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="What to print on standard output.",
)
@click.option(
    "--engine",
    type=click.Choice(["native", "java"]),
    default="native",
    show_default=True,
    help="native: igkit's validator; java: the HL7 validator jar (IGKIT_VALIDATOR_JAR).",
)
def validate_cmd(
    files: tuple[Path, ...],
    fhir_version: str,
    loads: tuple[Path, ...],
    profiles: tuple[str, ...],
    security_checks: bool,
    output: Path | None,
    fmt: str,
    engine: str,
) -> None:
    """Validate FHIR R4 resources (JSON or XML) against the base definitions and profiles.

    Without FILES, inside the IG project, every compiled example in fsh-generated/resources
    (instances that are not conformance resources) is validated.
    """
    if fhir_version not in SUPPORTED_VERSIONS:
        raise IgkitError(f"--fhir-version {fhir_version}: only FHIR R4 (4.0.1) is supported.")
    targets = list(files) or _project_examples()
    for f in targets:
        if not f.is_file():
            raise IgkitError(f"{f}: no such file. Pass FHIR JSON or XML files to validate.")
    if engine == "java":
        results = _run_java(targets, loads, profiles, security_checks)
    else:
        results = _run_native(targets, loads, profiles, security_checks)
    _emit(results, output, fmt)
    sys.exit(1 if any(r.error_count for r in results) else 0)


def _run_native(
    targets: list[Path], loads: tuple[Path, ...], profiles: tuple[str, ...], security_checks: bool
) -> list:
    from igkit.validate.context import Options
    from igkit.validate.definitions import build_context
    from igkit.validate.engine import Validator

    defs = build_context(loads)
    validator = Validator(defs, Options(profiles=tuple(profiles), security_checks=security_checks))
    return [validator.validate_file(p) for p in targets]


def _run_java(
    targets: list[Path], loads: tuple[Path, ...], profiles: tuple[str, ...], security_checks: bool
) -> list:
    from igkit.validate import java
    from igkit.validate.engine import FileResult
    from igkit.validate.issues import Issue

    options = java.JavaOptions(
        igs=[str(p) for p in loads], profiles=list(profiles), security_checks=security_checks
    )
    by_file = java.validate_with_java([str(p) for p in targets], options)
    results = []
    for p in targets:
        issues = [
            Issue(
                severity=i["severity"],
                code=i["code"],
                message=i["message"],
                expression=i.get("expression") or "",
                line=i.get("line") or 1,
                column=i.get("col") or 1,
                message_id=i.get("message_id") or "",
                source=str(p),
            )
            for i in by_file.get(str(p), [])
        ]
        results.append(FileResult(str(p), issues))
    return results


def _emit(results: list, output: Path | None, fmt: str) -> None:
    from igkit import fsutil
    from igkit.validate import output as out

    if output is not None:
        fsutil.atomic_write_json(output, out.document(results))
    if fmt == "json":
        click.echo(fsutil.dump_json(out.document(results)), nl=False)
    else:
        for line in out.text_lines(results):
            click.echo(line)
        click.echo(out.summary(results))


def _project_examples() -> list[Path]:
    from igkit.project import Project

    try:
        project = Project.locate()
    except IgkitError:
        raise IgkitError(
            "No files given, and this is not the IG project (no sushi-config.yaml here or above). "
            "Pass the FHIR files to validate."
        ) from None
    folder = project.generated
    if not folder.is_dir():
        raise IgkitError(
            f"No files given and {folder} does not exist. Run `igkit compile` first, or pass files."
        )
    import json

    from igkit.validate.definitions import CONFORMANCE_TYPES

    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            rtype = json.loads(path.read_bytes()).get("resourceType")
        except (OSError, ValueError, AttributeError):
            found.append(path)  # unreadable: let the validator report it
            continue
        if rtype not in CONFORMANCE_TYPES:
            found.append(path)
    if not found:
        raise IgkitError(f"No example instances found in {folder}.")
    return found
