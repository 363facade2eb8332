"""Invariants: the FHIRPath constraints of each element definition.

Every constraint with an expression is evaluated by the FHIRPath engine
(`fhirpath.InvariantEngine`), except a few that the HL7 validator itself checks natively
(ele-1, ref-1, dom-3: see NATIVE). ext-1 is the extension checker's. A constraint that
cannot be evaluated (an unsupported function, say) is skipped rather than reported.
"""

from __future__ import annotations

import re
from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode
from igkit.validate.values import as_list

BEST_PRACTICE = "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice"


def make_engine(defs: Any, terminology: Any) -> Any:
    from igkit.validate import fhirpath

    engine = fhirpath.InvariantEngine(defs, terminology)
    table = getattr(engine, "_table", None)
    if isinstance(table, dict):
        # The HL7 engine's string tests on an empty input are false, not empty: ref-1 passes for a
        # Reference with only a display, bdl-8 for an entry without a fullUrl.
        for name, test in (
            ("startsWith", str.startswith),
            ("endsWith", str.endswith),
            ("contains", str.__contains__),
        ):
            table[name] = {"fn": _string_test(test), "arity": {1: ["String"]}}
    return engine


def _string_test(test: Any) -> Any:
    def fn(inputs: list, arg: Any) -> list:
        if not inputs:
            return [False]
        value = getattr(inputs[0], "data", inputs[0])
        if len(inputs) != 1 or not isinstance(value, str) or not isinstance(arg, str):
            return []
        return [bool(test(value, arg))]

    return fn


def check_element(
    run: Run,
    node: ElementNode,
    value: Any,
    loc: Loc,
    frame: Any,
    type_code: str,
    primitive_extension: Any = None,
) -> None:
    constraints = node.constraints
    if not constraints:
        return
    for con in constraints:
        key = con["key"]
        native = NATIVE.get(key)
        once = ("constraint", loc.expr, key)  # a profile repeats its base's invariants: evaluated once
        if native is not None:
            # cheap and pure: evaluated every time; only a failure is recorded (and reported once)
            failed = native(value, frame, primitive_extension) is False and run.first_time(once)
        else:
            failed = run.first_time(once) and (
                _evaluate(run, con["expression"], value, frame, type_code, key, primitive_extension) is False
            )
        if not failed:
            continue
        best_practice = any(
            isinstance(e, dict) and e.get("url") == BEST_PRACTICE and e.get("valueBoolean") is True
            for e in as_list(con.get("extension"))
        )
        severity = "warning" if best_practice or con.get("severity") == "warning" else "error"
        suffix = ""
        source = con.get("source")
        if isinstance(source, str) and source and not source.endswith("/" + node.path.split(".")[0]):
            suffix = f" (defined in {source})"
        if best_practice:
            suffix += " (Best Practice Recommendation)"
        run.report("Inv_Failed", key, con.get("human", ""), suffix, loc=loc, severity=severity)


def _ele_1(value: Any, frame: Any, ext: Any = None) -> bool | None:
    """ele-1: a value or children other than id (a property holding an empty array counts as
    present: the empty array is reported on its own, as the HL7 validator does)."""
    if isinstance(value, dict):
        return any(k != "id" for k in value)
    if value is not None and not isinstance(value, list):
        return True
    return isinstance(ext, dict) and any(k != "id" for k in ext)


def _ref_1(value: Any, frame: Any, ext: Any = None) -> bool | None:
    """ref-1: a local reference points to a contained resource ('#' alone: the container)."""
    ref = value.get("reference") if isinstance(value, dict) else None
    if not isinstance(ref, str) or not ref.startswith("#"):
        return True
    if ref == "#":
        return bool(getattr(frame, "contained", False))
    root = frame.root if isinstance(frame.root, dict) else {}
    return any(isinstance(c, dict) and c.get("id") == ref[1:] for c in as_list(root.get("contained")))


def _strings(value: Any, out: set[str], skip: Any = None) -> None:
    if value is skip:
        return
    if isinstance(value, str):
        if value.startswith("#"):
            out.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out, skip)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out, skip)


_LOCAL_LINK = re.compile(r"""(?:href|src)\s*=\s*["'](#[^"']+)["']""")


def _dom_3(value: Any, frame: Any, ext: Any = None) -> bool | None:
    """dom-3: every contained resource is referenced from the rest of the resource (references,
    canonicals and uris '#id', narrative links) or refers to its container ('#')."""
    if not isinstance(value, dict):
        return True
    items = value.get("contained")
    contained = [c for c in items if isinstance(c, dict)] if isinstance(items, list) else []
    if not contained:
        return True
    local: set[str] = set()
    for k, v in value.items():
        if k != "contained":
            _strings(v, local)
    for c in contained:
        inner: set[str] = set()
        _strings(c, inner)
        local |= {r for r in inner if r != "#" + str(c.get("id"))}
    for k, v in value.items():  # narrative links (<a href="#id">, <img src="#id">)
        if isinstance(v, dict) and isinstance(v.get("div"), str):
            local.update(_LOCAL_LINK.findall(v["div"]))
    for part in _all_divs(value):
        local.update(_LOCAL_LINK.findall(part))
    for c in contained:
        refs_container: set[str] = set()
        _strings(c, refs_container)
        if "#" + str(c.get("id")) not in local and "#" not in refs_container:
            return False
    return True


def _all_divs(value: Any) -> list[str]:
    found: list[str] = []
    todo = [value]
    while todo:
        v = todo.pop()
        if isinstance(v, dict):
            div = v.get("div")
            if isinstance(div, str):
                found.append(div)
            todo.extend(x for k, x in v.items() if k != "contained")
        elif isinstance(v, list):
            todo.extend(v)
    return found


NATIVE = {"ele-1": _ele_1, "ref-1": _ref_1, "dom-3": _dom_3}


def _evaluate(
    run: Run, expression: str, value: Any, frame: Any, type_code: str, key: str, primitive_extension: Any
) -> bool | None:
    """True / False, or None when the engine cannot evaluate the expression."""
    engine = run.ctx.fhirpath
    bundle = run.bundle_stack[-1].bundle if run.bundle_stack else None
    result = engine.check(
        expression,
        value,
        resource=frame.resource,
        root_resource=frame.root,
        bundle=bundle,
        type_name=type_code or None,
        key=key,
        primitive_extension=primitive_extension if isinstance(primitive_extension, dict) else None,
    )
    if result.error:
        return None
    return bool(result.passed)
