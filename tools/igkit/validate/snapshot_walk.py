"""The walk of snapshot generation: one profile's differential against its base snapshot.

`ProfileRun.process` walks base elements in order (a `Walk` is one range of them, under output
and differential path roots); each base element is copied, constrained by the differential
elements that match it (`constrain`), grouped with its slices (`slicing_group`), or expanded
into its type's children (`expand`). See `snapshot` for the rules and their HL7 sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from igkit.validate.model import DefinitionSource
from igkit.validate.snapshot_merge import clone, constrain_element, extension_root_defaults
from igkit.validate.snapshot_paths import (
    EXTENSION_SLICING,
    TYPE_SLICING,
    Element,
    ElementIndex,
    SnapshotMessage,
    choice_type,
    describe_slicing,
    looks_renamed,
    parent,
    same_context,
    split_id,
    tail,
    type_codes,
)


class Generator(Protocol):
    """What a run needs from the snapshot generator (base chain, types, caches, errors)."""

    defs: DefinitionSource

    def resolve(self, url: str, run: ProfileRun) -> dict[str, Any]: ...

    def for_type(self, code: str, run: ProfileRun) -> dict[str, Any]: ...

    def with_snapshot(self, sd: dict[str, Any]) -> dict[str, Any]: ...

    def indexed(self, sd: dict[str, Any]) -> ElementIndex: ...

    def error(self, message: str, profile: str, element: str, reason: str) -> Exception: ...


@dataclass
class Slot:
    """One differential element matched at a base element."""

    index: int
    end: int  # exclusive end of its differential children
    element: Element
    slice_name: str | None
    renamed_type: str | None


@dataclass
class Walk:
    """One walk: base elements [bs, be) of `src` (paths under `src_root`) produce elements under
    `dst_root`, matched against differential elements [ds, de) whose paths are under `match_root`."""

    src: ElementIndex
    bs: int
    be: int
    src_root: str
    dst_root: str
    match_root: str
    parent_id: str | None
    ds: int
    de: int
    in_slice: bool


@dataclass
class At:
    """The base element being handled: its output path, differential path and parent id."""

    walk: Walk
    i: int
    cpath: str
    mpath: str
    ids: dict[str, str]

    @property
    def pid(self) -> str | None:
        up = parent(self.cpath)
        return self.ids.get(up) if up is not None else None


@dataclass
class SliceGroup:
    """A sliced element being built: the base element, its contentReference if any, and the
    slices emitted so far (by name)."""

    at: At
    cur: Element
    ref: str | None
    is_choice: bool
    base_sliced: bool
    emitted: dict[str, Element] = field(default_factory=dict)


@dataclass
class ProfileRun:
    """State of generating one profile's snapshot."""

    gen: Generator
    url: str
    name: str
    diff: list[Element]
    diff_end: list[int]
    top: ElementIndex
    out: list[Element] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    use_ids: bool = True
    messages: list[SnapshotMessage] = field(default_factory=list)  # index: position in `diff`

    def fail(self, message: str, element: Element | None = None) -> Exception:
        where = ""
        name = ""
        if element is not None:
            name = str(element.get("id") or element.get("path"))
            where = f" at differential element '{name}'"
        return self.gen.error(
            f"Cannot generate the snapshot of profile '{self.name}' ({self.url}){where}: {message}",
            self.url,
            name,
            message,
        )

    # -- the walk -------------------------------------------------------------------------

    def process(self, w: Walk) -> None:
        """Walk base elements [w.bs, w.be) of w.src against differential elements [w.ds, w.de)."""
        ids: dict[str, str] = {}
        parent_path = parent(w.dst_root) if w.bs == 0 else w.dst_root
        if parent_path is not None and w.parent_id is not None:
            ids[parent_path] = w.parent_id
        i, dcur = w.bs, w.ds
        while i < w.be:
            cur = w.src.elements[i]
            suffix = cur["path"][len(w.src_root) :]
            at = At(w, i, w.dst_root + suffix, w.match_root + suffix, ids)
            slots = self.matches(cur, at.mpath, at.pid, dcur, w.de)
            if not slots:
                name = cur.get("sliceName")
                own_id = f"{at.pid}.{tail(at.cpath)}{':' + name if name else ''}" if at.pid else None
                inner = self.inner_range(at.mpath, own_id, dcur, w.de) if w.src.end[i] == i + 1 else None
                if inner is not None:
                    emitted = self.emit(cur, at)
                    self.expand(emitted, at.mpath, inner[0], inner[1])
                    dcur = inner[1]
                    i += 1
                    continue
                self.emit(cur, at)
                i += 1
                continue
            i, dcur = self.constrain(at, slots)

    def process_under(
        self,
        emitted: Element,
        src: ElementIndex,
        bs: int,
        be: int,
        src_root: str,
        mpath: str,
        ds: int,
        de: int,
        in_slice: bool,
    ) -> None:
        """Walk base elements [bs, be) of `src` (under `src_root`) as the children of `emitted`."""
        self.process(Walk(src, bs, be, src_root, emitted["path"], mpath, emitted["id"], ds, de, in_slice))

    def matches(self, cur: Element, mpath: str, pid: str | None, ds: int, de: int) -> list[Slot]:
        slots: list[Slot] = []
        depth = mpath.count(".")
        k = ds
        while k < de:
            d = self.diff[k]
            dpath = d.get("path", "")
            if dpath.count(".") == depth and k not in self.used:
                renamed = choice_type(mpath, dpath, cur)
                if renamed is None and dpath != mpath and looks_renamed(mpath, dpath):
                    raise self.fail(
                        f"The path must be '{mpath}' not '{dpath}' when the type list is not "
                        "constrained (this usually arises from a problem in the differential)",
                        d,
                    )
                if (dpath == mpath or renamed) and self.in_context(d, pid):
                    slots.append(Slot(k, self.diff_end[k], d, d.get("sliceName"), renamed))
                    k = self.diff_end[k]
                    continue
            k += 1
        return slots

    def in_context(self, d: Element, pid: str | None) -> bool:
        did = d.get("id")
        if not self.use_ids or not did or pid is None:
            return True
        segments = split_id(did)
        if len(segments) != d.get("path", "").count(".") + 1:
            return True
        return same_context(".".join(segments[:-1]), pid)

    def inner_range(self, mpath: str, own_id: str | None, ds: int, de: int) -> tuple[int, int] | None:
        """The differential elements below `mpath` (but not `mpath` itself) that belong to the
        element with id `own_id`: the first contiguous run of them in [ds, de)."""
        prefix = mpath + "."
        depth = mpath.count(".") + 1
        start = None
        for k in range(ds, de):
            d = self.diff[k]
            inside = d.get("path", "").startswith(prefix) and k not in self.used
            if inside and self.use_ids and own_id is not None and d.get("id"):
                inside = same_context(".".join(split_id(d["id"])[:depth]), own_id)
            if start is None and inside:
                start = k
            elif start is not None and not inside:
                return start, k
        return (start, de) if start is not None else None

    def emit(self, element: Element, at: At, slice_name: str | None = None) -> Element:
        out = clone(element)
        if "base" not in out:
            out["base"] = {
                "path": element.get("path", ""),
                "min": element.get("min", 0),
                "max": element.get("max", "*"),
            }
        out["path"] = at.cpath
        if slice_name is not None:
            out["sliceName"] = slice_name
        name = out.get("sliceName")
        segment = tail(at.cpath) + (f":{name}" if name else "")
        out["id"] = f"{at.pid}.{segment}" if at.pid else at.cpath
        at.ids[at.cpath] = out["id"]
        self.out.append(out)
        return out

    def apply(self, target: Element, slot: Slot | None) -> None:
        """Merge a differential element into an emitted element (in place)."""
        if slot is None:
            return
        self.used.add(slot.index)
        d = slot.element
        before = target.get("type", [])
        constrain_element(target, d, self.url)
        if slot.renamed_type and "type" not in d:
            target["type"] = [t for t in before if t.get("code") == slot.renamed_type]
        ext = self.extension_root(target)
        if ext is not None:
            extension_root_defaults(target, d, ext)

    def extension_root(self, element: Element) -> Element | None:
        types = element.get("type", [])
        if len(types) != 1 or types[0].get("code") != "Extension" or len(types[0].get("profile", [])) != 1:
            return None
        sd = self.gen.defs.fetch(types[0]["profile"][0])
        if sd is None:
            return None  # an unknown extension is reported by the validator, not here
        elements = self.gen.with_snapshot(sd).get("snapshot", {}).get("element", [])
        return elements[0] if elements else None

    def add_new_elements(self) -> None:
        """A specialization (new type or logical model): the differential elements the base does
        not have are new elements, added in differential order after the inherited ones."""
        for k, d in enumerate(self.diff):
            if k in self.used:
                continue
            self.used.add(k)
            element = clone(d)
            element.setdefault("id", element.get("path", ""))
            element.setdefault("min", 0)
            element.setdefault("max", "*")
            element.setdefault(
                "base", {"path": element.get("path", ""), "min": element["min"], "max": element["max"]}
            )
            self.out.append(element)

    # -- constraining one base element (and its slicing group) ------------------------------

    def constrain(self, at: At, slots: list[Slot]) -> tuple[int, int]:
        """Handle base element `at.i` (and its base slices); returns the next base and diff cursors."""
        src, i = at.walk.src, at.i
        cur = src.elements[i]
        base_slices: list[tuple[int, int]] = []
        j = src.end[i]
        while (
            j < len(src.elements)
            and src.elements[j].get("path") == cur["path"]
            and src.elements[j].get("sliceName")
        ):
            base_slices.append((j, src.end[j]))
            j = src.end[j]
        dnext = max(s.end for s in slots)
        first = slots[0]
        simple = len(slots) == 1 and not first.slice_name and (not first.renamed_type or at.walk.in_slice)
        if simple:
            entry = self.emit(cur, at)
            self.apply(entry, first)
            self.children(at, i, entry, first, at.walk.in_slice)
            for bj, _ in base_slices:
                self.inherited_slice(at, bj, first.end, at.walk.de)
            return j, dnext
        self.slicing_group(at, slots, base_slices)
        return j, dnext

    def children(
        self, at: At, i: int, emitted: Element, slot: Slot | None, in_slice: bool, from_type: bool = False
    ) -> None:
        """Children of an emitted element: the base's children, or else expanded from its type."""
        src = at.walk.src
        ds, de = (slot.index + 1, slot.end) if slot else (0, 0)
        # the differential names the children under its own path (e.g. Observation.valueQuantity.unit)
        mpath: str = emitted["path"]
        if slot:
            mpath = slot.element.get("path", mpath)
        cend = src.end[i]
        if cend > i + 1 and not (from_type and de > ds and self.expandable(emitted)):
            self.process_under(emitted, src, i + 1, cend, src.elements[i]["path"], mpath, ds, de, in_slice)
        elif de > ds:
            self.expand(emitted, mpath, ds, de)

    @staticmethod
    def expandable(element: Element) -> bool:
        codes = type_codes(element)
        return len(codes) == 1 and codes[0] not in ("BackboneElement", "Element", "")

    def inherited_slice(self, at: At, bj: int, ds: int, de: int) -> Element:
        """A base slice the differential does not restate: copied, with its children (which the
        differential may still constrain by id, e.g. `Patient.extension:race.value[x]`)."""
        src = at.walk.src
        emitted = self.emit(src.elements[bj], at)
        if not self.use_ids:
            ds = de = 0
        bend = src.end[bj]
        if bend > bj + 1:
            path = src.elements[bj]["path"]
            self.process_under(emitted, src, bj + 1, bend, path, at.mpath, ds, de, True)
        elif de > ds:
            inner = self.inner_range(at.mpath, emitted["id"], ds, de)
            if inner is not None:
                self.expand(emitted, at.mpath, inner[0], inner[1])
        return emitted

    def slicing_group(self, at: At, slots: list[Slot], base_slices: list[tuple[int, int]]) -> None:
        src, i = at.walk.src, at.i
        cur = src.elements[i]
        entry_slot = slots[0] if not slots[0].slice_name and not slots[0].renamed_type else None
        slice_slots = slots[1:] if entry_slot else slots
        is_choice = cur["path"].endswith("[x]")
        base_sliced = "slicing" in cur
        entry = self.emit(cur, at)
        self.apply(entry, entry_slot)
        if "slicing" not in entry:
            if is_choice:
                entry["slicing"] = clone(TYPE_SLICING)
            elif "Extension" in type_codes(entry):
                entry["slicing"] = clone(EXTENSION_SLICING)
        ref = cur.get("contentReference") if src.end[i] == i + 1 else None
        if ref:
            # a sliced contentReference element: the entry and every slice get the referenced children
            ds, de = (entry_slot.index + 1, entry_slot.end) if entry_slot else (0, 0)
            self.expand_reference(entry, ref, at.mpath, ds, de)
        elif entry_slot is not None or not base_sliced:
            self.children(at, i, entry, entry_slot, at.walk.in_slice)

        if entry_slot is not None and "slicing" in entry_slot.element:
            for slot in slice_slots:
                self.check_slicing_not_redefined(entry, slot)
        named: dict[str, Slot] = {}
        for slot in slice_slots:
            name = slot.slice_name or tail(slot.element.get("path", ""))
            if name in named:
                raise self.fail(f"slice '{name}' is defined twice", slot.element)
            named[name] = slot
        group = SliceGroup(at, cur, ref, is_choice, base_sliced)
        for n, (bj, _) in enumerate(base_slices):
            name = src.elements[bj]["sliceName"]
            restated = named.pop(name, None)
            if restated is None:
                group.emitted[name] = self.inherited_slice(at, bj, slots[0].index, at.walk.de)
            else:
                emitted = self.emit(src.elements[bj], at)
                self.apply(emitted, restated)
                group.emitted[name] = emitted
                self.children(at, bj, emitted, restated, True)
            top = name.split("/", 1)[0]
            following = src.elements[base_slices[n + 1][0]]["sliceName"] if n + 1 < len(base_slices) else None
            if following is None or following.split("/", 1)[0] != top:
                # new reslices of an inherited slice go right after it (and its inherited reslices)
                for reslice in [k for k in named if k.startswith(top + "/")]:
                    self.new_slice(group, reslice, named.pop(reslice))
        for name, slot in named.items():
            self.new_slice(group, name, slot)
        emitted_slices = group.emitted
        if "Extension" in type_codes(entry):
            total = sum(s.get("min", 0) for n, s in emitted_slices.items() if "/" not in n)
            if total > entry.get("min", 0):
                entry["min"] = total
        if is_choice and not base_sliced:
            explicit = entry_slot is None and any(s.slice_name for s in slice_slots)
            self.close_type_slicing(entry, list(emitted_slices.values()), explicit)

    def check_slicing_not_redefined(self, entry: Element, slot: Slot) -> None:
        """A slice that states a slicing other than its sliced element's (HL7: an error)."""
        theirs = slot.element.get("slicing")
        ours = entry.get("slicing") or {}
        if not theirs or "/" in (slot.slice_name or ""):
            return
        if [theirs.get("discriminator"), theirs.get("rules")] == [
            ours.get("discriminator"),
            ours.get("rules"),
        ]:
            return
        self.messages.append(
            SnapshotMessage(
                "error",
                "business-rule",
                f"The element at {entry['path']} defines the slicing {describe_slicing(ours)} but then an element "
                f"in the slicing {slot.element.get('id') or entry['path']} tries to redefine the slicing to "
                f"{describe_slicing(theirs)}",
            )
        )

    def new_slice(self, group: SliceGroup, name: str, slot: Slot) -> None:
        """A slice the base does not have: a copy of the sliced element (or, for a reslice, of its
        slice) without slicing, optional unless stated, constrained by its differential."""
        cur, at = group.cur, group.at
        parent_name = name.rsplit("/", 1)[0] if "/" in name else None
        template = group.emitted.get(parent_name, cur) if parent_name else cur
        template = {k: v for k, v in template.items() if k not in ("slicing", "sliceName", "id")}
        template["min"] = 0
        emitted = self.emit(template, at, slice_name=name)
        if group.is_choice and not slot.element.get("type"):
            code = slot.renamed_type or self.type_from_slice_name(cur, name)
            if code:
                emitted["type"] = [t for t in emitted.get("type", []) if t.get("code") == code]
        if group.ref:
            emitted.pop("contentReference", None)
            emitted["type"] = [{"code": "BackboneElement"}]
        self.apply(emitted, slot)
        group.emitted[name] = emitted
        if group.ref:
            self.expand_reference(
                emitted, group.ref, slot.element.get("path", at.mpath), slot.index + 1, slot.end
            )
        else:
            self.children(at, at.i, emitted, slot, True, from_type=group.base_sliced)

    @staticmethod
    def type_from_slice_name(cur: Element, name: str) -> str | None:
        stem = tail(cur["path"])[:-3]
        suffix = name.removeprefix(stem)
        for code in type_codes(cur):
            if code.lower() == suffix.lower():
                return code
        return None

    @staticmethod
    def close_type_slicing(entry: Element, slices: list[Element], explicit: bool) -> None:
        """Type slicing of a choice is closed, and the choice keeps only the sliced types, when one
        slice is required, when the slices cover every type, or when named type slices are given
        without the choice element itself (what the HL7 validator produces); otherwise it stays
        open with all its types."""
        covered = {code for s in slices for code in type_codes(s)}
        required = [s for s in slices if s.get("min", 0) >= 1]
        if not (explicit or required or set(type_codes(entry)) <= covered):
            return
        entry["type"] = [t for t in entry.get("type", []) if t.get("code") in covered]
        if required:
            entry["min"] = max(entry.get("min", 0), 1)
        entry["slicing"]["rules"] = "closed"

    # -- expanding into a type ------------------------------------------------------------

    def expand_reference(self, emitted: Element, ref: str, mpath: str, ds: int, de: int) -> None:
        """Children of an element defined by contentReference (`#Questionnaire.item`): the
        referenced element's children in the base, under the element's own path."""
        target = ref.split("#", 1)[-1]
        at = self.top.by_path.get(target)
        if at is None:
            raise self.fail(
                f"contentReference '{ref}' of '{emitted['id']}' names no element of the base",
                self.diff[ds] if ds < de else None,
            )
        self.process_under(emitted, self.top, at + 1, self.top.end[at], target, mpath, ds, de, False)

    def expand(self, emitted: Element, mpath: str, ds: int, de: int) -> None:
        """Process differential children [ds, de) of `emitted` against its type's elements."""
        ref = emitted.get("contentReference")
        if ref:
            self.expand_reference(emitted, ref, mpath, ds, de)
            return
        types = emitted.get("type", [])
        codes = {t.get("code") for t in types}
        if len(codes) > 1 and all(
            tail(self.diff[k].get("path", "")) in ("id", "extension")
            for k in range(ds, de)
            if self.diff[k].get("path", "").count(".") == mpath.count(".") + 1
        ):
            codes = {"Element"}  # the children common to every type of a choice
            types = [{"code": "Element"}]
        if len(codes) != 1:
            has = "no type" if not codes else f"several types ({', '.join(sorted(c or '' for c in codes))})"
            raise self.fail(
                f"the differential constrains children of '{emitted['id']}', which has {has}; "
                "restrict it to one type first (or rename the choice for one type, e.g. valueQuantity)",
                self.diff[ds],
            )
        profiles = [p for t in types for p in t.get("profile", [])]
        if len(profiles) == 1:
            sd = self.gen.resolve(profiles[0], self)
        else:
            sd = self.gen.for_type(types[0].get("code", ""), self)
        elements = self.gen.indexed(sd)
        root = elements.elements[0]["path"]
        self.process_under(emitted, elements, 1, len(elements.elements), root, mpath, ds, de, False)
