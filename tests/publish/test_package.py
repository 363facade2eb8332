import json

from igkit.publish.package import build_package, manifest, package_entries

from .helpers import config, load, write_project
from .test_loader import IG, SD


def _project(tmp_path):
    return write_project(tmp_path, {
        "StructureDefinition-p.json": {**SD, "version": "1.2.3"}, "ImplementationGuide-ig.json": IG,
        "Patient-pat.json": {"resourceType": "Patient", "id": "pat"},
        "Patient-invalid-x.json": {"resourceType": "Patient", "id": "invalid-x"},
        "SearchParameter-s.json": {"resourceType": "SearchParameter", "id": "s", "url": "http://x/s",
                                   "type": "token", "code": "s", "base": ["Patient"]},
    })  # fmt: skip


def test_manifest_fields():
    data = manifest(config(description="About it."))
    assert data["name"] == "example.fhir.unit" and data["version"] == "1.2.3"
    assert data["canonical"] == data["url"] == "http://example.org/fhir/unit"
    assert data["fhirVersions"] == ["4.0.1"]
    assert data["dependencies"] == {"hl7.fhir.r4.core": "4.0.1", "hl7.fhir.us.core": "6.1.0"}
    assert data["type"] == "IG" and data["description"] == "About it."
    assert data["author"] == "Unit Publisher" and data["license"] == "CC0-1.0"
    assert data["maintainers"] == [{"name": "Unit Publisher", "email": "u@example.org"}]


def test_layout_index_and_invalid_examples_left_out(tmp_path):
    resources = load(_project(tmp_path))
    entries = package_entries(config(), resources)
    assert sorted(entries) == [
        "package/.index.json", "package/ImplementationGuide-ig.json", "package/SearchParameter-s.json",
        "package/StructureDefinition-p.json", "package/example/.index.json", "package/example/Patient-pat.json",
        "package/package.json",
    ]  # fmt: skip
    index = json.loads(entries["package/.index.json"])
    assert index["index-version"] == 1
    rows = {r["filename"]: r for r in index["files"]}
    assert rows["StructureDefinition-p.json"] == {
        "filename": "StructureDefinition-p.json", "resourceType": "StructureDefinition", "id": "p",
        "url": SD["url"], "version": "1.2.3", "kind": "resource", "type": "Patient"}  # fmt: skip
    assert rows["SearchParameter-s.json"]["type"] == "token"
    # the resource files are shipped byte for byte
    assert (
        entries["package/StructureDefinition-p.json"]
        == (tmp_path / "fsh-generated/resources/StructureDefinition-p.json").read_bytes()
    )
    assert not any("invalid" in name for name in entries)


def test_package_bytes_are_reproducible(tmp_path):
    resources = load(_project(tmp_path))
    assert build_package(config(), resources) == build_package(config(), list(reversed(resources)))


def test_shipped_implementation_guide_names_only_shipped_examples(tmp_path):
    ig = {**IG, "definition": {"resource": [
        {"reference": {"reference": "Patient/pat"}, "exampleBoolean": True},
        {"reference": {"reference": "Patient/invalid-x"}, "exampleBoolean": True},
    ]}}  # fmt: skip
    project = write_project(
        tmp_path,
        {
            "ImplementationGuide-ig.json": ig,
            "Patient-pat.json": {"resourceType": "Patient", "id": "pat"},
            "Patient-invalid-x.json": {"resourceType": "Patient", "id": "invalid-x"},
        },
    )
    entries = package_entries(config(), load(project))
    shipped = json.loads(entries["package/ImplementationGuide-ig.json"])
    refs = [r["reference"]["reference"] for r in shipped["definition"]["resource"]]
    assert refs == ["Patient/pat"]
    assert all(f"package/example/{r.replace('/', '-')}.json" in entries for r in refs)
