"""Sentence alignment (align.py): every multi-sentence unit of the article is paired sentence by sentence in
the built pages, the build names a unit whose English breaks the alignment, and in the browser a sentence
and its counterpart light up together by pointer, tap and arrow keys on the paragraph's ¶ (no tab stop added)."""

import re

import pytest
from duidu.align import pieces, sentences

from conftest import GLOSSARY_FILE, SEED, build_project, companions
from helpers import content, soup

PAGES = ["", "part-1/", "part-2/", "part-3/", "references/"]


def test_every_unit_of_several_sentences_is_aligned_in_the_built_pages(real_site, article_slug):
    aligned = 0
    for path in PAGES:
        page = content(soup(real_site.site / article_slug / path / "index.html"))
        for block in page.select(".dd-block[id]"):
            zh = block.select_one(".dd-zh")
            count = len(sentences(zh.get_text()))
            spans_zh = [span["data-s"] for span in zh.select(".dd-s")]
            spans_en = [span["data-s"] for span in block.select(".dd-en .dd-s")]
            if count < 2:
                assert spans_zh == [] and spans_en == []
                continue
            aligned += 1
            # each Chinese sentence in a span, the groups numbered in order, one English span per group
            assert len(spans_zh) == count, block["id"]
            assert spans_en == sorted(set(spans_zh), key=int) == [str(n) for n in range(1, len(spans_en) + 1)]
            # the English reads as the catalog's, without the marks
            assert "‖" not in block.get_text()
    assert aligned >= 25


def test_a_unit_whose_english_breaks_the_alignment_is_named(tmp_path):
    files = {**companions(SEED), GLOSSARY_FILE.name: GLOSSARY_FILE.read_text(encoding="utf-8")}
    catalog = SEED.with_name(SEED.stem + ".en.po").read_text(encoding="utf-8")
    entry = re.search(r'msgctxt "p2-1-1"\nmsgid "[^"]*"\nmsgstr "([^"]*)"', catalog)
    assert entry and len(pieces(entry.group(1))) > 1
    files[SEED.stem + ".en.po"] = catalog.replace(entry.group(1), entry.group(1).replace(" ‖ ", " ", 1))
    build = build_project(tmp_path, {SEED.name: SEED.read_bytes()}, strict=True, extra_files=files)
    assert build.returncode != 0
    assert "unit p2-1-1: the English is not aligned with the Chinese" in build.log


@pytest.fixture
def part_url(served_site, article_slug):
    return f"{served_site}/{article_slug}/part-2/"


def lit(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.dd-s--on')].map(e => e.closest('.dd-block').id + ' ' + e.closest('[lang]').lang + ' ' + e.dataset.s)"
    )


def test_pointing_at_a_sentence_lights_it_and_its_english_and_nothing_moves(page, part_url):
    page.goto(part_url)
    page.locator("#p2-1-1").scroll_into_view_if_needed()
    before = page.locator("#p2-1-1").bounding_box()
    page.locator("#p2-1-1 .dd-zh .dd-s[data-s='2']").hover()
    assert lit(page) == ["p2-1-1 zh-Hans 2", "p2-1-1 en 2"]
    assert page.locator("#p2-1-1").bounding_box() == before
    page.locator("#p2-1-1 .dd-en .dd-s[data-s='1']").hover()
    assert lit(page) == ["p2-1-1 zh-Hans 1", "p2-1-1 en 1"]
    page.goto(f"{part_url}?mode=zh")  # one language: nothing to pair
    page.locator("#p2-1-1 .dd-zh .dd-s[data-s='2']").hover()
    assert lit(page) == []


def test_the_arrow_keys_move_through_the_sentences_of_the_focused_paragraph(page, part_url):
    page.goto(f"{part_url}?mode=both")
    page.locator("#p2-1-1 > a.headerlink").focus()
    page.keyboard.press("ArrowRight")
    assert lit(page) == ["p2-1-1 zh-Hans 1", "p2-1-1 en 1"]
    page.keyboard.press("ArrowDown")
    assert lit(page) == ["p2-1-1 zh-Hans 2", "p2-1-1 en 2"]
    page.keyboard.press("ArrowLeft")
    assert lit(page) == ["p2-1-1 zh-Hans 1", "p2-1-1 en 1"]
    page.wait_for_function("() => document.getElementById('dd-status')?.textContent.includes('Sentence 1 of')")
    # no sentence is a tab stop: Tab leaves the paragraph's ¶ for the next focusable element
    assert page.locator(".dd-s[tabindex]").count() == 0


def test_a_tap_lights_a_sentence_on_a_phone(browser, part_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(part_url)
    span = page.locator("#p2-1-1 .dd-en .dd-s[data-s='1']")
    span.scroll_into_view_if_needed()
    box = span.bounding_box()
    page.touchscreen.tap(box["x"] + 5, box["y"] + 5)
    assert lit(page) == ["p2-1-1 zh-Hans 1", "p2-1-1 en 1"]
    page.touchscreen.tap(box["x"] + 5, box["y"] + 5)  # a second tap puts it out
    assert lit(page) == []
    context.close()
