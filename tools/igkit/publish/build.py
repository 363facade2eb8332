"""`publish()`: the whole build, from the project's sources to a finished output folder.

The site is built in a temporary folder beside the output folder, checked (links, then the
browser), and only then renamed into place, so a failed build leaves the old output as it was.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError
from igkit.fsutil import atomic_directory
from igkit.project import Project, package_cache
from igkit.publish import browser
from igkit.publish.config import read_config
from igkit.publish.context import QA_FOLDER, PublishContext
from igkit.publish.linkcheck import LinkReport, check_site
from igkit.publish.links import LinkResolver
from igkit.publish.loader import load_resources
from igkit.publish.site import SiteBuilder, home_title
from igkit.publish.validation import load_validation

MAX_LISTED = 15


@dataclass
class PublishResult:
    output: Path
    pages: int = 0
    resources: int = 0
    packaged: int = 0
    links: LinkReport | None = None
    rendered: list[browser.Rendered] = field(default_factory=list)
    browser_note: str = ""
    validation_source: str = ""
    seconds: float = 0.0


def _summarize(links: LinkReport) -> str:
    """Broken links grouped by target, so a bad menu entry (on every page) is one line."""
    groups: dict[tuple[str, str], list[str]] = {}
    for b in links.broken:
        groups.setdefault((b.href, b.reason), []).append(b.page)
    parts = []
    for (href, reason), pages in list(groups.items())[:MAX_LISTED]:
        where = ", ".join(sorted(pages)[:3]) + (f" and {len(pages) - 3} more pages" if len(pages) > 3 else "")
        parts.append(f"{href} ({reason}) on {where}")
    more = f"; and {len(groups) - MAX_LISTED} more" if len(groups) > MAX_LISTED else ""
    return "; ".join(parts) + more


def make_context(root: Path, report: Path | None = None) -> PublishContext:
    project = Project(root)
    config = read_config(project.config(), str(project.config_path))
    if not project.generated.is_dir():
        raise IgkitError(
            f"{project.generated} does not exist: the FSH sources have not been compiled. "
            "Run `igkit compile` (or `make compile`) first, then `igkit publish`."
        )
    resources = load_resources(root)
    links = LinkResolver(config, resources, package_cache())
    examples = [r for r in resources if r.is_example]
    validation = load_validation(root, examples, report)
    return PublishContext(root=root, config=config, resources=resources, links=links, validation=validation)


def browser_checks(ctx: PublishContext) -> list[browser.PageCheck]:
    checks = [browser.PageCheck("home", "index.html", home_title(ctx))]
    profiles = ctx.of_kind("profile")
    if profiles:
        checks.append(browser.PageCheck("profile", profiles[0].page, profiles[0].title, "elements"))
    codesystems = ctx.of_kind("codesystem")
    if codesystems:
        checks.append(browser.PageCheck("codesystem", codesystems[0].page, codesystems[0].title, "concepts"))
    return checks


def publish(root: Path, output: Path | None = None, report: Path | None = None,
            browser_check: bool = True) -> PublishResult:  # fmt: skip
    started = time.monotonic()
    ctx = make_context(root, report)
    output = output or Project(root).output
    result = PublishResult(output=output, resources=len(ctx.resources),
                           packaged=sum(1 for r in ctx.resources if r.packaged))  # fmt: skip
    result.validation_source = ctx.validation.source if ctx.validation else ""
    with atomic_directory(output) as tmp:
        SiteBuilder(ctx, tmp).build()
        links = check_site(tmp)
        result.links, result.pages = links, links.pages
        if links.broken:
            raise IgkitError(
                f"The site has {len(links.broken)} broken internal link(s): {_summarize(links)}. Fix the links in "
                "input/pagecontent or sushi-config.yaml (menu) so that they name generated pages "
                "(<ResourceType>-<id>.html, artifacts.html, ...).",
                exit_code=1,
            )
        if browser_check:
            chromium = browser.find_chromium()
            if chromium is None:
                result.browser_note = (
                    "browser check skipped: Chromium is not installed (apt-get install -y chromium)"
                )
            else:
                result.rendered = browser.render_pages(tmp, browser_checks(ctx), tmp / QA_FOLDER, chromium)
                problems = [p for r in result.rendered for p in r.problems]
                if problems:
                    raise IgkitError("The browser check failed: " + "; ".join(problems), exit_code=1)
    result.seconds = time.monotonic() - started
    return result
