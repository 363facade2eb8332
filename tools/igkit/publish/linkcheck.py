"""A link checker for the generated site: every internal link must reach a file, and every
#fragment an element id (or <a name>) in the target page. External links are only counted
(the build is offline)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html

_LINK_ATTRS = (("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("iframe", "src"))


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page the link is on (relative to the site root)
    href: str
    reason: str

    def format(self) -> str:
        return f"{self.page}: {self.href} ({self.reason})"


@dataclass
class LinkReport:
    pages: int = 0
    internal: int = 0
    external: int = 0
    broken: list[BrokenLink] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.broken


def _parse(path: Path) -> lxml.html.HtmlElement | None:
    data = path.read_bytes()
    if not data.strip():
        return None
    return lxml.html.document_fromstring(data)


def _anchors(doc: lxml.html.HtmlElement | None) -> set[str]:
    if doc is None:
        return set()
    ids = {el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")}
    names = {el.get("name") for el in doc.iter("a") if el.get("name")}
    return {x for x in ids | names if x}


def check_site(site: Path) -> LinkReport:
    report = LinkReport()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.is_file())
    docs = {rel: _parse(site / rel) for rel in pages}
    anchors: dict[str, set[str]] = {}
    report.pages = len(pages)
    for rel in pages:
        doc = docs[rel]
        if doc is None:
            report.broken.append(BrokenLink(rel, "", "empty page"))
            continue
        for tag, attr in _LINK_ATTRS:
            for el in doc.iter(tag):
                href = el.get(attr)
                if href is None:
                    continue
                problem = _check(site, rel, href.strip(), docs, anchors, report)
                if problem:
                    report.broken.append(BrokenLink(rel, href, problem))
    return report


def _check(
    site: Path, page: str, href: str, docs: dict, anchors: dict[str, set[str]], report: LinkReport
) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        if parts.scheme in ("http", "https", "mailto", "urn", "tel", "ftp"):
            report.external += 1
            return ""
        return f"scheme {parts.scheme or '//'} is not allowed in the site"
    report.internal += 1
    target = page
    if parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return "points outside the site"
        if not (site / target).is_file():
            return "no such file"
    if parts.fragment:
        if not target.endswith(".html"):
            return ""
        if target not in anchors:
            anchors[target] = _anchors(docs.get(target) if target in docs else _parse(site / target))
        if unquote(parts.fragment) not in anchors[target]:
            return f"no element with id {unquote(parts.fragment)!r} in {target}"
    return ""
