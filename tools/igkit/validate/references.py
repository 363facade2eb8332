"""References: format, target type, and (when the target resolves in the Bundle or among the
contained resources) the target's type and profiles."""

from __future__ import annotations

import re
from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode
from igkit.validate.values import as_list

RELATIVE = re.compile(r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/([A-Za-z0-9\-.]{1,64}))?$")
ABSOLUTE_TAIL = re.compile(r"/([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/([A-Za-z0-9\-.]{1,64}))?$")
SD_PREFIX = "http://hl7.org/fhir/StructureDefinition/"


def implied_type(ref: str) -> str | None:
    m = RELATIVE.match(ref) or (ABSOLUTE_TAIL.search(ref) if "://" in ref else None)
    return m.group(1) if m else None


def target_profiles(node: ElementNode) -> list[str]:
    out: list[str] = []
    for t in node.types:
        if t.get("code") in ("Reference", "canonical", "CodeableReference"):
            out.extend(p for p in as_list(t.get("targetProfile")) if isinstance(p, str))
    return out


def _target_types(run: Run, profiles: list[str]) -> list[str]:
    types: list[str] = []
    for url in profiles:
        if url.startswith(SD_PREFIX) and "/" not in url[len(SD_PREFIX) :]:
            types.append(url[len(SD_PREFIX) :])
        else:
            sd = run.ctx.defs.fetch(url)
            if isinstance(sd, dict) and isinstance(sd.get("type"), str):
                types.append(sd["type"])
    return types


def resolve(run: Run, ref: str, frame: Any) -> dict | None:
    """The resource `ref` points to within this file (contained or Bundle), or None."""
    found = resolve_all(run, ref, frame)
    return found[0] if len(found) == 1 else None


def resolve_all(run: Run, ref: str, frame: Any) -> list[dict]:
    if ref.startswith("#"):
        container = _container(frame)
        if container is None:
            return []
        if ref == "#":
            return [container]
        for c in as_list(container.get("contained")):
            if isinstance(c, dict) and c.get("id") == ref[1:]:
                return [c]
        return []
    if run.bundle_stack:
        from igkit.validate import bundles

        return [
            resource
            for e in bundles.find_entries(run, ref, frame)
            if isinstance(resource := e.get("resource"), dict)
        ]
    return []


def _container(frame: Any) -> dict | None:
    """The resource that holds the contained resources for this frame (the outermost non-contained)."""
    f = frame
    while f is not None:
        if not getattr(f, "contained", False):
            return f.resource
        f = f.parent
    return None


def check(run: Run, node: ElementNode, value: dict, loc: Loc, frame: Any) -> None:
    ref = value.get("reference")
    if not isinstance(ref, str):
        return
    profiles = target_profiles(node)
    allowed = _target_types(run, profiles)
    any_type = not allowed or "Resource" in allowed
    rtype = implied_type(ref)
    if rtype and not any_type and rtype not in allowed and not ref.startswith("#"):
        run.report(
            "Reference_REF_BadTargetType2", rtype, ref, "[" + ", ".join(dict.fromkeys(allowed)) + "]", loc=loc
        )
        return
    aggregation = {
        a for t in node.types if t.get("code") == "Reference" for a in as_list(t.get("aggregation"))
    }
    if ref.startswith("#"):
        target = resolve(run, ref, frame)
        if target is None:
            run.report("Reference_REF_CantResolve", ref, loc=loc)
            return
    else:
        found = resolve_all(run, ref, frame) if run.bundle_stack else []
        if len(found) != 1:
            if aggregation and "referenced" not in aggregation and not found:
                run.report("Reference_REF_NotFound_Bundle", ref, loc=loc)
            return  # not in this file: bundles.py reports what must resolve
        target = found[0]
    ttype = target.get("resourceType")
    if rtype and ttype and ttype != rtype:
        run.report("Reference_REF_ResourceType", ref, ttype, loc=loc)
        return
    if not any_type and ttype not in allowed:
        run.report("Reference_REF_BadTargetType", ttype, ", ".join(dict.fromkeys(allowed)), loc=loc)
        return
    special = [p for p in profiles if not (p.startswith(SD_PREFIX) and "/" not in p[len(SD_PREFIX) :])]
    if not special:
        return
    candidates = [p for p in special if (run.ctx.defs.fetch(p) or {}).get("type") == ttype]
    if not candidates:
        return
    from igkit.validate.slicing import _conforms

    if not any(_conforms(run, target, ttype, p, frame) for p in candidates):
        desc = f"{ttype}/{target.get('id')}"
        run.report("Reference_REF_CantMatchChoice", desc, ", ".join(candidates), loc=loc)
