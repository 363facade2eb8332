"""FHIR JSON reader that keeps the source position of every value.

Public API::

    parse_json(data: bytes, source: str = "") -> Document
        Raises ParseFailure (message, line, column, message_id="ERROR_PARSING_JSON_") when the
        bytes are not a JSON object at all (bad UTF-8, syntax error, top level not an object,
        NaN/Infinity, nesting deeper than MAX_DEPTH).

    JsonProblem(path, line, col, message_id, message)   # NamedTuple, severity is always error
    MAX_DEPTH = 256

The result is plain data: dict, list, str, bool, None, int for integer literals and
decimal.Decimal (built from the literal text, so "1.50" keeps its two decimals) for the other
numbers. Integer literals too long for int() (more than 4300 digits) become Decimal.

Positions (``Document.positions``) follow the HL7 Java validator, so that line/column agree
with its OperationOutcomes (1-based; a tab counts as one column):

* a primitive or an array: the line where the value starts and the column just after its last
  character (``"birthDate": "x"`` -> the column after the closing quote);
* an object: the line of its ``{`` and the column just after the first non-blank character of
  that line (``"code": {`` -> the first letter of the name; ``{`` alone -> just after it).

Paths are tuples of keys as written in the JSON (including ``_birthDate``) and list indexes.

Like the Java validator's lenient reader, a few defects are recovered from and reported in
``Document.problems`` instead of failing (all severity error, message ids from the validator):
duplicate property names (DUPLICATE_JSON_PROPERTY; the first occurrence is kept, as Java
does; the problem path is the property's own path, located after a primitive value and at the
name for an object or array), comments (JSON_COMMENTS_NOT_ALLOWED), an extra comma before
``}`` or ``]`` (JSON_COMMA_EXTRA) and a missing comma between members or items
(JSON_COMMA_MISSING). A UTF-8 byte-order mark is accepted and skipped (columns are counted
after it). Strings may not contain unpaired UTF-16 surrogate escapes (ParseFailure).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from json.decoder import JSONDecodeError
from typing import Any, NamedTuple, cast

from igkit.validate.model import Document, ParseFailure, Path

try:  # the C string scanner json.decoder uses (typeshed declares it here only)
    from _json import scanstring
except ImportError:  # pragma: no cover - an interpreter without the C accelerator
    from json.decoder import py_scanstring as scanstring  # type: ignore[attr-defined,no-redef]

MAX_DEPTH = 256
PARSE_ERROR_ID = "ERROR_PARSING_JSON_"

# Patterns that match (possibly empty) at every offset: match() never returns None for them.
_MatchAlways = Callable[[str, int], re.Match[str]]
_ws_match = cast(_MatchAlways, re.compile(r"[ \t\n\r]*").match)
_indent_match = cast(_MatchAlways, re.compile(r"[ \t]*").match)
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_NUMBER_TAIL = re.compile(r"[0-9A-Za-z_.+\-]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OBJECT = -1  # marker: an object's column is derived from its line (see the module docstring)
_FIRST, _NEXT, _SEP = 0, 1, 2  # after an opening bracket / after a comma / after a value
_LITERALS = (("true", True), ("false", False), ("null", None))


class JsonProblem(NamedTuple):
    """A recovered defect in the JSON text (reported as an error issue)."""

    path: Path
    line: int
    col: int
    message_id: str
    message: str


def parse_json(data: bytes, source: str = "") -> Document:
    """Parse FHIR JSON bytes into a Document with positions and recovered problems."""
    text = _decode(data)
    return _Reader(text, source).read()


def _decode(data: bytes) -> str:
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ParseFailure(
            "Error parsing JSON: the content is encoded as UTF-16; FHIR JSON must be UTF-8",
            1,
            1,
            PARSE_ERROR_ID,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        raise ParseFailure(
            f"Error parsing JSON: the content is not valid UTF-8 (byte 0x{bad} cannot start or continue a character)",
            line,
            col,
            PARSE_ERROR_ID,
        ) from None


def _describe(ch: str) -> str:
    if not ch:
        return "the end of the content"
    if ch.isprintable() and not ch.isspace():
        return f"'{ch}'"
    return f"character U+{ord(ch):04X}"


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.text = text
        self.source = source
        self.n = len(text)
        self.spots: list[tuple[Path, int, int]] = []  # (path, offset for line, offset for column)
        self.problems: list[tuple[Path, int, str, str]] = []  # (path, offset, id, message)
        self._newlines: list[int] | None = None
        self._array_starts: dict[Path, int] = {}

    # -- positions -------------------------------------------------------------------------

    def _line_col(self, offset: int) -> tuple[int, int]:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        k = bisect_right(self._newlines, offset - 1)
        start = self._newlines[k - 1] + 1 if k else 0
        return k + 1, offset - start + 1

    def fail(self, offset: int, message: str) -> ParseFailure:
        line, col = self._line_col(min(offset, self.n))
        return ParseFailure(f"Error parsing JSON: {message}", line, col, PARSE_ERROR_ID)

    # -- lexing helpers --------------------------------------------------------------------

    def skip(self, i: int, path: Path | None) -> int:
        """Skip whitespace and (reported) comments."""
        text = self.text
        while True:
            i = _ws_match(text, i).end()
            if i < self.n and text[i] == "/":
                nxt = text[i + 1 : i + 2]
                if nxt == "/":
                    end = text.find("\n", i)
                    end = self.n if end < 0 else end
                elif nxt == "*":
                    close = text.find("*/", i + 2)
                    if close < 0:
                        raise self.fail(i, "a comment starting here is never closed with '*/'")
                    end = close + 2
                else:
                    return i
                self.problems.append(
                    (path or (), i, "JSON_COMMENTS_NOT_ALLOWED", "Comments are not allowed in JSON")
                )
                i = end
                continue
            return i

    def string(self, i: int) -> tuple[str, int]:
        """Read a string whose opening quote is at i; return (value, offset after it)."""
        try:
            value, end = scanstring(self.text, i + 1, True)
        except JSONDecodeError as exc:
            raise self.fail(exc.pos, self._string_problem(exc)) from None
        if self.text.find("\\u", i, end) >= 0 and _SURROGATE.search(value):
            raise self.fail(i, "a string contains an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF)")
        return value, end

    def _string_problem(self, exc: JSONDecodeError) -> str:
        if exc.msg.startswith("Unterminated"):
            return "a string starting here is not closed with '\"'"
        if exc.msg.startswith("Invalid control"):
            ch = self.text[exc.pos : exc.pos + 1]
            return (
                f"a string contains the control character U+{ord(ch):04X}; write it as an escape such as \\n"
            )
        if "uXXXX" in exc.msg:
            return "a string contains an invalid \\uXXXX escape"
        return 'a string contains an invalid escape (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'

    def scalar(self, i: int) -> tuple[Any, int]:
        """Read a number, true, false or null starting at i."""
        text = self.text
        ch = text[i]
        if ch == "-" or "0" <= ch <= "9":
            m = _NUMBER.match(text, i)
            if m is None or m.end() == i:
                if text.startswith("-Infinity", i):
                    raise self.fail(i, "-Infinity is not a valid JSON number")
                raise self.fail(i, "a number was expected")
            end = m.end()
            if end < self.n and _NUMBER_TAIL.match(text, end):
                raise self.fail(
                    i,
                    f"invalid number '{text[i : end + 1]}' (JSON numbers have no leading zeros, "
                    "and need digits after '.' and in the exponent)",
                )
            literal = text[i:end]
            if m.group(1) is None and m.group(2) is None:
                try:
                    return int(literal), end
                except ValueError:  # more digits than int() accepts
                    return Decimal(literal), end
            try:
                return Decimal(literal), end
            except InvalidOperation:
                raise self.fail(i, f"the number '{literal[:40]}' is out of range") from None
        for word, value in _LITERALS:
            if text.startswith(word, i):
                end = i + len(word)
                if end < self.n and (text[end].isalnum() or text[end] == "_"):
                    break
                return value, end
        for word in ("NaN", "Infinity"):
            if text.startswith(word, i):
                raise self.fail(i, f"{word} is not a valid JSON value")
        if ch == "'":
            raise self.fail(i, 'strings must be enclosed in double quotes (")')
        raise self.fail(
            i,
            f"a value (object, array, string, number, true, false or null) was expected, "
            f"but found {_describe(ch)}",
        )

    # -- the reader ------------------------------------------------------------------------

    def read(self) -> Document:
        text, n = self.text, self.n
        ws = _ws_match
        spots = self.spots
        array_starts = self._array_starts
        i = self.skip(0, ())
        if i >= n:
            raise self.fail(i, "the content is empty (a JSON object was expected)")
        if text[i] != "{":
            kind = {"[": "an array", '"': "a string"}.get(text[i], "a single value")
            raise self.fail(i, f"the content must be a JSON object (a FHIR resource), not {kind}")
        root: dict[str, Any] = {}
        spots.append(((), i, _OBJECT))
        # open containers: (container, path or None for a discarded duplicate, is_object)
        stack: list[tuple[Any, Path | None, bool]] = [(root, (), True)]
        i += 1
        state = _FIRST
        duplicate = -1  # index in self.problems of the duplicate property being read, if any
        value: Any
        while stack:
            container, cpath, is_obj = stack[-1]
            i = ws(text, i).end()
            if i < n and text[i] == "/":
                i = self.skip(i, cpath)
            if i >= n:
                raise self.fail(
                    i,
                    "unexpected end of the content: "
                    + ("'}'" if is_obj else "']'")
                    + " was expected to close the "
                    + ("object" if is_obj else "array"),
                )
            ch = text[i]
            if ch == ("}" if is_obj else "]"):
                if state == _NEXT:
                    kind = "Object" if is_obj else "Array"
                    self.problems.append(
                        (
                            cpath or (),
                            i,
                            "JSON_COMMA_EXTRA",
                            f"There is an extra comma at the end of the {kind} in the JSON",
                        )
                    )
                i += 1
                stack.pop()
                if not is_obj and cpath is not None:
                    # arrays: the line where they start, the column after ']'
                    spots.append((cpath, array_starts.pop(cpath, i), i))
                state = _SEP
                continue
            if state == _SEP:
                if ch == ",":
                    i += 1
                    state = _NEXT
                    continue
                if (is_obj and ch == '"') or (not is_obj and ch in '{["-0123456789tfn'):
                    self.problems.append(
                        (cpath or (), i, "JSON_COMMA_MISSING", "A Comma is missing in the JSON")
                    )
                else:
                    expected = "',' or '}'" if is_obj else "',' or ']'"
                    raise self.fail(i, f"{expected} was expected, but found {_describe(ch)}")
            # a member (object) or an item (array) starts here
            if is_obj:
                if ch != '"':
                    raise self.fail(
                        i, f"a property name in double quotes was expected, but found {_describe(ch)}"
                    )
                key_at = i
                key, i = self.string(i)
                i = ws(text, i).end()
                if i < n and text[i] == "/":
                    i = self.skip(i, cpath)
                if i >= n or text[i] != ":":
                    raise self.fail(
                        i,
                        f"':' was expected after the property name \"{key[:60]}\", "
                        f"but found {_describe(text[i : i + 1])}",
                    )
                i = ws(text, i + 1).end()
                if i < n and text[i] == "/":
                    i = self.skip(i, cpath)
                if i >= n:
                    raise self.fail(i, f'a value was expected for the property "{key[:60]}"')
                if cpath is None:
                    path = None
                elif key in container:
                    # reported where Java reports it: after a primitive value, at the name otherwise
                    duplicate = len(self.problems)
                    self.problems.append(
                        (
                            cpath + (key,),
                            key_at + 1,
                            "DUPLICATE_JSON_PROPERTY",
                            f"The JSON property '{key}' is a duplicate and will be ignored",
                        )
                    )
                    path = None
                else:
                    path = cpath + (key,)
            else:
                key = None
                path = None if cpath is None else cpath + (len(container),)
            ch = text[i]
            start = i
            if ch == '"':
                value, i = self.string(i)
                state = _SEP
            elif ch == "{" or ch == "[":
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(i, f"the content is nested more than {MAX_DEPTH} levels deep")
                value = {} if ch == "{" else []
                i += 1
                state = _FIRST
            else:
                value, i = self.scalar(i)
                state = _SEP
            # store: a duplicate inside a kept object is dropped; in a discarded one anything goes
            if key is None:
                container.append(value)
            elif path is not None:
                container[key] = value
            elif cpath is None:
                container.setdefault(key, value)
            elif duplicate >= 0:
                if state == _SEP:
                    dpath, _, did, dmessage = self.problems[duplicate]
                    self.problems[duplicate] = (dpath, i, did, dmessage)
                duplicate = -1
            if state == _FIRST:
                is_child_obj = ch == "{"
                if path is not None:
                    if is_child_obj:
                        spots.append((path, start, _OBJECT))
                    else:
                        array_starts[path] = start
                stack.append((value, path, is_child_obj))
            elif path is not None:
                spots.append((path, start, i))
        i = self.skip(i, ())
        if i < n:
            raise self.fail(i, f"unexpected content after the end of the JSON object: {_describe(text[i])}")
        return self._document(root)

    def _document(self, root: dict) -> Document:
        positions: dict[Path, tuple[int, int]] = {}
        lc = self._line_col
        text = self.text
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", text)]
        newlines = self._newlines
        last = len(newlines)
        for path, line_at, col_at in self.spots:
            k = bisect_right(newlines, line_at - 1)
            line_start = newlines[k - 1] + 1 if k else 0
            if col_at == _OBJECT:
                # the column after the first character of the line the object starts on
                positions[path] = (k + 1, _indent_match(text, line_start).end() - line_start + 2)
            elif k == last or col_at <= newlines[k]:  # ends on the line it starts on
                positions[path] = (k + 1, col_at - line_start + 1)
            else:
                positions[path] = (k + 1, lc(col_at)[1])
        problems = []
        for path, at, message_id, message in self.problems:
            line, col = lc(at)
            problems.append(JsonProblem(path, line, col, message_id, message))
        return Document(data=root, positions=positions, format="json", source=self.source, problems=problems)
