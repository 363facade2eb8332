"""Bundles: fullUrl rules, reference resolution between entries, and document bundle links.

Reference resolution follows the Bundle rules: an absolute reference (URL or urn) matches
an entry's fullUrl; a relative reference `Type/id` is made absolute with the RESTful base
of the referencing entry's fullUrl. Entries with the same type and id but a fullUrl that
does not match are not targets (the HL7 validator notes them in its message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from igkit.validate.context import Loc, Run
from igkit.validate.values import as_list

RESTFUL = re.compile(
    r"^(https?://.+?)/([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(/_history/[A-Za-z0-9\-.]{1,64})?$"
)
HISTORY = re.compile(r"^(.*)/_history/([A-Za-z0-9\-.]{1,64})$")
NO_FULLURL_TYPES = ("transaction", "batch", "transaction-response", "batch-response", "history", "searchset")
DOCUMENT_SECTIONS = {
    "subject": "Composition.subject",
    "encounter": "Composition.encounter",
    "author": "Composition.author",
    "custodian": "Composition.custodian",
}


@dataclass
class BundleCtx:
    bundle: dict
    full_urls: dict[int, str] = field(default_factory=dict)  # id(resource) -> fullUrl


def enter(run: Run, bundle: dict) -> None:
    ctx = BundleCtx(bundle)
    for e in as_list(bundle.get("entry")):
        if isinstance(e, dict) and isinstance(e.get("resource"), dict) and isinstance(e.get("fullUrl"), str):
            ctx.full_urls[id(e["resource"])] = e["fullUrl"]
    run.bundle_stack.append(ctx)


def leave(run: Run) -> None:
    run.bundle_stack.pop()


def _entries(bctx: BundleCtx) -> list[dict]:
    return [e for e in as_list(bctx.bundle.get("entry")) if isinstance(e, dict)]


def _referrer_url(run: Run, frame: Any) -> str | None:
    bctx = run.bundle_stack[-1]
    f = frame
    while f is not None:
        url = bctx.full_urls.get(id(f.resource))
        if url:
            return url
        f = f.parent
    return None


def absolute_target(ref: str, referrer: str | None) -> str | None:
    """The full URL a reference points to under the Bundle rules, or None when it has none."""
    if "://" in ref or ref.startswith("urn:"):
        return ref
    if referrer:
        m = RESTFUL.match(referrer)
        if m:
            return f"{m.group(1)}/{ref}"
        if referrer.startswith("urn:uuid:"):  # as the HL7 validator: Type/id -> urn:uuid:id
            parts = HISTORY.sub(r"\1", ref).split("/")
            if len(parts) == 2:
                return "urn:uuid:" + parts[1]
    return None


def find_entries(run: Run, ref: str, frame: Any) -> list[dict]:
    if not run.bundle_stack:
        return []
    bctx = run.bundle_stack[-1]
    target = absolute_target(ref, _referrer_url(run, frame)) or ref
    version = None
    m = HISTORY.match(target)
    if m:
        target, version = m.group(1), m.group(2)
    found = []
    for e in _entries(bctx):
        if e.get("fullUrl") in (target, ref):
            res = e.get("resource")
            if version is not None and isinstance(res, dict):
                vid = (res.get("meta") or {}).get("versionId") if isinstance(res.get("meta"), dict) else None
                if vid != version:
                    continue
            found.append(e)
    return found


def _same_type_id(bctx: BundleCtx, ref: str) -> int:
    tail = HISTORY.sub(r"\1", ref)
    parts = tail.rstrip("/").split("/")
    if len(parts) < 2:
        return 0
    rtype, rid = parts[-2], parts[-1]
    return sum(
        1
        for e in _entries(bctx)
        if isinstance(e.get("resource"), dict)
        and e["resource"].get("resourceType") == rtype
        and e["resource"].get("id") == rid
    )


def check(run: Run, bundle: dict, loc: Loc, frame: Any) -> None:
    """Bundle-level rules, after the entries have been validated."""
    btype = bundle.get("type")
    entries = bundle.get("entry")
    if not isinstance(entries, list):
        return
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            continue
        at = Loc(loc.path + ("entry", i), f"{loc.expr}.entry[{i}]")
        full = e.get("fullUrl")
        res = e.get("resource")
        if full is None:
            if isinstance(res, dict) and btype not in NO_FULLURL_TYPES:
                run.report("BUNDLE_BUNDLE_ENTRY_FULLURL_REQUIRED", loc=at)
            continue
        if not isinstance(full, str):
            continue
        if ":" not in full:
            run.report("BUNDLE_BUNDLE_ENTRY_FULLURL_ABSOLUTE", full, loc=at)
            continue
        m = RESTFUL.match(full)
        if m and not _is_resource_type(run, m.group(2)):
            m = None
        if m and isinstance(res, dict):
            rid = res.get("id")
            if rid is None:
                run.report_text(
                    "BUNDLE_ENTRY_URL_ABSOLUTE",
                    f"The fullUrl '{full}' looks like a RESTful server URL, but the resource has no id",
                    loc=at,
                )
            elif m.group(2) != res.get("resourceType") or m.group(3) != rid:
                run.report("BUNDLE_RESTFUL_FULLURL", full, res.get("resourceType"), rid, loc=at)
    if btype == "document":
        _document(run, bundle, loc)
    elif btype == "searchset":
        _searchset(run, bundle, loc)


def _search_types(run: Run, bundle: dict) -> list[str]:
    """The resource types a searchset's self link searches for (path type or _type)."""
    for link in as_list(bundle.get("link")):
        if (
            not isinstance(link, dict)
            or link.get("relation") != "self"
            or not isinstance(link.get("url"), str)
        ):
            continue
        path, _, query = link["url"].partition("?")
        for param in query.split("&"):
            name, _, value = param.partition("=")
            if name == "_type" and value:
                return [t for t in value.split(",") if t]
        last = path.rstrip("/").rsplit("/", 1)[-1]
        if _is_resource_type(run, last):
            return [last]
    return []


def _searchset(run: Run, bundle: dict, loc: Loc) -> None:
    types = _search_types(run, bundle)
    for i, e in enumerate(as_list(bundle.get("entry"))):
        if not isinstance(e, dict) or not isinstance(e.get("resource"), dict):
            continue
        mode = (e.get("search") or {}).get("mode") if isinstance(e.get("search"), dict) else None
        res = e["resource"]
        rtype = res.get("resourceType")
        at = Loc(loc.path + ("entry", i, "resource"), f"{loc.expr}.entry[{i}].resource")
        if mode == "outcome" and rtype != "OperationOutcome":
            run.report("BUNDLE_SEARCH_OUTCOME_NOT_OO", rtype, loc=at)
        elif mode == "match":
            if not res.get("id"):
                run.report("BUNDLE_SEARCH_NOID", loc=at)
            if types and rtype not in types:
                run.report(
                    "BUNDLE_SEARCH_ENTRY_WRONG_RESOURCE_TYPE_MODE",
                    rtype,
                    "[" + ", ".join(types) + "]",
                    loc=at,
                )


def _is_resource_type(run: Run, name: str) -> bool:
    sd = run.ctx.defs.structure_for_type(name)
    return isinstance(sd, dict) and sd.get("kind") == "resource"


def _references(value: Any, path: tuple, expr: str, out: list[tuple[str, tuple, str]]) -> None:
    if isinstance(value, dict):
        ref = value.get("reference")
        if isinstance(ref, str):
            out.append((ref, path, expr))
        for k, v in value.items():
            if k in ("contained",):
                continue
            if isinstance(v, list):
                for i, x in enumerate(v):
                    _references(x, path + (k, i), f"{expr}.{k}[{i}]", out)
            else:
                _references(v, path + (k,), f"{expr}.{k}", out)


def _document(run: Run, bundle: dict, loc: Loc) -> None:
    entries = [e for e in as_list(bundle.get("entry")) if isinstance(e, dict)]
    if not entries or not isinstance(entries[0].get("resource"), dict):
        return
    comp = entries[0]["resource"]
    if comp.get("resourceType") != "Composition":
        return
    bctx = run.bundle_stack[-1] if run.bundle_stack else BundleCtx(bundle)
    comp_url = entries[0].get("fullUrl") if isinstance(entries[0].get("fullUrl"), str) else None
    refs: list[tuple[str, tuple, str]] = []
    base_path = loc.path + ("entry", 0, "resource")
    _references(comp, base_path, f"{loc.expr}.entry[0].resource", refs)
    for ref, path, expr in refs:
        if ref.startswith("#"):
            continue
        target = absolute_target(ref, comp_url) or ref
        plain = (HISTORY.sub(r"\1", target), HISTORY.sub(r"\1", ref))
        matches = [e for e in entries if e.get("fullUrl") in plain]
        hist = HISTORY.match(target or "")
        if hist:
            matches = [
                e
                for e in matches
                if isinstance(e.get("resource"), dict)
                and ((e["resource"].get("meta") or {}).get("versionId") == hist.group(2))
            ]
        context = _context_name(path)
        at = Loc(path, expr)
        if not matches:
            n = _same_type_id(bctx, ref)
            note = ""
            if n == 1:
                note = (
                    ". Note that there is a resource in the bundle with the same type and id, but it does not "
                    "match because of the fullUrl based rules around matching relative references"
                )
            elif n > 1:
                note = (
                    f". Note that there are {n} resources in the bundle with the same type and id, but they do "
                    "not match because of the fullUrl based rules around matching relative references"
                )
            run.sink.report_text(
                "Bundle_BUNDLE_Entry_NotFound",
                f"Can't find '{ref}' in the bundle ({context}){note}",
                expression=expr,
                position=run.pos(at),
                code="not-found",
            )
        elif len(matches) > 1:
            run.sink.report_text(
                "BUNDLE_BUNDLE_ENTRY_FOUND_MULTIPLE",
                f"Found {len(matches)} matches for '{ref}' in the bundle ({context})",
                expression=expr,
                position=run.pos(at),
                code="not-found",
            )
    _orphans(run, entries, loc)


def _context_name(path: tuple) -> str:
    names = [p for p in path if isinstance(p, str)]
    if (
        "section" in names
        and names[-2:-1] == ["entry"]
        or (names and names[-1] == "entry" and "section" in names)
    ):
        return "Section Entry"
    tail = names[names.index("resource") + 1 :] if "resource" in names else names
    return "Composition." + ".".join(t for t in tail if t != "reference")


def _orphans(run: Run, entries: list[dict], loc: Loc) -> None:
    urls = [e.get("fullUrl") if isinstance(e.get("fullUrl"), str) else None for e in entries]
    links: dict[int, set[int]] = {}
    for i, e in enumerate(entries):
        res = e.get("resource")
        refs: list[tuple[str, tuple, str]] = []
        _references(res, (), "", refs)
        targets = set()
        for ref, _p, _x in refs:
            if ref.startswith("#"):
                continue
            plain = (HISTORY.sub(r"\1", absolute_target(ref, urls[i]) or ref), HISTORY.sub(r"\1", ref))
            for j, u in enumerate(urls):
                if u is not None and u in plain:
                    targets.add(j)
        links[i] = targets
    reached = {0}
    changed = True
    while changed:
        changed = False
        for i in range(len(entries)):
            if i in reached:
                continue
            if links[i] & reached or any(i in links[j] for j in reached):
                reached.add(i)
                changed = True
    for i, e in enumerate(entries):
        if i in reached or not isinstance(e.get("resource"), dict):
            continue
        at = Loc(loc.path + ("entry", i), f"{loc.expr}.entry[{i}]")
        run.report_text(
            "BUNDLE_BUNDLE_ENTRY_ORPHAN_DOCUMENT",
            f"Entry '{urls[i]}' isn't reachable by traversing links (forward or backward) from the "
            "Composition",
            loc=at,
            code="informational",
        )
