"""The search records the build hands Pagefind, made from the real seed's edition."""

import re

import pytest
from duidu.glossary import load_glossary
from duidu.pipeline import build_edition
from duidu.search_index import HAN, site_records, words
from duidu.site import GLOSSARY, article_pages

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def records():
    edition = build_edition(SEED)
    glossary = load_glossary(ROOT / "seeds" / "glossary.yml")
    plans = article_pages(edition)
    url_of = {plan.src_uri: plan.src_uri.removesuffix("index.md").removesuffix(".md") + "/" for plan in plans}
    url_of[GLOSSARY] = "glossary/"
    return list(site_records(plans, glossary, url_of)), edition, glossary


def joined(pairs: list[str]) -> str:
    """Chinese put back together from its words, as the search box does: a pair continuing a run overlaps it."""
    text = ""
    for word in pairs:
        continues = text and len(word) == 2 and re.fullmatch(f"[{HAN}]{{2}}", word) and text[-1] == word[0]
        text += word[1:] if continues else word
    return text


def test_every_unit_can_be_put_back_together_from_its_words(records):
    records, _, _ = records
    checked = 0
    for record in records:
        content = record.content().split(" ")
        for entry, unit in zip(record.unit_map().split(";"), record.units):
            anchor, start, zh, en = entry.split(" ")
            start, zh, en = int(start), int(zh), int(en)
            assert anchor == unit.anchor
            assert joined(content[start : start + zh]) == re.sub(r"\s", "", unit.zh), anchor
            assert content[start + zh : start + zh + en] == unit.en.split(), anchor
            checked += 1
    assert checked > 60


def test_a_paragraph_is_found_by_the_pairs_of_its_chinese_and_the_pinyin_of_its_terms(records):
    records, edition, glossary = records
    part_2 = next(r for r in records if r.url.endswith("part-2/"))
    unit = next(u for u in part_2.units if "分税制" in u.zh)
    assert {"分税", "税制"} <= set(words(unit.zh))
    assert {"fenshuizhi", "fen", "shui", "zhi", "tax-sharing"} <= set(unit.extra)
    assert "分税制" not in part_2.content().split(" ")  # no dictionary word: only pairs


def test_the_about_page_is_not_searched_and_each_glossary_entry_is_a_record(records):
    records, edition, glossary = records
    assert not any(r.url.endswith("about/") for r in records)
    entries = [r for r in records if r.kind == "glossary"]
    assert [r.url for r in entries] == [f"glossary/#{t.id}" for t in glossary.terms]
    assert {r.kind for r in records} == {"text", "glossary"}
    assert all(r.article == edition.article.title for r in records if r.kind == "text")
