"""Conformance resources: loading, indexing and lookup (implements model.DefinitionSource).

A package folder (`<id>#<version>/package/`) is indexed once: the index lists, for every
resource with a canonical URL, its URL, version, resource type, file name and (for
StructureDefinitions) type/kind/derivation. The index is cached as `.igkit-index.json`
inside the package folder (or under the igkit cache folder when that is read-only), keyed
by the folder's file count and modification time, so start-up reads one small JSON file
per package instead of thousands. Resources are parsed only when fetched.

`--load` targets may be JSON or XML files, folders, or package `.tgz` files; tarballs are
read in memory, never extracted.
"""

from __future__ import annotations

import json
import os
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from igkit.errors import IgkitError

INDEX_NAME = ".igkit-index.json"
INDEX_FORMAT = 2
CORE_PACKAGE = "hl7.fhir.r4.core#4.0.1"
# Loaded with the core package when they are in the cache, as the HL7 validator loads them for R4:
# the extensions pack (hl7.org/fhir/StructureDefinition/... extensions that are not in core) and THO.
COMPANION_PACKAGES = ("hl7.fhir.uv.extensions.r4#5.2.0", "hl7.terminology.r4#7.0.1")
SD_PREFIX = "http://hl7.org/fhir/StructureDefinition/"

# The conformance resource types: the definitions themselves, never example instances
# (`igkit validate` with no files skips them).
CONFORMANCE_TYPES = frozenset(
    {
        "StructureDefinition",
        "ValueSet",
        "CodeSystem",
        "ConceptMap",
        "NamingSystem",
        "SearchParameter",
        "OperationDefinition",
        "CapabilityStatement",
        "ImplementationGuide",
        "CompartmentDefinition",
        "StructureMap",
        "GraphDefinition",
        "MessageDefinition",
        "TerminologyCapabilities",
    }
)
# Resource types that carry definitions the validator may need to look up by URL: the
# conformance resources and the knowledge artifacts.
CANONICAL_TYPES = CONFORMANCE_TYPES | frozenset(
    {
        "Questionnaire",
        "Measure",
        "Library",
        "PlanDefinition",
        "ActivityDefinition",
        "ExampleScenario",
        "EventDefinition",
        "ObservationDefinition",
        "SpecimenDefinition",
        "ChargeItemDefinition",
        "EffectEvidenceSynthesis",
        "Evidence",
        "EvidenceVariable",
        "ResearchDefinition",
        "ResearchElementDefinition",
        "RiskEvidenceSynthesis",
        "TestScript",
    }
)


@dataclass
class Entry:
    """One indexed resource: where it is and what it is, parsed on demand."""

    url: str
    version: str
    resource_type: str
    origin: str  # package id#version, or the file loaded
    path: str = ""  # file to parse on demand (empty when `resource` is set)
    sd_type: str = ""
    kind: str = ""
    derivation: str = ""
    resource: dict | None = None

    def load(self) -> dict | None:
        if self.resource is None and self.path:
            try:
                with open(self.path, "rb") as fh:
                    self.resource = json.load(fh, parse_float=_decimal)
            except (OSError, ValueError):
                self.path = ""
                return None
        return self.resource


def _version_key(version: str) -> tuple[int, ...]:
    """A sortable key for dotted numeric versions ("4.0.1" > "2.0.0"); others sort lowest."""
    parts = version.split("-", 1)[0].split(".")
    if not version or not all(p.isdigit() for p in parts):
        return ()
    return tuple(int(p) for p in parts)


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


def _entry_for(resource: dict, origin: str, path: str = "", keep: bool = True) -> Entry | None:
    url = resource.get("url")
    rtype = resource.get("resourceType")
    if not isinstance(url, str) or not isinstance(rtype, str) or rtype not in CANONICAL_TYPES:
        return None
    version = resource.get("version")
    return Entry(
        url=url,
        version=version if isinstance(version, str) else "",
        resource_type=rtype,
        origin=origin,
        path=path,
        sd_type=str(resource.get("type", "")) if rtype == "StructureDefinition" else "",
        kind=str(resource.get("kind", "")) if rtype == "StructureDefinition" else "",
        derivation=str(resource.get("derivation", "")) if rtype == "StructureDefinition" else "",
        resource=resource if keep else None,
    )


@dataclass
class Definitions:
    """The definition context: every loaded conformance resource, by canonical URL."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)
    packages: list[str] = field(default_factory=list)
    cache_dir: Path | None = None
    _snapshots: dict[int, dict] = field(default_factory=dict)
    _snapshot_errors: dict[str, str] = field(default_factory=dict)

    # -- lookup (model.DefinitionSource) -------------------------------------------------

    def entry(self, url: str) -> Entry | None:
        if not isinstance(url, str) or not url:
            return None
        version = ""
        if "|" in url:
            url, version = url.split("|", 1)
        candidates = self.entries.get(url)
        if not candidates:
            return None
        if version:
            for cand in reversed(candidates):
                if cand.version == version:
                    return cand
            for cand in reversed(candidates):  # "1.0" matches "1.0.x"
                if cand.version.startswith(version + "."):
                    return cand
            return None
        if len(candidates) == 1:
            return candidates[0]
        # Loaded files (--load, the IG's own resources) win over packages; between packages the
        # highest version wins (the extensions pack over core, core over an older THO copy), as
        # in the HL7 validator; otherwise the last loaded.
        order = {id(c): i for i, c in enumerate(candidates)}
        return max(candidates, key=lambda c: (not c.path, _version_key(c.version), order[id(c)]))

    def fetch(self, url: str) -> dict | None:
        entry = self.entry(url)
        return entry.load() if entry else None

    def structure_for_type(self, type_name: str) -> dict | None:
        if type_name.startswith(("http:", "https:")):
            return self.fetch(type_name)
        return self.fetch(SD_PREFIX + type_name)

    def structure(self, url: str) -> dict | None:
        """A StructureDefinition with a snapshot, generating it from the differential
        when needed (None when unknown or when generation fails; see snapshot_error)."""
        sd = self.fetch(url)
        if sd is None or sd.get("resourceType") != "StructureDefinition":
            return None
        if (sd.get("snapshot") or {}).get("element"):
            return sd
        key = id(sd)
        done = self._snapshots.get(key)
        if done is not None:
            return done
        if sd.get("url") in self._snapshot_errors:
            return None
        try:
            from igkit.validate import snapshot
        except ImportError:  # pragma: no cover - snapshot.py is built in parallel
            self._snapshot_errors[sd.get("url", "")] = "snapshot generation is not available"
            return None
        try:
            generated = snapshot.generate_snapshot(sd, self)
        except Exception as exc:  # noqa: BLE001 - SnapshotError, or a generator failure on odd input
            partial = getattr(exc, "partial", None)
            if not isinstance(partial, dict):
                self._snapshot_errors[str(sd.get("url", ""))] = str(exc)
                return None
            generated = partial  # unmatched differential elements: carry on, as the HL7 validator does
        self._snapshots[key] = generated
        return generated

    def snapshot_error(self, url: str) -> str | None:
        return self._snapshot_errors.get(url.split("|", 1)[0])

    def all_entries(self, resource_type: str | None = None) -> Iterator[Entry]:
        for group in self.entries.values():
            for entry in group:
                if resource_type is None or entry.resource_type == resource_type:
                    yield entry

    # -- loading ---------------------------------------------------------------------------

    def add(self, entry: Entry) -> None:
        self.entries.setdefault(entry.url, []).append(entry)

    def add_resource(self, resource: dict, origin: str) -> None:
        """Add one resource (a Bundle's entries are added one by one)."""
        if not isinstance(resource, dict):
            return
        if resource.get("resourceType") == "Bundle":
            for item in resource.get("entry") or []:
                if isinstance(item, dict) and isinstance(item.get("resource"), dict):
                    self.add_resource(item["resource"], origin)
            return
        entry = _entry_for(resource, origin)
        if entry is not None:
            self.add(entry)

    def add_package_folder(self, folder: Path) -> None:
        """Add an extracted package (`.../package/`), through its cached index."""
        folder = Path(folder)
        name = folder.parent.name if folder.name == "package" else folder.name
        if name in self.packages:
            return
        self.packages.append(name)
        base = str(folder) + os.sep
        entries = self.entries
        for url, version, rtype, filename, sd_type, kind, derivation in self._package_index(folder):
            entry = Entry(url, version, rtype, name, base + filename, sd_type, kind, derivation)
            group = entries.get(url)
            if group is None:
                entries[url] = [entry]
            else:
                group.append(entry)

    def add_path(self, target: Path) -> None:
        """Add a --load target: a JSON/XML file, a folder of them, or a package .tgz."""
        target = Path(target)
        if target.is_dir():
            if (target / "package.json").is_file() and target.name == "package":
                self.add_package_folder(target)
                return
            if (target / "package" / "package.json").is_file():
                self.add_package_folder(target / "package")
                return
            for child in sorted(target.iterdir()):
                if child.is_file() and child.suffix.lower() in (".json", ".xml"):
                    self._add_file(child, strict=False)
            return
        if not target.is_file():
            raise IgkitError(
                f"--load {target}: no such file or folder. Pass a conformance resource (JSON or XML), "
                "a folder of them, or a FHIR package .tgz."
            )
        if target.name.endswith((".tgz", ".tar.gz")):
            self._add_tarball(target)
        else:
            self._add_file(target, strict=True)

    def _add_file(self, path: Path, strict: bool) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IgkitError(f"--load {path}: cannot read the file ({exc.strerror}).") from None
        resource = self._parse(data, path.name, xml=path.suffix.lower() == ".xml", strict=strict)
        if resource is not None:
            self.add_resource(resource, str(path))

    def _parse(self, data: bytes, name: str, xml: bool, strict: bool) -> dict | None:
        from igkit.validate import reader
        from igkit.validate.model import ParseFailure

        try:
            doc = reader.parse(data, self, source=name, xml=xml)
        except ParseFailure as exc:
            if strict:
                raise IgkitError(
                    f"--load {name}:{exc.line}:{exc.column}: not a readable FHIR resource ({exc.message})."
                ) from None
            return None
        return doc.data if isinstance(doc.data, dict) else None

    def _add_tarball(self, path: Path) -> None:
        """Read a package tarball in memory (no extraction: member names are never used as paths)."""
        try:
            with tarfile.open(path, "r:gz") as tar:
                name = path.name
                for member in tar:
                    if not member.isfile() or member.size > 50_000_000:
                        continue
                    lower = member.name.lower()
                    if not lower.endswith(".json") or lower.rsplit("/", 1)[-1].startswith("."):
                        continue
                    if "/example" in lower or "/other/" in lower:
                        continue
                    fh = tar.extractfile(member)
                    if fh is None:
                        continue
                    try:
                        resource = json.loads(fh.read(), parse_float=_decimal)
                    except ValueError:
                        continue
                    if member.name.endswith("package.json") and "resourceType" not in resource:
                        name = f"{resource.get('name', name)}#{resource.get('version', '')}"
                        continue
                    self.add_resource(resource, name)
        except (OSError, tarfile.TarError) as exc:
            raise IgkitError(f"--load {path}: not a readable package tarball ({exc}).") from None

    # -- package index ---------------------------------------------------------------------

    def _package_index(self, folder: Path) -> list[list[str]]:
        try:  # the index file itself is not counted: writing it must not invalidate it
            names = [n for n in os.listdir(folder) if not n.startswith(".")]
            stamp = f"{len(names)}:{int(os.stat(os.path.join(folder, 'package.json')).st_mtime)}"
        except OSError:
            return []
        for candidate in self._index_locations(folder):
            try:
                with open(candidate, "rb") as fh:
                    cached = json.load(fh)
                if cached.get("format") == INDEX_FORMAT and cached.get("stamp") == stamp:
                    return cached["rows"]
            except (OSError, ValueError, KeyError, AttributeError):
                continue
        rows = build_index_rows(folder)
        payload = json.dumps({"format": INDEX_FORMAT, "stamp": stamp, "rows": rows}).encode()
        for candidate in self._index_locations(folder):
            try:
                from igkit.fsutil import atomic_write_bytes

                atomic_write_bytes(candidate, payload)
                break
            except OSError:
                continue
        return rows

    def _index_locations(self, folder: Path) -> list[Path]:
        places = [folder / INDEX_NAME]
        if self.cache_dir is not None:
            places.append(self.cache_dir / f"{folder.parent.name or folder.name}.index.json")
        places.append(_user_cache() / f"{folder.parent.name or folder.name}.index.json")
        return places


def _user_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "igkit" / "validate"


def build_index_rows(folder: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json") or name.startswith(".") or name == "package.json":
            continue
        prefix = name.split("-", 1)[0]
        if "-" in name and prefix not in CANONICAL_TYPES and prefix[:1].isupper():
            continue  # an example instance (Patient-example.json): no need to parse it
        try:
            with open(folder / name, "rb") as fh:
                resource = json.load(fh)
        except (OSError, ValueError):
            continue
        if not isinstance(resource, dict):
            continue
        entry = _entry_for(resource, "", keep=False)
        if entry is None:
            continue
        rows.append(
            [entry.url, entry.version, entry.resource_type, name, entry.sd_type, entry.kind, entry.derivation]
        )
    return rows


# -- the default context -----------------------------------------------------------------


def package_folder(cache: Path, package: str) -> Path | None:
    folder = cache / package / "package"
    return folder if folder.is_dir() else None


def default_packages(project_config: dict | None) -> list[str]:
    """hl7.fhir.r4.core, then the IG's dependencies (from sushi-config.yaml) when in the project."""
    packages = [CORE_PACKAGE, *COMPANION_PACKAGES]
    deps = (project_config or {}).get("dependencies") or {}
    if isinstance(deps, dict):
        for pid, spec in deps.items():
            version = spec.get("version") if isinstance(spec, dict) else spec
            if version is None:
                continue
            ref = f"{pid}#{version}"
            if ref not in packages:
                packages.append(ref)
    return packages


def build_context(loads: Iterable[Path], in_project: bool = True) -> Definitions:
    """The definition context for a validation run."""
    from igkit import project

    cache = project.package_cache()
    proj = None
    if in_project:
        root = project.find_root()
        proj = project.Project(root) if root is not None else None
    defs = Definitions(cache_dir=(proj.state / "validate-index") if proj else None)
    wanted = default_packages(proj.config() if proj else None)
    for ref in wanted:
        folder = package_folder(cache, ref)
        if folder is None:
            if ref == CORE_PACKAGE:  # companions and dependencies may be missing
                raise IgkitError(
                    f"The FHIR R4 core package ({CORE_PACKAGE}) is not in the package cache {cache}. "
                    "Install it (igkit packages install, or make setup) and run again."
                )
            continue  # a missing dependency: its profiles are reported as unknown when used
        defs.add_package_folder(folder)
    if proj is not None and proj.generated.is_dir():
        for path in sorted(proj.generated.glob("*.json")):
            defs._add_file(path, strict=False)
    for target in loads:
        defs.add_path(Path(target))
    return defs
