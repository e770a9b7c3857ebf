"""Bilingual reading in a real browser: the three modes, remembered and linkable; layout; ¶ links; axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_A_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    # Every rule still runs on every node; only the details of what passed are not collected.
    "resultTypes": ["violations"],
}
UNIT = "#p2-1-3"


@pytest.fixture
def part_url(served_site, article_slug):
    return f"{served_site}/{article_slug}/part-2/"


def shown(page, unit=UNIT):
    return {
        "zh": page.locator(f"{unit} > .dd-zh").is_visible(),
        "en": page.locator(f"{unit} > .dd-en").is_visible(),
    }


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("both", {"zh": True, "en": True}), ("zh", {"zh": True, "en": False}), ("en", {"zh": False, "en": True})],
)
def test_each_mode_shows_and_hides_the_right_language(page, part_url, mode, expected):
    page.goto(f"{part_url}?mode={mode}")
    assert shown(page) == expected
    heading = page.locator("#s2-1")
    assert heading.locator(".dd-zh").is_visible() == expected["zh"]
    assert heading.locator(".dd-en").is_visible() == expected["en"]
    assert page.locator(f'[data-dd-mode-option="{mode}"]').get_attribute("aria-pressed") == "true"


def test_the_switch_works_by_mouse_and_keyboard_and_has_names(page, part_url):
    page.goto(part_url)
    assert shown(page) == {"zh": True, "en": True}
    switch = page.get_by_role("group", name="Reading mode · 阅读模式")
    switch.get_by_role("button", name="EN English only").click()
    assert shown(page) == {"zh": False, "en": True}
    chinese = switch.get_by_role("button", name="中 Chinese only")
    chinese.focus()
    page.keyboard.press("Enter")
    assert shown(page) == {"zh": True, "en": False}
    assert chinese.get_attribute("aria-pressed") == "true"
    switch.get_by_role("button", name="中+EN Chinese and English").focus()
    page.keyboard.press("Space")
    assert shown(page) == {"zh": True, "en": True}


def test_the_choice_survives_a_reload_and_a_url_mode_wins(page, part_url):
    page.goto(part_url)
    page.locator('[data-dd-mode-option="zh"]').click()
    page.reload()
    assert shown(page) == {"zh": True, "en": False}
    page.goto(part_url.replace("part-2", "part-3"))
    assert shown(page, "#p3-1-1") == {"zh": True, "en": False}
    page.goto(f"{part_url}?mode=en")
    assert shown(page) == {"zh": False, "en": True}


def test_side_by_side_on_a_wide_screen(page, part_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{part_url}?mode=both")
    zh = page.locator(f"{UNIT} > .dd-zh").bounding_box()
    en = page.locator(f"{UNIT} > .dd-en").bounding_box()
    assert en["x"] >= zh["x"] + zh["width"]
    assert abs(en["y"] - zh["y"]) < 2


@pytest.mark.parametrize("path", ["", "part-1/", "part-2/", "part-3/", "references/", "about/", "../", "../glossary/fen-shui-zhi/", "../library/ren-min-lun-tan/"])
def test_no_sideways_scrolling_on_a_phone(page, served_site, article_slug, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{served_site}/{article_slug}/{path}?mode=both")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize("path", ["", "part-2/", "references/"])
def test_stacked_on_a_phone(page, served_site, article_slug, path):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{served_site}/{article_slug}/{path}?mode=both")
    block = page.locator(".dd-block").first
    zh = block.locator("> .dd-zh").bounding_box()
    en = block.locator("> .dd-en").bounding_box()
    assert en["y"] >= zh["y"] + zh["height"] - 1


@pytest.mark.parametrize(("anchor", "mode"), [("p2-1-3", "en"), ("s2-1", "both")])
def test_the_pilcrow_copies_the_link_and_the_link_highlights_its_target(clipboard_page, part_url, anchor, mode):
    page = clipboard_page
    page.goto(f"{part_url}?mode={mode}")
    link = page.locator(f"#{anchor} > a.headerlink")
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 0
    page.locator(f"#{anchor}").hover()
    page.wait_for_timeout(300)
    assert float(link.evaluate("e => getComputedStyle(e).opacity")) == 1
    link.focus()
    link.press("Enter")
    expected = f"{part_url}?mode={mode}#{anchor}"
    page.wait_for_function("() => document.getElementById('dd-status')?.textContent.includes('copied')")
    assert page.evaluate("navigator.clipboard.readText()") == expected

    page.goto("about:blank")
    page.goto(expected)
    target = page.locator(f"#{anchor}")
    assert "dd-highlight" in target.get_attribute("class")
    box = target.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"] / 2
    assert page.evaluate("document.documentElement.dataset.ddMode") == mode


@pytest.mark.parametrize("path", ["", "part-2/", "references/", "about/", "../", "../glossary/", "../glossary/fen-shui-zhi/", "../library/", "../library/ren-min-lun-tan/"])
def test_axe_finds_no_wcag_a_or_aa_violation(page, served_site, article_slug, path):
    page.goto(f"{served_site}/{article_slug}/{path}")
    results = Axe().run(page, options=WCAG_A_AA)
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_a_citation_copy_button_copies_the_citation(clipboard_page, served_site, article_slug):
    page = clipboard_page
    page.goto(f"{served_site}/{article_slug}/#cite")
    expected = page.locator('pre[data-dd-citation="gbt7714"]').inner_text()
    assert expected.startswith("佚名.")
    page.locator('button[data-dd-copy="gbt7714"]').click()
    page.wait_for_function("() => document.getElementById('dd-status')?.textContent.includes('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == expected
