"""Bindings: a coded value against the value set its element is bound to.

Required bindings give an error when the code is not in a value set that can be expanded
offline; extensible a warning; preferred an information. Codes from systems that cannot be
checked offline (SNOMED CT, LOINC, ...) give a warning, never an error. The value set work
itself (expansion, membership) is `terminology.Terminology`'s; this module only turns its
answers into issues.
"""

from __future__ import annotations

from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode

STRENGTH_IDS = {
    "required": ("Terminology_TX_NoValid_16", "Terminology_TX_NoValid_1_CC"),
    "extensible": ("Terminology_TX_NoValid_17", "Terminology_TX_NoValid_2_CC"),
    "preferred": ("Terminology_TX_NoValid_18", "Terminology_TX_NoValid_3_CC"),
}


def make_terminology(defs: Any) -> Any:
    from igkit.validate import terminology

    return terminology.Terminology(defs)


def _report(run: Run, check: Any, loc: Loc, strength: str) -> None:
    if check is None:
        return
    if check.valid is not True and check.message:
        severity = check.severity or (
            "error" if strength == "required" and check.valid is False else "warning"
        )
        if check.valid is None and severity == "error":
            severity = "warning"  # not decidable offline: never an error
        run.sink.report_text(
            check.message_id,
            check.message,
            expression=loc.expr,
            position=run.pos(loc),
            severity=severity,
            code="code-invalid",
        )
    for extra in check.issues or ():
        run.sink.report_text(
            extra.message_id,
            extra.message,
            expression=loc.expr,
            position=run.pos(loc),
            severity=extra.severity,
            code="code-invalid",
        )


def check(run: Run, node: ElementNode, value: Any, type_code: str, loc: Loc) -> None:
    binding = node.ed.get("binding")
    if not isinstance(binding, dict):
        return
    strength = binding.get("strength")
    vs_url = binding.get("valueSet")
    if strength not in STRENGTH_IDS or not isinstance(vs_url, str):
        return
    term = run.ctx.terminology
    if type_code in ("code", "string", "uri", "url", "canonical"):
        if not isinstance(value, str):
            return
        result = term.validate_code(vs_url, None, value, strength=strength)
    elif type_code == "Coding":
        if not isinstance(value.get("code"), str):
            return
        result = term.validate_coding(vs_url, value, strength=strength)
    elif type_code == "CodeableConcept":
        if not value.get("coding"):
            return
        result = term.validate_codeable_concept(vs_url, value, strength=strength)
    elif type_code == "Quantity":
        if not isinstance(value.get("code"), str):
            return
        coding = {k: value[k] for k in ("system", "code") if k in value}
        result = term.validate_coding(vs_url, coding, strength=strength)
    else:
        return
    _report(run, result, loc, strength)
