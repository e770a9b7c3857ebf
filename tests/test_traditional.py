"""The Chinese of every page in Traditional characters (traditional.py): a file beside each page holding, in
order, each outermost zh-Hans element of its article converted by OpenCC s2t, tags untouched."""

import json

from bs4 import BeautifulSoup
from duidu.traditional import to_traditional_html, traditional_blocks

from helpers import html_pages


def test_text_is_converted_and_tags_are_left_alone():
    assert to_traditional_html('<a href="#后" title="发展">后来发展</a>') == '<a href="#后" title="发展">後來發展</a>'


def test_each_page_has_one_traditional_block_for_each_chinese_element_of_its_article(real_site):
    pages = [path for path in html_pages(real_site.site) if path.with_suffix(".zh-hant.json").exists()]
    assert len(pages) > 100  # the article's pages, the glossary and its term pages, the library, home
    for path in pages:
        blocks = json.loads(path.with_suffix(".zh-hant.json").read_text(encoding="utf-8"))
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
        chinese = [e for e in article.select("[lang=zh-Hans]") if not e.find_parent(attrs={"lang": "zh-Hans"})]
        assert len(blocks) == len(chinese), path
        for block, element in zip(blocks, chinese):
            converted = BeautifulSoup(block, "html.parser")
            assert [a.get("href") for a in converted.select("a")] == [a.get("href") for a in element.select("a")]
            assert len(converted.get_text()) == len(element.get_text())


def test_a_page_without_chinese_in_its_article_has_no_file():
    assert traditional_blocks('<article class="md-content__inner md-typeset"><p lang="en">Only English</p></article>') == []
