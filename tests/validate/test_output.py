"""Rendering: OperationOutcome, Bundle, text, message catalogue."""

from __future__ import annotations

from igkit.validate import messages, output
from igkit.validate.engine import FileResult
from igkit.validate.issues import Issue, IssueSink


def test_render_fills_placeholders_and_quotes():
    text = messages.render("Validation_VAL_Profile_Minimum", "Patient.name", 1, 0, "http://x|1")
    assert text == "Patient.name: minimum required = 1, but only found 0 (from http://x|1)"
    assert messages.render("Unrecognised_property", "x") == "Unrecognized property 'x'"


def test_sink_drops_duplicates():
    sink = IssueSink("f")
    for _ in range(2):
        sink.report("Unrecognised_property", "x", expression="Patient.x", position=(2, 3))
    assert len(sink.issues) == 1 and sink.error_count == 1


def test_outcome_shapes():
    issue = Issue("error", "structure", "m", "Patient.x", 4, 5, "Unrecognised_property", "f")
    oo = output.outcome(FileResult("f", [issue]))
    assert oo["issue"][0]["expression"] == ["Patient.x"]
    assert {"url": output.EXT_LINE, "valueInteger": 4} in oo["issue"][0]["extension"]
    empty = output.outcome(FileResult("f", []))
    assert empty["issue"][0]["severity"] == "information"
    both = output.document([FileResult("a", []), FileResult("b", [issue])])
    assert both["resourceType"] == "Bundle" and len(both["entry"]) == 2
    assert output.text_lines([FileResult("b", [issue])]) == ["b:4:5 error Patient.x m"]
