"""xhtml: the HL7 validator's narrative checks, txt-1/txt-2 helpers and the sanitizer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from igkit.validate.xhtml import (
    check_narrative,
    has_content,
    html_checks,
    narrative_language,
    sanitize_xhtml,
)

NS = 'xmlns="http://www.w3.org/1999/xhtml"'
SAMPLES = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/r4-examples-sample")


def ids(div: str, **kw) -> list[str]:
    return [i.message_id for i in check_narrative(div, **kw)]


def test_clean_narrative_has_no_issues():
    div = (
        f'<div {NS}><p>Hello <b>world</b> &nbsp;&amp; <a href="http://example.org/x?a=1">link</a></p>'
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
        '<ul><li>i</li></ul><img src="#pic" alt="p"/></div>'
    )
    assert check_narrative(div) == []
    assert html_checks(div) and has_content(div)


def test_script_is_an_illegal_element_with_position():
    issues = check_narrative(f"<div {NS}>\n  text <script>alert(1)</script></div>", security_checks=True)
    assert [(i.severity, i.message_id) for i in issues] == [("error", "XHTML_XHTML_Element_Illegal")]
    assert "'script'" in issues[0].message
    assert (issues[0].line, issues[0].column) == (2, 8)
    assert not html_checks(f"<div {NS}>text <script>alert(1)</script></div>")


def test_event_handler_attribute_is_illegal():
    div = f'<div {NS}><p onclick="steal()">x</p></div>'
    assert ids(div) == ["XHTML_XHTML_Attribute_Illegal"]
    assert not html_checks(div)


def test_namespace_and_root_name():
    assert ids('<div xmlns="http://hl7.org/fhir">x</div>') == ["XHTML_XHTML_NS_InValid"]
    assert ids("<div>x</div>") == ["XHTML_XHTML_NS_InValid"]
    assert ids(f"<p {NS}>x</p>") == ["XHTML_XHTML_Name_Invalid"]


def test_block_inside_paragraph_and_structure():
    assert "XHTML_XHTML_ELEMENT_ILLEGAL_IN_PARA" in ids(f"<div {NS}><p><div>x</div></p></div>")
    assert ids(f"<div {NS}><ul>text<li>a</li></ul></div>") == ["XHTML_XHTML_ILLEGAL_CHILDREN"]
    assert ids(f"<div {NS}><li>a</li></div>") == ["XHTML_XHTML_OUT_OF_PLACE"]
    assert ids(f"<div {NS}><br>x</br></div>") == ["XHTML_XHTML_NO_CHILDREN"]


def test_urls():
    assert ids(f'<div {NS}><a href="">x</a></div>') == ["XHTML_URL_INVALID"]
    assert ids(f'<div {NS}><a href="http://a b">x</a></div>') == ["XHTML_URL_INVALID"]
    js = f'<div {NS}><a href="javascript:alert(1)">x</a></div>'
    assert ids(js) == []
    assert ids(js, security_checks=True) == ["XHTML_URL_INVALID"]
    img = f'<div {NS}><img src="http://tracker.example/p.gif"/></div>'
    assert ids(img) == []
    assert ids(img, security_checks=True) == ["XHTML_XHTML_Image_Reference_Illegal"]


def test_language_sections_and_duplicate_ids():
    mixed = f'<div {NS}>\n Text without container\n <div xml:lang="en">English</div>\n</div>'
    assert ids(mixed) == ["XHTML_XHTML_MIXED_LANG"]
    two = f'<div {NS}>\n <div xml:lang="pt" lang="pt">a</div>\n <div xml:lang="de" lang="de">b</div>\n</div>'
    assert ids(two) == []
    assert narrative_language(two) == "pt"
    dup = f'<div {NS}><p id="a">1</p><p id="a">2</p><a name="a">3</a></div>'
    issues = check_narrative(dup)
    assert [i.severity for i in issues] == ["warning"]
    assert "a (3x)" in issues[0].message


def test_unparseable_and_doctype():
    assert ids(f"<div {NS}><p>x</div>") == ["Error_parsing_XHTML_"]
    assert ids(f"<div {NS}>&bogus;</div>") == ["Error_parsing_XHTML_"]
    bomb = '<!DOCTYPE d [<!ENTITY a "aaaa">]><div xmlns="http://www.w3.org/1999/xhtml">&a;</div>'
    assert ids(bomb) == ["Error_parsing_XHTML_"]
    assert not html_checks(bomb)


def test_txt2_empty_narrative():
    assert not has_content(f"<div {NS}>\n  <p/>\n</div>")
    assert has_content(f'<div {NS}><img src="#a"/></div>')


def test_sanitize_removes_active_content():
    dirty = (
        f'<div {NS} onload="x()" lang="en"><p onclick="x()" style="color:red">Hi<script>evil()</script></p>'
        '<a href="javascript:evil()">j</a><a href="https://ok.example/">ok</a>'
        '<iframe src="http://evil"></iframe><img src="data:image/png;base64,AAAA"/>'
        '<img src="http://t.example/x.gif" onerror="x()"/><font>kept text</font>'
        '<span style="background:url(http://t/x)">s</span></div>'
    )
    clean = sanitize_xhtml(dirty)
    for bad in ("script", "evil", "onclick", "onload", "onerror", "iframe", "javascript", "url(", "<font"):
        assert bad not in clean
    assert 'style="color:red"' in clean and "kept text" in clean and 'lang="en"' in clean
    assert 'href="https://ok.example/"' in clean and "data:image/png" in clean
    assert check_narrative(clean) == []
    assert sanitize_xhtml(clean) == clean  # idempotent
    assert sanitize_xhtml("<div><p>unclosed") == f"<div {NS}>&lt;div&gt;&lt;p&gt;unclosed</div>"


@pytest.mark.skipif(not SAMPLES.exists(), reason="r4 examples not available")
def test_official_examples_have_no_narrative_errors():
    def divs(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "div" and isinstance(v, str):
                    yield v
                else:
                    yield from divs(v)
        elif isinstance(o, list):
            for v in o:
                yield from divs(v)

    count = 0
    for path in sorted(SAMPLES.glob("*.json"))[:200]:
        for div in divs(json.loads(path.read_text(encoding="utf-8"))):
            count += 1
            errors = [i for i in check_narrative(div) if i.severity == "error"]
            assert errors == [], path.name
            assert html_checks(div), path.name
    assert count > 100


def test_narrative_language_against_resource_language():
    from igkit.validate.xhtml import check_narrative_language

    two = f'<div {NS}>\n <div xml:lang="pt" lang="pt">a</div>\n <div xml:lang="de" lang="de">b</div>\n</div>'
    issues = check_narrative_language(two, "en")
    assert [(i.severity, i.message_id) for i in issues] == [("warning", "Language_XHTML_Lang_Different1")]
    assert "(en)" in issues[0].message and "(pt)" in issues[0].message
    assert check_narrative_language(two, "pt") == []
    assert check_narrative_language(two, None) == []
    only_xml = f'<div {NS} xml:lang="fr">x</div>'
    assert [i.message_id for i in check_narrative_language(only_xml, "en")] == [
        "Language_XHTML_Lang_Different2"
    ]
    assert [i.message_id for i in check_narrative_language(f"<div {NS}>x</div>", "en")] == [
        "Language_XHTML_Lang_Missing1"
    ]


def test_internal_links_must_resolve():
    from igkit.validate.xhtml import check_internal_links, narrative_anchors

    first = f'<div {NS}><p id="top">x</p><a name="n1">n</a></div>'
    second = (
        f'<div {NS}><blockquote><p><a href="#top">ok</a> <a href="#nowhere">See  above</a>'
        '<a href="http://x/#frag">ext</a><a href="#n1">n</a></p></blockquote></div>'
    )
    anchors = narrative_anchors(first) | narrative_anchors(second)
    assert anchors == {"top", "n1"}
    issues = check_internal_links(second, anchors)
    assert [(i.severity, i.message_id) for i in issues] == [("error", "XHTML_LINK_NOT_RESOLVED")]
    assert (
        issues[0].message == "Hyperlink '#nowhere' at 'div/blockquote/p/a' for 'See above' does not resolve"
    )


@pytest.mark.skipif(
    not Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/validator-tests").exists(),
    reason="no validator-tests",
)
def test_internal_links_agree_with_hl7_validator_on_bundle_enrl():
    from igkit.validate.xhtml import check_internal_links, narrative_anchors

    root = Path(__file__).resolve().parents[2].parent.joinpath("shared/conformance/validator-tests")
    bundle = json.loads((root / "files" / "bundle-enrl.json").read_text(encoding="utf-8"))
    divs = [e["resource"].get("text", {}).get("div", "") for e in bundle["entry"]]
    anchors = set().union(*(narrative_anchors(d) for d in divs))
    mine = sorted(i.message for d in divs for i in check_internal_links(d, anchors))
    expected = json.loads((root / "expected" / "R4.bundle-enrl-base.json").read_text(encoding="utf-8"))
    theirs = sorted(
        i["details"]["text"] for i in expected["issue"] if i["details"]["text"].startswith("Hyperlink")
    )
    assert mine == theirs
