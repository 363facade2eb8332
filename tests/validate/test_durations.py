"""minValueDuration / maxValueDuration on dates."""

from __future__ import annotations

import datetime as dt

from igkit.validate.durations import _as_datetime, _delta
from tests.validate.conftest import errors, patient_profile


def test_duration_units_and_partial_dates():
    assert _delta({"value": 2, "code": "wk"}) == dt.timedelta(days=14)
    assert _delta({"value": 1, "code": "furlong"}) is None
    assert _as_datetime("2020") == dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    assert _as_datetime("2020-02-30") is None


def profile(prop: str) -> dict:
    duration = {"value": 100, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"}
    return patient_profile(f"http://x.org/{prop}", "D", "Patient.birthDate", **{prop: duration})


def test_min_and_max_value_duration(check):
    old = {"resourceType": "Patient", "birthDate": "1850-01-01"}
    assert errors(check(old, profile("minValueDuration"), profiles=("http://x.org/minValueDuration",))) == [
        "Type_Specific_Checks_DT_Date_MinDuration"
    ]
    future = {"resourceType": "Patient", "birthDate": "2200-01-01"}
    assert errors(
        check(future, profile("maxValueDuration"), profiles=("http://x.org/maxValueDuration",))
    ) == ["Type_Specific_Checks_DT_Date_MaxDuration"]
    fine = {"resourceType": "Patient", "birthDate": "1990-01-01"}
    assert errors(check(fine, profile("minValueDuration"), profiles=("http://x.org/minValueDuration",))) == []
