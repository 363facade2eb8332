"""Narrative pages: every menu entry and page exists, pages are plain Markdown, and local links resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import REPO, CompiledIG

PAGES = REPO / "input" / "pagecontent"
LINK = re.compile(r"\]\(([^)#\s]+\.html)(?:#[^)]*)?\)")
GENERATED_PAGES = {"artifacts.html", "toc.html", "qa.html"}  # written by the IG Publisher


def _config() -> dict:
    return yaml.safe_load((REPO / "sushi-config.yaml").read_text(encoding="utf-8"))


def _menu_targets(menu: dict) -> list[str]:
    out: list[str] = []
    for value in menu.values():
        out.extend(_menu_targets(value) if isinstance(value, dict) else [value])
    return out


def test_configured_pages_exist_and_menu_points_to_pages() -> None:
    config = _config()
    pages = set(config["pages"])
    assert {
        "index.md",
        "background.md",
        "use-cases.md",
        "guidance.md",
        "conformance.md",
        "security.md",
        "glossary.md",
        "changes.md",
        "examples.md",
        "lan-measurement.md",
    } <= pages
    for page in pages:
        assert (PAGES / page).is_file(), page
    html_pages = {Path(p).with_suffix(".html").name for p in pages} | GENERATED_PAGES
    for target in _menu_targets(config["menu"]):
        assert target in html_pages, target


def test_pages_are_markdown_without_active_content() -> None:
    for page in PAGES.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"<\s*(script|iframe|object|embed|style)\b", text, re.IGNORECASE), page.name
        assert not re.search(r"\bon[a-z]+\s*=", text), page.name
        assert "javascript:" not in text.lower(), page.name


@pytest.mark.slow
def test_local_links_resolve(compiled_ig: CompiledIG) -> None:
    targets = {f"{r['resourceType']}-{r['id']}.html" for r in compiled_ig.resources + compiled_ig.predefined}
    targets |= {Path(p).with_suffix(".html").name for p in _config()["pages"]} | GENERATED_PAGES
    for page in PAGES.glob("*.md"):
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            if "://" in link:
                continue
            assert link in targets, f"{page.name} links to missing {link}"


@pytest.mark.slow
def test_every_profile_has_an_intro_page(compiled_ig: CompiledIG) -> None:
    profiles = [
        sd
        for sd in compiled_ig.owned("StructureDefinition") + compiled_ig.lan("StructureDefinition")
        if sd["type"] != "Extension"
    ]
    assert len(profiles) >= 6
    for sd in profiles:
        intro = PAGES / f"StructureDefinition-{sd['id']}-intro.md"
        assert intro.is_file(), intro.name
        assert intro.read_text(encoding="utf-8").startswith("### Purpose"), intro.name
