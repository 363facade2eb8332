"""The VBPR IG of this repository: published quickly, and its package.tgz is a real FHIR package that
another IG can build on (SUSHI) and validate against (igkit validate), offline."""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import time
from pathlib import Path

import pytest

from igkit.project import package_cache
from igkit.publish.build import publish
from igkit.publish.linkcheck import check_site

from .conftest import FIXTURES, compile_ig, copy_ig, run_igkit, sushi_env

pytestmark = pytest.mark.slow

VBPR = "hl7.fhir.us.davinci-vbpr"
PERFORMANCE_PROFILE = "http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/vbp-performance-measurereport"
LINE_OF_BUSINESS = "http://hl7.org/fhir/us/davinci-vbpr/StructureDefinition/line-of-business"


@pytest.fixture(scope="module")
def vbpr_site(vbpr_ig: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    out = tmp_path_factory.mktemp("vbpr-site") / "output"
    report = tmp_path_factory.mktemp("report") / "test-report.json"
    report.write_text(
        json.dumps({"examples": []})
    )  # as if the regression step had run: no validator run here
    started = time.monotonic()
    publish(vbpr_ig, out, report=report, browser_check=False)
    return out, time.monotonic() - started


def test_publish_is_fast_and_complete(vbpr_site: tuple[Path, float], vbpr_ig: Path):
    site, seconds = vbpr_site
    assert seconds < 15, f"igkit publish took {seconds:.1f} s"
    assert check_site(site).ok
    generated = sorted((vbpr_ig / "fsh-generated" / "resources").glob("*.json"))
    assert generated
    for path in generated:
        assert (site / (path.stem + ".html")).is_file(), path.name
    manifest = _package_member(site / "package.tgz", "package/package.json")
    assert manifest["name"] == VBPR and manifest["canonical"] == "http://hl7.org/fhir/us/davinci-vbpr"
    assert manifest["dependencies"]["hl7.fhir.us.core"] == "6.1.0"


def _package_member(tgz: Path, name: str) -> dict:
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(tgz.read_bytes()))) as tar:
        return json.loads(tar.extractfile(name).read())


def _fhir_home_with(package: Path, version: str, home: Path) -> Path:
    """A FHIR home whose cache holds the published package next to links to the other packages."""
    cache = home / ".fhir" / "packages"
    cache.mkdir(parents=True)
    for folder in sorted(package_cache().iterdir()):
        if "#" in folder.name and not folder.name.startswith(VBPR + "#"):
            (cache / folder.name).symlink_to(folder, target_is_directory=True)
    target = cache / f"{VBPR}#{version}"
    target.mkdir()
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(package.read_bytes()))) as tar:
        tar.extractall(target, filter="data")
    return home


def test_dependent_ig_builds_on_the_package_and_validates(vbpr_site: tuple[Path, float], tmp_path: Path):
    site, _ = vbpr_site
    version = _package_member(site / "package.tgz", "package/package.json")["version"]
    home = _fhir_home_with(site / "package.tgz", version, tmp_path / "home")
    dep = copy_ig(FIXTURES / "dependent-ig", tmp_path / "dependent")
    config = dep / "sushi-config.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("1.0.0-ballot", version), encoding="utf-8")
    env = sushi_env({"HOME": str(home), "IGKIT_FHIR_HOME": str(home)})
    compile_ig(dep, env)  # SUSHI, offline, with the VBPR package from the tmp cache

    out = dep / "fsh-generated" / "resources"
    report = json.loads((out / "MeasureReport-dependent-report.json").read_text())
    assert report["meta"]["profile"] == [PERFORMANCE_PROFILE]
    assert LINE_OF_BUSINESS in [e["url"] for e in report["extension"]]  # resolved from the package
    profile = json.loads((out / "StructureDefinition-regional-performance-report.json").read_text())
    assert profile["baseDefinition"] == PERFORMANCE_PROFILE
    slices = {e.get("sliceName") for e in profile["snapshot"]["element"]}
    assert {"lineOfBusiness", "providerOrganization"} <= slices  # inherited from the VBPR snapshot

    files = ["fsh-generated/resources/MeasureReport-dependent-report.json",
             "fsh-generated/resources/MeasureReport-dependent-report-without-line-of-business.json"]  # fmt: skip
    done = run_igkit(
        ["validate", "--format", "json", *files], dep, dict(os.environ, IGKIT_FHIR_HOME=str(home))
    )
    assert done.stdout.strip(), done.stderr
    outcomes = {_file_of(e["resource"]): e["resource"] for e in json.loads(done.stdout)["entry"]}
    good = outcomes[files[0]]
    assert [i for i in good.get("issue", []) if i["severity"] in ("error", "fatal")] == []
    bad_errors = [
        i.get("details", {}).get("text", "") for i in outcomes[files[1]]["issue"] if i["severity"] == "error"
    ]
    # the money rule (USD only) is an invariant that only the VBPR profile in the package defines
    assert any("vbp-mr-6" in text and "davinci-vbpr/StructureDefinition/" in text for text in bad_errors), (
        bad_errors
    )
    assert done.returncode != 0


def _file_of(outcome: dict) -> str:
    for ext in outcome.get("extension", []):
        if ext["url"].endswith("operationoutcome-file"):
            return ext["valueString"]
    return ""
