"""The vital signs magic-code rule."""

from __future__ import annotations

from tests.validate.conftest import errors


def obs(*codings: dict) -> dict:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": list(codings)},
        "subject": {"reference": "Patient/1"},
        "effectiveDateTime": "2020-01-01",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                    }
                ]
            }
        ],
    }


def test_snomed_body_temperature_needs_the_loinc_code(check):
    result = check(obs({"system": "http://snomed.info/sct", "code": "276885007"}))
    assert errors(result) == ["VALIDATION_VAL_PROFILE_MAGIC_CODE"]
    assert any(
        i.message_id == "VALIDATION_VAL_PROFILE_SIGNPOST_OBS" and i.severity == "information"
        for i in result.issues
    )


def test_loinc_code_present_is_fine(check):
    result = check(
        obs(
            {"system": "http://snomed.info/sct", "code": "276885007"},
            {"system": "http://loinc.org", "code": "8310-5"},
        )
    )
    assert errors(result) == []
