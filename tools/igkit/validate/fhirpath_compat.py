"""Corrections to fhirpathpy's navigation, installed once by igkit.validate.fhirpath.

fhirpathpy 2.x returns a primitive's value and its "_name" extension object as two separate
items (so `Patient.birthDate.count()` is 2 when the date has an extension), and `extension(url)`
returns only the first match and cannot see extensions on primitives that have a value. Both
break FHIR invariants. `install()` replaces the member-navigation evaluator and the
`extension()` function with versions that keep one item per element: the value as the node's
data and the "_name" object as the node's `_data` (fhirpathpy's own ResourceNode field),
falling back to the "_name" object as data when there is no value (as fhirpathpy does).
Navigation into `extension`/`id` of such a primitive reads `_data`. `as` keeps the matching
items of a collection instead of failing on several (R4 invariants such as dom-3 rely on it),
and `is` answers false for several items, as the HL7 engine does. `where()` evaluates its
body once per item (fhirpathpy evaluated it twice when not empty). Ordering operators (< <= > >=)
compare date/dateTime/instant/time elements as moments (timezones, precision), where
fhirpathpy compared the raw strings.
"""

from __future__ import annotations

import importlib
from collections import abc
from functools import reduce
from typing import Any

from fhirpathpy import engine as _engine
from fhirpathpy.engine import nodes, util
from fhirpathpy.engine.invocations import filtering, invocation_registry

_invocations: dict[str, Any] = invocation_registry
_EVALUATORS: dict[str, Any] = importlib.import_module("fhirpathpy.engine.evaluators").evaluators
_installed = False


def _children_of(res: nodes.ResourceNode, key: str) -> tuple[Any, Any]:
    data = res.data
    if type(data) is dict or isinstance(data, abc.Mapping):
        return data.get(key), data.get(f"_{key}")
    if key in ("extension", "id") and (type(res._data) is dict or isinstance(res._data, abc.Mapping)):
        return res._data.get(key), None
    return None, None


def member_reducer(model: dict | None, key: str) -> Any:
    """The reduce() step of member navigation `.key` (fhirpathpy's, corrected as above). The
    model lookups are made once per parent path (a compiled expression keeps its reducer)."""
    elsewhere = model["pathsDefinedElsewhere"] if isinstance(model, dict) else None
    choices = model["choiceTypePaths"] if isinstance(model, dict) else None
    to_type = model.get("path2Type") if isinstance(model, dict) else None
    paths: dict[Any, tuple[str, str, Any]] = {}  # parent path -> (child path, model path, choice types)

    def func(acc: list, res: Any) -> list:
        if type(res) is not nodes.ResourceNode:
            res = nodes.ResourceNode.create_node(res)
        info = paths.get(res.path)
        if info is None:
            raw = f"{res.path}.{key}" if res.path else f"_.{key}"
            mapped = elsewhere.get(raw, raw) if elsewhere is not None else raw
            info = paths[res.path] = (raw, mapped, choices.get(mapped) if choices is not None else None)
        raw, child_path, actual = info
        full_path = (f"{res.propName}.{key}" if res.propName else raw).replace("_", "")
        value = ext = None
        data = res.data
        if isinstance(data, nodes.FP_Quantity):
            value = data.value
        elif actual and (type(data) is dict or isinstance(data, abc.Mapping)):
            for t in actual:
                value, ext = data.get(f"{key}{t}"), data.get(f"_{key}{t}")
                if value is not None or ext is not None:
                    child_path += t
                    break
        else:
            value, ext = _children_of(res, key)
            if key == "extension":
                child_path = "Extension"
            elif key == "length" and value is None and not isinstance(data, abc.Mapping):
                value = len(data) if hasattr(data, "__len__") else None
        if to_type is not None:
            child_path = to_type.get(child_path, child_path)
        if isinstance(value, list) or isinstance(ext, list):
            values = value if isinstance(value, list) else []
            exts = ext if isinstance(ext, list) else []
            for i in range(max(len(values), len(exts))):
                v = values[i] if i < len(values) else None
                e = exts[i] if i < len(exts) else None
                if v is None and e is None:
                    continue
                acc.append(_node(v, e, child_path, f"{full_path}[{i}]", i))
        elif value is not None or ext is not None:
            acc.append(_node(value, ext, child_path, full_path, None))
        return acc

    return func


def _node(value: Any, ext: Any, path: str, prop: str, index: int | None) -> nodes.ResourceNode:
    if value is None:
        return nodes.ResourceNode.create_node(ext, path, propName=prop, index=index)
    keep = ext if type(ext) is dict or (ext is not None and isinstance(ext, abc.Mapping)) else None
    return nodes.ResourceNode(value, path, keep, prop, index)


def member(parent: Any, key: str, reducer: Any) -> list:
    """`.key` on a collection: the resources of type `key` when it is capitalised and the items
    are resources, else each item's `key` children through `reducer` (member_reducer's)."""
    if not isinstance(parent, list):
        return []
    if util.is_capitalized(key):
        try:
            return [nodes.ResourceNode.create_node(x, key) for x in parent if x["resourceType"] == key]
        except (TypeError, KeyError):
            pass
    return list(reduce(reducer, parent, []))


def _member_invocation(ctx: dict, parent: Any, node: dict) -> list:
    key = _engine.do_eval(ctx, parent, node["children"][0])[0].replace("`", "")
    return member(parent, key, member_reducer(ctx["model"], key))


def _extension(ctx: dict, data: list, url: str) -> list:
    out = []
    for d in data:
        node = nodes.ResourceNode.create_node(d)
        exts, _ = _children_of(node, "extension")
        for e in exts or []:
            if isinstance(e, abc.Mapping) and e.get("url") == url:
                out.append(nodes.ResourceNode.create_node(e, "Extension"))
    return out


def where(ctx: dict, data: Any, expr: Any) -> list:
    """where(): each body evaluated once per item (fhirpathpy evaluates a non-empty one twice)."""
    if not isinstance(data, list):
        return []
    result = []
    for i, x in enumerate(data):
        ctx["$index"] = i
        found = expr(x)
        if found and found[0]:
            result.append(x)
    return util.flatten(result)


def _as(ctx: dict, coll: list, type_info: Any) -> list:
    """as(): keeps the items of the type (R4 usage applies it to collections; so does the HL7 engine)."""
    nodes.TypeInfo.model = ctx.get("model")
    return [v for v in coll if nodes.TypeInfo.from_value(v).is_(type_info)]


def _is(ctx: dict, coll: list, type_info: Any) -> Any:
    """is(): false for a collection of several items (as the HL7 engine answers), not an error."""
    nodes.TypeInfo.model = ctx.get("model")
    if not coll:
        return []
    return len(coll) == 1 and nodes.TypeInfo.from_value(coll[0]).is_(type_info)


_TIME_TYPES = {
    "date": nodes.FP_DateTime,
    "dateTime": nodes.FP_DateTime,
    "instant": nodes.FP_DateTime,
    "time": nodes.FP_Time,
}


def _typed(item: Any) -> Any:
    """Date/time element values as FHIRPath date/time values (for ordering)."""
    if not isinstance(item, nodes.ResourceNode):
        return item
    data = item.data
    cls = _TIME_TYPES.get(item.path or "")
    if cls is not None and isinstance(data, str):
        converted = nodes.FP_TimeBase.check_string(cls, data)
        return converted if converted is not None else item
    return item


_ORDERED: dict[tuple, Any] = {}  # (operator, operands as (class, text)) -> result
_ORDERED_LIMIT = 4096


def _ordering(fn: Any) -> Any:
    """An ordering operator on date/time values as moments. fhirpathpy parses both texts again
    (dateutil) on every comparison; the answer depends on the texts alone, and reports repeat
    the same period dates, so results are kept per pair of texts."""

    def compare(ctx: dict, a: list, b: list) -> Any:
        left, right = [_typed(x) for x in a], [_typed(x) for x in b]
        key = _time_key(fn, left, right)
        if key is None:
            return fn(ctx, left, right)
        if key not in _ORDERED:
            if len(_ORDERED) >= _ORDERED_LIMIT:
                _ORDERED.clear()
            _ORDERED[key] = fn(ctx, left, right)
        found = _ORDERED[key]
        return list(found) if isinstance(found, list) else found

    return compare


def _time_key(fn: Any, left: list, right: list) -> tuple | None:
    items = left + right
    if not all(type(x) in (nodes.FP_DateTime, nodes.FP_Time) and isinstance(x.asStr, str) for x in items):
        return None
    return (fn, len(left), tuple((type(x), x.asStr) for x in items))


def install() -> None:
    global _installed
    if _installed:
        return
    _EVALUATORS["MemberInvocation"] = _member_invocation
    _invocations["extension"] = {**_invocations["extension"], "fn": _extension}
    filtering.where_macro = where  # exists(criteria) calls it by this name
    _invocations["where"] = {**_invocations["where"], "fn": where}
    for name, fn in (("as", _as), ("asOp", _as), ("is", _is), ("isOp", _is)):
        if name in _invocations:
            _invocations[name] = {**_invocations[name], "fn": fn}
    for op in ("<", "<=", ">", ">="):
        _invocations[op] = {**_invocations[op], "fn": _ordering(_invocations[op]["fn"])}
    _installed = True
