"""The site builder on small synthetic projects (no SUSHI): images, defaults, and refusals."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from igkit.errors import IgkitError
from igkit.publish.build import publish

from .helpers import CONFIG, write_project
from .test_terminology import CS


def _project(tmp_path: Path, **config: object) -> Path:
    root = write_project(tmp_path / "ig", {"CodeSystem-tier.json": CS}, cfg={**CONFIG, **config})
    (root / "input" / "images").mkdir(parents=True)
    (root / "input" / "images" / "logo.png").write_bytes(b"\x89PNG fake")
    return root


def test_defaults_without_pages_or_menu(tmp_path: Path):
    root = _project(tmp_path, description="A *unit* guide.")
    out = tmp_path / "out"
    publish(root, out, browser_check=False)
    doc = lxml.html.document_fromstring((out / "index.html").read_bytes())
    assert doc.xpath("string(//h1)") == "Unit IG"
    assert "A unit guide." in doc.xpath("string(//main)")
    assert [a.text for a in doc.xpath("//nav[@class='menu']/ul/li/a")] == [
        "Home", "Table of Contents", "Artifacts", "Downloads", "QA"]  # fmt: skip
    assert (out / "logo.png").read_bytes() == b"\x89PNG fake"
    assert (out / "CodeSystem-tier.html").is_file()
    qa = (out / "qa.html").read_text(encoding="utf-8")
    assert "No validation report was found" in qa


def test_pages_with_kramdown_anchors_link_cleanly(tmp_path: Path):
    root = _project(tmp_path, pages={"index.md": {"title": "Start"}, "guide.md": {"title": "Guide"}})
    pages = root / "input" / "pagecontent"
    pages.mkdir(parents=True)
    (pages / "index.md").write_text("See [the rule](guide.html#the-rule) and ![logo](logo.png).\n")
    (pages / "guide.md").write_text("### A rule with a long title\n{: #the-rule}\n\nText.\n")
    (pages / "CodeSystem-tier-intro.md").write_text("Intro for **tier**.\n")
    out = tmp_path / "out"
    publish(root, out, browser_check=False)
    assert '<h3 id="the-rule">' in (out / "guide.html").read_text(encoding="utf-8")
    assert "Intro for <strong>tier</strong>" in (out / "CodeSystem-tier.html").read_text(encoding="utf-8")
    assert not (out / "CodeSystem-tier-intro.html").exists()  # intro files belong to their artifact page


def test_svg_with_script_is_refused(tmp_path: Path):
    root = _project(tmp_path)
    (root / "input" / "images" / "bad.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    )
    with pytest.raises(IgkitError, match="input/images/bad.svg"):
        publish(root, tmp_path / "out", browser_check=False)
    assert not (tmp_path / "out").exists()


def test_a_configured_page_must_exist(tmp_path: Path):
    root = _project(tmp_path, pages={"index.md": {"title": "Start"}, "missing.md": {"title": "Missing"}})
    (root / "input" / "pagecontent").mkdir(parents=True)
    (root / "input" / "pagecontent" / "index.md").write_text("Hello\n")
    with pytest.raises(IgkitError, match="lists the page missing.md"):
        publish(root, tmp_path / "out", browser_check=False)


def test_an_unlisted_index_page_gets_the_guide_title(tmp_path: Path):
    root = _project(tmp_path)
    (root / "input" / "pagecontent").mkdir(parents=True)
    (root / "input" / "pagecontent" / "index.md").write_text("Welcome.\n")
    (root / "input" / "pagecontent" / "release-notes.md").write_text("More.\n")
    out = tmp_path / "out"
    publish(root, out, browser_check=False)
    assert lxml.html.document_fromstring((out / "index.html").read_bytes()).xpath("string(//h1)") == "Unit IG"
    toc = (out / "toc.html").read_text(encoding="utf-8")
    assert '<a href="release-notes.html">Release notes</a>' in toc
