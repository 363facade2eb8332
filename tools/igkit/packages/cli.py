"""`igkit packages ...`: install and list the IG's FHIR packages."""

from __future__ import annotations

import click

from igkit.packages.cache import PackageCache
from igkit.packages.install import install
from igkit.packages.sources import Sources
from igkit.packages.spec import requirements_from_config
from igkit.project import Project

LOCK_NAME = "fhir-packages.lock"


@click.group()
def packages() -> None:
    """Manage the FHIR packages the IG depends on."""


@packages.command("install")
@click.option("--offline", is_flag=True, help="Use the mirror folders only; never ask the registry.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
def install_cmd(offline: bool, quiet: bool) -> None:
    """Install the dependencies of sushi-config.yaml (and SUSHI's own) into the package cache.

    Sources, in order: the folders in IGKIT_PACKAGE_MIRROR (colon-separated), then the FHIR
    package registry. Every tarball is checked against fhir-packages.lock before anything is
    unpacked.
    """
    project = Project.locate()
    reqs = requirements_from_config(project.config(), str(project.config_path))
    cache = PackageCache()
    report = install(
        reqs,
        Sources.from_environment(offline=offline),
        cache,
        project.root / LOCK_NAME,
        log=(lambda m: None) if quiet else click.echo,
    )
    if not quiet:
        for ref in report.present:
            click.echo(f"ok        {ref}")
        for pid, why in report.skipped:
            click.echo(f"skipped   {pid}: {why}")
        if report.lock_written:
            click.echo(f"updated   {project.root / LOCK_NAME}")
        click.echo(
            f"{len(report.installed)} installed, {len(report.present)} already present, "
            f"{len(report.skipped)} optional skipped; cache: {cache.root}"
        )


@packages.command("list")
def list_cmd() -> None:
    """List the packages in the FHIR package cache."""
    cache = PackageCache()
    for ref in cache.installed():
        sha = cache.recorded_sha(ref)
        click.echo(f"{ref.id:<40} {ref.version:<16} {sha[:12] if sha else '-'}")
