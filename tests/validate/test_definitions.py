"""The definition index and loader: package index cache, url|version, --load targets."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from igkit.errors import IgkitError
from igkit.validate.definitions import INDEX_NAME, Definitions, build_index_rows, default_packages


def _sd(url: str, version: str = "1.0.0", type_: str = "Patient") -> dict:
    return {
        "resourceType": "StructureDefinition",
        "url": url,
        "version": version,
        "type": type_,
        "kind": "resource",
        "derivation": "constraint",
        "name": "X",
        "status": "draft",
        "abstract": False,
        "baseDefinition": f"http://hl7.org/fhir/StructureDefinition/{type_}",
    }


def _package(folder: Path, resources: list[dict]) -> Path:
    pkg = folder / "demo#1.0.0" / "package"
    pkg.mkdir(parents=True)
    (pkg / "package.json").write_text(json.dumps({"name": "demo", "version": "1.0.0"}))
    for i, res in enumerate(resources):
        (pkg / f"{res['resourceType']}-{i}.json").write_text(json.dumps(res))
    (pkg / "Patient-example.json").write_text(json.dumps({"resourceType": "Patient", "id": "x"}))
    return pkg


def test_package_index_is_built_once_and_cached(tmp_path: Path):
    pkg = _package(tmp_path, [_sd("http://x.org/a"), {"resourceType": "ValueSet", "url": "http://x.org/vs"}])
    defs = Definitions()
    defs.add_package_folder(pkg)
    assert (pkg / INDEX_NAME).is_file()
    assert defs.fetch("http://x.org/a")["type"] == "Patient"
    assert defs.fetch("http://x.org/vs")["resourceType"] == "ValueSet"
    # a second context reads the cached index, not the files: remove a file's content and see the row stay
    cached = json.loads((pkg / INDEX_NAME).read_text())
    assert sorted(r[0] for r in cached["rows"]) == ["http://x.org/a", "http://x.org/vs"]
    again = Definitions()
    again.add_package_folder(pkg)
    assert again.entry("http://x.org/a") is not None


def test_index_skips_example_instances(tmp_path: Path):
    pkg = _package(tmp_path, [_sd("http://x.org/a")])
    rows = build_index_rows(pkg)
    assert [r[0] for r in rows] == ["http://x.org/a"]


def test_versioned_lookup_and_last_loaded_wins():
    defs = Definitions()
    defs.add_resource(_sd("http://x.org/p", "1.0.0"), "a")
    defs.add_resource(_sd("http://x.org/p", "2.0.0"), "b")
    assert defs.fetch("http://x.org/p")["version"] == "2.0.0"
    assert defs.fetch("http://x.org/p|1.0.0")["version"] == "1.0.0"
    assert defs.fetch("http://x.org/p|1.0")["version"] == "1.0.0"
    assert defs.fetch("http://x.org/p|3") is None


def test_bundle_entries_are_added_one_by_one():
    defs = Definitions()
    defs.add_resource({"resourceType": "Bundle", "entry": [{"resource": _sd("http://x.org/b")}]}, "bundle")
    assert defs.fetch("http://x.org/b") is not None


def test_load_tgz_reads_in_memory(tmp_path: Path):
    tgz = tmp_path / "pkg.tgz"
    with tarfile.open(tgz, "w:gz") as tar:
        for name, data in (
            ("package/package.json", {"name": "p", "version": "1"}),
            ("package/StructureDefinition-x.json", _sd("http://x.org/t")),
            ("../evil.json", _sd("http://x.org/evil")),
        ):
            raw = json.dumps(data).encode()
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            tar.addfile(info, io.BytesIO(raw))
    defs = Definitions()
    defs.add_path(tgz)
    assert defs.fetch("http://x.org/t") is not None
    assert not (tmp_path.parent / "evil.json").exists()


def test_load_folder_and_missing_target(tmp_path: Path):
    (tmp_path / "a.json").write_text(json.dumps(_sd("http://x.org/f")))
    (tmp_path / "notes.txt").write_text("ignored")
    defs = Definitions()
    defs.add_path(tmp_path)
    assert defs.fetch("http://x.org/f") is not None
    with pytest.raises(IgkitError, match="no such file"):
        defs.add_path(tmp_path / "missing.json")


def test_unreadable_load_file_is_a_user_error(tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope")
    with pytest.raises(IgkitError, match="not a readable FHIR resource"):
        Definitions().add_path(bad)


def test_default_packages_from_sushi_dependencies():
    refs = default_packages(
        {"dependencies": {"hl7.fhir.us.core": "6.1.0", "hl7.fhir.us.qicore": {"version": "6.0.0"}}}
    )
    assert refs[0] == "hl7.fhir.r4.core#4.0.1"
    assert "hl7.fhir.us.core#6.1.0" in refs and "hl7.fhir.us.qicore#6.0.0" in refs


def test_core_structure_for_type(core_defs):
    sd = core_defs.structure_for_type("Quantity")
    assert sd["url"] == "http://hl7.org/fhir/StructureDefinition/Quantity"


def test_snapshot_generated_for_differential_only_profile(fresh_defs):
    profile = _sd("http://x.org/min-name")
    profile["differential"] = {"element": [{"id": "Patient.name", "path": "Patient.name", "min": 1}]}
    defs = fresh_defs(profile)
    sd = defs.structure("http://x.org/min-name")
    assert sd is not None
    name = next(e for e in sd["snapshot"]["element"] if e["path"] == "Patient.name")
    assert name["min"] == 1


def test_highest_package_version_wins_and_loaded_files_win_over_packages(tmp_path: Path):
    old = _package(tmp_path / "a", [_sd("http://x.org/cs", "4.0.1")])
    new = _package(tmp_path / "b", [_sd("http://x.org/cs", "2.0.0")])
    defs = Definitions()
    defs.add_package_folder(old)
    defs.packages.clear()  # both test packages are called demo#1.0.0
    defs.add_package_folder(new)
    assert defs.fetch("http://x.org/cs")["version"] == "4.0.1"
    defs.add_resource(_sd("http://x.org/cs", "0.1.0"), "loaded.json")
    assert defs.fetch("http://x.org/cs")["version"] == "0.1.0"
