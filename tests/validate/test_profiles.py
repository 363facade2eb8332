"""Profiles: cardinality, fixed and pattern values, slicing, meta.profile and --profile."""

from __future__ import annotations

from tests.validate.conftest import errors

BASE = "http://hl7.org/fhir/StructureDefinition/"


def profile(url: str, type_: str, *elements: dict) -> dict:
    return {
        "resourceType": "StructureDefinition",
        "url": url,
        "version": "0.1.0",
        "name": "P",
        "status": "draft",
        "kind": "resource",
        "abstract": False,
        "type": type_,
        "baseDefinition": BASE + type_,
        "derivation": "constraint",
        "differential": {"element": list(elements)},
    }


GENDER_FIXED = profile(
    "http://x.org/fixed",
    "Patient",
    {"id": "Patient.gender", "path": "Patient.gender", "min": 1, "fixedCode": "other"},
)


def test_profile_cardinality_and_fixed_value(check):
    patient = {"resourceType": "Patient", "meta": {"profile": ["http://x.org/fixed"]}, "gender": "male"}
    result = check(patient, GENDER_FIXED)
    assert errors(result) == ["_DT_Fixed_Wrong"]
    assert "is fixed to 'other'" in next(i.message for i in result.issues if i.is_error)
    missing = check({"resourceType": "Patient", "meta": {"profile": ["http://x.org/fixed"]}}, GENDER_FIXED)
    assert errors(missing) == ["Validation_VAL_Profile_Minimum"]


def test_profile_option_applies_without_meta(check):
    result = check(
        {"resourceType": "Patient", "gender": "male"}, GENDER_FIXED, profiles=("http://x.org/fixed",)
    )
    assert errors(result) == ["_DT_Fixed_Wrong"]


def test_unknown_requested_profile_is_an_error_and_declared_one_a_warning(check):
    asked = check({"resourceType": "Patient"}, profiles=("http://x.org/nothing",))
    assert errors(asked) == ["VALIDATION_VAL_PROFILE_UNKNOWN_ERROR"]
    declared = check({"resourceType": "Patient", "meta": {"profile": ["http://x.org/nothing"]}})
    assert errors(declared) == []
    assert any(i.message_id == "Validation_VAL_Profile_Unknown" for i in declared.issues)


def test_pattern_codeable_concept(check):
    p = profile(
        "http://x.org/pattern",
        "Observation",
        {
            "id": "Observation.code",
            "path": "Observation.code",
            "patternCodeableConcept": {"coding": [{"system": "http://loinc.org", "code": "8310-5"}]},
        },
    )
    good = {
        "resourceType": "Observation",
        "status": "final",
        "meta": {"profile": ["http://x.org/pattern"]},
        "code": {"coding": [{"system": "http://loinc.org", "code": "8310-5", "display": "Body temp"}]},
    }
    assert errors(check(good, p)) == []
    bad = dict(good, code={"coding": [{"system": "http://loinc.org", "code": "1234-5"}]})
    assert errors(check(bad, p)) == ["Pattern_Wrong"]


SLICED = profile(
    "http://x.org/sliced",
    "Patient",
    {
        "id": "Patient.identifier",
        "path": "Patient.identifier",
        "slicing": {"discriminator": [{"type": "value", "path": "system"}], "rules": "closed"},
    },
    {"id": "Patient.identifier:mrn", "path": "Patient.identifier", "sliceName": "mrn", "min": 1, "max": "1"},
    {
        "id": "Patient.identifier:mrn.system",
        "path": "Patient.identifier.system",
        "min": 1,
        "fixedUri": "http://x.org/mrn",
    },
)


def test_slicing_by_value_counts_and_closed_rules(check):
    def patient(*systems: str) -> dict:
        return {
            "resourceType": "Patient",
            "meta": {"profile": ["http://x.org/sliced"]},
            "identifier": [{"system": s, "value": str(i)} for i, s in enumerate(systems)],
        }

    assert errors(check(patient("http://x.org/mrn"), SLICED)) == []
    assert errors(check(patient("http://x.org/mrn", "http://x.org/mrn"), SLICED)) == [
        "Validation_VAL_Profile_Maximum"
    ]
    assert sorted(errors(check(patient("http://other"), SLICED))) == [
        "Validation_VAL_Profile_Minimum_SLICE",
        "Validation_VAL_Profile_NotSlice",
    ]


def test_missing_required_slice_when_element_absent(check):
    result = check({"resourceType": "Patient", "meta": {"profile": ["http://x.org/sliced"]}}, SLICED)
    assert "Validation_VAL_Profile_Minimum_SLICE" in errors(result)


def test_choice_type_the_profile_does_not_allow(check):
    p = profile(
        "http://x.org/qty",
        "Observation",
        {"id": "Observation.value[x]", "path": "Observation.value[x]", "type": [{"code": "Quantity"}]},
    )
    obs = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"text": "x"},
        "valueString": "1",
        "meta": {"profile": ["http://x.org/qty"]},
    }
    result = check(obs, p)
    assert errors(result) == ["Extension_PROF_Type"]
    assert next(i for i in result.issues if i.is_error).expression == "Observation.value.ofType(string)"


def test_structure_definition_whose_snapshot_cannot_be_generated(check):
    sd = profile(
        "http://x.org/broken",
        "Observation",
        {"id": "Observation.valueBla", "path": "Observation.valueBla", "min": 1},
    )
    result = check(sd)
    assert any(i.is_error and i.message.startswith("Error generating Snapshot") for i in result.issues)


def test_type_slicing_on_profiled_resources_and_aggregation(check):
    enc = profile(
        "http://x.org/enc",
        "Encounter",
        {
            "id": "Encounter.subject",
            "path": "Encounter.subject",
            "type": [{"code": "Reference", "aggregation": ["bundled"]}],
        },
    )
    bundle_profile = profile(
        "http://x.org/bundle",
        "Bundle",
        {
            "id": "Bundle.entry",
            "path": "Bundle.entry",
            "slicing": {"discriminator": [{"type": "type", "path": "resource"}], "rules": "open"},
        },
        {"id": "Bundle.entry:enc", "path": "Bundle.entry", "sliceName": "enc", "min": 1},
        {
            "id": "Bundle.entry:enc.resource",
            "path": "Bundle.entry.resource",
            "type": [{"code": "Resource", "profile": ["http://x.org/enc"]}],
        },
    )
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "meta": {"profile": ["http://x.org/bundle"]},
        "entry": [
            {
                "fullUrl": "http://x.org/fhir/Encounter/1",
                "resource": {
                    "resourceType": "Encounter",
                    "id": "1",
                    "status": "planned",
                    "class": {"code": "AMB"},
                    "subject": {"reference": "Patient/1"},
                },
            }
        ],
    }
    result = check(bundle, enc, bundle_profile)
    assert errors(result) == ["Reference_REF_NotFound_Bundle"]
