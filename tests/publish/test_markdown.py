import re

from hypothesis import given, settings
from hypothesis import strategies as st

from igkit.publish.markdown import MarkdownRenderer, slugify


def test_raw_html_and_active_links_do_not_reach_the_page():
    html = str(MarkdownRenderer().render(
        "Text <script>alert(1)</script> <img src=x onerror=\"alert(2)\"> [bad](javascript:alert(3)) "
        "[vb](vbscript:x) [ok](page.html#a)"
    ))  # fmt: skip
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and 'href="vbscript:' not in html
    assert '<a href="page.html#a">ok</a>' in html


def test_heading_ids_follow_kramdown_and_are_unique():
    html = str(
        MarkdownRenderer().render("# Über Uns\n\n## Details\n\n## Details\n\n### 1. A/B test, (final)\n")
    )
    assert '<h1 id="ber-uns">' in html
    assert '<h2 id="details">' in html and '<h2 id="details-1">' in html
    assert '<h3 id="ab-test-final">' in html


def test_kramdown_attribute_lists_and_header_ids():
    source = (
        '### Value-based contracts\n{: #vbc}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n{: .grid style="x" onclick=y}\n\n'
        "{: #first}\nA paragraph.\n\n## Custom {#custom-id}\n\n```\n{: #in-code}\n```\n"
    )
    html = str(MarkdownRenderer().render(source))
    assert '<h3 id="vbc">Value-based contracts</h3>' in html
    assert '<table class="grid">' in html and "onclick" not in html and "style" not in html
    assert "{:" not in html.split("<pre>")[0] and "<td>{:" not in html
    assert '<p id="first">A paragraph.</p>' in html
    assert '<h2 id="custom-id">Custom</h2>' in html
    assert "{: #in-code}" in html  # code blocks are left alone


def test_liquid_directives_are_dropped_and_tables_render():
    html = str(
        MarkdownRenderer().render("{% include link-list.md %}\n\n| a | b |\n|---|---|\n| 1 | {{site.x}} |\n")
    )
    assert "include" not in html and "site.x" not in html
    assert "<table>" in html and "<td>1</td>" in html


def test_inline_unwraps_a_single_paragraph():
    md = MarkdownRenderer()
    assert str(md.inline("A *b*")) == "A <em>b</em>"
    assert str(md.inline("one\n\ntwo")).count("<p>") == 2


def test_slugify():
    assert slugify("Hello, World!") == "hello-world"
    assert slugify("!!!") == "section"


def test_markdown_containers_keep_only_safe_attributes():
    source = (
        '<div class="bg-info evil onclick=alert(1)" id="note" style="x" markdown="1">\n'
        "Some **bold** text.\n\n"
        '<div markdown="1" class="inner">\n## Inner\n</div>\n'
        "</div>\n\n<div>\nnot a markdown container\n</div>\n\n</div>\n"
    )
    html = str(MarkdownRenderer().render(source))
    assert html.startswith('<div class="bg-info evil" id="note">\n<p>Some <strong>bold</strong> text.</p>')
    assert '<div class="inner">\n<h2 id="inner">Inner</h2>\n</div>' in html
    assert "onclick" not in html and "style" not in html
    assert "&lt;div&gt;" in html and html.rstrip().endswith("<p>&lt;/div&gt;</p>")  # unbalanced: escaped


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[a](javascript:alert(1))",
                '<div class="x" onclick="y" markdown="1">',
                "</div>",
                "{: #id onclick=x}",
                "{: .c}",
                "# H",
                "| a | b |",
                "|---|---|",
                "text",
                "",
                "<a href='x' onmouseover='y'>",
                "`code`",
                "```",
                "*",
                "![i](data:text/html;base64,PHNjcmlwdD4=)",
                "{% include x %}",
                "<svg onload=alert(1)>",
            ]
        ),
        max_size=12,
    )
)
def test_no_active_content_survives_any_mix(lines):
    html = str(MarkdownRenderer().render("\n".join(lines)))
    assert not re.search(r"<(script|svg|iframe|img[^>]*onerror)", html, re.IGNORECASE)
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html, re.IGNORECASE)
    assert 'href="javascript:' not in html and 'src="data:text' not in html
