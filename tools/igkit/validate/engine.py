"""Validating files: read, walk, collect issues. One `Validator` serves many files."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from igkit.validate.context import Context, Loc, Options, Run
from igkit.validate.definitions import Definitions
from igkit.validate.issues import Issue, IssueSink
from igkit.validate.model import ParseFailure


@dataclass
class FileResult:
    path: str
    issues: list[Issue]

    @property
    def error_count(self) -> int:
        return sum(1 for i in self.issues if i.is_error)


class Validator:
    def __init__(self, defs: Definitions, options: Options | None = None) -> None:
        self.ctx = Context(defs, options)

    def validate_file(self, path: Path) -> FileResult:
        name = str(path)
        sink = IssueSink(source=name)
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            sink.report("PARSE_FAILURE", f"Cannot read the file: {exc.strerror}")
            return FileResult(name, sink.sorted())
        return self.validate_bytes(data, name, xml=Path(path).suffix.lower() == ".xml")

    def validate_bytes(self, data: bytes, name: str = "", xml: bool | None = None) -> FileResult:
        from igkit.validate import reader
        from igkit.validate.resources import validate_resource

        sink = IssueSink(source=name)
        try:
            doc = reader.parse(data, self.ctx.defs, source=name, xml=xml)
        except ParseFailure as exc:
            sink.report_text(
                exc.message_id or "PARSE_FAILURE",
                exc.message,
                position=(exc.line, exc.column),
                severity="fatal",
                code="invalid",
            )
            return FileResult(name, sink.sorted())
        for problem in getattr(doc, "problems", None) or []:
            _path, line, col, message_id, message = problem
            sink.report_text(
                message_id, message, expression="", position=(line, col), severity="error", code="invalid"
            )
        run = Run(ctx=self.ctx, doc=doc, sink=sink)
        resource = doc.data
        if not isinstance(resource, dict):
            sink.report("Resource_Type_Missing")
            return FileResult(name, sink.sorted())
        rtype = resource.get("resourceType")
        loc = Loc((), rtype if isinstance(rtype, str) else "")
        try:
            validate_resource(run, resource, loc, None, self.ctx.options.profiles)
        except RecursionError:
            sink.report_text(
                "VALIDATION_TOO_DEEP",
                "The resource is nested too deeply to be validated",
                severity="fatal",
                code="too-costly",
            )
        except Exception as exc:  # a validator defect must not lose the other findings or the other files
            if os.environ.get("IGKIT_DEBUG"):
                raise
            sink.report_text(
                "VALIDATOR_INTERNAL_ERROR",
                f"Internal validator error ({type(exc).__name__}: {exc}); the resource was only "
                "partly validated. Set IGKIT_DEBUG=1 for a traceback.",
                severity="fatal",
                code="exception",
            )
        return FileResult(name, sink.sorted())
