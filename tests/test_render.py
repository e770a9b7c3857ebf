"""render: seed text escaped, 〓 explained, links made by MkDocs' files; templates reread when edited."""

import os
import shutil

import pytest
from duidu.links import SiteFiles
from duidu.render import TEMPLATES, environment, render_text
from mkdocs.structure.files import File


def test_seed_text_is_escaped():
    assert str(render_text("<b>{{ x }}</b> & *a*")) == "&lt;b&gt;{{ x }}&lt;/b&gt; &amp; *a*"


def test_geta_is_marked_with_a_note():
    html = str(render_text("基层〓治理<"))
    assert html.startswith("基层<span class=\"dd-geta\" title=\"Damaged in the source; see About this text\">〓</span>")
    assert html.endswith("治理&lt;")


def site_files(directory_urls: bool) -> SiteFiles:
    sources = ["index.md", "glossary.md", "a/index.md", "a/part-1.md", "a/part-2.md", "a/a.bib"]
    return SiteFiles({s: File(s, src_dir=None, dest_dir="/site", use_directory_urls=directory_urls) for s in sources})


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [
        (True, ["../part-2/#s2-1", "../../glossary/#fen-shui-zhi", "../", "./", "../a.bib", "a/"]),
        (False, ["part-2.html#s2-1", "../glossary.html#fen-shui-zhi", "index.html", "part-1.html", "a.bib", "a/index.html"]),
    ],
)
def test_links_follow_the_url_scheme_mkdocs_chose(directory_urls, expected):
    files = site_files(directory_urls)
    assert [
        files.href("a/part-1.md", "a/part-2.md", "s2-1"),
        files.href("a/part-1.md", "glossary.md", "fen-shui-zhi"),
        files.href("a/part-1.md", "a/index.md"),
        files.href("a/part-1.md", "a/part-1.md"),
        files.href("a/part-1.md", "a/a.bib"),
        files.href("index.md", "a/index.md"),
    ] == expected


def test_a_link_to_a_page_the_site_lacks_is_an_error():
    with pytest.raises(KeyError):
        site_files(True).href("a/part-1.md", "a/part-9.md")


def test_a_template_edit_takes_effect_on_the_next_render(tmp_path):
    """`mkdocs serve` keeps the environment for the life of the process; an edited template is read again."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "probe.html").write_text("before", encoding="utf-8")
    assert environment(templates).get_template("probe.html").render() == "before"
    (templates / "probe.html").write_text("after", encoding="utf-8")
    later = os.stat(templates / "probe.html").st_mtime + 2  # a second edit within the clock's resolution still counts
    os.utime(templates / "probe.html", (later, later))
    assert environment(templates).get_template("probe.html").render() == "after"
