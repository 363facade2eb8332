"""Tests for igkit.validate.primitives against the Java validator's rules, ids and severities."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from igkit.validate.jsonparse import parse_json
from igkit.validate.primitives import (
    PRIMITIVE_TYPES,
    PrimitiveContext,
    PrimitiveIssue,
    check_primitive,
    check_resource_id,
)

CONFORMANCE = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance")


def ids(type_code, value, raw=None, ctx=None):
    return [(i.message_id, i.severity) for i in check_primitive(type_code, value, raw, ctx)]


VALID = [
    ("boolean", True),
    ("boolean", False),
    ("integer", 0),
    ("integer", -2147483648),
    ("integer", 2147483647),
    ("unsignedInt", 0),
    ("positiveInt", 1),
    ("decimal", Decimal("1.50")),
    ("decimal", 3),
    ("decimal", Decimal("-0.001")),
    ("decimal", Decimal("1E+2")),
    ("string", "hello"),
    ("string", "line one\nline two\ttab"),
    ("string", "x" * 1048576),
    ("code", "final"),
    ("code", "a b c"),
    ("id", "abc-123.X"),
    ("id", "a" * 64),
    ("uri", "http://example.org/fhir"),
    ("uri", "urn:oid:2.16.840.1.113883"),
    ("uri", "relative/path"),
    ("url", "https://example.org/a?b=c"),
    ("canonical", "http://hl7.org/fhir/StructureDefinition/Patient|4.0.1"),
    ("canonical", "#frag"),
    ("oid", "urn:oid:2.16.840.1.113883.6.1"),
    ("oid", "urn:oid:1.3.6"),
    ("uuid", "urn:uuid:c757873d-ec9a-4326-a141-556f43239520"),
    ("base64Binary", "aGVsbG8="),
    ("base64Binary", "aGVsbG8h"),
    # the Java validator only counts base64 characters: others are left to the Attachment checks
    ("base64Binary", "..."),
    ("base64Binary", "ab$cd"),
    ("instant", "2015-02-07T13:28:17.239+02:00"),
    ("instant", "2015-02-07T13:28:17Z"),
    ("date", "2018"),
    ("date", "1973-06"),
    ("date", "1905-08-23"),
    ("date", "2024-02-29"),
    ("dateTime", "2015"),
    ("dateTime", "2015-02-07"),
    ("dateTime", "2015-02-07T13:28:17-05:00"),
    ("dateTime", "2017-01-01T00:00:00.000Z"),
    ("time", "23:59:59"),
    ("time", "00:00:60"),
    ("markdown", "Some *markdown* text"),
    ("xhtml", '<div xmlns="http://www.w3.org/1999/xhtml">x</div>'),
]


@pytest.mark.parametrize("type_code, value", VALID)
def test_valid_values_have_no_issues(type_code, value):
    assert check_primitive(type_code, value) == []


INVALID = [
    (
        "boolean",
        "yes",
        [
            ("Error_parsing_JSON_the_primitive_value_must_be_a_boolean", "error"),
            ("Type_Specific_Checks_DT_Boolean_Value", "error"),
        ],
    ),
    ("boolean", "true", [("Error_parsing_JSON_the_primitive_value_must_be_a_boolean", "error")]),
    ("integer", "5", [("Error_parsing_JSON_the_primitive_value_must_be_a_number", "error")]),
    ("integer", 2147483648, [("Type_Specific_Checks_DT_Integer_Valid", "error")]),
    ("integer", -2147483649, [("Type_Specific_Checks_DT_Integer_Valid", "error")]),
    ("integer", Decimal("1.0"), [("Type_Specific_Checks_DT_Integer_Valid", "error")]),
    (
        "integer",
        True,
        [
            ("Error_parsing_JSON_the_primitive_value_must_be_a_number", "error"),
            ("Type_Specific_Checks_DT_Integer_Valid", "error"),
        ],
    ),
    ("unsignedInt", -1, [("Type_Specific_Checks_DT_Integer_LT0", "error")]),
    ("positiveInt", 0, [("Type_Specific_Checks_DT_Integer_LT1", "error")]),
    ("positiveInt", -3, [("Type_Specific_Checks_DT_Integer_LT1", "error")]),
    ("decimal", "1.5", [("Error_parsing_JSON_the_primitive_value_must_be_a_number", "error")]),
    ("decimal", Decimal("1234567890.1234567891"), [("Type_Specific_Checks_DT_Decimal_Range", "warning")]),
    ("string", " padded", [("Type_Specific_Checks_DT_String_WS", "warning")]),
    ("string", "padded\n", [("Type_Specific_Checks_DT_String_WS", "warning")]),
    ("string", "x" * 1048577, [("Type_Specific_Checks_DT_String_Length", "error")]),
    ("string", 12, [("Error_parsing_JSON_the_primitive_value_must_be_a_string", "error")]),
    ("string", "", [("Type_Specific_Checks_DT_Primitive_NotEmpty", "error")]),
    ("string", "   ", [("Type_Specific_Checks_DT_Primitive_WS", "warning")]),
    ("string", "bell\x07", [("UNICODE_XML_BAD_CHARS", "warning")]),
    (
        "string",
        "form\x0cfeed",
        [("UNICODE_XML_BAD_CHARS", "warning"), ("Type_Specific_Checks_DT_Primitive_Regex_Type", "error")],
    ),
    ("code", " final", [("Type_Specific_Checks_DT_Code_WS", "error")]),
    ("code", "a  b", [("Type_Specific_Checks_DT_Code_WS", "error")]),
    ("code", "a\tb", [("Type_Specific_Checks_DT_Code_WS", "error")]),
    ("id", "has space", [("Type_Specific_Checks_DT_ID_Valid", "error")]),
    ("id", "a" * 65, [("Type_Specific_Checks_DT_ID_Valid", "error")]),
    ("id", "under_score", [("Type_Specific_Checks_DT_ID_Valid", "error")]),
    ("uri", "http://exa mple.org", [("Type_Specific_Checks_DT_URI_WS", "error")]),
    ("uri", "oid:1.2.3", [("Type_Specific_Checks_DT_URI_OID", "error")]),
    ("uri", "uuid:abc", [("Type_Specific_Checks_DT_URI_UUID", "error")]),
    (
        "uri",
        "urn:uuid:C757873D-EC9A-4326-A141-556F43239520",
        [("Type_Specific_Checks_DT_UUID_Valid", "error")],
    ),
    ("uri", "urn:oid:1.2", [("Type_Specific_Checks_DT_OID_Valid", "error")]),
    ("uri", "a\tb", [("Type_Specific_Checks_DT_Primitive_Regex_Type", "error")]),
    ("oid", "1.2.840.113883", [("Type_Specific_Checks_DT_OID_Start", "error")]),
    ("oid", "urn:oid:3.2.840", [("Type_Specific_Checks_DT_OID_Valid", "error")]),
    ("uuid", "c757873d-ec9a-4326-a141-556f43239520", [("Type_Specific_Checks_DT_UUID_Strat", "error")]),
    ("canonical", "StructureDefinition/x", [("TYPE_SPECIFIC_CHECKS_CANONICAL_ABSOLUTE", "error")]),
    ("base64Binary", "abc", [("Type_Specific_Checks_DT_Base64_Valid", "error")]),
    ("base64Binary", "A==", [("Type_Specific_Checks_DT_Base64_Valid", "error")]),
    ("base64Binary", "A(B=", [("Type_Specific_Checks_DT_Base64_Valid", "error")]),
    ("base64Binary", "aGVs bG8=", [("TYPE_SPECIFIC_CHECKS_DT_BASE64_NO_WS_WARNING", "warning")]),
    ("instant", "2015-02-07", [("Type_Specific_Checks_DT_DateTime_Regex", "error")]),
    ("instant", "2015-02-30T10:00:00Z", [("Type_Specific_Checks_DT_Instant_Valid", "error")]),
    ("instant", "1700-02-07T10:00:00Z", [("Type_Specific_Checks_DT_DateTime_Reasonable", "warning")]),
    ("date", "2023-02-29", [("Type_Specific_Checks_DT_Date_Valid", "error")]),
    ("date", "2023-13", [("Type_Specific_Checks_DT_Date_Valid", "error")]),
    ("date", "23-01-01", [("Type_Specific_Checks_DT_Date_Valid", "error")]),
    ("date", "2023-01-01T10:00:00Z", [("Type_Specific_Checks_DT_Date_Valid", "error")]),
    ("date", "0999", [("Type_Specific_Checks_DT_DateTime_Reasonable", "warning")]),
    ("date", 2020, [("Error_parsing_JSON_the_primitive_value_must_be_a_string", "error")]),
    (
        "date",
        1700,
        [
            ("Error_parsing_JSON_the_primitive_value_must_be_a_string", "error"),
            ("Type_Specific_Checks_DT_DateTime_Reasonable", "warning"),
        ],
    ),
    ("dateTime", "2020-11-11T10:58:14.768528", [("Type_Specific_Checks_DT_DateTime_TZ", "error")]),
    ("dateTime", "2021-04-31", [("Type_Specific_Checks_DT_DateTime_Valid", "error")]),
    ("dateTime", "2021-01-01T25:00:00Z", [("Type_Specific_Checks_DT_DateTime_Valid", "error")]),
    ("dateTime", "3017-09-06T06:30:54+00:00", [("Type_Specific_Checks_DT_DateTime_Reasonable", "warning")]),
    ("time", "24:00:00", [("Type_Specific_Checks_DT_Time_Valid", "error")]),
    ("time", "10:00", [("Type_Specific_Checks_DT_Time_Valid", "error")]),
    ("markdown", "see <b>this</b>", [("TYPE_SPECIFIC_CHECKS_DT_MARKDOWN_HTML", "warning")]),
    ("code", {"a": 1}, [("This_property_must_be_an_simple_value_not_", "error")]),
    ("code", None, [("Type_Specific_Checks_DT_Primitive_ValueExt", "error")]),
]


@pytest.mark.parametrize("type_code, value, expected", INVALID)
def test_invalid_values_report_the_java_ids_and_severities(type_code, value, expected):
    assert ids(type_code, value) == expected


def test_messages_carry_the_value():
    (issue,) = check_primitive("code", "a  b")
    assert issue == PrimitiveIssue(
        "Type_Specific_Checks_DT_Code_WS",
        "The code 'a  b' is not valid (whitespace rules)",
        "error",
        "invalid",
    )
    (issue,) = check_primitive("string", "tab\t ")
    assert issue.message == "value should not start or finish with whitespace 'tab\\t '"
    (issue,) = check_primitive("decimal", Decimal("1E+99999"))
    assert issue.code == "value" and "'1E+99999'" in issue.message
    (issue,) = check_primitive("string", "a\x01b\x02")
    assert "characters [1, 2] (hex values)" in issue.message


def test_raw_literal_text_is_used_for_decimals():
    # 19 significant digits is beyond the Java validator's "reasonable" decimals
    assert ids("decimal", Decimal("0.1234567890123456789"), raw="0.1234567890123456789") == [
        ("Type_Specific_Checks_DT_Decimal_Range", "warning")
    ]
    assert ids("decimal", Decimal("1E+5"), raw="1e00005") == [
        ("Type_Specific_Checks_DT_Decimal_Range", "warning")
    ]
    assert ids("decimal", Decimal("1.0"), raw="1.0") == []


def test_context_changes_the_rules():
    # XML values are text: no JSON type checks
    assert ids("integer", "5", ctx=PrimitiveContext(source_format="xml")) == []
    assert ids("boolean", "TRUE", ctx=PrimitiveContext(source_format="xml")) == [
        ("Type_Specific_Checks_DT_Boolean_Value", "error")
    ]
    # a primitive with extensions may have no value
    assert ids("string", None, ctx=PrimitiveContext(has_extensions=True)) == []
    assert ids("string", "", ctx=PrimitiveContext(has_extensions=True)) == []
    # Resource.id is checked by check_resource_id instead
    assert ids("id", "bad id", ctx=PrimitiveContext(base_path="Resource.id")) == []
    assert ids("code", "abcdef", ctx=PrimitiveContext(max_length=3)) == [
        ("Type_Specific_Checks_DT_Primitive_Length", "error")
    ]
    # outside core definitions the timezone rule does not apply (the type regex still does)
    assert ids("dateTime", "2020-11-11T10:58:14", ctx=PrimitiveContext(core_definition=False)) == [
        ("Type_Specific_Checks_DT_Primitive_Regex_Type", "error")
    ]


def test_resource_id_rules():
    assert check_resource_id("abc-1.2") == []
    assert [i.message for i in check_resource_id("bad-id 1")] == [
        "Invalid Resource id: Invalid Characters ('bad-id 1')"
    ]
    assert [i.message for i in check_resource_id("x" * 115)] == ["Invalid Resource id: Too long (115 chars)"]


def test_unknown_types_are_not_checked():
    assert check_primitive("Quantity", {"value": 1}) == []
    assert "dateTime" in PRIMITIVE_TYPES and "Quantity" not in PRIMITIVE_TYPES


def _java_issue(expected: str, expression: str) -> dict:
    outcome = json.loads((CONFORMANCE / "validator-tests" / "expected" / expected).read_text())
    return next(i for i in outcome["issue"] if i["expression"] == [expression])


@pytest.mark.skipif(not (CONFORMANCE / "validator-tests").is_dir(), reason="conformance cases not available")
@pytest.mark.parametrize(
    "case_file, expected, expression, path, type_code, checker",
    [
        ("ai4.json", "R4.ai4-base.json", "Patient.birthDate", ("birthDate",), "date", check_primitive),
        (
            "hakan-se.json",
            "R4.hakan-se-base.json",
            "MedicationRequest.authoredOn",
            ("authoredOn",),
            "dateTime",
            check_primitive,
        ),
        (
            "resource-invalid-id-1.json",
            "R4.resource-invalid-id-1-base.json",
            "Location.id",
            ("id",),
            None,
            check_resource_id,
        ),
        (
            "patient-id-bad-2.json",
            "R4.patient-id-bad-2 - R4-base.json",
            "Patient.id",
            ("id",),
            None,
            check_resource_id,
        ),
        (
            "patient-id-bad-3.json",
            "R4.patient-id-bad-3 - R4-base.json",
            "Patient.id",
            ("id",),
            None,
            check_resource_id,
        ),
    ],
)
def test_agrees_with_java_outcomes(case_file, expected, expression, path, type_code, checker):
    doc = parse_json((CONFORMANCE / "validator-tests" / "files" / case_file).read_bytes())
    value = doc.data
    for step in path:
        value = value[step]
    issues = checker(type_code, value) if type_code else checker(value)
    java = _java_issue(expected, expression)
    assert [(i.severity, i.code, i.message) for i in issues] == [
        (java["severity"], java["code"], java["details"]["text"])
    ]


@pytest.mark.skipif(not (CONFORMANCE / "r4-examples-sample").is_dir(), reason="R4 examples not available")
def test_no_errors_on_the_official_r4_examples():
    """Elements whose type is unambiguous by name, across the published R4 examples, raise no error."""
    types = {
        "birthDate": "date",
        "lastUpdated": "instant",
        "issued": "instant",
        "status": "code",
        "gender": "code",
        "authoredOn": "dateTime",
        "effectiveDateTime": "dateTime",
        "active": "boolean",
        "versionId": "id",
        "contentType": "code",
        "family": "string",
        "display": "string",
        "valueString": "string",
        "valueUri": "uri",
        "valueCode": "code",
        "valueDateTime": "dateTime",
        "valueDecimal": "decimal",
        "valueInteger": "integer",
        "valueBoolean": "boolean",
        "profile": "canonical",
    }
    checked = 0
    errors = []

    def walk(node):
        nonlocal checked
        if isinstance(node, dict):
            for key, value in node.items():
                type_code = types.get(key)
                if type_code:
                    for item in value if isinstance(value, list) else [value]:
                        if not isinstance(item, (dict, list)):
                            checked += 1
                            errors.extend(
                                (key, item, i.message_id)
                                for i in check_primitive(type_code, item)
                                if i.severity == "error"
                            )
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted((CONFORMANCE / "r4-examples-sample").glob("*.json")):
        walk(parse_json(path.read_bytes()).data)
    assert checked > 2000
    assert errors == []
