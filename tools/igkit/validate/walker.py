"""The element walker: an instance against one structure (base definition or profile).

For each element definition it matches the instance's properties (choice types by their
suffix, `_name` primitive extensions), checks JSON shape and cardinality, and hands each
value to the type checks (primitive, complex, Resource) and to the checkers: fixed/pattern,
bindings, slicing, extensions, references, invariants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from igkit.validate import (
    bindings,
    datatypes,
    extensions,
    fixed,
    invariants,
    narrative,
    references,
    slicing,
    values,
)
from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode, type_code
from igkit.validate.values import as_list

RESOURCE_TYPES_HINT = ("Resource", "DomainResource")


@dataclass
class Frame:
    """The resource a value belongs to (for %resource, contained references) and the file's root."""

    resource: dict
    root: dict
    loc: Loc
    parent: Frame | None = None
    contained: bool = False


@dataclass(slots=True)
class Item:
    """One occurrence of an element in the instance."""

    value: Any  # the JSON value (None for a primitive that only has `_name` extensions)
    ext: Any  # the `_name` companion (dict) or None
    type_code: str
    loc: Loc
    json_key: str


def profile_label(node: ElementNode, ctx: Any) -> str:
    sd = ctx.defs.fetch(node.sd_url)
    version = sd.get("version") if isinstance(sd, dict) else None
    return f"{node.sd_url}|{version}" if version else node.sd_url


def children_holder(run: Run, node: ElementNode, type_code: str) -> ElementNode | None:
    """The node whose children describe the inside of a value of `node` with type `type_code`."""
    if node.children:
        if len(node.types) > 1 and type_code and not values.is_primitive(type_code):
            return _merged_holder(run, node, type_code)
        return node
    ref = node.ed.get("contentReference")
    if isinstance(ref, str):
        sd = run.ctx.defs.structure(node.sd_url) or run.ctx.defs.structure_for_type(node.path.split(".")[0])
        if sd:
            target = run.ctx.trees.find(sd, ref.split("#", 1)[-1])
            if target is not None:
                return target
        return None
    for t in node.types:
        if values_type(t) == type_code:
            for prof in as_list(t.get("profile")):
                root = run.ctx.profile_root(prof)
                if root is not None:
                    return root
    if not type_code:
        return None
    return run.ctx.type_root(type_code)


def _merged_holder(run: Run, node: ElementNode, type_code: str) -> ElementNode:
    """A choice element whose profile lists only the common children (id, extension): the
    chosen type's children, with the profile's constraints on the common ones."""
    key = (id(node), type_code)
    cache = run.ctx.merged_holders
    hit = cache.get(key)
    if hit is not None:
        return hit
    base = run.ctx.type_root(type_code)
    if base is None:
        return node
    own = {c.name: c for c in node.children}
    children = [own.pop(c.name, c) for c in base.children]
    children.extend(own.values())
    merged = ElementNode(ed=node.ed, path=node.path, name=node.name, sd_url=node.sd_url, children=children)
    cache[key] = merged
    return merged


def values_type(t: dict) -> str:
    return type_code(t)


def array_expected(node: ElementNode) -> bool:
    """Whether the element is an array in JSON (its base definition repeats); read once per node."""
    found = node.__dict__.get("_array_expected")
    if found is None:
        base = node.ed.get("base")
        if isinstance(base, dict) and "max" in base:
            found = str(base["max"]) != "1"
        else:
            found = node.max != "1"
        node.__dict__["_array_expected"] = found
    return found


def validate_children(
    run: Run, holder: ElementNode, obj: dict, loc: Loc, frame: Frame, is_resource: bool = False
) -> None:
    """Check the properties of one JSON object against the child definitions of `holder`."""
    children = holder.children
    groups: dict[int, list[Item]] = {}
    for key, value in obj.items():
        if key == "resourceType" and is_resource:
            continue
        if key.startswith("_"):
            name = key[1:]
            if name in obj:
                continue  # handled with its primitive
            child, tcode = _match(holder, name)
            if child is None:
                if name != "fhir_comments" and key != "_fhir_comments":
                    run.report("Unrecognised_property", key, loc=loc.key(key))
                continue
            _collect(run, child, tcode, name, None, value, loc, groups)
            continue
        if key == "fhir_comments":
            continue
        child, tcode = _match(holder, key)
        if child is None or (tcode.startswith("!") and tcode[1:] not in _base_choice_types(run, child)):
            run.report("Unrecognised_property", key, loc=loc.key(key))
            continue
        _collect(run, child, tcode, key, value, obj.get("_" + key), loc, groups)

    label = None
    for child in children:
        items = groups.get(id(child), [])
        count = len(items)
        if count < child.min or (child.max_int is not None and count > child.max_int):
            label = label or profile_label(holder, run.ctx)
            if count < child.min:
                run.report("Validation_VAL_Profile_Minimum", child.path, child.min, count, label, loc=loc)
            else:
                run.report(
                    "Validation_VAL_Profile_Maximum",
                    child.path,
                    child.max,
                    count,
                    label,
                    loc=items[child.max_int].loc if child.max_int is not None else loc,
                )
        for item in items:
            validate_item(run, child, item, frame)
        if child.slices and items:
            slicing.check(run, child, items, loc, frame)
        elif child.slices and not items:
            slicing.check_missing(run, child, loc)


def _match(holder: ElementNode, key: str) -> tuple[ElementNode | None, str]:
    """The child definition of a JSON key and the value's type; for a choice whose suffix names a
    type the profile does not allow, the type is returned prefixed with "!". Read once per
    definition and key."""
    matches = holder.__dict__.setdefault("_matches", {})
    found = matches.get(key)
    if found is None:
        found = matches[key] = _find_match(holder, key)
    return found


def _find_match(holder: ElementNode, key: str) -> tuple[ElementNode | None, str]:
    child = holder.child(key)
    if child is not None and not child.is_choice:
        codes = child.type_codes
        return child, codes[0] if codes else ""
    for c in holder.children:
        if c.is_choice:
            base = c.name[:-3]
            t = values.choice_type(base, key, c.type_codes)
            if t is not None:
                return c, t
            suffix = key[len(base) :]
            if key.startswith(base) and suffix[:1].isupper() and _is_type_name(suffix):
                return c, "!" + (
                    suffix[:1].lower() + suffix[1:]
                    if values.is_primitive(suffix[:1].lower() + suffix[1:])
                    else suffix
                )
    return None, ""


def _base_choice_types(run: Run, node: ElementNode) -> list[str]:
    """The types the core definition allows for a (profiled) choice element."""
    base = node.ed.get("base")
    path = base.get("path") if isinstance(base, dict) else node.path
    if not isinstance(path, str):
        return []
    root = run.ctx.type_root(path.split(".", 1)[0])
    todo = [root] if root is not None else []
    while todo:
        current = todo.pop()
        if current.path == path:
            return current.type_codes
        todo.extend(c for c in current.children if path.startswith(c.path))
    return []


def _is_type_name(suffix: str) -> bool:
    lowered = suffix[:1].lower() + suffix[1:]
    return values.is_primitive(lowered) or suffix in values.DATATYPES


def _collect(
    run: Run,
    child: ElementNode,
    tcode: str,
    key: str,
    value: Any,
    ext: Any,
    loc: Loc,
    groups: dict[int, list[Item]],
) -> None:
    name = child.name if not child.is_choice else f"{child.name[:-3]}.ofType({tcode.lstrip('!')})"
    items = groups.setdefault(id(child), [])
    if array_expected(child):
        if value is not None and not isinstance(value, list):
            run.report("Json_Array_Expected", key, values.json_kind(value), loc=loc.key(key))
            value = [value]
        if ext is not None and not isinstance(ext, list):
            run.report("Json_Array_Expected", "_" + key, values.json_kind(ext), loc=loc.key("_" + key))
            ext = [ext]
        vals = value if isinstance(value, list) else []
        exts = ext if isinstance(ext, list) else []
        if value is not None and not vals or (ext is not None and not exts and value is None):
            run.report("Array_Cannot_Be_Empty", loc=loc.key(key))
        if vals and exts and len(vals) != len(exts):
            run.report("Primitive_Not_Array_Aligned", key, loc=loc.key(key))
        for i in range(max(len(vals), len(exts))):
            v = vals[i] if i < len(vals) else None
            e = exts[i] if i < len(exts) else None
            if v is None and e is None:
                continue
            items.append(
                Item(
                    v,
                    e,
                    tcode,
                    Loc(loc.path + (key if v is not None else "_" + key, i), f"{loc.expr}.{name}[{i}]"),
                    key,
                )
            )
    else:
        if isinstance(value, list) or isinstance(ext, list):
            run.report("Json_Array_Not_Expected", key, loc.expr + "." + name, loc=loc.key(key))
            value = (
                value[0]
                if isinstance(value, list) and value
                else (None if isinstance(value, list) else value)
            )
            ext = ext[0] if isinstance(ext, list) and ext else (None if isinstance(ext, list) else ext)
        if value is None and ext is None:
            return
        items.append(
            Item(
                value,
                ext,
                tcode,
                Loc(loc.path + (key if value is not None else "_" + key,), f"{loc.expr}.{name}"),
                key,
            )
        )


def validate_item(run: Run, node: ElementNode, item: Item, frame: Frame) -> None:
    tcode = item.type_code
    if tcode.startswith("!"):  # a type the core definition allows but this profile does not
        run.report(
            "Extension_PROF_Type",
            profile_label(node, run.ctx),
            ", ".join(node.type_codes),
            tcode[1:],
            loc=item.loc,
        )
        return
    value = item.value
    if not tcode and not node.types:
        tcode = ""
    if tcode and values.is_primitive(tcode):
        if value is not None:
            datatypes.primitive(run, node, item, frame)
        if item.ext is not None:
            datatypes.primitive_extension(run, item, frame)
            if value is None and datatypes.must_have_value(node):
                run.report(
                    "Type_Specific_Checks_DT_Primitive_MustHaveValue", node.path, node.sd_url, loc=item.loc
                )
            elif value is None:
                datatypes.value_alternatives(run, node, item)
    elif tcode in RESOURCE_TYPES_HINT or run.ctx.is_resource_type(tcode):
        if not isinstance(value, dict):
            run.report("Json_Object_Expected", item.json_key, values.json_kind(value), loc=item.loc)
            return
        from igkit.validate import resources

        resources.validate_nested(run, node, value, item.loc, frame)
        return
    else:
        if not isinstance(value, dict):
            run.report("Json_Object_Expected", item.json_key, values.json_kind(value), loc=item.loc)
            return
        if not value:
            run.report("Object_Must_Have_Some_Content", loc=item.loc)
            return
        _complex(run, node, item, frame)

    if run.ctx.options.check_invariants:
        type_name = tcode if tcode not in ("BackboneElement", "Element", "") else node.path
        invariants.check_element(run, node, value, item.loc, frame, type_name, item.ext)
        if tcode and tcode not in ("BackboneElement", "Element") and not values.is_primitive(tcode):
            type_root = run.ctx.type_root(tcode)  # the type's own invariants (per-1 on Period, ...)
            if type_root is not None and type_root is not node:
                invariants.check_element(run, type_root, value, item.loc, frame, type_name, item.ext)


def _complex(run: Run, node: ElementNode, item: Item, frame: Frame) -> None:
    value: dict = item.value
    tcode = item.type_code

    fixed.check(run, node, value, item.loc)
    if node.ed.get("binding") and tcode in ("CodeableConcept", "Coding", "Quantity", "CodeableReference"):
        bindings.check(run, node, value, tcode, item.loc)
    if tcode == "Extension":
        holder = extensions.check(run, node, value, item.loc, frame)
        if holder is None:
            return
        if node.children:  # the profile's own definition of this extension (a slice, a part) is more specific
            holder = node
    elif tcode == "Reference":
        references.check(run, node, value, item.loc, frame)
        holder = children_holder(run, node, tcode)
    else:
        holder = children_holder(run, node, tcode)
    if tcode == "Narrative" and isinstance(value.get("div"), str) and run.ctx.options.check_narrative:
        narrative.check(run, value["div"], item.loc.item("div", None), frame, node, item.loc)
    if tcode == "Attachment":
        datatypes.attachment(run, value, item.loc)
    if tcode == "Quantity" or tcode in (
        "Age",
        "Duration",
        "Distance",
        "Count",
        "SimpleQuantity",
        "MoneyQuantity",
    ):
        datatypes.quantity_limits(run, node, value, item.loc)
    if holder is None:
        return
    if holder is not node and run.ctx.options.check_invariants:  # a type profile's own invariants
        type_name = tcode if tcode not in ("BackboneElement", "Element", "") else holder.path
        invariants.check_element(run, holder, value, item.loc, frame, type_name)
    choices = _type_profiles(node, tcode) if tcode != "Extension" and not node.children else []
    if len(choices) > 1:
        _profile_choice(run, choices, value, item, frame)
        return
    validate_children(run, holder, value, item.loc, frame)


def _type_profiles(node: ElementNode, code: str) -> list[str]:
    return node.profiles_for(code)


def _profile_choice(run: Run, profiles: list[str], value: dict, item: Item, frame: Frame) -> None:
    """A datatype with several allowed profiles must conform to one of them; when it conforms to
    none, each profile's findings are reported."""
    from igkit.validate.slicing import _conforms

    roots = [(p, run.ctx.profile_root(p)) for p in profiles]
    known = [(p, r) for p, r in roots if r is not None]
    if any(_conforms(run, value, item.type_code, p, frame) for p, _r in known):
        match = next(r for p, r in known if run.conformance_cache.get((id(value), p)))
        validate_children(run, match, value, item.loc, frame)
        return
    run.report("Validation_VAL_Profile_NoMatch", ", ".join(profiles), loc=item.loc)
    for _p, root in known:
        validate_children(run, root, value, item.loc, frame)
