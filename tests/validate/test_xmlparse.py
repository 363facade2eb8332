"""xmlparse: FHIR XML to the JSON shape with positions, and refusal of unsafe XML."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from igkit.validate.model import ParseFailure
from igkit.validate.xmlparse import parse_xml
from tests.validate import _vb_defs as _vb

CASES = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "validator-tests"
if not CASES.exists():
    CASES = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/validator-tests")


@pytest.fixture(scope="module")
def defs():
    if not _vb.R4_CORE.exists():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not installed")
    return _vb.PackageDefs()


def parse(text: str, defs):
    return parse_xml(text.encode("utf-8"), defs, "test.xml")


def test_shapes_and_primitive_types(defs):
    doc = parse(
        """<?xml version="1.0" encoding="UTF-8"?>
<Observation xmlns="http://hl7.org/fhir">
  <id value="o1"/>
  <status value="final"/>
  <code><coding><system value="http://loinc.org"/><code value="1-8"/></coding></code>
  <valueQuantity><value value="1.50"/><unit value="mg"/></valueQuantity>
  <component><code><text value="a"/></code><valueBoolean value="true"/></component>
  <component><code><text value="b"/></code><valueInteger value="42"/></component>
</Observation>""",
        defs,
    )
    d = doc.data
    assert d["resourceType"] == "Observation"
    assert d["code"]["coding"][0]["code"] == "1-8"
    assert d["valueQuantity"]["value"] == Decimal("1.50")
    assert str(d["valueQuantity"]["value"]) == "1.50"
    assert d["component"][0]["valueBoolean"] is True
    assert d["component"][1]["valueInteger"] == 42
    assert doc.format == "xml"
    # positions: end of each start tag, 1-based
    assert doc.positions[()] == (2, 42)
    assert doc.positions[("status",)] == (4, 26)
    assert doc.positions[("component", 1, "valueInteger")] == (8, 70)
    assert doc.position(("component", 1, "valueInteger", "nothing")) == (8, 70)


def test_primitive_extensions_go_to_underscore_siblings(defs):
    doc = parse(
        """<Patient xmlns="http://hl7.org/fhir">
  <name>
    <given value="A"/>
    <given id="g2"><extension url="http://x/e"><valueString value="v"/></extension></given>
    <given value="C"/>
  </name>
  <birthDate value="2000-01-01"><extension url="http://x/t"><valueTime value="10:00:00"/></extension></birthDate>
</Patient>""",
        defs,
    )
    name = doc.data["name"][0]
    assert name["given"] == ["A", None, "C"]
    assert name["_given"] == [
        None,
        {"id": "g2", "extension": [{"url": "http://x/e", "valueString": "v"}]},
        None,
    ]
    assert doc.data["birthDate"] == "2000-01-01"
    assert doc.data["_birthDate"]["extension"][0]["valueTime"] == "10:00:00"
    assert ("name", 0, "_given", 1) in doc.positions


def test_resources_narrative_and_unknown_elements(defs):
    doc = parse(
        """<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry>
    <fullUrl value="urn:uuid:1"/>
    <resource>
      <Patient>
        <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">a &amp; <b>b</b><br/></div></text>
        <contained><Organization><id value="o"/><name value="Org"/></Organization></contained>
        <bogus value="x"/>
        <active value="yes"/>
      </Patient>
    </resource>
  </entry>
</Bundle>""",
        defs,
    )
    pat = doc.data["entry"][0]["resource"]
    assert pat["resourceType"] == "Patient"
    assert pat["text"]["div"] == (
        '<div xmlns="http://www.w3.org/1999/xhtml" xml:lang="en">a &amp; <b>b</b><br/></div>'
    )
    assert pat["contained"] == [{"resourceType": "Organization", "id": "o", "name": "Org"}]
    assert pat["bogus"] == "x"  # kept so that the walker reports it
    assert pat["active"] == "yes"  # lexically wrong: kept as text for the primitive checker
    assert doc.positions[("entry", 0, "resource")] == (6, 16)


def test_contentreference_elements(defs):
    doc = parse(
        """<Questionnaire xmlns="http://hl7.org/fhir"><status value="draft"/>
<item><linkId value="1"/><type value="group"/><item><linkId value="1.1"/><type value="string"/></item></item>
</Questionnaire>""",
        defs,
    )
    assert doc.data["item"][0]["item"][0]["linkId"] == "1.1"


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("<Patient xmlns='http://hl7.org/fhir'><active value='true'></Patient>", "Error parsing XML"),
        ("<Patient><active value='true'/></Patient>", "no namespace"),
        ("<Patient xmlns='urn:other'/>", "unknown namespace/name 'urn:other::Patient'"),
        ("<Quantity xmlns='http://hl7.org/fhir'/>", "unknown name 'Quantity'"),
        ("<Nonsense xmlns='http://hl7.org/fhir'/>", "unknown name 'Nonsense'"),
        ("", "Error parsing XML"),
    ],
)
def test_not_fhir_xml_is_fatal(defs, text, fragment):
    with pytest.raises(ParseFailure) as err:
        parse(text, defs)
    assert fragment in err.value.message


def test_malformed_xml_reports_line_and_column(defs):
    with pytest.raises(ParseFailure) as err:
        parse("<Patient xmlns='http://hl7.org/fhir'>\n  <active value='true'>\n</Patient>", defs)
    assert err.value.line == 3


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Patient xmlns="http://hl7.org/fhir"><name><family value="&lol9;"/></name></Patient>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Patient xmlns="http://hl7.org/fhir"><name><family value="&xxe;"/></name></Patient>"""

DTD = """<?xml version="1.0"?>
<!DOCTYPE Patient SYSTEM "http://example.org/evil.dtd">
<Patient xmlns="http://hl7.org/fhir"/>"""


@pytest.mark.parametrize("text", [BOMB, XXE, DTD])
def test_doctype_and_entities_are_refused(defs, text):
    with pytest.raises(ParseFailure) as err:
        parse(text, defs)
    assert err.value.line == 2
    assert "not allowed" in err.value.message


def test_undeclared_entity_is_fatal(defs):
    with pytest.raises(ParseFailure):
        parse("<Patient xmlns='http://hl7.org/fhir'><id value='&foo;'/></Patient>", defs)


def _xml_cases():
    manifest = CASES / "manifest.json"
    if not manifest.exists():
        return []
    files = sorted(
        {c["file"] for c in json.loads(manifest.read_text())["cases"] if c["file"].endswith(".xml")}
    )
    return files


@pytest.mark.skipif(not _xml_cases(), reason="validator-tests not available")
def test_validator_test_cases_parse(defs):
    """Every XML case of the HL7 suite parses (none of them expects a fatal parse error)."""
    failures = []
    for name in _xml_cases():
        try:
            doc = parse_xml((CASES / "files" / name).read_bytes(), defs, name)
        except ParseFailure as e:  # pragma: no cover - reported below
            failures.append((name, e.message))
            continue
        assert doc.data["resourceType"]
        assert () in doc.positions
    assert failures == []


def test_position_matches_hl7_validator(defs):
    """The HL7 validator reports List.text.div of list-xhtml-empty.xml at [7,47]."""
    path = CASES / "files" / "list-xhtml-empty.xml"
    if not path.exists():
        pytest.skip("validator-tests not available")
    doc = parse_xml(path.read_bytes(), defs)
    assert doc.positions[("text", "div")] == (7, 47)


def test_xml_only_findings_are_collected(defs):
    issues = []
    doc = parse_xml(
        b"""<Patient xmlns="http://hl7.org/fhir" xmlns:x="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://hl7.org/fhir patient.xsd">
  <?pi data?>
  <active value="true" bogus="1"/>
  <name>stray text<family value="F"/><given value="G1"/></name>
  <gender value="male"/>
  <birthDate/>
  <active value="false"/>
  <x:foreign value="1"/>
</Patient>""",
        defs,
        "p.xml",
        issues,
    )
    found = {(i.message_id, i.path) for i in issues}
    assert ("Undefined_attribute__on__for_type__properties__", ("active",)) in found
    assert ("Text_should_not_be_present", ("name", 0)) in found
    assert ("Element_must_have_some_content", ("birthDate",)) in found
    assert ("Validation_VAL_Profile_OutOfOrder", ("active",)) in found
    assert ("Wrong_namespace__expected_", ("foreign",)) in found
    assert ("No_processing_instructions_allowed_in_resources", ()) in found
    assert all(i.severity == "error" and i.line > 0 for i in issues)
    assert doc.data["foreign"] == "1"  # kept as an unknown element, not read as FHIR
    assert doc.data["name"][0]["given"] == ["G1"]


def test_clean_document_has_no_findings(defs):
    issues = []
    parse(
        '<Patient xmlns="http://hl7.org/fhir"><id value="a"/><name><family value="F"/>'
        '<given value="G"/><given value="H"/></name></Patient>',
        defs,
    )
    parse_xml(
        b'<Patient xmlns="http://hl7.org/fhir"><id value="a"/><name><family value="F"/></name></Patient>',
        defs,
        "",
        issues,
    )
    assert issues == []


# -- round trip: official JSON examples written as XML parse back to the same JSON -------------


def _to_xml(res: dict) -> str:
    """A plain FHIR JSON -> XML writer (keeps the JSON's property order)."""
    from xml.sax.saxutils import quoteattr

    out: list[str] = []

    def text(v):
        return ("true" if v else "false") if isinstance(v, bool) else str(v)

    def body(o: dict, is_resource: bool, name: str) -> None:
        is_ext = name in ("extension", "modifierExtension")
        for k, v in o.items():
            if (
                k == "resourceType"
                or k.startswith("_")
                or (k == "id" and not is_resource)
                or (k == "url" and is_ext)
            ):
                continue
            items = v if isinstance(v, list) else [v]
            ext = o.get("_" + k)
            exts = ext if isinstance(ext, list) else [ext] * len(items)
            for item, e in zip(items, exts + [None] * (len(items) - len(exts))):
                if k == "div" and isinstance(item, str):
                    out.append(item)
                elif isinstance(item, dict) and "resourceType" in item:
                    out.append(f"<{k}>")
                    resource(item, False)
                    out.append(f"</{k}>")
                elif isinstance(item, dict):
                    attrs = f" id={quoteattr(item['id'])}" if isinstance(item.get("id"), str) else ""
                    if k in ("extension", "modifierExtension") and "url" in item:
                        attrs += f" url={quoteattr(item['url'])}"
                    out.append(f"<{k}{attrs}>")
                    body(item, False, k)
                    out.append(f"</{k}>")
                else:
                    attrs = f" id={quoteattr(e['id'])}" if e and e.get("id") else ""
                    attrs += "" if item is None else f" value={quoteattr(text(item))}"
                    if e and e.get("extension"):
                        out.append(f"<{k}{attrs}>")
                        body({"extension": e["extension"]}, False, k)
                        out.append(f"</{k}>")
                    else:
                        out.append(f"<{k}{attrs}/>")

    def resource(r: dict, root: bool) -> None:
        ns = ' xmlns="http://hl7.org/fhir"' if root else ""
        out.append(f"<{r['resourceType']}{ns}>")
        body(r, True, r["resourceType"])
        out.append(f"</{r['resourceType']}>")

    resource(res, True)
    return "".join(out)


def _comparable(o):
    from igkit.validate.xhtml import parse_div

    def tree(el):
        return (
            el.ns,
            el.name,
            sorted(el.attrs.items()),
            [c if isinstance(c, str) else tree(c) for c in el.children],
        )

    if isinstance(o, dict):
        return {
            k: tree(parse_div(v)) if k == "div" and isinstance(v, str) else _comparable(v)
            for k, v in o.items()
        }
    if isinstance(o, list):
        return [_comparable(v) for v in o]
    return o


SAMPLES = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/r4-examples-sample")


@pytest.mark.skipif(not SAMPLES.exists(), reason="r4 examples not available")
def test_official_examples_round_trip_through_xml(defs):
    files = sorted(SAMPLES.glob("*.json"))[::6]
    for path in files:
        source = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
        doc = parse_xml(_to_xml(source).encode("utf-8"), defs, path.name)
        assert _comparable(doc.data) == _comparable(source), path.name
    assert len(files) > 80
