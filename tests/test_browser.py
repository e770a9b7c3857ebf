"""A real browser (Playwright driving Debian's Chromium) on every page of the built site, from a static server."""

from urllib.parse import urlparse

import pytest

from helpers import html_pages


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


def test_article_reads_as_chinese(page, served_site, article_slug, outside_requests):
    page.goto(f"{served_site}/{article_slug}/")
    title = page.locator('article h1 [lang="zh-Hans"]')
    assert title.inner_text() == "以高水平治理提升基层“免疫力”"
    page.goto(f"{served_site}/{article_slug}/part-2/#p2-1-3")
    block = page.locator("#p2-1-3")
    assert block.is_visible()
    assert "分税制" in block.inner_text()
    assert outside_requests == []


def test_no_page_requests_anything_outside_or_logs_an_error(context, served_site, real_site, outside_requests):
    paths = [p.relative_to(real_site.site).parent.as_posix() for p in html_pages(real_site.site)]
    # every page but the glossary's term pages, of which two stand for the hundred (one template)
    terms = [path for path in paths if path.startswith("glossary/")]
    paths = [path for path in paths if path not in terms[2:]]
    assert len(paths) >= 10 and len(terms) > 100
    errors = []
    tabs = []
    # Every page in a tab of its own, all loading at once: each is still watched until its network is idle.
    for path in paths:
        url = f"{served_site}/" if path == "." else f"{served_site}/{path}/"
        tab = context.new_page()
        tab.on("console", lambda message, url=url: errors.append((url, message.text)) if message.type == "error" else None)
        tab.on("pageerror", lambda error, url=url: errors.append((url, str(error))))
        tab.goto(url, wait_until="commit")
        tabs.append(tab)
    for tab in tabs:
        tab.wait_for_load_state("networkidle")
    # and a search, which loads Pagefind and its index
    tabs[0].locator("#dd-search-input").fill("分税制")
    tabs[0].wait_for_function("document.querySelector('.dd-search__list').children.length > 0")
    tabs[0].wait_for_load_state("networkidle")
    assert errors == []
    assert outside_requests == []


def test_the_mode_switch_works_by_touch_on_a_phone(browser, served_site, article_slug):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{served_site}/{article_slug}/part-1/?mode=both")
    page.locator('[data-dd-mode-option="en"]').tap()
    assert not page.locator("#p1-1-1 > .dd-zh").is_visible()
    assert page.locator("#p1-1-1 > .dd-en").is_visible()
    page.locator('[data-dd-mode-option="zh"]').tap()
    assert page.locator("#p1-1-1 > .dd-zh").is_visible()
    assert not page.locator("#p1-1-1 > .dd-en").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()
