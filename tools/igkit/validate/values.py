"""Small facts about FHIR values: primitive types, choice-type suffixes, fixed and pattern matching."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

PRIMITIVES = frozenset(
    {
        "boolean",
        "integer",
        "integer64",
        "string",
        "decimal",
        "uri",
        "url",
        "canonical",
        "base64Binary",
        "instant",
        "date",
        "dateTime",
        "time",
        "code",
        "oid",
        "id",
        "markdown",
        "unsignedInt",
        "positiveInt",
        "uuid",
        "xhtml",
    }
)
# The R4 complex datatypes that can appear as a choice type's suffix.
DATATYPES = frozenset(
    {
        "Address",
        "Age",
        "Annotation",
        "Attachment",
        "CodeableConcept",
        "Coding",
        "ContactPoint",
        "Count",
        "Distance",
        "Duration",
        "HumanName",
        "Identifier",
        "Money",
        "Period",
        "Quantity",
        "Range",
        "Ratio",
        "Reference",
        "SampledData",
        "Signature",
        "Timing",
        "ContactDetail",
        "Contributor",
        "DataRequirement",
        "Expression",
        "ParameterDefinition",
        "RelatedArtifact",
        "TriggerDefinition",
        "UsageContext",
        "Dosage",
        "Meta",
    }
)
NUMBER_TYPES = frozenset({"integer", "integer64", "decimal", "unsignedInt", "positiveInt"})


def as_list(value: Any) -> list:
    """`value` when it is a JSON array, else an empty list (for walking untrusted instance data)."""
    return value if isinstance(value, list) else []


def is_primitive(type_code: str) -> bool:
    return type_code in PRIMITIVES


def json_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float, Decimal)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def expected_json_kind(type_code: str) -> str:
    if type_code == "boolean":
        return "boolean"
    if type_code in NUMBER_TYPES and type_code != "integer64":
        return "number"
    return "string"


def choice_suffix(type_code: str) -> str:
    """`valueString`'s suffix for type `string`: the code with its first letter upper-cased."""
    return type_code[:1].upper() + type_code[1:]


def choice_type(base: str, key: str, allowed: list[str]) -> str | None:
    """The type of a choice element's JSON key (`valueQuantity` -> `Quantity`), or None."""
    if not key.startswith(base) or len(key) == len(base):
        return None
    suffix = key[len(base) :]
    for code in allowed:
        if choice_suffix(code) == suffix:
            return code
    return None


def fixed_value(ed: dict, prefix: str) -> tuple[str, Any] | None:
    """(type suffix, value) of `fixed[x]` or `pattern[x]` on an element definition."""
    for key, value in ed.items():
        if key.startswith(prefix) and len(key) > len(prefix) and key[len(prefix)].isupper():
            return key[len(prefix) :], value
    return None


def equal(a: Any, b: Any) -> bool:
    """Exact equality of JSON-shaped values (numbers compared by value)."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = {k for k in a if not k.startswith("fhir_comments")} | {
            k for k in b if not k.startswith("fhir_")
        }
        return all(k in a and k in b and equal(a[k], b[k]) for k in keys)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal)):
        return Decimal(a) == Decimal(b)
    return a == b


def matches_pattern(value: Any, pattern: Any) -> bool:
    """True when `value` has at least every part of `pattern` (arrays: each pattern item is matched
    by some item of the value)."""
    if isinstance(pattern, dict):
        if not isinstance(value, dict):
            return False
        return all(k in value and matches_pattern(value[k], pv) for k, pv in pattern.items())
    if isinstance(pattern, list):
        items = value if isinstance(value, list) else [value]
        return all(any(matches_pattern(v, p) for v in items) for p in pattern)
    return equal(value, pattern)


def render(value: Any) -> str:
    """A short display of a value for messages."""
    import json

    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    return json.dumps(value, default=str, separators=(",", ":"))
