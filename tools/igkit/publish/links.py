"""Where a canonical URL, a FHIR type or a reference points on the web.

Order of lookup: the IG's own resources (their generated pages), base FHIR R4 (the public
specification pages), then the dependency packages in the package cache (the page beside the
package's versioned web address, `package.json` `url`), else the canonical URL itself.
Dependency packages are only listed (file names), never parsed, so lookups stay cheap.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from igkit.publish.config import IgConfig
from igkit.publish.loader import IgResource

FHIR_BASE = "http://hl7.org/fhir/"
R4_WEB = "http://hl7.org/fhir/R4/"

COMPLEX_TYPES = frozenset(
    [
        "Address",
        "Age",
        "Annotation",
        "Attachment",
        "BackboneElement",
        "CodeableConcept",
        "Coding",
        "ContactDetail",
        "ContactPoint",
        "Contributor",
        "Count",
        "DataRequirement",
        "Distance",
        "Dosage",
        "Duration",
        "Element",
        "ElementDefinition",
        "Expression",
        "Extension",
        "HumanName",
        "Identifier",
        "MarketingStatus",
        "Meta",
        "Money",
        "MoneyQuantity",
        "Narrative",
        "ParameterDefinition",
        "Period",
        "Population",
        "ProdCharacteristic",
        "ProductShelfLife",
        "Quantity",
        "Range",
        "Ratio",
        "Reference",
        "RelatedArtifact",
        "SampledData",
        "Signature",
        "SimpleQuantity",
        "SubstanceAmount",
        "Timing",
        "TriggerDefinition",
        "UsageContext",
        "xhtml",
    ]
)
TYPE_PAGES = {
    "Reference": "references.html#Reference",
    "Extension": "extensibility.html#Extension",
    "Narrative": "narrative.html#Narrative",
    "xhtml": "narrative.html#xhtml",
    "Meta": "resource.html#Meta",
    "Dosage": "dosage.html#Dosage",
    "ElementDefinition": "elementdefinition.html",
    "Resource": "resource.html",
    "DomainResource": "domainresource.html",
}


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    internal: bool = False


@dataclass(frozen=True)
class DependencyPackage:
    package_id: str
    folder: str
    canonical: str
    web: str  # versioned web address of the published package
    files: frozenset[str]


def _load_dependency(folder: Path, package_id: str) -> DependencyPackage | None:
    try:
        manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        files = frozenset(n for n in os.listdir(folder) if n.endswith(".json"))
    except (OSError, ValueError):
        return None
    canonical = str(manifest.get("canonical") or "").rstrip("/")
    web = str(manifest.get("url") or canonical).rstrip("/")
    return DependencyPackage(package_id, str(folder), canonical, web, files) if canonical else None


def type_href(code: str) -> str | None:
    """The R4 specification page of a base type or resource (None for FHIRPath system types)."""
    if not code or "." in code or "/" in code:
        return None
    if code in TYPE_PAGES:
        return R4_WEB + TYPE_PAGES[code]
    if code in COMPLEX_TYPES or code[0].islower():
        return f"{R4_WEB}datatypes.html#{code}"
    return f"{R4_WEB}{code.lower()}.html"


class LinkResolver:
    def __init__(self, config: IgConfig, resources: list[IgResource], package_cache: Path | None) -> None:
        self.by_url: dict[str, IgResource] = {}
        self.by_key: dict[str, IgResource] = {}
        for res in resources:
            self.by_key[res.key] = res
            if res.url and not res.is_example:
                self.by_url[res.url] = res
        self.config = config
        self.core_folder = (
            package_cache / f"hl7.fhir.r4.core#{config.fhir_version}" / "package" if package_cache else None
        )
        self._core_types: dict[str, str | None] = {}
        self._titles: dict[str, str] = {}
        self.dependencies: list[DependencyPackage] = []
        if package_cache is not None:
            for pid, version in config.dependencies.items():
                dep = _load_dependency(package_cache / f"{pid}#{version}" / "package", pid)
                if dep is not None:
                    self.dependencies.append(dep)
        # longest canonical first, so a nested canonical wins over its parent
        self.dependencies.sort(key=lambda d: -len(d.canonical))

    def resource(self, url: str) -> IgResource | None:
        return self.by_url.get(url.split("|", 1)[0])

    def canonical(self, url: str, label: str | None = None) -> Link:
        """A link for a canonical URL (optionally `url|version`)."""
        bare = url.split("|", 1)[0]
        tail = bare.rstrip("/").rsplit("/", 1)[-1]
        res = self.by_url.get(bare)
        if res is not None:
            return Link(res.page, label or res.title, internal=True)
        core = self._core(bare)
        if core is not None:
            return Link(core, label or tail)
        found = self._dependency_file(bare)
        if found is not None:
            dep, file = found
            return Link(f"{dep.web}/{file[:-5]}.html", label or self._title(dep, file, bare, tail))
        return Link(bare, label or tail)

    def reference(self, ref: str) -> IgResource | None:
        """The IG resource a literal reference (`Type/id`, optionally absolute) names, if any."""
        parts = ref.split("/_history/", 1)[0].rstrip("/").split("/")
        if len(parts) < 2:
            return None
        return self.by_key.get(f"{parts[-2]}/{parts[-1]}")

    def _core(self, url: str) -> str | None:
        if not url.startswith(FHIR_BASE) or url.startswith(self.config.canonical + "/"):
            return None
        rest = url[len(FHIR_BASE) :]
        if rest.startswith("StructureDefinition/"):
            name = rest.split("/", 1)[1]
            if name[:1].isupper():
                return type_href(name)
            sd_type = self._core_sd_type(name)
            if sd_type is None:
                return None  # not in the core package: an extension pack or another package defines it
            prefix = "extension-" if sd_type == "Extension" else ""
            return f"{R4_WEB}{prefix}{name.lower()}.html"  # a core profile or extension
        if rest.startswith("ValueSet/"):
            return f"{R4_WEB}valueset-{rest.split('/', 1)[1]}.html"
        if "/" not in rest and rest:
            return f"{R4_WEB}codesystem-{rest}.html"
        if rest.startswith("SearchParameter/"):
            return f"{R4_WEB}searchparameter-registry.html"
        return None

    def _core_sd_type(self, sd_id: str) -> str | None:
        """The `type` of a core StructureDefinition, None when the core package does not have it
        (read once, and only for the ones linked to). Without a package cache: assumed core."""
        if self.core_folder is None:
            return ""
        if sd_id not in self._core_types:
            try:
                data = json.loads((self.core_folder / f"StructureDefinition-{sd_id}.json").read_bytes())
                self._core_types[sd_id] = str(data.get("type") or "") if isinstance(data, dict) else ""
            except OSError:
                self._core_types[sd_id] = None
            except ValueError:
                self._core_types[sd_id] = ""
        return self._core_types[sd_id]

    def _dependency_file(self, url: str) -> tuple[DependencyPackage, str] | None:
        """The dependency file of `url`: in the dependency whose canonical it starts with; failing
        that, in a dependency that has a `<Type>-<id>.json` file for it (extension packs define URLs
        in the core namespace, http://hl7.org/fhir/StructureDefinition/...)."""
        parts = url.rstrip("/").split("/")
        if len(parts) < 2:
            return None
        file = f"{parts[-2]}-{parts[-1]}.json"
        for dep in self.dependencies:
            if url.startswith(dep.canonical + "/") and url.count("/") - dep.canonical.count("/") == 2:
                return (dep, file) if file in dep.files else None
        for dep in self.dependencies:
            if file in dep.files:
                return dep, file
        return None

    def _title(self, dep: DependencyPackage, file: str, url: str, fallback: str) -> str:
        """The title (or name) of a dependency resource, read once and only when linked to."""
        if url not in self._titles:
            title = fallback
            try:
                data = json.loads((Path(dep.folder) / file).read_bytes())
                if isinstance(data, dict) and data.get("url") == url:
                    title = str(data.get("title") or data.get("name") or fallback)
            except (OSError, ValueError):
                pass
            self._titles[url] = title
        return self._titles[url]
