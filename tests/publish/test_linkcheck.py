from igkit.publish.linkcheck import check_site


def _site(tmp_path, pages):
    for name, body in pages.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>")
    return tmp_path


def test_good_site(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="a.html#sec">a</a> <a href="#top">top</a><h1 id="top">x</h1>'
                      '<a href="http://hl7.org/fhir/R4/">ext</a> <a href="sub/b.html">b</a> <a name="n"></a>',
        "a.html": '<h2 id="sec">s</h2><a href="index.html#n">back</a>',
        "sub/b.html": '<a href="../index.html">up</a><img src="../static/x.png">',
    })  # fmt: skip
    (site / "static").mkdir()
    (site / "static/x.png").write_bytes(b"png")
    report = check_site(site)
    assert report.ok, [b.format() for b in report.broken]
    assert report.pages == 3 and report.internal == 6 and report.external == 1


def test_broken_links_and_anchors_are_reported(tmp_path):
    site = _site(tmp_path, {
        "index.html": '<a href="missing.html">m</a> <a href="a.html#nope">n</a> <a href="#self-missing">s</a>'
                      '<a href="../outside.html">o</a> <a href="javascript:alert(1)">j</a>'
                      '<link rel="stylesheet" href="static/none.css">',
        "a.html": "<p id='there'>x</p>",
    })  # fmt: skip
    broken = {(b.href, b.reason.split(" ")[0]) for b in check_site(site).broken}
    assert broken == {("missing.html", "no"), ("a.html#nope", "no"), ("#self-missing", "no"),
                      ("../outside.html", "points"), ("javascript:alert(1)", "scheme"),
                      ("static/none.css", "no")}  # fmt: skip
