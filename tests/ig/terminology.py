"""Small, test-only helpers over compiled terminology: concept lookup and value set membership.

Only the compose features this guide uses are supported (whole system, enumerated concepts, and the
``concept descendent-of`` filter), and only for code systems present in the compiled output.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any


def iter_concepts(
    concepts: list[dict[str, Any]], parents: tuple[str, ...] = ()
) -> Iterator[tuple[dict[str, Any], tuple[str, ...]]]:
    """Yield every concept of a (possibly nested) concept list with the codes of its ancestors."""
    for concept in concepts:
        yield concept, parents
        yield from iter_concepts(concept.get("concept", []), parents + (concept["code"],))


def concept_map(code_system: Mapping[str, Any]) -> dict[str, tuple[dict[str, Any], tuple[str, ...]]]:
    return {c["code"]: (c, parents) for c, parents in iter_concepts(code_system.get("concept", []))}


def properties(concept: Mapping[str, Any]) -> dict[str, Any]:
    """Concept properties as {code: value}; Coding values are returned as (system, code)."""
    result: dict[str, Any] = {}
    for prop in concept.get("property", []):
        value_key = next(k for k in prop if k.startswith("value"))
        value = prop[value_key]
        if value_key == "valueCoding":
            value = (value.get("system"), value.get("code"))
        result[prop["code"]] = value
    return result


def expand(
    value_set: Mapping[str, Any], code_systems: Mapping[str, Mapping[str, Any]]
) -> set[tuple[str, str]]:
    """The (system, code) pairs a value set contains."""
    members: set[tuple[str, str]] = set()
    for include in value_set.get("compose", {}).get("include", []):
        system = include["system"]
        if include.get("concept"):
            members.update((system, c["code"]) for c in include["concept"])
            continue
        concepts = concept_map(code_systems[system])
        filters = include.get("filter", [])
        for code, (_, parents) in concepts.items():
            if all(_passes(f, code, parents) for f in filters):
                members.add((system, code))
    for exclude in value_set.get("compose", {}).get("exclude", []):
        members.difference_update((exclude["system"], c["code"]) for c in exclude.get("concept", []))
    return members


def _passes(flt: Mapping[str, Any], code: str, parents: tuple[str, ...]) -> bool:
    if flt["property"] == "concept" and flt["op"] == "descendent-of":
        return flt["value"] in parents
    if flt["property"] == "concept" and flt["op"] == "is-a":
        return flt["value"] == code or flt["value"] in parents
    raise NotImplementedError(f"filter {flt} is not supported by the test helper")
