"""FHIRPath invariants (ElementDefinition.constraint) for the validator, on fhirpathpy.

Public API:

    @dataclass(frozen=True)
    class InvariantResult:
        passed: bool
        error: str | None = None   # set when the expression could not be evaluated (passed is False)

    InvariantEngine(defs: DefinitionSource, terminology: Terminology | None = None,
                    conforms_to: Callable[[Any, str], bool | None] | None = None)
        .check(expression, node, *, resource, root_resource=None, bundle=None, type_name=None,
               key=None, primitive_extension=None) -> InvariantResult
        .evaluate(expression, node, *, resource, root_resource=None, bundle=None, type_name=None,
                  primitive_extension=None) -> list      # the raw result collection (slicing, tests)

    `node` is the element the constraint applies to (a dict, or a primitive value), in the JSON
    shape; `type_name` is its FHIR type (Quantity, Extension, ...) or, for a backbone element,
    its element path (MeasureReport.group); resources need none (resourceType says it). For a
    primitive, pass its "_name" object as `primitive_extension`. `resource` is %resource (the
    resource that holds the node: a contained resource or a Bundle entry's resource),
    `root_resource` is %rootResource (the container of a contained resource; defaults to
    `resource`), `bundle` is the Bundle that encloses them (for resolve()). `key` is the
    constraint key (txt-1 and txt-2 share the R4 expression htmlChecks(); the HL7 validator
    tells them apart by key). A result converts to boolean as the HL7 validator does: one
    boolean is its value, an empty collection is false, anything else is true.

Added to fhirpathpy: hasValue(), htmlChecks() (igkit.validate.xhtml), conformsTo(url) (the
callback), resolve() (Bundle fullUrl / type+id, contained #id), memberOf(vs) (Terminology),
%resource, %rootResource, %context, %ucum, %sct, %loinc, %vs-name, %ext-name; trace() is silent.
Each expression is parsed and compiled to Python closures once (fhirpath_compile: fhirpathpy's
own functions without its interpreter's per-node dispatch; `compiled = False` evaluates with the
interpreter, for differential tests); ele-1 and ext-1, evaluated on nearly every element, have
exact native equivalents. Sub-expressions that read no $this (`%context.group.where(...)`
inside `all(...)`, a repeated `group.where(...)`) are evaluated once per evaluation
(fhirpath_memo). fhirpath_compat corrects fhirpathpy's handling of primitives with
extensions (one item per element, extensions reachable) and of extension(url).

Quirks handled (found by evaluating every core invariant on the 532 R4 examples): ref-1 and
rng-2 are replaced (EXPRESSION_FIXES); `as` applies to collections (dom-3); date/time ordering
respects timezones and precision (per-1); strict parsing (fhirpathpy silently "recovers" from
syntax errors, which would make a broken expression pass or fail at random). Left as the HL7
validator reports them: the *-0 name warnings (name.matches('[A-Z]...')) on examples with
lowercase names, and dom-6 (no narrative) on contained resources - warnings only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from antlr4 import CommonTokenStream, InputStream, Token
from antlr4.error.ErrorListener import ErrorListener
from antlr4.tree.Tree import ParseTreeWalker
from fhirpathpy import apply_parsed_path
from fhirpathpy.engine.invocations.constants import constants
from fhirpathpy.engine.nodes import ResourceNode
from fhirpathpy.engine.util import process_user_invocation_table
from fhirpathpy.models import models
from fhirpathpy.parser.ASTPathListener import ASTPathListener
from fhirpathpy.parser.generated.FHIRPathLexer import FHIRPathLexer
from fhirpathpy.parser.generated.FHIRPathParser import FHIRPathParser

from igkit.validate import fhirpath_compile, fhirpath_memo, xhtml
from igkit.validate.fhirpath_compat import install
from igkit.validate.model import DefinitionSource

ELE_1 = "hasValue() or (children().count() > id.count())"
EXT_1 = "extension.exists() != value.exists()"

# Published R4 expressions that misfire on valid content, by constraint key: (published, used instead).
# Only the exact published text is replaced, so a profile's own constraint with the same key is untouched.
EXPRESSION_FIXES: dict[str, tuple[str, str]] = {
    # Empty (so: failed) for a Reference with only identifier/display/extensions.
    "ref-1": (
        (
            "reference.startsWith('#').not() or (reference.substring(1).trace('url') in "
            "%rootResource.contained.id.trace('ids'))"
        ),
        (
            "reference.exists() implies (reference.startsWith('#').not() or "
            "(reference.substring(1) in %rootResource.contained.id))"
        ),
    ),
    # fhirpathpy cannot order two Quantity elements: compare the values when the units agree.
    "rng-2": (
        "low.empty() or high.empty() or (low <= high)",
        (
            "low.empty() or high.empty() or low.code != high.code or low.system != high.system "
            "or (low.value <= high.value)"
        ),
    ),
}

_CONSTANTS = {
    "ucum": "http://unitsofmeasure.org",
    "sct": "http://snomed.info/sct",
    "loinc": "http://loinc.org",
    "us-zip": "[0-9]{5}(-[0-9]{4}){0,1}",
}
_UNQUOTED_VAR = re.compile(r"%((?:vs|ext)-[A-Za-z0-9\-.]+)")
_VAR = re.compile(r"%[`']?((vs|ext)-[A-Za-z0-9\-.]+)")


@dataclass(frozen=True)
class InvariantResult:
    passed: bool
    error: str | None = None


@dataclass
class _Call:
    """Per-evaluation state the added functions read."""

    resource: Any
    root_resource: Any
    bundle: dict | None
    key: str | None


class InvariantEngine:
    """Evaluates invariants; one instance per validation run (expressions are cached)."""

    def __init__(
        self,
        defs: DefinitionSource,
        terminology: Any = None,
        conforms_to: Callable[[Any, str], bool | None] | None = None,
    ) -> None:
        install()
        fhirpath_memo.install()
        self.defs = defs
        self.terminology = terminology
        self.conforms_to = conforms_to
        self.model = models["r4"]
        self._parsed: dict[str, dict | Exception] = {}
        self._compiled: dict[str, dict] = {}
        self._names: dict[str, dict[str, str]] = {}
        self._processed: tuple[tuple, dict] = ((), {})
        self.memoise = True  # fhirpath_memo: off only to compare against plain evaluation
        self.compiled = True  # fhirpath_compile: off only to compare against fhirpathpy's interpreter
        self._call = _Call(None, None, None, None)
        self._table = {
            "hasValue": {"fn": self._has_value, "arity": {0: []}},
            "htmlChecks": {"fn": self._html_checks, "arity": {0: []}},
            "htmlChecks1": {"fn": lambda inputs: self._html(inputs, xhtml.html_checks), "arity": {0: []}},
            "htmlChecks2": {"fn": lambda inputs: self._html(inputs, xhtml.has_content), "arity": {0: []}},
            "resolve": {"fn": self._resolve, "arity": {0: []}},
            "memberOf": {"fn": self._member_of, "arity": {1: ["String"]}},
            "conformsTo": {"fn": self._conforms_to, "arity": {1: ["String"]}},
        }
        self._options = {"userInvocationTable": self._table, "traceFn": lambda *_: None}

    # -- public -------------------------------------------------------------------------------
    def check(
        self,
        expression: str,
        node: Any,
        *,
        resource: Any,
        root_resource: Any = None,
        bundle: dict | None = None,
        type_name: str | None = None,
        key: str | None = None,
        primitive_extension: dict | None = None,
    ) -> InvariantResult:
        """Evaluate one invariant on `node` (see the module docstring)."""
        fix = EXPRESSION_FIXES.get(key or "")
        if fix is not None and expression == fix[0]:
            expression = fix[1]
        if expression == ELE_1:
            return InvariantResult(_ele_1(node, primitive_extension))
        if expression == EXT_1:
            return InvariantResult(_ext_1(node))
        try:
            result = self._run(
                expression,
                node,
                resource,
                root_resource,
                bundle,
                type_name,
                key,
                primitive_extension,
                raw=self.compiled,
            )
        except Exception as e:  # noqa: BLE001 - any failure inside fhirpathpy is an evaluation error
            return InvariantResult(False, f"{type(e).__name__}: {e}" if str(e) else type(e).__name__)
        return InvariantResult(_to_boolean(_visible(result) if self.compiled else result))

    def evaluate(
        self,
        expression: str,
        node: Any,
        *,
        resource: Any,
        root_resource: Any = None,
        bundle: dict | None = None,
        type_name: str | None = None,
        key: str | None = None,
        primitive_extension: dict | None = None,
    ) -> list:
        return self._run(
            expression, node, resource, root_resource, bundle, type_name, key, primitive_extension, raw=False
        )

    def _run(
        self,
        expression: str,
        node: Any,
        resource: Any,
        root_resource: Any,
        bundle: dict | None,
        type_name: str | None,
        key: str | None,
        primitive_extension: dict | None,
        *,
        raw: bool,
    ) -> list:
        """The result collection: converted as fhirpathpy returns it, or (raw, compiled only) the
        engine's own items (ResourceNodes), without fhirpathpy's per-call set-up and conversion."""
        entry = self._compiled.get(expression) if self.compiled else None
        if entry is None:
            entry = self._parse(expression)
            if self.compiled:
                entry = self._compiled[expression] = fhirpath_compile.entry(entry["children"][0])
        root_resource = resource if root_resource is None else root_resource
        if isinstance(node, ResourceNode):
            start = node
        elif isinstance(node, dict) and "resourceType" in node:
            start = ResourceNode.create_node(node)
        else:
            start = ResourceNode(node, type_name, primitive_extension)
        variables: dict[str, Any] = dict(_CONSTANTS)
        variables.update(resource=resource, rootResource=root_resource, context=start)
        if self.memoise:
            variables[fhirpath_memo.MEMO] = {}
        variables.update(self._named_variables(expression))
        previous = self._call
        self._call = _Call(resource, root_resource, bundle, key)
        try:
            if not raw:
                return apply_parsed_path(start, entry, variables, self.model, self._options)
            constants.reset()  # as apply_parsed_path does: one clock per evaluation
            ctx = {
                "dataRoot": [start],
                "vars": {"context": start, **variables},
                "model": self.model,
                "userInvocationTable": self._user_table(),
                "traceFn": self._options["traceFn"],
            }
            return entry["children"][0]["fn"](ctx, ctx["dataRoot"])
        finally:
            self._call = previous

    # -- internals ----------------------------------------------------------------------------
    def _named_variables(self, expression: str) -> dict[str, str]:
        """%vs-name and %ext-name in the expression, as canonical URLs (read once per expression)."""
        found = self._names.get(expression)
        if found is None:
            found = self._names[expression] = {}
            for name, kind in _VAR.findall(expression):
                base = "ValueSet" if kind == "vs" else "StructureDefinition"
                found[name] = f"http://hl7.org/fhir/{base}/{name[len(kind) + 1 :]}"
        return found

    def _user_table(self) -> dict:
        """The added functions as fhirpathpy's process_user_invocation_table wraps them (re-made
        only when the table changes)."""
        version = tuple((name, id(spec)) for name, spec in self._table.items())
        if self._processed[0] != version:
            self._processed = (version, process_user_invocation_table(self._table))
        return self._processed[1]

    def _parse(self, expression: str) -> dict:
        parsed = self._parsed.get(expression)
        if parsed is None:
            try:
                parsed = parse(_UNQUOTED_VAR.sub(lambda m: f"%`{m.group(1)}`", expression))
            except Exception as e:  # noqa: BLE001 - the grammar's errors have no common base class
                parsed = ValueError(f"Unable to parse FHIRPath expression: {e}")
            self._parsed[expression] = parsed
        if isinstance(parsed, Exception):
            raise parsed
        return parsed

    @staticmethod
    def _has_value(inputs: list) -> bool:
        return len(inputs) == 1 and inputs[0] is not None and not isinstance(inputs[0], dict)

    def _html_checks(self, inputs: list) -> bool:
        check = xhtml.has_content if self._call.key == "txt-2" else xhtml.html_checks
        return self._html(inputs, check)

    @staticmethod
    def _html(inputs: list, check: Callable[[str], bool]) -> bool:
        return all(isinstance(d, str) and check(d) for d in inputs) if inputs else True

    def _member_of(self, inputs: list, url: Any) -> list:
        if self.terminology is None:
            raise NotImplementedError("memberOf() needs a terminology service")
        out = []
        for item in inputs:
            found = self.terminology.member_of(url, item)
            if found is not None:
                out.append(found)
        return out

    def _conforms_to(self, inputs: list, url: Any) -> list:
        if self.conforms_to is None:
            raise NotImplementedError("conformsTo() is not available")
        out = []
        for item in inputs:
            ok = self.conforms_to(item, url)
            if ok is not None:
                out.append(ok)
        return out

    def _resolve(self, inputs: list) -> list:
        out = []
        for item in inputs:
            ref = item.get("reference") if isinstance(item, dict) else item
            if isinstance(ref, str):
                target = self._lookup(ref)
                if target is not None:
                    out.append(ResourceNode.create_node(target))
        return out

    def _lookup(self, ref: str) -> dict | None:
        call = self._call
        if ref.startswith("#"):
            container = call.root_resource if isinstance(call.root_resource, dict) else {}
            if ref == "#":
                return container or None
            return next((c for c in container.get("contained", []) if c.get("id") == ref[1:]), None)
        bundle = call.bundle
        if not bundle:
            return None
        entries = [
            e for e in bundle.get("entry", []) if isinstance(e, dict) and isinstance(e.get("resource"), dict)
        ]
        for e in entries:
            if e.get("fullUrl") == ref:
                return e["resource"]
        m = re.search(r"(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})(?:/_history/[^/]+)?$", ref)
        if m:
            rtype, rid = m.groups()
            for e in entries:
                res = e["resource"]
                if res.get("resourceType") == rtype and res.get("id") == rid:
                    full = e.get("fullUrl", "")
                    if "://" not in ref or full.endswith(f"{rtype}/{rid}"):
                        return res
        return None


class _Strict(ErrorListener):
    def syntaxError(self, recognizer: Any, offending: Any, line: int, column: int, msg: str, e: Any) -> None:
        raise ValueError(f"FHIRPath syntax error at {line}:{column + 1}: {msg}")


def parse(text: str) -> dict:
    """fhirpathpy's parse(), but syntax errors raise instead of being silently recovered."""
    lexer = FHIRPathLexer(InputStream(text))
    lexer.removeErrorListeners()
    lexer.addErrorListener(_Strict())
    tokens = CommonTokenStream(lexer)
    parser = FHIRPathParser(tokens)
    parser.removeErrorListeners()
    parser.addErrorListener(_Strict())
    tree = parser.expression()
    following = tokens.LT(1)  # LA(1) is this token's type; LT(k) is None only for k == 0
    if following is not None and following.type != Token.EOF:
        raise ValueError(f"FHIRPath syntax error: unexpected '{following.text}' after the expression")
    listener = ASTPathListener()
    ParseTreeWalker().walk(listener, tree)
    return listener.parentStack[0]


def _visible(result: list) -> list:
    """The items apply_parsed_path would return, for their truth value: the element values,
    without the "_name" objects of primitives that have no value."""
    out = []
    for item in result:
        data = item.data if isinstance(item, ResourceNode) else item
        if not (isinstance(data, dict) and list(data) == ["extension"]):
            out.append(data)
    return out


def _to_boolean(result: list) -> bool:
    if len(result) == 1 and isinstance(result[0], bool):
        return result[0]
    return len(result) > 0


def _ele_1(node: Any, primitive_extension: dict | None) -> bool:
    """hasValue() or (children().count() > id.count())"""
    if node is not None and not isinstance(node, (dict, list)):
        return True
    holder = node if isinstance(node, dict) else (primitive_extension or {})
    return any(k not in ("id", "resourceType") and v not in (None, [], {}) for k, v in holder.items())


def _ext_1(node: Any) -> bool:
    """extension.exists() != value.exists()"""
    if not isinstance(node, dict):
        return False
    has_ext = bool(node.get("extension"))
    has_value = any(k.startswith("value") and v is not None for k, v in node.items()) or any(
        k.startswith("_value") and v for k, v in node.items()
    )
    return has_ext != has_value
