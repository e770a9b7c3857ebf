"""Search in a real browser (Pagefind, through Duidu's search box): Chinese queries without spaces, English
queries, and the glossary's terms in pinyin and in English find the paragraph that holds them first, and
the result links to it. The expected paragraph is computed from the built pages: the one unit whose text
holds the query (or, for a term, a unit whose Chinese uses it)."""

import re

import pytest

from conftest import ROOT
from duidu.glossary import load_glossary
from duidu.search_index import toneless
from helpers import content, soup

CHINESE = ["分税制", "鞭打快牛", "五社联动", "居站分设", "甩锅", "选苗", "内耗", "闲置", "孵化"]
ENGLISH = ["tax-sharing", "pony", "circuit-breaker", "demerits", "vanity", "foremost", "atomization", "interim"]
PAGES = ["", "part-1/", "part-2/", "part-3/", "references/"]
PINYIN_TERMS = 4
"""How many glossary terms (those used in exactly one paragraph) are looked up by pinyin and by English."""


@pytest.fixture(scope="module")
def units(real_site, article_slug) -> dict[str, str]:
    """The text of every linkable unit of the searchable pages, by ``page#anchor``."""
    found = {}
    for path in PAGES:
        page = content(soup(real_site.site / article_slug / path / "index.html"))
        for node in page.select(".dd-block[id], .dd-heading[id], li[id^=ref-]"):
            found[f"{article_slug}/{path}#{node['id']}"] = node.get_text(" ").lower()
    return found


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """One page for every query of the module: Pagefind is loaded once, as it is for a reader."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_site}/")
    page.locator("#dd-search-input").focus()
    yield page
    context.close()


def search(page, query: str, kind: str = "") -> list[str]:
    """The links of the results, in order (of one group, ``text`` or ``term``, if given)."""
    box = page.locator("#dd-search-input")
    status = page.locator(".dd-search__status")
    # Clear the previous query and see its results go, so that the ones read below are this query's.
    box.fill("")
    page.wait_for_function("!document.querySelector('.dd-search__list').children.length")
    box.fill(query)
    page.wait_for_function("document.querySelector('.dd-search__status').textContent.length > 0")
    assert "Nothing found" not in status.text_content(), query
    selector = ".dd-search__result" + ("--term" if kind == "term" else ":not(.dd-search__result--term)" if kind else "")
    return [link.get_attribute("href") for link in page.locator(selector).all()]


def local(href: str, served_site: str) -> str:
    return href.removeprefix(f"{served_site}/")


def test_the_table_is_half_chinese_half_english_and_at_least_twelve():
    assert len(CHINESE) + len(ENGLISH) >= 12 and abs(len(CHINESE) - len(ENGLISH)) <= 1


@pytest.mark.parametrize("query", CHINESE + ENGLISH)
def test_a_query_finds_the_paragraph_that_holds_it_first(search_page, served_site, units, query):
    holders = [place for place, text in units.items() if query.lower() in text]
    assert len(holders) == 1, f"{query} should stand in one unit, stands in {holders}"
    first = local(search(search_page, query, "text")[0], served_site)
    assert first == holders[0], (query, first)


def one_paragraph_terms(units) -> list:
    """Glossary terms that stand in exactly one unit of the article, a few of them."""
    glossary = load_glossary(ROOT / "seeds" / "glossary.yml")
    chosen = []
    for term in glossary.terms:
        holders = [place for place, text in units.items() if any(form in text for form in term.forms)]
        if len(holders) == 1 and re.fullmatch(r"[a-z ]+", term.english.lower()):
            chosen.append((term, holders[0]))
    assert len(chosen) >= PINYIN_TERMS
    return chosen[:: len(chosen) // PINYIN_TERMS][:PINYIN_TERMS]


def test_a_glossary_term_is_found_by_its_pinyin_and_its_english(search_page, served_site, units):
    for term, holder in one_paragraph_terms(units):
        queries = [toneless(term.pinyin).replace(" ", ""), term.pinyin, term.english]
        for query in queries:
            first = local(search(search_page, query, "text")[0], served_site)
            assert first == holder, (term.term, query, first)
        entries = [local(href, served_site) for href in search(search_page, term.pinyin, "term")]
        assert f"glossary/#{term.id}" in entries, (term.term, entries)


def test_the_results_are_reached_and_left_by_keyboard(search_page):
    search(search_page, "分税制")
    box = search_page.locator("#dd-search-input")
    box.focus()
    box.press("ArrowDown")
    first = search_page.locator(".dd-search__result").first
    assert first.evaluate("el => el === document.activeElement")
    first.press("ArrowDown")
    assert search_page.locator(".dd-search__result").nth(1).evaluate("el => el === document.activeElement")
    search_page.keyboard.press("ArrowUp")
    search_page.keyboard.press("ArrowUp")
    assert box.evaluate("el => el === document.activeElement")
    box.press("Escape")
    assert search_page.locator("#dd-search-results").is_hidden()


def test_a_result_shows_the_paragraph_with_the_query_marked_and_says_how_many(search_page):
    search(search_page, "鞭打快牛")
    first = search_page.locator(".dd-search__result").first
    assert "".join(first.locator(".dd-search__zh mark").all_text_contents()) == "鞭打快牛"
    assert first.locator(".dd-search__zh").get_attribute("lang") == "zh-Hans"
    status = search_page.locator(".dd-search__status")
    assert status.get_attribute("role") == "status"
    assert re.fullmatch(r"(\d+) results? · 找到 \1 条结果", status.text_content())


def test_following_a_result_lands_on_its_paragraph(search_page, served_site, units):
    search(search_page, "居站分设")
    search_page.locator(".dd-search__result").first.click()
    search_page.wait_for_load_state()
    anchor = search_page.url.split("#")[1]
    assert "居站分设" in units[local(search_page.url, served_site).split("?")[0]]
    assert search_page.locator(f"#{anchor}").evaluate("el => el.classList.contains('dd-highlight')")
    search_page.goto(f"{served_site}/")
    search_page.locator("#dd-search-input").focus()


def test_on_a_phone_the_box_opens_across_the_header_and_the_results_fit(page, served_site, units):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{served_site}/")
    box = page.locator("#dd-search-input")
    assert box.bounding_box()["width"] < 60  # an icon until tapped, beside the mode switch
    box.click()
    page.wait_for_timeout(300)  # the box widens (a transition)
    assert box.bounding_box()["width"] > 300
    box.fill("甩锅")
    page.wait_for_function("document.querySelector('.dd-search__status').textContent.length > 0")
    panel = page.locator("#dd-search-results").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 375
    first = page.locator(".dd-search__result").first
    assert first.is_visible() and local(first.get_attribute("href"), served_site) in units
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

