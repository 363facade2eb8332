"""Property-based and hostile-input tests of the validator's reading layer and of `igkit validate`.

Whatever the bytes, the JSON/XML readers either return a Document or raise ParseFailure (never
another exception, never a RecursionError), and the CLI always writes an OperationOutcome, with
a fatal or error issue for unreadable input. Example counts are kept small so the suite stays fast.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from igkit.validate.jsonparse import parse_json
from igkit.validate.model import Document, ParseFailure
from igkit.validate.primitives import PRIMITIVE_TYPES, PrimitiveContext, check_primitive

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HAS_XML = importlib.util.find_spec("igkit.validate.xmlparse") is not None

# -- strategies ----------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=25,
)
json_objects = st.dictionaries(st.text(max_size=8), json_values, max_size=6)
layouts = st.sampled_from([None, 0, 2, "\t"])


def _walk(value, path=()):
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk(v, path + (i,))


def _read_outcome(data: bytes):
    """parse_json's contract: a Document or a ParseFailure with a sane position."""
    try:
        return parse_json(data, "fuzz.json")
    except ParseFailure as failure:
        assert failure.line >= 1 and failure.column >= 1
        assert failure.message.startswith("Error parsing JSON: ")
        return failure


# -- parser properties ---------------------------------------------------------------------


@FAST
@given(obj=json_objects, indent=layouts)
def test_random_json_round_trips_with_a_position_for_every_value(obj, indent):
    text = json.dumps(obj, indent=indent, ensure_ascii=False)
    doc = parse_json(text.encode("utf-8"))
    assert doc.data == json.loads(text, parse_float=Decimal)
    assert doc.problems == []
    n_lines = text.count("\n") + 1
    for path, _ in _walk(doc.data):
        line, col = doc.positions[path]
        assert 1 <= line <= n_lines and col >= 1


@FAST
@given(obj=json_objects)
def test_a_bom_changes_nothing(obj):
    data = json.dumps(obj).encode("utf-8")
    plain, with_bom = parse_json(data), parse_json(b"\xef\xbb\xbf" + data)
    assert plain.data == with_bom.data and plain.positions == with_bom.positions


@FAST
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash(data):
    _read_outcome(data)


@FAST
@given(
    obj=json_objects,
    cut=st.integers(min_value=0),
    junk=st.sampled_from(
        ["", "{", "}", "[", "]", ",", ":", '"', "\\", "\x00", "NaN", "-", "1e", "//", "/*", "\xff"]
    ),
)
def test_mutated_json_never_crashes(obj, cut, junk):
    text = json.dumps(obj)
    at = cut % (len(text) + 1)
    mutated = text[:at] + junk + text[at + 1 :]
    result = _read_outcome(mutated.encode("utf-8", "surrogatepass"))
    if isinstance(result, Document):
        assert isinstance(result.data, dict)


@FAST
@given(
    obj=json_objects,
    at=st.integers(min_value=0),
    bad=st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]),
)
def test_invalid_utf8_is_always_a_parse_failure(obj, at, bad):
    data = json.dumps(obj).encode("utf-8")
    at = at % (len(data) + 1)
    # insert outside any multi-byte sequence: only after an ASCII byte (or at the start)
    while at > 0 and data[at - 1] >= 0x80:
        at -= 1
    with pytest.raises(ParseFailure, match="UTF-8"):
        parse_json(data[:at] + bad + data[at:])


@pytest.mark.parametrize("depth", [300, 10_000, 100_000])
def test_deep_nesting_is_a_parse_failure(depth):
    for opener, closer in (("[", "]"), ('{"a":', "}")):
        with pytest.raises(ParseFailure, match="nested"):
            parse_json(('{"x": ' + opener * depth + closer * depth + "}").encode())


def test_huge_string_and_many_members():
    big = parse_json(b'{"resourceType": "Binary", "data": "' + b"A" * 20_000_000 + b'"}')
    assert len(big.data["data"]) == 20_000_000
    wide = parse_json(("{" + ",".join(f'"k{i}": {i}' for i in range(100_000)) + "}").encode())
    assert len(wide.data) == 100_000 and wide.positions[("k99999",)][0] == 1


# -- XML reader ----------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<Patient xmlns="http://hl7.org/fhir"><id value="&lol4;"/></Patient>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Patient [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Patient xmlns="http://hl7.org/fhir"><id value="&xxe;"/></Patient>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE Patient [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<Patient xmlns="http://hl7.org/fhir"/>"""


class _NoDefinitions:
    """A DefinitionSource that knows nothing: hostile XML must be refused before it matters."""

    def fetch(self, url):
        return None

    def structure_for_type(self, type_name):
        return None


@pytest.mark.skipif(not HAS_XML, reason="xmlparse not built yet")
@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, PARAMETER_ENTITY, b"<Patient", b"\xff\xfe<", b"", b"<a>" * 10_000],
)
def test_hostile_xml_is_a_parse_failure(data):
    from igkit.validate.xmlparse import parse_xml

    with pytest.raises(ParseFailure):
        parse_xml(data, _NoDefinitions(), "fuzz.xml")


@pytest.mark.skipif(not HAS_XML, reason="xmlparse not built yet")
@FAST
@given(data=st.binary(max_size=200))
def test_random_bytes_as_xml_never_crash(data):
    from igkit.validate.xmlparse import parse_xml

    try:
        parse_xml(b"<" + data, _NoDefinitions(), "fuzz.xml")
    except ParseFailure as failure:
        assert failure.line >= 1


# -- the CLI -------------------------------------------------------------------------------

HOSTILE_FILES = {
    "empty.json": b"",
    "not-object.json": b"[1, 2, 3]",
    "truncated.json": b'{"resourceType": "Patient", "id": "x"',
    "nan.json": b'{"resourceType": "Observation", "valueQuantity": {"value": NaN}}',
    "deep.json": b'{"resourceType": "Basic", "x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
    "bad-utf8.json": b'{"resourceType": "Patient", "name": [{"family": "\xff\xfe"}]}',
    "utf16.json": '{"resourceType": "Patient"}'.encode("utf-16"),
    "billion-laughs.xml": BILLION_LAUGHS,
    "xxe.xml": EXTERNAL_ENTITY,
    "broken.xml": b"<Patient xmlns='http://hl7.org/fhir'><id value='1'/>",
}


def _run_cli(path: Path, out: Path):
    """`igkit validate` in-process, run from outside the IG project (base definitions only)."""
    from click.testing import CliRunner

    from igkit.cli import cli

    with contextlib.chdir(path.parent):
        result = CliRunner().invoke(
            cli, ["validate", str(path), "--fhir-version", "4.0.1", "--output", str(out)]
        )
    assert not (result.exception and not isinstance(result.exception, SystemExit)), result.output
    assert "Traceback" not in result.output
    outcome = json.loads(out.read_text(encoding="utf-8"))
    assert outcome["resourceType"] == "OperationOutcome"
    return outcome


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_cli_reports_unreadable_input_as_an_outcome(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE_FILES[name])
    outcome = _run_cli(path, tmp_path / "out.json")
    assert any(i["severity"] in ("fatal", "error") for i in outcome.get("issue", []))


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(obj=json_objects)
def test_cli_never_crashes_on_random_json(tmp_path, obj):
    path = tmp_path / "random.json"
    path.write_text(json.dumps({"resourceType": "Basic", **obj}))
    _run_cli(path, tmp_path / "out.json")


def test_cli_handles_the_deepest_nesting_the_reader_accepts(tmp_path):
    """Nested extensions just inside MAX_DEPTH: a normal outcome, no RecursionError in the walker."""
    from igkit.validate.jsonparse import MAX_DEPTH

    levels = (MAX_DEPTH - 4) // 2  # root object, then an array and an object per extension level
    leaf: dict = {"url": "http://example.org/x", "valueString": "leaf"}
    for _ in range(levels):
        leaf = {"url": "http://example.org/x", "extension": [leaf]}
    path = tmp_path / "deep-extensions.json"
    path.write_text(json.dumps({"resourceType": "Basic", "code": {"text": "x"}, "extension": [leaf]}))
    assert isinstance(parse_json(path.read_bytes()).data, dict)
    outcome = _run_cli(path, tmp_path / "out.json")
    assert not any(i["severity"] == "fatal" for i in outcome.get("issue", []))


def test_cli_reports_recovered_json_defects_as_errors(tmp_path):
    path = tmp_path / "defects.json"
    path.write_bytes(b'{"resourceType": "Basic", // note\n "code": {"text": "a", "text": "b",}}')
    outcome = _run_cli(path, tmp_path / "out.json")
    errors = [i for i in outcome.get("issue", []) if i["severity"] == "error"]
    texts = " | ".join(i["details"]["text"] for i in errors)
    assert "Comments are not allowed in JSON" in texts
    assert "The JSON property 'text' is a duplicate and will be ignored" in texts
    assert "extra comma at the end of the Object" in texts


# -- primitive checks never raise ----------------------------------------------------------

any_values = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.decimals(allow_nan=True, allow_infinity=True)
    | st.floats()
    | st.text(max_size=40)
    | st.from_regex(
        r"-?[0-9]{1,4}(-[0-9]{1,2}(-[0-9]{1,2}(T[0-9:.]{1,12}(Z|[+-][0-9:]{1,5})?)?)?)?", fullmatch=True
    )
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
)


@FAST
@given(type_code=st.sampled_from(sorted(PRIMITIVE_TYPES)), value=any_values, xml=st.booleans())
def test_primitive_checks_never_raise(type_code, value, xml):
    ctx = PrimitiveContext(source_format="xml" if xml else "json")
    for issue in check_primitive(type_code, value, None, ctx):
        assert issue.severity in ("error", "warning", "information")
        assert issue.message and issue.message_id
