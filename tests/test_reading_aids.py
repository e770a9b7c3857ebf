"""The reading aids in a real browser: the text size in three steps and the dark scheme, by mouse, keyboard
and touch, at 1280 and 375 px; each remembered, set by the URL and carried by the links Duidu copies; axe
finds nothing in the dark scheme or at the largest size."""

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_reading_modes import WCAG_A_AA

AIDS = "Reading aids · 阅读辅助"


@pytest.fixture
def part_url(served_site, article_slug):
    return f"{served_site}/{article_slug}/part-2/"


def text_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('#p2-1-3 > .dd-zh')).fontSize)")


def scheme(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_the_text_size_works_by_mouse_and_is_remembered(page, part_url):
    page.goto(part_url)
    medium = text_size(page)
    toggle = page.get_by_role("button", name=AIDS)
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    sizes = page.get_by_role("group", name="Text size · 字号")
    sizes.get_by_role("button", name="Large").click()
    large = text_size(page)
    assert large >= medium * 1.15
    assert sizes.get_by_role("button", name="Large").get_attribute("aria-pressed") == "true"
    page.mouse.click(5, 400)  # outside the panel: it closes
    assert toggle.get_attribute("aria-expanded") == "false"
    page.reload()
    assert text_size(page) == large
    toggle.click()
    sizes.get_by_role("button", name="Small").click()
    assert text_size(page) <= medium * 0.9


def test_the_text_size_works_from_the_keyboard(page, part_url):
    page.goto(part_url)
    medium = text_size(page)
    toggle = page.get_by_role("button", name=AIDS)
    toggle.focus()
    page.keyboard.press("Enter")
    # the panel opens on the size in force, and Escape closes it and gives the focus back
    assert page.evaluate("document.activeElement.dataset.ddSizeOption") == "m"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.ddSize") == "l"
    assert text_size(page) > medium
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('dd-aids__toggle')")


def test_a_size_and_a_scheme_in_the_url_are_used_and_carried_by_a_copied_link(clipboard_page, part_url):
    page = clipboard_page
    page.goto(f"{part_url}?size=l&scheme=dark")
    assert page.evaluate("document.documentElement.dataset.ddSize") == "l"
    assert scheme(page) == "slate"
    page.locator("#p2-1-3").hover()
    page.locator("#p2-1-3 > a.headerlink").click()
    page.wait_for_function("() => document.getElementById('dd-status')?.textContent.includes('copied')")
    copied = urlsplit(page.evaluate("navigator.clipboard.readText()"))
    assert copied.fragment == "p2-1-3"
    assert parse_qs(copied.query) == {"mode": ["both"], "size": ["l"], "scheme": ["dark"]}
    page.goto(f"{part_url}?scheme=light")  # the URL wins over what was remembered, and is remembered
    assert scheme(page) == "default"
    page.goto(part_url)
    assert scheme(page) == "default" and page.evaluate("document.documentElement.dataset.ddSize") == "l"


def test_the_dark_scheme_is_the_header_toggle_and_is_remembered(page, part_url):
    page.goto(part_url)
    assert scheme(page) == "default"
    light = background(page)
    page.locator('label[title="Dark mode · 深色模式"]').click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert background(page) != light
    page.reload()
    assert scheme(page) == "slate"
    page.locator('label[title="Light mode · 浅色模式"]').click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")


@pytest.mark.parametrize("path", ["", "part-2/", "about/", "../", "../glossary/", "../library/"])
def test_axe_finds_nothing_in_the_dark_scheme_at_the_largest_size(page, served_site, article_slug, path):
    page.goto(f"{served_site}/{article_slug}/{path}?scheme=dark&size=l&mode=both")
    assert scheme(page) == "slate"
    results = Axe().run(page, options=WCAG_A_AA)
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_the_aids_work_by_touch_on_a_phone(browser, part_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(part_url)
    medium = text_size(page)
    page.get_by_role("button", name=AIDS).tap()
    panel = page.locator("#dd-aids-panel").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 375
    page.get_by_role("group", name="Text size · 字号").get_by_role("button", name="Large").tap()
    assert text_size(page) > medium
    page.locator('label[title="Dark mode · 深色模式"]').tap()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def chinese_of(page, unit="#p2-1-3") -> tuple[str, str]:
    zh = page.locator(f"{unit} > .dd-zh")
    return zh.get_attribute("lang"), zh.inner_text()


def test_traditional_characters_are_loaded_when_asked_for_and_swapped_back(page, part_url, served_site):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(part_url)
    lang, simplified = chinese_of(page)
    assert lang == "zh-Hans" and not any(url.endswith(".zh-hant.json") for url in fetched)  # on demand only
    page.get_by_role("button", name=AIDS).click()
    characters = page.get_by_role("group", name="Characters · 字体")
    characters.get_by_role("button", name="Traditional").click()
    page.wait_for_function("() => document.querySelector('#p2-1-3 > .dd-zh').lang === 'zh-Hant'")
    lang, traditional = chinese_of(page)
    assert traditional != simplified and len(traditional) == len(simplified)
    assert "實權上移" in traditional or "體" in traditional  # Traditional forms, from OpenCC s2t at build time
    assert page.locator("#p2-1-3 > .dd-zh a.dd-term").count() > 0  # the glossary's links are still links
    assert page.locator("h1 [lang=zh-Hant]").count() == 1  # headings too
    page.reload()
    page.wait_for_function("() => document.querySelector('#p2-1-3 > .dd-zh').lang === 'zh-Hant'")
    page.get_by_role("button", name=AIDS).click()
    characters.get_by_role("button", name="Simplified").click()
    assert chinese_of(page) == ("zh-Hans", simplified)


def test_axe_finds_nothing_in_traditional(page, part_url):
    page.goto(f"{part_url}?script=hant")
    page.wait_for_function("() => document.querySelector('#p2-1-3 > .dd-zh').lang === 'zh-Hant'")
    results = Axe().run(page, options=WCAG_A_AA)
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_the_arrival_highlight_is_readable_from_its_first_frame(page, part_url, color_scheme):
    """The highlight a link arrives at fades in 2.5 s from a brighter colour: axe checks that first frame
    (found by a sweep of every combination of the aids: dark text on it read at 4.3:1)."""
    page.goto(f"{part_url}?scheme={color_scheme}#p2-1-3")
    page.wait_for_function("() => document.querySelector('#p2-1-3.dd-highlight')")
    page.evaluate("document.getAnimations().forEach(a => { a.pause(); a.currentTime = 0; })")
    results = Axe().run(page, context="#p2-1-3", options=WCAG_A_AA)
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
