"""The words of every page (words.py), for pinyin and the dictionary card: each Chinese element's text cut
into words whose lengths cover it exactly (as the browser counts it), glossary terms whole with the
glossary's pinyin, every other word read by phrase, and CC-CEDICT's entries; the credits page names the
dictionary and its licence."""

import json

import opencc
from bs4 import BeautifulSoup, Comment, NavigableString
from duidu.credits import cedict_release
from duidu.dictionary_files import SHARDS, shard_of
from duidu.glossary import Glossary, Term, load_glossary
from duidu.words import PageWords, cedict, parts, readings, utf16_length, word_pinyin, words_json

from conftest import GLOSSARY_FILE
from helpers import HAN, html_pages, soup

_S2T = opencc.OpenCC("s2t")


def chinese_elements(page: BeautifulSoup) -> list:
    article = page.select_one("article.md-content__inner")
    return [e for e in article.select("[lang=zh-Hans]") if not e.find_parent(attrs={"lang": "zh-Hans"})]


def text_nodes(element) -> list[str]:
    return [
        str(node)
        for node in element.descendants
        if isinstance(node, NavigableString) and not isinstance(node, Comment) and str(node)
    ]


def word_files(site):
    return [(path, json.loads(path.with_suffix(".words.json").read_text(encoding="utf-8")))
            for path in html_pages(site) if path.with_suffix(".words.json").exists()]


def test_every_chinese_element_is_cut_into_words_covering_its_text_node_by_node(real_site):
    files = word_files(real_site.site)
    assert len(files) > 100  # the article's pages, the glossary and its term pages, home, library, credits
    cut = 0
    for path, data in files:
        elements = chinese_elements(soup(path))
        assert len(data["blocks"]) == len(elements), path
        for block, element in zip(data["blocks"], elements):
            pieces = list(block)  # a word's number, or minus the length of what is not a word
            for text in text_nodes(element):  # an HTML parser's text nodes, as the browser's
                at = 0
                while at < utf16_length(text):
                    piece = pieces.pop(0)
                    length = -piece if piece < 0 else utf16_length(data["words"][piece][0])
                    found = text.encode("utf-16-le")[2 * at : 2 * (at + length)].decode("utf-16-le")
                    if piece >= 0:
                        assert data["words"][piece][0] == found and HAN.search(found), (path, found)
                        cut += 1
                    else:
                        assert not HAN.search(found), (path, found)  # every Han character is in some word
                    at += length
                assert at == utf16_length(text), (path, text)
            assert pieces == [], path
        used = {p for block in data["blocks"] for p in block if p >= 0}
        assert used == set(range(len(data["words"]))), path  # its own words only, each used
    assert cut > 5000


def test_a_glossary_term_is_one_word_read_as_the_glossary_reads_it(real_site):
    glossary = load_glossary(GLOSSARY_FILE)
    by_term = {term.term: term for term in glossary.terms}
    files = word_files(real_site.site)
    terms_seen = 0
    for path, data in files:
        for word, pinyin, term_id, _heads in data["words"]:
            if term_id:
                term_row = data["terms"][term_id]
                term = by_term.get(word) or next(t for t in glossary.terms if word in t.forms)
                assert (pinyin, term_row[2], term_row[3]) == (term.pinyin, term.english, term.explanation)
                assert term_row[4].endswith(f"#{term.id}"), term_row  # the card links to the entry
                terms_seen += 1
    assert terms_seen > 100


def test_the_glossarys_pinyin_comes_before_pypinyins_reading():
    corrected = Term("hang-zhang", "行长", (), "hángzhǎng", "bank president", (), "")
    data = PageWords(Glossary(terms=(corrected,)), lambda term: f"glossary/#{term.id}").data(("银行行长说",))
    words = [data["words"][n][:3] for n in data["blocks"][0]]
    assert words == [["银行", "yínháng", ""], ["行长", "hángzhǎng", "hang-zhang"], ["说", "shuō", ""]]
    assert data["terms"]["hang-zhang"][4] == "glossary/#hang-zhang"


def test_polyphones_are_read_by_phrase_and_words_are_joined_as_gb_t_16159_writes_them():
    assert word_pinyin("银行") == "yínháng" and word_pinyin("行政") == "xíngzhèng"
    assert word_pinyin("成为") == "chéngwéi" and word_pinyin("为了") == "wèile"
    assert word_pinyin("西安") == "xī'ān"  # the apostrophe where a syllable begins with a vowel


def test_the_dictionary_gives_every_reading_the_texts_first_and_parts_of_an_unknown_word():
    assert len(cedict()) > 100_000
    assert [r.pinyin for r in readings("行", "háng")][:2] == ["háng", "xíng"]
    assert [r.pinyin for r in readings("行", "xíng")][:2] == ["xíng", "háng"]
    assert "basic level" in readings("基层", "jīcéng")[0].senses
    assert "基层治理" not in cedict() and parts("基层治理") == ["基层", "治理"]
    data = PageWords(Glossary(terms=()), lambda term: "").data(("高水平",))
    [(word, pinyin, term, heads)] = data["words"]
    assert "高水平" not in cedict() and (word, pinyin, term) == ("高水平", "gāoshuǐpíng", "")
    assert heads == ["高", "水平"]  # the card shows the parts CC-CEDICT has


def test_traditional_keeps_the_length_of_every_text_node(real_site):
    """The browser cuts the Traditional text by the Simplified lengths: OpenCC s2t must keep them."""
    for path, _data in word_files(real_site.site):
        for element in chinese_elements(soup(path)):
            for text in text_nodes(element):
                assert utf16_length(_S2T.convert(text)) == utf16_length(text), (path, text)


def test_a_page_without_chinese_has_no_words_file():
    page = '<article class="md-content__inner md-typeset"><p lang="zh-Hans">2024 · OK</p></article>'
    assert words_json(page, Glossary(terms=()), lambda term: "") is None


def test_the_credits_page_names_cc_cedict_its_release_and_licence(real_site):
    page = soup(real_site.site / "credits" / "index.html").select_one("article")
    text = page.get_text(" ")
    release = cedict_release()  # read from the shipped file's own header
    assert release[:2] == "20" and "CC-CEDICT" in text and f"release of {release}" in text
    assert page.select_one('a[href="https://creativecommons.org/licenses/by-sa/4.0/"]') is not None
    header = soup(real_site.site / "index.html").select_one("[data-dd-credits]")
    assert header["data-dd-credits"].rstrip("/").endswith("credits")  # where the card credits it


def test_cc_cedict_is_written_once_for_the_site_in_shards_the_browser_can_find(real_site):
    folder = real_site.site / "assets" / "cedict"
    shards = [json.loads((folder / f"{n}.json").read_text(encoding="utf-8")) for n in range(SHARDS)]
    assert sum(len(shard) for shard in shards) == len(cedict())  # every Simplified headword, once
    assert all(shard_of(headword) == n for n, shard in enumerate(shards) for headword in shard)
    first_reading = shards[shard_of("基层")]["基层"][0]
    assert first_reading[0] == "jī céng" and "basic level" in first_reading[1]
    readings_of_yi = shards[shard_of("以")]["以"]
    assert readings_of_yi[0][0] == "yǐ" and "to use" in readings_of_yi[0][1]  # its own reading first,
    assert "variant of" in readings_of_yi[-1][1][0]  # a mere variant last
    part = json.loads((real_site.site / "index.words.json").read_text(encoding="utf-8"))
    assert all(head in shards[shard_of(head)] for entry in part["words"] for head in entry[3])
