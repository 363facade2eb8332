"""The IG's LAN examples: input/lan/*.csv -> input/examples/MeasureReport-lan-*.json.

input/lan/examples.yaml says which worksheets to run and with which options; the resources come
from the same code as `igkit lan report --format fhir` and `igkit lan nominal-risk --format fhir`
(one file per Bundle entry), so examples and tool cannot drift apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from igkit.errors import IgkitError
from igkit.fsutil import atomic_write_text
from igkit.lan import run
from igkit.lan.jsontext import dumps
from igkit.project import Project

MANIFEST = Path("input/lan/examples.yaml")
EXAMPLES = Path("input/examples")
OWNED_GLOB = "MeasureReport-lan-*.json"  # the files this command owns in input/examples


@dataclass(frozen=True)
class Manifest:
    folder: Path
    payer: str | None
    payer_ref: str | None
    date: str | None
    metrics: list[str]
    nominal: list[dict[str, Any]]

    def options(self) -> run.FhirOptions:
        return run.FhirOptions(date=self.date, payer=self.payer, payer_ref=self.payer_ref)

    @classmethod
    def load(cls, path: Path) -> Manifest:
        if not path.is_file():
            raise IgkitError(
                f"{path}: missing; it lists the worksheets from which `igkit lan examples` builds "
                "the IG's LAN examples."
            )
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise IgkitError(f"{path}: not valid YAML ({exc}).") from None
        if not isinstance(data, dict):
            raise IgkitError(f"{path}: expected a mapping with keys payer, date, adoption, nominal-risk.")
        metrics = data.get("adoption") or []
        nominal = data.get("nominal-risk") or []
        if not isinstance(metrics, list) or not isinstance(nominal, list):
            raise IgkitError(f"{path}: 'adoption' and 'nominal-risk' must be lists.")
        return cls(
            path.parent,
            _text(data.get("payer")),
            _text(data.get("payer-ref")),
            _text(data.get("date")),
            [str(m) for m in metrics],
            nominal,
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def build(root: Path) -> dict[str, str]:
    """File name -> JSON text of every LAN example, built from the manifest."""
    manifest = Manifest.load(root / MANIFEST)
    bundles: list[str] = []
    for metrics in manifest.metrics:
        bundles.append(run.report(manifest.folder / metrics, "fhir", manifest.options()))
    for job in manifest.nominal:
        if not isinstance(job, dict) or "contracts" not in job:
            raise IgkitError(
                f"{root / MANIFEST}: each nominal-risk entry needs 'contracts' (a CSV file name)."
            )
        spend = tuple(f"{lob}={amount}" for lob, amount in (job.get("total-spend") or {}).items())
        options = replace(manifest.options(), period=_text(job.get("period")))
        bundles.append(run.nominal_risk(manifest.folder / str(job["contracts"]), spend, "fhir", options))
    files: dict[str, str] = {}
    for text in bundles:
        for entry in json.loads(text, parse_float=Decimal)["entry"]:
            resource = entry["resource"]
            name = f"{resource['resourceType']}-{resource['id']}.json"
            if name in files:
                raise IgkitError(f"{root / MANIFEST}: two examples would both be written to {name}.")
            files[name] = dumps(resource)
    return files


def regenerate(project_dir: Path | None = None, check: bool = False) -> list[str]:
    """Write (or with `check`, compare) the examples; return one line per file changed."""
    root = (Project(project_dir.resolve()) if project_dir else Project.locate()).root
    wanted = build(root)
    folder = root / EXAMPLES
    current = {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob(OWNED_GLOB))}
    changes: list[str] = []
    for name, text in sorted(wanted.items()):
        if current.get(name) != text:
            changes.append(f"{'would write' if check else 'wrote'} {EXAMPLES / name}")
            if not check:
                atomic_write_text(folder / name, text)
    for name in sorted(set(current) - set(wanted)):
        changes.append(f"{'would remove' if check else 'removed'} {EXAMPLES / name}")
        if not check:
            (folder / name).unlink()
    return changes
