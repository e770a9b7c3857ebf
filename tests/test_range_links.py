"""Links to a passage (issue 12, first part): #first~last scrolls to the first paragraph and highlights the
passage, at 1280 and 375 px, carrying the reading settings; the ¶ of a paragraph with Shift makes one, by
mouse and from the keyboard."""

from urllib.parse import parse_qs, urlsplit

import pytest

PASSAGE = ["p2-1-1", "p2-1-2", "p2-1-3"]


@pytest.fixture
def part_url(served_site, article_slug):
    return f"{served_site}/{article_slug}/part-2/"


def highlighted(page) -> list[str]:
    return page.eval_on_selector_all(".dd-highlight", "els => els.map(e => e.id)")


@pytest.mark.parametrize("width", [1280, 375])
def test_a_passage_link_scrolls_to_its_first_paragraph_and_highlights_the_passage(page, part_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{part_url}?mode=zh#p2-1-1~p2-1-3")
    page.wait_for_function("() => document.querySelectorAll('.dd-highlight').length")
    assert highlighted(page) == PASSAGE
    top = page.evaluate("document.getElementById('p2-1-1').getBoundingClientRect().top")
    assert 0 <= top < 200  # the passage's start, under the header
    assert page.evaluate("document.documentElement.dataset.ddMode") == "zh"


def test_a_reversed_or_broken_passage_link(page, part_url):
    page.goto(f"{part_url}#p2-1-3~p2-1-1")
    page.wait_for_function("() => document.querySelectorAll('.dd-highlight').length")
    assert highlighted(page) == PASSAGE  # the same passage, in the page's order
    page.goto(f"{part_url}#p2-1-1~nowhere")
    page.wait_for_timeout(200)
    assert highlighted(page) == []


def test_shift_on_a_paragraphs_link_copies_the_passage_link_by_mouse_and_keyboard(clipboard_page, part_url):
    page = clipboard_page
    page.goto(f"{part_url}?mode=both&size=l")
    page.locator("#p2-1-1 > a.headerlink").click()
    page.locator("#p2-1-3 > a.headerlink").click(modifiers=["Shift"])
    copied = page.evaluate("navigator.clipboard.readText()")
    parts = urlsplit(copied)
    assert parts.fragment == "p2-1-1~p2-1-3" and parse_qs(parts.query)["size"] == ["l"]
    assert highlighted(page) == PASSAGE
    page.goto(f"{part_url}#p2-1-2")
    page.locator("#p2-1-3 > a.headerlink").focus()
    page.keyboard.press("Shift+Enter")
    assert urlsplit(page.evaluate("navigator.clipboard.readText()")).fragment == "p2-1-2~p2-1-3"
    assert highlighted(page) == ["p2-1-2", "p2-1-3"]
    assert len(page.context.pages) == 1  # Shift+Enter opened no window


@pytest.mark.parametrize("fragment", ["constructor", "__proto__", "p2-1-1~toString", "%", "%E0%A4%A"])
def test_a_fragment_that_names_no_id_leaves_the_page_as_it_is(page, part_url, fragment):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{part_url}#{fragment}")
    page.wait_for_timeout(400)
    assert errors == []
    assert page.url == f"{part_url}#{fragment}" and page.locator(".dd-moved").count() == 0
    assert highlighted(page) == []
