"""Markdown (author pages, resource descriptions) to safe HTML.

markdown-it-py in CommonMark mode (plus tables and strikethrough) with raw HTML disabled: any
HTML an author or a resource writes is shown escaped, never interpreted, and its link
validation refuses javascript:, vbscript:, file: and non-image data: URLs.

The IG Publisher renders pages with kramdown, so the kramdown features IG authors use for
anchors are supported: automatic heading ids (kramdown's algorithm, so links such as
`page.html#some-heading` keep working), header ids (`## Title {#id}`) and block attribute lists
(`{: #id .class}` on the line after or before a block). Only `id` and `class` are taken from an
attribute list; anything else in it (styles, event handlers) is ignored. Jekyll/Liquid
directives (`{% include ... %}`, `{{ site.x }}`) are dropped because this publisher does not
run Liquid.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

_LIQUID = re.compile(r"\{%-?.*?-?%\}|\{\{-?.*?-?\}\}", re.DOTALL)
_IAL_LINE = re.compile(r"^\s{0,3}\{:\s*([^}]*)\}\s*$")
_HEADER_ID = re.compile(r"\s*\{#([A-Za-z][\w:.-]*)\}\s*$")
_NAME = re.compile(r"^[A-Za-z][\w:.-]*$")
_DIV_OPEN = re.compile(r'^\s{0,3}<div((?:\s+[A-Za-z-]+\s*=\s*"[^"<>]*")*)\s*>\s*$')
_DIV_CLOSE = re.compile(r"^\s{0,3}</div>\s*$")
_ATTR = re.compile(r'([A-Za-z-]+)\s*=\s*"([^"<>]*)"')


def slugify(text: str) -> str:
    """kramdown's automatic header id: leading non-letters dropped, only [a-zA-Z0-9 -] kept,
    spaces to dashes, lower case; "section" when nothing is left."""
    text = re.sub(r"^[^a-zA-Z]+", "", text)
    text = re.sub(r"[^a-zA-Z0-9 -]", "", text).replace(" ", "-").lower()
    return text or "section"


def _ial_attributes(spec: str) -> tuple[str | None, list[str]]:
    ident, classes = None, []
    for part in spec.split():
        if part.startswith("#") and _NAME.match(part[1:]):
            ident = part[1:]
        elif part.startswith(".") and _NAME.match(part[1:]):
            classes.append(part[1:])
    return ident, classes


def _div_tag(attrs: str) -> str:
    """A <div> rebuilt from an author's `<div class=".." markdown="1">` line: only a valid id and
    class names survive."""
    out = []
    for name, value in _ATTR.findall(attrs):
        if name == "id" and _NAME.match(value):
            out.append(f' id="{value}"')
        elif name == "class":
            classes = [c for c in value.split() if _NAME.match(c)]
            if classes:
                out.append(f' class="{" ".join(classes)}"')
    return f"<div{''.join(out)}>\n"


def _segments(source: str) -> list[tuple[str, str]]:
    """Split at the lines that open or close a kramdown Markdown container (`<div markdown="1">`
    ... `</div>`, each alone on its line): [("md", text) | ("html", "<div ...>" | "</div>")].
    Unbalanced tags are left in the text (and so shown escaped)."""
    lines = source.split("\n")
    opens: list[int] = []
    pairs: dict[int, int] = {}
    for i, line in enumerate(lines):
        if _DIV_OPEN.match(line) and "markdown" in line:
            opens.append(i)
        elif _DIV_CLOSE.match(line) and opens:
            pairs[opens.pop()] = i
    tags = {i: _div_tag(_DIV_OPEN.match(lines[i]).group(1)) for i in pairs}  # type: ignore[union-attr]
    tags.update({j: "</div>\n" for j in pairs.values()})
    segments: list[tuple[str, str]] = []
    chunk: list[str] = []
    for i, line in enumerate(lines):
        if i in tags:
            segments.append(("md", "\n".join(chunk)))
            segments.append(("html", tags[i]))
            chunk = []
        else:
            chunk.append(line)
    segments.append(("md", "\n".join(chunk)))
    return segments


def _extract_ials(source: str) -> tuple[str, list[tuple[int, str, bool]]]:
    """Blank out attribute-list lines; return (source, [(line, spec, applies_to_previous_block)])."""
    lines = source.split("\n")
    found: list[tuple[int, str, bool]] = []
    in_fence = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if in_fence:
            continue
        m = _IAL_LINE.match(line)
        if m:
            after_block = i > 0 and lines[i - 1].strip() != "" and not _IAL_LINE.match(lines[i - 1])
            found.append((i, m.group(1), after_block))
            lines[i] = ""
    return "\n".join(lines), found


def _apply_ials(tokens: list[Token], ials: list[tuple[int, str, bool]]) -> None:
    for line, spec, after_block in ials:
        target = None
        for tok in tokens:  # the outermost block that ends just above (or starts just below) the line
            if tok.nesting != 1 or tok.map is None:
                continue
            if (after_block and tok.map[1] == line) or (not after_block and tok.map[0] > line):
                target = tok
                break
        if target is None:
            continue
        ident, classes = _ial_attributes(spec)
        if ident:
            target.attrSet("id", ident)
        if classes:
            existing = str(target.attrGet("class") or "")
            target.attrSet("class", " ".join(filter(None, [existing, *classes])))


def _heading_ids(tokens: list[Token]) -> None:
    seen: set[str] = {str(t.attrGet("id")) for t in tokens if t.attrGet("id")}
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open" or i + 1 >= len(tokens):
            continue
        inline = tokens[i + 1]
        m = _HEADER_ID.search(inline.content)
        if m:
            inline.content = inline.content[: m.start()]
            if inline.children and inline.children[-1].type == "text":
                inline.children[-1].content = _HEADER_ID.sub("", inline.children[-1].content)
            tok.attrSet("id", m.group(1))
            seen.add(m.group(1))
            continue
        if tok.attrGet("id"):
            continue
        base = slugify(inline.content)
        ident, n = base, 0
        while ident in seen:
            n += 1
            ident = f"{base}-{n}"
        seen.add(ident)
        tok.attrSet("id", ident)


class MarkdownRenderer:
    def __init__(self) -> None:
        self._md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        self._md.enable("table")
        self._md.enable("strikethrough")

    def render(self, text: str, heading_ids: bool = True) -> Markup:
        """Render untrusted Markdown to HTML that is safe to put in a page."""
        tokens: list[Token] = []
        for kind, part in _segments(_LIQUID.sub("", text or "")):
            if kind == "html":  # a tag built by _div_tag, not author HTML
                tag = Token("html_block", "", 0)
                tag.content = part
                tokens.append(tag)
                continue
            source, ials = _extract_ials(part)
            parsed = self._md.parse(source)
            _apply_ials(parsed, ials)
            tokens.extend(parsed)
        if heading_ids:
            _heading_ids(tokens)
        html = self._md.renderer.render(tokens, self._md.options, {})
        return Markup(html)

    def inline(self, text: str) -> Markup:
        """Render a short Markdown value (an element definition, a description) without <p> wrapping
        when it is a single paragraph."""
        html = str(self.render(text, heading_ids=False)).strip()
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)
