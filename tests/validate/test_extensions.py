"""Extensions: resolution by URL, unknown ones, context, value type, modifier flag."""

from __future__ import annotations

from tests.validate.conftest import errors


def ext_def(url: str, contexts: list[dict], value_types: list[str], modifier: bool = False) -> dict:
    return {
        "resourceType": "StructureDefinition",
        "url": url,
        "name": "E",
        "status": "draft",
        "kind": "complex-type",
        "abstract": False,
        "context": contexts,
        "type": "Extension",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
        "derivation": "constraint",
        "differential": {
            "element": [
                {"id": "Extension", "path": "Extension", "isModifier": modifier},
                {"id": "Extension.extension", "path": "Extension.extension", "max": "0"},
                {"id": "Extension.url", "path": "Extension.url", "fixedUri": url},
                {
                    "id": "Extension.value[x]",
                    "path": "Extension.value[x]",
                    "min": 1,
                    "type": [{"code": t} for t in value_types],
                },
            ]
        },
    }


ON_PATIENT = ext_def("http://x.org/ext", [{"type": "element", "expression": "Patient"}], ["boolean"])


def test_known_extension_in_context(check):
    result = check(
        {"resourceType": "Patient", "extension": [{"url": "http://x.org/ext", "valueBoolean": True}]},
        ON_PATIENT,
    )
    assert errors(result) == []


def test_extension_out_of_context(check):
    result = check(
        {
            "resourceType": "Organization",
            "name": "o",
            "extension": [{"url": "http://x.org/ext", "valueBoolean": True}],
        },
        ON_PATIENT,
    )
    assert errors(result) == ["Extension_EXT_Context_Wrong"]


def test_extension_value_type(check):
    result = check(
        {"resourceType": "Patient", "extension": [{"url": "http://x.org/ext", "valueString": "x"}]},
        ON_PATIENT,
    )
    assert errors(result) == ["Extension_EXT_Type"]


def test_unknown_extension_rules(check):
    unknown = check(
        {"resourceType": "Patient", "extension": [{"url": "http://nowhere.org/x", "valueString": "x"}]}
    )
    assert errors(unknown) == ["Extension_EXT_Unknown_NotHere"]
    example = check(
        {"resourceType": "Patient", "extension": [{"url": "http://example.org/x", "valueString": "x"}]}
    )
    assert errors(example) == []
    relative = check({"resourceType": "Patient", "extension": [{"url": "x", "valueString": "x"}]})
    assert errors(relative) == ["Extension_EXT_Url_Absolute"]


def test_modifier_mismatch(check):
    modifier = ext_def("http://x.org/mod", [{"type": "element", "expression": "Element"}], ["boolean"], True)
    result = check(
        {"resourceType": "Patient", "extension": [{"url": "http://x.org/mod", "valueBoolean": True}]},
        modifier,
    )
    assert errors(result) == ["Extension_EXT_Modifier_MismatchN"]


def test_core_extension_on_datatype_context(check):
    # http://hl7.org/fhir/StructureDefinition/humanname-own-name: context HumanName.family
    result = check(
        {
            "resourceType": "Patient",
            "name": [
                {
                    "family": "x",
                    "_family": {
                        "extension": [
                            {
                                "url": "http://hl7.org/fhir/StructureDefinition/humanname-own-name",
                                "valueString": "x",
                            }
                        ]
                    },
                }
            ],
        }
    )
    assert errors(result) == []
