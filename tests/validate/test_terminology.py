"""terminology: offline value set membership and code checks."""

from __future__ import annotations

import pytest

from igkit.validate.terminology import Terminology
from igkit.validate.terminology_ucum import ucum_problem
from tests.validate import _vb_defs as _vb

CS = "http://example.org/CodeSystem/shapes"
CS_CI = "http://example.org/cs/ci"
SHAPES = {
    "resourceType": "CodeSystem",
    "url": CS,
    "version": "1",
    "content": "complete",
    "caseSensitive": True,
    "valueSet": "http://example.org/ValueSet/shapes",
    "property": [
        {"code": "sides", "type": "integer"},
        {"code": "round", "type": "boolean"},
        {"code": "family", "type": "Coding"},
    ],
    "concept": [
        {
            "code": "shape",
            "display": "Shape",
            "concept": [
                {
                    "code": "polygon",
                    "display": "Polygon",
                    "concept": [
                        {
                            "code": "triangle",
                            "display": "Triangle",
                            "property": [
                                {"code": "sides", "valueInteger": 3},
                                {
                                    "code": "family",
                                    "valueCoding": {"system": "http://example.org/f", "code": "flat"},
                                },
                            ],
                            "designation": [{"language": "de", "value": "Dreieck"}],
                        },
                        {
                            "code": "square",
                            "display": "Square",
                            "property": [{"code": "sides", "valueInteger": 4}],
                        },
                    ],
                },
                {
                    "code": "circle",
                    "display": "Circle",
                    "property": [{"code": "round", "valueBoolean": True}],
                },
            ],
        },
        {"code": "line", "display": "Line"},
    ],
}
CI = {
    "resourceType": "CodeSystem",
    "url": CS_CI,
    "content": "complete",
    "caseSensitive": False,
    "concept": [{"code": "Alpha", "display": "Alpha"}, {"code": "Beta", "display": "Beta"}],
}
FRAG = {
    "resourceType": "CodeSystem",
    "url": "http://example.org/cs/frag",
    "content": "fragment",
    "concept": [{"code": "a", "display": "A"}],
}


def vs(url: str, include: list, exclude: list | None = None) -> dict:
    compose = {"include": include}
    if exclude:
        compose["exclude"] = exclude
    return {"resourceType": "ValueSet", "url": url, "compose": compose}


VALUE_SETS = [
    vs(
        "http://example.org/vs/polygons",
        [{"system": CS, "filter": [{"property": "concept", "op": "is-a", "value": "polygon"}]}],
    ),
    vs(
        "http://example.org/vs/below-polygon",
        [{"system": CS, "filter": [{"property": "concept", "op": "descendent-of", "value": "polygon"}]}],
    ),
    vs(
        "http://example.org/vs/not-polygon",
        [{"system": CS, "filter": [{"property": "concept", "op": "is-not-a", "value": "polygon"}]}],
    ),
    vs(
        "http://example.org/vs/above-square",
        [{"system": CS, "filter": [{"property": "concept", "op": "generalizes", "value": "square"}]}],
    ),
    vs(
        "http://example.org/vs/four",
        [{"system": CS, "filter": [{"property": "sides", "op": "=", "value": "4"}]}],
    ),
    vs(  # a Coding-typed property is matched on its code
        "http://example.org/vs/flat",
        [{"system": CS, "filter": [{"property": "family", "op": "=", "value": "flat"}]}],
    ),
    vs(
        "http://example.org/vs/round",
        [{"system": CS, "filter": [{"property": "round", "op": "exists", "value": "true"}]}],
    ),
    vs(
        "http://example.org/vs/regex",
        [{"system": CS, "filter": [{"property": "code", "op": "regex", "value": "s.*"}]}],
    ),
    vs(
        "http://example.org/vs/in",
        [{"system": CS, "filter": [{"property": "concept", "op": "in", "value": "line,circle"}]}],
    ),
    vs("http://example.org/vs/listed", [{"system": CS, "concept": [{"code": "line"}, {"code": "square"}]}]),
    vs(
        "http://example.org/vs/all-but-line",
        [{"system": CS}],
        [{"system": CS, "concept": [{"code": "line"}]}],
    ),
    vs(
        "http://example.org/vs/import",
        [{"valueSet": ["http://example.org/vs/polygons", "http://example.org/vs/four"]}],
    ),
    vs("http://example.org/vs/union", [{"valueSet": ["http://example.org/vs/listed"]}, {"system": CS_CI}]),
    vs(
        "http://example.org/vs/snomed-listed",
        [{"system": "http://snomed.info/sct", "concept": [{"code": "123"}]}],
    ),
    vs(
        "http://example.org/vs/snomed-isa",
        [
            {
                "system": "http://snomed.info/sct",
                "filter": [{"property": "concept", "op": "is-a", "value": "404684003"}],
            }
        ],
    ),
    vs("http://example.org/vs/frag", [{"system": "http://example.org/cs/frag"}]),
    vs("http://example.org/vs/missing-import", [{"valueSet": ["http://example.org/vs/nowhere"]}]),
    vs("http://example.org/vs/ucum", [{"system": "http://unitsofmeasure.org"}]),
]


@pytest.fixture(scope="module")
def tx():
    if not _vb.R4_CORE.exists():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not installed")
    return Terminology(_vb.PackageDefs([SHAPES, CI, FRAG, *VALUE_SETS]))


@pytest.mark.parametrize(
    "vs_url, members, non_members",
    [
        ("polygons", {"polygon", "triangle", "square"}, {"shape", "circle", "line"}),
        ("below-polygon", {"triangle", "square"}, {"polygon", "circle"}),
        ("not-polygon", {"shape", "circle", "line"}, {"polygon", "triangle"}),
        ("above-square", {"square", "polygon", "shape"}, {"triangle", "line"}),
        ("four", {"square"}, {"triangle"}),
        ("flat", {"triangle"}, {"square", "circle"}),
        ("round", {"circle"}, {"square"}),
        ("regex", {"shape", "square"}, {"line", "triangle"}),
        ("in", {"line", "circle"}, {"square"}),
        ("listed", {"line", "square"}, {"circle"}),
        ("all-but-line", {"shape", "circle"}, {"line"}),
        ("import", {"square"}, {"triangle", "line"}),
    ],
)
def test_filters_and_composition(tx, vs_url, members, non_members):
    url = "http://example.org/vs/" + vs_url
    for code in members:
        assert tx.validate_code(url, CS, code).valid is True, code
        assert tx.member_of(url, {"system": CS, "code": code}) is True
    for code in non_members:
        check = tx.validate_code(url, CS, code)
        assert check.valid is False, code
        assert check.message_id == "Terminology_TX_NoValid_4" and check.severity == "error"
    all_codes = {"shape", "polygon", "triangle", "square", "circle", "line"}
    expected = {c for c in all_codes if tx.validate_code(url, CS, c).valid}
    assert members <= expected
    assert {c for _, c, _ in tx.expand(url)} == expected


def test_expansion_lists_displays(tx):
    assert tx.expand("http://example.org/vs/polygons") == [
        (CS, "polygon", "Polygon"),
        (CS, "square", "Square"),
        (CS, "triangle", "Triangle"),
    ]
    assert tx.expand("http://example.org/vs/snomed-isa") is None


def test_invalid_code_and_display(tx):
    bad = tx.validate_code("http://example.org/vs/polygons", CS, "hexagon")
    assert (bad.valid, bad.message_id, bad.severity) == (False, "Unknown_Code_in_Version", "error")
    assert "version '1'" in bad.message
    wrong = tx.validate_code("http://example.org/vs/polygons", CS, "square", display="Quadrat")
    assert wrong.valid is True
    assert [(i.severity, i.message_id) for i in wrong.issues] == [
        ("error", "Display_Name_for__should_be_one_of__instead_of_")
    ]
    assert wrong.issues[0].message == (
        f"Wrong Display Name 'Quadrat' for {CS}#square. Valid display is 'Square' (for the language(s) 'en-US')"
    )
    ok = tx.validate_code("http://example.org/vs/polygons", CS, "triangle", display=" TRIANGLE ")
    assert ok.valid is True and ok.issues == () and ok.display == "Triangle"
    german = tx.validate_code(
        "http://example.org/vs/polygons", CS, "triangle", display="dreieck", language="de"
    )
    assert german.issues == ()
    english = tx.check_code(CS, "triangle", "Dreieck")
    assert "Valid display is 'Triangle'" in english.issues[0].message
    both = tx.check_code(CS, "triangle", "Drei", language="de-CH")
    assert (
        "one of 2 choices: 'Triangle', 'Dreieck' (de) (for the language(s) 'de-CH')" in both.issues[0].message
    )


def test_case_sensitivity(tx):
    assert tx.validate_code("http://example.org/vs/polygons", CS, "Square").valid is False
    check = tx.validate_code("http://example.org/vs/union", CS_CI, "alpha")
    assert check.valid is True
    assert [i.message_id for i in check.issues] == ["CODE_CASE_DIFFERENCE"]


def test_external_and_unknown_systems(tx):
    listed = "http://example.org/vs/snomed-listed"
    assert tx.validate_code(listed, "http://snomed.info/sct", "123").valid is True
    assert tx.validate_code(listed, "http://snomed.info/sct", "456").valid is False
    isa = tx.validate_code("http://example.org/vs/snomed-isa", "http://snomed.info/sct", "404684003")
    assert isa.valid is None and isa.severity == "warning"
    assert "TERMINOLOGY_TX_NOSVC" in [i.message_id for i in isa.issues]
    unknown = tx.check_code("http://example.org/nowhere", "x")
    assert (unknown.valid, unknown.message_id, unknown.severity) == (None, "UNKNOWN_CODESYSTEM", "warning")
    frag = tx.validate_code("http://example.org/vs/frag", "http://example.org/cs/frag", "b")
    assert frag.valid is None
    missing = tx.validate_code("http://example.org/vs/missing-import", CS, "line")
    assert missing.valid is None
    nf = tx.validate_code("http://example.org/vs/none", CS, "line")
    assert (nf.valid, nf.message_id) == (None, "Terminology_TX_ValueSet_NotFound")


def test_ucum(tx):
    assert tx.validate_code("http://example.org/vs/ucum", "http://unitsofmeasure.org", "mg/dL").valid is True
    bad = tx.validate_code("http://example.org/vs/ucum", "http://unitsofmeasure.org", "mg//dL")
    assert bad.valid is False and bad.severity == "error"
    for good in (
        "mg/dL",
        "kg/m2",
        "mm[Hg]",
        "/min",
        "10*3/uL",
        "{score}",
        "%",
        "1",
        "mL/min/{1.73_m2}",
        "ug/(kg.h)",
        "[in_i]",
        "Cel",
        "[degF]",
        "meq/L",
        "[IU]/L",
        "s-1",
        "mg{creat}/g",
    ):
        assert ucum_problem(good) is None, good
    for bad_unit in ("mg/", "mg//dL", "foo", "mg dL", "(mg", "mg)", ""):
        assert ucum_problem(bad_unit), bad_unit


def test_core_value_sets_and_implicit(tx):
    gender = "http://hl7.org/fhir/ValueSet/administrative-gender"
    assert tx.validate_code(gender, None, "female").valid is True
    check = tx.validate_code(gender, None, "fem")
    assert (check.valid, check.message_id) == (False, "Terminology_TX_NoValid_16")
    assert tx.validate_code(gender, "http://hl7.org/fhir/administrative-gender", "unknown").valid is True
    # implicit value set of a code system (CodeSystem.valueSet), not defined as a ValueSet resource
    assert tx.validate_code("http://example.org/ValueSet/shapes", CS, "line").valid is True
    assert len(tx.expand("http://hl7.org/fhir/ValueSet/resource-types")) > 140
    act = "http://hl7.org/fhir/ValueSet/v3-ActEncounterCode"
    assert tx.validate_coding(
        act, {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"}
    ).valid


def test_codeable_concept_semantics(tx):
    url = "http://example.org/vs/polygons"
    one_ok = {"coding": [{"system": "http://snomed.info/sct", "code": "1"}, {"system": CS, "code": "square"}]}
    assert tx.validate_codeable_concept(url, one_ok).valid is True
    none_ok = {"coding": [{"system": CS, "code": "line"}, {"system": CS, "code": "circle"}]}
    req = tx.validate_codeable_concept(url, none_ok)
    assert (req.valid, req.message_id, req.severity) == (False, "Terminology_TX_NoValid_1_CC", "error")
    ext = tx.validate_codeable_concept(url, none_ok, strength="extensible")
    assert (ext.message_id, ext.severity) == ("Terminology_TX_NoValid_2_CC", "warning")
    pref = tx.validate_codeable_concept(url, none_ok, strength="preferred")
    assert (pref.message_id, pref.severity) == ("Terminology_TX_NoValid_3_CC", "information")
    undecided = {
        "coding": [{"system": "http://snomed.info/sct", "code": "1"}, {"system": CS, "code": "line"}]
    }
    assert (
        tx.validate_codeable_concept(url, undecided).valid is False
    )  # SNOMED is not in this value set at all
    assert tx.validate_codeable_concept("http://example.org/vs/snomed-isa", undecided).valid is None
    text_only = tx.validate_codeable_concept(url, {"text": "something"})
    assert (text_only.valid, text_only.message_id) == (False, "Terminology_TX_Code_ValueSet")
    assert tx.validate_codeable_concept(url, {"text": "x"}, strength="extensible").valid is True
    assert tx.member_of(url, none_ok) is False and tx.member_of(url, one_ok) is True
    assert tx.member_of(url, "square") is True


def test_expansions_are_memoized(tx):
    url = "http://example.org/vs/polygons"
    tx.validate_code(url, CS, "square")
    first = tx._compiled(url)
    tx.validate_code(url, CS, "triangle")
    assert tx._compiled(url) is first


def test_messages_follow_the_hl7_wording(tx):
    gender = tx.validate_code("http://hl7.org/fhir/ValueSet/administrative-gender", None, "invalid")
    assert gender.message == (
        "The value provided ('invalid') was not found in the value set 'AdministrativeGender' "
        "(http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1), and a code is required from this value set"
    )
    age = tx.validate_coding(
        "http://hl7.org/fhir/ValueSet/age-units", {"system": "http://unitsofmeasure.org", "code": "m"}
    )
    assert age.message.startswith(
        "The code provided (http://unitsofmeasure.org#m) was not found in the value set 'Common UCUM Codes for Age' "
        "(http://hl7.org/fhir/ValueSet/age-units|4.0.1)"
    )
    no_system = tx.validate_codeable_concept(
        "http://hl7.org/fhir/ValueSet/measure-population",
        {"coding": [{"code": "initial-population"}]},
        strength="extensible",
    )
    assert (no_system.valid, no_system.severity) == (False, "warning")
    assert no_system.message.endswith("(codes = null#initial-population)")
    assert "TERMINOLOGY_TX_SYSTEM_NO_CODE" in [i.message_id for i in no_system.issues]


def test_code_system_version_mismatch(tx):
    other = tx.check_code(CS, "line", version="2")
    assert (other.valid, other.message_id, other.severity) == (None, "UNKNOWN_CODESYSTEM_VERSION", "warning")
    assert other.message.endswith("Valid versions: 1")
    assert tx.check_code(CS, "line", version="1").valid is True
