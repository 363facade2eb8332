"""End-to-end: publish the mini fixture IG (compiled with SUSHI) and inspect the site and package."""

from __future__ import annotations

import gzip
import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import lxml.html
import pytest

from igkit.errors import IgkitError
from igkit.publish.build import publish
from igkit.publish.linkcheck import check_site

from .conftest import run_igkit, writable_copy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(mini_ig: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mini-site") / "output"
    publish(mini_ig, out, browser_check=False)
    return out


def _doc(site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring((site / name).read_bytes())


def _rows(doc: lxml.html.HtmlElement, table_class: str) -> list:
    return doc.xpath(f"//table[contains(concat(' ', @class, ' '), ' {table_class} ')]/tbody/tr")


def test_every_page_exists_and_links_resolve(site: Path):
    for name in ("index.html", "background.html", "toc.html", "artifacts.html", "downloads.html", "qa.html",
                 "StructureDefinition-mini-measurereport.html", "StructureDefinition-mini-tier.html",
                 "CodeSystem-mini-tier.html", "ValueSet-mini-tier-two.html", "SearchParameter-mini-tier-search.html",
                 "CapabilityStatement-mini-server.html", "MeasureReport-mini-report-1.html",
                 "MeasureReport-invalid-report-no-group.html", "Patient-mini-patient-2.html", "static/style.css",
                 "MeasureReport-mini-report-1.json", "package.tgz", "definitions.json.zip"):  # fmt: skip
        assert (site / name).is_file(), name
    report = check_site(site)
    assert report.ok, [b.format() for b in report.broken]
    assert report.internal > 100


def test_home_page_menu_header_footer(site: Path):
    doc = _doc(site, "index.html")
    assert doc.xpath("string(//h1[@id='page-title'])") == "Mini Home"
    assert doc.xpath("string(//header//div[@class='brand']/a)") == "Mini Test IG"
    menu = doc.xpath("//nav[@class='menu']")[0]
    assert [a.text for a in menu.xpath("./ul/li/a")] == ["Home", "Background", "HL7"]
    nested = menu.xpath(".//li[span='More']/ul/li/a")
    assert [(a.text, a.get("href")) for a in nested] == [("Downloads", "downloads.html"), ("QA", "qa.html")]
    footer = doc.xpath("string(//footer)")
    assert "example.fhir.mini#0.3.0" in footer and "Example Publisher" in footer
    assert "include" not in doc.xpath("string(//main)")  # the Liquid include was dropped


def test_author_markdown_is_escaped(site: Path):
    html = (site / "background.html").read_text(encoding="utf-8")
    assert (
        "<script>alert" not in html
        and "&lt;script&gt;alert(&#x27;md&#x27;)" in html
        or "&lt;script&gt;" in html
    )
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in html
    assert '<h2 id="why">' in html and 'href="#why"' in html


def test_profile_page(site: Path):
    doc = _doc(site, "StructureDefinition-mini-measurereport.html")
    assert doc.xpath("string(//h1)") == "Mini Measure Report"
    assert "adds a tier" in doc.xpath("string(//section[@class='intro'])")
    diff = doc.xpath("//section[@id='differential']//table/tbody/tr")
    snap = doc.xpath("//section[@id='snapshot']//table/tbody/tr")
    assert 5 <= len(diff) < len(snap)
    tier = doc.xpath("//tr[@id='snap-MeasureReport.extension:tier']")[0]
    assert "S" in tier.xpath("string(td[@class='flags'])")
    assert tier.xpath("string(td[contains(@class,'card')])") == "1..1"
    assert tier.xpath("td[contains(@class,'type')]//a/@href") == ["StructureDefinition-mini-tier.html"]
    subject = doc.xpath("//tr[@id='snap-MeasureReport.subject']")[0]
    assert "http://hl7.org/fhir/us/core/STU6.1/StructureDefinition-us-core-patient.html" in subject.xpath(
        "td[contains(@class,'type')]//a/@href"
    )
    status = doc.xpath("//tr[@id='snap-MeasureReport.status']")[0]
    assert "?!" in status.xpath("string(td[@class='flags'])") and "required" in status.xpath("string(td[5])")
    typ = doc.xpath("//tr[@id='diff-MeasureReport.type']")[0]
    assert "Required pattern: summary" in " ".join(typ.xpath("string(td[5])").split())
    constraints = doc.xpath("string(//section[@id='constraints'])")
    assert "mini-1" in constraints and "status = 'complete' implies group.exists()" in constraints
    assert doc.xpath("//section[@id='examples']//a/@href") == [
        "MeasureReport-invalid-report-no-group.html",
        "MeasureReport-mini-report-1.html",
    ]


def test_extension_page_binding(site: Path):
    doc = _doc(site, "StructureDefinition-mini-tier.html")
    links = doc.xpath("//section[@id='snapshot']//td//a/@href")
    assert "ValueSet-mini-tier.html" in links
    assert "MeasureReport" in doc.xpath("string(//table[@class='meta'][2])")  # context of use


def test_code_system_and_value_set_pages(site: Path):
    cs = _doc(site, "CodeSystem-mini-tier.html")
    rows = _rows(cs, "concepts")
    assert [r.xpath("string(td[2])").strip() for r in rows] == ["1", "2", "2A", "2B", "3"]
    assert [r.xpath("string(td[1])") for r in rows] == ["1", "1", "2", "2", "1"]
    assert rows[2].get("id") == "c-2A" and rows[2].xpath("string(td[5])") == "5"
    vs = _doc(site, "ValueSet-mini-tier-two.html")
    expansion = _rows(vs, "concepts")
    assert [r.xpath("string(td[2])") for r in expansion] == ["2", "2A"]
    assert expansion[1].xpath("td[2]/a/@href") == ["CodeSystem-mini-tier.html#c-2A"]
    loinc = _doc(site, "ValueSet-mini-loinc.html")
    assert [r.xpath("string(td[3])") for r in _rows(loinc, "concepts")] == ["Heart rate", "Respiratory rate"]


def test_search_parameter_and_capability_statement(site: Path):
    sp = _doc(site, "SearchParameter-mini-tier-search.html")
    assert (
        "MeasureReport.extension('http://example.org/fhir/mini/StructureDefinition/mini-tier').value"
        in sp.xpath("string(//main)")
    )
    cap = _doc(site, "CapabilityStatement-mini-server.html")
    rows = _rows(cap, "capabilities")
    assert [r.get("id") for r in rows] == ["server-MeasureReport", "server-Patient"]
    assert "SHALL" in rows[0].xpath("string(td[3])")
    assert rows[0].xpath("td[4]//a/@href") == ["SearchParameter-mini-tier-search.html"]
    assert rows[1].xpath("td[2]//a/@href") == ["StructureDefinition-mini-patient.html"]


def test_example_pages(site: Path):
    doc = _doc(site, "Patient-mini-patient-2.html")
    narrative = lxml.html.tostring(doc.xpath("//div[@class='narrative']")[0], encoding="unicode")
    assert "Patient Two" in narrative
    for bad in ("<script", "onclick", "onerror", "javascript:", "missing-page.html"):
        assert bad not in narrative
    assert '"resourceType": "Patient"' in doc.xpath("string(//pre[@class='json'])")
    assert doc.xpath("string(//p[contains(@class,'status')])").strip()  # validated, or says "Not validated"
    one = _doc(site, "Patient-mini-patient-1.html")
    assert one.xpath("//div[@class='narrative']//a/@href") == ["MeasureReport-mini-report-1.html"]
    assert one.xpath("string(//h1)") == "Patient One"
    invalid = _doc(site, "MeasureReport-invalid-report-no-group.html")
    assert "deliberately invalid" in invalid.xpath("string(//p[@class='banner'])")


def test_qa_and_artifact_index(site: Path):
    qa = _doc(site, "qa.html")
    rows = _rows(qa, "qa")
    assert len(rows) == 4
    assert {r.xpath("string(td[3])") for r in rows} == {"valid", "invalid"}
    assert {r.xpath("string(td[7])") for r in rows} <= {"yes", "no", "–"}
    summary = qa.xpath("string(//p[@id='qa-summary'])")
    assert "4 example(s)" in summary
    art = _doc(site, "artifacts.html")
    assert [s.get("id") for s in art.xpath("//section")] == [
        "profile", "extension", "capabilitystatement", "searchparameter", "valueset", "codesystem", "ig",
        "example", "invalid-example"]  # fmt: skip


def test_package_and_definitions(site: Path):
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress((site / "package.tgz").read_bytes()))) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("package/package.json").read())
        index = json.loads(tar.extractfile("package/.index.json").read())
    assert manifest["name"] == "example.fhir.mini" and manifest["version"] == "0.3.0"
    assert manifest["dependencies"]["hl7.fhir.us.core"] == "6.1.0"
    assert "package/StructureDefinition-mini-measurereport.json" in names
    assert "package/ImplementationGuide-example.fhir.mini.json" in names
    assert "package/example/MeasureReport-mini-report-1.json" in names
    assert "package/example/Patient-mini-patient-2.json" in names
    assert not [n for n in names if "invalid" in n]
    assert {r["filename"] for r in index["files"]} == {n[len("package/"):] for n in names
                                                        if n.count("/") == 1 and n.endswith(".json")
                                                        and not n.endswith("package.json")
                                                        and not n.endswith(".index.json")}  # fmt: skip
    with zipfile.ZipFile(site / "definitions.json.zip") as zf:
        zipped = zf.namelist()
    assert "CodeSystem-mini-tier.json" in zipped and not [
        n for n in zipped if n.startswith(("Patient", "Measure"))
    ]


def test_two_builds_are_byte_identical(mini_ig: Path, tmp_path: Path):
    a, b = tmp_path / "a", tmp_path / "b"
    publish(mini_ig, a, browser_check=False)
    publish(mini_ig, b, browser_check=False)
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [f for f in files_a if (a / f).read_bytes() != (b / f).read_bytes()]
    assert different == []


def test_broken_menu_link_fails_and_keeps_the_old_output(mini_ig: Path, tmp_path: Path):
    root = writable_copy(mini_ig, tmp_path / "ig")
    out = tmp_path / "out"
    publish(root, out, browser_check=False)
    before = (out / "index.html").read_bytes()
    config = root / "sushi-config.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("HL7: http://hl7.org/fhir/R4/", "Gone: gone.html")
    )
    with pytest.raises(
        IgkitError,
        match=r"gone.html \(no such file\) on CapabilityStatement-mini-server.html, .* and \d+ more pages",
    ):
        publish(root, out, browser_check=False)
    assert (out / "index.html").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no temporary folder left


def test_cli(mini_ig: Path, tmp_path: Path):
    root = writable_copy(mini_ig, tmp_path / "ig")
    done = run_igkit(["publish", "--no-browser-check"], root)
    assert done.returncode == 0, done.stderr
    assert "Published 14 resources (13 packaged) to output/" in done.stdout
    assert (root / "output/index.html").is_file()
    other = tmp_path / "elsewhere"
    done = run_igkit(["publish", "--no-browser-check", "--output", str(other)], root)
    assert done.returncode == 0 and (other / "package.tgz").is_file()


def test_cli_without_compiled_sources(tmp_path: Path):
    (tmp_path / "sushi-config.yaml").write_text(
        "id: a\ncanonical: http://x\nversion: 1.0.0\nfhirVersion: 4.0.1\n"
    )
    done = run_igkit(["publish", "--no-browser-check"], tmp_path)
    assert done.returncode == 2 and "igkit compile" in done.stderr and "Traceback" not in done.stderr


def test_publisher_jar(mini_ig: Path, tmp_path: Path):
    root = writable_copy(mini_ig, tmp_path / "ig")
    env = dict(os.environ, IGKIT_PUBLISHER_JAR=str(tmp_path / "missing.jar"))
    done = run_igkit(["publish"], root, env)
    assert done.returncode == 2 and "missing.jar" in done.stderr and "no such file" in done.stderr
    # a stand-in `java` records how it is called: java -jar JAR -ig . in the project folder
    jar = tmp_path / "publisher.jar"
    jar.write_bytes(b"PK")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(f'#!/bin/sh\necho "$PWD" "$@" > {tmp_path / "java-args.txt"}\n')
    java.chmod(0o755)
    env = dict(os.environ, IGKIT_PUBLISHER_JAR=str(jar), PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    done = run_igkit(["publish"], root, env)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "java-args.txt").read_text().split() == [str(root), "-jar", str(jar), "-ig", "."]
    assert not (root / "output").exists()  # igkit's own publisher did not run
