"""Offline terminology: value set membership and code checks from loaded CodeSystems/ValueSets.

Public API:

    @dataclass(frozen=True)
    class TxMessage:
        severity: str        # "error" | "warning" | "information"
        message_id: str      # the HL7 validator's id
        message: str

    @dataclass(frozen=True)
    class CodeCheck:
        valid: bool | None   # True ok, False not valid, None cannot tell offline
        message_id: str = ""  # the main finding (empty when valid and nothing to say)
        message: str = ""
        severity: str = ""   # severity hint for the main finding
        issues: tuple[TxMessage, ...] = ()   # further findings (wrong display, unknown code, ...)
        display: str | None = None           # the code system's display, when known

    Terminology(defs: DefinitionSource, default_language: str = "en-US")
        .validate_code(valueset_url, system, code, display=None, version=None, *, strength="required",
                       language=None) -> CodeCheck
            system None = a `code`-typed element: the system is implied by the value set.
        .validate_coding(valueset_url, coding: dict, *, strength="required", language=None) -> CodeCheck
        .validate_codeable_concept(valueset_url, cc: dict, *, strength="required", language=None) -> CodeCheck
            OK when any coding is in the value set; messages per binding strength
            (required -> error, extensible -> warning, preferred -> information).
        .check_code(system, code, display=None, version=None, *, language=None) -> CodeCheck   # code system only
            A wrong display is an error issue (as the HL7 validator reports it):
            "Wrong Display Name 'x' for sys#code. Valid display is 'y' (for the language(s) 'en-US')";
            `language` is the resource's language (default_language when None); designations in
            that language are accepted too.
        .member_of(valueset_url, value) -> bool | None   # code str / Coding / CodeableConcept (FHIRPath memberOf)
        .expand(valueset_url) -> list[tuple[str, str, str | None]] | None   # (system, code, display), None if not enumerable offline

Membership is three-valued (True / False / None = not decidable offline) and is computed per
value set once (memoized): includes are OR-ed, each include is system-part AND imported value
sets, excludes are subtracted. Code systems that are not available (SNOMED CT, LOINC, RxNorm,
ICD, CPT, NUCC, ...) make membership undecidable for their codes, except where the value set
lists the codes explicitly; UCUM codes are checked syntactically. Implicit value sets: the
CodeSystem.valueSet of a code system, found by the usual .../ValueSet/x <-> .../CodeSystem/x
(or core http://hl7.org/fhir/x) naming.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from igkit.validate.model import DefinitionSource
from igkit.validate.terminology_ucum import ucum_problem
from igkit.validate.terminology_valueset import SYNTAX, UCUM, ValueSets, tri_or

# Systems the offline validator knows about but cannot check codes in.
EXTERNAL_SYSTEMS = {
    "http://snomed.info/sct": "SNOMED CT",
    "http://loinc.org": "LOINC",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "http://hl7.org/fhir/sid/icd-10": "ICD-10",
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "http://www.cms.gov/Medicare/Coding/ICD10": "ICD-10-PCS",
    "http://hl7.org/fhir/sid/icd-9-cm": "ICD-9-CM",
    "http://nucc.org/provider-taxonomy": "NUCC",
    "http://www.ama-assn.org/go/cpt": "CPT",
    "http://hl7.org/fhir/sid/ndc": "NDC",
    "http://hl7.org/fhir/sid/cvx": "CVX",
    "urn:iso:std:iso:3166": "ISO 3166",
    "urn:iso:std:iso:3166:-2": "ISO 3166-2",
    "urn:iso:std:iso:4217": "ISO 4217",
    "urn:iso:std:iso:11073:10101": "ISO 11073",
    "http://unitsofmeasure.org": "UCUM",
    "urn:ietf:bcp:47": "BCP-47",
    "urn:ietf:bcp:13": "MIME types",
    "http://www.ada.org/cdt": "CDT",
    "https://www.usps.com/": "USPS",
    "http://www.nubc.org/patient-discharge": "NUBC",
    "http://dicom.nema.org/resources/ontology/DCM": "DICOM",
    "urn:oid:2.16.840.1.113883.6.238": "CDC Race & Ethnicity",
}
_SEVERITY = {
    "required": "error",
    "extensible": "warning",
    "preferred": "information",
    "example": "information",
}


@dataclass(frozen=True)
class TxMessage:
    severity: str
    message_id: str
    message: str


@dataclass(frozen=True)
class CodeCheck:
    valid: bool | None
    message_id: str = ""
    message: str = ""
    severity: str = ""
    issues: tuple[TxMessage, ...] = ()
    display: str | None = None


class Terminology(ValueSets):
    """Offline code checks over the conformance resources a DefinitionSource provides
    (value set lookup and compilation are in ValueSets)."""

    def __init__(self, defs: DefinitionSource, default_language: str = "en-US") -> None:
        super().__init__(defs)
        self.default_language = default_language

    # -- public checks -----------------------------------------------------------------------
    def expand(self, valueset_url: str) -> list[tuple[str, str, str | None]] | None:
        comp = self._compiled(valueset_url)
        return None if comp is None or comp.enumerated is None else list(comp.enumerated)

    def check_code(
        self,
        system: str,
        code: str,
        display: str | None = None,
        version: str | None = None,
        *,
        language: str | None = None,
    ) -> CodeCheck:
        """Is `code` defined in `system` (and is the display right)? No value set involved."""
        if system == UCUM:
            problem = ucum_problem(code)
            if problem:
                return CodeCheck(
                    False,
                    "Terminology_TX_Code_NotValid",
                    f"The UCUM code '{code}' is not valid: {problem}",
                    "error",
                )
            return CodeCheck(True)
        if system in SYNTAX:
            if not SYNTAX[system](code):
                return CodeCheck(
                    False,
                    "Terminology_TX_Code_NotValid",
                    f"Code {code} is not a valid code in code system {system}",
                    "error",
                )
            return CodeCheck(True)
        cs = self.code_system(system, version)
        known = cs.resource.get("version") if cs is not None else None
        if cs is not None and version and known and version != known:
            return CodeCheck(
                None,
                "UNKNOWN_CODESYSTEM_VERSION",
                f"A definition for CodeSystem '{system}' version '{version}' could not be found, so the code "
                f"cannot be validated. Valid versions: {known}",
                "warning",
            )
        if cs is None or cs.content == "not-present" or not cs.concepts:
            if system in EXTERNAL_SYSTEMS or cs is not None:
                name = EXTERNAL_SYSTEMS.get(system, system)
                return CodeCheck(
                    None,
                    "TERMINOLOGY_TX_NOSVC",
                    f"The code system {system} ({name}) is not available offline, so the code "
                    f"'{code}' cannot be validated",
                    "warning",
                )
            if self.value_set(system) is not None:
                return CodeCheck(
                    False,
                    "Terminology_TX_System_ValueSet2",
                    f"The Coding references a value set, not a code system ('{system}')",
                    "error",
                )
            return CodeCheck(
                None,
                "UNKNOWN_CODESYSTEM",
                f"A definition for CodeSystem '{system}' could not be found, so the code cannot be validated",
                "warning",
            )
        if cs.resource.get("content") == "supplement":
            return CodeCheck(
                False,
                "CODESYSTEM_CS_NO_SUPPLEMENT",
                f"CodeSystem {system} is a supplement, so can't be used as a value in Coding.system",
                "error",
            )
        concept = cs.find(code)
        if concept is None:
            ver = cs.resource.get("version")
            where = f"the CodeSystem '{system}'" + (f" version '{ver}'" if ver else "")
            if cs.content == "complete":
                return CodeCheck(
                    False, "Unknown_Code_in_Version", f"Unknown code '{code}' in {where}", "error"
                )
            return CodeCheck(
                None,
                "UNKNOWN_CODE__IN_FRAGMENT",
                f"Unknown Code '{code}' in {where} - note that the code system is labelled as a "
                f"{cs.content}, so the code may be valid in some other fragment",
                "warning",
            )
        issues: list[TxMessage] = []
        expected = cs.displays(code, language or self.default_language)
        if display is not None and expected and not _display_matches(display, [e for e, _ in expected]):
            if len(expected) == 1:
                valid = f"Valid display is '{expected[0][0]}'"
            else:
                listed = ", ".join(f"'{e}'" + (f" ({lang})" if lang else "") for e, lang in expected)
                valid = f"Valid display is one of {len(expected)} choices: {listed}"
            issues.append(
                TxMessage(
                    "error",
                    "Display_Name_for__should_be_one_of__instead_of_",
                    f"Wrong Display Name '{display}' for {system}#{code}. {valid} "
                    f"(for the language(s) '{language or self.default_language}')",
                )
            )
        if concept.get("code") != code:  # matched case-insensitively
            issues.append(
                TxMessage(
                    "information",
                    "CODE_CASE_DIFFERENCE",
                    f"The code '{code}' differs from the correct code '{concept['code']}' by "
                    f"case. Although the code system '{system}' is case insensitive, "
                    "implementers are strongly encouraged to use the correct case anyway",
                )
            )
        return CodeCheck(True, issues=tuple(issues), display=concept.get("display"))

    def validate_code(
        self,
        valueset_url: str,
        system: str | None,
        code: str,
        display: str | None = None,
        version: str | None = None,
        *,
        strength: str = "required",
        language: str | None = None,
    ) -> CodeCheck:
        """Check one code (with its system, or system None for `code`-typed elements) against a value set."""
        severity = _SEVERITY.get(strength, "error")
        comp = self._compiled(valueset_url)
        if comp is None:
            return CodeCheck(
                None,
                "Terminology_TX_ValueSet_NotFound",
                f"ValueSet {valueset_url} not found by validator",
                "warning",
            )
        issues: list[TxMessage] = []
        sys_check: CodeCheck | None = None
        if system is not None:
            sys_check = self.check_code(system, code, display, version, language=language)
            issues.extend(sys_check.issues)
            if sys_check.valid is False:
                return CodeCheck(False, sys_check.message_id, sys_check.message, "error", tuple(issues))
            if sys_check.message_id:
                issues.append(TxMessage(sys_check.severity, sys_check.message_id, sys_check.message))
        inside = comp.contains(system, code)
        shown = f"{system}#{code}" if system else code
        if inside is True:
            disp = sys_check.display if sys_check else None
            if system is None and display is None:
                disp = next((d for s, c, d in comp.enumerated or [] if c == code), None)
            return CodeCheck(True, issues=tuple(issues), display=disp)
        if inside is None:
            return CodeCheck(
                None,
                "UNABLE_TO_CHECK_IF_THE_PROVIDED_CODES_ARE_IN_THE_VALUE_SET_",
                f"Unable to determine whether the provided codes are in the value set {valueset_url} "
                "because the value set or a code system it depends on is not known to the validator",
                "warning",
                tuple(issues),
            )
        label = self._label(valueset_url)
        if system is None:
            mid, text = {
                "required": ("Terminology_TX_NoValid_16", "and a code is required from this value set"),
                "extensible": (
                    "Terminology_TX_NoValid_17",
                    (
                        "and a code should come from this value set unless it has no suitable code (note that the "
                        "validator cannot judge what is suitable)"
                    ),
                ),
            }.get(
                strength,
                ("Terminology_TX_NoValid_18", "and a code is recommended to come from this value set"),
            )
            message = f"The value provided ('{code}') was not found in the value set {label}, {text}"
            return CodeCheck(False, mid, message, severity, tuple(issues))
        if strength == "required":
            mid = "Terminology_TX_NoValid_4"
            message = (
                f"The code provided ({shown}) was not found in the value set {label}, and a code from "
                "this value set is required"
            )
        elif strength == "extensible":
            mid = "Terminology_TX_NoValid_5"
            message = (
                f"The code provided ({shown}) is not in the value set {label}, and a code should come "
                "from this value set unless it has no suitable code (the validator cannot judge what is "
                "suitable)"
            )
        else:
            mid = "Terminology_TX_NoValid_6"
            message = (
                f"The code provided ({shown}) is not in the value set {label}, and a code is "
                "recommended to come from this value set"
            )
        return CodeCheck(False, mid, message, severity, tuple(issues))

    def _label(self, valueset_url: str) -> str:
        """How the HL7 validator names a value set in messages: 'Title' (url|version)."""
        vs = self.value_set(valueset_url) or {}
        title = vs.get("title") or vs.get("name")
        url = valueset_url.partition("|")[0]
        version = vs.get("version")
        ref = f"{url}|{version}" if version else url
        return f"'{title}' ({ref})" if title else f"'{ref}'"

    def validate_coding(
        self, valueset_url: str, coding: dict, *, strength: str = "required", language: str | None = None
    ) -> CodeCheck:
        code = coding.get("code")
        system = coding.get("system")
        if code is None:
            return CodeCheck(None)
        if system is None:
            note = TxMessage(
                "warning",
                "TERMINOLOGY_TX_SYSTEM_NO_CODE",
                "A code with no system has no defined meaning, and it cannot be validated. A system should be "
                "provided",
            )
            return CodeCheck(
                False,
                "Terminology_TX_NoValid_4",
                f"The code provided ({code}) has no system, so it is not in the value set "
                f"{self._label(valueset_url)}",
                _SEVERITY.get(strength, "error"),
                (note,),
            )
        return self.validate_code(
            valueset_url,
            system,
            code,
            coding.get("display"),
            coding.get("version"),
            strength=strength,
            language=language,
        )

    def validate_codeable_concept(
        self, valueset_url: str, cc: dict, *, strength: str = "required", language: str | None = None
    ) -> CodeCheck:
        severity = _SEVERITY.get(strength, "error")
        codings = [c for c in cc.get("coding", []) if isinstance(c, dict) and "code" in c]
        if not codings:
            if strength == "required":
                return CodeCheck(
                    False,
                    "Terminology_TX_Code_ValueSet",
                    f"No code provided, and a code is required from the value set {self._label(valueset_url)}",
                    "error",
                )
            if strength == "extensible" and not cc.get("text"):
                return CodeCheck(
                    False,
                    "Terminology_TX_Code_ValueSet_Ext",
                    "No code provided, and a code should be provided from the value set "
                    f"{self._label(valueset_url)}",
                    "warning",
                )
            return CodeCheck(True)
        results = [
            self.validate_coding(valueset_url, c, strength=strength, language=language) for c in codings
        ]
        issues: list[TxMessage] = []
        for r in results:
            issues.extend(r.issues)
            if r.valid is False and r.message_id and not r.message_id.startswith("Terminology_TX_NoValid"):
                issues.append(TxMessage(r.severity or "error", r.message_id, r.message))
        if any(r.valid is True for r in results):
            return CodeCheck(True, issues=tuple(issues))
        if all(r.valid is False for r in results):
            shown = ", ".join(f"{c.get('system') or 'null'}#{c.get('code')}" for c in codings)
            mid, text = {  # the stray ")" is in the HL7 validator's wording
                "required": ("Terminology_TX_NoValid_1_CC", "and a coding from this value set is required)"),
                "extensible": (
                    "Terminology_TX_NoValid_2_CC",
                    (
                        "and a coding should come from this value set unless it has no suitable code (note that the "
                        "validator cannot judge what is suitable)"
                    ),
                ),
            }.get(
                strength,
                ("Terminology_TX_NoValid_3_CC", "and a coding is recommended to come from this value set)"),
            )
            message = (
                f"None of the codings provided are in the value set {self._label(valueset_url)}, {text} "
                f"(codes = {shown})"
            )
            return CodeCheck(False, mid, message, severity, tuple(issues))
        first = next((r for r in results if r.valid is None and r.message_id), None)
        return CodeCheck(
            None,
            first.message_id if first else "",
            first.message if first else "",
            first.severity if first else "",
            tuple(issues),
        )

    def member_of(self, valueset_url: str, value: Any) -> bool | None:
        """FHIRPath memberOf(): a code string, a Coding or a CodeableConcept."""
        comp = self._compiled(valueset_url)
        if comp is None:
            return None
        if isinstance(value, str):
            return comp.contains(None, value)
        if isinstance(value, dict):
            if "coding" in value:
                return tri_or(
                    [self.member_of(valueset_url, c) for c in value["coding"] if isinstance(c, dict)]
                )
            if "code" in value:
                return comp.contains(value.get("system"), value["code"])
        return False


def _display_matches(display: str, expected: list[str]) -> bool:
    norm = " ".join(display.split()).lower()
    return any(" ".join(e.split()).lower() == norm for e in expected)
