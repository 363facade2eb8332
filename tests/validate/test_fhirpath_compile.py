"""fhirpath_compile: compiled invariants give fhirpathpy's answers (differential tests).

Every invariant evaluation of a validation run is made twice, compiled and through
fhirpathpy's interpreter, and the outcomes compared: on the IG's own examples (valid and
invalid), on the official R4 examples and on the HL7 validator's test files. The one
intended difference, short-circuit `and`/`or`/`implies`, is checked on its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from igkit.validate import fhirpath
from igkit.validate.definitions import Definitions, build_context
from igkit.validate.engine import Validator
from igkit.validate.fhirpath import InvariantEngine
from tests.validate import _vb_defs as _vb
from tests.validate.test_fhirpath import _LAN_LIKE, MEMO_EXPRESSIONS

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "conformance"


class _Both:
    """Wraps InvariantEngine.check: each call is answered in both modes and compared."""

    def __init__(self) -> None:
        self.checks = 0
        self.differences: list[tuple[str | None, str, tuple, tuple]] = []
        self.decided_early: list[str] = []  # the interpreter failed where the compiled form answered

    def __call__(self, engine: InvariantEngine, expression: str, node: Any, **kw: Any) -> Any:
        outcomes = []
        for compiled in (True, False):
            engine.compiled = compiled
            result = _ORIGINAL_CHECK(engine, expression, node, **kw)
            outcomes.append((result.passed, result.error is None))
        engine.compiled = True
        self.checks += 1
        if outcomes[0] != outcomes[1]:
            if outcomes[0][1] and not outcomes[1][1]:
                self.decided_early.append(expression)
            else:
                self.differences.append((kw.get("key"), expression, outcomes[0], outcomes[1]))
        return _ORIGINAL_CHECK(engine, expression, node, **kw)


_ORIGINAL_CHECK = InvariantEngine.check


@pytest.fixture
def both(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Both]:
    spy = _Both()
    monkeypatch.setattr(fhirpath.InvariantEngine, "check", lambda self, e, n, **kw: spy(self, e, n, **kw))
    yield spy


def _validate_all(defs: Definitions, files: list[Path]) -> None:
    validator = Validator(defs)
    for path in files:
        validator.validate_bytes(path.read_bytes(), path.name)


def test_ig_examples_compiled_equals_interpreted(compiled_vbpr, both, monkeypatch):
    root, _result = compiled_vbpr
    monkeypatch.chdir(root)
    files = sorted((root / "fsh-generated" / "resources").glob("*.json"))
    files += sorted((root / "input" / "examples").glob("*.json"))
    _validate_all(build_context([], in_project=True), files)
    assert both.checks > 5000  # the IG's own invariants, on every example (valid and invalid)
    assert both.differences == []
    assert both.decided_early == []


@pytest.mark.skipif(not (SHARED / "r4-examples-sample").is_dir(), reason="R4 examples not available")
def test_official_examples_compiled_equals_interpreted(core_defs, both):
    _validate_all(core_defs, sorted((SHARED / "r4-examples-sample").glob("*.json"))[::6])
    assert both.checks > 5000
    assert both.differences == []
    assert both.decided_early == []


@pytest.mark.skipif(not (SHARED / "validator-tests").is_dir(), reason="validator tests not available")
def test_validator_test_files_compiled_equals_interpreted(core_defs, both):
    _validate_all(core_defs, sorted((SHARED / "validator-tests" / "files").glob("*.json")))
    assert both.checks > 5000
    assert both.differences == []
    assert len(both.decided_early) <= 2  # short-circuit only (see test_short_circuit...)


# -- unit checks ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def defs():
    if not _vb.R4_CORE.exists():
        pytest.skip("hl7.fhir.r4.core#4.0.1 is not installed")
    return _vb.PackageDefs()


def _run(defs: Any, expression: str, node: Any, compiled: bool, **kw: Any) -> list:
    engine = InvariantEngine(defs)
    engine.compiled = compiled
    result = engine.evaluate(expression, node, resource=node if isinstance(node, dict) else {}, **kw)
    return [getattr(item, "data", item) for item in result]


PERIOD = {"start": "2024-01-01T10:00:00+02:00", "end": "2024-01-01T09:00:00Z"}
QUANTITY = {"value": 3, "unit": "USD", "system": "urn:iso:std:iso:4217", "code": "USD"}

EXPRESSIONS = [
    # natives: where / exists / all / empty / count, with $this and $index inside the bodies
    ("group.where(measureScore.value > 10).code.coding.code", _LAN_LIKE, None),
    ("group.where($index > 1).count()", _LAN_LIKE, None),
    ("group.exists(measureScore.value = 20) and group.exists() and extension.exists()", _LAN_LIKE, None),
    ("group.all(measureScore.value >= 10) and group.all($this.code.exists())", _LAN_LIKE, None),
    (
        "group.where(extension.empty()).count() = 1 and contained.empty() and contained.count() = 0",
        _LAN_LIKE,
        None,
    ),
    ("group.select(measureScore.value).where($this > 10)", _LAN_LIKE, None),
    # string equality fast path, and the comparisons around it
    ("status = 'complete' and status != 'pending' and (status = status)", _LAN_LIKE, None),
    ("group.code.coding.code = 'total' and group.first().code.coding.code = 'total'", _LAN_LIKE, None),
    ("code = 'USD' and system = 'urn:iso:std:iso:4217' and unit != code.lower()", QUANTITY, "Quantity"),
    ("value = 3 and value != 3.0 and value > 2", QUANTITY, "Quantity"),
    # date/time ordering (timezones) repeated: the cached answer is the computed one
    ("start <= end", PERIOD, "Period"),
    ("start <= end and start <= end and end > start and @2024-01-01 < @2024-02-01", PERIOD, "Period"),
    ("start >= @2024-01-01T08:00:00Z and (start = start)", PERIOD, "Period"),
    # functions fhirpathpy evaluates through its interpreter (indexers, unary minus, iif, ...)
    ("group[1].measureScore.value + -1", _LAN_LIKE, None),
    ("iif(group.count() > 3, 'many', 'few') & '!'", _LAN_LIKE, None),
    ("group.measureScore.value.aggregate($this + $total, 0)", _LAN_LIKE, None),
    ("(group | group).count() = 4 and group.code.coding.code.distinct().count() = 4", _LAN_LIKE, None),
    *[(e, _LAN_LIKE, None) for e in MEMO_EXPRESSIONS],
]


@pytest.mark.parametrize(("expression", "node", "type_name"), EXPRESSIONS)
def test_compiled_results_equal_interpreted(defs, expression, node, type_name):
    kw = {"type_name": type_name} if type_name else {}
    assert _run(defs, expression, node, True, **kw) == _run(defs, expression, node, False, **kw)


def test_compiled_results_are_the_expected_ones(defs):
    assert _run(defs, "start <= end", PERIOD, True, type_name="Period") == [True]  # 08:00Z <= 09:00Z
    assert _run(defs, EXPRESSIONS[0][0], _LAN_LIKE, True) == ["total", "b"]  # 40 and 20 are above 10
    assert _run(defs, EXPRESSIONS[1][0], _LAN_LIKE, True) == [2]
    assert _run(defs, EXPRESSIONS[8][0], QUANTITY, True, type_name="Quantity") == [True]


@pytest.mark.parametrize(
    ("expression", "answer"),
    [
        ("true or ('a' | 'b')", True),
        ("false and ('a' | 'b')", False),
        ("false implies ('a' | 'b')", True),
    ],
)
def test_short_circuit_leaves_the_right_operand_unevaluated(defs, expression, answer):
    """The interpreter evaluates the right operand (two items where one Boolean is expected)
    and fails; the compiled form answers from the left operand, as the HL7 engine does."""
    engine = InvariantEngine(defs)
    res = {"resourceType": "Basic"}
    assert engine.check(expression, res, resource=res).passed is answer
    engine.compiled = False
    assert engine.check(expression, res, resource=res).error is not None


def test_a_left_operand_that_does_not_decide_evaluates_the_right_one(defs):
    engine = InvariantEngine(defs)
    res = {"resourceType": "Basic"}
    for expression in ("false or ('a' | 'b')", "true and ('a' | 'b')", "true implies ('a' | 'b')"):
        assert engine.check(expression, res, resource=res).error is not None, expression


def test_an_expression_is_compiled_once(defs):
    engine = InvariantEngine(defs)
    res = json.loads(json.dumps(_LAN_LIKE))
    engine.check("group.count() = 4", res, resource=res)
    entry = engine._compiled["group.count() = 4"]
    res["group"].pop()
    assert engine.check("group.count() = 4", res, resource=res).passed is False  # no stale result
    assert engine._compiled["group.count() = 4"] is entry
