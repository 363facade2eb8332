"""Whitelist-based cleaning of untrusted narrative XHTML for rendering (used by the site publisher).

sanitize_xhtml(div: str) -> str
"""

from __future__ import annotations

import re

from igkit.validate.xhtml_tree import (
    HTML_ELEMENTS,
    XHTML_NS,
    XElement,
    XhtmlSyntaxError,
    attr_allowed,
    parse_div,
)

_DROP_WITH_CONTENT = frozenset(
    "script style object applet embed iframe frame frameset form input button select textarea option "  # noqa: SIM905 - word lists read better as text
    "link meta base head title svg math noscript template canvas audio video source param".split()
)
_STYLE_DANGER = re.compile(
    r"expression\s*\(|url\s*\(|javascript:|behavior\s*:|-moz-binding|@import", re.IGNORECASE
)


def _escape(text: str, attr: bool = False) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attr else text


def _safe_url(el: XElement, url: str) -> bool:
    u = "".join(url.split()).lower()
    if u.startswith("data:"):
        return el.name == "img" and u.startswith("data:image/") and not u.startswith("data:image/svg")
    if ":" in u.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return u.startswith(("http:", "https:", "mailto:", "urn:"))
    return True  # relative or fragment


def _clean(el: XElement, out: list[str]) -> None:
    for c in el.children:
        if isinstance(c, str):
            out.append(_escape(c))
            continue
        if c.name in _DROP_WITH_CONTENT or c.ns != XHTML_NS:
            continue
        if c.name not in HTML_ELEMENTS:
            _clean(c, out)  # unknown but harmless wrapper: keep its content
            continue
        parts = [f"<{c.name}"]
        for a, v in c.attrs.items():
            if a.startswith("xmlns") or a.lower().startswith("on") or not attr_allowed(c, a) or a == "rel":
                continue
            if a in ("href", "src", "cite", "longdesc", "usemap") and not _safe_url(c, v):
                continue
            if a == "style" and _STYLE_DANGER.search(v):
                continue
            parts.append(f' {a}="{_escape(v, True)}"')
        if c.name == "a" and any(x.startswith(' href="') and not x.startswith(' href="#') for x in parts):
            parts.append(' rel="noopener noreferrer nofollow"')
        out.append("".join(parts))
        if c.children or c.name not in ("br", "hr", "img", "col", "area"):
            out.append(">")
            _clean(c, out)
            out.append(f"</{c.name}>")
        else:
            out.append("/>")


def sanitize_xhtml(div: str) -> str:
    """A safe rendering of untrusted narrative: only whitelisted elements and attributes, no
    scripts, event handlers, active URLs or external style loading. Unparseable input becomes
    its escaped text inside a div. The result is a `<div xmlns=...>` string (deterministic)."""
    try:
        root = parse_div(div)
    except XhtmlSyntaxError:
        return f'<div xmlns="{XHTML_NS}">{_escape(div)}</div>'
    wrapper = XElement(XHTML_NS, "div", {}, 1, 1, [root] if root.name != "div" else root.children)
    attrs = "".join(
        f' {a}="{_escape(v, True)}"'
        for a, v in (root.attrs.items() if root.name == "div" else ())
        if a in ("lang", "xml:lang", "dir", "class", "id", "title")
    )
    out: list[str] = [f'<div xmlns="{XHTML_NS}"{attrs}>']
    _clean(wrapper, out)
    out.append("</div>")
    return "".join(out)
