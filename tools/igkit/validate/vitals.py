"""The vital signs rule of FHIR R4: an Observation with a vital-sign code must carry the
profile's "magic" LOINC code, whether or not it claims the vital signs profile.

Only this part of the rule is enforced here: the HL7 validator signposts the profile and
reports a missing LOINC code, but (in its R4 outcomes) not the profile's other constraints.
"""

from __future__ import annotations

from typing import Any

from igkit.validate.values import as_list

SD = "http://hl7.org/fhir/StructureDefinition/"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"

# code -> (profile id, profile title)
BY_LOINC = {
    "85353-1": ("vitalspanel", "Vital Signs Panel"),
    "9279-1": ("resprate", "Respiratory Rate"),
    "8867-4": ("heartrate", "Heart rate"),
    "2708-6": ("oxygensat", "Oxygen saturation"),
    "8310-5": ("bodytemp", "Body temperature"),
    "8302-2": ("bodyheight", "Body height"),
    "9843-4": ("headcircum", "Head circumference"),
    "29463-7": ("bodyweight", "Body weight"),
    "39156-5": ("bmi", "Body mass index"),
    "85354-9": ("bp", "Blood pressure"),
}
BY_SNOMED = {
    "276885007": ("bodytemp", "Body temperature"),
}


def required_profiles(observation: dict) -> list[tuple[str, str, str, str]]:
    """(profile url, title, code system name, code) for each vital-sign code of the Observation."""
    code = observation.get("code")
    found: list[tuple[str, str, str, str]] = []
    for coding in (as_list(code.get("coding"))) if isinstance(code, dict) else []:
        if not isinstance(coding, dict) or not isinstance(coding.get("code"), str):
            continue
        table, name = {LOINC: (BY_LOINC, "LOINC"), SNOMED: (BY_SNOMED, "SNOMED CT")}.get(
            coding.get("system", ""), ({}, "")
        )
        hit = table.get(coding["code"])
        if hit and not any(f[0] == SD + hit[0] for f in found):
            found.append((SD + hit[0], hit[1], name, coding["code"]))
    return found


def check(run: Any, observation: dict, loc: Any, claimed: list[str]) -> None:
    codings = (
        (observation.get("code") or {}).get("coding") if isinstance(observation.get("code"), dict) else None
    )
    loinc_codes = {
        c.get("code") for c in as_list(codings) if isinstance(c, dict) and c.get("system") == LOINC
    }
    for url, title, system, code in required_profiles(observation):
        if url in claimed:
            continue
        run.report("VALIDATION_VAL_PROFILE_SIGNPOST_OBS", title, url, system, code, loc=loc)
        magic = next((c for c, (pid, _t) in BY_LOINC.items() if SD + pid == url), None)
        if magic and magic not in loinc_codes:
            sd = run.ctx.defs.fetch(url) or {}
            label = f"{url}|{sd['version']}" if sd.get("version") else url
            run.report(
                "VALIDATION_VAL_PROFILE_MAGIC_CODE", _slice_name(sd, magic), magic, label, loc=loc.key("code")
            )


def _slice_name(sd: dict, code: str) -> str:
    for e in (sd.get("snapshot") or {}).get("element") or []:
        if e.get("path") == "Observation.code.coding" and e.get("sliceName"):
            return str(e["sliceName"])
    return code
