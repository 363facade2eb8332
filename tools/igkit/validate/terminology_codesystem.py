"""One CodeSystem, indexed for offline checks: concepts by code, the is-a hierarchy (nesting and
parent/child/subsumedBy properties), displays and designations, and compose filters.

    CodeSystemIndex.build(resource: dict) -> CodeSystemIndex
        .find(code) -> dict | None           # honours caseSensitive = false
        .displays(code, language) -> list[tuple[str, str | None]]
        .filter(compose_filter: dict) -> set[str] | None   # None: filter not supported
        .content, .case_sensitive
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class CodeSystemIndex:
    url: str
    resource: dict
    concepts: dict[str, dict] = field(default_factory=dict)
    parents: dict[str, set[str]] = field(default_factory=dict)
    children: dict[str, set[str]] = field(default_factory=dict)

    @property
    def content(self) -> str:
        return self.resource.get("content", "complete")

    @property
    def case_sensitive(self) -> bool:
        return self.resource.get("caseSensitive", True) is not False

    @property
    def hierarchy_property(self) -> str:
        return self.resource.get("hierarchyMeaning", "is-a")

    @classmethod
    def build(cls, resource: dict) -> CodeSystemIndex:
        cs = cls(resource["url"], resource)

        def walk(concepts: list[dict], parent: str | None) -> None:
            for c in concepts:
                code = c.get("code")
                if code is None:
                    continue
                cs.concepts[code] = c
                if parent is not None:
                    cs._link(parent, code)
                for p in c.get("property", []):
                    if p.get("code") in ("parent", "subsumedBy") and "valueCode" in p:
                        cs._link(p["valueCode"], code)
                    elif p.get("code") == "child" and "valueCode" in p:
                        cs._link(code, p["valueCode"])
                walk(c.get("concept", []), code)

        walk(resource.get("concept", []), None)
        return cs

    def _link(self, parent: str, child: str) -> None:
        self.parents.setdefault(child, set()).add(parent)
        self.children.setdefault(parent, set()).add(child)

    def find(self, code: str) -> dict | None:
        c = self.concepts.get(code)
        if c is None and not self.case_sensitive:
            low = code.lower()
            c = next((v for k, v in self.concepts.items() if k.lower() == low), None)
        return c

    def closure(self, code: str, links: dict[str, set[str]]) -> set[str]:
        out: set[str] = set()
        todo = [code]
        while todo:
            for n in links.get(todo.pop(), ()):
                if n not in out:
                    out.add(n)
                    todo.append(n)
        return out

    def displays(self, code: str, language: str | None = None) -> list[tuple[str, str | None]]:
        """Acceptable displays as (text, language): the display, and designations in `language`."""
        c = self.find(code) or {}
        out = [(c["display"], self.resource.get("language"))] if c.get("display") else []
        wanted = (language or "").split("-")[0].lower()
        for d in c.get("designation", []):
            lang = d.get("language")
            if d.get("value") and (not lang or not wanted or lang.split("-")[0].lower() == wanted):
                out.append((d["value"], lang))
        return out

    def filter(self, f: dict) -> set[str] | None:
        """Codes matching one compose filter; None when the filter is not supported."""
        prop, op, value = f.get("property", ""), f.get("op", ""), f.get("value", "")
        codes = set(self.concepts)
        if prop in ("concept", "code") and op in ("is-a", "descendent-of", "is-not-a", "generalizes"):
            base = self.find(value)
            key = base["code"] if base else value
            desc = self.closure(key, self.children)
            if op == "is-a":
                return (desc | {key}) & codes
            if op == "descendent-of":
                return desc & codes
            if op == "is-not-a":
                return codes - desc - {key}
            return (self.closure(key, self.parents) | {key}) & codes
        if op == "regex":
            rx = re.compile(value)
            if prop in ("concept", "code"):
                return {c for c in codes if rx.fullmatch(c)}
            return {c for c in codes if any(rx.fullmatch(v) for v in self._prop_values(c, prop))}
        if op in ("in", "not-in"):
            wanted = {v.strip() for v in value.split(",")}
            if prop in ("concept", "code"):
                hit = wanted & codes
            else:
                hit = {c for c in codes if wanted & set(self._prop_values(c, prop))}
            return hit if op == "in" else codes - hit
        if op == "=":
            if prop in ("concept", "code"):
                return {value} & codes
            return {c for c in codes if value in self._prop_values(c, prop)}
        if op == "exists":
            has = {c for c in codes if self._prop_values(c, prop)}
            return has if value.lower() == "true" else codes - has
        return None

    def _prop_values(self, code: str, prop: str) -> list[str]:
        c = self.concepts[code]
        if prop == "display":
            return [c["display"]] if "display" in c else []
        out = []
        for p in c.get("property", []):
            if p.get("code") == prop:
                for k, v in p.items():
                    if k == "valueCoding":  # a Coding-typed property is filtered on its code
                        if isinstance(v, dict) and isinstance(v.get("code"), str):
                            out.append(v["code"])
                    elif k.startswith("value"):
                        out.append(str(v).lower() if isinstance(v, bool) else str(v))
        if prop == "status" and not out and "status" in c:  # pragma: no cover - R5-style
            out.append(c["status"])
        return out
