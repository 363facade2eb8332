"""Type-specific checks of single values: primitives (format, length, limits, fixed/pattern,
bindings, durations), a primitive's `_name` companion, Attachment and Quantity limits, and the
R5 mustHaveValue / valueAlternatives element properties used by R4 profiles."""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _PrimitiveFacts:
    """What an element definition says about its primitive values (read once per element)."""

    base_path: str
    core_definition: bool
    max_length: int | None
    min_length: int | None
    limits: tuple[tuple[tuple[str, str], Any, int], ...]  # (message ids: integer, decimal; limit; direction)
    has_binding: bool


def _facts(node: ElementNode) -> _PrimitiveFacts:
    facts = node.__dict__.get("_primitive_facts")
    if facts is None:
        ed = node.ed
        base = ed.get("base")
        max_length = ed.get("maxLength")
        min_length = next(
            (
                e["valueInteger"]
                for e in as_list(ed.get("extension"))
                if isinstance(e, dict)
                and e.get("url") == "http://hl7.org/fhir/StructureDefinition/minLength"
                and isinstance(e.get("valueInteger"), int)
            ),
            None,
        )
        limits: list[tuple[tuple[str, str], Any, int]] = []
        for prefix, ids, too in (
            ("minValue", ("Type_Specific_Checks_DT_Integer_LT", "Type_Specific_Checks_DT_Decimal_LT"), -1),
            ("maxValue", ("Type_Specific_Checks_DT_Integer_GT", "Type_Specific_Checks_DT_Decimal_GT"), 1),
        ):
            found = values.fixed_value(ed, prefix)
            if found is not None and isinstance(found[1], (int, Decimal)):
                limits.append((ids, found[1], too))
        facts = node.__dict__["_primitive_facts"] = _PrimitiveFacts(
            base_path=str(base.get("path", "")) if isinstance(base, dict) else node.path,
            core_definition=node.sd_url.startswith("http://hl7.org/fhir/StructureDefinition/"),
            max_length=max_length if isinstance(max_length, int) else None,
            min_length=min_length,
            limits=tuple(limits),
            has_binding=bool(ed.get("binding")),
        )
    return facts


def primitive(run: Run, node: ElementNode, item: Item, frame: Frame) -> None:
    tcode = item.type_code
    value = item.value
    facts = _facts(node)
    key = ("primitive", item.loc.expr, tcode, facts.max_length, facts.core_definition, facts.base_path)
    problems = []
    if run.first_time(key):
        pctx = primitives.PrimitiveContext(
            source_format=run.doc.format,
            has_extensions=item.ext is not None,
            base_path=facts.base_path,
            core_definition=facts.core_definition,
            max_length=facts.max_length,
        )
        problems = primitives.check_primitive(tcode, value, None, pctx)
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
    if facts.min_length is not None and isinstance(value, str) and len(value) < facts.min_length:
        run.report("Type_Specific_Checks_DT_Primitive_MinLength", value, facts.min_length, loc=item.loc)
    if facts.limits and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        for ids, limit, too in facts.limits:
            if (Decimal(value) < Decimal(limit) and too < 0) or (Decimal(value) > Decimal(limit) and too > 0):
                run.report(ids[0] if tcode != "decimal" else ids[1], limit, loc=item.loc)
    if isinstance(value, str) and tcode in ("date", "dateTime", "instant"):
        from igkit.validate import durations

        durations.check(run, node, value, item.loc)
    fixed.check(run, node, value, item.loc)
    if facts.has_binding and tcode in ("code", "string", "uri", "url", "canonical"):
        bindings.check(run, node, value, tcode, item.loc)


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
