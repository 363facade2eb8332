from igkit.publish.narrative import render_narrative

DIV = (
    '<div xmlns="http://www.w3.org/1999/xhtml"><p onclick="steal()" style="color: red">Hi '
    '<a href="Patient/p1">patient</a> <a href="javascript:alert(1)">js</a> <a href="gone.html">gone</a> '
    '<a href="known.html#x">known</a> <a href="http://example.org/">ext</a></p>'
    '<script>alert(1)</script><iframe src="http://evil"></iframe><img src="x.png" onerror="alert(2)"/></div>'
)


def _render(div: str = DIV) -> str:
    return str(
        render_narrative(div, {"known.html"}, lambda ref: "Patient-p1.html" if ref == "Patient/p1" else None)
    )


def test_scripts_handlers_and_active_urls_are_removed():
    html = _render()
    for bad in ("<script", "onclick", "onerror", "javascript:", "<iframe", "alert(1)"):
        assert bad not in html
    assert 'style="color: red"' in html


def test_links_are_made_to_resolve_in_the_site():
    html = _render()
    assert 'href="Patient-p1.html"' in html
    assert 'href="known.html#x"' in html
    assert 'href="http://example.org/"' in html
    assert "gone.html" not in html and ">gone</a>" in html  # text kept, link dropped
    assert 'src="x.png"' not in html


def test_malformed_narrative_is_shown_as_text():
    html = _render('<div xmlns="http://www.w3.org/1999/xhtml"><p>unclosed <b>bold</div>')
    assert "<b>" not in html and "unclosed" in html
