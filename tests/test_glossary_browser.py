"""Glossary terms in a real browser: the gloss on hover, on keyboard focus and on tap; the link to the entry."""

import pytest

TERM = 'a.dd-term[data-term="fen-shui-zhi"]'


@pytest.fixture
def part_2(page, served_site, article_slug):
    page.goto(f"{served_site}/{article_slug}/part-2/?mode=both")
    return page


def tooltip_text(page):
    tip = page.locator(".dd-tooltip.dd-tooltip--shown")
    tip.wait_for(state="visible", timeout=5000)
    return tip.inner_text()


def test_terms_are_marked_quietly_with_a_dotted_underline_in_the_text_colour(part_2):
    term = part_2.locator(TERM).first
    style = term.evaluate("e => [getComputedStyle(e).textDecorationStyle, getComputedStyle(e).color, getComputedStyle(e.parentElement).color]")
    assert style[0] == "dotted" and style[1] == style[2]


def test_the_gloss_appears_on_hover_and_goes_on_escape(part_2):
    term = part_2.locator(TERM).first
    term.hover()
    text = tooltip_text(part_2)
    assert "fēnshuìzhì" in text and "tax-sharing system" in text
    part_2.keyboard.press("Escape")
    assert part_2.locator(".dd-tooltip.dd-tooltip--shown").count() == 0


def test_the_gloss_appears_on_keyboard_focus_and_is_the_accessible_description(part_2):
    term = part_2.locator(TERM).first
    term.focus()
    assert "tax-sharing system" in tooltip_text(part_2)
    description = part_2.evaluate(
        "(el) => document.getElementById(el.getAttribute('aria-describedby')).textContent", term.element_handle()
    )
    assert "tax-sharing system" in description


def test_activating_a_term_lands_on_its_glossary_entry(part_2, served_site):
    term = part_2.locator(TERM).first
    term.focus()
    part_2.keyboard.press("Enter")
    part_2.wait_for_url(f"{served_site}/glossary/#fen-shui-zhi")
    entry = part_2.locator("#fen-shui-zhi")
    assert entry.is_visible()
    assert entry.evaluate("e => e.matches(':target')")
    assert "tax-sharing system" in entry.inner_text()


def test_a_tap_shows_the_gloss_first_and_a_second_tap_follows_the_link(browser, served_site, article_slug):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{served_site}/{article_slug}/part-2/?mode=zh")
    term = page.locator(TERM).first
    term.scroll_into_view_if_needed()
    term.tap()
    assert "tax-sharing system" in tooltip_text(page)
    assert page.url.endswith("/part-2/?mode=zh")
    term.tap()
    page.wait_for_url(f"{served_site}/glossary/#fen-shui-zhi")
    context.close()
