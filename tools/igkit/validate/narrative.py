"""Narrative: Narrative.div checked by `xhtml.check_narrative` (reported at the div), the
resource language against the narrative, and a profile's narrative-language-control."""

from __future__ import annotations

from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode

LANGUAGE_CONTROL = "http://hl7.org/fhir/StructureDefinition/narrative-language-control"


def check(
    run: Run,
    div: str,
    loc: Loc,
    frame: Any,
    narrative: ElementNode | None = None,
    narrative_loc: Loc | None = None,
) -> None:
    from igkit.validate import xhtml

    line, column = run.pos(loc)
    for issue in xhtml.check_narrative(div, security_checks=run.ctx.options.security_checks):
        run.sink.report_text(
            issue.message_id,
            issue.message,
            expression=loc.expr,
            position=(line, column),
            severity=issue.severity,
            code="invalid",
        )
    resource = frame.resource if isinstance(frame.resource, dict) else {}
    language = resource.get("language") if isinstance(resource.get("language"), str) else None
    for issue in xhtml.check_narrative_language(div, language):
        run.report_text(
            issue.message_id,
            issue.message,
            loc=frame.loc,
            severity=issue.severity,
            code="business-rule",
        )
    if narrative is not None:
        _language_control(run, div, narrative, narrative_loc or loc, language)


def language_sections(div: str) -> list[str] | None:
    """The languages of the div's top-level sections (child divs with lang / xml:lang)."""
    from igkit.validate import xhtml

    try:
        root = xhtml.parse_div(div)
    except xhtml.XhtmlSyntaxError:  # malformed narrative is reported by check_narrative
        return None
    langs = []
    for child in root.elements():
        lang = child.attrs.get("xml:lang") or child.attrs.get("lang")
        if isinstance(lang, str) and lang:
            langs.append(lang)
    return langs


def _language_control(run: Run, div: str, node: ElementNode, loc: Loc, language: str | None) -> None:
    control = next(
        (
            e.get("valueCode")
            for e in node.ed.get("extension") or []
            if isinstance(e, dict) and e.get("url") == LANGUAGE_CONTROL
        ),
        None,
    )
    if control not in ("_yes", "_no", "_resource"):
        return
    langs = language_sections(div)
    if langs is None:
        return
    profile = f"StructureDefinition[{node.sd_url}]"
    found = ", ".join(sorted(langs))
    if control == "_yes" and not langs:
        run.report("XHTML_LANGUAGE_SECTIONS_REQUIRED", profile, loc=loc)
    elif control == "_no" and langs:
        run.report("XHTML_LANGUAGE_SECTIONS_PROHIBITED", found, profile, loc=loc)
    elif control == "_resource" and language and langs and language not in langs:
        run.report("XHTML_LANGUAGE_SECTION_RESOURCE_MISSING", profile, language, found, loc=loc)
