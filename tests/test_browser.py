"""A real browser (Playwright driving Debian's Chromium) reading the built site from a static server."""

from urllib.parse import urlparse

import pytest


@pytest.fixture
def outside_requests(context):
    """Every request to anything but 127.0.0.1, aborted and recorded."""
    outside = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return outside


def search(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=10_000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


def test_article_reads_as_chinese(page, served_site, article_slug, outside_requests):
    page.goto(f"{served_site}/{article_slug}/")
    title = page.locator('article h1 [lang="zh-Hans"]')
    assert title.inner_text() == "以高水平治理提升基层“免疫力”"
    page.goto(f"{served_site}/{article_slug}/part-2/#p2-1-3")
    block = page.locator("#p2-1-3")
    assert block.is_visible()
    assert "分税制" in block.inner_text()
    assert outside_requests == []


@pytest.mark.parametrize(("query", "expected"), [("分税制", "part-2/"), ("鞭打快牛", "part-2/"), ("五社联动", "part-3/")])
def test_chinese_search_lists_the_right_page_first(page, served_site, article_slug, outside_requests, query, expected):
    page.goto(f"{served_site}/")
    hrefs = search(page, query)
    assert f"{article_slug}/{expected}" in hrefs[0], hrefs
    assert outside_requests == []


def test_no_request_leaves_the_machine_on_any_page(page, served_site, article_slug, outside_requests):
    for path in ("", "part-1/", "part-2/", "part-3/", "references/", "about/"):
        page.goto(f"{served_site}/{article_slug}/{path}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{served_site}/")
    page.wait_for_load_state("networkidle")
    assert outside_requests == []
