"""Extensions: resolved by URL, then checked for context, modifier flag, value type and content.

Unknown extensions follow the HL7 validator: an error ("could not be found so is not
allowed here") unless the URL is in a domain that is always allowed; relative URLs are
only allowed for the parts of a complex extension.
"""

from __future__ import annotations

import re
from typing import Any

from igkit.validate import values
from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode
from igkit.validate.values import as_list

ALWAYS_ALLOWED = ("http://hl7.org/fhir/tools/StructureDefinition/",)
ALWAYS_ALLOWED_EXACT = ("http://hl7.org/fhir/StructureDefinition/structuredefinition-expression",)
_INDEX = re.compile(r"\[[^\]]*\]|/\*.*?\*/|\.ofType\([^)]*\)")
# Context corrections the HL7 validator applies to published definitions (its fixContexts).
CONTEXT_FIXES: dict[str, tuple[int, str]] = {
    "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type": (0, "ElementDefinition.type"),
    "http://hl7.org/fhir/StructureDefinition/regex": (1, "ElementDefinition.type"),
    "http://hl7.org/fhir/StructureDefinition/structuredefinition-normative-version": (0, "Element"),
    "http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation": (0, "Element"),
    "http://hl7.org/fhir/StructureDefinition/capabilitystatement-prohibited": (0, "Element"),
}
# R5 abstract types that extension definitions (the extensions pack) use as contexts.
ABSTRACT_CONTEXTS = ("CanonicalResource", "MetadataResource")


def allow_unknown(url: str) -> bool:
    return (
        "example.org" in url
        or "acme.com" in url
        or "nema.org" in url
        or url.startswith(ALWAYS_ALLOWED)
        or url in ALWAYS_ALLOWED_EXACT
    )


def check(run: Run, node: ElementNode, value: dict, loc: Loc, frame: Any) -> ElementNode | None:
    """Check one extension; return the node to validate its content against (None: stop)."""
    url = value.get("url")
    if not isinstance(url, str):
        return run.ctx.type_root("Extension")
    nested = _parent_is_extension(loc, run)
    if ":" not in url:
        if nested:
            return run.ctx.type_root("Extension")  # a part of a complex extension: checked by slicing
        run.report("Extension_EXT_Url_Absolute", loc=loc)
        return run.ctx.type_root("Extension")
    root = run.ctx.profile_root(url)
    if root is not None and not run.first_time(("extension", loc.expr, url, node.name)):
        return root if _value_type_ok(root, value) else None  # already checked in an earlier pass
    if root is None:
        if not allow_unknown(url):
            run.report("Extension_EXT_Unknown_NotHere", url, loc=loc)
        return run.ctx.type_root("Extension")
    is_modifier_use = node.name == "modifierExtension"
    defined_modifier = bool(root.ed.get("isModifier"))
    if is_modifier_use and not defined_modifier:
        run.report("Extension_EXT_Modifier_MismatchY", loc=loc)
    elif not is_modifier_use and defined_modifier:
        run.report("Extension_EXT_Modifier_MismatchN", loc=loc)
    _check_context(run, url, loc, frame, node.path.rsplit(".", 1)[0] if "." in node.path else "")
    has_value = any(k.startswith("value") for k in value)
    has_ext = bool(value.get("extension"))
    if has_value and has_ext:
        run.report(
            "Inv_Failed",
            "ext-1",
            "Must have either extensions or value[x], not both",
            " (defined in http://hl7.org/fhir/StructureDefinition/Extension)",
            loc=loc,
        )
    allowed = _allowed_types(root)
    actual = next((k[5:] for k in value if k.startswith("value") and len(k) > 5), None)
    if actual is not None:
        codes = {values.choice_suffix(a) for a in allowed}
        if actual not in codes:
            shown = (
                actual[:1].lower() + actual[1:]
                if values.is_primitive(actual[:1].lower() + actual[1:])
                else actual
            )
            run.report("Extension_EXT_Type", url, "[" + ", ".join(sorted(allowed)) + "]", shown, loc=loc)
            return None
    return root


def _value_type_ok(root: ElementNode, value: dict) -> bool:
    actual = next((k[5:] for k in value if k.startswith("value") and len(k) > 5), None)
    return actual is None or actual in {values.choice_suffix(a) for a in _allowed_types(root)}


def _allowed_types(root: ElementNode) -> list[str]:
    for child in root.children:
        if child.path.startswith("Extension.value"):
            if child.max == "0":
                return []
            return child.type_codes
    return []


def _parent_is_extension(loc: Loc, run: Run) -> bool:
    """.../extension/<i>/extension/<j>: the object holding this extension is itself an extension."""
    path = loc.path
    kinds = ("extension", "modifierExtension")
    return len(path) >= 4 and path[-2] in kinds and path[-4] in kinds


def _strip(expr: str) -> str:
    return _INDEX.sub("", expr)


def _check_context(run: Run, url: str, loc: Loc, frame: Any, defined_at: str = "") -> None:
    sd = run.ctx.defs.fetch(url)
    contexts = [dict(c) for c in as_list((sd or {}).get("context")) if isinstance(c, dict)]
    if not contexts:
        return
    fix = CONTEXT_FIXES.get(url)
    if fix is not None and fix[0] < len(contexts):
        contexts[fix[0]]["expression"] = fix[1]
    container_expr = loc.expr.rsplit(".", 1)[0] if "." in loc.expr else loc.expr
    literal = _strip(container_expr)
    rtype = frame.resource.get("resourceType", "") if isinstance(frame.resource, dict) else ""
    frame_expr = _strip(frame.loc.expr)
    if literal == frame_expr:
        logical = rtype
    elif literal.startswith(frame_expr + "."):
        logical = rtype + literal[len(frame_expr) :]
    else:
        logical = literal
    container_type = _element_type(run, logical) if "." in logical else logical
    is_resource = logical == rtype
    plist = [literal, logical] + ([container_type] if container_type else [])
    if defined_at and defined_at not in plist:
        plist.append(defined_at)  # the definition's path (a contentReference target, a datatype)
    parts = logical.split(".")
    for i in range(1, len(parts) - 0):
        if i == len(parts):
            break
        t = _element_type(run, ".".join(parts[:i])) if i > 1 else ""
        if t and i < len(parts):
            plist.append(t + "." + ".".join(parts[i:]))
    shown: list[str] = []
    for ctx in contexts:
        kind, expression = ctx.get("type"), ctx.get("expression")
        if not isinstance(expression, str):
            continue
        if kind == "element":
            shown.append("e:" + expression)
            if expression in ("Element", "Any") or (expression == "Resource" and is_resource):
                return
            if expression in ABSTRACT_CONTEXTS and is_resource and _is_canonical(rtype):
                return
            for p in plist:
                if _matches(run, p, expression):
                    return
        elif kind == "extension":
            shown.append("x:" + expression)
            if expression in _parent_extension_url(run, loc):
                return
        elif kind == "fhirpath":
            shown.append("p:" + expression)
            verdict = _fhirpath_context(run, expression, loc, frame)
            if verdict is not False:
                return
        else:
            return
    container = Loc(loc.path[:-2], container_expr) if len(loc.path) >= 2 else loc
    run.report(
        "Extension_EXT_Context_Wrong", url, ",".join(shown), ", ".join(dict.fromkeys(plist)), loc=container
    )


def _is_canonical(rtype: str) -> bool:
    from igkit.validate.definitions import CANONICAL_TYPES

    return rtype in CANONICAL_TYPES


def _fhirpath_context(run: Run, expression: str, loc: Loc, frame: Any) -> bool | None:
    """Is the extension's container among the results of the context expression? (None: unknown)."""
    container: Any = run.doc.data
    for key in loc.path[:-2]:
        try:
            container = container[key]
        except (KeyError, IndexError, TypeError):
            return None
    rtype = frame.resource.get("resourceType") if isinstance(frame.resource, dict) else None
    if isinstance(rtype, str) and expression.startswith(rtype + "."):
        expression = expression[len(rtype) + 1 :]  # evaluated on the resource itself
    try:
        found = run.ctx.fhirpath.evaluate(
            expression, frame.resource, resource=frame.resource, root_resource=frame.root
        )
    except Exception:  # noqa: BLE001 - an expression the engine cannot evaluate: do not blame the instance
        return None
    return any(values.equal(getattr(r, "data", r), container) for r in found)


def _matches(run: Run, p: str, expression: str) -> bool:
    if p == expression:
        return True
    head, _, tail = p.partition(".")
    suffix = "." + tail if tail else ""
    sd = run.ctx.defs.structure_for_type(head)
    seen = 0
    while sd is not None and seen < 10:
        if str(sd.get("type", "")) + suffix == expression:
            return True
        base = sd.get("baseDefinition")
        sd = run.ctx.defs.fetch(base) if isinstance(base, str) else None
        seen += 1
    return False


def _element_type(run: Run, logical: str) -> str:
    """The type of the element at a logical path (`Patient.address` -> `Address`)."""
    parts = logical.split(".")
    node = run.ctx.type_root(parts[0])
    for name in parts[1:]:
        if node is None:
            return ""
        child = node.child(name)
        if child is None:
            child = next((c for c in node.children if c.is_choice and name.startswith(c.name[:-3])), None)
            if child is None:
                return ""
            t = values.choice_type(child.name[:-3], name, child.type_codes)
            if name is parts[-1]:
                return t or ""
        if name is parts[-1]:
            codes = child.type_codes
            return codes[0] if len(codes) == 1 else ""
        if child.children:
            node = child
        else:
            codes = child.type_codes
            node = run.ctx.type_root(codes[0]) if len(codes) == 1 else None
    return ""


def _parent_extension_url(run: Run, loc: Loc) -> set[str]:
    """The URLs of the Extension that holds this extension: the container itself (a part of a
    complex extension) or the container's parent (an extension on an extension's value)."""
    path = loc.path
    found: set[str] = set()
    for cut in (2, 3, 4):
        if len(path) < cut:
            break
        data: Any = run.doc.data
        for key in path[:-cut]:
            try:
                data = data[key]
            except (KeyError, IndexError, TypeError):
                data = None
                break
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            found.add(data["url"])
    return found
