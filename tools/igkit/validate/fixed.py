"""fixed[x] (exact value) and pattern[x] (at least these parts) on an element definition."""

from __future__ import annotations

from typing import Any

from igkit.validate import values
from igkit.validate.context import Loc, Run
from igkit.validate.structure import ElementNode


def _label(run: Run, node: ElementNode) -> str:
    from igkit.validate.walker import profile_label

    return profile_label(node, run.ctx)


def check(run: Run, node: ElementNode, value: Any, loc: Loc) -> None:
    fixed = node.fixed
    if fixed is not None:
        _fixed(run, node, value, fixed[1], loc)
    pattern = node.pattern
    if pattern is not None and not values.matches_pattern(value, pattern[1]):
        if isinstance(pattern[1], (dict, list)):
            run.report("Pattern_Wrong", values.render(pattern[1]), _label(run, node), loc=loc)
        else:
            run.report(
                "_DT_Fixed_Wrong", values.render(value), values.render(pattern[1]), _label(run, node), loc=loc
            )


def _fixed(run: Run, node: ElementNode, value: Any, expected: Any, loc: Loc) -> None:
    if isinstance(expected, dict) and isinstance(value, dict):
        for key, want in expected.items():
            if key not in value:
                run.report("Fixed_Missing", f"{loc.expr}.{key}", _label(run, node), loc=loc)
            else:
                _fixed(run, node, value[key], want, loc.key(key))
        for key in value:
            if key in expected or key == "id":
                continue
            if key == "extension":
                run.report("Extension_EXT_Fixed_Banned", loc=loc.key(key))
            else:
                run.report(
                    "_DT_Fixed_Wrong",
                    values.render(value[key]),
                    "(nothing)",
                    _label(run, node),
                    loc=loc.key(key),
                )
        return
    if isinstance(expected, list) and isinstance(value, list):
        if len(expected) != len(value):
            run.report(
                "_DT_Fixed_Wrong", values.render(value), values.render(expected), _label(run, node), loc=loc
            )
            return
        for i, (v, e) in enumerate(zip(value, expected)):
            _fixed(run, node, v, e, Loc(loc.path + (i,), f"{loc.expr}[{i}]"))
        return
    if not values.equal(value, expected):
        run.report(
            "_DT_Fixed_Wrong", values.render(value), values.render(expected), _label(run, node), loc=loc
        )
