"""FHIR package management: resolve the IG's pinned dependencies, fetch them from a local
mirror or the registry, verify them against `fhir-packages.lock`, and unpack them safely into
the FHIR package cache that SUSHI reads. `registry_server` serves that cache as a registry on
127.0.0.1 so SUSHI never needs the network.
"""

from igkit.packages.cache import PackageCache
from igkit.packages.install import InstallReport, install
from igkit.packages.sources import Mirror, Registry, Sources
from igkit.packages.spec import PackageRef, Requirement, requirements_from_config

__all__ = [
    "InstallReport",
    "Mirror",
    "PackageCache",
    "PackageRef",
    "Registry",
    "Requirement",
    "Sources",
    "install",
    "requirements_from_config",
]
