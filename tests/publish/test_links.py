import json

from igkit.publish.links import R4_WEB, type_href

from .helpers import config, load, resolver, write_project
from .test_loader import SD


def _cache(tmp_path):
    """A package cache with a fake US Core (package.json + one file) and a core extension."""
    us = tmp_path / "cache" / "hl7.fhir.us.core#6.1.0" / "package"
    us.mkdir(parents=True)
    (us / "package.json").write_text(json.dumps({
        "name": "hl7.fhir.us.core", "version": "6.1.0", "canonical": "http://hl7.org/fhir/us/core",
        "url": "http://hl7.org/fhir/us/core/STU6.1"}))  # fmt: skip
    (us / "StructureDefinition-us-core-patient.json").write_text(json.dumps({
        "url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient", "title": "US Core Patient Profile"}))  # fmt: skip
    ext = tmp_path / "cache" / "hl7.fhir.uv.extensions.r4#5.2.0" / "package"
    ext.mkdir(parents=True)
    (ext / "package.json").write_text(json.dumps({
        "name": "hl7.fhir.uv.extensions.r4", "canonical": "http://hl7.org/fhir/extensions",
        "url": "http://hl7.org/fhir/extensions/5.2.0"}))  # fmt: skip
    (ext / "StructureDefinition-measurereport-category.json").write_text("{}")
    core = tmp_path / "cache" / "hl7.fhir.r4.core#4.0.1" / "package"
    core.mkdir(parents=True)
    (core / "StructureDefinition-patient-birthPlace.json").write_text(json.dumps({"type": "Extension"}))
    return tmp_path / "cache"


def test_canonical_links(tmp_path):
    root = write_project(tmp_path / "ig", {"StructureDefinition-p.json": SD})
    cfg = config(dependencies={"hl7.fhir.us.core": "6.1.0", "hl7.fhir.uv.extensions.r4": "5.2.0"})
    links = resolver(load(root), _cache(tmp_path), cfg)
    own = links.canonical(SD["url"] + "|1.0")
    assert (own.href, own.label, own.internal) == ("StructureDefinition-p.html", "The P profile", True)
    us = links.canonical("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient")
    assert us.href == "http://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-patient.html"
    assert not us.internal and us.label == "US Core Patient Profile"  # the dependency's own title
    unknown = "http://hl7.org/fhir/us/core/StructureDefinition/not-in-package"
    assert links.canonical(unknown).href == unknown
    assert (
        links.canonical("http://hl7.org/fhir/StructureDefinition/MeasureReport").href
        == R4_WEB + "measurereport.html"
    )
    assert (
        links.canonical("http://hl7.org/fhir/StructureDefinition/patient-birthPlace").href
        == R4_WEB + "extension-patient-birthplace.html"
    )
    assert (
        links.canonical("http://hl7.org/fhir/ValueSet/administrative-gender").href
        == R4_WEB + "valueset-administrative-gender.html"
    )
    assert (
        links.canonical("http://hl7.org/fhir/administrative-gender").href
        == R4_WEB + "codesystem-administrative-gender.html"
    )
    assert links.canonical("http://loinc.org").href == "http://loinc.org"
    # an extension pack defines URLs in the core namespace that the core package does not have
    assert (
        links.canonical("http://hl7.org/fhir/StructureDefinition/measurereport-category").href
        == "http://hl7.org/fhir/extensions/5.2.0/StructureDefinition-measurereport-category.html"
    )


def test_type_pages():
    assert type_href("Patient") == R4_WEB + "patient.html"
    assert type_href("CodeableConcept") == R4_WEB + "datatypes.html#CodeableConcept"
    assert type_href("string") == R4_WEB + "datatypes.html#string"
    assert type_href("Reference") == R4_WEB + "references.html#Reference"
    assert type_href("http://hl7.org/fhirpath/System.String") is None


def test_references(tmp_path):
    root = write_project(tmp_path, {"Patient-a.json": {"resourceType": "Patient", "id": "a"}})
    links = resolver(load(root))
    assert links.reference("Patient/a").page == "Patient-a.html"
    assert links.reference("http://server/fhir/Patient/a/_history/2").page == "Patient-a.html"
    assert links.reference("Patient/b") is None and links.reference("a") is None
