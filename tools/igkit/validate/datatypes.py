"""Type-specific checks of single values: primitives (format, length, limits, fixed/pattern,
bindings, durations), a primitive's `_name` companion, Attachment and Quantity limits, and the
R5 mustHaveValue / valueAlternatives element properties used by R4 profiles."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from igkit.validate import bindings, fixed, primitives, values
from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode
from igkit.validate.values import as_list

if TYPE_CHECKING:
    from igkit.validate.walker import Frame, Item


MUST_HAVE_VALUE = (
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.mustHaveValue",
    "http://hl7.org/fhir/StructureDefinition/elementdefinition-mustHaveValue",
)


VALUE_ALTERNATIVES = (
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.valueAlternatives",
    "http://hl7.org/fhir/StructureDefinition/elementdefinition-valueAlternatives",
)


def value_alternatives(run: Run, node: ElementNode, item: Item) -> None:
    """A primitive without a value must carry one of the profile's valueAlternatives extensions."""
    allowed = [
        e.get("valueCanonical")
        for e in as_list(node.ed.get("extension"))
        if isinstance(e, dict) and e.get("url") in VALUE_ALTERNATIVES
    ]
    if not allowed:
        return
    present = {e.get("url") for e in as_list((item.ext or {}).get("extension")) if isinstance(e, dict)}
    if not present & set(allowed):
        run.report(
            "Type_Specific_Checks_DT_Primitive_ValueAlternatives",
            node.path,
            node.sd_url,
            ", ".join(str(a) for a in allowed),
            loc=item.loc,
        )


def must_have_value(node: ElementNode) -> bool:
    return any(
        isinstance(e, dict) and e.get("url") in MUST_HAVE_VALUE and e.get("valueBoolean") is True
        for e in as_list(node.ed.get("extension"))
    )


def primitive(run: Run, node: ElementNode, item: Item, frame: Frame) -> None:

    tcode = item.type_code
    value = item.value

    base = node.ed.get("base")
    max_length = node.ed.get("maxLength")
    pctx = primitives.PrimitiveContext(
        source_format=run.doc.format,
        has_extensions=item.ext is not None,
        base_path=str(base.get("path", "")) if isinstance(base, dict) else node.path,
        core_definition=node.sd_url.startswith("http://hl7.org/fhir/StructureDefinition/"),
        max_length=max_length if isinstance(max_length, int) else None,
    )
    key = ("primitive", item.loc.expr, tcode, pctx.max_length, pctx.core_definition, pctx.base_path)
    problems = primitives.check_primitive(tcode, value, None, pctx) if run.first_time(key) else []
    for p in problems:
        run.report_text(
            p.message_id,
            p.message,
            loc=item.loc,
            severity=p.severity,
            code=p.code,
        )
    if any(p.severity == "error" for p in problems):
        return
    for ext in as_list(node.ed.get("extension")):
        if (
            ext.get("url") == "http://hl7.org/fhir/StructureDefinition/minLength"
            and isinstance(value, str)
            and isinstance(ext.get("valueInteger"), int)
            and len(value) < ext["valueInteger"]
        ):
            run.report(
                "Type_Specific_Checks_DT_Primitive_MinLength", value, ext["valueInteger"], loc=item.loc
            )
    _min_max(run, node, tcode, value, item.loc)
    if isinstance(value, str) and tcode in ("date", "dateTime", "instant"):
        from igkit.validate import durations

        durations.check(run, node, value, item.loc)
    fixed.check(run, node, value, item.loc)
    if node.ed.get("binding") and tcode in ("code", "string", "uri", "url", "canonical"):
        bindings.check(run, node, value, tcode, item.loc)


def _min_max(run: Run, node: ElementNode, tcode: str, value: Any, loc: Loc) -> None:
    if not isinstance(value, (int, Decimal)) or isinstance(value, bool):
        return
    for prefix, mid_int, mid_dec, too in (
        ("minValue", "Type_Specific_Checks_DT_Integer_LT", "Type_Specific_Checks_DT_Decimal_LT", -1),
        ("maxValue", "Type_Specific_Checks_DT_Integer_GT", "Type_Specific_Checks_DT_Decimal_GT", 1),
    ):
        found = values.fixed_value(node.ed, prefix)
        if found is None or not isinstance(found[1], (int, Decimal)):
            continue
        limit = Decimal(found[1])
        if (Decimal(value) < limit and too < 0) or (Decimal(value) > limit and too > 0):
            run.report(mid_int if tcode != "decimal" else mid_dec, found[1], loc=loc)


def quantity_limits(run: Run, node: ElementNode, value: dict, loc: Loc) -> None:
    found = values.fixed_value(node.ed, "minValue")
    if not found or found[0] != "Quantity" or not isinstance(found[1], dict):
        return
    limit = found[1]
    if limit.get("value") is None or value.get("value") is None or limit.get("code") != value.get("code"):
        return
    if Decimal(value["value"]) < Decimal(limit["value"]):
        run.report(
            "Type_Specific_Checks_DT_Quantity_Min",
            values.render(value["value"]),
            values.render(limit["value"]),
            loc=loc,
        )


_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")


def attachment(run: Run, value: dict, loc: Loc) -> None:
    data, size = value.get("data"), value.get("size")
    if isinstance(data, str):
        bad = _BASE64.fullmatch(data) is None
        if bad:
            char = next(c for c in data if not (c.isascii() and (c.isalnum() or c in "+/=" or c.isspace())))
            run.report("Type_Specific_Checks_DT_Attachment_Base64", f"{ord(char):x}", loc=loc)
            return
    if isinstance(data, str) and isinstance(size, int) and not isinstance(size, bool):
        import base64
        import binascii

        try:
            actual = len(base64.b64decode(data, validate=False))
        except (binascii.Error, ValueError):
            return
        if actual != size:
            run.report("Type_Specific_Checks_DT_Attachment_Size", size, actual, loc=loc)


def primitive_extension(run: Run, item: Item, frame: Frame) -> None:
    ext = item.ext
    loc = Loc(
        item.loc.path[:-2] + ("_" + item.json_key, item.loc.path[-1])
        if isinstance(item.loc.path[-1], int)
        else item.loc.path[:-1] + ("_" + item.json_key,),
        item.loc.expr,
    )
    if not isinstance(ext, dict):
        if ext is not None:
            run.report("Json_Object_Expected", "_" + item.json_key, values.json_kind(ext), loc=loc)
        return
    holder = run.ctx.type_root(item.type_code) or run.ctx.type_root("Element")
    if (
        holder is not None
    ):  # the primitive type's own definition: id and extension (value is in the JSON value)
        from igkit.validate.walker import validate_children

        validate_children(run, holder, ext, loc, frame)
