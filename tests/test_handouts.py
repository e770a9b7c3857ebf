"""Teaching with a passage (issue 12): a selection across paragraphs (or a ¶) opens the passage panel: its link,
its citation with the locator and a printed handout, by mouse and by keyboard, at 1280 and 375 px; the handout
Chromium prints to PDF holds only the passage, the title, the citation, the link and its QR code, and the
glossary terms the passage uses."""

import io
import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from pypdf import PdfReader

from conftest import SEED
from helpers import content, soup
from test_word_aids import assert_axe_clean

PART = "part-2"


@pytest.fixture
def part_url(served_site, article_slug):
    return f"{served_site}/{article_slug}/{PART}/"


def select_across(page, first: str, last: str) -> None:
    """Select text from the middle of one paragraph's Chinese to the middle of another's, as a drag does."""
    page.evaluate(
        """([first, last]) => {
            const texts = (id) => {
                const walker = document.createTreeWalker(document.querySelector(`#${id} .dd-zh`), NodeFilter.SHOW_TEXT);
                const found = [];
                while (walker.nextNode()) { if (walker.currentNode.length > 2) { found.push(walker.currentNode); } }
                return found;
            };
            const range = document.createRange();
            range.setStart(texts(first)[0], 2);
            range.setEnd(texts(last).pop(), 1);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
        }""",
        [first, last],
    )


def panel_range(page) -> str:
    page.wait_for_selector(".dd-passage")
    return page.locator(".dd-passage__range").inner_text()


@pytest.mark.parametrize("width", [1280, 375])
def test_a_selection_across_paragraphs_offers_the_link_to_the_passage(clipboard_page, part_url, width):
    page = clipboard_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{part_url}?mode=zh&pinyin=on")
    select_across(page, "p2-1-1", "p2-1-3")
    assert panel_range(page) == "¶ p2-1-1–p2-1-3"
    # the panel sits right after the passage's last paragraph
    assert page.evaluate("document.querySelector('.dd-passage').previousElementSibling.id") == "p2-1-3"
    page.get_by_role("button", name="Link to this passage · 链接").click()
    copied = urlsplit(page.evaluate("navigator.clipboard.readText()"))
    assert copied.fragment == "p2-1-1~p2-1-3"
    assert parse_qs(copied.query) == {"mode": ["zh"], "pinyin": ["on"]}
    assert page.eval_on_selector_all(".dd-highlight", "els => els.map(e => e.id)") == ["p2-1-1", "p2-1-2", "p2-1-3"]


def test_the_keyboard_reaches_the_passage_actions_and_the_citations(clipboard_page, part_url):
    page = clipboard_page
    page.goto(part_url)
    page.locator("#p2-1-1 > a.headerlink").focus()
    page.keyboard.press("Enter")
    page.locator("#p2-1-3 > a.headerlink").focus()
    page.keyboard.press("Shift+Enter")
    assert panel_range(page) == "¶ p2-1-1–p2-1-3"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Link to this passage · 链接"
    page.keyboard.press("Tab")
    cite = page.locator("[data-dd-passage=cite]")
    assert page.evaluate("document.activeElement.getAttribute('data-dd-passage')") == "cite"
    page.keyboard.press("Enter")
    assert cite.get_attribute("aria-expanded") == "true"
    apa = page.locator('pre[data-dd-citation="passage-apa"]').inner_text()
    gbt = page.locator('pre[data-dd-citation="passage-gbt7714"]').inner_text()
    bibtex = page.locator('pre[data-dd-citation="passage-bibtex"]').inner_text()
    passage_url = f"{part_url}#p2-1-1~p2-1-3"
    assert apa.endswith("(“以高水平治理提升基层‘免疫力’”, n.d., paras. p2-1-1–p2-1-3, Part 2)")
    assert f"Renmin Luntan (People’s Tribune). {passage_url}\n" in apa
    cited_on = page.evaluate("new Date().toLocaleDateString('sv')")  # the reader's day, yyyy-mm-dd
    assert gbt.startswith(f"佚名. 以高水平治理提升基层“免疫力”[J/OL]. 人民论坛, 出版年不详[{cited_on}]. ")
    assert gbt.endswith(f"{passage_url}.\n[1]第2部分, 第p2-1-1—p2-1-3段")
    assert f"url = {{{passage_url}}}" in bibtex and "Part 2, paragraphs p2-1-1--p2-1-3" in bibtex
    page.locator('button[data-dd-copy="passage-apa"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("navigator.clipboard.readText()") == apa
    page.keyboard.press("Escape")
    assert page.locator(".dd-passage").count() == 0
    assert page.evaluate("document.activeElement.closest('.dd-block').id") == "p2-1-3"


def test_a_single_paragraph_is_cited_in_the_singular(page, part_url):
    page.goto(part_url)
    page.locator("#p2-2-1 > a.headerlink").click()
    page.locator("[data-dd-passage=cite]").click()
    assert page.locator('pre[data-dd-citation="passage-apa"]').inner_text().endswith("n.d., para. p2-2-1, Part 2)")


def squeezed(text: str) -> str:
    """Text compared without white space or digits (the handout numbers each glossary term), in NFKC."""
    return re.sub(r"[\s\d]+", "", unicodedata.normalize("NFKC", text))


def print_with_the_keyboard(page, url: str) -> None:
    """Open ``url`` and press Ctrl+P, as a teacher prints: the page fetches its QR encoder, draws the handout,
    then calls the browser's print (recorded here: headless Chromium would wait on its dialog; the test prints
    the page to PDF itself)."""
    page.goto(url)
    assert page.locator(".dd-handout__qr svg").count() == 0  # nothing fetched only to read
    page.evaluate("() => { window.print = () => { window.ddPrinted = (window.ddPrinted || 0) + 1; }; }")
    page.locator("article h1").click()
    page.keyboard.press("Control+p")
    page.wait_for_function("window.ddPrinted === 1")
    assert page.locator(".dd-handout__qr svg").count() == 1


def handout_pdf(page, url: str) -> tuple[str, bytes]:
    print_with_the_keyboard(page, url)
    pdf = page.pdf(format="A4", print_background=True)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    # NFKC: the CJK font's glyphs map some characters to their Kangxi radical forms (⾼ for 高)
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFKC", text)), pdf


def test_a_printed_passage_is_a_handout_with_only_the_passage(page, part_url, real_site, article_slug):
    from duidu.pipeline import build_edition

    article = build_edition(SEED).article
    paragraphs = {p.id: p.text for part in article.parts for p in part.paragraphs}
    text, _ = handout_pdf(page, f"{part_url}?mode=zh#p2-1-2~p2-1-3")
    flat = re.sub(r"\s+", "", text)
    for kept in ("p2-1-2", "p2-1-3"):
        assert squeezed(paragraphs[kept])[:40] in squeezed(text)
    for left_out in ("p2-1-1", "p2-2-1", "p1-1-1"):
        assert squeezed(paragraphs[left_out])[:20] not in squeezed(text)
    assert squeezed("以高水平治理提升基层“免疫力”") in squeezed(text)  # the title
    # the citations with the locator (the CJK font's dash reads back as U+2015)
    assert re.search("第2部分,第p2-1-2[—―]p2-1-3段", flat) and "paras.p2-1-2–p2-1-3,Part2" in flat
    assert f"{part_url}?mode=zh#p2-1-2~p2-1-3" in flat  # the link in full
    # no chrome on paper: navigation, search, the mode switch, buttons
    for chrome in ("Search", "搜索", "Reading aids", "Link to this passage", "About Duidu", "Skip to content"):
        assert chrome not in text
    # the numbered glossary list: the terms the passage uses, with pinyin, English and explanation
    page_html = content(soup(real_site.site / article_slug / PART / "index.html"))
    used = []
    for block_id in ("p2-1-2", "p2-1-3"):
        for link in page_html.select(f"#{block_id} a.dd-term"):
            if link["data-term"] not in used:
                used.append(link["data-term"])
    assert used, "the passage uses glossary terms"
    listed = page.eval_on_selector_all("[data-dd-handout=terms] li", "els => els.map(e => e.textContent)")
    assert len(listed) == len(used)
    for n, (term_id, item) in enumerate(zip(used, listed, strict=True), start=1):
        gloss = page_html.select_one(f"#gloss-{term_id}")
        assert item.startswith(gloss["data-zh"]) and gloss.select_one(".dd-gloss-en").get_text() in item
        assert squeezed(gloss["data-zh"]) in squeezed(text)
        assert page.locator(f"#p2-1-2 a.dd-term[data-term='{term_id}'], #p2-1-3 a.dd-term[data-term='{term_id}']").first.get_attribute("data-dd-handout-n") == str(n)


def test_a_printed_part_is_a_handout_of_the_whole_part_in_the_mode_chosen(page, part_url):
    from duidu.pipeline import build_edition

    edition = build_edition(SEED)
    part = edition.article.parts[1]
    text, _ = handout_pdf(page, f"{part_url}?mode=en")
    flat = re.sub(r"\s+", "", text)
    for paragraph in (part.paragraphs[0], part.paragraphs[-1]):  # the whole part, in English only
        assert squeezed(edition.english(paragraph.id).en)[:40] in squeezed(text)
        assert squeezed(paragraph.text)[:20] not in squeezed(text)
    first, last = part.paragraphs[0].id, part.paragraphs[-1].id
    assert f"paras.{first}–{last},Part2" in flat


def test_the_qr_code_encodes_the_printed_link(page, part_url):
    print_with_the_keyboard(page, f"{part_url}#p2-3-1~p2-3-2")
    link = page.locator("[data-dd-handout=url]").text_content()
    assert page.locator("[data-dd-handout=qr]").get_attribute("data-dd-qr-text") == link
    modules = page.evaluate(
        """() => {
            const svg = document.querySelector('.dd-handout__qr svg');
            const n = Number(svg.dataset.modules);
            const grid = Array.from({length: n}, () => Array(n).fill(0));
            for (const m of svg.querySelector('path').getAttribute('d').matchAll(/M(\\d+) (\\d+)/g)) {
                grid[Number(m[2]) - 4][Number(m[1]) - 4] = 1;
            }
            return grid;
        }"""
    )
    # segno, a separate encoder, makes the same symbol for the same text with one of the eight masks
    expected = [
        [[int(bool(v)) for v in row] for row in segno.make(link, error="m", mode="byte", mask=mask, boost_error=False).matrix]
        for mask in range(8)
    ]
    assert modules in expected


def test_print_keeps_each_heading_with_its_first_paragraph(page, part_url):
    page.goto(part_url)
    page.emulate_media(media="print")
    try:
        after = page.evaluate("getComputedStyle(document.getElementById('s2-1')).breakAfter")
        hidden = page.evaluate(
            "['.md-header', '.md-sidebar--primary', '.md-footer', '.dd-aids'].map(s => document.querySelector(s))"
            ".filter(Boolean).map(el => getComputedStyle(el).display)"
        )
    finally:
        page.emulate_media(media="screen")  # the page is shared with the tests that follow
    assert after in ("avoid-page", "avoid")
    assert hidden and set(hidden) == {"none"}


@pytest.mark.parametrize("query", ["?mode=both", "?mode=zh&scheme=dark&size=l"])
def test_axe_finds_nothing_with_the_passage_panel_and_its_citations_open(page, part_url, query):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(part_url + query)
    select_across(page, "p2-2-1", "p2-2-2")
    panel_range(page)
    page.locator("[data-dd-passage=cite]").click()
    page.locator('pre[data-dd-citation="passage-gbt7714"]').wait_for()
    assert_axe_clean(page)


def test_print_handout_in_the_passage_panel_prints_that_passage(page, part_url):
    page.goto(part_url)
    page.evaluate("() => { window.print = () => { window.ddPrinted = (window.ddPrinted || 0) + 1; }; }")
    page.locator("#p2-4-1 > a.headerlink").click()
    page.locator("#p2-4-2 > a.headerlink").click(modifiers=["Shift"])
    page.get_by_role("button", name="Print handout · 打印讲义").click()
    page.wait_for_function("window.ddPrinted === 1")
    assert urlsplit(page.url).fragment == "p2-4-1~p2-4-2"
    assert page.locator("[data-dd-handout=url]").text_content().endswith("#p2-4-1~p2-4-2")
    assert page.locator(".dd-handout__qr svg").count() == 1
    in_handout = page.eval_on_selector_all("article .dd-block.dd-in-handout", "els => els.map(e => e.id)")
    assert in_handout == ["p2-4-1", "p2-4-2"]
