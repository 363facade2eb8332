"""Rows of the differential and snapshot tables of a StructureDefinition page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from igkit.publish.links import Link, LinkResolver, type_href

BASE_CONSTRAINTS = frozenset({"ele-1", "ext-1"})  # on every element: shown once, not per row
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]")


@dataclass(frozen=True)
class TypeRef:
    code: str
    href: str | None
    profiles: tuple[Link, ...] = ()
    targets: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Constraint:
    key: str
    severity: str
    human: str
    expression: str


@dataclass(frozen=True)
class Binding:
    strength: str
    value_set: Link | None
    description: str


@dataclass
class ElementRow:
    element_id: str
    anchor: str
    name: str
    slice_name: str
    depth: int
    flags: list[tuple[str, str]] = field(default_factory=list)  # (symbol, meaning)
    cardinality: str = ""
    types: list[TypeRef] = field(default_factory=list)
    short: str = ""
    binding: Binding | None = None
    values: list[tuple[str, str]] = field(default_factory=list)  # ("Fixed value", json)
    constraints: list[Constraint] = field(default_factory=list)
    slicing: str = ""
    inherited: set[str] = field(default_factory=set)  # columns filled from the snapshot (diff only)


def anchor_for(prefix: str, element_id: str) -> str:
    return f"{prefix}-{_ANCHOR_UNSAFE.sub('_', element_id)}"


def _compact(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), sort_keys=False)


def _types(element: dict, links: LinkResolver) -> list[TypeRef]:
    refs = []
    for t in element.get("type") or []:
        code = str(t.get("code", ""))
        if code.startswith("http://hl7.org/fhirpath/System."):
            code = code.rsplit(".", 1)[-1].lower()
            refs.append(TypeRef(code, None))
            continue
        profiles = tuple(links.canonical(p) for p in t.get("profile") or [])
        targets = tuple(links.canonical(p) for p in t.get("targetProfile") or [])
        refs.append(TypeRef(code, type_href(code), profiles, targets))
    return refs


def _flags(element: dict, with_constraints: bool) -> list[tuple[str, str]]:
    flags = []
    if element.get("mustSupport"):
        flags.append(("S", "Must support"))
    if element.get("isModifier"):
        flags.append(("?!", "Is modifier"))
    if element.get("isSummary"):
        flags.append(("Σ", "In the summary"))
    if with_constraints and any(
        c.get("key") not in BASE_CONSTRAINTS for c in element.get("constraint") or []
    ):
        flags.append(("I", "Has constraints"))
    return flags


def _values(element: dict) -> list[tuple[str, str]]:
    out = []
    for key in sorted(element):
        if key.startswith("fixed"):
            out.append(("Fixed value", _compact(element[key])))
        elif key.startswith("pattern"):
            out.append(("Required pattern", _compact(element[key])))
        elif key.startswith("minValue"):
            out.append(("Minimum value", _compact(element[key])))
        elif key.startswith("maxValue"):
            out.append(("Maximum value", _compact(element[key])))
        elif key == "maxLength":
            out.append(("Maximum length", _compact(element[key])))
        elif key == "contentReference":
            out.append(("Same content as", str(element[key]).lstrip("#")))
    return out


def _binding(element: dict, links: LinkResolver) -> Binding | None:
    b = element.get("binding")
    if not isinstance(b, dict):
        return None
    vs = b.get("valueSet")
    return Binding(
        str(b.get("strength", "")), links.canonical(vs) if vs else None, str(b.get("description", ""))
    )


def _slicing(element: dict) -> str:
    s = element.get("slicing")
    if not isinstance(s, dict):
        return ""
    discs = ", ".join(f"{d.get('type')}:{d.get('path')}" for d in s.get("discriminator") or [])
    rules = s.get("rules", "")
    ordered = "ordered" if s.get("ordered") else "unordered"
    return f"Sliced by {discs or 'no discriminator'} ({ordered}, {rules})"


def _row(element: dict, prefix: str, links: LinkResolver) -> ElementRow:
    eid = str(element.get("id") or element.get("path", ""))
    path = str(element.get("path", eid))
    last = eid.rsplit(".", 1)[-1] if "." in eid else eid
    name, _, slice_name = last.partition(":")
    row = ElementRow(
        element_id=eid,
        anchor=anchor_for(prefix, eid),
        name=name,
        slice_name=str(element.get("sliceName") or slice_name),
        depth=path.count("."),
        flags=_flags(element, True),
        types=_types(element, links),
        short=str(element.get("short") or ""),
        binding=_binding(element, links),
        values=_values(element),
        constraints=[
            Constraint(
                str(c.get("key", "")),
                str(c.get("severity", "")),
                str(c.get("human", "")),
                str(c.get("expression", "")),
            )
            for c in element.get("constraint") or []
            if c.get("key") not in BASE_CONSTRAINTS
        ],
        slicing=_slicing(element),
    )
    if "min" in element or "max" in element:
        row.cardinality = f"{element.get('min', '')}..{element.get('max', '')}"
    return row


def snapshot_rows(sd: dict, links: LinkResolver) -> list[ElementRow]:
    return [_row(e, "snap", links) for e in (sd.get("snapshot") or {}).get("element") or []]


def differential_rows(sd: dict, links: LinkResolver) -> list[ElementRow]:
    """Differential rows; where the differential does not say, cardinality and type come from the
    snapshot element of the same id (marked inherited, shown greyed)."""
    snap = {str(e.get("id")): e for e in (sd.get("snapshot") or {}).get("element") or []}
    rows = []
    for element in (sd.get("differential") or {}).get("element") or []:
        row = _row(element, "diff", links)
        if "." in row.element_id:  # a sparse list: show the path below the root, unindented
            head, _, last = row.element_id.split(".", 1)[1].rpartition(".")
            row.name = f"{head}.{last.partition(':')[0]}" if head else last.partition(":")[0]
            row.depth = 1
        base = snap.get(row.element_id)
        if base is not None:
            if "min" not in element or "max" not in element:
                if "min" not in element and "max" not in element:
                    row.inherited.add("cardinality")
                row.cardinality = (
                    f"{element.get('min', base.get('min', ''))}..{element.get('max', base.get('max', ''))}"
                )
            if not row.types and base.get("type"):
                row.types = _types(base, links)
                row.inherited.add("types")
            if not row.short and base.get("short"):
                row.short = str(base["short"])
                row.inherited.add("short")
        rows.append(row)
    return rows


def profile_constraints(sd: dict) -> list[tuple[str, Constraint]]:
    """(element id, constraint) for every constraint the profile's differential adds."""
    out = []
    for element in (sd.get("differential") or {}).get("element") or []:
        for c in element.get("constraint") or []:
            out.append(
                (
                    str(element.get("id", "")),
                    Constraint(
                        str(c.get("key", "")),
                        str(c.get("severity", "")),
                        str(c.get("human", "")),
                        str(c.get("expression", "")),
                    ),
                )
            )
    return out
