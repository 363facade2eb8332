"""The one object passed between the publisher's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from igkit.publish.config import IgConfig
from igkit.publish.links import LinkResolver
from igkit.publish.loader import IgResource
from igkit.publish.markdown import MarkdownRenderer
from igkit.publish.validation import ValidationReport

PACKAGE_FILE = "package.tgz"
DEFINITIONS_ZIP = "definitions.json.zip"
QA_FOLDER = "qa"


@dataclass
class PublishContext:
    root: Path  # the project
    config: IgConfig
    resources: list[IgResource]
    links: LinkResolver
    validation: ValidationReport | None
    markdown: MarkdownRenderer = field(default_factory=MarkdownRenderer)

    @property
    def pagecontent(self) -> Path:
        return self.root / "input" / "pagecontent"

    def of_kind(self, *kinds: str) -> list[IgResource]:
        return [r for r in self.resources if r.kind in kinds]

    def page_text(self, name: str) -> str | None:
        """An author Markdown file from input/pagecontent, or None."""
        path = self.pagecontent / name
        return path.read_text(encoding="utf-8") if path.is_file() else None
