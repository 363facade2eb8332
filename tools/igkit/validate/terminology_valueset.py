"""Value set lookup and compilation for the offline terminology (terminology.py).

    ValueSets(defs: DefinitionSource)    # the base of terminology.Terminology
        .code_system(url, version=None) -> CodeSystemIndex | None
        .value_set(url) -> dict | None   # a ValueSet resource, or the implicit value set of a CodeSystem
    Compiled(contains, enumerated, systems)   # one value set as a three-valued membership test
    Tri = bool | None; tri_or / tri_and       # three-valued logic (None = not decidable offline)
    SYNTAX: dict[system, check]               # systems checked by code syntax alone (UCUM, BCP-47, MIME)

A value set is compiled once per URL (memoized): includes are OR-ed, each include is its
system part AND its imported value sets, excludes are subtracted; an import cycle is
undecidable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from igkit.validate.model import DefinitionSource
from igkit.validate.terminology_codesystem import CodeSystemIndex
from igkit.validate.terminology_ucum import ucum_problem

UCUM = "http://unitsofmeasure.org"
BCP47 = "urn:ietf:bcp:47"
MIME = "urn:ietf:bcp:13"

Tri = bool | None
_BCP47 = re.compile(
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*"
    r"(-[A-WY-Za-wy-z0-9](-[A-Za-z0-9]{2,8})+)*(-x(-[A-Za-z0-9]{1,8})+)?$|^x(-[A-Za-z0-9]{1,8})+$"
)
_MIME = re.compile(r"^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\s*;.*)?$")

# Systems whose codes are checked by syntax alone (no enumeration offline).
SYNTAX: dict[str, Callable[[str], bool]] = {
    UCUM: lambda c: ucum_problem(c) is None,
    BCP47: lambda c: bool(_BCP47.match(c)),
    MIME: lambda c: bool(_MIME.match(c)),
}


def tri_or(values: list[Tri]) -> Tri:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def tri_and(values: list[Tri]) -> Tri:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


# ---------------------------------------------------------------------------------------------
# Value set membership


Member = Callable[[str | None, str], Tri]  # (system or None for "any system", code) -> Tri


@dataclass
class Compiled:
    contains: Member
    enumerated: list[tuple[str, str, str | None]] | None  # full expansion when enumerable
    systems: set[str]


class ValueSets:
    """Code systems and value sets by URL, and value sets compiled to membership tests."""

    def __init__(self, defs: DefinitionSource) -> None:
        self.defs = defs
        self._cs: dict[str, CodeSystemIndex | None] = {}
        self._vs: dict[str, Compiled | None] = {}
        self._busy: set[str] = set()

    # -- lookups ---------------------------------------------------------------------------
    def code_system(self, url: str, version: str | None = None) -> CodeSystemIndex | None:
        key = f"{url}|{version}" if version else url
        if key not in self._cs:
            res = self.defs.fetch(key) if version else None
            if res is None:
                res = self.defs.fetch(url)
            self._cs[key] = (
                CodeSystemIndex.build(res) if res and res.get("resourceType") == "CodeSystem" else None
            )
        return self._cs[key]

    def value_set(self, url: str) -> dict | None:
        res = self.defs.fetch(url)
        if res is None and "|" in url:
            res = self.defs.fetch(url.partition("|")[0])
        if res is not None and res.get("resourceType") == "ValueSet":
            return res
        return self._implicit_value_set(url.partition("|")[0])

    def _implicit_value_set(self, url: str) -> dict | None:
        candidates = []
        if "/ValueSet/" in url:
            head, _, tail = url.partition("/ValueSet/")
            candidates.append(f"{head}/CodeSystem/{tail}")
            if head == "http://hl7.org/fhir":
                candidates.append(f"{head}/{tail}")
        for cand in candidates:
            cs = self.defs.fetch(cand)
            if (
                cs
                and cs.get("resourceType") == "CodeSystem"
                and cs.get("valueSet", "").partition("|")[0] == url
            ):
                return {
                    "resourceType": "ValueSet",
                    "url": url,
                    "compose": {"include": [{"system": cs["url"]}]},
                }
        return None

    # -- compilation -----------------------------------------------------------------------
    def _compiled(self, url: str) -> Compiled | None:
        if url in self._vs:
            return self._vs[url]
        if url in self._busy:  # import cycle: undecidable
            return Compiled(lambda s, c: None, None, set())
        self._busy.add(url)
        try:
            vs = self.value_set(url)
            result = self._compile(vs) if vs is not None else None
        finally:
            self._busy.discard(url)
        self._vs[url] = result
        return result

    def _compile(self, vs: dict) -> Compiled:
        compose = vs.get("compose")
        if not compose and vs.get("expansion"):
            return self._from_expansion(vs["expansion"])
        compose = compose or {}
        includes = [self._include(inc) for inc in compose.get("include", [])]
        excludes = [self._include(exc) for exc in compose.get("exclude", [])]

        def contains(system: str | None, code: str) -> Tri:
            inc = tri_or([i.contains(system, code) for i in includes])
            if inc is False or not excludes:
                return inc
            exc = tri_or([e.contains(system, code) for e in excludes])
            return tri_and([inc, None if exc is None else not exc])

        enumerated: list[tuple[str, str, str | None]] | None = []
        for i in includes:
            if i.enumerated is None or enumerated is None:
                enumerated = None
                continue
            enumerated.extend(i.enumerated)
        if enumerated is not None:
            seen = set()
            kept = []
            for item in enumerated:
                if item[:2] not in seen and contains(item[0], item[1]) is True:
                    seen.add(item[:2])
                    kept.append(item)
            enumerated = kept
        return Compiled(
            contains, enumerated, set().union(*(i.systems for i in includes)) if includes else set()
        )

    def _from_expansion(self, expansion: dict) -> Compiled:
        items: list[tuple[str, str, str | None]] = []

        def walk(contains: list[dict]) -> None:
            for c in contains:
                if "code" in c:
                    items.append((c.get("system", ""), c["code"], c.get("display")))
                walk(c.get("contains", []))

        walk(expansion.get("contains", []))
        keys = {(s, c) for s, c, _ in items}
        codes = {c for _, c, _ in items}
        complete = "total" not in expansion or expansion.get("total") == len(items)

        def contains(system: str | None, code: str) -> Tri:
            hit = (code in codes) if system is None else ((system, code) in keys)
            return True if hit else (False if complete else None)

        return Compiled(contains, items if complete else None, {s for s, _, _ in items})

    def _include(self, inc: dict) -> Compiled:
        parts: list[Compiled] = []
        system = inc.get("system")
        if system:
            parts.append(self._system_part(system, inc))
        for imported in inc.get("valueSet", []):
            comp = self._compiled(imported)
            parts.append(comp if comp is not None else Compiled(lambda s, c: None, None, set()))
        if not parts:
            return Compiled(lambda s, c: False, [], set())

        def contains(sys: str | None, code: str) -> Tri:
            return tri_and([p.contains(sys, code) for p in parts])

        enumerated = None
        if all(p.enumerated is not None for p in parts):
            enumerated = [e for e in parts[0].enumerated or [] if contains(e[0], e[1]) is True]
        return Compiled(
            contains, enumerated, {system} if system else set().union(*(p.systems for p in parts))
        )

    def _system_part(self, system: str, inc: dict) -> Compiled:
        cs = self.code_system(system, inc.get("version"))
        listed = inc.get("concept")
        filters = inc.get("filter", [])
        if cs is not None and cs.content in ("complete", "fragment", "example") and cs.concepts:
            codes: set[str] | None = set(cs.concepts)
            if listed:
                found = (cs.find(c["code"]) for c in listed)
                codes = {f["code"] for f in found if f is not None}
                if cs.content != "complete":  # listed codes count even where the CS fragment lacks them
                    codes |= {c["code"] for c in listed}
            for f in filters:
                got = cs.filter(f)
                codes = None if got is None or codes is None else codes & got
            complete = cs.content == "complete" or bool(listed and not filters)
            return self._set_member(system, codes, cs, complete, listed)
        if listed and not filters:
            return self._set_member(system, {c["code"] for c in listed}, None, True, listed)
        if system in SYNTAX and not filters and not listed:
            ok = SYNTAX[system]
            return Compiled(lambda s, c: (s in (None, system)) and ok(c), None, {system})
        return Compiled(lambda s, c: None if s in (None, system) else False, None, {system})

    def _set_member(
        self,
        system: str,
        codes: set[str] | None,
        cs: CodeSystemIndex | None,
        complete: bool,
        listed: list[dict] | None,
    ) -> Compiled:
        if codes is None:
            return Compiled(lambda s, c: None if s in (None, system) else False, None, {system})
        fold = cs is not None and not cs.case_sensitive
        lookup = {c.lower() for c in codes} if fold else codes
        displays = {c["code"]: c.get("display") for c in listed or []}

        def contains(s: str | None, c: str) -> Tri:
            if s not in (None, system):
                return False
            if (c.lower() if fold else c) in lookup:
                return True
            return False if complete else None

        items = []
        for code in sorted(codes):
            disp = displays.get(code) or ((cs.find(code) or {}).get("display") if cs else None)
            items.append((system, code, disp))
        return Compiled(contains, items if complete else None, {system})
