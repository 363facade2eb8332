"""CodeSystem hierarchies and offline ValueSet expansions for the terminology pages.

Expansion covers what can be computed without a terminology server: enumerated concepts,
whole code systems whose content is complete (in the IG, base FHIR or a dependency
package), `is-a` / `descendent-of` / `=` filters on such code systems, imported value sets,
and excludes of the same kinds. Anything else (SNOMED CT, LOINC, regex filters...) yields a
reason instead of a partial expansion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from igkit.publish.links import FHIR_BASE, LinkResolver

MAX_EXPANSION = 1000


@dataclass(frozen=True)
class ConceptRow:
    code: str
    display: str
    definition: str
    depth: int
    properties: tuple[tuple[str, str], ...] = ()


@dataclass
class Expansion:
    contains: list[tuple[str, str, str]] = field(default_factory=list)  # (system, code, display)
    problem: str = ""  # why it could not be computed, when it could not


class NotExpandable(Exception):
    pass


def _property_value(prop: dict) -> str:
    for key, value in prop.items():
        if key.startswith("value"):
            if isinstance(value, dict):
                return str(value.get("code") or value.get("display") or json.dumps(value, sort_keys=True))
            return str(value).lower() if isinstance(value, bool) else str(value)
    return ""


def concept_rows(cs: dict) -> list[ConceptRow]:
    """The concepts of a CodeSystem, depth-first with their nesting depth and properties."""
    rows: list[ConceptRow] = []

    def walk(concepts: list, depth: int) -> None:
        for c in concepts or []:
            props = tuple((str(p.get("code", "")), _property_value(p)) for p in c.get("property") or [])
            rows.append(
                ConceptRow(
                    str(c.get("code", "")),
                    str(c.get("display", "")),
                    str(c.get("definition", "")),
                    depth,
                    props,
                )
            )
            walk(c.get("concept") or [], depth + 1)

    walk(cs.get("concept") or [], 0)
    return rows


class TerminologySource:
    """Finds CodeSystems and ValueSets by canonical URL: the IG first, then the package cache."""

    def __init__(self, links: LinkResolver) -> None:
        self.links = links
        self._cache: dict[str, dict | None] = {}

    def fetch(self, url: str, resource_type: str) -> dict | None:
        url = url.split("|", 1)[0]
        key = f"{resource_type} {url}"
        if key not in self._cache:
            self._cache[key] = self._find(url, resource_type)
        return self._cache[key]

    def _find(self, url: str, resource_type: str) -> dict | None:
        res = self.links.resource(url)
        if res is not None:
            return res.data if res.resource_type == resource_type else None
        candidates: list[Path] = []
        tail = url.rstrip("/").rsplit("/", 1)[-1]
        if url.startswith(FHIR_BASE) and self.links.core_folder is not None:
            candidates.append(self.links.core_folder / f"{resource_type}-{tail}.json")
        for dep in self.links.dependencies:
            if url.startswith(dep.canonical + "/") and f"{resource_type}-{tail}.json" in dep.files:
                candidates.append(Path(dep.folder) / f"{resource_type}-{tail}.json")
        for path in candidates:
            try:
                data = json.loads(path.read_bytes())
            except (OSError, ValueError):
                continue
            if isinstance(data, dict) and data.get("url") == url:
                return data
        return None


def _flatten(cs: dict) -> dict[str, tuple[str, str | None]]:
    """code -> (display, parent code) for every concept of a CodeSystem."""
    out: dict[str, tuple[str, str | None]] = {}

    def walk(concepts: list, parent: str | None) -> None:
        for c in concepts or []:
            code = str(c.get("code", ""))
            declared_parent = next(
                (str(p.get("valueCode")) for p in c.get("property") or [] if p.get("code") == "parent"), None
            )
            out[code] = (str(c.get("display", "")), parent or declared_parent)
            walk(c.get("concept") or [], code)

    walk(cs.get("concept") or [], None)
    return out


def _descendants(flat: dict[str, tuple[str, str | None]], root: str) -> list[str]:
    children: dict[str, list[str]] = {}
    for code, (_, parent) in flat.items():
        if parent is not None:
            children.setdefault(parent, []).append(code)
    out, stack = [], list(reversed(children.get(root, [])))
    while stack:
        code = stack.pop()
        out.append(code)
        stack.extend(reversed(children.get(code, [])))
    return out


class _DefinitionAdapter:
    """The validator's DefinitionSource protocol over a TerminologySource (terminology only)."""

    def __init__(self, source: TerminologySource) -> None:
        self.source = source

    def fetch(self, url: str) -> dict | None:
        return self.source.fetch(url, "ValueSet") or self.source.fetch(url, "CodeSystem")

    def structure_for_type(self, type_name: str) -> dict | None:
        return None


def _validator_terminology(source: TerminologySource):  # type: ignore[no-untyped-def]
    """igkit.validate.terminology.Terminology over the IG and the cache, when the validator is installed."""
    try:
        from igkit.validate.terminology import Terminology
    except ImportError:
        return None
    return Terminology(_DefinitionAdapter(source))


class Expander:
    """Expands with the validator's Terminology (one implementation of the expansion rules) when it
    is installed, and with the small expander below when it is not, or to explain why a value set
    cannot be expanded offline."""

    def __init__(self, source: TerminologySource) -> None:
        self.source = source
        self.shared = _validator_terminology(source)

    def expand(self, vs: dict) -> Expansion:
        local = self.expand_locally(vs)
        if self.shared is None or not vs.get("url"):
            return local
        found = self.shared.expand(str(vs["url"]))
        if found is None or len(found) > MAX_EXPANSION:
            return local
        shared = [(s, c, d or "") for s, c, d in found]
        if not local.problem and {(s, c) for s, c, _ in local.contains} == {(s, c) for s, c, _ in shared}:
            return local  # same codes: keep the code system order
        return Expansion(contains=sorted(shared))  # sorted: the same output whatever order it came in

    def expand_locally(self, vs: dict) -> Expansion:
        try:
            included = self._compose(vs, set())
        except NotExpandable as exc:
            return Expansion(problem=str(exc))
        if len(included) > MAX_EXPANSION:
            return Expansion(problem=f"the expansion has more than {MAX_EXPANSION} codes; not shown")
        return Expansion(contains=included)

    def _compose(self, vs: dict, seen: set[str]) -> list[tuple[str, str, str]]:
        url = str(vs.get("url", ""))
        if url in seen:
            raise NotExpandable(f"value set {url} includes itself")
        seen = seen | {url}
        compose = vs.get("compose")
        if not isinstance(compose, dict):
            raise NotExpandable("the value set has no compose (nothing to expand offline)")
        result: dict[tuple[str, str], str] = {}
        for inc in compose.get("include") or []:
            for item in self._part(inc, seen):
                result.setdefault((item[0], item[1]), item[2])
        for exc in compose.get("exclude") or []:
            for item in self._part(exc, seen):
                result.pop((item[0], item[1]), None)
        return [(s, c, d) for (s, c), d in result.items()]

    def _value_set(self, url: str, seen: set[str]) -> list[tuple[str, str, str]]:
        vs = self.source.fetch(url, "ValueSet")
        if vs is None:
            raise NotExpandable(f"the imported value set {url} is not available offline")
        return self._compose(vs, seen)

    def _part(self, part: dict, seen: set[str]) -> list[tuple[str, str, str]]:
        system = str(part.get("system") or "")
        imported: set[tuple[str, str]] | None = None
        imported_items: list[tuple[str, str, str]] = []
        for url in part.get("valueSet") or []:
            items = self._value_set(url, seen)
            keys = {(s, c) for s, c, _ in items}
            imported = keys if imported is None else imported & keys
            imported_items.extend(items)
        if not system:
            if imported is None:
                raise NotExpandable("an include has neither a system nor a value set")
            return [i for i in dict.fromkeys(imported_items) if (i[0], i[1]) in imported]
        items = self._system_part(system, part)
        if imported is not None:
            items = [i for i in items if (i[0], i[1]) in imported]
        return items

    def _system_part(self, system: str, part: dict) -> list[tuple[str, str, str]]:
        concepts = part.get("concept")
        cs = self.source.fetch(system, "CodeSystem")
        flat = _flatten(cs) if cs is not None else {}
        if concepts:
            return [
                (
                    system,
                    str(c.get("code", "")),
                    str(c.get("display") or flat.get(str(c.get("code", "")), ("", None))[0]),
                )
                for c in concepts
            ]
        if cs is None:
            raise NotExpandable(f"the code system {system} is not available offline")
        if cs.get("content", "complete") != "complete":
            raise NotExpandable(f"the code system {system} is not complete (content = {cs.get('content')})")
        codes = list(flat)
        for f in part.get("filter") or []:
            op, value, prop = f.get("op"), str(f.get("value", "")), f.get("property")
            if prop == "concept" and op == "is-a":
                allowed = {value, *_descendants(flat, value)} if value in flat else set()
            elif prop == "concept" and op == "descendent-of":
                allowed = set(_descendants(flat, value))
            elif prop == "concept" and op == "=":
                allowed = {value}
            else:
                raise NotExpandable(f"the filter {prop} {op} {value} on {system} cannot be computed offline")
            codes = [c for c in codes if c in allowed]
        return [(system, c, flat[c][0]) for c in codes]
