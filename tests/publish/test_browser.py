"""A real browser: headless Chromium renders pages of the published mini IG."""

from __future__ import annotations

from pathlib import Path

import pytest

from igkit.publish import browser
from igkit.publish.build import publish

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> str:
    found = browser.find_chromium()
    if found is None:
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    return found


def test_publish_renders_pages_in_chromium(chromium: str, mini_ig: Path, tmp_path: Path):
    out = tmp_path / "output"
    result = publish(mini_ig, out, browser_check=True)
    by_label = {r.check.label: r for r in result.rendered}
    assert set(by_label) == {"home", "profile", "codesystem"}
    assert by_label["home"].h1 == "Mini Home"
    assert by_label["profile"].h1 == "Mini Measure Report"
    assert by_label["profile"].table_rows > 50  # differential + snapshot rows of the MeasureReport profile
    assert by_label["codesystem"].h1 == "Mini Tier" and by_label["codesystem"].table_rows == 5
    for label in ("home", "profile", "codesystem"):
        shot = out / "qa" / f"{label}.png"
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000


def test_rendered_dom_of_pages(chromium: str, mini_ig: Path, tmp_path: Path):
    out = tmp_path / "output"
    publish(mini_ig, out, browser_check=False)
    checks = [
        browser.PageCheck("valueset", "ValueSet-mini-tier.html", "Mini Tier Value Set", "concepts"),
        browser.PageCheck("example", "Patient-mini-patient-2.html", "mini-patient-2"),  # SUSHI lists it by id
        browser.PageCheck(
            "capability", "CapabilityStatement-mini-server.html", "Mini Server", "capabilities"
        ),
    ]
    rendered = {r.check.label: r for r in browser.render_pages(out, checks, tmp_path / "shots", chromium)}
    assert rendered["valueset"].table_rows == 5 and not rendered["valueset"].problems
    assert rendered["capability"].table_rows == 2
    example = rendered["example"]
    assert not example.problems and example.h1 == "mini-patient-2"
    assert "<script" not in example.dom.split('class="narrative"', 1)[1].split("</div>", 1)[0]
    assert "Patient Two" in example.dom


def test_a_failed_check_is_reported(chromium: str, mini_ig: Path, tmp_path: Path):
    out = tmp_path / "output"
    publish(mini_ig, out, browser_check=False)
    wrong = browser.PageCheck("home", "index.html", "Another Title", "no-such-table")
    [rendered] = browser.render_pages(out, [wrong], tmp_path / "shots", chromium)
    assert rendered.h1 == "Mini Home"
    assert len(rendered.problems) == 2 and rendered.table_rows == 0
