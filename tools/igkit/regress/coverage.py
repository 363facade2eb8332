"""Example coverage of each profile (and extension) the IG defines.

For every profile: its must-support elements, extension slices, other slices and invariants
(those in its differential), each with the valid examples that exercise it and the invalid
examples declared to fail it. An example exercises an element when the instance holds a value
for it (slices are recognised by their discriminators); an invalid example fails an element
when an issue that meets one of its declarations is located in it (the declared location when
no issue met it), and an invariant when it declares that key.

Gaps: a must-support element (or slice) that this IG flags (in the differential of the
profile or of an ancestor profile the IG defines) and no valid example exercises fails the run;
a profile without a valid example, a slice or extension slice the profile defines without a
valid example, and an invariant no valid example exercises or no invalid example fails are
listed only. Must-support flags inherited from another IG's profile (e.g. DEQM) are shown in
the table (`"inherited": true`) but are not gaps: they are that IG's to demonstrate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from igkit.regress.model import Example, Expectation, Issue, location_matches, strip_indexes


@dataclass
class Profile:
    url: str
    type: str
    elements: dict[str, dict]  # element id -> element (snapshot, else differential)
    differential: list[dict]
    is_extension: bool = False
    children: dict[str, list[str]] = field(default_factory=dict)  # id -> direct child ids

    @classmethod
    def from_sd(cls, sd: dict) -> Profile:
        source = (
            (sd.get("snapshot") or {}).get("element") or (sd.get("differential") or {}).get("element") or []
        )
        elements = {str(e.get("id") or e.get("path")): e for e in source}
        prof = cls(
            str(sd.get("url")),
            str(sd.get("type")),
            elements,
            list((sd.get("differential") or {}).get("element") or []),
            sd.get("type") == "Extension",
        )
        for eid in elements:
            parent = _parent_id(eid)
            if parent is not None:
                prof.children.setdefault(parent, []).append(eid)
        return prof


def _parent_id(eid: str) -> str | None:
    """`A.b:s.c` -> `A.b:s`; `A.b:s` -> `A.b`; `A` -> None."""
    last_dot = eid.rfind(".")
    last_colon = eid.rfind(":")
    if last_colon > last_dot:
        return eid[:last_colon]
    return eid[:last_dot] if last_dot > 0 else None


def _slice_of(eid: str) -> str:
    tail = eid[eid.rfind(".") + 1 :]
    return tail.split(":", 1)[1] if ":" in tail else ""


def _pattern_match(pattern: Any, value: Any) -> bool:
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(_pattern_match(v, value.get(k)) for k, v in pattern.items())
    if isinstance(pattern, list):
        values = value if isinstance(value, list) else [value]
        return all(any(_pattern_match(p, v) for v in values) for p in pattern)
    if isinstance(value, list):
        return any(_pattern_match(pattern, v) for v in value)
    return pattern == value


def _navigate(value: Any, path: str) -> list[Any]:
    items = [value]
    if path in ("$this", ""):
        return items
    for step in path.split("."):
        nxt: list[Any] = []
        for item in items:
            if isinstance(item, dict) and step in item:
                v = item[step]
                nxt.extend(v if isinstance(v, list) else [v])
        items = nxt
    return items


class Walker:
    """Maps the parts of one instance to the profile's element ids."""

    def __init__(self, profile: Profile) -> None:
        self.p = profile
        self.present: set[str] = set()
        self.at: dict[str, set[str]] = {}  # concrete location (with indexes) -> element ids

    def _record(self, eid: str, concrete: str) -> None:
        self.present.add(eid)
        self.at.setdefault(concrete, set()).add(eid)

    def _child_id(self, parent: str, key: str) -> tuple[str, str]:
        """(element id of `parent.key`, the choice slice id when `key` is a typed choice)."""
        for base in (parent, _strip_slices(parent)):
            cid = f"{base}.{key}"
            if cid in self.p.elements:
                return cid, ""
            for child in self.p.children.get(base, []):
                tail = child[len(base) + 1 :]
                if tail.endswith("[x]") and key.startswith(tail[:-3]) and key[len(tail) - 3 :][:1].isupper():
                    return child, f"{child}:{key}"
        return f"{parent}.{key}", ""

    def walk(self, value: Any, eid: str, concrete: str) -> None:
        self._record(eid, concrete)
        if not isinstance(value, dict):
            return
        for key, child in value.items():
            if key == "resourceType":
                continue
            name = key.removeprefix("_")
            cid, choice = self._child_id(eid, name)
            items = child if isinstance(child, list) else [child]
            slices = self._slices(cid)
            for n, item in enumerate(items):
                where = f"{concrete}.{name}" + (f"[{n}]" if isinstance(child, list) else "")
                if choice:
                    self._record(choice, where)
                target = cid
                for sid in slices:
                    if self._in_slice(item, cid, sid):
                        self._record(cid, where)
                        target = sid
                        break
                self.walk(item, target, where)

    def _slices(self, eid: str) -> list[str]:
        if not (self.p.elements.get(eid) or {}).get("slicing"):
            return []
        return [
            c for c in self.p.children.get(eid, []) if c.startswith(eid + ":") and "." not in c[len(eid) :]
        ]

    def _in_slice(self, item: Any, base: str, sid: str) -> bool:
        discs = self.p.elements[base]["slicing"].get("discriminator") or []
        if not discs:
            return False
        slice_el = self.p.elements[sid]
        for d in discs:
            dtype, path = d.get("type"), str(d.get("path", "$this"))
            if dtype in ("value", "pattern"):
                if path == "url" and isinstance(item, dict):
                    urls = [pr for t in slice_el.get("type") or [] for pr in t.get("profile") or []]
                    fixed = (self.p.elements.get(f"{sid}.url") or {}).get("fixedUri")
                    wanted = [fixed] if fixed else urls
                    if item.get("url") not in wanted:
                        return False
                    continue
                target = sid if path == "$this" else f"{sid}.{path}"
                el = self.p.elements.get(target) or {}
                expected = next((v for k, v in el.items() if k.startswith(("fixed", "pattern"))), None)
                if expected is None:
                    return False
                if not any(_pattern_match(expected, v) for v in _navigate(item, path)):
                    return False
            elif dtype == "type":
                codes = {t.get("code") for t in slice_el.get("type") or []}
                found = [v.get("resourceType") for v in _navigate(item, path) if isinstance(v, dict)]
                if not found or not set(found) & codes:
                    return False
            elif dtype == "profile":
                allowed = {pr for t in slice_el.get("type") or [] for pr in t.get("profile") or []}
                claimed = {
                    pr
                    for v in _navigate(item, path)
                    if isinstance(v, dict)
                    for pr in (v.get("meta") or {}).get("profile") or []
                }
                if not allowed & claimed:
                    return False
            elif dtype == "exists":
                child = self.p.elements.get(f"{sid}.{path}") or {}
                exists = bool(_navigate(item, path))
                if (child.get("min", 0) >= 1 and not exists) or (child.get("max") == "0" and exists):
                    return False
            else:
                return False
        return True


def _strip_slices(eid: str) -> str:
    return ".".join(part.split(":", 1)[0] for part in eid.split("."))


_EXT_LOCATION = re.compile(r"\.(?:extension|modifierExtension)\[\d+\]$")


def _extension_occurrences(value: Any, url: str, concrete: str, out: list[tuple[dict, str]]) -> None:
    if isinstance(value, dict):
        if value.get("url") == url and _EXT_LOCATION.search(concrete):
            out.append((value, concrete))
        for key, child in value.items():
            if isinstance(child, list):
                for n, item in enumerate(child):
                    _extension_occurrences(item, url, f"{concrete}.{key}[{n}]", out)
            elif isinstance(child, dict):
                _extension_occurrences(child, url, f"{concrete}.{key}", out)


@dataclass
class Usage:
    valid: set[str] = field(default_factory=set)
    invalid: set[str] = field(default_factory=set)

    def to_json(self) -> dict:
        return {"valid": sorted(self.valid), "invalid": sorted(self.invalid)}


def _walks(profile: Profile, example: Example) -> list[Walker]:
    """One walker per place the example uses the profile (the resource, or each extension occurrence)."""
    walkers: list[Walker] = []
    if profile.is_extension:
        found: list[tuple[dict, str]] = []
        _extension_occurrences(example.data, profile.url, example.resource_type, found)
        for value, concrete in found:
            w = Walker(profile)
            w.walk(value, "Extension", concrete)
            walkers.append(w)
    elif profile.url in example.profiles:
        w = Walker(profile)
        w.walk(example.data, profile.type, example.resource_type)
        walkers.append(w)
    return walkers


def _failed_ids(walker: Walker, location: str) -> set[str]:
    """Element ids at or above a declared issue location."""
    found: set[str] = set()
    for concrete, ids in walker.at.items():
        if location and location_matches(concrete if "[" in location else strip_indexes(concrete), location):
            found |= ids
    return found


def own_must_support(sd: dict, by_url: dict[str, dict]) -> set[str]:
    """Element ids this IG itself flags must-support: in the differential of the profile or of
    an ancestor profile the IG defines (flags inherited from another IG's profile are not ours)."""
    found: set[str] = set()
    seen: set[str] = set()
    current: dict | None = sd
    while current is not None and current.get("url") not in seen:
        seen.add(str(current.get("url")))
        found |= {
            str(e.get("id"))
            for e in (current.get("differential") or {}).get("element") or []
            if e.get("mustSupport")
        }
        current = by_url.get(str(current.get("baseDefinition")))
    return found


def _failure_locations(expectation: Expectation, actual: list[Issue] | None) -> list[str]:
    """Where an invalid example fails: the locations of the issues that met its declarations
    (precise, with indexes), else the declared locations."""
    met = [i.location for i in actual or [] if any(e.pattern.matches(i) for e in expectation.issues)]
    declared = [e.pattern.location for e in expectation.issues if e.pattern.location]
    return [loc for loc in (met or declared) if "." in loc]


def profile_coverage(
    profile: Profile,
    examples: list[Example],
    expectations: dict[str, Expectation],
    own_ms: set[str] | None = None,
    issues: dict[str, list[Issue]] | None = None,
) -> dict:
    ms = {
        eid: Usage()
        for eid, e in profile.elements.items()
        if e.get("mustSupport") and e.get("max") != "0" and eid != profile.type
    }
    own = set(ms) if own_ms is None else own_ms & set(ms)
    slices = {
        eid: Usage()
        for eid in profile.elements
        if _slice_of(eid) and not str(_parent_id(eid)).endswith("[x]")
    }
    extensions = {
        eid: Usage() for eid in slices if _strip_slices(eid).endswith(("extension", "modifierExtension"))
    }
    for eid in extensions:
        slices.pop(eid)
    own_slices = {str(e.get("id")) for e in profile.differential}
    invariants: dict[str, tuple[str, Usage]] = {}
    for e in profile.differential:
        for c in e.get("constraint") or []:
            invariants.setdefault(str(c.get("key")), (str(e.get("id") or e.get("path")), Usage()))
    users: set[str] = set()
    for ex in examples:
        expectation = expectations.get(ex.key)
        for w in _walks(profile, ex):
            if ex.valid_expected:
                users.add(ex.key)
                for table in (ms, slices, extensions):
                    for eid, usage in table.items():
                        if eid in w.present:
                            usage.valid.add(ex.key)
                for key, (eid, usage) in invariants.items():
                    if eid in w.present or eid == profile.type:
                        usage.valid.add(ex.key)
            elif expectation is not None:
                for pat in (expected.pattern for expected in expectation.issues):
                    if pat.invariant in invariants:
                        invariants[pat.invariant][1].invalid.add(ex.key)
                hit: set[str] = set()
                for location in _failure_locations(expectation, (issues or {}).get(ex.key)):
                    hit |= _failed_ids(w, location)
                for table in (ms, slices, extensions):
                    for eid in hit & set(table):
                        table[eid].invalid.add(ex.key)
    gaps: list[dict] = []
    if not users:
        gaps.append({"kind": "profile", "item": profile.url, "missing": "valid", "fails": False})
    for eid, usage in ms.items():
        if not usage.valid and eid in own:
            gaps.append({"kind": "must-support", "item": eid, "missing": "valid", "fails": True})
    for kind, table in (("extension", extensions), ("slice", slices)):
        for eid, usage in table.items():
            if not usage.valid and eid not in ms and eid in own_slices:
                gaps.append({"kind": kind, "item": eid, "missing": "valid", "fails": False})
    for key, (eid, usage) in invariants.items():
        for side in ("valid", "invalid"):
            if not getattr(usage, side):
                gaps.append({"kind": "invariant", "item": key, "missing": side, "fails": False})
    return {
        "type": profile.type,
        "examples": sorted(users),
        "must_support": {eid: {**u.to_json(), "inherited": eid not in own} for eid, u in ms.items()},
        "extensions": {
            eid: {**u.to_json(), "inherited": eid not in own_slices} for eid, u in extensions.items()
        },
        "slices": {eid: {**u.to_json(), "inherited": eid not in own_slices} for eid, u in slices.items()},
        "invariants": {key: {"element": eid, **u.to_json()} for key, (eid, u) in invariants.items()},
        "gaps": gaps,
    }


def gap_text(url: str, gap: dict) -> str:
    what = {
        "profile": "profile has no valid example",
        "must-support": f"must-support {gap['item']} is in no valid example",
        "extension": f"extension slice {gap['item']} is in no valid example",
        "slice": f"slice {gap['item']} is in no valid example",
        "invariant": f"invariant {gap['item']} is "
        + ("exercised by no valid example" if gap["missing"] == "valid" else "failed by no invalid example"),
    }
    return f"{url}: {what[gap['kind']]}"


def coverage(
    structures: list[dict],
    examples: list[Example],
    expectations: dict[str, Expectation],
    issues: dict[str, list[Issue]] | None = None,
) -> dict:
    """Coverage per profile and extension the IG defines; `issues` (by `ResourceType/id`) are
    the validator's findings, used to place each invalid example's failures precisely."""
    out: dict[str, dict] = {}
    by_url = {str(sd.get("url")): sd for sd in structures}
    for sd in sorted(structures, key=lambda s: str(s.get("url"))):
        if sd.get("derivation") != "constraint" or sd.get("kind") == "logical":
            continue
        if sd.get("kind") in ("primitive-type", "complex-type") and sd.get("type") != "Extension":
            continue
        out[str(sd.get("url"))] = profile_coverage(
            Profile.from_sd(sd), examples, expectations, own_must_support(sd, by_url), issues
        )
    return out
