"""Checks of FHIR R4 primitive values, mirroring the HL7 Java validator (InstanceValidator.checkPrimitive).

Public API::

    check_primitive(type_code: str, value: Any, raw: str | None = None,
                    ctx: PrimitiveContext | None = None) -> list[PrimitiveIssue]
    check_resource_id(value: Any) -> list[PrimitiveIssue]      # Resource.id rules
    PrimitiveIssue(message_id, message, severity, code="invalid")   # frozen dataclass
    PrimitiveContext(source_format="json", has_extensions=False, base_path="",
                     core_definition=True, max_length=None)    # frozen dataclass
    PRIMITIVE_TYPES: frozenset[str]                            # the type codes checked here

`value` is the parsed value: for JSON what ``jsonparse`` produced (bool, int, Decimal, str,
None when only ``_name`` is present; a dict or list is reported as not a simple value); for XML
(``source_format="xml"``) the attribute text or whatever the XML reader normalised it to.
`raw` is the literal text of a JSON number when the caller has it (``"1.50"``, ``"1e3"``); by
default the text is derived from `value`. An empty list means the value is valid.

Severities are the Java validator's: ``rule`` -> "error", ``warning`` -> "warning", ``hint`` ->
"information". `code` is the OperationOutcome issue type. Message ids are the keys of the Java
validator's Messages.properties (e.g. Type_Specific_Checks_DT_Date_Valid); the message texts are
our own renderings of those messages with their parameters filled in (the table is in
primitives_messages.py).

The JSON type checks of the Java JSON reader come first (a date given as a number, a number
given as a string: "Error parsing JSON: the primitive value must be a string/number/boolean",
error) and checking then continues on the value's text, as in Java. Not done here (the element
walker's job, because they need the profile or other resources): fixed/pattern values, bindings,
minValue/maxValue, profile regex extensions, URL/canonical resolution, xhtml, bi-di controls.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from igkit.validate.primitives_messages import ERROR, PrimitiveIssue
from igkit.validate.primitives_messages import issue as _issue
from igkit.validate.values import NUMBER_TYPES as _NUMBER_TYPES
from igkit.validate.values import PRIMITIVES as PRIMITIVE_TYPES


@dataclass(frozen=True)
class PrimitiveContext:
    """What the walker knows about the element holding the value."""

    source_format: str = "json"  # "json" or "xml": the JSON type checks apply to JSON only
    has_extensions: bool = False  # the primitive has an id or extensions (`_name` in JSON)
    base_path: str = ""  # ElementDefinition.base.path, e.g. "Resource.id" (exempt from the id check)
    core_definition: bool = True  # the profile is a core FHIR definition (date/time rules apply)
    max_length: int | None = None  # ElementDefinition.maxLength, if any


_DEFAULT = PrimitiveContext()

_URI_TYPES = frozenset({"uri", "url", "canonical", "oid", "uuid"})

# The value regexes of the R4 primitive StructureDefinitions (checked last, only when nothing else
# failed, as Java does). Java's \s is [ \t\n\x0B\f\r]; Python's is wider, so spell it out.
_JWS = r" \t\n\x0b\f\r"
_TYPE_REGEX: dict[str, str] = {
    "boolean": r"true|false",
    "integer": r"-?([0]|([1-9][0-9]*))",
    "positiveInt": r"[1-9][0-9]*",
    "unsignedInt": r"[0]|([1-9][0-9]*)",
    "decimal": r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?",
    "string": r"[ \r\n\t\S]+",
    "code": r"[^\s]+(\s[^\s]+)*",
    "uri": r"\S*",
    "url": r"\S*",
    "canonical": r"\S*",
    "oid": r"urn:oid:[0-2](\.(0|[1-9][0-9]*))+",
    "uuid": r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    "instant": r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))",
    "date": r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?",
    "dateTime": r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?",
    "time": r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?",
}
_TYPE_REGEX_EXEMPT = frozenset({"id", "base64Binary", "markdown"})


# The same expressions in Python syntax with Java's \s and \S (for the types that use them).
_PYTHON_FORM = {
    "string": r"[^\x0b\f]+",  # [ \r\n\t\S]+ : anything but the two other Java whitespace characters
    "code": rf"[^{_JWS}]+([{_JWS}][^{_JWS}]+)*",
    "uri": rf"[^{_JWS}]*",
    "url": rf"[^{_JWS}]*",
    "canonical": rf"[^{_JWS}]*",
}
_COMPILED_TYPE_REGEX = {k: re.compile(_PYTHON_FORM.get(k, v)) for k, v in _TYPE_REGEX.items()}

# The validator's own (looser) format checks, which come first and carry the specific messages.
_DATE = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?"
)
_DATETIME = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?"
)
_INSTANT = re.compile(
    r"-?[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
    r"(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))"
)
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)")  # Java: no fractional seconds here
_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_OID = re.compile(r"[0-2](\.(0|[1-9][0-9]*))+")
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*")
_MARKDOWN_TAG = re.compile(r"<[A-Za-z/!?]")
_YEAR_RANGE = (1800, 2100)
_MAX_STRING = 1048576

# Character.isWhitespace in Java: the ASCII controls 9-13 and 28-31, and the Unicode space,
# line and paragraph separators except the non-breaking ones.
_JAVA_WHITESPACE = frozenset(
    "\t\n\x0b\f\r\x1c\x1d\x1e\x1f \u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
    "\u2028\u2029\u205f\u3000"
)


def _is_ws(ch: str) -> bool:
    return ch in _JAVA_WHITESPACE


def _trim_ws(s: str) -> str:
    start, end = 0, len(s)
    while start < end and _is_ws(s[start]):
        start += 1
    while end > start and _is_ws(s[end - 1]):
        end -= 1
    return s[start:end]


def _escape_json(s: str) -> str:
    out = []
    for ch in s:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _is_integer32(s: str) -> bool:
    digits = s.removeprefix("-")
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    return -2147483648 <= int(s) <= 2147483647


def _decimal_status(s: str) -> str:
    """Utilities.checkDecimal(value, allowExponent=true, allowLeadingZero=false): OK, RANGE or SYNTAX."""
    if not s.strip():
        return "SYNTAX"
    for sign in ("", "-", "+"):
        zero = sign + "0"
        if s.startswith(zero) and s != zero and not s.startswith(zero + "."):
            return "SYNTAX"
    if s.endswith("."):
        return "SYNTAX"
    have_period = have_exponent = have_sign = have_digits = False
    pre = post = exp_len = length = 0
    for ch in s:
        if ch == ".":
            if not have_digits or have_period or have_exponent:
                return "SYNTAX"
            have_period, pre, length = True, length, 0
        elif ch in "+-":
            if have_digits or have_sign:
                return "SYNTAX"
            have_sign = True
        elif ch in "eE":
            if not have_digits or have_exponent:
                return "SYNTAX"
            have_exponent, have_sign, have_digits = True, False, False
            if have_period:
                post = length
            else:
                pre = length
            length = 0
        elif "0" <= ch <= "9":
            have_digits = True
            length += 1
        else:
            return "SYNTAX"
    if have_exponent and not have_digits:
        return "SYNTAX"
    if have_exponent:
        exp_len = length
    elif have_period:
        post = length
    else:
        pre = length
    if exp_len > 4 or pre + post > 18:
        return "RANGE"
    return "OK"


def _is_absolute_url(url: str) -> bool:
    if ":" not in url:
        return False
    scheme, _, details = url.partition(":")
    return bool(_SCHEME.fullmatch(scheme)) and bool(details) and " " not in details


def _passes_code_whitespace(s: str) -> bool:
    if not s or _is_ws(s[0]) or _is_ws(s[-1]):
        return False
    previous_ws = False
    for ch in s:
        if _is_ws(ch):
            if ch != " " or previous_ws:
                return False
            previous_ws = True
        else:
            previous_ws = False
    return True


def _base64_valid(s: str) -> bool:
    """Base64Util.isValidBase64 of the Java validator: deliberately loose, it only counts the
    letters, digits and '+/=' (other characters are ignored) and wants a multiple of four."""
    count = sum(1 for ch in s if ch.isalnum() or ch in "+/=")
    return count % 4 == 0


def _real_date(text: str) -> bool:
    """Whether the calendar date part (if complete) exists, e.g. not 2023-02-30."""
    m = re.match(r"-?([0-9]{4})-([0-9]{2})-([0-9]{2})", text)
    if not m:
        return True
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(max(year, 1), month)[1]


def _year_reasonable(text: str) -> bool:
    m = re.match(r"[0-9]{4}", text)
    return m is not None and _YEAR_RANGE[0] <= int(m.group(0)) <= _YEAR_RANGE[1]


def _has_time_zone(text: str) -> bool:
    tail = text[10:]
    return len(text) > 10 and ("-" in tail or "+" in tail or "Z" in tail)


def _text_of(value: Any, raw: str | None) -> str:
    if raw is not None:
        return raw
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def _json_type_issue(type_code: str, value: Any) -> PrimitiveIssue | None:
    if type_code == "boolean":
        wrong, kind = not isinstance(value, bool), "boolean"
    elif type_code in _NUMBER_TYPES:
        wrong, kind = isinstance(value, bool) or not isinstance(value, (int, float, Decimal)), "number"
    else:
        wrong, kind = not isinstance(value, str), "string"
    return _issue(f"Error_parsing_JSON_the_primitive_value_must_be_a_{kind}") if wrong else None


def check_resource_id(value: Any) -> list[PrimitiveIssue]:
    """The Resource.id rules (Resource_RES_ID_Malformed_Length / _Chars), as the Java validator."""
    if not isinstance(value, str):
        return []
    if len(value) > 64:
        return [_issue("Resource_RES_ID_Malformed_Length", len(value))]
    if not re.fullmatch(r"[A-Za-z0-9\-.]+", value):
        return [_issue("Resource_RES_ID_Malformed_Chars", value)]
    return []


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters other than tab, CR, LF


def check_primitive(
    type_code: str, value: Any, raw: str | None = None, ctx: PrimitiveContext | None = None
) -> list[PrimitiveIssue]:
    """Check one primitive value of FHIR type `type_code`; [] when it is valid."""
    if type_code not in PRIMITIVE_TYPES:
        return []
    ctx = ctx or _DEFAULT
    if isinstance(value, (dict, list)):
        return [
            _issue(
                "This_property_must_be_an_simple_value_not_",
                "an Object" if isinstance(value, dict) else "an Array",
            )
        ]
    if value is None:
        return [] if ctx.has_extensions else [_issue("Type_Specific_Checks_DT_Primitive_ValueExt")]
    issues: list[PrimitiveIssue] = []
    if ctx.source_format == "json":
        json_issue = _json_type_issue(type_code, value)
        if json_issue:
            issues.append(json_issue)

    text = _text_of(value, raw)
    if text == "" or all(_is_ws(ch) for ch in text):
        if not ctx.has_extensions:
            empty = text == ""
            issues.append(
                _issue(
                    "Type_Specific_Checks_DT_Primitive_NotEmpty"
                    if empty
                    else "Type_Specific_Checks_DT_Primitive_WS"
                )
            )
        return issues

    bad = (
        sorted({f"{ord(ch):x}" for ch in text if ord(ch) < 32 and ch not in "\r\n\t"})
        if _CONTROL.search(text)
        else None
    )
    if bad:
        plural = "UNICODE_XML_BAD_CHARS_one" if len(bad) == 1 else "UNICODE_XML_BAD_CHARS_other"
        issues.append(_issue(plural, "[" + ", ".join(bad) + "]"))

    before = len(issues)
    _type_specific(type_code, text, ctx, issues)
    regex = _COMPILED_TYPE_REGEX.get(type_code)
    if (
        regex is not None
        and type_code not in _TYPE_REGEX_EXEMPT
        and not any(i.severity == ERROR for i in issues[before:])
        and not regex.fullmatch(text)
    ):
        issues.append(
            _issue("Type_Specific_Checks_DT_Primitive_Regex_Type", text, type_code, _TYPE_REGEX[type_code])
        )
    return issues


def _max_length(text: str, ctx: PrimitiveContext, issues: list[PrimitiveIssue]) -> None:
    if ctx.max_length and len(text) > ctx.max_length:
        issues.append(_issue("Type_Specific_Checks_DT_Primitive_Length", ctx.max_length))


def _type_specific(type_code: str, text: str, ctx: PrimitiveContext, issues: list[PrimitiveIssue]) -> None:
    add = issues.append
    if type_code == "boolean":
        if text not in ("true", "false"):
            add(_issue("Type_Specific_Checks_DT_Boolean_Value"))
    elif type_code in _URI_TYPES:
        _check_uri(type_code, text, ctx, issues)
    elif type_code == "id":
        if ctx.base_path not in ("Resource.id", "ElementDefinition.id") and not _ID.fullmatch(text):
            add(_issue("Type_Specific_Checks_DT_ID_Valid", text))
    elif type_code == "string":
        if _trim_ws(text) != text:
            add(_issue("Type_Specific_Checks_DT_String_WS", _escape_json(text)))
        if len(text) > _MAX_STRING:
            add(_issue("Type_Specific_Checks_DT_String_Length"))
        else:
            _max_length(text, ctx, issues)
    elif type_code == "dateTime":
        _check_date_like(
            text,
            ctx,
            issues,
            _DATETIME,
            "Type_Specific_Checks_DT_DateTime_Valid",
            check_tz=ctx.core_definition,
            year_rule=True,
        )
    elif type_code == "date":
        _check_date_like(
            text,
            ctx,
            issues,
            _DATE,
            "Type_Specific_Checks_DT_Date_Valid",
            check_tz=False,
            year_rule=ctx.core_definition,
        )
    elif type_code == "instant":
        if not _INSTANT.fullmatch(text):
            add(_issue("Type_Specific_Checks_DT_DateTime_Regex", text))
        elif not _real_date(text):
            add(_issue("Type_Specific_Checks_DT_Instant_Valid", text))
        elif ctx.core_definition and not _year_reasonable(text):
            add(_issue("Type_Specific_Checks_DT_DateTime_Reasonable", text))
    elif type_code == "time":
        if not _TIME.fullmatch(text):
            add(_issue("Type_Specific_Checks_DT_Time_Valid", text))
    elif type_code == "base64Binary":
        if not _base64_valid(text):
            add(_issue("Type_Specific_Checks_DT_Base64_Valid", text if len(text) < 100 else "(snip)"))
        elif any(_is_ws(ch) for ch in text):
            add(_issue("TYPE_SPECIFIC_CHECKS_DT_BASE64_NO_WS_WARNING"))
    elif type_code in ("integer", "unsignedInt", "positiveInt"):
        if not _is_integer32(text):
            add(_issue("Type_Specific_Checks_DT_Integer_Valid", text))
        elif type_code == "unsignedInt" and int(text) < 0:
            add(_issue("Type_Specific_Checks_DT_Integer_LT0"))
        elif type_code == "positiveInt" and int(text) <= 0:
            add(_issue("Type_Specific_Checks_DT_Integer_LT1"))
    elif type_code == "decimal":
        status = _decimal_status(text)
        if status != "OK":
            add(
                _issue(
                    "Type_Specific_Checks_DT_Decimal_Valid"
                    if status == "SYNTAX"
                    else "Type_Specific_Checks_DT_Decimal_Range",
                    text,
                )
            )
    elif type_code == "code":
        if not _passes_code_whitespace(text):
            add(_issue("Type_Specific_Checks_DT_Code_WS", text))
        _max_length(text, ctx, issues)
    elif type_code == "markdown":
        m = _MARKDOWN_TAG.search(text)
        if m:
            add(_issue("TYPE_SPECIFIC_CHECKS_DT_MARKDOWN_HTML", text[m.start() : m.start() + 2]))


def _check_date_like(
    text: str,
    ctx: PrimitiveContext,
    issues: list[PrimitiveIssue],
    pattern: re.Pattern[str],
    message_id: str,
    *,
    check_tz: bool,
    year_rule: bool,
) -> None:
    ok = True
    if not pattern.fullmatch(text):
        issues.append(_issue(message_id, text))
        ok = False
    if check_tz and "T" in text and not _has_time_zone(text):
        issues.append(_issue("Type_Specific_Checks_DT_DateTime_TZ"))
        ok = False
    before = len(issues)
    _max_length(text, ctx, issues)
    if ok and len(issues) == before:
        if not _real_date(text):
            issues.append(_issue(message_id, text))
        elif year_rule and not _year_reasonable(text):
            issues.append(_issue("Type_Specific_Checks_DT_DateTime_Reasonable", text))


def _check_uri(type_code: str, url: str, ctx: PrimitiveContext, issues: list[PrimitiveIssue]) -> None:
    add = issues.append
    if url.startswith("oid:"):
        add(_issue("Type_Specific_Checks_DT_URI_OID"))
    if url.startswith("uuid:"):
        add(_issue("Type_Specific_Checks_DT_URI_UUID"))
    if url != _trim_ws(url).replace(" ", ""):
        add(_issue("Type_Specific_Checks_DT_URI_WS", url))
    _max_length(url, ctx, issues)
    if type_code == "oid" and not url.startswith("urn:oid:"):
        add(_issue("Type_Specific_Checks_DT_OID_Start"))
    if type_code == "uuid" and not url.startswith("urn:uuid:"):
        add(_issue("Type_Specific_Checks_DT_UUID_Strat"))
    if type_code == "canonical" and not (url.startswith("#") or _is_absolute_url(url)):
        add(_issue("TYPE_SPECIFIC_CHECKS_CANONICAL_ABSOLUTE", url))
    if url.startswith("urn:uuid:"):
        s = url.split("#", 1)[0]
        if type_code == "canonical" and "|" in s:
            s = s[: s.rindex("|")]
        s = s[9:]
        if not _UUID.fullmatch(s):
            add(_issue("Type_Specific_Checks_DT_UUID_Valid", s))
    if url.startswith("urn:oid:"):
        cc = url[8:]
        if not (_OID.fullmatch(cc) and (cc.rfind(".") >= 4 or cc.startswith("1.3"))):
            add(_issue("Type_Specific_Checks_DT_OID_Valid", cc))
