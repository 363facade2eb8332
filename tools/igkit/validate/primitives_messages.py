"""The messages of the primitive checks (primitives.py): id -> text, severity and issue type.

    PrimitiveIssue(message_id, message, severity, code="invalid")   # frozen dataclass
    MESSAGES: dict[str, tuple[str, str, str]]     # message id -> (template, severity, issue type)
    issue(message_id, *args) -> PrimitiveIssue    # the rendered issue for a message id

Ids are the keys of the HL7 Java validator's Messages.properties; the texts are our own
renderings with {0}.. parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFORMATION = "error", "warning", "information"


@dataclass(frozen=True)
class PrimitiveIssue:
    message_id: str
    message: str
    severity: str  # "error" | "warning" | "information"
    code: str = "invalid"  # OperationOutcome.issue.code


MESSAGES: dict[str, tuple[str, str, str]] = {
    # message id: (text with {0}.. parameters, severity, issue type)
    "Error_parsing_JSON_the_primitive_value_must_be_a_boolean": (
        "Error parsing JSON: the primitive value must be a boolean",
        ERROR,
        "invalid",
    ),
    "Error_parsing_JSON_the_primitive_value_must_be_a_number": (
        "Error parsing JSON: the primitive value must be a number",
        ERROR,
        "invalid",
    ),
    "Error_parsing_JSON_the_primitive_value_must_be_a_string": (
        "Error parsing JSON: the primitive value must be a string",
        ERROR,
        "invalid",
    ),
    "This_property_must_be_an_simple_value_not_": (
        "This property must be a simple value, not {0}",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Primitive_ValueExt": (
        "Primitive types must have a value or must have child extensions",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Primitive_NotEmpty": ("value cannot be empty", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Primitive_WS": (
        "Primitive types should not only be whitespace",
        WARNING,
        "invalid",
    ),
    "UNICODE_XML_BAD_CHARS_one": (
        (
            "This content includes the character {0} (hex value). This character is illegal in the XML version of "
            "FHIR, and there is generally no valid use for such characters"
        ),
        WARNING,
        "invalid",
    ),
    "UNICODE_XML_BAD_CHARS_other": (
        (
            "This content includes the characters {0} (hex values). These characters are illegal in the XML version "
            "of FHIR, and there is generally no valid use for such characters"
        ),
        WARNING,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Primitive_Regex_Type": (
        "Element value '{0}' does not meet {1} regex '{2}'",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Primitive_Length": (
        "value is longer than permitted maximum length of {0}",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Boolean_Value": ("Boolean values must be 'true' or 'false'", ERROR, "invalid"),
    "Type_Specific_Checks_DT_ID_Valid": ("id value '{0}' is not valid", ERROR, "invalid"),
    "Type_Specific_Checks_DT_String_WS": (
        "value should not start or finish with whitespace '{0}'",
        WARNING,
        "invalid",
    ),
    "Type_Specific_Checks_DT_String_Length": (
        "value is longer than permitted maximum length of 1 MB (1048576 bytes)",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_DateTime_Valid": ("Not a valid date/time format: '{0}'", ERROR, "invalid"),
    "Type_Specific_Checks_DT_DateTime_TZ": (
        "If a date has a time, it must have a timezone",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_DateTime_Reasonable": (
        "The value '{0}' is outside the range of reasonable years - check for data entry error",
        WARNING,
        "invalid",
    ),
    "Type_Specific_Checks_DT_DateTime_Regex": ("The instant '{0}' is not valid (by regex)", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Date_Valid": ("Not a valid date format: '{0}'", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Instant_Valid": ("Not a valid instant ({0})", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Time_Valid": ("Not a valid time format: '{0}'", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Base64_Valid": ("The value '{0}' is not a valid Base64 value", ERROR, "invalid"),
    "TYPE_SPECIFIC_CHECKS_DT_BASE64_NO_WS_WARNING": (
        (
            "Base64 encoded values SHOULD not contain any whitespace (per RFC 4648). Note that non-validating readers "
            "are encouraged to accept whitespace anyway"
        ),
        WARNING,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Integer_Valid": ("The value '{0}' is not a valid integer", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Integer_LT0": (
        "value is less than permitted minimum value of 0",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Integer_LT1": (
        "value is less than permitted minimum value of 1",
        ERROR,
        "invalid",
    ),
    "Type_Specific_Checks_DT_Decimal_Valid": ("The value '{0}' is not a valid decimal", ERROR, "invalid"),
    "Type_Specific_Checks_DT_Decimal_Range": (
        "The value '{0}' is outside the range of commonly/reasonably supported decimals",
        WARNING,
        "value",
    ),
    "Type_Specific_Checks_DT_Code_WS": ("The code '{0}' is not valid (whitespace rules)", ERROR, "invalid"),
    "TYPE_SPECIFIC_CHECKS_DT_MARKDOWN_HTML": (
        (
            "The markdown contains content that appears to be an embedded HTML tag starting at '{0}'. This will (or "
            "SHOULD) be escaped by the presentation layer. The content should be checked to confirm that this is the "
            "desired behaviour"
        ),
        WARNING,
        "invalid",
    ),
    "Type_Specific_Checks_DT_URI_OID": ("URI values cannot start with oid:", ERROR, "invalid"),
    "Type_Specific_Checks_DT_URI_UUID": ("URI values cannot start with uuid:", ERROR, "invalid"),
    "Type_Specific_Checks_DT_URI_WS": ("URI values cannot have whitespace('{0}')", ERROR, "invalid"),
    "Type_Specific_Checks_DT_OID_Start": ("OIDs must start with urn:oid:", ERROR, "invalid"),
    "Type_Specific_Checks_DT_OID_Valid": ("OIDs must be valid ({0})", ERROR, "invalid"),
    "Type_Specific_Checks_DT_UUID_Strat": ("UUIDs must start with urn:uuid:", ERROR, "invalid"),
    "Type_Specific_Checks_DT_UUID_Valid": ("UUIDs must be valid and lowercase ({0})", ERROR, "invalid"),
    "TYPE_SPECIFIC_CHECKS_CANONICAL_ABSOLUTE": (
        "Canonical URLs must be absolute URLs if they are not fragment references ({0})",
        ERROR,
        "invalid",
    ),
    "Resource_RES_ID_Malformed_Length": ("Invalid Resource id: Too long ({0} chars)", ERROR, "invalid"),
    "Resource_RES_ID_Malformed_Chars": ("Invalid Resource id: Invalid Characters ('{0}')", ERROR, "invalid"),
}


def issue(message_id: str, *args: object) -> PrimitiveIssue:
    """The issue for a message id; plural variants (_one/_other) are reported under the base id."""
    template, severity, code = MESSAGES[message_id]
    base = message_id.removesuffix("_one").removesuffix("_other")
    return PrimitiveIssue(base, template.format(*args), severity, code)
