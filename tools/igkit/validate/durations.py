"""minValueDuration / maxValueDuration on date, dateTime and instant elements (R5 element
definition properties, used in R4 profiles through their R5 names): the limit is the current
time minus (min) or plus (max) the duration."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode

UNIT_DAYS = {"a": Decimal("365.25"), "mo": Decimal("30.4375"), "wk": Decimal(7), "d": Decimal(1)}
UNIT_SECONDS = {"h": Decimal(3600), "min": Decimal(60), "s": Decimal(1)}


def _delta(duration: Any) -> dt.timedelta | None:
    if not isinstance(duration, dict):
        return None
    value, code = duration.get("value"), duration.get("code") or duration.get("unit")
    if value is None or not isinstance(code, str):
        return None
    amount = Decimal(str(value))
    if code in UNIT_DAYS:
        return dt.timedelta(days=float(amount * UNIT_DAYS[code]))
    if code in UNIT_SECONDS:
        return dt.timedelta(seconds=float(amount * UNIT_SECONDS[code]))
    return None


def _as_datetime(text: str) -> dt.datetime | None:
    """The earliest instant the value can mean (a partial date is its first day), in UTC."""
    for fmt, length in (("%Y", 4), ("%Y-%m", 7), ("%Y-%m-%d", 10)):
        if len(text) == length:
            try:
                return dt.datetime.strptime(text, fmt).replace(tzinfo=dt.UTC)
            except ValueError:
                return None
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def check(run: Run, node: ElementNode, value: str, loc: Loc, now: dt.datetime | None = None) -> None:
    low = _delta(node.ed.get("minValueDuration"))
    high = _delta(node.ed.get("maxValueDuration"))
    if low is None and high is None:
        return
    when = _as_datetime(value)
    if when is None:
        return
    now = now or dt.datetime.now(dt.UTC)
    if low is not None and when < now - low:
        shown = node.ed["minValueDuration"]
        run.report(
            "Type_Specific_Checks_DT_Date_MinDuration",
            value,
            (now - low).date().isoformat(),
            f"{shown.get('value')} {shown.get('code') or shown.get('unit')}",
            loc=loc,
        )
    if high is not None and when > now + high:
        shown = node.ed["maxValueDuration"]
        run.report(
            "Type_Specific_Checks_DT_Date_MaxDuration",
            value,
            (now + high).date().isoformat(),
            f"{shown.get('value')} {shown.get('code') or shown.get('unit')}",
            loc=loc,
        )
