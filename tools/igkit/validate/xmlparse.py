"""FHIR XML to the FHIR JSON shape, with source positions.

Public API (for the walker):

    parse_xml(data: bytes, defs: DefinitionSource, source: str = "",
              issues: list[XmlIssue] | None = None) -> Document

    @dataclass(frozen=True)
    class XmlIssue:                      # non-fatal findings only XML can have; pass a list to collect
        severity: str                    # "error" | "warning"
        message_id: str                  # the HL7 validator's id
        message: str
        path: Path                       # the element's path (JSON shape)
        line: int
        column: int

    Collected: text inside FHIR elements (Text_should_not_be_present), undefined attributes
    (Undefined_attribute__on__for_type__properties__), elements outside the FHIR namespace
    (Wrong_namespace__expected_), elements without content (Element_must_have_some_content),
    and known elements out of the definition's order (Validation_VAL_Profile_OutOfOrder;
    JSON has no order, so this is XML-only), processing instructions
    (No_processing_instructions_allowed_in_resources).

    Raises ParseFailure (a fatal issue) for malformed XML, a DOCTYPE / entity declaration
    (XXE and entity-expansion protection: nothing is ever expanded or fetched), a root element
    outside the FHIR namespace, or a root that is not a known resource type.

The result follows the JSON format: repeating elements (max != "1") are lists, primitives are
converted by type (boolean -> bool, integer/positiveInt/unsignedInt -> int, decimal ->
decimal.Decimal, all others str; a lexically wrong value stays the original str so the
primitive checker can report it), a primitive's `id`/extensions go to a "_name" sibling,
choice elements keep their typed name (valueQuantity), contained resources and other
Resource-typed elements (Bundle.entry.resource) are unwrapped to {"resourceType": ...},
and Narrative.div becomes its serialized XHTML string. Elements the definitions do not know
are kept under their XML name so the walker can report them. Positions are 1-based
(line, column) of the end of each element's start tag, as the HL7 validator reports them.
The parser is expat, used the way defusedxml uses it (DTDs refused, parameter entities off).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.parsers import expat

from igkit.validate.model import DefinitionSource, Document, ParseFailure, Path
from igkit.validate.values import PRIMITIVES as _PRIMITIVES

FHIR_NS = "http://hl7.org/fhir"
XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_SEP = "\x1f"  # namespace separator handed to expat: "ns\x1flocal"

_INT_TYPES = {"integer", "positiveInt", "unsignedInt"}
_SYSTEM_TYPES = {
    "http://hl7.org/fhirpath/System.String": "string",
    "http://hl7.org/fhirpath/System.Boolean": "boolean",
    "http://hl7.org/fhirpath/System.Integer": "integer",
    "http://hl7.org/fhirpath/System.Decimal": "decimal",
    "http://hl7.org/fhirpath/System.Date": "date",
    "http://hl7.org/fhirpath/System.DateTime": "dateTime",
    "http://hl7.org/fhirpath/System.Time": "time",
}
_FHIR_TYPE_EXT = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type"
_START_TAG = re.compile(rb"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")
_INT_RE = re.compile(r"-?(0|[1-9][0-9]*)\Z")
_DEC_RE = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")


@dataclass(frozen=True)
class XmlIssue:
    severity: str
    message_id: str
    message: str
    path: Path
    line: int
    column: int


_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

# ---------------------------------------------------------------------------------------------
# Reading: expat into a light node tree


@dataclass
class _Node:
    ns: str
    name: str
    attrs: list[tuple[str, str, str]]  # (ns, local name, value) in document order
    pos: tuple[int, int]
    children: list[_Node | str] = field(default_factory=list)

    def attr(self, name: str) -> str | None:
        for ns, local, value in self.attrs:
            if not ns and local == name:
                return value
        return None

    def elements(self) -> list[_Node]:
        return [c for c in self.children if isinstance(c, _Node)]


class _Refused(Exception):
    pass


def _split(qname: str) -> tuple[str, str]:
    ns, sep, local = qname.rpartition(_SEP)
    return (ns, local) if sep else ("", qname)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.line_starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]
        self.root: _Node | None = None
        self.stack: list[_Node] = []
        self.instructions: list[tuple[int, int]] = []
        self._last = (0, 0, 1)  # (line, byte, column) of the last position computed
        p = expat.ParserCreate(namespace_separator=_SEP)
        p.ordered_attributes = True
        p.buffer_text = True
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        p.StartDoctypeDeclHandler = self._doctype
        p.EntityDeclHandler = self._entity
        p.UnparsedEntityDeclHandler = self._entity
        p.ExternalEntityRefHandler = self._external
        p.StartElementHandler = self._start
        p.EndElementHandler = self._end
        p.CharacterDataHandler = self._text
        p.ProcessingInstructionHandler = self._instruction
        self.parser = p

    def read(self) -> _Node:
        try:
            self.parser.Parse(self.data, True)
        except _Refused as e:
            raise ParseFailure(
                str(e),
                self.parser.CurrentLineNumber,
                self.parser.CurrentColumnNumber + 1,
                "XHTML_XHTML_DOCTYPE_ILLEGAL",
            ) from None
        except expat.ExpatError as e:
            raise ParseFailure(
                f"Error parsing XML: {expat.ErrorString(e.code)}", e.lineno, e.offset + 1, "Error_parsing_"
            ) from None
        if self.root is None:  # pragma: no cover - expat reports "no element found" first
            raise ParseFailure("This cannot be parsed as a FHIR object (no name)")
        return self.root

    # expat handlers ---------------------------------------------------------------------------
    def _doctype(self, *args: Any) -> None:
        raise _Refused(
            "Malformed XML: found a DOCTYPE declaration, and these are not allowed "
            "(XXE and entity expansion protection)"
        )

    def _entity(self, *args: Any) -> None:
        raise _Refused("Malformed XML: entity declarations are not allowed (entity expansion protection)")

    def _external(self, *args: Any) -> int:
        raise _Refused("Malformed XML: external entities are not allowed (XXE protection)")

    def _start(self, qname: str, attrs: list[str]) -> None:
        ns, local = _split(qname)
        pairs = []
        for i in range(0, len(attrs), 2):
            ans, alocal = _split(attrs[i])
            pairs.append((ans, alocal, attrs[i + 1]))
        node = _Node(ns, local, pairs, self._position(self.parser.CurrentByteIndex))
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def _end(self, qname: str) -> None:
        self.stack.pop()

    def _instruction(self, target: str, data: str) -> None:
        if self.stack:
            self.instructions.append((self.parser.CurrentLineNumber, self.parser.CurrentColumnNumber + 1))

    def _text(self, text: str) -> None:
        if self.stack:
            self.stack[-1].children.append(text)

    def _position(self, start: int) -> tuple[int, int]:
        """(line, column) just after the '>' of the start tag that begins at byte `start`."""
        m = _START_TAG.match(self.data, start)
        end = m.end() if m else start + 1  # expat accepted the tag, so the pattern matches
        line = bisect.bisect_right(self.line_starts, end - 1)
        # Columns count characters; tags come in document order, so count on from the last one.
        if line == self._last[0] and end >= self._last[1]:
            from_byte, column = self._last[1], self._last[2]
        else:
            from_byte, column = self.line_starts[line - 1], 1
        column += len(self.data[from_byte:end].decode("utf-8", errors="replace"))
        self._last = (line, end, column)
        return line, column


# ---------------------------------------------------------------------------------------------
# Definitions: which children exist, repeat, and of what type


@dataclass
class _Scope:
    """Where a complex value's children are defined: an element path within one structure."""

    elements: dict[str, dict]  # path -> ElementDefinition (snapshot)
    path: str


@dataclass
class _Child:
    ed: dict | None
    type_code: str | None  # None for unknown elements
    repeats: bool
    scope: _Scope | None = None  # for complex content


class _Definitions:
    def __init__(self, defs: DefinitionSource) -> None:
        self.defs = defs
        self._structures: dict[str, dict[str, dict] | None] = {}
        self.order: dict[int, dict[str, int]] = {}  # id(elements) -> path -> snapshot position
        self._children: dict[tuple[int, str, str], _Child] = {}
        self._parent_paths: dict[int, set[str]] = {}

    def _parents(self, elements: dict[str, dict]) -> set[str]:
        """The element paths that have child elements in this structure."""
        key = id(elements)
        found = self._parent_paths.get(key)
        if found is None:
            found = self._parent_paths[key] = {p.rpartition(".")[0] for p in elements}
        return found

    def position(self, scope: _Scope, ed: dict) -> int:
        order = self.order.get(id(scope.elements))
        if order is None:
            order = self.order[id(scope.elements)] = {p: i for i, p in enumerate(scope.elements)}
        return order.get(ed["path"], -1)

    def elements_of(self, type_name: str) -> dict[str, dict] | None:
        if type_name not in self._structures:
            sd = self.defs.structure_for_type(type_name)
            elems = None
            if sd is not None and sd.get("snapshot"):
                elems = {e["path"]: e for e in sd["snapshot"]["element"]}
            self._structures[type_name] = elems
        return self._structures[type_name]

    def is_resource(self, type_name: str) -> bool:
        sd = self.defs.structure_for_type(type_name)
        return sd is not None and sd.get("kind") == "resource" and sd.get("derivation") != "constraint"

    def child(self, scope: _Scope, name: str) -> _Child:
        key = (id(scope.elements), scope.path, name)
        found = self._children.get(key)
        if found is None:
            found = self._children[key] = self._child(scope, name)
        return found

    def _child(self, scope: _Scope, name: str) -> _Child:
        ed = scope.elements.get(f"{scope.path}.{name}")
        type_code: str | None = None
        if ed is not None:
            types = ed.get("type") or []
            type_code = _type_code(types[0]) if types else None
        else:
            ed, type_code = self._choice(scope, name)
            if ed is None:
                return _Child(None, None, False)
        repeats = ed.get("max", "1") != "1"
        if "contentReference" in ed:
            target = ed["contentReference"].partition("#")[2]
            return _Child(ed, "BackboneElement", repeats, _Scope(scope.elements, target))
        if type_code in ("BackboneElement", "Element") and ed["path"] in self._parents(scope.elements):
            return _Child(ed, type_code, repeats, _Scope(scope.elements, ed["path"]))
        if type_code and type_code not in _PRIMITIVES and type_code != "Resource":
            elems = self.elements_of(type_code)
            return _Child(ed, type_code, repeats, _Scope(elems, type_code) if elems else None)
        return _Child(ed, type_code, repeats)

    def _choice(self, scope: _Scope, name: str) -> tuple[dict | None, str | None]:
        prefix = scope.path + "."
        for path, ed in scope.elements.items():
            if not (path.startswith(prefix) and path.endswith("[x]")):
                continue
            base = path[len(prefix) : -3]
            if "." in base or not name.startswith(base):
                continue
            suffix = name[len(base) :]
            for t in ed.get("type") or []:
                code = _type_code(t)
                if code[:1].upper() + code[1:] == suffix:
                    return ed, code
        return None, None


def _type_code(t: dict) -> str:
    code = t.get("code", "")
    if code in _SYSTEM_TYPES:
        for ext in t.get("extension", []):
            if ext.get("url") == _FHIR_TYPE_EXT:
                return ext.get("valueUrl") or ext.get("valueUri") or _SYSTEM_TYPES[code]
        return _SYSTEM_TYPES[code]
    return code


# ---------------------------------------------------------------------------------------------
# Conversion to the JSON shape


class _Converter:
    def __init__(self, defs: DefinitionSource) -> None:
        self.defs = _Definitions(defs)
        self.positions: dict[Path, tuple[int, int]] = {}
        self.issues: list[XmlIssue] = []

    def issue(self, mid: str, message: str, path: Path, node: _Node, severity: str = "error") -> None:
        self.issues.append(XmlIssue(severity, mid, message, path, *node.pos))

    def _check_node(self, node: _Node, path: Path, type_name: str, allowed: tuple[str, ...]) -> None:
        """Attributes, text and emptiness of one FHIR element."""
        for ns, local, _value in node.attrs:
            if ns in (_XSI_NS, XML_NS) or (not ns and local in allowed):
                continue
            name = f"{ns}:{local}" if ns else local
            self.issue(
                "Undefined_attribute__on__for_type__properties__",
                f"Undefined attribute '@{name}' on {node.name} for type {type_name}",
                path,
                node,
            )
        for child in node.children:
            if isinstance(child, str) and child.strip():
                self.issue(
                    "Text_should_not_be_present",
                    f"Text should not be present ('{child.strip()}')",
                    path,
                    node,
                )
                break
        if not node.children and not any(not ns and local in allowed for ns, local, _ in node.attrs):
            self.issue("Element_must_have_some_content", "Element must have some content", path, node)

    def resource(self, node: _Node, path: Path) -> dict:
        self.positions[path] = node.pos
        out: dict[str, Any] = {"resourceType": node.name}
        elems = self.defs.elements_of(node.name) if node.ns == FHIR_NS else None
        scope = _Scope(elems, node.name) if elems and self.defs.is_resource(node.name) else None
        self._check_node(node, path, node.name, ())
        self._content(node, scope, path, out)
        return out

    def _content(self, node: _Node, scope: _Scope | None, path: Path, out: dict) -> None:
        for ns, local, value in node.attrs:
            if not ns and local in ("id", "url"):
                out[local] = value
        groups: dict[str, list[_Node]] = {}
        last: tuple[int, str] = (-1, "")
        for child in node.elements():
            group = groups.setdefault(child.name, [])
            group.append(child)
            if scope is None:
                continue
            info = self.defs.child(scope, child.name)
            cpath = path + ((child.name, len(group) - 1) if info.repeats else (child.name,))
            if child.ns != FHIR_NS and not (child.ns == XHTML_NS and info.type_code == "xhtml"):
                self.issue(
                    "Wrong_namespace__expected_",
                    f"Wrong namespace - expected '{FHIR_NS}'",
                    cpath,
                    child,
                )
            elif info.ed is not None:
                pos = self.defs.position(scope, info.ed)
                if pos < last[0]:
                    self.issue(
                        "Validation_VAL_Profile_OutOfOrder",
                        f"As specified by profile http://hl7.org/fhir/StructureDefinition/"
                        f"{scope.path.split('.')[0]}, Element '{child.name}' is out of order "
                        f"(found after {last[1]})",
                        cpath,
                        child,
                    )
                elif pos > last[0]:
                    last = (pos, child.name)
        for name, nodes in groups.items():
            info = self.defs.child(scope, name) if scope is not None else _Child(None, None, False)
            if info.ed is not None and any(n.ns not in (FHIR_NS, XHTML_NS) for n in nodes):
                info = _Child(None, None, False)
            if info.ed is None:
                self._unknown(name, nodes, path, out)
            elif info.type_code == "xhtml":
                self._set(out, name, [_serialize(n) for n in nodes], info.repeats, path, nodes)
            elif info.type_code in _PRIMITIVES:
                self._primitives(name, nodes, info, path, out)
            else:
                values = []
                for i, n in enumerate(nodes):
                    cpath = path + ((name, i) if info.repeats else (name,))
                    values.append(self._complex(n, info, cpath))
                self._set(out, name, values, info.repeats, path, nodes)

    def _complex(self, node: _Node, info: _Child, path: Path) -> dict:
        if info.type_code == "Resource":
            inner = node.elements()
            if not inner:
                self.positions[path] = node.pos
                return {}
            return self.resource(inner[0], path)
        self.positions[path] = node.pos
        out: dict[str, Any] = {}
        self._check_node(
            node, path, info.type_code or "", ("id", "url") if info.type_code == "Extension" else ("id",)
        )
        self._content(node, info.scope, path, out)
        return out

    def _primitives(self, name: str, nodes: list[_Node], info: _Child, path: Path, out: dict) -> None:
        values: list[Any] = []
        extras: list[dict | None] = []
        for i, n in enumerate(nodes):
            tail: tuple[int, ...] = (i,) if info.repeats else ()
            self.positions[path + (name, *tail)] = n.pos
            raw = n.attr("value")
            values.append(None if raw is None else _convert(raw, info.type_code or "string"))
            extra: dict[str, Any] = {}
            self._check_node(n, path + (name, *tail), info.type_code or "", ("id", "value"))
            self._content(n, self._element_scope(), path + ("_" + name, *tail), extra)
            if extra:
                self.positions[path + ("_" + name, *tail)] = n.pos
            extras.append(extra or None)
        if info.repeats:
            out[name] = values
            if any(e is not None for e in extras):
                out["_" + name] = extras
        else:
            if values[0] is not None:
                out[name] = values[0]
            if extras[0] is not None:
                out["_" + name] = extras[0]

    def _element_scope(self) -> _Scope | None:
        elems = self.defs.elements_of("Element")
        return _Scope(elems, "Element") if elems else None

    def _unknown(self, name: str, nodes: list[_Node], path: Path, out: dict) -> None:
        repeats = len(nodes) > 1
        values: list[Any] = []
        for i, n in enumerate(nodes):
            cpath = path + ((name, i) if repeats else (name,))
            self.positions[cpath] = n.pos
            if n.ns == XHTML_NS:
                values.append(_serialize(n))
            elif not n.elements() and n.attr("value") is not None:
                values.append(n.attr("value"))
            else:
                inner: dict[str, Any] = {}
                self._content(n, None, cpath, inner)
                values.append(inner)
        out[name] = values if repeats else values[0]

    def _set(self, out: dict, name: str, values: list, repeats: bool, path: Path, nodes: list[_Node]) -> None:
        out[name] = values if repeats else values[0]
        for i, n in enumerate(nodes):
            self.positions.setdefault(path + ((name, i) if repeats else (name,)), n.pos)


def _convert(raw: str, type_code: str) -> Any:
    if type_code == "boolean":
        return {"true": True, "false": False}.get(raw, raw)
    if type_code in _INT_TYPES and _INT_RE.match(raw):
        return int(raw)
    if type_code == "decimal" and _DEC_RE.match(raw):
        try:
            return Decimal(raw)
        except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
            return raw
    return raw


# ---------------------------------------------------------------------------------------------
# XHTML serialization (Narrative.div as the JSON format carries it)


def _escape(text: str, attr: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attr else text


def _serialize(node: _Node, parent_ns: str = "") -> str:
    parts = ["<", node.name]
    if node.ns != parent_ns:
        parts.append(f' xmlns="{_escape(node.ns, True)}"')
    declared: dict[str, str] = {}
    for ns, local, value in node.attrs:
        if not ns:
            qname = local
        elif ns == XML_NS:
            qname = "xml:" + local
        else:
            prefix = declared.setdefault(ns, f"ns{len(declared) + 1}")
            qname = f"{prefix}:{local}"
        parts.append(f' {qname}="{_escape(value, True)}"')
    for ns, prefix in declared.items():
        parts.append(f' xmlns:{prefix}="{_escape(ns, True)}"')
    if not node.children:
        parts.append("/>")
        return "".join(parts)
    parts.append(">")
    for child in node.children:
        parts.append(_escape(child) if isinstance(child, str) else _serialize(child, node.ns))
    parts.append(f"</{node.name}>")
    return "".join(parts)


# ---------------------------------------------------------------------------------------------


def parse_xml(
    data: bytes, defs: DefinitionSource, source: str = "", issues: list[XmlIssue] | None = None
) -> Document:
    """Parse FHIR XML into a Document in the FHIR JSON shape (see the module docstring)."""
    reader = _Reader(data)
    root = reader.read()
    if not root.ns:
        raise ParseFailure(
            f"This '{root.name}' cannot be parsed as a FHIR object (no namespace)",
            *root.pos,
            "This__cannot_be_parsed_as_a_FHIR_object_no_namespace",
        )
    if root.ns != FHIR_NS:
        raise ParseFailure(
            f"This does not appear to be a FHIR resource (unknown namespace/name '{root.ns}::{root.name}')",
            *root.pos,
            "This_does_not_appear_to_be_a_FHIR_resource_unknown_namespacename_",
        )
    conv = _Converter(defs)
    if not conv.defs.is_resource(root.name):
        raise ParseFailure(
            f"This does not appear to be a FHIR resource (unknown name '{root.name}')",
            *root.pos,
            "This_does_not_appear_to_be_a_FHIR_resource_unknown_name_",
        )
    data_out = conv.resource(root, ())
    if issues is not None:
        for line, column in reader.instructions:
            conv.issues.append(
                XmlIssue(
                    "error",
                    "No_processing_instructions_allowed_in_resources",
                    "No processing instructions allowed in resources",
                    (),
                    line,
                    column,
                )
            )
        issues.extend(conv.issues)
    return Document(data=data_out, positions=conv.positions, format="xml", source=source)
