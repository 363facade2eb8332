"""The IG's resources, read from the folders SUSHI and the IG Publisher read, and classified.

A resource is an *example* when the ImplementationGuide resource lists it with
`exampleBoolean: true` or an `exampleCanonical`, or, for resources the IG resource does not
list, when it is not a conformance resource (or lives in input/examples). Ids starting with
`invalid-` mark deliberately invalid examples: they get pages but are never packaged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError
from igkit.project import RESOURCE_FOLDERS

CONFORMANCE_TYPES = frozenset(
    {
        "StructureDefinition", "ValueSet", "CodeSystem", "ConceptMap", "NamingSystem",
        "SearchParameter", "OperationDefinition", "CapabilityStatement", "ImplementationGuide",
        "CompartmentDefinition", "StructureMap", "GraphDefinition", "MessageDefinition",
        "TerminologyCapabilities", "ExampleScenario",
    }
)  # fmt: skip
INVALID_PREFIX = "invalid-"


@dataclass
class IgResource:
    resource_type: str
    id: str
    data: dict
    raw: bytes  # the file as written (shipped unchanged in the package)
    source: str  # path relative to the project root
    is_example: bool = False
    profiles: tuple[str, ...] = ()  # canonicals an example claims to conform to
    examples: list[IgResource] = field(default_factory=list)  # for profiles: their examples
    listed_name: str = ""  # the name the ImplementationGuide resource gives it (SUSHI: Title)

    @property
    def key(self) -> str:
        return f"{self.resource_type}/{self.id}"

    @property
    def stem(self) -> str:
        return f"{self.resource_type}-{self.id}"

    @property
    def page(self) -> str:
        return f"{self.stem}.html"

    @property
    def json_name(self) -> str:
        return f"{self.stem}.json"

    @property
    def url(self) -> str:
        return str(self.data.get("url") or "")

    @property
    def version(self) -> str:
        return str(self.data.get("version") or "")

    @property
    def title(self) -> str:
        for value in (self.listed_name, self.data.get("title"), self.data.get("name")):
            if isinstance(value, str) and value:
                return value
        return self.key

    @property
    def invalid(self) -> bool:
        return self.id.startswith(INVALID_PREFIX)

    @property
    def packaged(self) -> bool:
        return not self.invalid

    @property
    def kind(self) -> str:
        """The artifact group: profile, extension, logical, type, codesystem, valueset, ..."""
        if self.is_example:
            return "invalid-example" if self.invalid else "example"
        rt = self.resource_type
        if rt == "StructureDefinition":
            if self.data.get("type") == "Extension" and self.data.get("derivation") == "constraint":
                return "extension"
            if self.data.get("kind") == "logical":
                return "logical"
            return "profile" if self.data.get("derivation") == "constraint" else "type"
        return {
            "CodeSystem": "codesystem",
            "ValueSet": "valueset",
            "SearchParameter": "searchparameter",
            "CapabilityStatement": "capabilitystatement",
            "ImplementationGuide": "ig",
        }.get(rt, "other")


def _read(path: Path, rel: str) -> IgResource | None:
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IgkitError(
            f"{rel}: not valid JSON ({exc}). Fix or remove the file; the publisher reads every JSON file "
            f"in {', '.join(RESOURCE_FOLDERS)}."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        return None  # not a FHIR resource (e.g. a data file); ignored as the IG Publisher does
    rid = data.get("id")
    if not isinstance(rid, str) or not rid:
        raise IgkitError(
            f"{rel}: the {data['resourceType']} has no id. Every IG resource needs an id "
            "(its page and package file are named <type>-<id>)."
        )
    return IgResource(data["resourceType"], rid, data, raw, rel)


def _ig_listing(resources: list[IgResource]) -> dict[str, dict]:
    """`ResourceType/id` -> the ImplementationGuide.definition.resource entry."""
    listing: dict[str, dict] = {}
    for res in resources:
        if res.resource_type != "ImplementationGuide":
            continue
        for entry in res.data.get("definition", {}).get("resource", []):
            ref = entry.get("reference", {}).get("reference")
            if isinstance(ref, str):
                listing[ref] = entry
    return listing


def _classify(res: IgResource, listing: dict[str, dict]) -> None:
    entry = listing.get(res.key)
    if (
        entry is not None
        and isinstance(entry.get("name"), str)
        and res.resource_type not in CONFORMANCE_TYPES
    ):
        res.listed_name = entry["name"]
    meta_profiles = tuple(p for p in res.data.get("meta", {}).get("profile", []) if isinstance(p, str))
    if entry is not None and ("exampleBoolean" in entry or "exampleCanonical" in entry):
        res.is_example = bool(entry.get("exampleBoolean")) or "exampleCanonical" in entry
        canon = entry.get("exampleCanonical")
        profiles = ((canon,) if canon else ()) + meta_profiles
    else:
        res.is_example = res.resource_type not in CONFORMANCE_TYPES or res.source.startswith(
            "input/examples/"
        )
        profiles = meta_profiles
    res.is_example = res.is_example or res.invalid
    res.profiles = tuple(dict.fromkeys(p.split("|", 1)[0] for p in profiles)) if res.is_example else ()


def load_resources(root: Path) -> list[IgResource]:
    """Every IG resource, sorted by (resource type, id); duplicates are an error."""
    found: dict[str, IgResource] = {}
    for folder_rel in RESOURCE_FOLDERS:
        folder = root / folder_rel
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*.json") if p.is_file()):
            rel = path.relative_to(root).as_posix()
            res = _read(path, rel)
            if res is None:
                continue
            if res.key in found:
                raise IgkitError(
                    f"{res.key} is defined twice: in {found[res.key].source} and in {rel}. "
                    "Each resource type and id must be unique in the IG; rename or remove one of them."
                )
            found[res.key] = res
    resources = sorted(found.values(), key=lambda r: (r.resource_type, r.id))
    listing = _ig_listing(resources)
    for res in resources:
        _classify(res, listing)
    by_url = {r.url: r for r in resources if r.url and not r.is_example}
    for res in resources:
        for profile in res.profiles:
            target = by_url.get(profile)
            if target is not None and res not in target.examples:
                target.examples.append(res)
    return resources
