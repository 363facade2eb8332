"""Tests for igkit.validate.jsonparse: values, positions (Java validator conventions), problems, failures."""

from __future__ import annotations

import json
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest

from igkit.validate.jsonparse import MAX_DEPTH, JsonProblem, parse_json
from igkit.validate.model import ParseFailure

CONFORMANCE = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance")


def parse(text: str):
    return parse_json(text.encode("utf-8"), "test.json")


# -- values --------------------------------------------------------------------------------


def test_values_match_the_standard_library_except_numbers():
    text = (
        '{"resourceType": "Patient", "active": true, "deceasedBoolean": false, "x": null,\n'
        ' "name": [{"given": ["A", "B\\u00e9\\n"]}], "n": -12, "d": 1.50, "e": 2E-3}'
    )
    doc = parse(text)
    expected = json.loads(text, parse_float=Decimal)
    assert doc.data == expected
    assert type(doc.data["n"]) is int
    assert doc.data["d"] == Decimal("1.50") and str(doc.data["d"]) == "1.50"
    assert str(doc.data["e"]) == "0.002" or doc.data["e"] == Decimal("2E-3")
    assert doc.format == "json" and doc.source == "test.json" and doc.problems == []


def test_huge_integer_literal_is_kept_exactly():
    digits = "9" * 5000
    doc = parse(f'{{"v": {digits}}}')
    assert str(doc.data["v"]) == digits


def test_bom_is_accepted_and_not_counted():
    doc = parse_json(b'\xef\xbb\xbf{"resourceType": "Patient"}')
    assert doc.data == {"resourceType": "Patient"}
    assert doc.positions[("resourceType",)] == (1, 27)


# -- positions -----------------------------------------------------------------------------


def test_positions_follow_the_java_validator_conventions():
    text = (
        "{\n"
        '  "resourceType": "Patient",\n'
        '  "identifier": [\n'
        "    {\n"
        '      "system": "urn:x"\n'
        "    }\n"
        "  ],\n"
        '  "code": {\n'
        '    "coding": []\n'
        "  },\n"
        '  "birthDate": "not a date",\n'
        '  "_birthDate": {"extension": [ {"url": "u"} ]}\n'
        "}\n"
    )
    pos = parse(text).positions
    assert pos[()] == (1, 2)  # just after the root '{'
    assert pos[("resourceType",)] == (2, 28)  # just after the closing quote
    assert pos[("identifier", 0)] == (4, 6)  # an object alone on its line: after '{'
    assert pos[("identifier", 0, "system")] == (5, 24)
    assert pos[("code",)] == (8, 4)  # an object as a property value: the first letter of the name
    assert pos[("code", "coding")] == (9, 17)  # an array: after ']'
    assert pos[("birthDate",)] == (11, 28)
    assert pos[("_birthDate",)] == (12, 4)
    assert pos[("_birthDate", "extension", 0)] == (12, 4)
    assert pos[("_birthDate", "extension", 0, "url")] == (12, 44)


def test_tab_counts_as_one_column():
    pos = parse('{\n\t"a": "b"\n}').positions
    assert pos[("a",)] == (2, 10)


def _expression_to_path(expr: str):
    parts = re.sub(r"/\*.*?\*/", "", expr).split(".")[1:]
    out: list = []
    for part in parts:
        m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?", part)
        if not m:
            return None
        out.append(m.group(1))
        if m.group(2) is not None:
            out.append(int(m.group(2)))
    return tuple(out)


@pytest.mark.skipif(not (CONFORMANCE / "validator-tests").is_dir(), reason="conformance cases not available")
def test_primitive_positions_agree_with_java_outcomes():
    """Where the Java validator reports an issue on the line of the primitive it names, the column agrees."""
    root = CONFORMANCE / "validator-tests"
    manifest = json.loads((root / "manifest.json").read_text())
    checked = agreed = 0
    for case in manifest["cases"]:
        if not case["file"].endswith(".json"):
            continue
        doc = parse_json((root / "files" / case["file"]).read_bytes())
        outcome = json.loads((root / case["expected"]).read_text())
        for issue in outcome.get("issue", []):
            m = re.match(r"\[(\d+),\s*(\d+)\]", issue.get("diagnostics", ""))
            path = _expression_to_path(issue["expression"][0])
            if not m or path is None or path not in doc.positions:
                continue
            node = doc.data
            for step in path:
                node = node[step]
            want = (int(m.group(1)), int(m.group(2)))
            if isinstance(node, (dict, list)) or doc.positions[path][0] != want[0]:
                continue  # Java reports many issues at an ancestor; compare only those on the value's line
            checked += 1
            agreed += doc.positions[path] == want
    assert checked >= 10
    assert agreed / checked >= 0.9


# -- recovered problems --------------------------------------------------------------------


def test_duplicate_property_keeps_the_first_and_is_reported():
    doc = parse('{"a": 1,\n "a": {"b": [1, 2]}, "c": {"d": 1, "d": 2}}')
    assert doc.data == {"a": 1, "c": {"d": 1}}
    ids = [(p.message_id, p.path, p.line, p.col) for p in doc.problems]
    # an object value is located at its name, a primitive value just after it (as Java does)
    assert ids == [("DUPLICATE_JSON_PROPERTY", ("a",), 2, 3), ("DUPLICATE_JSON_PROPERTY", ("c", "d"), 2, 42)]
    assert doc.problems[0].message == "The JSON property 'a' is a duplicate and will be ignored"
    # the ignored value's positions do not overwrite the kept one's
    assert doc.positions[("a",)] == (1, 8)
    assert ("a", "b") not in doc.positions


def test_comments_and_commas_are_reported_not_fatal():
    doc = parse('{"a": [1, 2,], // note\n "b": {"c": 1,} /* x */ "d": 2}')
    assert doc.data == {"a": [1, 2], "b": {"c": 1}, "d": 2}
    got = [(p.message_id, p.line, p.col) for p in doc.problems]
    assert got == [
        ("JSON_COMMA_EXTRA", 1, 13),
        ("JSON_COMMENTS_NOT_ALLOWED", 1, 16),
        ("JSON_COMMA_EXTRA", 2, 15),
        ("JSON_COMMENTS_NOT_ALLOWED", 2, 17),
        ("JSON_COMMA_MISSING", 2, 25),
    ]
    assert all(isinstance(p, JsonProblem) and len(p) == 5 for p in doc.problems)
    assert "extra comma at the end of the Array" in doc.problems[0].message


# -- failures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, line, col, words",
    [
        ("", 1, 1, "empty"),
        ("   \n ", 2, 2, "empty"),
        ("[1, 2]", 1, 1, "not an array"),
        ('"x"', 1, 1, "not a string"),
        ("42", 1, 1, "not a single value"),
        ('{"a": 1', 1, 8, "'}' was expected"),
        ('{"a": 1]', 1, 8, "',' or '}'"),
        ('{"a" 1}', 1, 6, "':' was expected"),
        ("{a: 1}", 1, 2, "property name"),
        ('{"a": NaN}', 1, 7, "NaN"),
        ('{"a": Infinity}', 1, 7, "Infinity"),
        ('{"a": -Infinity}', 1, 7, "-Infinity"),
        ('{"a": 01}', 1, 7, "invalid number"),
        ('{"a": 1.}', 1, 7, "invalid number"),
        ('{"a": tru}', 1, 7, "value"),
        ("{\"a\": 'x'}", 1, 7, "double quotes"),
        ('{"a": "x\ty"}', 1, 9, "control character"),
        ('{"a": "x\\qy"}', 1, 9, "escape"),
        ('{"a": "abc', 1, 7, "not closed"),
        ('{"a": "\\ud800"}', 1, 7, "surrogate"),
        ('{"a": 1} x', 1, 10, "after the end"),
        ('{"a": 1 /* open', 1, 9, "never closed"),
        ('{\n  "a": 1e99999999999999999999}', 2, 8, "out of range"),
    ],
)
def test_syntax_errors_become_parse_failures_with_positions(text, line, col, words):
    with pytest.raises(ParseFailure) as info:
        parse(text)
    failure = info.value
    assert (failure.line, failure.column) == (line, col), failure.message
    assert words.lower() in failure.message.lower()
    assert failure.message.startswith("Error parsing JSON: ")
    assert failure.message_id == "ERROR_PARSING_JSON_"


def test_invalid_utf8_is_a_parse_failure_at_the_bad_byte():
    with pytest.raises(ParseFailure) as info:
        parse_json(b'{\n  "a": "caf\xe9"}')
    assert (info.value.line, info.value.column) == (2, 12)
    assert "UTF-8" in info.value.message and "0xe9" in info.value.message


def test_utf16_is_refused_with_a_clear_message():
    with pytest.raises(ParseFailure, match="UTF-16"):
        parse_json('{"a": 1}'.encode("utf-16"))


def test_deep_nesting_is_refused_without_recursion():
    for depth in (MAX_DEPTH + 1, 10_000, 200_000):
        with pytest.raises(ParseFailure, match="nested more than"):
            parse('{"a": ' + "[" * depth + "]" * depth + "}")
    ok = parse('{"a": ' + "[" * (MAX_DEPTH - 2) + "]" * (MAX_DEPTH - 2) + "}")
    assert isinstance(ok.data["a"], list)


def test_huge_string_is_read():
    big = "x" * 5_000_000
    doc = parse(f'{{"a": "{big}"}}')
    assert len(doc.data["a"]) == 5_000_000
    assert doc.positions[("a",)] == (1, 5_000_009)


def test_parsing_a_typical_resource_is_fast():
    entry = {
        "resource": {
            "resourceType": "Observation",
            "id": "o1",
            "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "1234-5", "display": "Thing"}]},
            "valueQuantity": {"value": 1.5, "unit": "mg", "system": "http://unitsofmeasure.org"},
        }
    }
    text = json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [entry] * 80}, indent=2)
    assert 20_000 < len(text) < 40_000
    data = text.encode()
    parse_json(data)
    start = time.perf_counter()
    for _ in range(10):
        parse_json(data)
    per_parse = (time.perf_counter() - start) / 10
    assert per_parse < 0.05  # a few ms normally; generous for slow CI machines
