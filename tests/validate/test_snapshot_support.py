"""Support for the snapshot tests: a DefinitionSource over the extracted FHIR packages, and the
comparison of a regenerated snapshot with a published one.

Run as a script to report the agreement over every profile of the IG packages:

    .venv/bin/python tests/validate/test_snapshot_support.py [-v]
"""

from __future__ import annotations

import copy
import functools
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from igkit.validate.snapshot import SnapshotError, generate_snapshot

PACKAGE_IDS = {
    "core": "hl7.fhir.r4.core#4.0.1",
    "extensions": "hl7.fhir.uv.extensions.r4#5.2.0",
    "uscore": "hl7.fhir.us.core#6.1.0",
    "qicore": "hl7.fhir.us.qicore#6.0.0",
    "deqm": "hl7.fhir.us.davinci-deqm#5.0.0",
    "terminology": "hl7.terminology.r4#7.0.1",
}
PROFILE_PACKAGES = ("uscore", "qicore", "deqm", "extensions")


def package_cache() -> Path:
    env = os.environ.get("IGKIT_FHIR_HOME")
    return (Path(env) if env else Path.home()) / ".fhir" / "packages"


class PackageDefs:
    """A minimal DefinitionSource over extracted packages: StructureDefinitions indexed by url
    on first use (files are parsed lazily, once)."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self._paths: dict[str, Path] | None = None
        self._loaded: dict[Path, dict[str, Any]] = {}
        self._types: dict[str, str] = {}

    def _index(self) -> dict[str, Path]:
        if self._paths is None:
            self._paths = {}
            for folder in self.folders:
                for path in sorted(folder.glob("StructureDefinition-*.json")):
                    sd = self.load(path)
                    url = sd.get("url")
                    if not url:
                        continue
                    self._paths.setdefault(url, path)
                    if (
                        sd.get("derivation") != "constraint"
                        and sd.get("type")
                        and url == f"http://hl7.org/fhir/StructureDefinition/{sd['type']}"
                    ):
                        self._types.setdefault(sd["type"], url)
        return self._paths

    def load(self, path: Path) -> dict[str, Any]:
        if path not in self._loaded:
            self._loaded[path] = json.loads(path.read_text(encoding="utf-8"))
        return self._loaded[path]

    def fetch(self, url: str) -> dict | None:
        path = self._index().get(url.split("|", 1)[0])
        return self.load(path) if path else None

    def structure_for_type(self, type_name: str) -> dict | None:
        self._index()
        url = self._types.get(type_name) or f"http://hl7.org/fhir/StructureDefinition/{type_name}"
        return self.fetch(url)

    def profiles(self, folder: Path) -> list[dict[str, Any]]:
        """The constraint profiles of one package folder that have a published snapshot."""
        out = []
        for path in sorted(folder.glob("StructureDefinition-*.json")):
            sd = self.load(path)
            if sd.get("derivation") == "constraint" and sd.get("snapshot") and sd.get("differential"):
                out.append(sd)
        return out


def package_folder(key: str) -> Path:
    return package_cache() / PACKAGE_IDS[key] / "package"


@functools.lru_cache(maxsize=1)
def make_defs() -> PackageDefs:
    """The package definitions, indexed once per test session."""
    return PackageDefs([package_folder(k) for k in PACKAGE_IDS])


def facts(element: dict[str, Any]) -> dict[str, Any]:
    """The facts compared between a generated and a published snapshot element."""
    fixed = {
        k: v
        for k, v in element.items()
        if (k.startswith("fixed") and k[5:6].isupper()) or (k.startswith("pattern") and k[7:8].isupper())
    }
    binding = element.get("binding") or {}
    slicing = element.get("slicing")
    return {
        "path": element.get("path"),
        "min": element.get("min"),
        "max": element.get("max"),
        "types": [
            (t.get("code"), tuple(t.get("profile", [])), tuple(t.get("targetProfile", [])))
            for t in element.get("type", [])
        ],
        "fixed": fixed,
        "binding": (binding.get("strength"), binding.get("valueSet")) if binding else None,
        "slicing": None
        if not slicing
        else (
            tuple((d.get("type"), d.get("path")) for d in slicing.get("discriminator", [])),
            slicing.get("rules"),
            slicing.get("ordered", False),
        ),
    }


def compare(generated: dict[str, Any], published: dict[str, Any], known_type=None) -> list[str]:
    """Differences between two snapshots on the compared facts (empty when they agree).

    With `known_type` (a predicate on type codes), the types of an element are not compared
    when the published element lists a type it rejects: the extensions package's snapshots were
    generated against the R5 Extension, whose value[x] lists R5 datatypes (integer64,
    CodeableReference, ...) where R4 has others (Contributor), in another order."""
    gen = generated["snapshot"]["element"]
    pub = published["snapshot"]["element"]
    gen_ids = [e.get("id") for e in gen]
    pub_ids = [e.get("id") for e in pub]
    problems: list[str] = []
    if gen_ids != pub_ids:
        missing = [i for i in pub_ids if i not in set(gen_ids)]
        extra = [i for i in gen_ids if i not in set(pub_ids)]
        problems.append(
            f"ids differ: missing {missing[:5]} extra {extra[:5]}" + ("" if missing or extra else " (order)")
        )
    by_id = {e.get("id"): e for e in gen}
    for p in pub:
        g = by_id.get(p.get("id"))
        if g is None:
            continue
        fg, fp = facts(g), facts(p)
        if known_type is not None and not all(known_type(t[0]) for t in fp["types"]):
            fp["types"] = fg["types"] = None
        for key in fp:
            if fg[key] != fp[key]:
                problems.append(f"{p.get('id')}: {key} {fg[key]!r} != published {fp[key]!r}")
    return problems


def regenerate(sd: dict[str, Any], defs: PackageDefs) -> dict[str, Any]:
    stripped = copy.deepcopy(sd)
    del stripped["snapshot"]
    return generate_snapshot(stripped, defs)


def r4_type(defs: PackageDefs):
    def known(code: str | None) -> bool:
        return bool(code) and (
            code.startswith("http://hl7.org/fhirpath/") or defs.structure_for_type(code) is not None
        )

    return known


def agreement(
    defs: PackageDefs, verbose: bool = False, r4_types_only: bool = False
) -> dict[str, tuple[int, int]]:
    results: dict[str, tuple[int, int]] = {}
    known = r4_type(defs) if r4_types_only else None
    for key in PROFILE_PACKAGES:
        ok = total = 0
        for sd in defs.profiles(package_folder(key)):
            total += 1
            try:
                problems = compare(regenerate(sd, defs), sd, known)
            except SnapshotError as exc:
                problems = [f"error: {exc}"]
            if not problems:
                ok += 1
            elif verbose:
                print(f"[{key}] {sd['url']}: {len(problems)} differences")
                for line in problems[:6]:
                    print("    " + line[:300])
        results[key] = (ok, total)
    return results


if __name__ == "__main__":
    started = time.perf_counter()
    defs = make_defs()
    report = agreement(defs, verbose="-v" in sys.argv)
    for key, (ok, total) in report.items():
        print(
            f"{PACKAGE_IDS[key]}: {ok}/{total} profiles identical on ids, min/max, types, fixed/pattern, "
            "binding, slicing"
        )
    print(
        "Not comparing the types of elements whose published types are not all R4 types (the extensions "
        "package's snapshots were generated against the R5 Extension):"
    )
    for key, (ok, total) in agreement(defs, r4_types_only=True).items():
        print(f"{PACKAGE_IDS[key]}: {ok}/{total}")
    print(f"({time.perf_counter() - started:.1f}s)")
