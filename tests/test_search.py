"""Search in a real browser: Chinese queries without spaces and English queries find the page that holds
them first. The expected page is computed: the one article page whose text contains the query."""

import pytest

from helpers import content, soup

CHINESE = ["分税制", "鞭打快牛", "五社联动", "居站分设", "甩锅", "选苗", "内耗", "闲置", "孵化"]
ENGLISH = ["tax-sharing", "pony", "circuit-breaker", "demerits", "vanity", "fettered", "atomization", "interim"]
PAGES = ["", "part-1/", "part-2/", "part-3/", "references/"]


@pytest.fixture(scope="module")
def page_texts(real_site, article_slug):
    return {path: content(soup(real_site.site / article_slug / path / "index.html")).get_text().lower() for path in PAGES}


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    """One home page for every query of the module: the search index is loaded once, as a reader's is."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_site}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    yield page
    context.close()


def search(page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item > a")
    # Clear the previous query and see its results go, so the ones read below are this query's.
    box.fill("")
    results.first.wait_for(state="detached", timeout=10_000)
    box.fill(query)
    box.press("End")
    results.first.wait_for(timeout=10_000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def test_the_table_is_half_chinese_half_english_and_at_least_twelve():
    assert len(CHINESE) + len(ENGLISH) >= 12 and abs(len(CHINESE) - len(ENGLISH)) <= 1


@pytest.mark.parametrize("query", CHINESE + ENGLISH)
def test_a_query_finds_the_page_that_holds_it_first(search_page, served_site, article_slug, page_texts, query):
    holders = [path for path, text in page_texts.items() if query.lower() in text]
    assert len(holders) == 1, f"{query} should stand on one page, stands on {holders}"
    hrefs = search(search_page, query)
    first = hrefs[0].split("?")[0].split("#")[0]
    assert first == f"{served_site}/{article_slug}/{holders[0]}", (query, hrefs[:3])
