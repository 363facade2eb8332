"""A resource against its base definition, its declared profiles and the requested profiles."""

from __future__ import annotations

from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode
from igkit.validate.values import as_list
from igkit.validate.walker import Frame, validate_children


def validate_resource(
    run: Run,
    resource: dict,
    loc: Loc,
    frame: Frame | None = None,
    extra_profiles: tuple[str, ...] = (),
    contained: bool = False,
) -> None:
    """Validate one resource (top level, contained, or in a Bundle entry / Parameters)."""
    rtype = resource.get("resourceType")
    if not isinstance(rtype, str) or not rtype:
        run.report("Resource_Type_Missing", loc=loc)
        return
    base = run.ctx.type_root(rtype)
    if base is None or (run.ctx.defs.structure_for_type(rtype) or {}).get("kind") != "resource":
        run.report("Unknown_Resource_Type", rtype, loc=loc)
        return
    root_resource = frame.resource if (contained and frame is not None) else resource
    this = Frame(resource=resource, root=root_resource, loc=loc, parent=frame, contained=contained)
    _check_id(run, resource, loc)
    if rtype == "Bundle":
        from igkit.validate import bundles

        bundles.enter(run, resource)
    validate_children(run, base, resource, loc, this, is_resource=True)
    from igkit.validate import invariants

    if run.ctx.options.check_invariants:
        invariants.check_element(run, base, resource, loc, this, rtype)

    meta = resource.get("meta")
    declared = meta.get("profile") if isinstance(meta, dict) else None
    profiles: list[tuple[str, Loc]] = []
    if isinstance(declared, list):
        for i, url in enumerate(declared):
            if isinstance(url, str):
                profiles.append((url, loc.item("meta", None).item("profile", i)))
    for url in extra_profiles:
        profiles.append((url, loc))
    if rtype == "Observation":
        from igkit.validate import vitals

        vitals.check(run, resource, loc, [u for u, _at in profiles])
    for url, at in profiles:
        root = run.ctx.profile_root(url)
        if root is None:
            _unknown_profile(run, url, at, declared=at is not loc)
            continue
        if root.path != rtype and not _is_ancestor_type(run, root.path, rtype):
            run.report("Validation_VAL_Profile_WrongType", root.path, rtype, url, loc=at)
            continue
        validate_children(run, root, resource, loc, this, is_resource=True)
        if run.ctx.options.check_invariants:
            invariants.check_element(run, root, resource, loc, this, rtype)

    if rtype == "StructureDefinition":
        _check_snapshot(run, resource, loc)
    if rtype == "Bundle":
        from igkit.validate import bundles

        bundles.check(run, resource, loc, this)
        bundles.leave(run)
    elif rtype == "MeasureReport":
        from igkit.validate import measure

        measure.check(run, resource, loc)


def _is_ancestor_type(run: Run, profiled: str, rtype: str) -> bool:
    return profiled in ("Resource", "DomainResource")


def _unknown_profile(run: Run, url: str, at: Loc, declared: bool) -> None:
    error = run.ctx.defs.snapshot_error(url)
    if error:  # a declared profile that cannot be used is not the instance's fault
        run.report(
            "Validation_VAL_Profile_NoSnapshot",
            url,
            error,
            loc=at,
            severity=None if not declared else "warning",
        )
    elif declared:
        run.report("Validation_VAL_Profile_Unknown", url, loc=at)
    else:
        run.report("VALIDATION_VAL_PROFILE_UNKNOWN_ERROR", url, loc=at)


def _check_snapshot(run: Run, sd: dict, loc: Loc) -> None:
    """A StructureDefinition with only a differential: can its snapshot be generated?"""
    snap, diff = sd.get("snapshot"), sd.get("differential")
    if not isinstance(diff, dict) or not isinstance(diff.get("element"), list) or not diff["element"]:
        return
    if isinstance(snap, dict) and snap.get("element"):
        return
    if not all(isinstance(e, dict) and isinstance(e.get("path"), str) for e in diff["element"]):
        return  # malformed elements are reported by the structural checks
    from igkit.validate import snapshot

    messages: list = []
    try:
        snapshot.generate_snapshot(sd, run.ctx.defs, messages)
    except snapshot.SnapshotError as exc:
        messages = list(exc.messages) or messages
        if exc.partial is None:
            run.report_text(
                "Snapshot_Error",
                f"Error generating Snapshot: {exc.reason}",
                loc=loc,
                severity="error",
                code="processing",
            )
    except Exception:  # noqa: BLE001 - a generator failure on odd input is not the instance's fault
        return
    for m in messages:
        at = loc.key("differential").item("element", m.index) if m.index is not None else loc
        run.report_text(
            "Snapshot_Message",
            m.text,
            loc=at,
            severity=m.severity,
            code=m.code,
        )


def _check_id(run: Run, resource: dict, loc: Loc) -> None:
    rid = resource.get("id")
    if not isinstance(rid, str):
        return
    from igkit.validate import primitives

    at = loc.key("id")
    for p in primitives.check_resource_id(rid):
        run.report_text(
            p.message_id,
            p.message,
            loc=at,
            severity=p.severity,
            code=p.code,
        )


def validate_nested(run: Run, node: ElementNode, value: dict, loc: Loc, frame: Frame) -> None:
    """A Resource-typed element: contained, Bundle.entry.resource, Parameters.parameter.resource."""
    profiles: list[str] = []
    for t in node.types:
        profiles.extend(p for p in as_list(t.get("profile")) if isinstance(p, str))
    rtype = value.get("resourceType")
    # a profile on the element applies when it is for this resource type
    usable = []
    for url in profiles:
        root = run.ctx.profile_root(url)
        if root is not None and root.path == rtype:
            usable.append(url)
    shown = Loc(loc.path, f"{loc.expr}/*{rtype}/{value.get('id', 'null')}*/")
    if len(usable) > 1:  # several profiles: the resource must conform to one of them
        from igkit.validate.slicing import _conforms

        matching = [u for u in usable if _conforms(run, value, str(rtype), u, frame)]
        if not matching:
            run.report("Validation_VAL_Profile_NoMatch", ", ".join(usable), loc=shown)
        usable = matching[:1]
    validate_resource(run, value, shown, frame, tuple(usable), contained=node.path.endswith(".contained"))
