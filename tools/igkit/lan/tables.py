"""Reading a worksheet (CSV, or the first sheet of an .xlsx) as rows that know their line number."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from igkit.errors import IgkitError


class InputError(IgkitError):
    """A problem in an input file, reported as `FILE:LINE: what is wrong and what was expected`."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line


@dataclass(frozen=True)
class Row:
    line: int
    cells: dict[str, object] = field(default_factory=dict)

    def get(self, column: str) -> object:
        return self.cells.get(column)


@dataclass(frozen=True)
class Table:
    path: Path
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def error(self, line: int | None, message: str) -> InputError:
        return InputError(self.path, line, message)


def normalize_header(name: object) -> str:
    return str(name or "").strip().lower().replace(" ", "_").replace("-", "_")


def read_table(path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> Table:
    """The rows of `path`; header names are compared case-insensitively, `-`/space as `_`.

    A required column that is missing, an unknown or repeated column, is an error on line 1.
    Blank rows are skipped.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, None, "no such file; give the path of a .csv or .xlsx worksheet")
    raw_rows = list(_xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path))
    if not raw_rows:
        raise InputError(path, 1, f"the file is empty; expected a header line {','.join(required)}")
    header_line, header = raw_rows[0]
    names = [normalize_header(h) for h in header]
    while names and not names[-1]:
        names.pop()
    known = set(required) | set(optional)
    for name in names:
        if name not in known:
            raise InputError(
                path,
                header_line,
                f"unknown column {name!r}; expected the columns {', '.join(required + optional)}",
            )
        if names.count(name) > 1:
            raise InputError(path, header_line, f"column {name!r} appears twice")
    missing = [c for c in required if c not in names]
    if missing:
        raise InputError(
            path,
            header_line,
            f"missing column(s) {', '.join(missing)}; the header must be {','.join(required)}",
        )
    rows: list[Row] = []
    for line, values in raw_rows[1:]:
        if all(_blank(v) for v in values):
            continue
        extra = [v for v in values[len(names) :] if not _blank(v)]
        if extra:
            raise InputError(
                path,
                line,
                f"{len(names) + len(extra)} values but the header has {len(names)} "
                "columns; remove the extra values or quote values that contain commas",
            )
        if len(values) < len(names):
            absent = ", ".join(names[len(values) :])
            raise InputError(
                path,
                line,
                f"{len(values)} values but the header has {len(names)} columns; "
                f"missing {absent} (leave a cell empty with a comma)",
            )
        rows.append(Row(line, dict(zip(names, values))))
    return Table(path, tuple(names), tuple(rows))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _csv_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, None, f"not UTF-8 text ({exc.reason}); save the worksheet as CSV UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for values in reader:
            yield line, list(values)
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(path, line, f"malformed CSV ({exc})") from None


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list[object]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise InputError(path, None, "reading .xlsx needs openpyxl; pip install openpyxl") from None
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(path, None, f"cannot read the workbook ({exc}); save it as .xlsx or CSV") from None
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    finally:
        book.close()
