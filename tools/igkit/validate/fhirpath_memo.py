"""Memoised evaluation of focus-independent FHIRPath sub-expressions (one evaluation's scope).

fhirpathpy re-evaluates `%context.group.where(...)` for every item of an enclosing `all(...)`
or `where(...)`, which makes invariants such as vbpr-lan-5 quadratic in the number of groups.
A chain that starts at an environment variable or a literal (`%context...`, `%resource...`)
and whose function arguments are either macro bodies (Expr: bound to their own items) or
themselves such closed values, reads neither the focus nor the caller's $this: within one
evaluation (same variables) it always yields the same items. `install()` wraps fhirpathpy's
InvocationExpression evaluator so that such chains are evaluated once per evaluation; the
memo lives in the evaluation's variables under MEMO (see fhirpath.InvariantEngine.evaluate).
A chain that reads only the focus (`group.where(...)`, repeated in one expression; `code.coding`
in several where() bodies over the same items) is memoised per focus: the same elements
(ResourceNode data object, path, "_name" object, property name and index) or objects. Closed unions (`'a' | 'b' | ...` as an intersect() argument inside where()) are memoised the
same way. fhirpathpy leaves ctx["$this"] changed after some evaluations (to the focus, or to
an item of a macro); a memo hit replays that change.
Functions with a clock (now/today/timeOfDay), $index/$total and user functions other than
PURE_USER are never memoised. Identifier and string-literal nodes are decoded once per text.
Compiled expressions (fhirpath_compile) are memoised through `wrap()`, only where a hit is
possible: a shape that occurs twice in the expression, or a closed chain inside a macro body.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from fhirpathpy.engine.invocations import invocation_registry
from fhirpathpy.engine.nodes import ResourceNode

MEMO = "\x00igkit-memo"
PURE_USER = frozenset({"hasValue", "startsWith", "endsWith", "contains"})
_IMPURE = frozenset({"now", "today", "timeOfDay", "trace", "defineVariable"})
_EVALUATORS: dict[str, Any] = importlib.import_module("fhirpathpy.engine.evaluators").evaluators
_UNCHANGED = object()
_MISSING = object()
_PARENT = object()
NONE, CLOSED, FOCUS = 0, 1, 2  # not memoisable / reads no focus / reads only the focus collection
# id(AST node) -> (node kept alive, kind, structural key: equal sub-expressions share a memo entry)
_closed: dict[int, tuple[dict, int, str]] = {}
_CLOSED_LIMIT = 100_000  # AST nodes remembered (expressions are parsed once per engine)
_installed = False


def _remember(node: dict, kind: int) -> tuple[dict, int, str]:
    if len(_closed) >= _CLOSED_LIMIT:
        _closed.clear()
    entry = (node, kind, json.dumps(node, sort_keys=True))
    _closed[id(node)] = entry
    return entry


def _chain_kind(node: dict, table: dict) -> tuple[dict, int, str]:
    entry = _closed.get(id(node))
    if entry is None or entry[0] is not node:
        entry = _remember(node, _chain(node, table))
    return entry


def _value_kind(node: dict, table: dict) -> tuple[dict, int, str]:
    entry = _closed.get(id(node))
    if entry is None or entry[0] is not node:
        entry = _remember(node, CLOSED if _value(node, table) else NONE)
    return entry


def _chain(node: dict, table: dict) -> int:
    """CLOSED: an InvocationExpression whose value depends on neither the focus nor $this;
    FOCUS: one that reads the focus collection (a path from it) but not $this."""
    children = node.get("children") or []
    if node.get("type") != "InvocationExpression" or len(children) != 2:
        return NONE
    if not _invocation(children[1], table):
        return NONE
    start = children[0]
    if start.get("type") == "InvocationExpression":
        return _chain(start, table)
    if _value(start, table):
        return CLOSED
    terms = start.get("children") or []
    if start.get("type") == "TermExpression" and len(terms) == 1 and terms[0].get("type") == "InvocationTerm":
        inner = terms[0].get("children") or []
        if len(inner) == 1 and _invocation(inner[0], table):
            return FOCUS
    return NONE


def _value(node: dict, table: dict) -> bool:
    kind = node.get("type")
    children = node.get("children") or []
    if kind == "InvocationExpression":
        return _chain(node, table) == CLOSED
    if kind == "TermExpression" and len(children) == 1:
        term = children[0]
        if term.get("type") in ("ExternalConstantTerm", "LiteralTerm"):
            return True
        if term.get("type") == "ParenthesizedTerm" and len(term.get("children") or []) == 1:
            return _value(term["children"][0], table)
        return False
    if kind in (
        "UnionExpression",
        "AdditiveExpression",
        "MultiplicativeExpression",
        "EqualityExpression",
        "InequalityExpression",
        "AndExpression",
        "OrExpression",
        "ImpliesExpression",
        "MembershipExpression",
    ):
        return bool(children) and all(_value(c, table) for c in children)
    return False


def _invocation(node: dict, table: dict) -> bool:
    kind = node.get("type")
    if kind == "MemberInvocation":
        return True
    if kind != "FunctionInvocation":
        return False
    functn = (node.get("children") or [{}])[0]
    parts = functn.get("children") or []
    if not parts or parts[0].get("type") != "Identifier":
        return False
    name = parts[0].get("text", "")
    params = parts[1].get("children") or [] if len(parts) > 1 else []
    if name in _IMPURE:
        return False
    if name in table:
        if name not in PURE_USER:
            return False
        spec = table[name]
    else:
        spec = invocation_registry.get(name)
    if spec is None or "variadic" in spec:
        return False
    if not params:
        return True
    types = (spec.get("arity") or {}).get(len(params))
    if types is None:
        return False
    for tp, param in zip(types, params, strict=True):
        if tp == "Expr":
            if _mentions(param, ("IndexInvocation", "TotalInvocation")):
                return False
        elif tp in ("Identifier", "TypeSpecifier"):
            continue
        elif not _value(param, table):
            return False
    return True


def _mentions(node: Any, kinds: tuple[str, ...]) -> bool:
    if isinstance(node, dict):
        if node.get("type") in kinds:
            return True
        return any(_mentions(c, kinds) for c in node.get("children") or [])
    return False


def install() -> None:
    global _installed
    if _installed:
        return
    for kind, closed in (("InvocationExpression", _chain_kind), ("UnionExpression", _value_kind)):
        _EVALUATORS[kind] = _memoised(_EVALUATORS[kind], closed)
    for kind in ("Identifier", "StringLiteral"):
        _EVALUATORS[kind] = _by_text(_EVALUATORS[kind])
    _installed = True


def _by_text(plain: Any) -> Any:
    """Identifiers and string literals: their value is a function of the node's text alone."""
    values: dict[str, Any] = {}

    def evaluate(ctx: dict, parent: Any, node: dict) -> list:
        text = node["text"]
        if text not in values:
            (values[text],) = plain(ctx, parent, node)
        return [values[text]]

    return evaluate


def _focus_key(parent: Any) -> tuple:
    """The focus by identity: a node by its fields (the same element reached twice, say in two
    where() bodies, is one key), anything else by the object."""
    if not isinstance(parent, list):
        return (id(parent),)
    return tuple(
        (id(x.data), x.path, id(x._data), x.propName, x.index) if type(x) is ResourceNode else id(x)
        for x in parent
    )


def _memoised(plain: Any, closed: Any) -> Any:
    def evaluate(ctx: dict, parent: Any, node: dict) -> list:
        memo = ctx["vars"].get(MEMO)
        if memo is None:
            return plain(ctx, parent, node)
        _, kind, shape = closed(node, ctx.get("userInvocationTable") or {})
        if kind == NONE:
            return plain(ctx, parent, node)
        key = shape if kind == CLOSED else (shape, _focus_key(parent))
        hit = memo.get(key)
        if hit is None:
            before = ctx.get("$this", _MISSING)
            result = plain(ctx, parent, node)
            after = ctx.get("$this", _MISSING)
            effect = _UNCHANGED if after is before else _PARENT if after is parent else after
            hit = (result, effect, parent)  # the focus is kept alive: the ids in its key stay unique
            memo[key] = hit
        else:
            effect = hit[1]
            if effect is _PARENT:
                ctx["$this"] = parent
            elif effect is _MISSING:
                ctx.pop("$this", None)
            elif effect is not _UNCHANGED:
                ctx["$this"] = effect
        return list(hit[0])

    return evaluate


def shape(node: dict) -> str:
    """A sub-expression's structure (equal sub-expressions share a memo entry)."""
    entry = _closed.get(id(node))
    return entry[2] if entry is not None and entry[0] is node else json.dumps(node, sort_keys=True)


def wrap(compiled: Any, node: dict, *, focus: bool = True, closed: bool = True) -> Any:
    """A compiled InvocationExpression or UnionExpression closure, memoised as the evaluators
    are (fhirpath_compile), for the kinds the caller allows (`focus`: chains reading only the
    focus; `closed`: chains reading neither focus nor $this). The kind is settled on the first
    call (the evaluation's function table tells user functions apart); a sub-expression that
    is not memoised is then the compiled closure itself."""
    kinds = {FOCUS} if focus else set()
    if closed:
        kinds.add(CLOSED)
    if not kinds:
        return compiled
    classify = _chain_kind if node.get("type") == "InvocationExpression" else _value_kind
    memoised = _memoised(lambda ctx, parent, _node: compiled(ctx, parent), classify)
    state: list[Any] = [None]

    def first(ctx: dict, parent: Any) -> list:
        _, kind, _shape = classify(node, ctx.get("userInvocationTable") or {})
        state[0] = compiled if kind not in kinds else lambda c, p: memoised(c, p, node)
        return state[0](ctx, parent)

    state[0] = first
    return lambda ctx, parent: state[0](ctx, parent)
