"""Which FHIR packages the IG needs: pinned references read from sushi-config.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass

from igkit.errors import IgkitError

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_PINNED = re.compile(r"^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$")

# FHIR version -> the core package SUSHI loads for it.
CORE_PACKAGES = {"4.0.1": "hl7.fhir.r4.core", "4.3.0": "hl7.fhir.r4b.core", "5.0.0": "hl7.fhir.r5.core"}

# Packages SUSHI loads on its own (`#latest` unless the config pins them). The ones marked
# optional are skipped with a note when no source has them: SUSHI builds without them.
AUTOMATIC = (
    ("hl7.terminology.r4", False),
    ("hl7.fhir.uv.extensions.r4", False),
    ("hl7.fhir.uv.tools.r4", True),
)


@dataclass(frozen=True, order=True)
class PackageRef:
    id: str
    version: str

    def __str__(self) -> str:
        return f"{self.id}#{self.version}"

    @property
    def folder_name(self) -> str:
        """The folder name in the FHIR package cache."""
        return f"{self.id}#{self.version}"

    @classmethod
    def parse(cls, text: str) -> PackageRef:
        """`id#version` or `id@version`; the version must be pinned (no latest/current)."""
        for sep in ("#", "@"):
            if sep in text:
                pid, version = text.split(sep, 1)
                return cls.pinned(pid.strip(), version.strip(), where=text)
        raise IgkitError(
            f"'{text}' is not a package reference: write it as id#version, e.g. hl7.fhir.r4.core#4.0.1."
        )

    @classmethod
    def pinned(cls, pid: str, version: str, where: str = "") -> PackageRef:
        if not _ID.match(pid or ""):
            raise IgkitError(f"'{pid}' is not a valid FHIR package id{_where(where)}.")
        if not _PINNED.match(str(version or "")):
            raise IgkitError(
                f"Package {pid} has version '{version}'{_where(where)}; igkit needs every dependency pinned "
                "to an exact version (like 4.0.1), not 'latest', 'current' or a range, so that builds are "
                "reproducible and work offline. Put the exact version in sushi-config.yaml."
            )
        return cls(pid, str(version))


def _where(where: str) -> str:
    return f" (in {where})" if where else ""


@dataclass(frozen=True)
class Requirement:
    ref: PackageRef
    optional: bool = False  # SUSHI's automatic extras: a missing one is a note, not an error


def requirements_from_config(config: dict, source: str = "sushi-config.yaml") -> list[Requirement]:
    """The packages to install for an IG: its dependencies, its core package, SUSHI's automatic ones.

    Optional automatic packages are only requested when the config does not pin them; their
    version is then resolved from whatever the sources hold (see `install`).
    """
    fhir_version = str(config.get("fhirVersion", "4.0.1"))
    if isinstance(config.get("fhirVersion"), list):
        fhir_version = str(config["fhirVersion"][0])
    core = CORE_PACKAGES.get(fhir_version)
    if core is None:
        raise IgkitError(
            f"{source}: fhirVersion {fhir_version} is not supported (use one of {', '.join(CORE_PACKAGES)})."
        )
    reqs: dict[str, Requirement] = {core: Requirement(PackageRef(core, fhir_version))}
    deps = config.get("dependencies") or {}
    if not isinstance(deps, dict):
        raise IgkitError(f"{source}: 'dependencies' must be a mapping of package id to version.")
    for pid, value in deps.items():
        version = value.get("version") if isinstance(value, dict) else value
        reqs[pid] = Requirement(
            PackageRef.pinned(str(pid), str(version) if version is not None else "", where=source)
        )
    for pid, optional in AUTOMATIC:
        if pid not in reqs and optional:
            reqs[pid] = Requirement(PackageRef(pid, "latest"), optional=True)
        elif pid not in reqs:
            raise IgkitError(
                f"{source}: SUSHI loads {pid} automatically at its newest version, which needs the network. "
                f"Pin it under 'dependencies' (for example `{pid}: <version>`) so the build is reproducible offline."
            )
    return sorted(reqs.values(), key=lambda r: r.ref.id)
