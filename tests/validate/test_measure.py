"""MeasureReport against its Measure."""

from __future__ import annotations

from tests.validate.conftest import errors

POP = "http://terminology.hl7.org/CodeSystem/measure-population"
MEASURE = {
    "resourceType": "Measure",
    "url": "http://x.org/Measure/m",
    "status": "active",
    "scoring": {
        "coding": [{"system": "http://terminology.hl7.org/CodeSystem/measure-scoring", "code": "proportion"}]
    },
    "group": [
        {
            "population": [
                {
                    "code": {"coding": [{"system": POP, "code": c}]},
                    "criteria": {"language": "text/cql", "expression": c},
                }
                for c in ("initial-population", "numerator", "denominator")
            ]
        }
    ],
}


def report(*codes: str, score: float | None = None) -> dict:
    group: dict = {
        "population": [{"code": {"coding": [{"system": POP, "code": c}]}, "count": 1} for c in codes]
    }
    if score is not None:
        group["measureScore"] = {"value": score}
    return {
        "resourceType": "MeasureReport",
        "status": "complete",
        "type": "summary",
        "measure": "http://x.org/Measure/m",
        "period": {"start": "2020-01-01", "end": "2020-12-31"},
        "group": [group],
    }


def test_matching_report_is_valid(check):
    assert errors(check(report("initial-population", "numerator", "denominator", score=0.5), MEASURE)) == []


def test_unknown_and_missing_populations(check):
    result = check(report("initial-population", "numerator", "denominator-exclusion"), MEASURE)
    assert sorted(errors(result)) == ["Measure_MR_GRP_POP_Missing_BadCode", "Measure_MR_GRP_POP_UnknownCode"]
    unknown = next(i for i in result.issues if i.message_id == "Measure_MR_GRP_POP_UnknownCode")
    assert unknown.expression == "MeasureReport.group[0].population[2]"


def test_proportion_score_range(check):
    result = check(report("initial-population", "numerator", "denominator", score=1.5), MEASURE)
    assert errors(result) == ["MEASURE_MR_GRP_MS_PROPORTION_RANGE"]


def test_measure_not_loaded_is_a_warning(check):
    result = check(report("initial-population"))
    assert errors(result) == []
    assert any(i.message_id == "Measure_MR_M_NotFound" for i in result.issues)
