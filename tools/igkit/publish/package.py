"""The FHIR NPM package of the IG (package.tgz), as the FHIR package specification lays out.

    package/package.json            the manifest (name, version, canonical, dependencies...)
    package/.index.json             one row per resource file (index-version 1)
    package/<Type>-<id>.json        every conformance resource, the ImplementationGuide included
    package/example/.index.json     the examples' index
    package/example/<Type>-<id>.json  the examples (deliberately invalid ones are left out)

Resource files are shipped byte for byte as compiled, except the ImplementationGuide, whose
`definition.resource` list loses the deliberately invalid examples the package leaves out (so
every resource it names is in the package). The archive is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterable

from igkit.fsutil import dump_json
from igkit.publish.archive import tar_gz
from igkit.publish.config import IgConfig
from igkit.publish.loader import INVALID_PREFIX, IgResource

INDEX_VERSION = 1


def manifest(config: IgConfig) -> dict:
    """package.json for the IG."""
    data: dict = {
        "name": config.id,
        "version": config.version,
        "type": "IG",
        "canonical": config.canonical,
        "url": config.canonical,
        "title": config.title,
        "description": config.description or config.title,
        "fhirVersions": [config.fhir_version],
        "dependencies": config.all_dependencies,
        "author": config.publisher_name or config.id,
        "license": config.license or "CC0-1.0",
    }
    if config.publisher_name or config.publisher_email or config.publisher_url:
        maintainer = {"name": config.publisher_name or config.id}
        if config.publisher_email:
            maintainer["email"] = config.publisher_email
        if config.publisher_url:
            maintainer["url"] = config.publisher_url
        data["maintainers"] = [maintainer]
    return data


def index_row(res: IgResource) -> dict:
    row: dict = {"filename": res.json_name, "resourceType": res.resource_type, "id": res.id}
    for key in ("url", "version", "kind", "type"):
        value = res.data.get(key)
        if isinstance(value, str) and value:
            row[key] = value
    return row


def _index(resources: Iterable[IgResource]) -> bytes:
    rows = [index_row(r) for r in sorted(resources, key=lambda r: r.json_name)]
    return dump_json({"index-version": INDEX_VERSION, "files": rows}).encode("utf-8")


def _without_invalid_examples(res: IgResource) -> bytes:
    """The ImplementationGuide as shipped: no `definition.resource` entry for an `invalid-` example."""
    entries = (res.data.get("definition") or {}).get("resource") or []

    def invalid(entry: dict) -> bool:
        ref = (entry.get("reference") or {}).get("reference") or ""
        return ref.rsplit("/", 1)[-1].startswith(INVALID_PREFIX)

    if not any(invalid(e) for e in entries):
        return res.raw
    data = dict(res.data)
    data["definition"] = dict(data["definition"], resource=[e for e in entries if not invalid(e)])
    return dump_json(data).encode("utf-8")


def package_entries(config: IgConfig, resources: Iterable[IgResource]) -> dict[str, bytes]:
    """Archive name -> bytes for every file of the package."""
    shipped = [r for r in resources if r.packaged]
    definitions = [r for r in shipped if not r.is_example]
    examples = [r for r in shipped if r.is_example]
    entries: dict[str, bytes] = {
        "package/package.json": dump_json(manifest(config)).encode("utf-8"),
        "package/.index.json": _index(definitions),
    }
    for res in definitions:
        raw = _without_invalid_examples(res) if res.resource_type == "ImplementationGuide" else res.raw
        entries[f"package/{res.json_name}"] = raw
    if examples:
        entries["package/example/.index.json"] = _index(examples)
        for res in examples:
            entries[f"package/example/{res.json_name}"] = res.raw
    return entries


def build_package(config: IgConfig, resources: Iterable[IgResource]) -> bytes:
    return tar_gz(package_entries(config, resources))
