"""The narrative XHTML tree: a safe parser for Narrative.div and the FHIR narrative whitelist.

    parse_div(div: str) -> XElement          # raises XhtmlSyntaxError; cached, do not modify the tree
    XElement(ns, name, attrs, line, column, children)   # attrs keyed "href", "xml:lang", "{ns}local"
    attr_allowed(el: XElement, name: str) -> bool       # the HL7 validator's attribute whitelist
    HTML_ELEMENTS, HTML_ATTRIBUTES, HTML_COMBO           # the whitelists (elements, attributes, element.attr)

expat parses the text with DOCTYPE and entity declarations refused (no expansion, no fetching);
HTML named entities such as &nbsp; are accepted, as the HL7 parser accepts them.
"""

from __future__ import annotations

import html.entities
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from xml.parsers import expat

XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_SEP = "\x1f"

HTML_ELEMENTS = frozenset(
    "p br div h1 h2 h3 h4 h5 h6 a span b em i strong small big tt dfn q var abbr acronym cite "  # noqa: SIM905 - word lists read better as text
    "blockquote hr address bdo kbd sub sup ul ol li dl dt dd pre table caption colgroup col thead tr "
    "tfoot tbody th td code samp img map area".split()
)
HTML_ATTRIBUTES = frozenset(
    "title style class id lang xml:lang dir accesskey tabindex span width align valign char charoff "  # noqa: SIM905 - word lists read better as text
    "abbr axis headers scope rowspan colspan".split()
)
HTML_COMBO = frozenset(
    "a.href a.name img.src img.border div.xmlns blockquote.cite q.cite a.charset a.type a.hreflang "  # noqa: SIM905 - word lists read better as text
    "a.rel a.rev a.shape a.coords img.alt img.longdesc img.height img.width img.usemap img.ismap "
    "map.name area.shape area.coords area.href area.nohref area.alt table.summary table.width "
    "table.border table.frame table.rules table.cellspacing table.cellpadding pre.space td.nowrap".split()
)


@dataclass
class XElement:
    ns: str
    name: str  # local name
    attrs: dict[str, str]  # qualified: "href", "xml:lang", "{ns}local" for other namespaces
    line: int
    column: int
    children: list[XElement | str] = field(default_factory=list)

    def elements(self) -> list[XElement]:
        return [c for c in self.children if isinstance(c, XElement)]


class XhtmlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def _html_entities(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES or name not in html.entities.name2codepoint:
            return m.group(0)
        return f"&#{html.entities.name2codepoint[name]};"

    return _ENTITY.sub(repl, text)


@lru_cache(maxsize=128)
def parse_div(div: str) -> XElement:
    """Parse narrative XHTML safely; raises XhtmlSyntaxError. The tree is cached: do not modify it."""
    root: list[XElement] = []
    stack: list[XElement] = []
    p = expat.ParserCreate("utf-8", namespace_separator=_SEP)
    p.ordered_attributes = True
    p.buffer_text = True
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: Any) -> Any:
        raise XhtmlSyntaxError(
            "Malformed XHTML: Found a DocType declaration, and these are not allowed "
            "(XXE security vulnerability protection)",
            p.CurrentLineNumber,
            p.CurrentColumnNumber + 1,
        )

    def start(qname: str, attrs: list[str]) -> None:
        ns, _, local = qname.rpartition(_SEP)
        amap: dict[str, str] = {}
        for i in range(0, len(attrs), 2):
            ans, _, alocal = attrs[i].rpartition(_SEP)
            key = alocal if not ans else ("xml:" + alocal if ans == XML_NS else f"{{{ans}}}{alocal}")
            amap[key] = attrs[i + 1]
        el = XElement(ns, local, amap, p.CurrentLineNumber, p.CurrentColumnNumber + 1)
        (stack[-1].children if stack else root).append(el)
        stack.append(el)

    def text(data: str) -> None:
        if stack:
            stack[-1].children.append(data)

    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.ExternalEntityRefHandler = refuse
    p.StartElementHandler = start
    p.EndElementHandler = lambda _name: stack.pop()
    p.CharacterDataHandler = text
    try:
        p.Parse(_html_entities(div).encode("utf-8"), True)
    except expat.ExpatError as e:
        raise XhtmlSyntaxError(
            f"Error parsing XHTML: {expat.ErrorString(e.code)}", e.lineno, e.offset + 1
        ) from None
    return root[0]


def attr_allowed(el: XElement, name: str) -> bool:
    return name.startswith("xmlns") or name in HTML_ATTRIBUTES or f"{el.name}.{name}" in HTML_COMBO
