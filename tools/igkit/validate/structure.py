"""A StructureDefinition snapshot as a tree of element nodes, with slices hung on their base.

Built once per snapshot and cached. Children that a profile does not list (a complex type
whose elements are not expanded in the snapshot) come from the type's own definition,
looked up by the walker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

PRIMITIVE_JSON = {
    "boolean": bool,
}


@dataclass(eq=False)
class ElementNode:
    ed: dict
    path: str
    name: str  # last path segment, e.g. "value[x]"
    sd_url: str
    children: list[ElementNode] = field(default_factory=list)
    slices: list[ElementNode] = field(default_factory=list)
    slice_name: str = ""
    _by_name: dict[str, ElementNode] | None = None

    @cached_property
    def min(self) -> int:
        value = self.ed.get("min", 0)
        return value if isinstance(value, int) else 0

    @cached_property
    def max(self) -> str:
        return str(self.ed.get("max", "*"))

    @cached_property
    def max_int(self) -> int | None:
        m = self.max
        return None if m == "*" else int(m) if m.isdigit() else None

    @cached_property
    def types(self) -> list[dict]:
        return [t for t in self.ed.get("type") or [] if isinstance(t, dict)]

    @cached_property
    def type_codes(self) -> list[str]:
        return [type_code(t) for t in self.types]

    def profiles_for(self, code: str) -> list[str]:
        """The type profiles this element allows for values of type `code` (cached)."""
        cache = self.__dict__.setdefault("_profiles_for", {})
        hit = cache.get(code)
        if hit is None:
            hit = cache[code] = [
                p
                for t, c in zip(self.types, self.type_codes)
                if c == code
                for p in t.get("profile") or []
                if isinstance(p, str)
            ]
        return hit

    @cached_property
    def fixed(self) -> tuple[str, Any] | None:
        from igkit.validate.values import fixed_value

        return fixed_value(self.ed, "fixed")

    @cached_property
    def pattern(self) -> tuple[str, Any] | None:
        from igkit.validate.values import fixed_value

        return fixed_value(self.ed, "pattern")

    @cached_property
    def constraints(self) -> list[dict]:
        """The constraints with a key and an expression (ext-1 is the extension checker's)."""
        return [
            c
            for c in self.ed.get("constraint") or []
            if isinstance(c, dict)
            and isinstance(c.get("key"), str)
            and isinstance(c.get("expression"), str)
            and c["key"] != "ext-1"
        ]

    @property
    def is_choice(self) -> bool:
        return self.name.endswith("[x]")

    @property
    def slicing(self) -> dict | None:
        s = self.ed.get("slicing")
        return s if isinstance(s, dict) else None

    def child(self, name: str) -> ElementNode | None:
        if self._by_name is None:
            self._by_name = {c.name: c for c in self.children}
        return self._by_name.get(name)


def type_code(t: dict) -> str:
    """A type's code; R4 FHIRPath system types (`http://hl7.org/fhirpath/System.String`)
    appear on `id`/`url`/`value` of primitives and map to the FHIR primitive string."""
    code = t.get("code", "")
    if code.startswith("http://hl7.org/fhirpath/System."):
        return {
            "String": "string",
            "Boolean": "boolean",
            "Integer": "integer",
            "Decimal": "decimal",
            "Date": "date",
            "DateTime": "dateTime",
            "Time": "time",
        }.get(code.rsplit(".", 1)[1], "string")
    for ext in t.get("extension") or []:  # R4: the FHIR type behind a system type
        if ext.get("url") == "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type":
            return ext.get("valueUrl") or ext.get("valueUri") or code
    return code


def build_tree(sd: dict) -> ElementNode | None:
    elements = (sd.get("snapshot") or {}).get("element") or []
    if not elements:
        return None
    url = str(sd.get("url", ""))
    root: ElementNode | None = None
    stack: dict[int, ElementNode] = {}
    bases: dict[int, ElementNode] = {}
    for ed in elements:
        if not isinstance(ed, dict) or not isinstance(ed.get("path"), str):
            continue
        path = ed["path"]
        parts = path.split(".")
        depth = len(parts) - 1
        declared = ed.get("sliceName")
        slice_name = declared if isinstance(declared, str) else ""
        node = ElementNode(ed=ed, path=path, name=parts[-1], sd_url=url, slice_name=slice_name)
        if depth == 0:
            if root is None:
                root = node
                stack = {0: node}
                bases = {0: node}
            continue
        parent = stack.get(depth - 1)
        if parent is None:
            continue
        if slice_name:
            base = bases.get(depth)
            if base is None or base.path != path:
                # a slice without its base element: treat the slice as the base
                parent.children.append(node)
                bases[depth] = node
            elif "/" in slice_name:
                outer = slice_name.rsplit("/", 1)[0]
                owner = next((s for s in base.slices if s.slice_name == outer), base)
                owner.slices.append(node)
            else:
                base.slices.append(node)
        else:
            parent.children.append(node)
            bases[depth] = node
        stack[depth] = node
        for d in [k for k in stack if k > depth]:
            del stack[d]
        for d in [k for k in bases if k > depth]:
            del bases[d]
    return root


class TreeCache:
    def __init__(self) -> None:
        self._trees: dict[int, tuple[Any, ElementNode | None]] = {}

    def tree(self, sd: dict) -> ElementNode | None:
        hit = self._trees.get(id(sd))
        if hit is not None and hit[0] is sd:
            return hit[1]
        tree = build_tree(sd)
        self._trees[id(sd)] = (sd, tree)
        return tree

    def find(self, sd: dict, element_id_or_path: str) -> ElementNode | None:
        """The node of a snapshot element by id (or path), for contentReference."""
        root = self.tree(sd)
        if root is None:
            return None
        target = element_id_or_path.lstrip("#")
        todo = [root]
        while todo:
            node = todo.pop()
            if node.ed.get("id") == target or (node.path == target and not node.slice_name):
                return node
            todo.extend(node.children)
        return None
