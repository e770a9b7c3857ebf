"""The real seed built with --strict: counts, cleanliness and markup asserted on the built HTML."""

import json
import re

import pytest
from duidu.convert import to_simplified
from duidu.gbk_shift import find_sites
from duidu.glossary import load_glossary
from duidu.pipeline import build_edition
from duidu.units import translation_units

from conftest import ROOT, SEED
from helpers import HAN, chinese_text, content, html_pages, soup, tables_of_contents, traditional_characters


@pytest.fixture(scope="module")
def pages(real_site, article_slug):
    base = real_site.site / article_slug
    return {
        "home": soup(real_site.site / "index.html"),
        "overview": soup(base / "index.html"),
        **{f"part-{n}": soup(base / f"part-{n}" / "index.html") for n in (1, 2, 3)},
        "references": soup(base / "references" / "index.html"),
        "about": soup(base / "about" / "index.html"),
    }


READING_PAGES = ["home", "overview", "part-1", "part-2", "part-3", "references"]


def body_blocks(pages):
    return [
        block
        for name in ("overview", "part-1", "part-2", "part-3")
        for block in content(pages[name]).select(".dd-block")
        if re.fullmatch(r"p\d+-\d+-\d+", block["id"])
    ]


def test_strict_build_prints_no_warning(real_site):
    assert "WARNING" not in real_site.log and "ERROR" not in real_site.log


def test_36_body_paragraphs_3_parts_12_subsections(pages):
    assert len(body_blocks(pages)) == 36
    parts = [content(pages[f"part-{n}"]).select_one("h1") for n in (1, 2, 3)]
    assert [h["id"] for h in parts] == ["part-1", "part-2", "part-3"]
    sections = [h["id"] for n in (1, 2, 3) for h in content(pages[f"part-{n}"]).select("h2")]
    assert sections == [f"s{p}-{s}" for p in (1, 2, 3) for s in (1, 2, 3, 4)]


def test_3_references_and_4_keywords(pages):
    references = content(pages["references"]).select("ol.dd-references > li")
    assert [li["id"] for li in references] == ["ref-1", "ref-2", "ref-3"]
    assert "姜晓萍" in references[0].get_text() and "中国行政管理" in references[0].get_text()
    keywords = [li.select_one('[lang="zh-Hans"]').get_text() for li in content(pages["overview"]).select(".dd-keywords li")]
    assert keywords == ["基层治理", "治理现代化", "治理效能", "高质量发展"]


def test_every_paragraph_block_has_an_id_and_its_chinese_a_lang(pages):
    ids = []
    for name in READING_PAGES:
        for block in content(pages[name]).select(".dd-block"):
            ids.append(block["id"])
            assert block.select_one("p.dd-zh")["lang"] == "zh-Hans"
    assert len(ids) == len(set(ids))


def test_headings_have_meaningful_ids_not_material_numbers(pages):
    for name in READING_PAGES:
        for heading in content(pages[name]).select("h1, h2, h3"):
            assert not re.fullmatch(r"_\d*", heading.get("id", "")), heading


def test_same_source_gives_the_same_ids(pages):
    edition = build_edition(SEED)
    assert [b["id"] for b in body_blocks(pages)] == [p.id for p in edition.article.body_paragraphs]


def test_no_annotation_mojibake_entity_spam_or_chrome_in_the_reading_pages(pages):
    seed_text = SEED.read_text(encoding="utf-8")
    spam = [w for w in seed_text.split("\n", 1)[0].split(",") if HAN.search(w)]
    garbled = [
        to_simplified(site.stream[:6])
        for line in seed_text.split("\n")
        for site in find_sites(line)
        if len(HAN.findall(site.stream[:6])) >= 2
    ]
    assert spam and garbled
    for name in READING_PAGES:
        text = content(pages[name]).get_text()
        assert not re.search(r"[\u4e00-\u9fff]\([a-zü\u00e0-\u01dc]+\)", text), name
        assert not re.search(r"&?(?:ldquo|rdquo|amp|nbsp);", text), name
        assert not re.search(r"[\ue000-\uf8ff\ufffd?〓]", text), name
        assert not any(run in text for run in garbled), name
        assert not any(word in text for word in spam), name
        assert "网站首页" not in text and "网站地图" not in text and "首页 >" not in text, name
        assert "声明" not in text and "责任编辑" not in text, name


def test_no_traditional_character_survives(pages):
    edition = build_edition(SEED)
    article = edition.article
    everything = "\n".join(
        [article.title, article.abstract, *article.keywords, article.author_note, article.funding_note]
        + [p.heading for p in article.parts]
        + [s.heading for p in article.parts for s in p.sections]
        + [p.text for p in article.body_paragraphs]
        + [r.raw for r in article.references]
    )
    seed_han = len(HAN.findall(SEED.read_text(encoding="utf-8")))
    assert len(HAN.findall(everything)) > 0.9 * seed_han  # the whole article, not a sample
    assert traditional_characters(everything) == set()
    for name in READING_PAGES:
        assert traditional_characters(chinese_text(content(pages[name]))) == set(), name


def test_the_tw2s_readings(pages):
    text = "".join(chinese_text(content(pages[name])) for name in READING_PAGES)
    for word in ("影响着", "着力", "经历着", "随着", "显著", "效能"):
        assert word in text, word
    assert "影响著" not in text and "随著" not in text


def test_fullwidth_punctuation_between_chinese_characters(pages):
    for name in READING_PAGES:
        text = chinese_text(content(pages[name]))
        assert not re.search(r"[\u4e00-\u9fff“”][,:;?!()]|[,:;?!()][\u4e00-\u9fff“”]", text), name
    overview = chinese_text(content(pages["overview"]))
    assert "，" in overview and "：" in overview


def test_about_page_reports_source_cleaning_and_corrections(pages, real_site):
    about = content(pages["about"])
    text = about.get_text()
    edition = build_edition(SEED)
    assert edition.seed_sha256 in text and SEED.name in text and "utf-8" in text
    counts = {row.select("td")[0].get_text(): int(row.select("td")[1].get_text()) for row in about.select(".dd-counts tbody tr")}
    assert counts == edition.report.counts()
    assert counts["strip-pinyin-annotations"] > 1000
    assert counts["repair-gbk-shift"] == 4
    assert not about.select(".dd-corrections li")  # the bytes decide every damaged span of this seed
    repairs = [c for c in edition.report.changes if c.rule == "repair-gbk-shift"]
    for change in repairs:
        assert change.before in text and change.after in text


def test_masthead_metadata_is_kept_once(pages):
    about = content(pages["about"]).get_text()
    assert about.count("本文为人民论坛杂志社原创内容") == 1
    assert "李一丹" in about and "杨玲玲" in about
    categories = content(pages["overview"]).select('.dd-category [lang="zh-Hans"]')
    assert [c.get_text() for c in categories] == ["理论前沿", "深度原创"]


def test_pages_have_readable_stable_urls(real_site, article_slug):
    assert article_slug == "yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li"
    built = {p.relative_to(real_site.site).as_posix() for p in html_pages(real_site.site)}
    expected = {"index.html"} | {
        f"{article_slug}/{page}index.html" for page in ("", "part-1/", "part-2/", "part-3/", "references/", "about/")
    }
    assert expected <= built


def test_no_outside_resource_is_referenced(real_site):
    for page in html_pages(real_site.site):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for tag in soup(page).select("script[src], link[href], img[src]"):
            url = tag.get("src") or tag.get("href")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"(https?:)?//", url), (page, url)


def test_the_search_index_holds_every_searchable_page_and_glossary_entry(real_site):
    """Pagefind's index is written into the site: one record per article page (About is not searched) and
    per glossary entry, which is what its metadata counts."""
    entry = json.loads((real_site.site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    glossary = load_glossary(ROOT / "seeds" / "glossary.yml")
    pages = len(["overview", "part-1", "part-2", "part-3", "references"])
    assert entry["languages"]["en"]["page_count"] == pages + len(glossary.terms)
    assert (real_site.site / "pagefind" / "pagefind.js").is_file()


def test_chinese_in_navigation_toc_and_footer_is_marked_and_labels_are_text(pages):
    part = pages["part-2"]
    nav_chinese = [span.get_text() for span in part.select('nav.md-nav--primary span[lang="zh-Hans"]')]
    assert "以高水平治理提升基层“免疫力”" in nav_chinese
    assert any("分税制" not in t and "后遗症" in t for t in nav_chinese)
    toc = [span.get_text() for span in part.select('nav.md-nav--secondary span[lang="zh-Hans"]')]
    assert toc[0] == "结构紧张：任务延伸与场域收缩。"
    for link in part.select("a.md-footer__link"):
        assert "<" not in link["aria-label"] and "lang=" not in link["aria-label"]
        assert link.select_one('.md-ellipsis span[lang="zh-Hans"]') is not None


def test_every_unit_has_its_english_beside_its_chinese_in_one_block(pages):
    edition = build_edition(SEED)
    units = {u.id: u for u in translation_units(edition)}
    found = set()
    for name in ("overview", "part-1", "part-2", "part-3", "references"):
        for element in content(pages[name]).select("[id]"):
            unit = units.get(element["id"])
            if unit is None:
                continue
            zh = element.select_one('.dd-zh[lang="zh-Hans"]')
            en = element.select_one('.dd-en[lang="en"]')
            assert zh is not None and zh.get_text().strip() == unit.zh, unit.id
            assert en is not None and en.get_text().strip() == edition.translations[unit.id].en, unit.id
            assert not element.select(".dd-untranslated"), unit.id
            assert len(element.select(".dd-zh")) == len(element.select(".dd-en")) == 1, unit.id
            found.add(unit.id)
    overview = content(pages["overview"])
    journal = overview.select_one(".dd-journal")
    assert journal.select_one(".dd-zh").get_text() == units["journal"].zh == "人民论坛"
    assert journal.select_one(".dd-en").get_text() == edition.translations["journal"].en
    found.add("journal")
    for prefix, selector in (("keyword", ".dd-keywords li"), ("category", ".dd-category")):
        for number, item in enumerate(overview.select(selector), start=1):
            unit_id = f"{prefix}-{number}"
            assert item.select_one(".dd-zh").get_text() == units[unit_id].zh
            assert item.select_one(".dd-en").get_text() == edition.translations[unit_id].en
            found.add(unit_id)
    for reference in content(pages["references"]).select("ol.dd-references > li"):
        english = reference.select_one('.dd-en[lang="en"]').get_text()
        for field in ("authors", "title", "journal"):
            unit_id = f"{reference['id']}-{field}"
            assert edition.translations[unit_id].en in english
            found.add(unit_id)
    assert found == set(units)


def test_english_reads_as_english(pages):
    for name in ("part-1", "part-2", "part-3"):
        for en in content(pages[name]).select('.dd-block > .dd-en[lang="en"]'):
            text = en.get_text()
            assert not HAN.search(text.replace("“", "").replace("”", "")) or "(" in text, text[:80]
            assert '"' not in text, "straight quotes in the English: " + text[:80]


def test_ids_are_unique_on_every_page(real_site):
    for page in html_pages(real_site.site):
        ids = [element["id"] for element in soup(page).select("[id]")]
        assert len(ids) == len(set(ids)), (page, sorted(i for i in ids if ids.count(i) > 1))


def test_every_table_of_contents_lists_exactly_the_headings_of_its_page(real_site):
    """The TOC is read from the rendered h2/h3 headings (toc.py), so none is missing and none points at a
    heading the page lacks (the About page's build notes were missing when TOCs were written by hand: see
    test_bad_input, whose article has build notes)."""
    listed = tables_of_contents(real_site.site)
    assert {"s2-1", "letter-F", "article-1", "unrecovered"} & listed == {"s2-1", "letter-F", "article-1"}


def test_table_of_contents_labels_carry_no_link_permalink_or_flag(pages):
    for name, page in pages.items():
        toc = page.select_one("nav.md-nav--secondary")
        if toc is None:
            continue  # the overview: see above
        assert not toc.select("a a, .headerlink, .dd-flag"), name
        assert all(a.get_text(strip=True) for a in toc.select("a.md-nav__link")), name
