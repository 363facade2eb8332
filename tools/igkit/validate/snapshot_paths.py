"""Paths, ids and element indexes used by snapshot generation (see `snapshot`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Element = dict[str, Any]


@dataclass
class SnapshotMessage:
    """A problem in the differential found while generating, worded as the HL7 validator words
    it: `index` is the position in `differential.element` (None: the StructureDefinition)."""

    severity: str  # "error", "warning", "information"
    code: str  # OperationOutcome issue type, e.g. "value", "business-rule"
    text: str
    index: int | None = None


EXTENSION_SLICING: dict[str, Any] = {
    "discriminator": [{"type": "value", "path": "url"}],
    "ordered": False,
    "rules": "open",
}
TYPE_SLICING: dict[str, Any] = {
    "discriminator": [{"type": "type", "path": "$this"}],
    "ordered": False,
    "rules": "open",
}


@dataclass
class ElementIndex:
    """A snapshot element list indexed for the walk: children ranges and first index by path."""

    elements: list[Element]
    end: list[int]
    by_path: dict[str, int]

    @classmethod
    def of(cls, elements: list[Element]) -> ElementIndex:
        n = len(elements)
        end = [n] * n
        by_path: dict[str, int] = {}
        stack: list[tuple[int, str]] = []
        for i, element in enumerate(elements):
            path = element.get("path", "")
            by_path.setdefault(path, i)
            while stack and not path.startswith(stack[-1][1]):
                end[stack.pop()[0]] = i
            stack.append((i, path + "."))
        return cls(elements, end, by_path)


def tail(path: str) -> str:
    return path.rsplit(".", 1)[-1]


def parent(path: str) -> str | None:
    return path.rsplit(".", 1)[0] if "." in path else None


def split_id(element_id: str) -> list[str]:
    """Split an element id into segments, keeping dots inside slice names."""
    segments: list[str] = []
    for part in element_id.split("."):
        if segments and ":" in segments[-1] and part and not part[0].isalpha() and part[0] != "_":
            segments[-1] += "." + part
        else:
            segments.append(part)
    return segments


def type_codes(element: Element) -> list[str]:
    return [t.get("code", "") for t in element.get("type", [])]


def choice_type(base_path: str, diff_path: str, element: Element) -> str | None:
    """The type named by a renamed choice path (Observation.valueQuantity -> "Quantity")."""
    if not base_path.endswith("[x]") or diff_path == base_path:
        return None
    stem = base_path[:-3]
    if not diff_path.startswith(stem) or "." in diff_path[len(stem) :]:
        return None
    suffix = diff_path[len(stem) :]
    if not suffix or not suffix[0].isupper():
        return None
    for code in type_codes(element):
        if code[:1].upper() + code[1:] == suffix:
            return code
    return None


def looks_renamed(base_path: str, diff_path: str) -> bool:
    """A differential path that renames a choice for a type the choice does not have."""
    if not base_path.endswith("[x]"):
        return False
    stem = base_path[:-3]
    rest = diff_path[len(stem) :]
    return diff_path.startswith(stem) and rest[:1].isupper() and "." not in rest


def same_context(diff_parent: str, dest_parent: str) -> bool:
    """Whether a differential element's parent id names the destination parent (slices included)."""
    a, b = split_id(diff_parent), split_id(dest_parent)
    if len(a) != len(b):
        return True  # ids that do not follow the path: match by path alone
    for x, y in zip(a, b):
        if x == y:
            continue
        # renamed choice in the differential id: valueQuantity ~ value[x]:valueQuantity or value[x]
        ystem, _, yslice = y.partition(":")
        if ystem.endswith("[x]") and (x == yslice or (x.startswith(ystem[:-3]) and not yslice)):
            continue
        return False
    return True


def ids_usable(diff: list[Element]) -> bool:
    """Differential ids are used to tell slices apart only when every one agrees with its path and
    slice name (hand-written profiles sometimes repeat ids; the HL7 validator goes by path)."""
    seen: set[str] = set()
    for d in diff:
        did, path = d.get("id"), d.get("path", "")
        if not did or did in seen:
            return False
        seen.add(did)
        segments = split_id(did)
        if [seg.split(":", 1)[0] for seg in segments] != path.split("."):
            return False
        name = d.get("sliceName")
        if name and segments[-1] != f"{tail(path)}:{name}":
            return False
    return True


def describe_slicing(slicing: dict[str, Any]) -> str:
    """A slicing as the HL7 validator prints it: `unordered/open [value=url]`."""
    ordered = slicing.get("ordered")
    order = "??" if ordered is None else ("ordered" if ordered else "unordered")
    discriminators = ",".join(f"{d.get('type')}={d.get('path')}" for d in slicing.get("discriminator", []))
    return f"{order}/{slicing.get('rules', '??')} [{discriminators}]"


def diff_ends(diff: list[Element], by_id: bool) -> list[int]:
    """For each differential element, the end of the run of elements below it: by id when the
    ids are usable (so `X:a.b` is not taken as a child of `X`), else by path."""
    if not by_id:
        return ElementIndex.of(diff).end
    return ElementIndex.of([{"path": d["id"]} for d in diff]).end
