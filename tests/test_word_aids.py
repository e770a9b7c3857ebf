"""Pinyin above the characters and the dictionary card of every word, in a real browser: loaded on demand,
by mouse, keyboard and touch, at 1280 and 375 px, in Simplified and Traditional, remembered and carried by
links; axe finds nothing with them on, over a pairwise covering set of every combination of the aids. Words
are wrapped where the reader is and as they come near (within a screen): the tests open the page at the
paragraph they read."""

import itertools
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from duidu.dictionary_files import shard_of

from test_reading_modes import WCAG_A_AA

AIDS = "Reading aids · 阅读辅助"
UNIT = "#p2-1-3 > .dd-zh"


@pytest.fixture
def part_url(served_site, article_slug):
    return f"{served_site}/{article_slug}/part-2/"


@pytest.fixture
def part_words(real_site, article_slug):
    return json.loads((real_site.site / article_slug / "part-2" / "index.words.json").read_text(encoding="utf-8"))


def wait_for_words(page, selector="ruby.dd-py, .dd-w"):
    page.wait_for_function(f"() => document.querySelector('{UNIT}').querySelector('{selector}')")


def base_text(page, selector=UNIT) -> str:
    """An element's text without its pinyin."""
    return page.evaluate(
        "(s) => { const c = document.querySelector(s).cloneNode(true); c.querySelectorAll('rt').forEach(r => r.remove()); return c.textContent; }",
        selector,
    )


def test_pinyin_is_loaded_on_demand_shown_word_by_word_and_turned_off(page, part_url, part_words):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(part_url + "#p2-1-3")
    before_html = page.locator(UNIT).inner_html()
    before_text = base_text(page)
    assert not any(url.endswith(".words.json") for url in fetched)  # nothing loaded until asked for
    page.get_by_role("button", name=AIDS).click()
    pinyin = page.get_by_role("button", name="Pinyin · 拼音")
    assert pinyin.get_attribute("aria-pressed") == "false"
    pinyin.click()
    assert pinyin.get_attribute("aria-pressed") == "true"
    wait_for_words(page)
    assert sum(url.endswith("part-2/index.words.json") for url in fetched) == 1
    shown = page.eval_on_selector_all(f"{UNIT} ruby.dd-py", "rs => rs.map(r => [r.firstChild.textContent, r.querySelector('rt').textContent, r.querySelector('rt').lang])")
    expected = {word: pinyin for word, pinyin, _term, _heads in part_words["words"]}
    assert len(shown) > 20
    assert all(expected[word] == reading and lang == "zh-Latn-pinyin" for word, reading, lang in shown)
    assert any(len(word) > 1 and len(reading) > 3 for word, reading, _lang in shown)  # word-joined, not per character
    assert base_text(page) == before_text  # the text itself is unchanged
    pinyin.click()
    page.wait_for_function(f"() => !document.querySelector('{UNIT} ruby')")
    assert page.locator(UNIT).inner_html() == before_html


def test_pinyin_over_traditional_characters_and_back(page, part_url):
    page.goto(part_url + "?pinyin=on&script=hant#p2-1-3")
    page.wait_for_function(f"() => document.querySelector('{UNIT}').lang === 'zh-Hant' && document.querySelector('{UNIT} ruby')")
    traditional = base_text(page)
    assert "權" in traditional or "體" in traditional
    page.get_by_role("button", name=AIDS).click()
    page.get_by_role("group", name="Characters · 字体").get_by_role("button", name="Simplified").click()
    page.wait_for_function(f"() => document.querySelector('{UNIT}').lang === 'zh-Hans'")
    assert page.locator(f"{UNIT} ruby.dd-py").count() > 20 and base_text(page) != traditional


def open_card_for(page, word_locator):
    word_locator.click()
    card = page.get_by_role("dialog")
    card.wait_for()
    return card


def test_a_click_on_a_word_opens_its_card_and_a_click_outside_closes_it(page, part_url, part_words, real_site):
    page.goto(part_url + "?dict=on#p2-1-3")
    wait_for_words(page, ".dd-w")
    word = page.locator(f"{UNIT} .dd-w[role=button]").nth(3)
    text, pinyin, _term, heads = part_words["words"][int(word.get_attribute("data-w"))]
    card = open_card_for(page, word)
    assert card.get_attribute("aria-labelledby") == "dd-dict-word"
    assert page.locator("#dd-dict-word").inner_text() == text
    assert pinyin in card.inner_text()
    card.locator(".dd-dict__senses").first.wait_for()  # from the dictionary's shard, fetched now
    shard = json.loads((real_site.site / "assets" / "cedict" / f"{shard_of(heads[0])}.json").read_text(encoding="utf-8"))
    readings = shard[heads[0]]
    same = [r for r in readings if r[0].replace(" ", "") == pinyin.replace("'", "")] if heads == [text] else []
    shown = (same or readings)[0]
    assert card.locator(".dd-dict__senses").first.inner_text() == "; ".join(shown[1])  # the text's reading first
    assert page.evaluate("document.activeElement.id") == "dd-dict"  # the card has the focus: read out
    credit = card.get_by_role("link", name="CC-CEDICT")
    assert credit.get_attribute("href").rstrip("/").endswith("credits")
    page.mouse.click(5, 700)
    assert card.is_hidden()


def test_a_glossary_word_shows_the_glossary_entry_first_and_links_to_it(page, part_url):
    page.goto(part_url + "?dict=on#p2-1-3")
    wait_for_words(page, ".dd-w")
    term = page.locator(f"{UNIT} a.dd-term").first
    href = term.get_attribute("href")
    card = open_card_for(page, term)
    assert page.url.startswith(part_url)  # the link did not navigate: its card opened
    assert card.locator(".dd-dict__term").inner_text().startswith("Glossary · 术语表")
    entry = card.get_by_role("link", name="Glossary entry · 术语表条目")
    assert entry.get_attribute("href") == href


def test_the_dictionary_works_from_the_keyboard_one_tab_stop_per_paragraph(page, part_url):
    page.goto(part_url + "?dict=on#p2-1-3")
    wait_for_words(page, ".dd-w")
    stops = page.evaluate(f"document.querySelectorAll('{UNIT} .dd-w[tabindex=\"0\"]').length")
    assert stops == 1  # one tab stop for the paragraph's words; the arrow keys move within it
    page.locator(UNIT).locator("xpath=..").locator("xpath=preceding::a[@href][1]").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('dd-w')"):
            break
    first = page.evaluate("document.activeElement.textContent")
    assert page.evaluate(f"document.activeElement.closest('{UNIT}') !== null")
    page.keyboard.press("ArrowRight")
    second = page.evaluate("document.activeElement.textContent")
    assert second != first and page.evaluate("document.activeElement.getAttribute('tabindex')") == "0"
    page.keyboard.press("Enter")
    page.get_by_role("dialog").wait_for()
    assert page.locator("#dd-dict-word").inner_text() == second
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").count() == 0
    assert page.evaluate("document.activeElement.textContent") == second  # the focus is back on its word


def test_pinyin_and_the_dictionary_work_by_touch_on_a_phone(browser, part_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(part_url + "#p2-1-3")
    page.get_by_role("button", name=AIDS).tap()
    page.get_by_role("button", name="Pinyin · 拼音").tap()
    page.get_by_role("button", name="Dictionary · 词典").tap()
    wait_for_words(page, ".dd-w ruby")
    page.locator(UNIT).scroll_into_view_if_needed()
    page.locator(f"{UNIT} .dd-w[role=button]").nth(5).tap()
    card = page.get_by_role("dialog")
    card.wait_for()
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # pinyin does not widen the page
    card.get_by_role("button", name="Close · 关闭").tap()
    assert card.is_hidden()
    context.close()


def test_pinyin_and_the_dictionary_are_remembered_and_carried_by_a_copied_link(clipboard_page, part_url):
    page = clipboard_page
    page.goto(part_url + "?pinyin=on&dict=on#p2-1-3")
    wait_for_words(page, ".dd-w ruby")
    page.locator("#p2-1-3 > a.headerlink").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    query = parse_qs(urlsplit(copied).query)
    assert query["pinyin"] == ["on"] and query["dict"] == ["on"]
    page.goto(part_url + "#p2-1-3")  # no settings in the address: remembered
    wait_for_words(page, ".dd-w ruby")


FACTORS = {
    "mode": ["both", "zh", "en"],
    "script": ["hans", "hant"],
    "pinyin": ["off", "on"],
    "dict": ["off", "on"],
    "scheme": ["light", "dark"],
}


def pairwise(factors: dict[str, list[str]]) -> list[dict[str, str]]:
    """Combinations of the aids covering every pair of settings of any two of them (greedy, deterministic):
    six rows instead of 48. (The text size changes no colour or role: the largest is checked with every aid on.)"""
    names = list(factors)
    wanted = {((a, x), (b, y)) for a, b in itertools.combinations(names, 2) for x in factors[a] for y in factors[b]}
    every = [dict(zip(names, values)) for values in itertools.product(*factors.values())]
    rows = []
    while wanted:
        best = max(every, key=lambda row: sum(((a, row[a]), (b, row[b])) in wanted for a, b in itertools.combinations(names, 2)))
        wanted -= {((a, best[a]), (b, best[b])) for a, b in itertools.combinations(names, 2)}
        rows.append(best)
    return rows


ROWS = pairwise(FACTORS)


def query_of(row: dict[str, str]) -> str:
    return "?" + "&".join(f"{name}={value}" for name, value in row.items())


def assert_axe_clean(page):
    violations = Axe().run(page, options=WCAG_A_AA).response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def settle(page, row):
    """Wait until the aids of ``row`` are drawn; open a word's card when the dictionary is on."""
    if (row["pinyin"] == "on" or row["dict"] == "on") and row["mode"] != "en":  # hidden Chinese waits to be shown
        page.wait_for_function("() => document.querySelector('ruby.dd-py, .dd-w')")
    if row["script"] == "hant":
        page.wait_for_function("() => document.querySelector('[lang=zh-Hant]')")
    visible = page.locator(".dd-w[role=button]").locator("visible=true")
    if row["dict"] == "on" and visible.count():  # in English alone no Chinese word shows
        visible.first.click()
        page.get_by_role("dialog").wait_for()


@pytest.mark.parametrize("row", ROWS, ids=[query_of(row) for row in ROWS])
def test_axe_finds_nothing_on_a_part_page_in_any_combination_of_the_aids(page, part_url, row):
    page.goto(part_url + query_of(row))
    settle(page, row)
    assert_axe_clean(page)


ALL_ON = {"mode": "both", "size": "l", "script": "hant", "pinyin": "on", "dict": "on", "scheme": "dark"}


@pytest.mark.parametrize("path", ["", "about/", "references/", "../", "../glossary/", "../glossary/fen-shui-zhi/", "../library/", "../credits/", "../data/"])
def test_axe_finds_nothing_on_every_page_type_with_every_aid_on(page, served_site, article_slug, path):
    page.goto(f"{served_site}/{article_slug}/{path}{query_of(ALL_ON)}")
    settle(page, ALL_ON)
    assert_axe_clean(page)


def test_words_far_from_the_reader_are_wrapped_as_they_come_near(page, served_site, article_slug):
    page.goto(f"{served_site}/{article_slug}/part-1/?pinyin=on")
    page.wait_for_function("() => document.querySelector('ruby.dd-py')")
    last = "#p1-4-2 > .dd-zh"  # the part's last paragraph, screens below the top
    assert page.locator(f"{last} ruby").count() == 0  # more than a screen away: not yet
    page.locator(last).scroll_into_view_if_needed()
    page.wait_for_function(f"() => document.querySelector('{last} ruby')")


def test_chinese_hidden_in_english_mode_gets_its_pinyin_when_shown(page, part_url):
    page.goto(part_url + "?mode=en&pinyin=on#p2-1-3")
    page.wait_for_timeout(300)
    assert page.locator("ruby.dd-py").count() == 0  # nothing shown, nothing drawn
    page.locator("[data-dd-mode-option=both]").click()
    page.wait_for_function(f"() => document.querySelector('{UNIT} ruby.dd-py')")
