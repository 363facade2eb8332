"""Slicing: assign each occurrence of a sliced element to a slice, then check the slices.

Discriminators: value and pattern (the fixed[x]/pattern[x], or a required binding, of the
element at the discriminator path in the slice), exists, type and profile. Paths are the
FHIRPath subset that slicing uses: dotted names, `$this`, `resolve()`, `extension('url')`
and `ofType(T)`. Without discriminators an occurrence belongs to the first slice it
validates against without errors. Rules: closed (unmatched occurrences are errors), open,
openAtEnd (unmatched occurrences must come last); ordered slicing requires slice order.
"""

from __future__ import annotations

import re
from typing import Any

from igkit.validate import values
from igkit.validate.context import Loc, Run
from igkit.validate.issues import IssueSink
from igkit.validate.structure import ElementNode
from igkit.validate.values import as_list

_SEGMENT = re.compile(r"(?:[^.(]+(?:\([^)]*\))?)")


def _label(run: Run, node: ElementNode) -> str:
    from igkit.validate.walker import profile_label

    return profile_label(node, run.ctx)


def slice_id(node: ElementNode, slice_node: ElementNode) -> str:
    return f"{node.path}:{slice_node.slice_name}"


def check_missing(run: Run, node: ElementNode, loc: Loc) -> None:
    for s in node.slices:
        if s.min > 0:
            run.report("Validation_VAL_Profile_Minimum_SLICE", slice_id(node, s), _label(run, node), loc=loc)


def check(run: Run, node: ElementNode, items: list, loc: Loc, frame: Any) -> None:
    from igkit.validate.walker import Item, validate_item

    slicing = node.slicing or {}
    discriminators = [d for d in as_list(slicing.get("discriminator")) if isinstance(d, dict)]
    rules = slicing.get("rules", "open")
    assigned: list[ElementNode | None] = []
    for item in items:
        match = None
        for s in node.slices:
            if _matches(run, s, item, discriminators, frame):
                match = s
                break
        assigned.append(match)
    counts: dict[int, int] = {}
    for hit in assigned:
        if hit is not None:
            counts[id(hit)] = counts.get(id(hit), 0) + 1
    for s in node.slices:
        n = counts.get(id(s), 0)
        if n < s.min:
            run.report("Validation_VAL_Profile_Minimum_SLICE", slice_id(node, s), _label(run, node), loc=loc)
        elif s.max_int is not None and n > s.max_int:
            run.report(
                "Validation_VAL_Profile_Maximum", slice_id(node, s), s.max, n, _label(run, node), loc=loc
            )
    order = {id(s): i for i, s in enumerate(node.slices)}
    last = -1
    seen_unmatched = False
    for item, matched in zip(items, assigned):
        if matched is None:
            seen_unmatched = True
            if rules == "closed":
                run.report("Validation_VAL_Profile_NotSlice", _label(run, node), node.path, loc=item.loc)
            continue
        if rules == "openAtEnd" and seen_unmatched:
            run.report(
                "Validation_VAL_Profile_OutOfOrder",
                _label(run, node),
                slice_id(node, matched),
                "unmatched",
                loc=item.loc,
            )
        if slicing.get("ordered") and order[id(matched)] < last:
            run.report(
                "Validation_VAL_Profile_OutOfOrder",
                _label(run, node),
                slice_id(node, matched),
                slice_id(node, node.slices[last]),
                loc=item.loc,
            )
        last = max(last, order[id(matched)])
        tcode = item.type_code
        codes = matched.type_codes
        if node.is_choice and codes and tcode not in codes:
            continue
        validate_item(run, matched, Item(item.value, item.ext, tcode, item.loc, item.json_key), frame)
        if matched.slices:
            check(run, matched, [item], loc, frame)


# -- discriminators --------------------------------------------------------------------------


def _matches(run: Run, s: ElementNode, item: Any, discriminators: list[dict], frame: Any) -> bool:
    if not discriminators:
        return _validates(run, s, item, frame)
    for d in discriminators:
        kind = d.get("type")
        path = d.get("path", "$this")
        if not isinstance(path, str):
            return False
        found = _instance_values(run, item.value, item.type_code, path, frame)
        eds = _definitions_at(run, s, path)
        if kind in ("value", "pattern"):
            if not _value_match(run, eds, found):
                return False
        elif kind == "exists":
            ed = eds[0] if eds else None
            if ed is None:
                return False
            if ed.min >= 1 and not found:
                return False
            if ed.max == "0" and found:
                return False
        elif kind == "type":
            if not eds:
                return False
            allowed = _discriminating_types(run, eds[0])
            if not allowed:
                return False
            if not found or not any(t in allowed for _v, t in found):
                return False
        elif kind == "profile":
            if not eds:
                return False
            profiles: list[str] = []
            for t in eds[0].types:
                profiles.extend(as_list(t.get("targetProfile" if path.endswith("resolve()") else "profile")))
            if not profiles:
                continue  # nothing to tell the slices apart by at this path
            if not found:
                if eds[0].min > 0:
                    return False
                continue
            if not any(_conforms(run, v, t, p, frame) for v, t in found for p in profiles):
                return False
        else:
            return False
    return True


def _discriminating_types(run: Run, ed: ElementNode) -> set[str]:
    """The types a type discriminator tells apart: a profiled Resource counts as the profile's type."""
    allowed: set[str] = set()
    for t, code in zip(ed.types, ed.type_codes):
        profiles = [p for p in as_list(t.get("profile")) if isinstance(p, str)]
        for url in profiles:
            sd = run.ctx.defs.fetch(url)
            if isinstance(sd, dict) and isinstance(sd.get("type"), str):
                allowed.add(sd["type"])
        if not profiles:
            allowed.add(code)
    return allowed


def _value_match(run: Run, eds: list[ElementNode], found: list[tuple[Any, str]]) -> bool:
    if not eds:
        return False
    ed = eds[0]
    fixed = ed.fixed
    pattern = ed.pattern
    if fixed is not None:
        return any(values.equal(v, fixed[1]) for v, _t in found)
    if pattern is not None:
        return any(values.matches_pattern(v, pattern[1]) for v, _t in found)
    binding = ed.ed.get("binding")
    if isinstance(binding, dict) and binding.get("strength") == "required" and binding.get("valueSet"):
        for v, _t in found:
            try:
                if run.ctx.terminology.member_of(binding["valueSet"], v):
                    return True
            except Exception:  # noqa: BLE001 - membership not decidable: not this slice
                return False
        return False
    return False


def _segments(path: str) -> list[str]:
    if path in ("$this", ""):
        return []
    parts = []
    for seg in _SEGMENT.findall(path):
        seg = seg.strip(".")
        if seg and seg != "$this":
            parts.append(seg)
    return parts


def _instance_values(run: Run, value: Any, type_code: str, path: str, frame: Any) -> list[tuple[Any, str]]:
    current: list[tuple[Any, str]] = [(value, type_code)]
    for seg in _segments(path):
        nxt: list[tuple[Any, str]] = []
        if seg == "resolve()":
            for v, _t in current:
                target = _resolve(run, v, frame)
                if isinstance(target, dict):
                    nxt.append((target, str(target.get("resourceType", ""))))
        elif seg.startswith("extension("):
            url = seg[len("extension(") : -1].strip("'\"")
            for v, _t in current:
                for e in (as_list(v.get("extension"))) if isinstance(v, dict) else []:
                    if isinstance(e, dict) and e.get("url") == url:
                        nxt.append((e, "Extension"))
        elif seg.startswith("ofType("):
            want = seg[len("ofType(") : -1]
            nxt = [
                (v, t)
                for v, t in current
                if t == want or (isinstance(v, dict) and v.get("resourceType") == want)
            ]
        else:
            for v, _t in current:
                if not isinstance(v, dict):
                    continue
                if seg in v:
                    got = v[seg]
                    for x in got if isinstance(got, list) else [got]:
                        nxt.append(
                            (
                                x,
                                x.get("resourceType", "")
                                if isinstance(x, dict) and seg == "resource"
                                else "",
                            )
                        )
                else:  # a choice element: valueQuantity for `value`
                    for key, got in v.items():
                        if key.startswith(seg) and key[len(seg) : len(seg) + 1].isupper():
                            suffix = key[len(seg) :]
                            t = (
                                suffix[:1].lower() + suffix[1:]
                                if values.is_primitive(suffix[:1].lower() + suffix[1:])
                                else suffix
                            )
                            for x in got if isinstance(got, list) else [got]:
                                nxt.append((x, t))
        current = nxt
    if path in ("$this", "") and isinstance(value, dict) and value.get("resourceType"):
        return [(value, str(value["resourceType"]))]
    return current


def _resolve(run: Run, reference: Any, frame: Any) -> dict | None:
    if not isinstance(reference, dict) or not isinstance(reference.get("reference"), str):
        return None
    from igkit.validate import references

    return references.resolve(run, reference["reference"], frame)


def _definitions_at(run: Run, s: ElementNode, path: str) -> list[ElementNode]:
    node: ElementNode | None = s
    for seg in _segments(path):
        if node is None:
            return []
        if seg == "resolve()":
            urls = [p for t in node.types for p in as_list(t.get("targetProfile"))]
            node = run.ctx.profile_root(urls[0]) if urls else None
            continue
        if seg.startswith("ofType("):
            continue
        if seg.startswith("extension("):
            url = seg[len("extension(") : -1].strip("'\"")
            holder = _holder(run, node)
            ext = holder.child("extension") if holder else None
            found = None
            for sl in ext.slices if ext else []:
                if any(url in (as_list(t.get("profile"))) for t in sl.types):
                    found = sl
                    break
            node = found or run.ctx.profile_root(url)
            continue
        holder = _holder(run, node)
        if holder is None:
            return []
        child = holder.child(seg)
        if child is None:
            child = next((c for c in holder.children if c.is_choice and c.name[:-3] == seg), None)
        if child is None:
            return []
        node = child
    return [node] if node is not None else []


def _holder(run: Run, node: ElementNode) -> ElementNode | None:
    if node.children:
        return node
    for t in node.types:
        for prof in as_list(t.get("profile")):
            root = run.ctx.profile_root(prof)
            if root is not None:
                return root
    codes = node.type_codes
    if len(codes) == 1:
        return run.ctx.type_root(codes[0])
    return None


def _validates(run: Run, s: ElementNode, item: Any, frame: Any) -> bool:
    from igkit.validate.walker import validate_item

    scratch = _scratch(run)
    validate_item(scratch, s, item, frame)
    return scratch.sink.error_count == 0


def _conforms(run: Run, value: Any, type_code: str | None, profile: str, frame: Any) -> bool:
    if value is None:
        return False
    key = (id(value), profile)
    cache = run.conformance_cache
    if key in cache:
        return cache[key]
    cache[key] = True  # cycles: assume conformance while checking
    scratch = _scratch(run)
    root = run.ctx.profile_root(profile)
    if root is None:
        cache[key] = False
        return False
    if isinstance(value, dict) and value.get("resourceType"):
        from igkit.validate import resources
        from igkit.validate.walker import Frame

        if root.path != value.get("resourceType") and root.path not in ("Resource", "DomainResource"):
            cache[key] = False
            return False
        sub = Frame(resource=value, root=frame.root if frame else value, loc=Loc((), value["resourceType"]))
        resources.validate_resource(scratch, value, Loc((), value["resourceType"]), sub, (profile,))
    else:
        from igkit.validate.walker import Item, validate_item

        at = Loc((), type_code or root.path)
        validate_item(scratch, root, Item(value, None, type_code or root.path, at, ""), frame)
    cache[key] = scratch.sink.error_count == 0
    return cache[key]


def _scratch(run: Run) -> Run:
    from igkit.validate.context import Run as RunType

    scratch = RunType(ctx=run.ctx, doc=run.doc, sink=IssueSink(source=run.sink.source))
    scratch.conformance_cache = run.conformance_cache
    scratch.bundle_stack = run.bundle_stack
    return scratch
