import pytest

from igkit.errors import IgkitError

from .helpers import load, write_project

SD = {
    "resourceType": "StructureDefinition",
    "id": "p",
    "url": "http://example.org/fhir/unit/StructureDefinition/p",
    "type": "Patient",
    "kind": "resource",
    "derivation": "constraint",
    "name": "P",
    "title": "The P profile",
}
EXT = {
    **SD,
    "id": "e",
    "url": "http://example.org/fhir/unit/StructureDefinition/e",
    "type": "Extension",
    "title": "E",
}
IG = {"resourceType": "ImplementationGuide", "id": "ig", "definition": {"resource": [
    {"reference": {"reference": "Patient/pat"}, "name": "Patient Pat", "exampleCanonical": SD["url"]},
    {"reference": {"reference": "Measure/m"}, "name": "Measure M", "exampleBoolean": False},
]}}  # fmt: skip


def test_classification(tmp_path):
    root = write_project(tmp_path, {
        "StructureDefinition-p.json": SD, "StructureDefinition-e.json": EXT, "ImplementationGuide-ig.json": IG,
        "Patient-pat.json": {"resourceType": "Patient", "id": "pat"},
        "Measure-m.json": {"resourceType": "Measure", "id": "m", "url": "http://example.org/fhir/unit/Measure/m"},
        "Patient-invalid-x.json": {"resourceType": "Patient", "id": "invalid-x", "meta": {"profile": [SD["url"]]}},
        "not-a-resource.json": {"hello": "world"},
    })  # fmt: skip
    write_project(tmp_path, {"Patient-q.json": {"resourceType": "Patient", "id": "q"}}, "input/examples")
    res = {r.key: r for r in load(root)}
    assert set(res) == {"StructureDefinition/p", "StructureDefinition/e", "ImplementationGuide/ig", "Patient/pat",
                        "Measure/m", "Patient/invalid-x", "Patient/q"}  # fmt: skip
    assert res["StructureDefinition/p"].kind == "profile"
    assert res["StructureDefinition/e"].kind == "extension"
    assert res["Patient/pat"].kind == "example" and res["Patient/pat"].title == "Patient Pat"
    assert res["Patient/pat"].profiles == (SD["url"],)
    assert res["Measure/m"].kind == "other" and res["Measure/m"].packaged
    assert res["Patient/invalid-x"].kind == "invalid-example" and not res["Patient/invalid-x"].packaged
    assert res["Patient/q"].is_example and res["Patient/q"].source == "input/examples/Patient-q.json"
    assert [e.id for e in res["StructureDefinition/p"].examples] == ["invalid-x", "pat"]


def test_duplicate_resources_are_an_error(tmp_path):
    root = write_project(tmp_path, {"a.json": {"resourceType": "Patient", "id": "x"}})
    write_project(tmp_path, {"b.json": {"resourceType": "Patient", "id": "x"}}, "input/resources")
    with pytest.raises(IgkitError, match="defined twice"):
        load(root)


def test_broken_json_names_the_file(tmp_path):
    root = write_project(tmp_path, {})
    (root / "fsh-generated/resources/bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(IgkitError, match="fsh-generated/resources/bad.json"):
        load(root)
