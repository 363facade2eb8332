"""`igkit publish`: build output/ (the FHIR package and the site) from the compiled IG."""

from __future__ import annotations

from pathlib import Path

import click

from igkit.project import Project
from igkit.publish.context import DEFINITIONS_ZIP, PACKAGE_FILE
from igkit.publish.jar import ENV_VAR, publisher_jar, run_publisher_jar


@click.command("publish")
@click.option(
    "--output",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: output/ in the project).",
)
@click.option("--no-browser-check", is_flag=True, help="Skip rendering pages in headless Chromium.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Validation report to show (default: .igkit/test-report.json, written by `igkit test`).",
)
def publish_cmd(output: Path | None, no_browser_check: bool, report: Path | None) -> None:
    """Build the FHIR package and the static site of the IG.

    Reads sushi-config.yaml, fsh-generated/resources, input/resources, input/examples and
    input/pagecontent; writes output/ atomically. When IGKIT_PUBLISHER_JAR names an IG
    Publisher jar, that publisher runs instead (`java -jar JAR -ig .`).
    """
    project = Project.locate()
    jar = publisher_jar()
    if jar is not None:
        click.echo(f"{ENV_VAR} is set: running the IG Publisher {jar}")
        run_publisher_jar(jar, project.root)
        return
    from igkit.publish.build import publish  # the site builder loads only when it is used

    result = publish(project.root, output.resolve() if output else None, report, not no_browser_check)
    out = result.output
    shown = out.relative_to(project.root) if out.is_relative_to(project.root) else out
    click.echo(f"Published {result.resources} resources ({result.packaged} packaged) to {shown}/ "
               f"in {result.seconds:.1f} s")  # fmt: skip
    click.echo(f"  package:     {shown}/{PACKAGE_FILE}")
    click.echo(f"  definitions: {shown}/{DEFINITIONS_ZIP}")
    if result.links:
        click.echo(f"  links:       {result.pages} pages, {result.links.internal} internal links OK, "
                   f"{result.links.external} external links (not checked offline)")  # fmt: skip
    click.echo(f"  validation:  {result.validation_source or 'no report (examples shown as not validated)'}")
    if result.rendered:
        summary = ", ".join(f"{r.check.label} ({r.table_rows} rows)" if r.check.table_selector else r.check.label
                            for r in result.rendered)  # fmt: skip
        click.echo(f"  browser:     rendered {summary}; screenshots in {shown}/qa/")
    elif result.browser_note:
        click.echo(f"  browser:     {result.browser_note}")
