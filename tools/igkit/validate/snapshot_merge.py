"""Element-level rules of snapshot generation: how one differential element constrains its base.

`constrain_element(element, diff, profile_url)` applies the differential element's
constraints to (a copy of) the base element in place, following the HL7 validator's
`updateFromDefinition` (ProfileUtilities): plain properties are replaced, lists such as
constraints, mappings, conditions and aliases are unioned, the binding is merged field by
field, and new invariants remember the profile that added them (`constraint.source`).
"""

from __future__ import annotations

from typing import Any

# Properties the differential simply replaces when it states them.
_REPLACED = (
    "label",
    "short",
    "definition",
    "comment",
    "requirements",
    "meaningWhenMissing",
    "orderMeaning",
    "maxLength",
    "mustSupport",
    "isModifier",
    "isModifierReason",
    "isSummary",
    "min",
    "max",
    "sliceIsConstraining",
    "representation",
    "contentReference",
    "type",
    "example",
)

# Choice-typed properties (value[x] in the ElementDefinition model): a stated one replaces
# the base's property of the same prefix, whatever its type suffix.
_CHOICE_PREFIXES = ("fixed", "pattern", "defaultValue", "minValue", "maxValue")

# Lists that are unioned (base order first, then new items from the differential).
_UNIONED = ("alias", "code", "condition")

BINDABLE_PRIMITIVES = {"code", "string", "uri", "url", "canonical"}
BINDABLE_COMPLEX = {"Coding", "CodeableConcept", "Quantity", "CodeableReference"}


def clone(value: Any) -> Any:
    """A deep copy of JSON-shaped data (dicts, lists and immutable scalars), much faster than
    copy.deepcopy for element definitions."""
    if isinstance(value, dict):
        return {k: clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clone(v) for v in value]
    return value


def choice_key(props: dict[str, Any], prefix: str) -> str | None:
    """The key of `prefix`[x] present in `props` (e.g. "fixedUri" for "fixed"), if any."""
    n = len(prefix)
    for key in props:
        if key.startswith(prefix) and len(key) > n and key[n].isupper():
            return key
    return None


def _union(base_items: list[Any], new_items: list[Any]) -> list[Any]:
    out = list(base_items)
    for item in new_items:
        if item not in out:
            out.append(clone(item))
    return out


def _merge_binding(base: dict[str, Any] | None, diff: dict[str, Any]) -> dict[str, Any]:
    merged = clone(base) if base else {}
    for key, value in diff.items():
        if key == "extension":
            merged["extension"] = _union(merged.get("extension", []), value)
        else:
            merged[key] = clone(value)
    return merged


def _merge_slicing(base: dict[str, Any] | None, diff: dict[str, Any]) -> dict[str, Any]:
    merged = clone(base) if base else {}
    for key, value in diff.items():
        merged[key] = clone(value)
    return merged


def is_bindable(types: list[dict[str, Any]]) -> bool:
    """True when at least one type can carry a terminology binding."""
    if not types:
        return True
    return any(t.get("code") in BINDABLE_PRIMITIVES or t.get("code") in BINDABLE_COMPLEX for t in types)


def constrain_element(out: dict[str, Any], diff: dict[str, Any], profile_url: str) -> None:
    """Apply the differential element's constraints to `out` in place (ids and paths untouched)."""
    for key in _REPLACED:
        if key in diff:
            out[key] = clone(diff[key])
    for prefix in _CHOICE_PREFIXES:
        new_key = choice_key(diff, prefix)
        if new_key is None:
            continue
        old_key = choice_key(out, prefix)
        if old_key is not None:
            del out[old_key]
        out[new_key] = clone(diff[new_key])
    for key in _UNIONED:
        if key in diff:
            out[key] = _union(out.get(key, []), diff[key])
    if "mapping" in diff:
        out["mapping"] = _union(out.get("mapping", []), diff["mapping"])
    if "constraint" in diff:
        constraints = list(out.get("constraint", []))
        by_key = {c.get("key"): i for i, c in enumerate(constraints)}
        for constraint in diff["constraint"]:
            item = clone(constraint)
            if "source" not in item and profile_url:
                item["source"] = profile_url
            at = by_key.get(item.get("key"))
            if at is None:
                constraints.append(item)
            else:
                constraints[at] = item
        out["constraint"] = constraints
    if "binding" in diff:
        out["binding"] = _merge_binding(out.get("binding"), diff["binding"])
    if "slicing" in diff:
        out["slicing"] = _merge_slicing(out.get("slicing"), diff["slicing"])
    for key in ("extension", "modifierExtension"):
        if key in diff:
            out[key] = _union(out.get(key, []), diff[key])
    if "binding" in out and "type" in diff and not is_bindable(out.get("type", [])):
        del out["binding"]
    if "sliceName" in diff:
        out["sliceName"] = diff["sliceName"]


def with_base(element: dict[str, Any]) -> dict[str, Any]:
    """Fill `base` (path/min/max of the element in its original definition) when it is missing."""
    if "base" not in element:
        element["base"] = {
            "path": element.get("path", ""),
            "min": element.get("min", 0),
            "max": element.get("max", "*"),
        }
    return element


def extension_root_defaults(element: dict[str, Any], diff: dict[str, Any], root: dict[str, Any]) -> None:
    """An extension slice takes its descriptions from the extension definition's root element
    when the differential does not state them (as the HL7 validator does)."""
    for key in ("short", "definition", "comment", "requirements", "isModifier", "isModifierReason"):
        if key not in diff and key in root:
            element[key] = clone(root[key])
