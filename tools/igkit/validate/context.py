"""The validation context (shared by every file of a run) and the per-resource cursor.

`Context` holds the definitions, caches and options, and creates the terminology and
FHIRPath engines on first use. `Run` is one file being validated (its document and issue
sink). `Loc` is a position in the instance: the JSON path (for line/column) and the
FHIRPath expression (for messages).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from igkit.validate.definitions import Definitions
from igkit.validate.issues import IssueSink
from igkit.validate.model import Document, Path
from igkit.validate.structure import ElementNode, TreeCache

if TYPE_CHECKING:
    from igkit.validate.bundles import BundleCtx


@dataclass(frozen=True)
class Options:
    profiles: tuple[str, ...] = ()
    security_checks: bool = False
    check_invariants: bool = True
    check_narrative: bool = True


class Loc(NamedTuple):
    """Where a value is: its JSON path (keys and indexes) and its FHIRPath expression. A named
    tuple, not a dataclass: one is made for every element of every instance."""

    path: Path
    expr: str

    def key(self, name: str) -> Loc:
        return Loc(self.path + (name,), f"{self.expr}.{name}")

    def item(self, name: str, index: int | None, json_key: str | None = None) -> Loc:
        """The location of `name` (FHIR element name) found under JSON key `json_key`."""
        jk = json_key or name
        if index is None:
            return Loc(self.path + (jk,), f"{self.expr}.{name}")
        return Loc(self.path + (jk, index), f"{self.expr}.{name}[{index}]")


class Context:
    def __init__(self, defs: Definitions, options: Options | None = None) -> None:
        self.defs = defs
        self.options = options or Options()
        self.trees = TreeCache()
        self._terminology: Any = None
        self._fhirpath: Any = None
        self._type_roots: dict[str, ElementNode | None] = {}
        self._profile_roots: dict[str, ElementNode | None] = {}
        self.merged_holders: dict[tuple[int, str], ElementNode] = {}
        self._resource_types: dict[str, bool] = {}

    @property
    def terminology(self) -> Any:
        if self._terminology is None:
            from igkit.validate.bindings import make_terminology

            self._terminology = make_terminology(self.defs)
        return self._terminology

    @property
    def fhirpath(self) -> Any:
        if self._fhirpath is None:
            from igkit.validate.invariants import make_engine

            self._fhirpath = make_engine(self.defs, self.terminology)
        return self._fhirpath

    def type_root(self, type_name: str) -> ElementNode | None:
        """The root node of a base type's definition (`Quantity`, `Patient`)."""
        if type_name not in self._type_roots:
            sd = self.defs.structure_for_type(type_name)
            self._type_roots[type_name] = self.trees.tree(sd) if sd else None
        return self._type_roots[type_name]

    def is_resource_type(self, name: str) -> bool:
        if not name or not name[:1].isupper():
            return False
        hit = self._resource_types.get(name)
        if hit is None:
            sd = self.defs.structure_for_type(name)
            hit = self._resource_types[name] = isinstance(sd, dict) and sd.get("kind") == "resource"
        return hit

    def profile_root(self, url: str) -> ElementNode | None:
        """The root node of a profile's snapshot (generated when missing); None when unknown."""
        if url not in self._profile_roots:
            sd = self.defs.structure(url)
            self._profile_roots[url] = self.trees.tree(sd) if sd else None
        return self._profile_roots[url]

    def profile_sd(self, url: str) -> dict | None:
        return self.defs.structure(url)


@dataclass
class Run:
    """One file under validation."""

    ctx: Context
    doc: Document
    sink: IssueSink
    # the resource being validated at the top and the Bundle it sits in, for reference checks
    bundle_stack: list[BundleCtx] = field(default_factory=list)
    # (id(resource or value), profile) -> conforms: memo for profile discriminators and target profiles
    conformance_cache: dict[tuple[int, str], bool] = field(default_factory=dict)
    done: set[tuple] = field(default_factory=set)

    def first_time(self, key: tuple) -> bool:
        """True the first time `key` is seen in this file: a check that gives the same answer in
        every pass (base definition, each profile) runs once."""
        if key in self.done:
            return False
        self.done.add(key)
        return True

    def pos(self, loc: Loc) -> tuple[int, int]:
        return self.doc.position(loc.path)

    def report(
        self,
        message_id: str,
        *args: object,
        loc: Loc,
        severity: str | None = None,
        code: str | None = None,
        context: str = "",
    ) -> None:
        self.sink.report(
            message_id,
            *args,
            expression=loc.expr,
            position=self.pos(loc),
            severity=severity,
            code=code,
            context=context,
        )

    def report_text(
        self,
        message_id: str,
        message: str,
        *,
        loc: Loc,
        severity: str = "error",
        code: str = "invalid",
        context: str = "",
    ) -> None:
        """Report an already rendered message (from primitives, terminology, narrative) at `loc`."""
        self.sink.report_text(
            message_id,
            message,
            expression=loc.expr,
            position=self.pos(loc),
            severity=severity,
            code=code,
            context=context,
        )
