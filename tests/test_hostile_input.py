"""Seed text is data: markup, template syntax and Markdown in a seed appear literally and never run."""

import pytest

from duidu.pipeline import build_edition

from conftest import FIXTURES, build_project
from helpers import content, html_pages, soup

HOSTILE_TITLE = "治理<script>alert('t')</script>{{ 7*7 }}"
HOSTILE_PARAGRAPH = (
    "第一，居民参与<img src=x onerror=alert(1)>意识{% raw %}不强。"
    "[点我](javascript:alert(2))与<b>粗体</b>，*[治理]: 缩写，{{ config }}，&lt;i&gt;。"
)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    text = (FIXTURES / "synthetic_article.txt").read_text(encoding="utf-8")
    text = text.replace("社區治理的幾個問題", HOSTILE_TITLE, 1)
    text = text.replace("第一,居民參與意識不強。", HOSTILE_PARAGRAPH, 1)
    build = build_project(tmp_path_factory.mktemp("hostile"), {"hostile.txt": text.encode()})
    assert build.returncode == 0, build.log
    return build


def test_hostile_text_appears_literally(hostile_build):
    seed = hostile_build.site.parent / "seeds" / "hostile.txt"
    cleaned = build_edition(seed).article.parts[0].sections[0].paragraphs[0].text
    part = next(p for p in html_pages(hostile_build.site) if p.parent.name == "part-1")
    block = content(soup(part)).select_one("#p1-1-1")
    assert block.select_one(".dd-zh").get_text() == cleaned
    for fragment in ("<img src=x onerror=alert(1)>", "{% raw %}", "{{ config }}", "<b>粗体</b>", "[点我]", "javascript:alert(2)", "*[治理]"):
        assert fragment in cleaned
    assert "<i>" in cleaned and not block.select("i")  # the seed's &lt;i&gt; is decoded once, shown as text
    overview = next(p for p in html_pages(hostile_build.site) if p.name == "index.html" and p.parent.name.startswith("zhi-li"))
    assert HOSTILE_TITLE.replace("'", "'") in content(soup(overview)).get_text()


def test_nothing_from_the_seed_becomes_markup(hostile_build):
    for page in html_pages(hostile_build.site):
        document = soup(page)
        assert not any("alert" in (s.string or "") for s in document.select("script")), page
        assert not document.select("img[onerror], abbr, a[href^=javascript]"), page
        body = content(document)
        assert not body.select("b"), page
        assert "49" not in body.get_text(), page
        assert "<script>alert" not in page.read_text(encoding="utf-8"), page


def test_page_titles_and_navigation_show_the_title_as_text(hostile_build):
    overview = next(p for p in html_pages(hostile_build.site) if p.name == "index.html" and p.parent.name.startswith("zhi-li"))
    document = soup(overview)
    assert HOSTILE_TITLE in document.title.get_text()
    assert any(HOSTILE_TITLE in link.get_text() for link in document.select("nav a, nav label"))
