"""The element walker: properties, JSON shape, cardinality, choice types, primitives."""

from __future__ import annotations

from tests.validate.conftest import errors, messages


def test_valid_patient_has_no_errors(check):
    result = check(
        {
            "resourceType": "Patient",
            "id": "p1",
            "active": True,
            "name": [{"family": "Chalmers"}],
            "birthDate": "1974-12-25",
        }
    )
    assert errors(result) == []


def test_unknown_property_is_an_error_at_its_location(check):
    result = check({"resourceType": "Patient", "colour": "blue"})
    issue = next(i for i in result.issues if i.message_id == "Unrecognised_property")
    assert issue.severity == "error"
    assert issue.expression == "Patient.colour"
    assert issue.line == 3  # the JSON position of the property


def test_array_expected_and_single_value_expected(check):
    result = check({"resourceType": "Patient", "name": {"family": "x"}, "gender": ["male"]})
    assert "Json_Array_Expected" in errors(result)
    assert "Json_Array_Not_Expected" in errors(result)


def test_empty_array_is_an_error(check):
    result = check(
        {
            "resourceType": "DocumentReference",
            "status": "current",
            "category": [{"coding": []}],
            "content": [{"attachment": {"contentType": "text/plain"}}],
        }
    )
    assert errors(result) == ["Array_Cannot_Be_Empty"]
    issue = next(i for i in result.issues if i.is_error)
    assert issue.expression == "DocumentReference.category[0].coding"


def test_minimum_cardinality_names_the_definition(check):
    result = check({"resourceType": "Observation", "status": "final"})
    text = [m for m in messages(result) if "Validation_VAL_Profile_Minimum" in m]
    expected = (
        "error|Validation_VAL_Profile_Minimum|Observation|Observation.code: minimum required = 1, "
        "but only found 0 (from http://hl7.org/fhir/StructureDefinition/Observation|4.0.1)"
    )
    assert text == [expected]


def test_choice_type_suffix_must_be_an_allowed_type(check):
    ok = check(
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": "x"},
            "valueQuantity": {"value": 1},
        }
    )
    assert errors(ok) == []
    bad = check(
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": "x"},
            "valueAddress": {"city": "x"},
        }
    )
    assert errors(bad) == ["Unrecognised_property"]


def test_primitive_format_is_checked(check):
    result = check({"resourceType": "Patient", "birthDate": "not a date"})
    assert len(errors(result)) == 1
    assert result.issues[0].expression == "Patient.birthDate" or any(
        i.expression == "Patient.birthDate" for i in result.issues if i.is_error
    )


def test_primitive_extension_and_element_without_value(check):
    good = check(
        {
            "resourceType": "Patient",
            "_birthDate": {
                "extension": [
                    {
                        "url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
                        "valueCode": "unknown",
                    }
                ]
            },
        }
    )
    assert errors(good) == []
    bad = check({"resourceType": "Patient", "_birthDate": {"id": "x"}})
    assert any("ele-1" in i.message for i in bad.issues if i.is_error)


def test_resource_id_characters(check):
    result = check({"resourceType": "Location", "id": "/foobar=="})
    assert errors(result) == ["Resource_RES_ID_Malformed_Chars"]


def test_unknown_resource_type(check):
    result = check({"resourceType": "Pateint"})
    assert errors(result) == ["Unknown_Resource_Type"]


def test_parse_failure_is_one_fatal_issue(check):
    result = check(b"{ not json")
    assert [i.severity for i in result.issues] == ["fatal"]


def test_invariant_failure_is_reported(check):
    result = check({"resourceType": "Patient", "contact": [{"gender": "male"}]})
    assert any(i.message.startswith("Constraint failed: pat-1") for i in result.issues if i.is_error)


def test_xml_input(check):
    xml = (
        '<Patient xmlns="http://hl7.org/fhir"><id value="x"/><gender value="male"/>'
        '<birthDate value="1999-02-30"/></Patient>'
    )
    result = check(xml, xml=True)
    assert len(errors(result)) == 1


def test_required_binding_on_a_code(check):
    result = check({"resourceType": "Patient", "gender": "invalid"})
    assert sorted(errors(result)) == ["Terminology_TX_NoValid_16", "UNABLE_TO_INFER_CODESYSTEM"]
    assert errors(check({"resourceType": "Patient", "gender": "female"})) == []
