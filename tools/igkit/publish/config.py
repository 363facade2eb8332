"""The parts of sushi-config.yaml the publisher needs, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from igkit.errors import IgkitError

CORE_PACKAGE = "hl7.fhir.r4.core"


@dataclass(frozen=True)
class MenuItem:
    label: str
    href: str = ""  # empty for a sub-menu
    children: tuple[MenuItem, ...] = ()


@dataclass(frozen=True)
class PageEntry:
    """One author page (input/pagecontent/<source>), rendered to <name>.html."""

    source: str  # file name in input/pagecontent, e.g. "background.md"
    title: str
    children: tuple[PageEntry, ...] = ()

    @property
    def html_name(self) -> str:
        return self.source.rsplit(".", 1)[0] + ".html"


@dataclass(frozen=True)
class IgConfig:
    id: str
    canonical: str
    name: str
    title: str
    version: str
    fhir_version: str
    status: str = "draft"
    description: str = ""
    license: str = ""
    release_label: str = ""
    publisher_name: str = ""
    publisher_url: str = ""
    publisher_email: str = ""
    dependencies: dict[str, str] = field(default_factory=dict)
    pages: tuple[PageEntry, ...] = ()
    menu: tuple[MenuItem, ...] = ()

    @property
    def all_dependencies(self) -> dict[str, str]:
        """The declared dependencies plus the FHIR core package, sorted by id."""
        deps = {CORE_PACKAGE: self.fhir_version, **self.dependencies}
        return dict(sorted(deps.items()))


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _menu(node: Any, where: str) -> tuple[MenuItem, ...]:
    if node is None:
        return ()
    if not isinstance(node, dict):
        raise IgkitError(
            f"sushi-config.yaml: `{where}` must be a mapping of menu labels to page names or sub-menus; "
            f"found {type(node).__name__}. Example: `menu: {{Home: index.html, Artifacts: artifacts.html}}`."
        )
    items = []
    for label, value in node.items():
        if isinstance(value, dict):
            items.append(MenuItem(str(label), "", _menu(value, f"{where}.{label}")))
        else:
            items.append(MenuItem(str(label), _text(value).strip()))
    return tuple(items)


def _pages(node: Any) -> tuple[PageEntry, ...]:
    if not isinstance(node, dict):
        return ()
    entries = []
    for source, value in node.items():
        value = value if isinstance(value, dict) else {}
        title = _text(value.get("title")) or _title_from_name(str(source))
        children = _pages({k: v for k, v in value.items() if k not in ("title", "generation")})
        entries.append(PageEntry(str(source), title, children))
    return tuple(entries)


def _title_from_name(source: str) -> str:
    stem = source.rsplit(".", 1)[0]
    return stem.replace("-", " ").replace("_", " ").strip().capitalize() or source


def _publisher(value: Any) -> tuple[str, str, str]:
    if isinstance(value, list):
        value = value[0] if value else {}
    if isinstance(value, dict):
        return _text(value.get("name")), _text(value.get("url")), _text(value.get("email"))
    return _text(value), "", ""


def _dependencies(value: Any) -> dict[str, str]:
    deps: dict[str, str] = {}
    if not isinstance(value, dict):
        return deps
    for pid, spec in value.items():
        version = spec.get("version") if isinstance(spec, dict) else spec
        deps[str(pid)] = _text(version)
    return deps


def read_config(data: dict, source: str = "sushi-config.yaml") -> IgConfig:
    """Build an IgConfig from the parsed sushi-config.yaml, with a clear error for missing keys."""
    missing = [k for k in ("id", "canonical", "version", "fhirVersion") if not data.get(k)]
    if missing:
        raise IgkitError(
            f"{source}: the publisher needs {', '.join(missing)} but they are missing. "
            "Add them to sushi-config.yaml (see https://fshschool.org/docs/sushi/configuration/)."
        )
    fhir_version = data["fhirVersion"]
    if isinstance(fhir_version, list):
        fhir_version = fhir_version[0]
    pub_name, pub_url, pub_email = _publisher(data.get("publisher"))
    return IgConfig(
        id=str(data["id"]),
        canonical=str(data["canonical"]).rstrip("/"),
        name=_text(data.get("name")) or str(data["id"]),
        title=_text(data.get("title")) or _text(data.get("name")) or str(data["id"]),
        version=str(data["version"]),
        fhir_version=str(fhir_version),
        status=_text(data.get("status")) or "draft",
        description=_text(data.get("description")),
        license=_text(data.get("license")),
        release_label=_text(data.get("releaseLabel")),
        publisher_name=pub_name,
        publisher_url=pub_url,
        publisher_email=pub_email,
        dependencies=_dependencies(data.get("dependencies")),
        pages=_pages(data.get("pages")),
        menu=_menu(data.get("menu"), "menu"),
    )
