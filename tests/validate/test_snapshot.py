"""snapshot: generating StructureDefinition snapshots from differentials (HL7 validator behaviour)."""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import pytest

from igkit.errors import IgkitError
from igkit.validate.snapshot import SnapshotError, ensure_snapshot, generate_snapshot
from tests.validate import test_snapshot_support as support

EX = "http://example.org/fhir/StructureDefinition/"


class OverlayDefs:
    """The package definitions plus in-memory StructureDefinitions (by url)."""

    def __init__(self, base: Any, extra: list[dict[str, Any]]) -> None:
        self.base = base
        self.extra = {sd["url"]: sd for sd in extra}

    def fetch(self, url: str) -> dict | None:
        return self.extra.get(url.split("|", 1)[0]) or self.base.fetch(url)

    def structure_for_type(self, type_name: str) -> dict | None:
        return self.base.structure_for_type(type_name)


@pytest.fixture(scope="module")
def packages():
    if not support.package_folder("core").is_dir():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not extracted in the FHIR package cache")
    return support.make_defs()


def profile(
    name: str, type_name: str, elements: list[dict[str, Any]], base: str | None = None, **extra: Any
) -> dict[str, Any]:
    sd = {
        "resourceType": "StructureDefinition",
        "id": name,
        "url": EX + name,
        "name": name,
        "status": "draft",
        "kind": "resource",
        "abstract": False,
        "type": type_name,
        "baseDefinition": base or f"http://hl7.org/fhir/StructureDefinition/{type_name}",
        "derivation": "constraint",
        "differential": {"element": elements},
    }
    sd.update(extra)
    return sd


def el(element_id: str, **props: Any) -> dict[str, Any]:
    """A differential element; the path is the id without slice names."""
    path = ".".join(seg.split(":", 1)[0] for seg in element_id.split("."))
    return {"id": element_id, "path": path, **props}


def by_id(sd: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in sd["snapshot"]["element"]}


def ids(sd: dict[str, Any]) -> list[str]:
    return [e["id"] for e in sd["snapshot"]["element"]]


def gen(packages: Any, sd: dict[str, Any], *extra: dict[str, Any]) -> dict[str, Any]:
    return generate_snapshot(sd, OverlayDefs(packages, [sd, *extra]))


# -- merging ------------------------------------------------------------------------------------


def test_merges_cardinality_flags_and_texts_and_keeps_the_rest_of_the_base(packages) -> None:
    sd = profile(
        "P1",
        "Patient",
        [
            el("Patient"),
            el("Patient.identifier", min=1, mustSupport=True, short="An id"),
            el("Patient.gender", min=1, isModifier=False, comment="Required here"),
            el("Patient.birthDate", maxLength=10, condition=["my-1"]),
        ],
    )
    before = copy.deepcopy(sd)
    out = gen(packages, sd)
    assert sd == before, "the input must not be changed"
    assert "snapshot" not in sd
    base_ids = [e["id"] for e in packages.structure_for_type("Patient")["snapshot"]["element"]]
    assert ids(out) == base_ids
    snap = by_id(out)
    assert snap["Patient.identifier"]["min"] == 1 and snap["Patient.identifier"]["max"] == "*"
    assert snap["Patient.identifier"]["mustSupport"] is True
    assert snap["Patient.identifier"]["short"] == "An id"
    assert snap["Patient.identifier"]["base"] == {"path": "Patient.identifier", "min": 0, "max": "*"}
    assert snap["Patient.gender"]["comment"] == "Required here"
    assert snap["Patient.gender"]["binding"]["strength"] == "required"  # inherited
    assert snap["Patient.birthDate"]["maxLength"] == 10
    assert "my-1" in snap["Patient.birthDate"]["condition"]
    assert snap["Patient.id"]["base"]["path"] == "Resource.id"
    assert out["differential"] == sd["differential"]


def test_constraints_are_appended_with_their_source_and_bindings_merge(packages) -> None:
    sd = profile(
        "P2",
        "Observation",
        [
            el(
                "Observation.status",
                binding={"strength": "required"},
                mapping=[{"identity": "x", "map": "y"}],
            ),
            el(
                "Observation.code",
                constraint=[
                    {"key": "p2-1", "severity": "error", "human": "h", "expression": "coding.exists()"}
                ],
                binding={"strength": "required", "valueSet": "http://example.org/vs"},
            ),
        ],
    )
    snap = by_id(gen(packages, sd))
    keys = [c["key"] for c in snap["Observation.code"]["constraint"]]
    assert keys[-1] == "p2-1" and "ele-1" in keys
    assert snap["Observation.code"]["constraint"][-1]["source"] == EX + "P2"
    assert snap["Observation.code"]["binding"]["valueSet"] == "http://example.org/vs"
    status_binding = snap["Observation.status"]["binding"]
    assert status_binding["valueSet"].startswith("http://hl7.org/fhir/ValueSet/observation-status")
    assert {"identity": "x", "map": "y"} in snap["Observation.status"]["mapping"]


def test_fixed_and_pattern_values_and_min_max_values(packages) -> None:
    sd = profile(
        "P3",
        "Observation",
        [
            el("Observation.status", fixedCode="final"),
            el(
                "Observation.code",
                patternCodeableConcept={"coding": [{"system": "http://loinc.org", "code": "1234-5"}]},
            ),
            el("Observation.value[x]", type=[{"code": "integer"}], minValueInteger=0, maxValueInteger=10),
        ],
    )
    snap = by_id(gen(packages, sd))
    assert snap["Observation.status"]["fixedCode"] == "final"
    assert snap["Observation.code"]["patternCodeableConcept"]["coding"][0]["code"] == "1234-5"
    assert snap["Observation.value[x]"]["type"] == [{"code": "integer"}]
    assert snap["Observation.value[x]"]["minValueInteger"] == 0
    assert snap["Observation.value[x]"]["maxValueInteger"] == 10


def test_ensure_snapshot_returns_an_sd_with_a_snapshot_unchanged(packages) -> None:
    patient = packages.structure_for_type("Patient")
    assert ensure_snapshot(patient, packages) is patient
    sd = profile("P4", "Patient", [el("Patient.active", min=1)])
    out = ensure_snapshot(sd, OverlayDefs(packages, [sd]))
    assert out is not sd and by_id(out)["Patient.active"]["min"] == 1


# -- choices ------------------------------------------------------------------------------------


def test_renamed_optional_choice_becomes_an_open_type_slice_with_the_type_children(packages) -> None:
    sd = profile(
        "P5",
        "Observation",
        [
            el("Observation.valueQuantity", min=0, max="1"),
            el("Observation.valueQuantity.system", fixedUri="http://unitsofmeasure.org"),
        ],
    )
    out = gen(packages, sd)
    snap = by_id(out)
    entry = snap["Observation.value[x]"]
    assert entry["slicing"]["discriminator"] == [{"type": "type", "path": "$this"}]
    assert entry["slicing"]["rules"] == "open"
    assert len(entry["type"]) == 11
    sliced = snap["Observation.value[x]:valueQuantity"]
    assert sliced["path"] == "Observation.value[x]" and sliced["type"] == [{"code": "Quantity"}]
    assert snap["Observation.value[x]:valueQuantity.system"]["fixedUri"] == "http://unitsofmeasure.org"
    assert snap["Observation.value[x]:valueQuantity.system"]["base"]["path"] == "Quantity.system"
    order = ids(out)
    start = order.index("Observation.value[x]:valueQuantity")
    assert order[start + 1 : start + 8] == [
        f"Observation.value[x]:valueQuantity.{n}"
        for n in ("id", "extension", "value", "comparator", "unit", "system", "code")
    ]
    assert order[start + 8] == "Observation.dataAbsentReason"


def test_required_renamed_choice_closes_the_slicing_and_keeps_only_its_type(packages) -> None:
    sd = profile("P6", "Observation", [el("Observation.effectiveDateTime", min=1)])
    snap = by_id(gen(packages, sd))
    entry = snap["Observation.effective[x]"]
    assert entry["type"] == [{"code": "dateTime"}] and entry["min"] == 1
    assert entry["slicing"]["rules"] == "closed"
    assert snap["Observation.effective[x]:effectiveDateTime"]["min"] == 1


def test_renamed_choice_inside_a_slice_only_narrows_the_type(packages) -> None:
    sd = profile(
        "P7",
        "Observation",
        [
            el(
                "Observation.component",
                slicing={"discriminator": [{"type": "pattern", "path": "code"}], "rules": "open"},
            ),
            el("Observation.component:a", sliceName="a", min=1, max="1"),
            el("Observation.component:a.valueQuantity", type=[{"code": "Quantity"}]),
            el("Observation.component:a.valueQuantity.unit", min=1),
        ],
    )
    snap = by_id(gen(packages, sd))
    value = snap["Observation.component:a.value[x]"]
    assert value["type"] == [{"code": "Quantity"}] and "slicing" not in value
    assert snap["Observation.component:a.value[x].unit"]["min"] == 1


def test_a_choice_renamed_to_a_type_it_does_not_allow_is_an_error(packages) -> None:
    sd = profile("P8", "Observation", [el("Observation.valueBla")])
    with pytest.raises(SnapshotError) as info:
        gen(packages, sd)
    assert "The path must be 'Observation.value[x]' not 'Observation.valueBla'" in str(info.value)
    assert info.value.profile == EX + "P8"


# -- slicing ------------------------------------------------------------------------------------


def test_new_slices_follow_the_sliced_element_with_children_from_the_base(packages) -> None:
    sd = profile(
        "P9",
        "Observation",
        [
            el(
                "Observation.component",
                slicing={
                    "discriminator": [{"type": "pattern", "path": "code"}],
                    "ordered": False,
                    "rules": "open",
                },
                min=1,
            ),
            el("Observation.component:sys", sliceName="sys", max="1"),
            el("Observation.component:sys.code", patternCodeableConcept={"coding": [{"code": "8480-6"}]}),
            el("Observation.component:dia", sliceName="dia", min=1, max="1"),
        ],
    )
    out = gen(packages, sd)
    order = ids(out)
    children = [
        "id",
        "extension",
        "modifierExtension",
        "code",
        "value[x]",
        "dataAbsentReason",
        "interpretation",
        "referenceRange",
    ]
    start = order.index("Observation.component")
    expected = (
        ["Observation.component"]
        + [f"Observation.component.{c}" for c in children]
        + ["Observation.component:sys"]
        + [f"Observation.component:sys.{c}" for c in children]
        + ["Observation.component:dia"]
        + [f"Observation.component:dia.{c}" for c in children]
    )
    assert order[start : start + len(expected)] == expected
    snap = by_id(out)
    assert snap["Observation.component"]["slicing"]["rules"] == "open"
    assert snap["Observation.component:sys"]["min"] == 0, "a new slice is optional unless stated"
    assert snap["Observation.component:sys"]["path"] == "Observation.component"
    assert "slicing" not in snap["Observation.component:sys"]
    assert snap["Observation.component:dia"]["min"] == 1
    assert snap["Observation.component:sys.code"]["patternCodeableConcept"]["coding"][0]["code"] == "8480-6"
    assert "patternCodeableConcept" not in snap["Observation.component.code"]


def test_existing_slices_are_constrained_and_new_ones_added_after_them(packages) -> None:
    base = profile(
        "B10",
        "Observation",
        [
            el(
                "Observation.category",
                slicing={"discriminator": [{"type": "pattern", "path": "$this"}], "rules": "open"},
            ),
            el("Observation.category:a", sliceName="a", max="1"),
        ],
    )
    derived = profile(
        "P10",
        "Observation",
        [
            el("Observation.category:a", sliceName="a", min=1),
            el("Observation.category:b", sliceName="b"),
            el("Observation.category:b.text", fixedString="B"),
        ],
        base=EX + "B10",
    )
    out = gen(packages, derived, base)
    order = ids(out)
    assert order.index("Observation.category:a") < order.index("Observation.category:b")
    snap = by_id(out)
    assert snap["Observation.category:a"]["min"] == 1 and snap["Observation.category:a"]["max"] == "1"
    assert snap["Observation.category:b.text"]["fixedString"] == "B"
    assert snap["Observation.category:b.text"]["base"]["path"] == "CodeableConcept.text"


def test_reslices_are_placed_after_their_slice(packages) -> None:
    sd = profile(
        "P11",
        "Observation",
        [
            el(
                "Observation.category",
                slicing={"discriminator": [{"type": "pattern", "path": "$this"}], "rules": "open"},
            ),
            el(
                "Observation.category:a",
                sliceName="a",
                slicing={"discriminator": [{"type": "value", "path": "text"}], "rules": "open"},
            ),
            el("Observation.category:a/x", sliceName="a/x", max="1"),
            el("Observation.category:a/x.text", fixedString="X"),
        ],
    )
    out = gen(packages, sd)
    order = ids(out)
    assert order.index("Observation.category:a") < order.index("Observation.category:a/x")
    snap = by_id(out)
    assert snap["Observation.category:a/x"]["sliceName"] == "a/x"
    assert snap["Observation.category:a/x.text"]["fixedString"] == "X"


def extension_definition(name: str, value_type: str) -> dict[str, Any]:
    return {
        "resourceType": "StructureDefinition",
        "id": name,
        "url": EX + name,
        "name": name,
        "status": "draft",
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": "element", "expression": "Element"}],
        "type": "Extension",
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
        "derivation": "constraint",
        "differential": {
            "element": [
                {"id": "Extension", "path": "Extension", "short": f"{name} extension", "max": "1"},
                {"id": "Extension.extension", "path": "Extension.extension", "max": "0"},
                {"id": "Extension.url", "path": "Extension.url", "fixedUri": EX + name},
                {"id": "Extension.value[x]", "path": "Extension.value[x]", "type": [{"code": value_type}]},
            ]
        },
    }


def test_extension_slices_take_their_definition_and_children_from_the_extension(packages) -> None:
    ext = extension_definition("flag", "boolean")  # differential only: generated on the way
    sd = profile(
        "P12",
        "Patient",
        [
            el(
                "Patient.extension:flag",
                sliceName="flag",
                min=1,
                type=[{"code": "Extension", "profile": [EX + "flag"]}],
            ),
            el(
                "Patient.extension:plain",
                sliceName="plain",
                type=[{"code": "Extension", "profile": [EX + "flag"]}],
            ),
            el("Patient.extension:plain.value[x]", fixedBoolean=True),
            el(
                "Patient.modifierExtension:mod",
                sliceName="mod",
                type=[{"code": "Extension", "profile": [EX + "flag"]}],
            ),
        ],
    )
    out = gen(packages, sd, ext)
    snap = by_id(out)
    entry = snap["Patient.extension"]
    assert entry["slicing"]["discriminator"] == [{"type": "value", "path": "url"}]
    assert entry["min"] == 1, "the sliced extension needs at least the required slices"
    flag = snap["Patient.extension:flag"]
    assert flag["short"] == "flag extension" and flag["min"] == 1
    assert not any(i.startswith("Patient.extension:flag.") for i in snap), "no children unless constrained"
    assert snap["Patient.extension:plain.url"]["fixedUri"] == EX + "flag"
    assert snap["Patient.extension:plain.value[x]"]["type"] == [{"code": "boolean"}]
    assert snap["Patient.extension:plain.value[x]"]["fixedBoolean"] is True
    assert snap["Patient.extension:plain.extension"]["max"] == "0"
    assert snap["Patient.modifierExtension:mod"]["type"][0]["profile"] == [EX + "flag"]
    assert snap["Patient.modifierExtension"]["slicing"]["rules"] == "open"


# -- expanding types ------------------------------------------------------------------------------


def test_children_of_a_datatype_are_expanded_when_constrained(packages) -> None:
    sd = profile(
        "P13",
        "Observation",
        [
            el("Observation.code.coding.system", min=1, fixedUri="http://loinc.org"),
        ],
    )
    out = gen(packages, sd)
    order = ids(out)
    start = order.index("Observation.code")
    assert order[start + 1 : start + 4] == [
        "Observation.code.id",
        "Observation.code.extension",
        "Observation.code.coding",
    ]
    coding = order.index("Observation.code.coding")
    assert order[coding + 1 : coding + 5] == [
        "Observation.code.coding.id",
        "Observation.code.coding.extension",
        "Observation.code.coding.system",
        "Observation.code.coding.version",
    ]
    system = by_id(out)["Observation.code.coding.system"]
    assert system["fixedUri"] == "http://loinc.org" and system["min"] == 1
    assert system["base"] == {"path": "Coding.system", "min": 0, "max": "1"}
    assert order[order.index("Observation.code.text") + 1] == "Observation.subject"


def test_children_of_a_profiled_datatype_come_from_the_profile(packages) -> None:
    ident = profile(
        "MyIdentifier",
        "Identifier",
        [
            el("Identifier.system", min=1, fixedUri="urn:oid:1.2.3"),
        ],
        kind="complex-type",
    )
    sd = profile(
        "P14",
        "Patient",
        [
            el("Patient.identifier", type=[{"code": "Identifier", "profile": [EX + "MyIdentifier"]}]),
            el("Patient.identifier.value", min=1),
        ],
    )
    snap = by_id(gen(packages, sd, ident))
    assert snap["Patient.identifier.system"]["fixedUri"] == "urn:oid:1.2.3"
    assert snap["Patient.identifier.value"]["min"] == 1


def test_content_reference_children_are_expanded_from_the_referenced_element(packages) -> None:
    sd = profile(
        "P15",
        "Questionnaire",
        [
            el("Questionnaire.item.item.linkId", maxLength=20),
            el("Questionnaire.item.item.type", fixedCode="display"),
        ],
    )
    out = gen(packages, sd)
    snap = by_id(out)
    nested = snap["Questionnaire.item.item"]
    assert nested["contentReference"] == "#Questionnaire.item"
    assert snap["Questionnaire.item.item.linkId"]["maxLength"] == 20
    assert snap["Questionnaire.item.item.type"]["fixedCode"] == "display"
    assert snap["Questionnaire.item.item.item"]["contentReference"] == "#Questionnaire.item"
    assert snap["Questionnaire.item.item.linkId"]["base"]["path"] == "Questionnaire.item.linkId"


def test_children_of_a_several_typed_choice_need_a_type_first(packages) -> None:
    sd = profile("P16", "Observation", [el("Observation.value[x].value", min=1)])
    with pytest.raises(SnapshotError, match="several types"):
        gen(packages, sd)


def test_extensions_on_a_several_typed_choice_use_element(packages) -> None:
    sd = profile(
        "P17",
        "Observation",
        [
            el("Observation.value[x].extension", max="0"),
        ],
    )
    snap = by_id(gen(packages, sd))
    assert snap["Observation.value[x].extension"]["max"] == "0"
    assert snap["Observation.value[x].extension"]["base"]["path"] == "Element.extension"


# -- base chain and errors ------------------------------------------------------------------------


def test_base_without_snapshot_is_generated_first(packages) -> None:
    a = profile("A18", "Patient", [el("Patient.name", min=1)])
    b = profile("B18", "Patient", [el("Patient.name.family", min=1)], base=EX + "A18")
    snap = by_id(gen(packages, b, a))
    assert snap["Patient.name"]["min"] == 1
    assert snap["Patient.name.family"]["min"] == 1


def test_cycles_in_the_base_chain_are_reported(packages) -> None:
    a = profile("A19", "Patient", [el("Patient.name", min=1)], base=EX + "B19")
    b = profile("B19", "Patient", [el("Patient.name", min=1)], base=EX + "A19")
    with pytest.raises(SnapshotError, match="circular"):
        gen(packages, a, b)


def test_unknown_base_and_unknown_paths_are_errors(packages) -> None:
    with pytest.raises(SnapshotError, match="is not known") as info:
        gen(packages, profile("P20", "Patient", [el("Patient.name")], base=EX + "Nowhere"))
    assert isinstance(info.value, IgkitError)
    with pytest.raises(SnapshotError) as info:
        gen(packages, profile("P21", "Patient", [el("Patient.nickname", min=1)]))
    assert "No match found for Patient.nickname" in str(info.value)
    assert info.value.element == "Patient.nickname"


def test_out_of_order_differential_is_an_error_like_the_hl7_validator(packages) -> None:
    # as in the HL7 validator's own test (ai8): the later base element is matched, the earlier
    # differential element is left over and named
    sd = profile("P22", "Patient", [el("Patient.birthDate", min=1), el("Patient.identifier", max="0")])
    with pytest.raises(SnapshotError, match="No match found for Patient.birthDate"):
        gen(packages, sd)


def test_specialization_adds_new_elements_after_the_inherited_ones(packages) -> None:
    sd = profile(
        "Model",
        "Model",
        [
            {"id": "Model", "path": "Model", "short": "A logical model"},
            {"id": "Model.name", "path": "Model.name", "min": 1, "max": "1", "type": [{"code": "string"}]},
        ],
        base="http://hl7.org/fhir/StructureDefinition/Element",
        derivation="specialization",
        kind="logical",
    )
    out = gen(packages, sd)
    assert ids(out) == ["Model", "Model.id", "Model.extension", "Model.name"]
    snap = by_id(out)
    assert snap["Model"]["short"] == "A logical model"
    assert snap["Model.id"]["base"]["path"] == "Element.id"
    assert snap["Model.name"]["base"] == {"path": "Model.name", "min": 1, "max": "1"}


def test_generation_is_fast_and_deterministic(packages) -> None:
    sd = support.package_folder("uscore") / "StructureDefinition-us-core-blood-pressure.json"
    published = json.loads(sd.read_text(encoding="utf-8"))
    support.regenerate(published, packages)  # warm the caches of the package index
    started = time.perf_counter()
    first = support.regenerate(published, packages)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5, f"took {elapsed:.3f}s"
    assert json.dumps(first, sort_keys=True) == json.dumps(
        support.regenerate(published, packages), sort_keys=True
    )


def test_children_of_an_inherited_slice_are_constrained_without_restating_the_slice(packages) -> None:
    ext = extension_definition("flag2", "boolean")
    base = profile(
        "B23",
        "Patient",
        [
            el("Patient.extension:a", sliceName="a", type=[{"code": "Extension", "profile": [EX + "flag2"]}]),
            el("Patient.extension:b", sliceName="b", type=[{"code": "Extension", "profile": [EX + "flag2"]}]),
        ],
    )
    derived = profile(
        "P23",
        "Patient",
        [
            el("Patient.extension:a.value[x]", fixedBoolean=True),
            el("Patient.extension:b.value[x]", fixedBoolean=False),
        ],
        base=EX + "B23",
    )
    out = gen(packages, derived, base, ext)
    snap = by_id(out)
    assert snap["Patient.extension:a.value[x]"]["fixedBoolean"] is True
    assert snap["Patient.extension:b.value[x]"]["fixedBoolean"] is False
    order = ids(out)
    assert order.index("Patient.extension:a.value[x]") < order.index("Patient.extension:b")


def test_base_definitions_are_not_changed(packages) -> None:
    observation = packages.structure_for_type("Observation")
    before = json.dumps(observation, sort_keys=True)
    gen(
        packages,
        profile(
            "P24",
            "Observation",
            [
                el("Observation.valueQuantity", min=1),
                el("Observation.valueQuantity.code", fixedCode="mm[Hg]"),
                el(
                    "Observation.component",
                    slicing={"discriminator": [{"type": "pattern", "path": "code"}], "rules": "open"},
                ),
                el("Observation.component:x", sliceName="x", min=1),
            ],
        ),
    )
    assert json.dumps(observation, sort_keys=True) == before


def test_new_reslices_of_an_inherited_slice_follow_that_slice(packages) -> None:
    base = profile(
        "B25",
        "Observation",
        [
            el(
                "Observation.category",
                slicing={"discriminator": [{"type": "pattern", "path": "$this"}], "rules": "open"},
            ),
            el("Observation.category:a", sliceName="a"),
            el("Observation.category:b", sliceName="b"),
        ],
    )
    derived = profile(
        "P25",
        "Observation",
        [
            el(
                "Observation.category:a",
                sliceName="a",
                slicing={"discriminator": [{"type": "value", "path": "text"}], "rules": "open"},
            ),
            el("Observation.category:a/x", sliceName="a/x", max="1"),
        ],
        base=EX + "B25",
    )
    order = [
        i
        for i in ids(gen(packages, derived, base))
        if i.startswith("Observation.category:") and "." not in i.split(":", 1)[1]
    ]
    assert order == ["Observation.category:a", "Observation.category:a/x", "Observation.category:b"]


def test_inherited_slice_children_constrained_next_to_a_restated_sliced_element(packages) -> None:
    ext = extension_definition("flag3", "boolean")
    base = profile(
        "B26",
        "Patient",
        [
            el("Patient.extension:a", sliceName="a", type=[{"code": "Extension", "profile": [EX + "flag3"]}]),
            el("Patient.extension:b", sliceName="b", type=[{"code": "Extension", "profile": [EX + "flag3"]}]),
        ],
    )
    derived = profile(
        "P26",
        "Patient",
        [
            el(
                "Patient.extension",
                slicing={"discriminator": [{"type": "value", "path": "url"}], "rules": "closed"},
            ),
            el("Patient.extension:b.value[x]", fixedBoolean=True),
        ],
        base=EX + "B26",
    )
    snap = by_id(gen(packages, derived, base, ext))
    assert snap["Patient.extension"]["slicing"]["rules"] == "closed"
    assert snap["Patient.extension:b.value[x]"]["fixedBoolean"] is True
    assert "Patient.extension.value[x]" not in snap
    assert not any(i.startswith("Patient.extension:a.") for i in snap)


def test_grandchildren_of_a_renamed_choice(packages) -> None:
    sd = profile(
        "P27",
        "Observation",
        [
            el("Observation.valueCodeableConcept", min=1),
            el("Observation.valueCodeableConcept.coding", min=1),
            el("Observation.valueCodeableConcept.coding.system", fixedUri="http://snomed.info/sct"),
        ],
    )
    snap = by_id(gen(packages, sd))
    coding = "Observation.value[x]:valueCodeableConcept.coding"
    assert snap[coding]["min"] == 1
    assert snap[coding + ".system"]["fixedUri"] == "http://snomed.info/sct"
    assert snap[coding + ".system"]["path"] == "Observation.value[x].coding.system"
