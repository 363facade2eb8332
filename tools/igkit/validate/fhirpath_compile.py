"""FHIRPath compiled to Python closures: fhirpathpy's evaluator, partially evaluated per AST.

fhirpathpy interprets its AST: every node looks up its evaluator, every function call and
operator copies the whole function registry (~120 entries) into a new dict, and each argument
is dispatched on its declared kind. `compile_ast(node)` does that work once per expression and
returns a closure `fn(ctx, focus) -> list` that calls the very functions fhirpathpy calls
(with fhirpath_compat's corrections), in the same order, with the same ctx["$this"] and
ctx["$index"] updates, so results and errors are those of fhirpathpy, with one deliberate
difference: `and`, `or` and `implies` leave the right operand unevaluated when the left one
decides (false and ..., true or ..., false implies ...), as the HL7 engine does; where
fhirpathpy would have raised on that right operand, the compiled closure gives the answer.

where, exists, all, empty and count run natively (same results and $this/$index updates as
fhirpathpy's functions, without argument closures), and `=`/`!=` on two strings compare them
directly. Node kinds without a compiled form (indexers, unary minus, quantity and date
literals, ...) are handed to fhirpathpy's own evaluator for their subtree. InvocationExpression
and UnionExpression closures are memoised by fhirpath_memo where a hit is possible (see
_Compiler). tests/validate/test_fhirpath_compile.py compares every invariant evaluation of the
IG's examples, of R4 examples and of the HL7 validator's test files with the interpreter's.
`ENTRY` is the node type under which InvariantEngine hands a compiled closure to
fhirpathpy's apply_parsed_path (which sets up ctx and converts the result as usual).
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from typing import Any

from fhirpathpy.engine import nodes, param_check_table, util
from fhirpathpy.engine import type_specifier as _type_specifier
from fhirpathpy.engine.invocations import equality, existence, invocation_registry

from igkit.validate import fhirpath_compat, fhirpath_memo

Closure = Callable[[Any, Any], Any]  # (ctx, focus) -> result
ENTRY = "IgkitCompiled"
_BASE: dict[str, Any] = invocation_registry
_EVALUATORS: dict[str, Any] = importlib.import_module("fhirpathpy.engine.evaluators").evaluators
_PASS_THROUGH = frozenset({"TermExpression", "InvocationTerm", "ParenthesizedTerm"})
_CONSTANT = frozenset({"Identifier", "StringLiteral", "NumberLiteral", "BooleanLiteral"})
_OPERATORS = frozenset(
    {
        "EqualityExpression",
        "InequalityExpression",
        "AdditiveExpression",
        "MultiplicativeExpression",
        "OrExpression",
        "AndExpression",
        "XorExpression",
        "ImpliesExpression",
    }
)
_ALIASES = {
    "MembershipExpression": {"contains": "containsOp", "in": "inOp"},
    "TypeExpression": {"is": "isOp", "as": "asOp"},
}
# operator -> the left operand's value that decides the result without the right one
_SHORT_CIRCUIT = {"or": (True, True), "and": (False, False), "implies": (False, True)}
# `=` and `!=` on two strings (the bulk of invariant comparisons: url, system, code) answer
# directly what fhirpathpy's equality() answers for them: the strings compared.
_STRING_EQUALITY = {equality.equal: True, equality.unequal: False}
_MEMO_KINDS = frozenset({"InvocationExpression", "UnionExpression"})
_installed = False


def install() -> None:
    """Register the ENTRY evaluator (idempotent)."""
    global _installed
    if not _installed:
        _EVALUATORS[ENTRY] = lambda ctx, focus, node: node["fn"](ctx, focus)
        _installed = True


def entry(node: dict) -> dict:
    """A parsed-path stand-in for apply_parsed_path: its one child runs the compiled closure."""
    install()
    return {"children": [{"type": ENTRY, "fn": compile_ast(node)}]}


def compile_ast(node: dict) -> Closure:
    return _Compiler(node).compile(node)


class _Compiler:
    """One expression's compilation. Memoising a sub-expression (fhirpath_memo) pays only where
    it can be met again within one evaluation: its shape occurs twice in the expression, or it
    reads no focus and sits in a macro body (where, all, select, ...: evaluated per item)."""

    def __init__(self, root: dict) -> None:
        self.shapes = Counter(fhirpath_memo.shape(n) for n in _walk(root) if n.get("type") in _MEMO_KINDS)
        self.bodies = 0  # depth of macro bodies around the node being compiled

    def compile(self, node: dict) -> Closure:
        kind = node.get("type")
        children = node.get("children") or []
        if kind in _PASS_THROUGH and len(children) == 1:
            return self.compile(children[0])
        if kind == "LiteralTerm" and children and children[0]:
            return self.compile(children[0])
        if kind in _CONSTANT:
            return _constant(node)
        if kind == "NullLiteral":
            return lambda ctx, focus: []
        if kind == "ExternalConstantTerm":
            return _external_constant(node)
        if kind == "InvocationExpression":
            return self._memo(_invocation_chain([self.compile(c) for c in children]), node)
        if kind == "MemberInvocation":
            return _member(node)
        if kind == "FunctionInvocation":
            return self._function(node)
        if kind == "UnionExpression":
            return self._memo(self._operator("|", children), node)
        if kind in _OPERATORS:
            return self._operator(node["terminalNodeText"][0], children)
        if kind in _ALIASES:
            op = node["terminalNodeText"][0]
            alias = _ALIASES[kind].get(op)
            if alias is None:
                return _failing(f"Do not know how to alias {op}")
            return self._operator(alias, children)
        return _interpreted(node)

    def _memo(self, compiled: Closure, node: dict) -> Closure:
        repeated = self.shapes[fhirpath_memo.shape(node)] > 1
        return fhirpath_memo.wrap(compiled, node, focus=repeated, closed=repeated or self.bodies > 0)

    def _function(self, node: dict) -> Closure:
        parts = node["children"][0]["children"]
        name = _constant(parts[0])(None, None)[0]
        raw = parts[1]["children"] if len(parts) > 1 and "children" in parts[1] else None
        raw_params = raw if isinstance(raw, list) else []
        macro = _macro_params(name, len(raw_params))
        params = []
        for i, p in enumerate(raw_params):
            self.bodies += i in macro
            params.append((p, self.compile(p)))
            self.bodies -= i in macro
        generic = _call(name, raw, params)
        native = _NATIVE.get((name, len(params)))
        if native is None or _BASE[name]["fn"] is not native[1]:
            return generic
        return _guarded(name, native[0](*(fn for _raw, fn in params)), generic)

    def _operator(self, op: str, operands: list[dict]) -> Closure:
        (left_raw, left), (right_raw, right) = [(p, self.compile(p)) for p in operands]
        return _apply(op, left_raw, left, right_raw, right)


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for child in node.get("children") or []:
            yield from _walk(child)


def _macro_params(name: str, count: int) -> set[int]:
    """The positions of `name`'s arguments that are macro bodies (fhirpathpy's "Expr" kind)."""
    spec = _BASE.get(name) or {}
    if "variadic" in spec:
        return set(range(count)) if spec["variadic"] == "Expr" else set()
    kinds = (spec.get("arity") or {}).get(count) or []
    return {i for i, k in enumerate(kinds) if k == "Expr"}


# -- leaves ------------------------------------------------------------------------------------


def _interpreted(node: dict) -> Closure:
    evaluator = _EVALUATORS.get(node.get("type", ""))
    if evaluator is None:
        return _failing(f"No {node.get('type')} evaluator")
    return lambda ctx, focus: evaluator(ctx, focus, node)


def _failing(message: str) -> Closure:
    def fail(ctx: dict, focus: Any) -> list:
        raise Exception(message)  # noqa: TRY002 - fhirpathpy's errors are plain Exceptions too

    return fail


def _constant(node: dict) -> Closure:
    (value,) = _EVALUATORS[node["type"]](None, None, node)
    return lambda ctx, focus: [value]


def _external_constant(node: dict) -> Closure:
    name = _constant(node["children"][0]["children"][0])(None, None)[0].replace("`", "")

    def constant(ctx: dict, focus: Any) -> list:
        variables = ctx["vars"]
        if name not in variables:
            raise ValueError(f"Attempting to access an undefined environment variable: {name}")
        value = variables[name]
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    return constant


# -- navigation and calls ----------------------------------------------------------------------


def _invocation_chain(steps: list[Closure]) -> Closure:
    def chain(ctx: dict, focus: Any) -> list:
        for step in steps:
            focus = step(ctx, focus)
        return list(focus)

    return chain


def _member(node: dict) -> Closure:
    key = _constant(node["children"][0])(None, None)[0].replace("`", "")
    readers: dict[int, tuple[Any, Any]] = {}  # id(model) -> (model, reducer): one model per engine

    def member(ctx: dict, focus: Any) -> list:
        model = ctx["model"]
        cached = readers.get(id(model))
        if cached is None or cached[0] is not model:
            cached = readers[id(model)] = (model, fhirpath_compat.member_reducer(model, key))
        return fhirpath_compat.member(focus, key, cached[1])

    return member


def _lookup(ctx: dict, name: str) -> dict | None:
    user = ctx.get("userInvocationTable")
    found = user.get(name) if user else None
    return found if found is not None else _BASE.get(name)


def _call(name: str, raw: list | None, params: list[tuple[dict, Closure]]) -> Closure:
    raw_params = raw if isinstance(raw, list) else []

    def call(ctx: dict, data: Any) -> list:
        invocation = _lookup(ctx, name)
        if invocation is None:
            raise Exception("Not implemented: " + name)  # noqa: TRY002
        if "nullable_input" in invocation and util.is_nullable(data):
            return []
        this = ctx["$this"] if "$this" in ctx else ctx["dataRoot"]
        if "variadic" in invocation:
            kind = invocation["variadic"]
            values = [_param(ctx, this, kind, raw, fn) for raw, fn in params]
            return util.arraify(invocation["fn"](ctx, util.arraify(data), *values))
        if "arity" not in invocation:
            if raw is None or not raw_params:
                return util.arraify(invocation["fn"](ctx, util.arraify(data)))
            raise Exception(name + " expects no params")  # noqa: TRY002
        chosen = params[:1] if invocation["fn"].__name__ == "trace_fn" and raw is not None else params
        kinds = invocation["arity"].get(len(chosen))
        if kinds is None:
            raise Exception(f"{name} wrong arity: got {len(chosen)}")  # noqa: TRY002
        # as doInvoke: one kind per argument given (upper/lower declare a kind for none)
        values = [_param(ctx, this, kinds[i], raw, fn) for i, (raw, fn) in enumerate(chosen)]
        if "nullable" in invocation and (util.is_nullable(data) or any(util.is_nullable(v) for v in values)):
            return []
        return util.arraify(invocation["fn"](ctx, data, *values))

    return call


# -- the common functions, natively -------------------------------------------------------------
# Each calls what doInvoke would call (the same function, or its result for the argument-free
# ones), without resolving the function and its argument kinds on every call.


def _guarded(name: str, native: Closure, generic: Closure) -> Closure:
    """The native form, unless the evaluation's own function table defines `name`."""

    def call(ctx: dict, data: Any) -> list:
        user = ctx.get("userInvocationTable")
        if user and name in user:
            return generic(ctx, data)
        return native(ctx, data)

    return call


def _body(ctx: dict, body: Closure) -> Callable[[Any], Any]:
    """A compiled macro body as the function fhirpathpy's macros call per item (make_param's
    "Expr" kind: the item becomes $this)."""

    def expr(item: Any) -> Any:
        ctx["$this"] = this = util.arraify(item)
        return body(ctx, this)

    return expr


def _where(body: Closure) -> Closure:
    return lambda ctx, data: fhirpath_compat.where(ctx, data, _body(ctx, body))


def _exists_where(body: Closure) -> Closure:
    return lambda ctx, data: [not util.is_empty(fhirpath_compat.where(ctx, data, _body(ctx, body)))]


def _all(body: Closure) -> Closure:
    return lambda ctx, data: existence.all_macro(ctx, data, _body(ctx, body))


def _exists() -> Closure:
    return lambda ctx, data: [not util.is_empty(data)]


def _empty() -> Closure:
    return lambda ctx, data: [util.is_empty(util.arraify(data))]


def _count() -> Closure:
    return lambda ctx, data: [len(data) if isinstance(data, list) else 0]


# (name, number of arguments) -> (native form, the fhirpathpy function it stands for)
_NATIVE: dict[tuple[str, int], tuple[Callable[..., Closure], Any]] = {
    ("where", 1): (_where, fhirpath_compat.where),
    ("exists", 1): (_exists_where, existence.exists_macro),
    ("exists", 0): (_exists, existence.exists_macro),
    ("all", 1): (_all, existence.all_macro),
    ("empty", 0): (_empty, existence.empty_fn),
    ("count", 0): (_count, existence.count_fn),
}


def _apply(op: str, left_raw: dict, left: Closure, right_raw: dict, right: Closure) -> Closure:
    decides = _SHORT_CIRCUIT.get(op)

    def apply(ctx: dict, data: Any) -> list:
        invocation = _lookup(ctx, op)
        if invocation is None or "fn" not in invocation:
            raise Exception("Not implemented " + op)  # noqa: TRY002
        kinds = invocation["arity"][2]
        a = _param(ctx, data, kinds[0], left_raw, left)
        if decides is not None and a is decides[0]:
            return [decides[1]]
        b = _param(ctx, data, kinds[1], right_raw, right)
        if "nullable" in invocation and (util.is_nullable(a) or util.is_nullable(b)):
            return []
        fn = invocation["fn"]
        if fn in _STRING_EQUALITY and len(a) == 1 and len(b) == 1:
            x, y = _plain_string(a[0]), _plain_string(b[0])
            if x is not None and y is not None:
                return [(x == y) is _STRING_EQUALITY[fn]]
        return util.arraify(fn(ctx, a, b))

    return apply


def _plain_string(item: Any) -> str | None:
    """A string, or an element holding one (not a Quantity: equality reads those as quantities)."""
    if type(item) is str:
        return item
    if type(item) is nodes.ResourceNode and type(item.data) is str and item.path != "Quantity":
        return item.data
    return None


def _param(ctx: dict, focus: Any, kind: Any, raw: dict, fn: Closure) -> Any:
    """fhirpathpy's make_param with the argument already compiled."""
    if kind == "Expr":
        return _body(ctx, fn)
    if kind == "AnyAtRoot":
        this = ctx["$this"] = ctx["$this"] if "$this" in ctx else ctx["dataRoot"]
        return fn(ctx, this)
    if kind == "Identifier":
        if raw["type"] == "TermExpression":
            return raw["text"]
        raise Exception("Expected identifier node")  # noqa: TRY002
    if kind == "TypeSpecifier":
        return _type_specifier(ctx, focus, raw)
    ctx["$this"] = focus
    result = fn(ctx, focus)
    if kind == "Any":
        return result
    if isinstance(kind, list):
        if not result:
            return []
        kind = kind[0]
    if len(result) > 1:
        raise Exception(f"Unexpected collection; expected singleton of type {kind}")  # noqa: TRY002
    if not result:
        return []
    check = param_check_table.get(kind)
    if check is None:
        raise Exception("Implement me for " + str(kind))  # noqa: TRY002
    return check(result[0])
