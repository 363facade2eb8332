from igkit.publish.elements import differential_rows, profile_constraints, snapshot_rows

from .helpers import load, resolver, write_project

URL = "http://example.org/fhir/unit/StructureDefinition/"
VS = "http://example.org/fhir/unit/ValueSet/tier"
SNAP = [
    {"id": "MeasureReport", "path": "MeasureReport", "min": 0, "max": "*",
     "constraint": [{"key": "ele-1", "severity": "error", "human": "base", "expression": "x"},
                    {"key": "u-1", "severity": "error", "human": "Complete has groups", "expression": "group.exists()"}]},
    {"id": "MeasureReport.extension", "path": "MeasureReport.extension", "min": 1, "max": "*",
     "type": [{"code": "Extension"}], "slicing": {"discriminator": [{"type": "value", "path": "url"}],
                                               "rules": "open"}},
    {"id": "MeasureReport.extension:tier", "path": "MeasureReport.extension", "sliceName": "tier", "min": 1,
     "max": "1", "mustSupport": True, "type": [{"code": "Extension", "profile": [URL + "tier"]}]},
    {"id": "MeasureReport.status", "path": "MeasureReport.status", "min": 1, "max": "1", "isModifier": True,
     "isSummary": True, "short": "complete | pending | error", "type": [{"code": "code"}],
     "binding": {"strength": "required", "valueSet": VS}},
    {"id": "MeasureReport.type", "path": "MeasureReport.type", "min": 1, "max": "1", "type": [{"code": "code"}],
     "patternCode": "summary"},
    {"id": "MeasureReport.group.stratifier.stratum.population", "path": "MeasureReport.group.stratifier.stratum.population",
     "min": 0, "max": "*", "contentReference": "#MeasureReport.group.population", "maxLength": 10},
    {"id": "MeasureReport.subject", "path": "MeasureReport.subject", "min": 0, "max": "1",
     "type": [{"code": "Reference", "targetProfile": ["http://hl7.org/fhir/StructureDefinition/Patient"]}]},
]  # fmt: skip
SD = {
    "resourceType": "StructureDefinition", "id": "mr", "url": URL + "mr", "type": "MeasureReport",
    "kind": "resource", "derivation": "constraint", "snapshot": {"element": SNAP},
    "differential": {"element": [
        {"id": "MeasureReport", "path": "MeasureReport",
         "constraint": [{"key": "u-1", "severity": "error", "human": "Complete has groups",
                         "expression": "group.exists()"}]},
        {"id": "MeasureReport.extension", "path": "MeasureReport.extension", "min": 1},
        {"id": "MeasureReport.extension:tier", "path": "MeasureReport.extension", "sliceName": "tier",
         "min": 1, "max": "1", "mustSupport": True, "type": [{"code": "Extension", "profile": [URL + "tier"]}]},
        {"id": "MeasureReport.type", "path": "MeasureReport.type", "patternCode": "summary"},
    ]},
}  # fmt: skip
EXT = {"resourceType": "StructureDefinition", "id": "tier", "url": URL + "tier", "type": "Extension",
       "kind": "complex-type", "derivation": "constraint", "title": "Tier Extension"}  # fmt: skip


def _links(tmp_path):
    return resolver(load(write_project(tmp_path, {"a.json": SD, "b.json": EXT})))


def test_snapshot_rows(tmp_path):
    rows = {r.element_id: r for r in snapshot_rows(SD, _links(tmp_path))}
    assert len(rows) == len(SNAP)
    root = rows["MeasureReport"]
    assert ("I", "Has constraints") in root.flags
    assert [c.key for c in root.constraints] == ["u-1"]  # ele-1 is not repeated on every row
    assert root.constraints[0].expression == "group.exists()"
    tier = rows["MeasureReport.extension:tier"]
    assert (tier.name, tier.slice_name, tier.cardinality, tier.depth) == ("extension", "tier", "1..1", 1)
    assert [f for f, _ in tier.flags] == ["S"]
    assert tier.types[0].profiles[0].href == "StructureDefinition-tier.html"
    assert tier.anchor == "snap-MeasureReport.extension:tier"
    status = rows["MeasureReport.status"]
    assert [f for f, _ in status.flags] == ["?!", "Σ"]
    assert status.binding.strength == "required" and status.binding.value_set.href == VS
    assert status.types[0].href == "http://hl7.org/fhir/R4/datatypes.html#code"
    assert rows["MeasureReport.type"].values == [("Required pattern", "summary")]
    population = rows["MeasureReport.group.stratifier.stratum.population"]
    assert population.values == [
        ("Same content as", "MeasureReport.group.population"),
        ("Maximum length", "10"),
    ]
    assert population.depth == 4
    assert rows["MeasureReport.subject"].types[0].targets[0].href == "http://hl7.org/fhir/R4/patient.html"
    assert rows["MeasureReport.extension"].slicing == "Sliced by value:url (unordered, open)"


def test_differential_rows_fill_in_from_the_snapshot(tmp_path):
    rows = {r.element_id: r for r in differential_rows(SD, _links(tmp_path))}
    assert list(rows) == [e["id"] for e in SD["differential"]["element"]]
    ext = rows["MeasureReport.extension"]
    assert ext.cardinality == "1..*" and "cardinality" not in ext.inherited  # min given, max from snapshot
    typ = rows["MeasureReport.type"]
    assert typ.cardinality == "1..1" and "cardinality" in typ.inherited and "types" in typ.inherited
    assert rows["MeasureReport.extension:tier"].anchor == "diff-MeasureReport.extension:tier"


def test_profile_constraints():
    assert [(e, c.key) for e, c in profile_constraints(SD)] == [("MeasureReport", "u-1")]
