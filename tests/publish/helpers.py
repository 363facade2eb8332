"""Small builders for synthetic IG data (unit tests that need no SUSHI)."""

from __future__ import annotations

import json
from pathlib import Path

from igkit.publish.config import IgConfig, read_config
from igkit.publish.links import LinkResolver
from igkit.publish.loader import IgResource, load_resources

CONFIG = {
    "id": "example.fhir.unit",
    "canonical": "http://example.org/fhir/unit",
    "name": "UnitIG",
    "title": "Unit IG",
    "version": "1.2.3",
    "fhirVersion": "4.0.1",
    "license": "CC0-1.0",
    "publisher": {"name": "Unit Publisher", "email": "u@example.org"},
    "dependencies": {"hl7.fhir.us.core": "6.1.0"},
}


def config(**overrides: object) -> IgConfig:
    return read_config({**CONFIG, **overrides})


def write_project(root: Path, resources: dict[str, dict], folder: str = "fsh-generated/resources",
                  cfg: dict | None = None) -> Path:  # fmt: skip
    import yaml

    root.mkdir(parents=True, exist_ok=True)
    (root / "sushi-config.yaml").write_text(yaml.safe_dump(cfg or CONFIG), encoding="utf-8")
    out = root / folder
    out.mkdir(parents=True, exist_ok=True)
    for name, data in resources.items():
        (out / name).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return root


def load(root: Path) -> list[IgResource]:
    return load_resources(root)


def resolver(
    resources: list[IgResource], cache: Path | None = None, cfg: IgConfig | None = None
) -> LinkResolver:
    return LinkResolver(cfg or config(), resources, cache)
