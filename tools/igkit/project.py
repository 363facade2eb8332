"""Where things are: the project root, its config, generated folders and the package cache."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

from igkit.errors import IgkitError


def find_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above `start` that holds a sushi-config.yaml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "sushi-config.yaml").is_file():
            return folder
    return None


def fhir_home() -> Path:
    """The home folder whose `.fhir/packages` is the FHIR package cache.

    SUSHI (fhir-package-loader) and the IG Publisher always read `~/.fhir/packages`; to
    relocate the cache for hermetic runs (tests, CI), set `IGKIT_FHIR_HOME` and igkit runs
    SUSHI with `HOME` pointing there. The default is the user's home folder.
    """
    env = os.environ.get("IGKIT_FHIR_HOME")
    return Path(env).expanduser() if env else Path.home()


def package_cache() -> Path:
    """`<fhir_home>/.fhir/packages`: one `<id>#<version>/package/` folder per package."""
    return fhir_home() / ".fhir" / "packages"


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def locate(cls, start: Path | None = None) -> Project:
        root = find_root(start)
        if root is None:
            raise IgkitError(
                f"No sushi-config.yaml found in {Path.cwd()} or any folder above it. "
                "Run igkit from inside the IG project, or pass the project folder explicitly."
            )
        return cls(root)

    @property
    def config_path(self) -> Path:
        return self.root / "sushi-config.yaml"

    def config(self) -> dict:
        try:
            data = yaml.safe_load(self.config_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
            raise IgkitError(
                f"{self.config_path}{where}: sushi-config.yaml is not valid YAML "
                f"({getattr(exc, 'problem', exc)}). Fix the syntax and run again."
            ) from None
        if not isinstance(data, dict):
            raise IgkitError(f"{self.config_path}: expected a YAML mapping at the top level.")
        return data

    @property
    def generated(self) -> Path:
        return self.root / "fsh-generated" / "resources"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def state(self) -> Path:
        """Project-local caches (regression cache, validator index...)."""
        return self.root / ".igkit"


# Folders, relative to the project root, whose JSON files are the IG's resources: what SUSHI
# compiles, plus predefined resources an author (or a generator such as `igkit lan`) keeps
# as JSON, in the folders the IG Publisher also reads.
RESOURCE_FOLDERS = ("fsh-generated/resources", "input/resources", "input/examples")


def resource_files(root: Path) -> list[Path]:
    """Every IG resource file (JSON), sorted, compiled ones first."""
    found: list[Path] = []
    for rel in RESOURCE_FOLDERS:
        folder = root / rel
        if folder.is_dir():
            found.extend(sorted(p for p in folder.rglob("*.json") if p.is_file()))
    return found
