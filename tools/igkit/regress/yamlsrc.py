"""YAML input that remembers where each value came from, so that errors can name file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from igkit.errors import IgkitError


class LinedDict(dict):
    """A mapping from a YAML file; `line` is the mapping's own line, `key_lines` each key's (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LinedList(list):
    line: int = 0


@dataclass(frozen=True)
class Where:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


def _convert(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LinedDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, loader)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be scalars", key_node.start_mark
                )
            key = str(key)
            out[key] = _convert(value_node, loader)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LinedList(_convert(item, loader) for item in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    return loader.construct_object(node, deep=True)


def load_lined(path: Path, display: str) -> Any:
    """Parse one YAML file (safe loader only) into LinedDict/LinedList/scalars.

    A syntax error becomes an IgkitError naming the file and line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise IgkitError(f"{display}: cannot be read ({exc.strerror}).", exit_code=1) from None
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(node, loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise IgkitError(
            f"{display}{line}: not valid YAML ({problem}). Fix the syntax and run again.", exit_code=1
        ) from None
    finally:
        loader.dispose()


@dataclass
class FieldReader:
    """Reads the fields of one YAML mapping entry and collects the problems found, each with a line."""

    file: str
    problems: list[str] = field(default_factory=list)

    def where(self, mapping: Any, key: str | None = None) -> Where:
        line = getattr(mapping, "line", 0)
        if key is not None and isinstance(mapping, LinedDict):
            line = mapping.key_lines.get(key, line)
        return Where(self.file, line)

    def problem(self, mapping: Any, key: str | None, text: str) -> None:
        self.problems.append(f"{self.where(mapping, key)}: {text}")

    def string(
        self, mapping: LinedDict, key: str, *, required: bool = False, choices: tuple[str, ...] = ()
    ) -> str:
        value = mapping.get(key)
        if value is None:
            if required:
                self.problem(mapping, None, f"missing required field '{key}'")
            return ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            self.problem(mapping, key, f"'{key}' must be a string")
            return ""
        value = str(value).strip()
        if choices and value not in choices:
            self.problem(mapping, key, f"'{key}' must be one of {', '.join(choices)} (found '{value}')")
            return ""
        return value

    def unknown_keys(self, mapping: LinedDict, allowed: set[str]) -> None:
        for key in mapping:
            if key not in allowed:
                self.problem(mapping, key, f"unknown field '{key}' (allowed: {', '.join(sorted(allowed))})")

    def fail_if_any(self, what: str) -> None:
        raise_problems(what, self.problems)


def raise_problems(what: str, problems: list[str]) -> None:
    """One IgkitError listing every problem (each `file:line: text`), if there is any."""
    if problems:
        raise IgkitError(
            f"{what} has {len(problems)} problem(s):\n  "
            + "\n  ".join(problems)
            + "\nFix the file and run again.",
            exit_code=1,
        )
