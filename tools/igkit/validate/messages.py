"""The message catalogue: one entry per message id, with its default severity and IssueType.

Ids follow the HL7 validator's I18nConstants names where one exists, so that outcomes can be
compared with the Java validator's; templates use its positional `{0}` placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Message:
    template: str
    severity: str = "error"
    code: str = "structure"


M = Message
CATALOGUE: dict[str, Message] = {
    # input and structure
    "PARSE_FAILURE": M("{0}", "fatal", "invalid"),
    "Unrecognised_property": M("Unrecognized property ''{0}''", "error", "structure"),
    "Json_Array_Expected": M("The property {0} must be a JSON Array, not {1}", "error", "structure"),
    "Json_Array_Not_Expected": M(
        "The property {0} must not be an array (found an array at {1})", "error", "structure"
    ),
    "Json_Object_Expected": M("The property {0} must be a JSON Object, not {1}", "error", "structure"),
    "Json_Primitive_Type": M("The property {0} must be a JSON {1}, not {2}", "error", "structure"),
    "Array_Cannot_Be_Empty": M(
        "Array cannot be empty - the property should not be present if it has no values", "error", "invalid"
    ),
    "Object_Must_Have_Some_Content": M("Object must have some content", "error", "invalid"),
    "Element_Must_Have_Value_Or_Children": M(
        "All FHIR elements must have a @value or children", "error", "invariant"
    ),
    "Primitive_Not_Array_Aligned": M(
        "The property _{0} must have the same number of items as {0}", "error", "structure"
    ),
    "Primitive_Extension_Without_Primitive": M(
        "The property _{0} is a primitive extension, but {0} is not a primitive element", "error", "structure"
    ),
    "Unknown_Resource_Type": M("Unknown resource type ''{0}''", "error", "invalid"),
    "Resource_Type_Missing": M("Unable to find resourceType property", "fatal", "structure"),
    "Resource_RES_ID_Malformed_Chars": M(
        "Invalid Resource id: Invalid Characters (''{0}'')", "error", "invalid"
    ),
    "Resource_RES_ID_Malformed_Length": M("Invalid Resource id: Too long ({0} chars)", "error", "invalid"),
    "Resource_RES_ID_Prohibited": M("Resource has an id, but none is allowed", "error", "processing"),
    "Resource_RES_ID_Missing": M("Resource requires an id, but none is present", "error", "required"),
    "Validation_VAL_Profile_Minimum": M("{0}: minimum required = {1}, but only found {2} (from {3})"),
    "Validation_VAL_Profile_Maximum": M("{0}: max allowed = {1}, but found {2} (from {3})"),
    "Validation_VAL_Profile_Minimum_SLICE": M(
        "Slice ''{0}'': a matching slice is required, but not found (from {1}). Note that other slices are "
        "allowed in addition to this required slice"
    ),
    "Validation_VAL_Profile_NotSlice": M(
        "This element does not match any known slice defined in the profile {0} and slicing is CLOSED: {1}",
        "error",
        "structure",
    ),
    "Validation_VAL_Profile_OutOfOrder": M(
        "As specified by profile {0}, Element ''{1}'' is out of order (found after {2})", "error", "structure"
    ),
    "Validation_VAL_Profile_Unknown": M(
        "Profile reference ''{0}'' has not been checked because it is unknown", "warning", "structure"
    ),
    "VALIDATION_VAL_PROFILE_UNKNOWN_ERROR": M(
        "Profile reference ''{0}'' has not been checked because it is unknown, and the validator is set to "
        "not fetch unknown profiles",
        "error",
        "structure",
    ),
    "VALIDATION_VAL_PROFILE_SIGNPOST_OBS": M(
        "Validate Observation against the {0} profile ({1}) which is required by the FHIR specification because "
        "the {2} code {3} was found",
        "information",
        "informational",
    ),
    "VALIDATION_VAL_PROFILE_MAGIC_CODE": M(
        "{0}: magic LOINC code {1} required, but not found (from {2}). Note that other Observation codes are "
        "allowed in addition to this required magic code",
        "error",
        "structure",
    ),
    "Validation_VAL_Profile_NoSnapshot": M(
        "StructureDefinition {0} has no snapshot, and one could not be generated: {1}", "error", "processing"
    ),
    "Validation_VAL_Profile_WrongType": M(
        "Specified profile type was ''{0}'' in profile ''{2}'', but found type ''{1}''", "error", "structure"
    ),
    "Validation_VAL_Profile_NoType": M(
        "The type of element {0} is not known, which is illegal. Valid types at this point are {1}",
        "error",
        "structure",
    ),
    "Validation_VAL_Profile_NoMatch": M(
        "Unable to find a match for the specified profile among choices: {0}", "error", "structure"
    ),
    "Extension_PROF_Type": M(
        "The Profile ''{0}'' definition allows for the type {1} but found type {2}", "error", "structure"
    ),
    "_DT_Fixed_Wrong": M("Value is ''{0}'' but is fixed to ''{1}'' in the profile {2}", "error", "value"),
    "Pattern_Wrong": M(
        "The value does not match the pattern (expected {0}) in the profile {1}", "error", "value"
    ),
    "Fixed_Missing": M(
        "Missing element ''{0}'' - required by fixed value assigned in profile {1}", "error", "value"
    ),
    "Pattern_Missing": M(
        "Missing element ''{0}'' - required by pattern assigned in profile {1}", "error", "value"
    ),
    "Type_Specific_Checks_DT_Primitive_Length": M(
        "value is longer than permitted maximum length of {0}", "error", "too-long"
    ),
    "Type_Specific_Checks_DT_Primitive_MinLength": M(
        "Value ''{0}'' is shorter than permitted minimum length of {1}", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Integer_GT": M(
        "value is greater than permitted maximum value of {0}", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Integer_LT": M(
        "value is less than permitted minimum value of {0}", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Decimal_GT": M(
        "value is greater than permitted maximum value of {0}", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Decimal_LT": M(
        "value is less than permitted minimum value of {0}", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Quantity_Min": M(
        "The value in the instance ({0}) is less than the specified minimum value ({1})", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Attachment_Size": M(
        "Stated Attachment Size {0} does not match actual attachment size {1}", "error", "value"
    ),
    "Type_Specific_Checks_DT_Primitive_MustHaveValue": M(
        "The element definition ``{0}`` in the profile ''{1}'' requires that a value be present in this element",
        "error",
        "invalid",
    ),
    "Type_Specific_Checks_DT_Attachment_Base64": M(
        "The base64 content in the data element is not valid base64: Illegal base64 character {0}",
        "error",
        "invalid",
    ),
    "Type_Specific_Checks_DT_Primitive_ValueAlternatives": M(
        "The element definition ``{0}`` in the profile ''{1}'' requires that if a value is not present, one of "
        "the extensions {2} must be present",
        "error",
        "invalid",
    ),
    "Type_Specific_Checks_DT_Date_MinDuration": M(
        "The value ''{0}'' is earlier than the minimum allowed value {1} (now minus {2})", "error", "invalid"
    ),
    "Type_Specific_Checks_DT_Date_MaxDuration": M(
        "The value ''{0}'' is later than the maximum allowed value {1} (now plus {2})", "error", "invalid"
    ),
    "XHTML_LANGUAGE_SECTIONS_REQUIRED": M(
        "The xhtml has no language sections, but language sections are required in this context by the profile "
        "{0}",
        "error",
        "business-rule",
    ),
    "XHTML_LANGUAGE_SECTIONS_PROHIBITED": M(
        "The xhtml has some language sections ({0}), but language sections are prohibited in this context by the "
        "profile {1}",
        "error",
        "business-rule",
    ),
    "XHTML_LANGUAGE_SECTION_RESOURCE_MISSING": M(
        "The profile {0} requires a section in the narrative for the resource language ({1}), but it was not "
        "found (found {2})",
        "error",
        "business-rule",
    ),
    # invariants
    "Inv_Failed": M("Constraint failed: {0}: ''{1}''{2}", "error", "invariant"),
    "Inv_Error": M("Problem evaluating constraint {0} ({1}): {2}", "warning", "invariant"),
    # extensions
    "Extension_EXT_Url_Absolute": M("Extension.url must be an absolute URL", "error", "invalid"),
    "Extension_EXT_Url_NotFound": M("Extension.url is required", "error", "structure"),
    "Extension_EXT_Unknown": M("Unknown extension {0}", "warning", "extension"),
    "Extension_EXT_Unknown_NotHere": M(
        "The extension {0} could not be found so is not allowed here", "error", "extension"
    ),
    "Extension_EXT_Simple_ABSENT": M(
        "The Extension ''{0}'' definition is for a simple extension, so it must contain a value",
        "error",
        "structure",
    ),
    "Extension_EXT_Simple_WRONG": M(
        "The Extension ''{0}'' definition is for a simple extension, so it must contain a value, not extensions",
        "error",
        "structure",
    ),
    "Extension_EXT_Type": M(
        "The Extension ''{0}'' definition allows for the types {1} but found type {2}", "error", "structure"
    ),
    "Extension_EXT_Context_Wrong": M(
        "The extension {0} is not allowed to be used at this point (allowed = {1}; this element is [{2}])",
        "error",
        "structure",
    ),
    "Extension_EXT_Modifier_MismatchY": M(
        "Extension modifier mismatch: the extension element is labelled as a modifier, but the underlying "
        "extension is not",
        "error",
        "structure",
    ),
    "Extension_EXT_Modifier_MismatchN": M(
        "Extension modifier mismatch: the extension element is not labelled as a modifier, but the underlying "
        "extension is",
        "error",
        "structure",
    ),
    "Extension_EXT_Fixed_Banned": M(
        "No extensions allowed, as the specified fixed value doesn't contain any extensions",
        "error",
        "structure",
    ),
    "EXTENSION_EXT_EXAMPLE_URL": M(
        "Example URLs are not allowed in this context ({0})", "error", "extension"
    ),
    # terminology
    "Terminology_TX_NoValid_1_CC": M(
        "None of the codings provided are in the value set {0} ({1}), and a coding from this value set is "
        "required) (codes = {2})",
        "error",
        "code-invalid",
    ),
    "Terminology_TX_NoValid_2_CC": M(
        "None of the codings provided are in the value set {0} ({1}), and a coding should come from this value "
        "set unless it has no suitable code (note that the validator cannot judge what is suitable) "
        "(codes = {2})",
        "warning",
        "code-invalid",
    ),
    "Terminology_TX_NoValid_3_CC": M(
        "None of the codings provided are in the value set {0} ({1}), and a coding is recommended to come from "
        "this value set) (codes = {2})",
        "information",
        "code-invalid",
    ),
    "Terminology_TX_NoValid_Additional": M(
        "None of the codings provided are in the value set ''{0}'' ({1}) specified in an additional binding, and a "
        "coding from this value set is required) (codes = {2})",
        "error",
        "code-invalid",
    ),
    "UNABLE_TO_INFER_CODESYSTEM": M(
        "The System URI could not be determined for the code ''{0}'' in the ValueSet ''{1}''",
        "error",
        "code-invalid",
    ),
    "Terminology_TX_NoValid_16": M(
        "The value provided (''{0}'') was not found in the value set {1} ({2}), and a code is required from "
        "this value set){3}",
        "error",
        "code-invalid",
    ),
    "Terminology_TX_NoValid_17": M(
        "The value provided (''{0}'') was not found in the value set {1} ({2}), and a code should come from "
        "this value set unless it has no suitable code (note that the validator cannot judge what is "
        "suitable){3}",
        "warning",
        "code-invalid",
    ),
    "Terminology_TX_NoValid_18": M(
        "The value provided (''{0}'') was not found in the value set {1} ({2}), and a code is recommended to "
        "come from this value set){3}",
        "information",
        "code-invalid",
    ),
    "Terminology_TX_Code_ValueSet": M(
        "The code provided ({0}) was not found in the value set {1}, and a code from this value set is "
        "required{2}",
        "error",
        "code-invalid",
    ),
    "Terminology_TX_Code_ValueSetMax": M(
        "No code provided, and a code must be provided from the value set {0} ({1})", "error", "code-invalid"
    ),
    "Terminology_TX_System_Unknown": M("Unknown Code System ''{0}''", "warning", "code-invalid"),
    "Terminology_TX_NotChecked": M(
        "The code {0} from system {1} could not be checked offline, so its membership in the value set {2} is "
        "not known",
        "warning",
        "not-supported",
    ),
    "Terminology_TX_ValueSet_NotFound": M("ValueSet {0} not found", "warning", "not-found"),
    "Terminology_TX_Display_Wrong": M(
        "Wrong Display Name ''{0}'' for {1}#{2}. Valid display is ''{3}''", "warning", "invalid"
    ),
    "Terminology_TX_Code_Unknown": M(
        "Unknown code ''{1}'' in the CodeSystem ''{0}''", "error", "code-invalid"
    ),
    # references
    "Reference_REF_NoType": M("Unable to determine type of target resource", "error", "structure"),
    "Reference_REF_BadTargetType": M(
        "Invalid Resource target type. Found {0}, but expected one of ({1})", "error", "structure"
    ),
    "Reference_REF_BadTargetType2": M(
        "The type ''{0}'' implied by the reference URL {1} is not a valid Target for this element (must be one "
        "of {2})",
        "error",
        "structure",
    ),
    "Reference_REF_CantResolve": M("Unable to resolve resource with reference ''{0}''", "error", "structure"),
    "Reference_REF_CantMatchChoice": M(
        "Unable to find a profile match for {0} among choices: {1}", "error", "structure"
    ),
    "Reference_REF_Format": M("Invalid Reference ''{0}''", "error", "invalid"),
    "Reference_REF_ResourceType": M(
        "Matching reference for reference {0} has resourceType {1}", "error", "structure"
    ),
    "Reference_REF_NotFound_Bundle": M(
        "Bundled or contained reference not found within the bundle/resource {0}", "error", "not-found"
    ),
    # bundles
    "Bundle_BUNDLE_Entry_NoFullUrl": M("Bundle entry missing fullUrl", "error", "required"),
    "BUNDLE_BUNDLE_ENTRY_FULLURL_ABSOLUTE": M(
        "The fullUrl must be an absolute URL (not ''{0}'')", "error", "invalid"
    ),
    "Bundle_BUNDLE_Entry_IdUrlMismatch": M(
        "Resource ID does not match the ID in the entry full URL (''{0}'' vs ''{1}'')", "error", "invalid"
    ),
    "BUNDLE_BUNDLE_ENTRY_FULLURL_REQUIRED": M(
        "Except for transactions and batches, each entry in a Bundle must have a fullUrl which is the identity "
        "of the resource in the entry",
        "error",
        "invalid",
    ),
    "BUNDLE_RESTFUL_FULLURL": M(
        "The fullUrl ''{0}'' looks like a RESTful server URL, so it must end with the correct type and id "
        "(/{1}/{2})",
        "error",
        "invalid",
    ),
    "Bundle_BUNDLE_Entry_NotFound": M("Can''t find ''{0}'' in the bundle ({1})", "error", "not-found"),
    "BUNDLE_BUNDLE_MULTIPLEMATCHES": M("Multiple matches in bundle for reference {0}", "error", "not-found"),
    "BUNDLE_BUNDLE_ENTRY_MULTIPLE_PROFILES": M(
        "Multiple profiles found for contained resource. This is not supported at this time. (Type {0}: {1})",
        "error",
        "processing",
    ),
    "Bundle_BUNDLE_Entry_Orphan": M(
        "Entry {0} isn''t reachable by traversing links (forward or backward) from the Composition",
        "warning",
        "informational",
    ),
    "BUNDLE_Duplicate_Entry": M("Duplicate Entries {0} (fullUrl ''{1}'')", "error", "invalid"),
    "BUNDLE_SEARCH_OUTCOME_NOT_OO": M("This is not an OperationOutcome ({0})", "error", "invalid"),
    "BUNDLE_SEARCH_NOID": M("Search results must have ids", "error", "invalid"),
    "BUNDLE_SEARCH_ENTRY_WRONG_RESOURCE_TYPE_MODE": M(
        "This is not a matching resource type for the specified search ({0} expecting {1})",
        "error",
        "invalid",
    ),
    # narrative
    "Xhtml_Invalid": M("{0}", "error", "invalid"),
    # measures
    "Measure_MR_M_None": M(
        "No Measure is identified, so no validation can be performed against the Measure",
        "warning",
        "required",
    ),
    "Measure_MR_M_NotFound": M(
        "The Measure ''{0}'' could not be resolved, so no validation can be performed against the Measure",
        "warning",
        "not-found",
    ),
    "Measure_MR_GRP_UnknownCode": M(
        "The code for this group has no match in the measure definition", "error", "business-rule"
    ),
    "Measure_MR_GRP_NoCode": M(
        "The measure has multiple groups, so each group must have a code that "
        "identifies which measure group it reports",
        "error",
        "business-rule",
    ),
    "Measure_MR_GRP_Missing_ByCode": M(
        "The MeasureReport does not include a group for the group {0}", "error", "business-rule"
    ),
    "Measure_MR_GRP_POP_UnknownCode": M(
        "The code for this group population has no match in the measure definition", "error", "business-rule"
    ),
    "Measure_MR_GRP_POP_NoCode": M(
        "The measure group has multiple populations, so each population must have a code",
        "error",
        "business-rule",
    ),
    "Measure_MR_GRP_POP_Missing_BadCode": M(
        "The MeasureReport group does not include a population for the population {0}",
        "error",
        "business-rule",
    ),
    "Measure_MR_GRP_POP_DupCode": M(
        "The code for this group population is duplicated", "error", "business-rule"
    ),
    "Measure_MR_GRP_POP_NoSubjects": M(
        "Reports where the type is ''subject-list'' have patient listings, not individual subjects",
        "error",
        "business-rule",
    ),
    "Measure_MR_GRP_POP_COUNT_MISMATCH": M(
        "Mismatch between count {0} and number of patients {1}", "error", "business-rule"
    ),
    "Measure_MR_GRP_Stratifier_UnknownCode": M(
        "The code for this group stratifier has no match in the measure definition", "error", "business-rule"
    ),
    "Measure_MR_GRP_MS_Unknown_Scoring": M(
        "The scoring system in this measure is unknown, so the measureScore values cannot be checked",
        "information",
        "business-rule",
    ),
    "Measure_MR_M_Scoring": M(
        "The measure does not define a scoring, so the measureScore cannot be checked",
        "information",
        "business-rule",
    ),
}


def render(message_id: str, *args: object) -> str:
    """Fill a template: `{n}` is the n-th argument; `''` is a literal quote (Java MessageFormat style)."""
    template = CATALOGUE[message_id].template
    out: list[str] = []
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "'" and template.startswith("''", i):
            out.append("'")
            i += 2
            continue
        if ch == "{":
            end = template.find("}", i)
            key = template[i + 1 : end] if end > 0 else ""
            if key.isdigit():
                n = int(key)
                out.append(str(args[n]) if n < len(args) else "")
                i = end + 1
                continue
        out.append(ch)
        i += 1
    return "".join(out)
