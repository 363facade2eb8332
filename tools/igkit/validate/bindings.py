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
        run.report_text(
            check.message_id,
            check.message,
            loc=loc,
            severity=severity,
            code="code-invalid",
        )
    for extra in check.issues or ():
        run.report_text(
            extra.message_id,
            extra.message,
            loc=loc,
            severity=extra.severity,
            code="code-invalid",
        )


def _well_formed(coding: Any) -> bool:
    """A Coding the terminology part can take: code a string, system and version strings if present."""
    return (
        isinstance(coding, dict)
        and isinstance(coding.get("code"), str)
        and all(isinstance(coding.get(k), str) for k in ("system", "version", "display") if k in coding)
    )


ADDITIONAL_BINDING = (
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.binding.additional",
    "http://hl7.org/fhir/tools/StructureDefinition/additional-binding",
)


def check(run: Run, node: ElementNode, value: Any, type_code: str, loc: Loc) -> None:
    binding = node.ed.get("binding")
    if not isinstance(binding, dict):
        return
    strength = binding.get("strength")
    vs_url = binding.get("valueSet")
    if (
        strength in STRENGTH_IDS
        and isinstance(vs_url, str)
        and run.first_time(("binding", loc.expr, vs_url, strength, type_code))
    ):
        result = _validate(run, vs_url, strength, value, type_code)
        if strength == "required" and type_code == "code" and result is not None and result.valid is False:
            vs = run.ctx.defs.fetch(vs_url) or {}
            shown = f"{vs_url}|{vs['version']}" if vs.get("version") and "|" not in vs_url else vs_url
            run.report("UNABLE_TO_INFER_CODESYSTEM", value, shown, loc=loc)
        _report(run, result, loc, strength)
    for ext in binding.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") in ADDITIONAL_BINDING:
            _additional(run, ext, value, type_code, loc)


def _validate(run: Run, vs_url: str, strength: str, value: Any, type_code: str) -> Any:
    """The terminology part's answer for one value, or None when the value is not checkable."""
    term = run.ctx.terminology
    if type_code in ("code", "string", "uri", "url", "canonical"):
        return term.validate_code(vs_url, None, value, strength=strength) if isinstance(value, str) else None
    if type_code == "Coding":
        # malformed codings are reported by the structural checks
        return term.validate_coding(vs_url, value, strength=strength) if _well_formed(value) else None
    if type_code == "CodeableConcept":
        coding = value.get("coding")
        if not isinstance(coding, list) or not coding or not all(_well_formed(c) for c in coding):
            return None
        return term.validate_codeable_concept(vs_url, value, strength=strength)
    if type_code == "Quantity":
        coding = {k: value[k] for k in ("system", "code") if k in value}
        return term.validate_coding(vs_url, coding, strength=strength) if _well_formed(coding) else None
    return None


def _additional(run: Run, ext: dict, value: Any, type_code: str, loc: Loc) -> None:
    """An R5 additional binding (purpose required): the value must also be in that value set."""
    parts = {p.get("url"): p for p in ext.get("extension") or [] if isinstance(p, dict)}
    purpose = (parts.get("purpose") or {}).get("valueCode")
    vs_url = (parts.get("valueSet") or {}).get("valueCanonical")
    if purpose != "required" or not isinstance(vs_url, str):
        return
    result = _validate(run, vs_url, "required", value, type_code)
    if result is None or result.valid is not False:
        return
    vs = run.ctx.defs.fetch(vs_url) or {}
    title = vs.get("title") or vs.get("name") or vs_url
    shown = f"{vs_url}|{vs['version']}" if vs.get("version") else vs_url
    if isinstance(value, dict):
        codings = value.get("coding") if type_code == "CodeableConcept" else [value]
        codes = ", ".join(
            f"{c.get('system', '')}#{c.get('code', '')}" for c in codings or [] if isinstance(c, dict)
        )
    else:
        codes = str(value)
    run.report("Terminology_TX_NoValid_Additional", title, shown, codes, loc=loc)
