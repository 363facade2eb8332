"""Resource narrative (text.div) for a page: whitelist-sanitized, links fixed to the site.

Sanitizing is igkit.validate.xhtml.sanitize_xhtml (scripts, event handlers, active URLs and
unknown elements removed). Relative links are then rewritten: a literal reference such as
`Patient/example` becomes that resource's page; a relative link to a page the site does not
have loses its href (the text stays), so that the site has no broken internal links.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import lxml.html
from markupsafe import Markup

from igkit.validate.xhtml import sanitize_xhtml

_SCHEMES = ("http:", "https:", "mailto:", "urn:", "data:")


def render_narrative(div: str, pages: Collection[str], reference_page: Callable[[str], str | None]) -> Markup:
    clean = sanitize_xhtml(div)
    fragment = lxml.html.fragment_fromstring(clean)
    for el in fragment.iter("a", "img"):
        attr = "href" if el.tag == "a" else "src"
        target = el.get(attr)
        if target is None or target.startswith("#") or target.lower().startswith(_SCHEMES):
            continue
        page = target.split("#", 1)[0]
        if page in pages:
            continue
        resolved = reference_page(target)
        if resolved is not None:
            el.set(attr, resolved)
        else:
            del el.attrib[attr]
    html = lxml.html.tostring(fragment, encoding="unicode", method="html")
    return Markup(html)
