"""Facts read straight from the LAN FSH sources (no SUSHI run needed): invariants, value sets, concepts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from fhirpathpy import compile as compile_path
from fhirpathpy.models import models

REPO = Path(__file__).resolve().parents[2]
FSH = REPO / "fsh"

_INVARIANT = re.compile(
    r'^Invariant:\s*(?P<key>\S+)\s*\nDescription:\s*"(?P<desc>[^"]*)"\s*\nSeverity:\s*#(?P<sev>\w+)\s*\n'
    r'Expression:\s*"(?P<expr>[^"]*)"',
    re.MULTILINE,
)


@dataclass(frozen=True)
class Invariant:
    key: str
    severity: str
    expression: str

    def holds(self, resource: dict[str, Any]) -> bool:
        return _compiled(self.expression)(resource) == [True]


@cache
def _compiled(expression: str):
    return compile_path(expression, models["r4"])


def invariants(profile_file: str) -> list[Invariant]:
    text = (FSH / "profiles" / profile_file).read_text(encoding="utf-8")
    found = [Invariant(m["key"], m["sev"], m["expr"]) for m in _INVARIANT.finditer(text)]
    obeys = re.search(r"^\* obeys (.+)$", text, re.MULTILINE)
    assert obeys, f"{profile_file} has no obeys rule"
    assert {i.key for i in found} == set(re.findall(r"vbpr-[a-z]+-\d+", obeys.group(1)))
    return found


def failing(profile_file: str, resource: dict[str, Any]) -> set[str]:
    return {i.key for i in invariants(profile_file) if not i.holds(resource)}


def value_set_codes(vs_name: str) -> set[str]:
    text = (FSH / "valuesets" / "LANValueSets.fsh").read_text(encoding="utf-8")
    block = text.split(f"ValueSet: {vs_name}\n", 1)[1].split("\nValueSet:", 1)[0]
    return set(re.findall(r"^\* \$LANMetric#(\S+)$", block, re.MULTILINE))


def metric_concepts() -> dict[str, dict[str, list[str]]]:
    """code -> {property: [values]} from fsh/codesystems/LANMetrics.fsh."""
    text = (FSH / "codesystems" / "LANMetrics.fsh").read_text(encoding="utf-8")
    concepts: dict[str, dict[str, list[str]]] = {
        code: {} for code in re.findall(r'^\* #([a-z0-9-]+) "', text, re.MULTILINE)
    }
    for kind, code, rest in re.findall(
        r"^\* insert LANMetric(\w+)\(#([a-z0-9-]+), ([^)]*)\)$", text, re.MULTILINE
    ):
        concepts[code].setdefault(kind, []).append(rest)
    return concepts


def as_decimal_json(text: str) -> Any:
    import json

    return json.loads(text, parse_float=Decimal)
