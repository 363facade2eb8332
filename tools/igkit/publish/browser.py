"""Open pages of the built site in headless Chromium and check what really renders.

Chromium runs once per page with `--dump-dom` (the DOM after rendering, on stdout) and
`--screenshot` together, with a throw-away profile folder and no network services. The
checks: the page title heading shows the expected text, and the tables a page must have
(element tables on a profile page, the concept table on a code system page) have rows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from igkit.errors import IgkitError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1280,1000",
)  # fmt: skip
TIMEOUT = 90  # seconds per page


@dataclass(frozen=True)
class PageCheck:
    label: str  # "home", "profile", "codesystem"
    page: str  # file name in the site
    title: str  # the expected <h1> text
    table_selector: str = ""  # CSS class of a table that must have body rows, e.g. "elements"


@dataclass
class Rendered:
    check: PageCheck
    dom: str
    screenshot: Path
    h1: str = ""
    table_rows: int = 0
    problems: list[str] = field(default_factory=list)


def find_chromium() -> str | None:
    explicit = os.environ.get("IGKIT_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _render(chromium: str, site: Path, check: PageCheck, shots: Path) -> Rendered:
    shot = shots / f"{check.label}.png"
    with tempfile.TemporaryDirectory(prefix="igkit-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}", "--dump-dom",
               (site / check.page).resolve().as_uri()]  # fmt: skip
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, check=False,
                                  env={**os.environ, "HOME": profile})  # fmt: skip
        except subprocess.TimeoutExpired:
            raise IgkitError(f"Chromium did not render {check.page} within {TIMEOUT} s.") from None
    rendered = Rendered(check, done.stdout.decode("utf-8", errors="replace"), shot)
    if done.returncode != 0 or not rendered.dom.strip():
        tail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()[-3:]
        rendered.problems.append(
            f"Chromium failed on {check.page} (exit {done.returncode}): {' | '.join(tail)}"
        )
        return rendered
    doc = lxml.html.document_fromstring(rendered.dom)
    heads = doc.xpath("//h1[@id='page-title']")
    rendered.h1 = heads[0].text_content().strip() if heads else ""
    if rendered.h1 != check.title:
        rendered.problems.append(
            f"{check.page}: the page title shows {rendered.h1!r}, expected {check.title!r}"
        )
    if check.table_selector:
        rows = doc.xpath(f"//table[contains(concat(' ', @class, ' '), ' {check.table_selector} ')]/tbody/tr")
        rendered.table_rows = len(rows)
        if not rows:
            rendered.problems.append(f"{check.page}: no rows in the {check.table_selector} table")
    if not shot.is_file() or shot.stat().st_size == 0:
        rendered.problems.append(f"{check.page}: Chromium wrote no screenshot")
    return rendered


def render_pages(
    site: Path, checks: list[PageCheck], shots: Path, chromium: str | None = None
) -> list[Rendered]:
    """Render each page (two at a time); screenshots go to `shots/<label>.png`."""
    chromium = chromium or find_chromium()
    if chromium is None:
        raise IgkitError(
            "Chromium is not installed (apt-get install -y chromium), so the browser check cannot run."
        )
    shots.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda c: _render(chromium, site, c, shots), checks))
