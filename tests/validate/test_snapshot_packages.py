"""snapshot against published snapshots: strip the snapshot of profiles from the IG's
dependency packages (US Core 6.1.0, QI-Core 6.0.0, DEQM 5.0.0, extensions 5.2.0), regenerate it,
and compare ids in order, min/max, types with profiles, fixed/pattern, binding and slicing; and
against the HL7 validator's own conformance tests for differentials it rejects or accepts."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from igkit.validate.snapshot import SnapshotError, generate_snapshot
from tests.validate import test_snapshot_support as support

REPO = Path(__file__).resolve().parents[2]
CASES = REPO.parent / "shared" / "conformance" / "validator-tests"
if not CASES.exists():
    CASES = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/validator-tests")

# A representative subset: extension slices, renamed choices to type slices (open and closed),
# new slices on a sliced base, slices of a contentReference, profiles on profiles.
SUBSET = [
    ("uscore", "us-core-patient"),
    ("uscore", "us-core-blood-pressure"),
    ("uscore", "us-core-bmi"),
    ("uscore", "us-core-provenance"),
    ("uscore", "us-core-observation-pregnancyintent"),
    ("uscore", "us-core-observation-occupation"),
    ("uscore", "us-core-race"),
    ("qicore", "qicore-organization"),
    ("qicore", "qicore-practitioner"),
    ("qicore", "qicore-medicationdispensedeclined"),
    ("qicore", "qicore-simple-observation"),
    ("deqm", "parameters-caregap-remark-patch"),
    ("deqm", "extension-measureScoring"),
    ("extensions", "address-official"),
    ("extensions", "artifact-versionAlgorithm"),
]


@pytest.fixture(scope="module")
def defs():
    if not all(support.package_folder(k).is_dir() for k in support.PROFILE_PACKAGES):
        pytest.skip("the IG's dependency packages are not extracted in the FHIR package cache")
    return support.make_defs()


@pytest.mark.parametrize(("package", "name"), SUBSET, ids=[n for _, n in SUBSET])
def test_regenerated_snapshot_matches_the_published_one(defs, package: str, name: str) -> None:
    path = support.package_folder(package) / f"StructureDefinition-{name}.json"
    published = json.loads(path.read_text(encoding="utf-8"))
    assert support.compare(support.regenerate(published, defs), published) == []


def test_agreement_over_whole_packages(defs) -> None:
    """Every profile of the packages, as a regression guard. The known differences: US Core's
    questionnaireresponse profile derives from SDC (not a dependency), some QI-Core/DEQM profiles
    use R5 cross-version extensions the IG Publisher synthesises, one DEQM binding is pinned to a
    version by the publisher; the extensions package was generated against the R5 Extension."""
    results = support.agreement(defs, r4_types_only=True)
    assert results["uscore"][0] >= results["uscore"][1] - 1
    assert results["qicore"][0] >= results["qicore"][1] - 2
    assert results["deqm"][0] >= results["deqm"][1] - 4
    assert results["extensions"][0] == results["extensions"][1]


# -- the HL7 validator's conformance tests --------------------------------------------------------


def corpus_defs(defs, *names: str):
    from igkit.validate.xmlparse import parse_xml

    extra = {}
    for name in names:
        data = (CASES / "files" / name).read_bytes()
        sd = json.loads(data) if name.endswith(".json") else parse_xml(data, defs, name).data
        extra[sd["url"]] = sd

    class Chain:
        def fetch(self, url: str):
            return extra.get(url.split("|", 1)[0]) or defs.fetch(url)

        def structure_for_type(self, type_name: str):
            return defs.structure_for_type(type_name)

    return Chain(), list(extra.values())


def expected_texts(name: str) -> list[str]:
    outcome = json.loads((CASES / "expected" / name).read_text(encoding="utf-8"))
    return [issue.get("details", {}).get("text", "") for issue in outcome.get("issue", [])]


@pytest.fixture(scope="module")
def cases() -> Path:
    if not (CASES / "files").is_dir():
        pytest.skip("the conformance corpus is not beside the repository")
    return CASES


def test_differential_out_of_order_is_reported_as_the_hl7_validator_does(defs, cases) -> None:
    chain, (sd,) = corpus_defs(defs, "ai8.json")
    with pytest.raises(SnapshotError) as info:
        generate_snapshot(sd, chain)
    assert info.value.element == "Patient.birthDate"
    expected = expected_texts("R4.ai8-base.json")
    assert info.value.reason.split(";")[0] in expected
    # like the HL7 validator, the rest of the differential still gives a snapshot, and both of
    # its messages are there, word for word
    texts = [m.text for m in info.value.messages]
    assert all(text in expected for text in texts) and len(texts) == 2
    assert [m.index for m in info.value.messages] == [0, None]
    partial = {e["id"]: e for e in info.value.partial["snapshot"]["element"]}
    assert partial["Patient.identifier"]["min"] == 1
    assert partial["Patient.birthDate"]["min"] == 0


def test_a_slice_redefining_the_slicing_is_reported_as_the_hl7_validator_does(defs, cases) -> None:
    from igkit.validate.snapshot import SnapshotMessage

    chain, (sd, _) = corpus_defs(
        defs, "slice23/StructureDefinition-Slice23-original.json", "slice23/StructureDefinition-OtherId.json"
    )
    messages: list[SnapshotMessage] = []
    out = generate_snapshot(sd, chain, messages)
    redefined = [m for m in messages if "tries to redefine the slicing" in m.text]
    assert len(redefined) == 1 and redefined[0].severity == "error"
    assert redefined[0].text in expected_texts("R4.StructureDefinition-Slice23-base.json")
    snap = {e["id"]: e for e in out["snapshot"]["element"]}
    npi_type = snap["AuditEvent.agent.extension:extOtherId/npi.value[x]:valueIdentifier.type"]
    assert npi_type["patternCodeableConcept"]["coding"][0]["code"] == "NPI"


def test_bad_choice_rename_is_reported_as_the_hl7_validator_does(defs, cases) -> None:
    chain, (sd,) = corpus_defs(defs, "obs-mz.json")
    with pytest.raises(SnapshotError) as info:
        generate_snapshot(sd, chain)
    assert any(info.value.reason in text for text in expected_texts("R4.obs-mz-base.json"))


def test_slice_children_follow_their_slice_when_ids_are_unreliable(defs, cases) -> None:
    # the differential repeats the id "Bundle.entry" for the slice; the HL7 validator goes by path
    chain, sds = corpus_defs(defs, "aggregation-profile-bundle.xml", "aggregation-profile.xml")
    bundle = next(sd for sd in sds if sd["type"] == "Bundle")
    snap = {e["id"]: e for e in generate_snapshot(bundle, chain)["snapshot"]["element"]}
    resource = snap["Bundle.entry:encounter.resource"]
    assert resource["type"][0]["profile"] == ["urn:oid:29a8b2a7-070f-4383-af2c-bdea61d358c9"]
    assert "profile" not in snap["Bundle.entry.resource"]["type"][0]


# -- SUSHI's snapshots of this IG ----------------------------------------------------------------


@pytest.mark.slow
def test_agrees_with_sushi_snapshots_of_this_ig(defs, tmp_path: Path) -> None:
    sushi = REPO / "node_modules" / ".bin" / "sushi"
    if not sushi.exists() or not (REPO / "sushi-config.yaml").exists():
        pytest.skip("SUSHI is not installed (make setup)")
    for item in ("sushi-config.yaml", "input", "fsh"):
        source = REPO / item
        if source.is_dir():
            shutil.copytree(source, tmp_path / item)
        elif source.exists():
            shutil.copy(source, tmp_path / item)
    subprocess.run(
        [str(sushi), "build", ".", "-s"], cwd=tmp_path, check=True, capture_output=True, timeout=600
    )
    own = {}
    for path in sorted((tmp_path / "fsh-generated" / "resources").glob("StructureDefinition-*.json")):
        sd = json.loads(path.read_text(encoding="utf-8"))
        own[sd["url"]] = sd

    class Chain:
        def fetch(self, url: str):
            sd = own.get(url.split("|", 1)[0])
            if sd is not None:
                return {k: v for k, v in sd.items() if k != "snapshot"}
            return defs.fetch(url)

        def structure_for_type(self, type_name: str):
            return defs.structure_for_type(type_name)

    profiles = [sd for sd in own.values() if sd.get("derivation") == "constraint" and sd.get("snapshot")]
    assert profiles, "SUSHI produced no profiles with snapshots"
    differences = {}
    for sd in profiles:
        problems = support.compare(
            generate_snapshot({k: v for k, v in sd.items() if k != "snapshot"}, Chain()), sd
        )
        if problems:
            differences[sd["url"]] = problems[:3]
    assert differences == {}


def test_every_profile_of_the_corpus_generates_or_fails_cleanly(defs, cases) -> None:
    from igkit.validate.model import ParseFailure
    from igkit.validate.xmlparse import parse_xml

    sds = {}
    for path in sorted((cases / "files").rglob("*")):
        if path.suffix not in (".json", ".xml") or not path.is_file():
            continue
        data = path.read_bytes()
        if b"StructureDefinition" not in data[:3000]:
            continue
        try:
            sd = json.loads(data) if path.suffix == ".json" else parse_xml(data, defs, path.name).data
        except (ValueError, ParseFailure):  # files that are not meant to parse are not our subject
            continue
        if isinstance(sd, dict) and sd.get("resourceType") == "StructureDefinition" and sd.get("url"):
            sds[sd["url"]] = sd

    class Chain:
        def fetch(self, url: str):
            sd = sds.get(url.split("|", 1)[0])
            return {k: v for k, v in sd.items() if k != "snapshot"} if sd else defs.fetch(url)

        def structure_for_type(self, type_name: str):
            return defs.structure_for_type(type_name)

    generated = failed = 0
    for sd in sds.values():
        try:
            out = generate_snapshot({k: v for k, v in sd.items() if k != "snapshot"}, Chain())
        except SnapshotError as exc:
            assert exc.profile, str(exc)
            failed += 1
            continue
        generated += 1
        assert len({e["id"] for e in out["snapshot"]["element"]}) == len(out["snapshot"]["element"])
        if sd.get("url", "").endswith("11179-objectClass"):
            assert support.compare(out, sd) == []
    assert generated >= 75 and failed <= 6, (generated, failed)


def test_damaged_differentials_raise_snapshot_error_only(defs) -> None:
    import copy
    import random

    sds = [sd for k in ("uscore", "qicore") for sd in defs.profiles(support.package_folder(k))]
    rnd = random.Random(3)
    for _ in range(150):
        sd = copy.deepcopy(rnd.choice(sds))
        del sd["snapshot"]
        diff = sd["differential"]["element"]
        element = rnd.choice(diff)
        change = rnd.randrange(5)
        if change == 0:
            rnd.shuffle(diff)
        elif change == 1:
            element.pop(rnd.choice(list(element)), None)
        elif change == 2:
            element["path"] = element.get("path", "X") + rnd.choice([".foo", "[x]", "Quantity", ".value"])
        elif change == 3:
            element["type"] = [{"code": rnd.choice(["Quantity", "string", "Foo", None])}]
        else:
            element["sliceName"] = rnd.choice(["a", "a/b"])
        try:
            generate_snapshot(sd, defs)
        except SnapshotError:
            pass
