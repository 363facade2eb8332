"""Narrative checks wired into the walker: XHTML problems and the narrative-language-control
extension of a profile."""

from __future__ import annotations

from igkit.validate.narrative import language_sections
from tests.validate.conftest import errors, patient_profile

DIV_TWO = (
    '<div xmlns="http://www.w3.org/1999/xhtml"><div lang="pt" xml:lang="pt">a</div>'
    '<div lang="de" xml:lang="de">b</div></div>'
)
DIV_NONE = '<div xmlns="http://www.w3.org/1999/xhtml"><p>text</p></div>'


def test_language_sections():
    assert language_sections(DIV_TWO) == ["pt", "de"]
    assert language_sections(DIV_NONE) == []


def control_profile(code: str) -> dict:
    control = {"url": "http://hl7.org/fhir/StructureDefinition/narrative-language-control", "valueCode": code}
    return patient_profile(f"http://x.org/lang{code}", "L", "Patient.text", extension=[control])


def patient(div: str, code: str) -> dict:
    return {
        "resourceType": "Patient",
        "language": "en",
        "meta": {"profile": [f"http://x.org/lang{code}"]},
        "text": {"status": "generated", "div": div},
    }


def test_language_control(check):
    assert errors(check(patient(DIV_NONE, "_yes"), control_profile("_yes"))) == [
        "XHTML_LANGUAGE_SECTIONS_REQUIRED"
    ]
    assert errors(check(patient(DIV_TWO, "_no"), control_profile("_no"))) == [
        "XHTML_LANGUAGE_SECTIONS_PROHIBITED"
    ]
    assert errors(check(patient(DIV_TWO, "_resource"), control_profile("_resource"))) == [
        "XHTML_LANGUAGE_SECTION_RESOURCE_MISSING"
    ]
    assert errors(check(patient(DIV_NONE, "_no"), control_profile("_no"))) == []


def test_bad_xhtml_is_reported_at_the_div(check):
    result = check(
        {
            "resourceType": "Patient",
            "text": {
                "status": "generated",
                "div": '<div xmlns="http://www.w3.org/1999/xhtml"><script>x</script></div>',
            },
        }
    )
    bad = [i for i in result.issues if i.is_error]
    assert bad and all(i.expression == "Patient.text.div" for i in bad)
