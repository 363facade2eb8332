"""Narrative (Narrative.div) checks and sanitizing, following the FHIR R4 narrative rules.

Public API:

    @dataclass(frozen=True)
    class NarrativeIssue:
        severity: str        # "error" | "warning" | "information"
        message_id: str      # the HL7 validator's id (XHTML_XHTML_Element_Illegal, ...)
        message: str
        line: int | None     # 1-based position inside the div text, where known
        column: int | None

    check_narrative(div: str, *, security_checks: bool = False) -> list[NarrativeIssue]
        What the HL7 validator's XHTML checks report for one div (namespace, root name,
        element/attribute whitelist, URLs, structure, mixed language sections, duplicate ids).
        The walker reports them at the div element's position. With security_checks, active
        content that the whitelist does not already catch (javascript:/vbscript: URLs, images
        that are not internal/data references) is an error as well.

    html_checks(div: str) -> bool       # FHIRPath htmlChecks() for txt-1: names whitelist
    has_content(div: str) -> bool       # FHIRPath htmlChecks() for txt-2: non-whitespace text or an image
    narrative_language(div: str) -> str | None   # the first lang / xml:lang in the div (for language checks)
    check_narrative_language(div: str, resource_language: str | None) -> list[NarrativeIssue]
        Resource.language against the narrative's first lang / xml:lang (warnings
        Language_XHTML_Lang_Different1/2, Language_XHTML_Lang_Missing1); the walker reports
        them at the resource.
    narrative_anchors(div: str) -> set[str]      # id values and <a name> targets in the div
    check_internal_links(div: str, anchors: set[str]) -> list[NarrativeIssue]
        Every <a href="#x"> must name an anchor in `anchors` (the walker passes the anchors of
        this narrative, or, inside a document/message Bundle, of all the Bundle's narratives):
        error XHTML_LINK_NOT_RESOLVED "Hyperlink '#x' at 'div/p/a' for 'text' does not resolve",
        as the HL7 validator words it.
    sanitize_xhtml(div: str) -> str     # whitelist-based cleaning of untrusted narrative for rendering
    parse_div(div: str) -> XElement     # the parsed div (xhtml_tree); raises XhtmlSyntaxError

The div text is parsed by xhtml_tree (expat; DOCTYPE and entity declarations refused, HTML named
entities such as &nbsp; accepted as the HL7 parser accepts them); sanitizing is in xhtml_sanitize.
"""

from __future__ import annotations

from dataclasses import dataclass

from igkit.validate.xhtml_sanitize import sanitize_xhtml
from igkit.validate.xhtml_tree import (
    HTML_ELEMENTS,
    XHTML_NS,
    XElement,
    XhtmlSyntaxError,
    attr_allowed,
    parse_div,
)

__all__ = [
    "NarrativeIssue",
    "XhtmlSyntaxError",
    "check_internal_links",
    "check_narrative",
    "check_narrative_language",
    "has_content",
    "html_checks",
    "narrative_anchors",
    "narrative_language",
    "parse_div",
    "sanitize_xhtml",
    "url_problem",
]

_BLOCK = frozenset({"div", "blockquote", "table", "ol", "ul", "p"})
_URL_PUNCT = set(";?:@&=+$.,/%-_~#[]!'()*|")
_ACTIVE_SCHEMES = ("javascript:", "vbscript:", "livescript:")


@dataclass(frozen=True)
class NarrativeIssue:
    severity: str
    message_id: str
    message: str
    line: int | None = None
    column: int | None = None


def _names_ok(el: XElement) -> bool:
    if el.name not in HTML_ELEMENTS or el.ns != XHTML_NS:
        return False
    return all(attr_allowed(el, a) for a in el.attrs) and all(_names_ok(c) for c in el.elements())


def html_checks(div: str) -> bool:
    """txt-1: only the whitelisted elements and attributes (the root div's own attributes too)."""
    try:
        root = parse_div(div)
    except XhtmlSyntaxError:
        return False
    return _names_ok(root)


def _has_content(el: XElement) -> bool:
    for c in el.children:
        if isinstance(c, str):
            if c.strip():
                return True
        elif c.name == "img" or _has_content(c):
            return True
    return False


def has_content(div: str) -> bool:
    """txt-2: the narrative has some non-whitespace content (text, or an image)."""
    try:
        return _has_content(parse_div(div))
    except XhtmlSyntaxError:
        return False


def narrative_language(div: str) -> str | None:
    """The first lang (or xml:lang) in document order, or None."""
    try:
        root = parse_div(div)
    except XhtmlSyntaxError:
        return None
    todo = [root]
    while todo:
        el = todo.pop(0)
        lang = el.attrs.get("lang") or el.attrs.get("xml:lang")
        if lang:
            return lang
        todo[:0] = el.elements()
    return None


def check_narrative_language(div: str, resource_language: str | None) -> list[NarrativeIssue]:
    """Does the narrative say which language it is in, and is that the resource's language?"""
    if not resource_language:
        return []
    try:
        root = parse_div(div)
    except XhtmlSyntaxError:
        return []
    todo = [root]
    while todo:
        el = todo.pop(0)
        lang, xml_lang = el.attrs.get("lang"), el.attrs.get("xml:lang")
        if lang or xml_lang:
            if lang and lang != resource_language:
                return [
                    NarrativeIssue(
                        "warning",
                        "Language_XHTML_Lang_Different1",
                        f"Resource has a language ({resource_language}), and the XHTML has a lang "
                        f"({lang}), but they differ",
                        el.line,
                        el.column,
                    )
                ]
            if xml_lang and xml_lang != resource_language:
                return [
                    NarrativeIssue(
                        "warning",
                        "Language_XHTML_Lang_Different2",
                        f"Resource has a language ({resource_language}), and the XHTML has an "
                        f"xml:lang ({xml_lang}), but they differ",
                        el.line,
                        el.column,
                    )
                ]
            return []
        todo[:0] = el.elements()
    return [
        NarrativeIssue(
            "warning",
            "Language_XHTML_Lang_Missing1",
            "Resource has a language, but the XHTML does not have an lang or an xml:lang tag (needs "
            "both - see https://www.w3.org/TR/i18n-html-tech-lang/#langvalues)",
            root.line,
            root.column,
        )
    ]


def _walk(el: XElement, path: str):
    yield el, path
    for c in el.elements():
        yield from _walk(c, f"{path}/{c.name}")


def _text_of(el: XElement) -> str:
    return "".join(c if isinstance(c, str) else _text_of(c) for c in el.children)


def narrative_anchors(div: str) -> set[str]:
    """The link targets a narrative defines: id attributes and <a name=...>."""
    try:
        root = parse_div(div)
    except XhtmlSyntaxError:
        return set()
    out: set[str] = set()
    for el, _path in _walk(root, root.name):
        if "id" in el.attrs:
            out.add(el.attrs["id"])
        if el.name == "a" and "name" in el.attrs:
            out.add(el.attrs["name"])
    return out


def check_internal_links(div: str, anchors: set[str]) -> list[NarrativeIssue]:
    """Internal links (href="#...") that name no known anchor."""
    try:
        root = parse_div(div)
    except XhtmlSyntaxError:
        return []
    issues = []
    for el, path in _walk(root, root.name):
        href = el.attrs.get("href", "") if el.name == "a" else ""
        if href.startswith("#") and len(href) > 1 and href[1:] not in anchors:
            text = " ".join(_text_of(el).split())
            issues.append(
                NarrativeIssue(
                    "error",
                    "XHTML_LINK_NOT_RESOLVED",
                    f"Hyperlink '{href}' at '{path}' for '{text}' does not resolve",
                    el.line,
                    el.column,
                )
            )
    return issues


def url_problem(url: str | None) -> str | None:
    """Why a link/image URL is not acceptable, or None (mirrors the HL7 validator's UrlUtil)."""
    if url is None:
        return None
    if not url.strip():
        return "URL is empty"
    if url.startswith("data:"):
        _head, sep, payload = url[5:].partition(",")
        if not sep or not payload:
            return "No data found in data: URL"
        return None
    bad = sorted({ch for ch in url if not (ch.isalnum() or ch in _URL_PUNCT)})
    if bad:
        return "URL contains Invalid Characters (" + ",".join(repr(c)[1:-1] for c in bad) + ")"
    return None


class _Checker:
    def __init__(self, security: bool) -> None:
        self.security = security
        self.issues: list[NarrativeIssue] = []

    def add(self, severity: str, mid: str, message: str, el: XElement | None = None) -> None:
        self.issues.append(
            NarrativeIssue(severity, mid, message, el.line if el else None, el.column if el else None)
        )

    def run(self, root: XElement) -> None:
        if root.ns != XHTML_NS:
            self.add(
                "error",
                "XHTML_XHTML_NS_InValid",
                f"Wrong namespace on the XHTML ('{root.ns}', should be '{XHTML_NS}')",
                root,
            )
        if root.name != "div":
            self.add(
                "error",
                "XHTML_XHTML_Name_Invalid",
                f"Wrong name on the XHTML ('{root.name}') - must start with div",
                root,
            )
        for el in root.elements():
            self.names(el, in_para=False)
            self.urls(el)
        self.structure("div", root)
        self.langs(root)
        self.duplicate_ids(root)

    def names(self, el: XElement, in_para: bool) -> None:
        if el.ns != XHTML_NS:
            self.add(
                "error",
                "XHTML_XHTML_NS_InValid",
                f"Wrong namespace on the XHTML ('{el.ns}', should be '{XHTML_NS}')",
                el,
            )
        if el.name not in HTML_ELEMENTS:
            self.add(
                "error",
                "XHTML_XHTML_Element_Illegal",
                f"Invalid element name in the XHTML ('{el.name}')",
                el,
            )
        for a in el.attrs:
            if attr_allowed(el, a):
                continue
            if a == "xml:space":
                self.add(
                    "information",
                    "XHTML_XHTML_ATTRIBUTE_XML_SPACE",
                    f"The attribute '{a}' is legal but has no effect on '{el.name}'",
                    el,
                )
            else:
                self.add(
                    "error",
                    "XHTML_XHTML_Attribute_Illegal",
                    f"Invalid attribute name in the XHTML ('{a}' on '{el.name}')",
                    el,
                )
        if in_para and el.name in _BLOCK:
            self.add(
                "error",
                "XHTML_XHTML_ELEMENT_ILLEGAL_IN_PARA",
                f"Illegal element name inside in a paragraph in the XHTML ('{el.name}')",
                el,
            )
        for c in el.elements():
            self.names(c, in_para or el.name == "p")

    def urls(self, el: XElement) -> None:
        attr = {"a": "href", "img": "src", "area": "href"}.get(el.name)
        if attr and attr in el.attrs:
            url = el.attrs[attr]
            problem = url_problem(url)
            if problem:
                self.add(
                    "error", "XHTML_URL_INVALID", f"The URL is not valid because '({problem})' : {url}", el
                )
            elif self.security and url.strip().lower().startswith(_ACTIVE_SCHEMES):
                self.add(
                    "error",
                    "XHTML_URL_INVALID",
                    f"The URL is not valid because '(active content is not allowed)' : {url}",
                    el,
                )
            elif self.security and el.name == "img" and not url.startswith(("#", "data:")):
                self.add("error", "XHTML_XHTML_Image_Reference_Illegal", f"Illegal Image Reference {url}", el)
        for c in el.elements():
            self.urls(c)

    # structure (the HL7 validator's checkXhtmlStructure) ----------------------------------------
    def structure(self, path: str, x: XElement) -> None:
        for c in x.elements():
            cpath = f"{path}/{c.name}"
            n = c.name
            if n in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "span"):
                self.p_rules(cpath, c)
            elif n in ("br", "img", "hr", "area"):
                self.no_children(cpath, c)
            elif n in (
                "a",
                "b",
                "em",
                "i",
                "strong",
                "small",
                "big",
                "sub",
                "sup",
                "code",
                "tt",
                "dfn",
                "q",
                "var",
                "abbr",
                "acronym",
                "cite",
                "bdo",
                "kbd",
                "samp",
            ):
                self.p_rules(cpath, c)
                found = self.descendants(n, c, {n})
                if found:
                    self.add(
                        "error",
                        "XHTML_XHTML_NO_RECURSION",
                        f"Elements of type {n} at {cpath} cannot contain {','.join(found)}",
                        c,
                    )
            elif n == "table":
                self.only_children(cpath, c, {"tbody", "tr", "caption", "thead", "tfoot", "col", "colgroup"})
            elif n == "tr":
                self.parent(cpath, c, x, ("table", "thead", "tfoot", "tbody"))
                self.only_children(cpath, c, {"td", "th"})
            elif n in ("tbody", "thead", "tfoot"):
                self.parent(cpath, c, x, ("table",))
                self.only_children(cpath, c, {"tr"})
            elif n in ("ul", "ol"):
                self.only_children(cpath, c, {"li"})
            elif n == "caption":
                self.p_rules(cpath, c)
                self.parent(cpath, c, x, ("table",))
            elif n == "colgroup":
                self.parent(cpath, c, x, ("table",))
            elif n == "col":  # HTML allows col inside colgroup (the HL7 check does not; R4 examples use it)
                self.parent(cpath, c, x, ("table", "colgroup"))
            elif n in ("th", "td"):
                self.parent(cpath, c, x, ("tr", "thead", "tfoot"))
            elif n == "li":
                self.parent(cpath, c, x, ("ul", "ol"))
            elif n == "dl":
                self.only_children(cpath, c, {"dd", "dt"})
            elif n in ("dd", "dt"):
                self.p_rules(cpath, c)
                self.parent(cpath, c, x, ("dl",))
            elif n == "map":
                self.only_children(cpath, c, {"area"})
            if c.children:
                self.structure(cpath, c)

    def descendants(self, path: str, x: XElement, names: set[str]) -> list[str]:
        found = []
        for c in x.elements():
            cpath = f"{path}/{c.name}"
            if c.name in names:
                found.append(cpath)
            found.extend(self.descendants(cpath, c, names))
        return found

    def p_rules(self, path: str, x: XElement) -> None:
        found = self.descendants(x.name, x, {"div", "pre", "table", "ul", "ol"})
        if found:
            self.add(
                "error",
                "XHTML_XHTML_BLOCK_IN_PARA",
                f"Found block structures inside a paragraph/text element {x.name} at {path}: {','.join(found)}",
                x,
            )

    def no_children(self, path: str, x: XElement) -> None:
        if x.children:
            self.add(
                "error",
                "XHTML_XHTML_NO_CHILDREN",
                f"Elements of type {x.name} cannot have children ({path})",
                x,
            )

    def parent(self, path: str, x: XElement, parent: XElement, names: tuple[str, ...]) -> None:
        if parent.name not in names:
            self.add(
                "error",
                "XHTML_XHTML_OUT_OF_PLACE",
                f"Elements of type {x.name} must be in a {'|'.join(names)}, not a {parent.name} at {path}",
                x,
            )

    def only_children(self, path: str, x: XElement, allowed: set[str]) -> None:
        bad = []
        for c in x.children:
            if isinstance(c, str):
                if c.strip():
                    bad.append("@text")
            elif c.name not in allowed:
                bad.append(c.name)
        if bad:
            self.add(
                "error",
                "XHTML_XHTML_ILLEGAL_CHILDREN",
                f"Elements of type {x.name} at {path} cannot have the following children: {','.join(bad)}",
                x,
            )

    # advisory checks --------------------------------------------------------------------------
    def langs(self, root: XElement) -> None:
        langs: list[str] = []
        other = False
        for c in root.children:
            if isinstance(c, XElement) and c.name == "div" and "xml:lang" in c.attrs:
                if c.attrs["xml:lang"] not in langs:
                    langs.append(c.attrs["xml:lang"])
            elif (isinstance(c, str) and c.strip()) or isinstance(c, XElement):
                other = True
        if langs and other:
            self.add(
                "warning",
                "XHTML_XHTML_MIXED_LANG",
                f"The xhtml has some language sections ({', '.join(langs)}), and also has content that "
                "is not in a language section",
                root,
            )

    def duplicate_ids(self, root: XElement) -> None:
        seen: set[str] = set()
        dups: dict[str, int] = {}

        def scan(el: XElement) -> None:
            ident = el.attrs.get("id")
            names = [ident] if ident is not None else []
            if el.name == "a" and "name" in el.attrs and el.attrs["name"] != ident:
                names.append(el.attrs["name"])
            for n in names:
                if n in seen:
                    dups[n] = dups.get(n, 1) + 1
                seen.add(n)
            for c in el.elements():
                scan(c)

        for c in root.elements():
            scan(c)
        if dups:
            summary = ", ".join(f"{k} ({v}x)" for k, v in sorted(dups.items()))
            self.add("warning", "XHTML_XHTML_DUPLICATE_IDS", f"Duplicate ids in the XHTML: {summary}", root)


def check_narrative(div: str, *, security_checks: bool = False) -> list[NarrativeIssue]:
    """The HL7 validator's XHTML checks for one Narrative.div (see the module docstring)."""
    try:
        root = parse_div(div)
    except XhtmlSyntaxError as e:
        return [NarrativeIssue("error", "Error_parsing_XHTML_", e.message, e.line, e.column)]
    checker = _Checker(security_checks)
    checker.run(root)
    return checker.issues
