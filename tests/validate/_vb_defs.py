"""A small DefinitionSource over the extracted FHIR packages, for the VB helper's tests.

Files are found by naming convention first (StructureDefinition-<Type>.json, ValueSet-<id>.json)
and otherwise through a url index built once from the first bytes of each CodeSystem/ValueSet/
StructureDefinition file, so the tests load only what they use.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

FHIR_HOME = Path(os.environ.get("IGKIT_FHIR_HOME", Path.home())) / ".fhir" / "packages"
R4_CORE = FHIR_HOME / "hl7.fhir.r4.core#4.0.1" / "package"
THO = FHIR_HOME / "hl7.terminology.r4#7.0.1" / "package"


@cache
def _url_index() -> dict[str, Path]:
    index: dict[str, Path] = {}
    for folder in (THO, R4_CORE):  # core last: it wins for the URLs both define
        for path in sorted(folder.glob("*.json")):
            if not path.name.startswith(("CodeSystem-", "ValueSet-", "StructureDefinition-")):
                continue
            url = _load(path).get("url")
            if url:
                index[url] = path
    return index


@cache
def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class PackageDefs:
    """DefinitionSource over r4 core + terminology, plus resources added in memory."""

    def __init__(self, extra: list[dict] | None = None) -> None:
        self.extra: dict[str, dict] = {}
        for res in extra or []:
            self.add(res)

    def add(self, res: dict) -> None:
        self.extra[res["url"]] = res

    def fetch(self, url: str) -> dict | None:
        url, _, _version = url.partition("|")
        if url in self.extra:
            return self.extra[url]
        for prefix, kind in (
            ("http://hl7.org/fhir/StructureDefinition/", "StructureDefinition"),
            ("http://hl7.org/fhir/ValueSet/", "ValueSet"),
        ):
            if url.startswith(prefix):
                path = R4_CORE / f"{kind}-{url[len(prefix) :]}.json"
                if path.exists():
                    return _load(path)
                if kind == "StructureDefinition":
                    return None  # core types are all named by convention
        path = _url_index().get(url)
        return _load(path) if path else None

    def structure_for_type(self, type_name: str) -> dict | None:
        return self.fetch("http://hl7.org/fhir/StructureDefinition/" + type_name)
