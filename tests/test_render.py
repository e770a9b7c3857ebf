"""render: seed text escaped, 〓 explained, links relative to the page."""

from duidu.render import render_text
from duidu.site import page_url


def test_seed_text_is_escaped():
    assert str(render_text("<b>{{ x }}</b> & *a*")) == "&lt;b&gt;{{ x }}&lt;/b&gt; &amp; *a*"


def test_geta_is_marked_with_a_note():
    html = str(render_text("基层〓治理<"))
    assert html.startswith("基层<span class=\"dd-geta\" title=\"Damaged in the source; see About this text\">〓</span>")
    assert html.endswith("治理&lt;")


def test_page_urls_follow_directory_urls():
    assert page_url("index.md") == ""
    assert page_url("slug/index.md") == "slug/"
    assert page_url("slug/part-2.md") == "slug/part-2/"
