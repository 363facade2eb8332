"""What the run works on: the IG's resource files, split into examples and conformance artifacts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError
from igkit.project import resource_files
from igkit.regress.model import Example

# Artifacts whose structure is recorded and compared (tests/artifacts/).
ARTIFACT_TYPES = ("StructureDefinition", "CodeSystem", "ValueSet")
# Definitional resource types: never examples unless the ImplementationGuide says so.
CONFORMANCE_TYPES = frozenset(
    {
        "StructureDefinition",
        "CodeSystem",
        "ValueSet",
        "ImplementationGuide",
        "CapabilityStatement",
        "SearchParameter",
        "OperationDefinition",
        "ConceptMap",
        "NamingSystem",
        "StructureMap",
        "CompartmentDefinition",
        "GraphDefinition",
        "MessageDefinition",
        "TerminologyCapabilities",
    }
)


@dataclass
class Resource:
    file: str  # relative to the project root
    data: dict
    raw: bytes

    @property
    def key(self) -> str:
        return f"{self.data.get('resourceType', '')}/{self.data.get('id', '')}"


@dataclass
class Inputs:
    resources: list[Resource] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    artifacts: list[Resource] = field(default_factory=list)

    def conformance(self) -> list[Resource]:
        example_files = {e.file for e in self.examples}
        return [r for r in self.resources if r.file not in example_files]


def _parse(path: Path, display: str) -> tuple[dict, bytes]:
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise IgkitError(
            f"{display}: not UTF-8 text (byte {exc.start}). Save it as UTF-8 JSON.", exit_code=1
        ) from None
    except json.JSONDecodeError as exc:
        raise IgkitError(
            f"{display}:{exc.lineno}:{exc.colno}: not valid JSON ({exc.msg}). Fix the file (or the generator "
            "that wrote it) and run again; no recorded outcome was changed.",
            exit_code=1,
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("resourceType"), str):
        raise IgkitError(
            f"{display}:1: not a FHIR resource (no resourceType). Fix or remove the file.", exit_code=1
        )
    return data, raw


def _fsh_sources(root: Path) -> dict[str, str]:
    """Compiled file name -> `fsh/file.fsh:line`, from SUSHI's fsh-index.json."""
    index = root / "fsh-generated" / "data" / "fsh-index.json"
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, str] = {}
    if isinstance(entries, list):
        for e in entries:
            if isinstance(e, dict) and e.get("outputFile") and e.get("fshFile"):
                fsh = (
                    e["fshFile"]
                    if str(e["fshFile"]).startswith(("fsh/", "input/"))
                    else f"fsh/{e['fshFile']}"
                )
                out[str(e["outputFile"])] = f"{fsh}:{e.get('startLine', 1)}"
    return out


def _ig_examples(resources: list[Resource]) -> set[str] | None:
    """`ResourceType/id` of each resource the ImplementationGuide marks as an example (None: no IG resource)."""
    for r in resources:
        if r.data.get("resourceType") == "ImplementationGuide":
            found: set[str] = set()
            for entry in r.data.get("definition", {}).get("resource", []):
                if entry.get("exampleBoolean") is True or "exampleCanonical" in entry:
                    ref = entry.get("reference", {}).get("reference", "")
                    if ref:
                        found.add(ref)
            return found
    return None


def load_inputs(root: Path) -> Inputs:
    """Read every resource file; a file that is not JSON stops the run with its file and line."""
    inputs = Inputs()
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in resource_files(root):
        display = str(path.relative_to(root))
        try:
            data, raw = _parse(path, display)
        except IgkitError as exc:
            problems.append(str(exc))
            continue
        res = Resource(display, data, raw)
        if res.key in seen and data.get("resourceType") != "ImplementationGuide":
            problems.append(f"{display}: {res.key} is defined twice (also in {seen[res.key]}). Remove one.")
            continue
        seen[res.key] = display
        inputs.resources.append(res)
    if problems:
        raise IgkitError("\n".join(problems), exit_code=1)
    listed = _ig_examples(inputs.resources)
    sources = _fsh_sources(root)
    for r in inputs.resources:
        rtype = r.data["resourceType"]
        rid = str(r.data.get("id", ""))
        # An example: listed as one by the ImplementationGuide SUSHI wrote, kept in input/examples/
        # (the folder's meaning for SUSHI and the IG Publisher), or named invalid-*; without an
        # ImplementationGuide resource, every instance that is not a conformance resource.
        is_example = (
            (r.key in listed if listed is not None else rtype not in CONFORMANCE_TYPES)
            or r.file.startswith("input/examples/")
            or rid.startswith("invalid-")
        )
        if is_example:
            profiles = [p for p in r.data.get("meta", {}).get("profile", []) if isinstance(p, str)]
            inputs.examples.append(
                Example(
                    file=r.file,
                    resource_type=rtype,
                    id=rid,
                    profiles=profiles,
                    source=sources.get(Path(r.file).name, "") if r.file.startswith("fsh-generated/") else "",
                    data=r.data,
                    raw=r.raw,
                )
            )
        elif rtype in ARTIFACT_TYPES:
            inputs.artifacts.append(r)
    inputs.examples.sort(key=lambda e: e.key)
    inputs.artifacts.sort(key=lambda a: a.key)
    return inputs
