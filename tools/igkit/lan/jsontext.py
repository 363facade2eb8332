"""JSON text with exact decimals.

`json.dumps` cannot write a `Decimal` without going through `float`; FHIR decimals and the
workbook's dollars must keep their digits, so this writer prints a `Decimal` as its plain
positional digits. Layout matches `igkit.fsutil.dump_json` (two-space indent, keys in the
order given, UTF-8, trailing newline), so the output is deterministic.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any


def decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".") if _is_computed(value) else text
    return "0" if text in ("-0", "") else text


def _is_computed(value: Decimal) -> bool:
    # more than 4 decimals only comes from a division; trim its trailing zeros
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -4


def dumps(data: Any, indent: int = 2) -> str:
    return _encode(data, 0, indent) + "\n"


def _encode(value: Any, level: int, indent: int) -> str:
    pad = " " * (indent * (level + 1))
    end = " " * (indent * level)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{pad}{json.dumps(str(k), ensure_ascii=False)}: {_encode(v, level + 1, indent)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{pad}{_encode(v, level + 1, indent)}" for v in value) + "\n" + end + "]"
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as JSON")
        return decimal_text(value)
    return json.dumps(value, ensure_ascii=False)
