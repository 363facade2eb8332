"""Evaluate the guide's own FHIRPath invariants (keys starting with ``vbp-``) against compiled instances.

This is a deliberately small, test-only evaluator: it reads the compiled StructureDefinitions, collects the
``vbp-`` constraints each profile (and each extension definition) declares, and runs them with fhirpathpy
against every instance that claims the profile. It does not replace the HL7 validator; it proves that each
invariant is evaluable and that it separates the valid examples from the deliberately invalid ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fhirpathpy
from fhirpathpy.models import models

R4_MODEL = models["r4"]
KEY_PREFIX = "vbp-"


@dataclass(frozen=True)
class Rule:
    key: str
    expression: str
    context: str  # element path (profiles) or extension URL (extension definitions)
    on_extension: bool


@dataclass(frozen=True)
class Failure:
    instance: str  # ResourceType/id
    key: str
    context: str


def load_resources(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def _constraints(sd: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for element in sd.get("differential", {}).get("element", []):
        for constraint in element.get("constraint", []):
            if constraint.get("key", "").startswith(KEY_PREFIX):
                yield element["path"], constraint


def collect_rules(resources: list[dict[str, Any]]) -> dict[str, list[Rule]]:
    """Map profile URL -> rules declared on it, and extension URL -> rules declared on the extension."""
    rules: dict[str, list[Rule]] = {}
    for sd in resources:
        if sd.get("resourceType") != "StructureDefinition":
            continue
        is_extension = sd.get("type") == "Extension"
        for path, constraint in _constraints(sd):
            rule = Rule(
                key=constraint["key"],
                expression=constraint["expression"],
                context=sd["url"] if is_extension else path,
                on_extension=is_extension,
            )
            rules.setdefault(sd["url"], []).append(rule)
    return rules


def _profile_chain(url: str, by_url: Mapping[str, dict[str, Any]]) -> Iterator[str]:
    seen: set[str] = set()
    while url in by_url and url not in seen:
        seen.add(url)
        yield url
        url = by_url[url].get("baseDefinition", "")


def _evaluate(resource: dict[str, Any], rule: Rule) -> list[Any]:
    if rule.on_extension:
        selector = f"descendants().where(url = '{rule.context}')"
    else:
        selector = rule.context
    wrapped = f"{selector}.select(iif({rule.expression}, true, false))"
    return fhirpathpy.evaluate(resource, wrapped, {"resource": resource}, R4_MODEL)


def check_instance(
    resource: dict[str, Any], rules: Mapping[str, list[Rule]], by_url: Mapping[str, dict[str, Any]]
) -> list[Failure]:
    """Run every vbp- rule that applies to ``resource``; return the failures (empty when it conforms)."""
    ident = f"{resource['resourceType']}/{resource['id']}"
    applicable: list[Rule] = []
    for profile in resource.get("meta", {}).get("profile", []):
        for url in _profile_chain(profile, by_url):
            applicable.extend(rules.get(url, []))
    applicable.extend(r for url, rs in rules.items() for r in rs if r.on_extension)
    failures: list[Failure] = []
    for rule in dict.fromkeys(applicable):
        results = _evaluate(resource, rule)
        if any(value is not True for value in results):
            failures.append(Failure(ident, rule.key, rule.context))
    return failures
