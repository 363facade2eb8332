"""The static site: every page rendered from the jinja2 templates into a build folder."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources as pkg_resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from igkit.errors import IgkitError
from igkit.publish import elements, terminology
from igkit.publish.archive import zip_bytes
from igkit.publish.config import MenuItem, PageEntry
from igkit.publish.context import DEFINITIONS_ZIP, PACKAGE_FILE, QA_FOLDER, PublishContext
from igkit.publish.links import type_href
from igkit.publish.loader import IgResource
from igkit.publish.narrative import render_narrative
from igkit.publish.package import build_package
from igkit.publish.validation import coverage_rows

_ACTIVE_SVG = re.compile(rb"<script|\son[a-z]+\s*=|javascript:|<foreignObject", re.IGNORECASE)
_ARTIFACT_TEXT = re.compile(r"^[A-Z][A-Za-z]+-.+-(intro|notes)$")  # StructureDefinition-<id>-intro.md
REPORT_COPY = "test-report.json"  # the regression report, kept in the site beside the screenshots
FIXED_PAGES = ("index.html", "toc.html", "artifacts.html", "downloads.html", "qa.html")
GROUPS = (  # artifact index sections, in order
    ("profile", "Profiles", "Constraints on FHIR resources and data types."),
    ("extension", "Extensions", "Extensions this guide defines."),
    ("logical", "Logical models", ""),
    ("type", "Types", ""),
    ("capabilitystatement", "Capability statements", "What systems that conform to this guide support."),
    ("searchparameter", "Search parameters", ""),
    ("valueset", "Value sets", ""),
    ("codesystem", "Code systems", ""),
    ("other", "Other definitions", ""),
    ("ig", "Implementation guide resource", ""),
    ("example", "Examples", "Instances that conform to the profiles of this guide."),
    ("invalid-example", "Deliberately invalid examples",
     ("Instances that must fail validation: the regression tests check the issues they raise. "
      "They are not part of the package.")),
)  # fmt: skip
TEMPLATE_FOR = {
    "profile": "structuredefinition.html.j2",
    "extension": "structuredefinition.html.j2",
    "logical": "structuredefinition.html.j2",
    "type": "structuredefinition.html.j2",
    "codesystem": "codesystem.html.j2",
    "valueset": "valueset.html.j2",
    "searchparameter": "searchparameter.html.j2",
    "capabilitystatement": "capabilitystatement.html.j2",
    "example": "example.html.j2",
    "invalid-example": "example.html.j2",
}


@dataclass(frozen=True)
class NavItem:
    label: str
    href: str
    children: tuple[NavItem, ...] = ()


def _environment() -> jinja2.Environment:
    folder = pkg_resources.files("igkit.publish") / "templates"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,  # FHIR data: absent elements are simply empty
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pretty"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False)
    return env


def _menu(items: tuple[MenuItem, ...]) -> tuple[NavItem, ...]:
    return tuple(NavItem(i.label, i.href, _menu(i.children)) for i in items)


def _flatten_pages(entries: tuple[PageEntry, ...]) -> Iterator[PageEntry]:
    for e in entries:
        yield e
        yield from _flatten_pages(e.children)


class SiteBuilder:
    def __init__(self, ctx: PublishContext, out: Path) -> None:
        self.ctx = ctx
        self.out = out
        self.env = _environment()
        self.expander = terminology.Expander(terminology.TerminologySource(ctx.links))
        self.author_pages = self._author_pages()
        self.pages: set[str] = set(FIXED_PAGES) | {p.html_name for p in self.author_pages}
        self.pages |= {r.page for r in ctx.resources}
        menu = _menu(ctx.config.menu) or (
            NavItem("Home", "index.html"), NavItem("Table of Contents", "toc.html"),
            NavItem("Artifacts", "artifacts.html"), NavItem("Downloads", "downloads.html"),
            NavItem("QA", "qa.html"),
        )  # fmt: skip
        self.env.globals.update(
            ig=ctx.config, menu=menu, md=ctx.markdown.render, md_inline=ctx.markdown.inline,
            link=ctx.links.canonical, concept_anchor=concept_anchor,
            type_link=lambda code: type_href(code) or "",
        )  # fmt: skip

    # -- inputs -------------------------------------------------------------------------

    def _author_pages(self) -> list[PageEntry]:
        """Configured pages first (in config order), then other Markdown files in pagecontent."""
        configured = list(_flatten_pages(self.ctx.config.pages))
        names = {p.source for p in configured}
        folder = self.ctx.pagecontent
        extra: list[PageEntry] = []
        if folder.is_dir():
            for path in sorted(folder.glob("*.md")):
                stem = path.stem
                if path.name in names or _ARTIFACT_TEXT.match(stem):
                    continue
                title = (
                    home_title(self.ctx) if path.name == "index.md" else stem.replace("-", " ").capitalize()
                )
                extra.append(PageEntry(path.name, title))
        return [p for p in configured if p.source.endswith(".md")] + extra

    # -- output -------------------------------------------------------------------------

    def write(self, name: str, data: bytes | str) -> None:
        path = self.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    def render(self, template: str, name: str, **values: object) -> None:
        html = self.env.get_template(template).render(page_name=name, **values)
        self.write(name, html)

    def build(self) -> None:
        ctx = self.ctx
        static = pkg_resources.files("igkit.publish") / "static"
        for item in sorted(static.iterdir(), key=lambda p: p.name):
            if item.is_file() and not item.name.startswith("."):
                self.write(f"static/{item.name}", item.read_bytes())
        self._images()
        self.write(PACKAGE_FILE, build_package(ctx.config, ctx.resources))
        definitions = {r.json_name: r.raw for r in ctx.resources if r.packaged and not r.is_example}
        self.write(DEFINITIONS_ZIP, zip_bytes(definitions))
        self._author()
        self._fixed()
        for res in ctx.resources:
            self.write(res.json_name, res.raw)
            self._resource(res)

    def _images(self) -> None:
        """input/images/* into the site root, as the IG Publisher does. An SVG is a document that
        can carry scripts, so one with script or event-handler content stops the build."""
        folder = self.ctx.root / "input" / "images"
        if not folder.is_dir():
            return
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
            data = path.read_bytes()
            rel = path.relative_to(folder).as_posix()
            if path.suffix.lower() == ".svg" and _ACTIVE_SVG.search(data):
                raise IgkitError(
                    f"input/images/{rel}: the SVG contains a script, an event handler or a javascript: URL. "
                    "Images are published as they are, so remove the active content from the file."
                )
            self.write(rel, data)

    def _author(self) -> None:
        for page in self.author_pages:
            text = self.ctx.page_text(page.source)
            if text is None:
                raise IgkitError(
                    f"sushi-config.yaml lists the page {page.source}, but input/pagecontent/{page.source} does not "
                    "exist. Add the file or remove the page from `pages`."
                )
            self.render("page.html.j2", page.html_name, title=page.title, body=self.ctx.markdown.render(text))
        if "index.html" not in {p.html_name for p in self.author_pages}:
            body = self.ctx.markdown.render(self.ctx.config.description or "")
            self.render("page.html.j2", "index.html", title=self.ctx.config.title, body=body)

    def _groups(self) -> list[tuple[str, str, str, list[IgResource]]]:
        groups = []
        for kind, title, intro in GROUPS:
            members = sorted(self.ctx.of_kind(kind), key=lambda r: (r.title.lower(), r.resource_type, r.id))
            if members:
                groups.append((kind, title, intro, members))
        return groups

    def _fixed(self) -> None:
        ctx = self.ctx
        groups = self._groups()
        self.render("artifacts.html.j2", "artifacts.html", title="Artifacts", groups=groups)
        self.render("toc.html.j2", "toc.html", title="Table of Contents", pages=ctx.config.pages,
                    extra=[p for p in self.author_pages if p not in list(_flatten_pages(ctx.config.pages))],
                    groups=groups)  # fmt: skip
        self.render(
            "downloads.html.j2", "downloads.html", title="Downloads", package=PACKAGE_FILE,
            definitions=DEFINITIONS_ZIP, resources=[r for r in ctx.resources if not r.invalid],
        )  # fmt: skip
        examples = ctx.of_kind("example", "invalid-example")
        rows = []
        for res in examples:
            result = ctx.validation.for_resource(res) if ctx.validation else None
            # None: not validated; True: errors exactly when the example is meant to be invalid
            expected = None
            if result is not None:
                expected = (
                    result.verdict if result.verdict is not None else (result.errors > 0) == res.invalid
                )
            rows.append((res, result, expected))
        report_copy = None
        if ctx.validation is not None and ctx.validation.path is not None:
            report_copy = f"{QA_FOLDER}/{REPORT_COPY}"
            self.write(report_copy, ctx.validation.path.read_bytes())
        self.render("qa.html.j2", "qa.html", title="Quality Assurance", rows=rows, validation=ctx.validation,
                    unexpected=sum(1 for _, _, e in rows if e is False),
                    unvalidated=sum(1 for _, _, e in rows if e is None), report_copy=report_copy,
                    coverage=coverage_rows(ctx.validation.coverage) if ctx.validation else None)  # fmt: skip

    # -- resource pages -----------------------------------------------------------------

    def narrative(self, res: IgResource) -> Markup | None:
        div = (res.data.get("text") or {}).get("div")
        if not isinstance(div, str) or not div.strip():
            return None

        def reference_page(ref: str) -> str | None:
            target = self.ctx.links.reference(ref)
            return target.page if target is not None else None

        return render_narrative(div, self.pages, reference_page)

    def pretty_json(self, res: IgResource) -> str:
        text = res.raw.decode("utf-8", errors="replace")
        return text if "\n" in text.strip() else json.dumps(res.data, indent=2, ensure_ascii=False)

    def _resource(self, res: IgResource) -> None:
        template = TEMPLATE_FOR.get(res.kind, "resource.html.j2")
        values: dict[str, object] = {
            "title": res.title, "res": res, "data": res.data, "narrative": self.narrative(res),
            "json_text": self.pretty_json(res),
        }  # fmt: skip
        if template == "structuredefinition.html.j2":
            values.update(
                intro=self._md_file(f"{res.stem}-intro.md"), notes=self._md_file(f"{res.stem}-notes.md"),
                diff=elements.differential_rows(res.data, self.ctx.links),
                snap=elements.snapshot_rows(res.data, self.ctx.links),
                constraints=elements.profile_constraints(res.data),
            )  # fmt: skip
        elif template == "codesystem.html.j2":
            values.update(
                concepts=terminology.concept_rows(res.data), intro=self._md_file(f"{res.stem}-intro.md")
            )
        elif template == "valueset.html.j2":
            values.update(expansion=self.expander.expand(res.data), intro=self._md_file(f"{res.stem}-intro.md"),
                          code_anchor=self._code_anchor)  # fmt: skip
        elif template == "example.html.j2":
            result = self.ctx.validation.for_resource(res) if self.ctx.validation else None
            values.update(validation=result, report=self.ctx.validation)
        self.render(template, res.page, **values)

    def _md_file(self, name: str) -> Markup | None:
        text = self.ctx.page_text(name)
        return self.ctx.markdown.render(text) if text is not None else None

    def _code_anchor(self, system: str, code: str) -> str | None:
        cs = self.ctx.links.resource(system)
        if cs is None or cs.resource_type != "CodeSystem":
            return None
        return f"{cs.page}#{concept_anchor(code)}"


def home_title(ctx: PublishContext) -> str:
    """The home page's title: the configured title of index.md, else the IG's title."""
    configured = next((p.title for p in _flatten_pages(ctx.config.pages) if p.source == "index.md"), None)
    return configured or ctx.config.title


def concept_anchor(code: str) -> str:
    return "c-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in code)
