"""Artifact regression: the facts of the compiled StructureDefinitions, CodeSystems and
ValueSets that matter to implementers, recorded in tests/artifacts/ and compared element by
element.

A summary is {"header": {fact: value}, "sections": {section: {entry: {fact: value}}}}:
StructureDefinition sections are `differential` and `snapshot` (entry = element id; facts
min, max, types, mustSupport, binding, fixed/pattern, constraints, slicing); CodeSystem
sections `properties` and `concepts` (entry = code; display, parent, property values);
ValueSet sections `include` and `exclude` (entry = system|version or a value set).
"""

from __future__ import annotations

import json
from typing import Any

HEADER_FACTS = {
    "StructureDefinition": (
        "url",
        "name",
        "status",
        "kind",
        "abstract",
        "type",
        "baseDefinition",
        "derivation",
    ),
    "CodeSystem": (
        "url",
        "name",
        "status",
        "content",
        "caseSensitive",
        "hierarchyMeaning",
        "valueSet",
        "count",
    ),
    "ValueSet": ("url", "name", "status", "immutable"),
}
NEW_ARTIFACT = "new artifact (no recorded copy yet)"
SECTION_LABEL = {
    "differential": "",
    "snapshot": "snapshot ",
    "concepts": "concept ",
    "properties": "property ",
    "include": "include ",
    "exclude": "exclude ",
}


def _type_text(t: dict) -> str:
    code = str(t.get("code", ""))
    targets = t.get("targetProfile") or []
    profiles = t.get("profile") or []
    if targets:
        return f"{code}({' | '.join(targets)})"
    if profiles:
        return f"{code}<{' | '.join(profiles)}>"
    return code


def element_facts(e: dict, *, keep_constraints_from_base: bool = True) -> dict:
    facts: dict[str, Any] = {}
    for key in ("sliceName", "min", "max"):
        if key in e:
            facts[key] = e[key]
    if e.get("type"):
        facts["types"] = [_type_text(t) for t in e["type"]]
    if e.get("mustSupport"):
        facts["mustSupport"] = True
    if e.get("isModifier"):
        facts["isModifier"] = True
    binding = e.get("binding")
    if isinstance(binding, dict) and binding.get("valueSet"):
        facts["binding"] = f"{binding.get('strength', '')} {binding['valueSet']}"
    for key, value in e.items():
        if key.startswith(("fixed", "pattern")):
            facts[key] = value
    if e.get("constraint"):
        facts["constraints"] = sorted({str(c.get("key")) for c in e["constraint"]})
    slicing = e.get("slicing")
    if isinstance(slicing, dict):
        disc = ", ".join(f"{d.get('type')}:{d.get('path')}" for d in slicing.get("discriminator", []))
        facts["slicing"] = f"{disc or 'no discriminator'}; rules {slicing.get('rules', '?')}" + (
            "; ordered" if slicing.get("ordered") else ""
        )
    return facts


def _structure(sd: dict) -> dict:
    sections: dict[str, dict] = {}
    for section in ("differential", "snapshot"):
        elements = (sd.get(section) or {}).get("element") or []
        if elements:
            sections[section] = {str(e.get("id") or e.get("path")): element_facts(e) for e in elements}
    return sections


def _concepts(concepts: list, parent: str, out: dict) -> None:
    for c in concepts or []:
        facts: dict[str, Any] = {}
        if "display" in c:
            facts["display"] = c["display"]
        if "definition" in c:
            facts["definition"] = c["definition"]
        if parent:
            facts["parent"] = parent
        for p in c.get("property") or []:
            value = next((v for k, v in p.items() if k.startswith("value")), None)
            facts.setdefault("properties", {}).setdefault(str(p.get("code")), []).append(value)
        if c.get("designation"):
            facts["designations"] = [d.get("value") for d in c["designation"]]
        out[str(c.get("code"))] = facts
        _concepts(c.get("concept") or [], str(c.get("code")), out)


def _compose(rules: list) -> dict:
    out: dict[str, dict] = {}
    for inc in rules or []:
        key = inc.get("system") or " + ".join(inc.get("valueSet") or []) or "(empty)"
        if inc.get("version"):
            key += f"|{inc['version']}"
        facts = out.setdefault(key, {})
        if inc.get("concept"):
            facts.setdefault("concepts", {}).update(
                {str(c.get("code")): c.get("display", "") for c in inc["concept"]}
            )
        if inc.get("filter"):
            facts.setdefault("filters", []).extend(
                f"{f.get('property')} {f.get('op')} {f.get('value')}" for f in inc["filter"]
            )
        if inc.get("valueSet") and inc.get("system"):
            facts["valueSets"] = sorted(inc["valueSet"])
        if not facts:
            facts["all"] = True
    return out


def summarize(resource: dict) -> dict:
    rtype = resource.get("resourceType", "")
    header = {k: resource[k] for k in HEADER_FACTS.get(rtype, ()) if k in resource}
    sections: dict[str, dict] = {}
    if rtype == "StructureDefinition":
        if resource.get("context"):
            header["context"] = [f"{c.get('type')} {c.get('expression')}" for c in resource["context"]]
        sections = _structure(resource)
    elif rtype == "CodeSystem":
        sections["properties"] = {
            str(p.get("code")): {"type": p.get("type"), "uri": p.get("uri", "")}
            for p in resource.get("property") or []
        }
        concepts: dict[str, dict] = {}
        _concepts(resource.get("concept") or [], "", concepts)
        sections["concepts"] = concepts
    elif rtype == "ValueSet":
        compose = resource.get("compose") or {}
        sections["include"] = _compose(compose.get("include") or [])
        sections["exclude"] = _compose(compose.get("exclude") or [])
        if "inactive" in compose:
            header["compose.inactive"] = compose["inactive"]
    return {"resourceType": rtype, "id": resource.get("id", ""), "header": header, "sections": sections}


def _show(value: Any) -> str:
    if isinstance(value, str):
        return (
            value if value and " " not in value and len(value) < 60 else json.dumps(value, ensure_ascii=False)
        )
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(value) + "]"
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _facts_text(facts: dict) -> str:
    return ", ".join(f"{k} {_show(v)}" for k, v in facts.items()) or "no constraints"


def _effective(facts: dict, fact: str, snapshot: dict | None, section: str) -> str:
    """A fact's value; a fact the differential leaves out is shown with its snapshot value."""
    if fact in facts:
        return _show(facts[fact])
    if section == "differential" and snapshot and fact in snapshot:
        return f"{_show(snapshot[fact])} (inherited)"
    return "(none)"


def summary_diff(old: dict | None, new: dict | None) -> list[str]:
    """Element-level differences, e.g. `MeasureReport.group.measureScore: min 0 -> 1`."""
    if old is None and new is None:
        return []
    if old is None:
        return [f"{NEW_ARTIFACT}: review and run `igkit test --update`"]
    if new is None:
        return ["artifact removed (a recorded copy exists): run `igkit test --update` to drop it"]
    lines: list[str] = []
    oh, nh = old.get("header", {}), new.get("header", {})
    for k in sorted(set(oh) | set(nh)):
        if oh.get(k) != nh.get(k):
            lines.append(f"{k}: {_show(oh.get(k, '(none)'))} -> {_show(nh.get(k, '(none)'))}")
    os_, ns = old.get("sections", {}), new.get("sections", {})
    reported: set[tuple[str, str]] = set()  # (entry, fact) already shown from the differential
    for section in [s for s in SECTION_LABEL if s in os_ or s in ns]:
        label = SECTION_LABEL[section]
        o, n = os_.get(section, {}), ns.get(section, {})
        order = {e: i for i, e in enumerate(list(o) + list(n))}  # the new order wins
        order.update({e: i for i, e in enumerate(n)})
        for entry in sorted(set(o) | set(n), key=lambda e: (order[e], e)):
            of, nf = o.get(entry), n.get(entry)
            if of == nf:
                continue
            if of is None:
                if section == "snapshot" and (entry, "*") in reported:
                    continue
                lines.append(f"{label}{entry}: added ({_facts_text(nf)})")
                reported.add((entry, "*"))
            elif nf is None:
                if section == "snapshot" and (entry, "*") in reported:
                    continue
                lines.append(f"{label}{entry}: removed (was {_facts_text(of)})")
                reported.add((entry, "*"))
            else:
                for fact in sorted(set(of) | set(nf)):
                    if of.get(fact) == nf.get(fact) or (section == "snapshot" and (entry, fact) in reported):
                        continue
                    before = _effective(of, fact, os_.get("snapshot", {}).get(entry), section)
                    after = _effective(nf, fact, ns.get("snapshot", {}).get(entry), section)
                    lines.append(f"{label}{entry}: {fact} {before} -> {after}")
                    reported.add((entry, fact))
    return lines
