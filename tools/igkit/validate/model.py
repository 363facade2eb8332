"""Data shapes shared by the validator's parts.

A parsed instance is plain JSON-shaped Python data (dict, list, str, bool, int, Decimal for
FHIR decimals, None) plus a side table of source positions, so that FHIRPath (fhirpathpy)
can walk the data directly and every issue can still name a line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

# A path from the document root: keys and list indexes, e.g. ("group", 0, "measureScore").
# For a JSON primitive's extension sibling the key is "_name" as in the JSON format.
Path = tuple[str | int, ...]


@dataclass
class Document:
    """One parsed instance (JSON or XML), normalised to the FHIR JSON shape."""

    data: Any
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)  # 1-based (line, column)
    format: str = "json"  # "json" or "xml"
    source: str = ""  # file name, for messages
    # Problems the reader found but recovered from (duplicate JSON property, comment, extra or
    # missing comma): JsonProblem tuples (path, line, col, message_id, message), all severity
    # error, in document order. See jsonparse.JsonProblem.
    problems: list = field(default_factory=list)

    def position(self, path: Path) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one (1, 1 at worst)."""
        p = tuple(path)
        while True:
            pos = self.positions.get(p)
            if pos is not None:
                return pos
            if not p:
                return (1, 1)
            p = p[:-1]


class ParseFailure(Exception):
    """The input could not be read as FHIR JSON or XML at all (becomes a fatal issue)."""

    def __init__(self, message: str, line: int = 1, column: int = 1, message_id: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.message_id = message_id


class DefinitionSource(Protocol):
    """The one lookup protocol for conformance resources (one resolver for every part).

    `fetch` resolves a canonical URL, optionally `url|version`, to the resource as a dict
    (StructureDefinition, ValueSet, CodeSystem, ...), or None. `structure_for_type` returns
    the base StructureDefinition of a FHIR type or resource name ("Quantity", "Patient").
    """

    def fetch(self, url: str) -> dict | None: ...

    def structure_for_type(self, type_name: str) -> dict | None: ...
