"""References and Bundles: target types, contained resources, fullUrl rules, documents."""

from __future__ import annotations

from tests.validate.conftest import errors


def test_reference_target_type_from_url(check):
    result = check(
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": "x"},
            "subject": {"reference": "Medication/1"},
        }
    )
    assert errors(result) == ["Reference_REF_BadTargetType2"]


def test_contained_reference_must_resolve(check):
    ok = check(
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": "x"},
            "contained": [{"resourceType": "Patient", "id": "p"}],
            "subject": {"reference": "#p"},
        }
    )
    assert errors(ok) == []
    bad = check(
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": "x"},
            "subject": {"reference": "#p"},
        }
    )
    assert "Reference_REF_CantResolve" in errors(bad)


def test_unreferenced_contained_resource_fails_dom_3(check):
    result = check(
        {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": "x"},
            "contained": [{"resourceType": "Patient", "id": "p"}],
        }
    )
    assert any("dom-3" in i.message for i in result.issues if i.is_error)


def bundle(entries: list[dict], type_: str = "collection") -> dict:
    return {"resourceType": "Bundle", "type": type_, "entry": entries}


def test_fullurl_must_be_absolute_and_match_restful_id(check):
    result = check(
        bundle(
            [
                {"fullUrl": "Patient/1", "resource": {"resourceType": "Patient", "id": "1"}},
                {
                    "fullUrl": "http://x.org/fhir/Patient/2",
                    "resource": {"resourceType": "Patient", "id": "3"},
                },
            ]
        )
    )
    assert errors(result) == ["BUNDLE_BUNDLE_ENTRY_FULLURL_ABSOLUTE", "BUNDLE_RESTFUL_FULLURL"]


def test_reference_resolves_in_bundle_and_type_is_checked(check):
    result = check(
        bundle(
            [
                {
                    "fullUrl": "urn:uuid:6e1b8a64-1111-4a7a-9f43-000000000001",
                    "resource": {
                        "resourceType": "Patient",
                        "generalPractitioner": [
                            {"reference": "Practitioner/6e1b8a64-1111-4a7a-9f43-000000000002"}
                        ],
                    },
                },
                {
                    "fullUrl": "urn:uuid:6e1b8a64-1111-4a7a-9f43-000000000002",
                    "resource": {"resourceType": "Organization", "name": "o"},
                },
            ]
        )
    )
    assert errors(result) == ["Reference_REF_ResourceType"]


def test_document_bundle_reference_and_orphans(check):
    comp = {
        "resourceType": "Composition",
        "status": "final",
        "type": {"text": "x"},
        "date": "2020-01-01",
        "author": [{"reference": "Practitioner/1"}],
        "title": "t",
        "subject": {"reference": "Patient/9"},
    }
    result = check(
        dict(
            bundle(
                [
                    {"fullUrl": "http://x.org/fhir/Composition/1", "resource": dict(comp, id="1")},
                    {
                        "fullUrl": "http://x.org/fhir/Practitioner/1",
                        "resource": {"resourceType": "Practitioner", "id": "1"},
                    },
                    {
                        "fullUrl": "http://x.org/fhir/Patient/2",
                        "resource": {"resourceType": "Patient", "id": "2"},
                    },
                ],
                "document",
            ),
            identifier={"system": "http://x.org", "value": "1"},
            timestamp="2020-01-01T00:00:00Z",
        )
    )
    found = errors(result)
    assert "Bundle_BUNDLE_Entry_NotFound" in found  # Patient/9
    assert "BUNDLE_BUNDLE_ENTRY_ORPHAN_DOCUMENT" in found  # Patient/2 is not linked
