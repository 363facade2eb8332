"""Snapshot generation for StructureDefinitions (profiles with only a differential).

    generate_snapshot(sd: dict, defs: DefinitionSource, messages: list | None = None) -> dict
        A new StructureDefinition dict whose `snapshot.element` is generated from `sd`'s
        `differential` and its base chain (`baseDefinition`, recursively: a base without a
        snapshot gets one generated first; cycles are detected). `sd` is never changed.
        Raises SnapshotError (naming the profile and the element) when it cannot: unknown
        base or type profile, a differential element that matches nothing in the base or is
        out of order, children constrained below an element of several types, ...
        Non-fatal problems of the differential (HL7-worded SnapshotMessage) go to `messages`.
        When differential elements match nothing, the HL7 validator reports them and carries
        on: the SnapshotError then has `partial` (that snapshot) and `messages`.

    ensure_snapshot(sd: dict, defs: DefinitionSource) -> dict
        `sd` itself when it already has a snapshot, else `generate_snapshot(sd, defs)`.

The algorithm follows the HL7 Java validator (ProfileUtilities.generateSnapshot /
processPaths): walk the base snapshot in order; every base element either is copied
unchanged or is constrained by the differential elements that match its path (and, when
the differential has ids, its slice context). Slicing groups (the sliced element, its
children, then each slice with its children) are built from base slices and new slices;
children the base does not list are expanded from the element's type (the datatype's
StructureDefinition, or the type profile's snapshot, or the target of a contentReference).
A differential path renamed for one type of a choice (`Observation.valueQuantity`) becomes a
type slice (`Observation.value[x]:valueQuantity`) as the HL7 validator does, except inside
the children of a slice, where it simply narrows the type; such implicit type slicing is
closed (keeping only the sliced types) when a slice is required, when the slices cover every
type, or when named type slices come without the choice element. New slices are optional
unless stated; a sliced extension element needs at least the sum of its slices' minimums.
Element-level merge rules are in `snapshot_merge`.

Modules: `snapshot` (this API and the base chain), `snapshot_walk` (the walk over one
profile), `snapshot_merge` (element merge rules), `snapshot_paths` (paths, ids, indexes).
Deterministic: the same inputs give the same output, element for element.
"""

from __future__ import annotations

from typing import Any

from igkit.errors import IgkitError
from igkit.validate.model import DefinitionSource
from igkit.validate.snapshot_merge import clone
from igkit.validate.snapshot_paths import Element, ElementIndex, SnapshotMessage, diff_ends, ids_usable
from igkit.validate.snapshot_walk import ProfileRun, Walk

__all__ = ["SnapshotError", "SnapshotMessage", "ensure_snapshot", "generate_snapshot"]


class SnapshotError(IgkitError):
    """A snapshot cannot be generated (the message names the profile and the element).

    `profile` is the canonical URL of the profile whose snapshot failed, `element` the id (or
    path) of the differential element at fault when there is one, and `reason` the message
    without the profile prefix (worded as the HL7 validator words it where it has a message).
    When differential elements matched nothing, the HL7 validator carries on with the rest:
    `partial` is then that snapshot and `messages` its issues (else None and [])."""

    def __init__(self, message: str, profile: str = "", element: str = "", reason: str = "") -> None:
        super().__init__(message)
        self.profile = profile
        self.element = element
        self.reason = reason or message
        self.partial: dict[str, Any] | None = None
        self.messages: list[SnapshotMessage] = []


class _Generator:
    """Generates snapshots along a base chain, with cycle detection and a per-call cache."""

    def __init__(self, defs: DefinitionSource) -> None:
        self.defs = defs
        self.in_progress: list[str] = []
        self.done: dict[str, dict[str, Any]] = {}
        self.index_cache: dict[int, tuple[list[Element], ElementIndex]] = {}
        self.messages: list[SnapshotMessage] = []

    def error(self, message: str, profile: str, element: str, reason: str) -> Exception:
        return SnapshotError(message, profile=profile, element=element, reason=reason)

    def indexed(self, sd: dict[str, Any]) -> ElementIndex:
        elements = sd["snapshot"]["element"]
        hit = self.index_cache.get(id(elements))
        if hit is None or hit[0] is not elements:
            hit = (elements, ElementIndex.of(elements))
            self.index_cache[id(elements)] = hit
        return hit[1]

    def with_snapshot(self, sd: dict[str, Any]) -> dict[str, Any]:
        if sd.get("snapshot", {}).get("element"):
            return sd
        url = sd.get("url", "")
        if url in self.done:
            return self.done[url]
        result = self.generate(sd)
        if url:
            self.done[url] = result
        return result

    def resolve(self, url: str, run: ProfileRun) -> dict[str, Any]:
        sd = self.defs.fetch(url)
        if sd is None or sd.get("resourceType") != "StructureDefinition":
            raise run.fail(
                f"the profile '{url}' used as a type is not known; add the package that defines it to the "
                "dependencies"
            )
        return self.with_snapshot(sd)

    def for_type(self, code: str, run: ProfileRun) -> dict[str, Any]:
        code = code if isinstance(code, str) else ""
        sd = self.defs.structure_for_type(code) if code else None
        if sd is None and code.startswith("http"):
            sd = self.defs.fetch(code)
        if sd is None:
            raise run.fail(f"the type '{code}' is not known")
        return self.with_snapshot(sd)

    def generate(self, sd: dict[str, Any]) -> dict[str, Any]:
        url = sd.get("url", "")
        name = sd.get("name") or sd.get("id") or url or "(unnamed)"
        if url and url in self.in_progress:
            chain = " -> ".join(self.in_progress + [url])
            raise SnapshotError(
                f"Cannot generate the snapshot of profile '{name}': its base chain is circular "
                f"({chain}); a profile cannot derive from itself, fix the baseDefinition.",
                profile=url,
            )
        base_url = sd.get("baseDefinition")
        if not base_url:
            raise SnapshotError(
                f"Cannot generate the snapshot of profile '{name}' ({url}): it has no snapshot and "
                "no baseDefinition to derive one from.",
                profile=url,
            )
        raw = sd.get("differential", {}).get("element", [])
        positions = [i for i, e in enumerate(raw) if isinstance(e, dict)]
        diff = [raw[i] for i in positions]
        self.in_progress.append(url)
        try:
            base = self.defs.fetch(base_url)
            if base is None or base.get("resourceType") != "StructureDefinition":
                raise SnapshotError(
                    f"Cannot generate the snapshot of profile '{name}' ({url}): its base "
                    f"'{base_url}' is not known; add the package that defines it to the "
                    "dependencies (or fix the baseDefinition).",
                    profile=url,
                )
            base = self.with_snapshot(base)
            top = self.indexed(base)
            use_ids = ids_usable(diff)
            run = ProfileRun(self, url, name, diff, diff_ends(diff, use_ids), top, use_ids=use_ids)
            root = top.elements[0]["path"]
            new_root = root
            if sd.get("derivation") == "specialization" and diff:
                new_root = diff[0].get("path", root).split(".", 1)[0]
            run.process(Walk(top, 0, len(top.elements), root, new_root, new_root, None, 0, len(diff), False))
        finally:
            self.in_progress.pop()
        if new_root != root:
            run.add_new_elements()
        result = clone({k: v for k, v in sd.items() if k != "snapshot"})
        result["snapshot"] = {"element": run.out}
        messages = [
            SnapshotMessage(m.severity, m.code, m.text, positions[m.index] if m.index is not None else None)
            for m in run.messages
        ]
        unmatched = [k for k in range(len(diff)) if k not in run.used]
        if unmatched:
            labels = [str(diff[k].get("id") or diff[k].get("path")) for k in unmatched]
            advice = "check that the path and definitions are legal in the differential (including order)"
            for k, label in zip(unmatched, labels):
                messages.append(
                    SnapshotMessage(
                        "error",
                        "value",
                        f"No match found for {label} in the generated snapshot: {advice}",
                        positions[k],
                    )
                )
            count = f"{len(labels)} element{'s' if len(labels) > 1 else ''}"
            messages.append(
                SnapshotMessage(
                    "error",
                    "value",
                    f"The profile {url} has {count} in the differential (id: {', '.join(labels)}) "
                    f"that don't have a matching element in the snapshot: {advice}",
                    None,
                )
            )
            error = run.fail(
                f"No match found for {labels[0]} in the generated snapshot: {advice}; the base is '{base_url}'",
                diff[unmatched[0]],
            )
            assert isinstance(error, SnapshotError)
            error.partial = result
            error.messages = messages
            raise error
        self.messages = messages
        return result


def generate_snapshot(
    sd: dict[str, Any], defs: DefinitionSource, messages: list[SnapshotMessage] | None = None
) -> dict[str, Any]:
    """A copy of `sd` with `snapshot.element` generated from its differential and base chain.

    Non-fatal problems of `sd`'s differential (not of its bases) are appended to `messages`."""
    if not isinstance(sd, dict) or sd.get("resourceType") != "StructureDefinition":
        raise SnapshotError("Cannot generate a snapshot: the resource is not a StructureDefinition.")
    generator = _Generator(defs)
    result = generator.generate(sd)
    if messages is not None:
        messages.extend(generator.messages)
    return result


def ensure_snapshot(sd: dict[str, Any], defs: DefinitionSource) -> dict[str, Any]:
    """`sd` unchanged when it has a snapshot, else a copy with a generated one."""
    if sd.get("snapshot", {}).get("element"):
        return sd
    return generate_snapshot(sd, defs)
