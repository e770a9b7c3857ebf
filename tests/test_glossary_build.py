"""The glossary in the built site: every term marked wherever it occurs, backlinks that resolve, checks."""

import posixpath

import pytest
from duidu.glossary import find_terms, load_glossary
from duidu.pipeline import build_edition
from duidu.terminology import marked_units

from conftest import ROOT, SEED, SYNTHETIC, build_project, companions
from helpers import content, soup

GLOSSARY = load_glossary(ROOT / "seeds" / "glossary.yml")


def page_path(site, src_uri):
    path = src_uri.removesuffix(".md")
    path = path.removesuffix("index") if path.endswith("index") else path + "/"
    return site / path / "index.html"


def test_the_glossary_is_curated_and_loads_cleanly():
    assert GLOSSARY.errors == ()
    assert len(GLOSSARY.terms) >= 45
    assert {"鞭打快牛", "居站分设", "两委", "分税制", "五社联动"} <= {t.term for t in GLOSSARY.terms}
    assert "社区“两委”" in next(t for t in GLOSSARY.terms if t.term == "两委").variants


def test_every_term_is_marked_wherever_it_occurs_and_the_text_is_unchanged(real_site):
    edition = build_edition(SEED)
    total = 0
    for unit in marked_units(edition):
        block = content(soup(page_path(real_site.site, unit.page))).select_one(f"#{unit.unit_id} > .dd-zh")
        expected = [(unit.zh[m.start : m.end], m.term.id) for m in find_terms(unit.zh, GLOSSARY.terms)]
        marked = [(a.get_text(), a["data-term"]) for a in block.select("a.dd-term")]
        assert marked == expected, unit.unit_id
        assert block.get_text() == unit.zh, unit.unit_id
        for link in block.select("a.dd-term"):
            assert link["href"].endswith(f"glossary/#{link['data-term']}")
            assert link["aria-describedby"] == f"gloss-{link['data-term']}"
        total += len(expected)
    assert total > 200


def test_each_term_link_is_described_by_its_gloss_on_the_same_page(real_site, article_slug):
    page = soup(real_site.site / article_slug / "part-2" / "index.html")
    described = {a["aria-describedby"] for a in page.select("a.dd-term")}
    glosses = {span["id"]: span for span in page.select(".dd-glosses > span[id]")}
    assert described == set(glosses)
    tax = glosses["gloss-fen-shui-zhi"].get_text()
    assert "fēnshuìzhì" in tax and "tax-sharing system" in tax


def test_the_glossary_page_sorted_grouped_with_every_field_and_working_backlinks(real_site):
    page = content(soup(real_site.site / "glossary" / "index.html"))
    entries = page.select(".dd-entry")
    assert [e["id"] for e in entries] == [t.id for t in GLOSSARY.terms]
    letters = [h["id"] for h in page.select("h2")]
    assert letters == sorted(letters) and letters == [f"letter-{i}" for i in sorted({t.initial for t in GLOSSARY.terms})]
    backlinks = 0
    ids_of_page = {}
    for entry, term in zip(entries, GLOSSARY.terms):
        text = entry.get_text()
        assert term.term in text and term.pinyin in text and term.english in text and term.explanation in text
        # the entry gives how often the term is used and links to the term's own page, which lists where
        (uses,) = entry.select(".dd-entry__uses a")
        term_page = soup(real_site.site / "glossary" / uses["href"] / "index.html")
        listed = term_page.select(".dd-uses__places a")
        assert f"Used in {len(listed)} paragraph" in uses.get_text(), (term.id, uses.get_text())
        for link in listed:
            path, anchor = link["href"].split("#")
            target = real_site.site / posixpath.normpath(posixpath.join("glossary", term.id, path)) / "index.html"
            if target not in ids_of_page:
                ids_of_page[target] = {node["id"]: node.get_text() for node in soup(target).select("[id]")}
            assert anchor in ids_of_page[target], link["href"]
            assert any(form in ids_of_page[target][anchor] for form in term.forms), (term.term, link["href"])
            backlinks += 1
    assert backlinks >= len(GLOSSARY.terms)


def test_every_article_page_links_to_the_glossary(real_site, article_slug):
    for path in ("", "part-1/", "part-2/", "part-3/", "references/", "about/"):
        page = soup(real_site.site / article_slug / path / "index.html")
        assert any(a["href"].rstrip("/").endswith("glossary") for a in page.select("nav.md-nav--primary a[href]")), path


@pytest.fixture
def checked_build(tmp_path):
    glossary = """terms:
  - {term: 社区治理, english: community governance, explanation: Governing residential communities.}
  - {term: 议事平台, english: deliberation platform, explanation: A forum where residents discuss affairs.}
  - {term: 分税制, english: tax-sharing system, explanation: The 1994 fiscal reform.}
  - {term: 居民, english: 42, explanation: broken}
"""
    return build_project(
        tmp_path,
        {"a.txt": SYNTHETIC.read_bytes()},
        extra_files={**companions(SYNTHETIC, "a.txt"), "glossary.yml": glossary},
    )


def test_unused_terms_malformed_entries_and_inconsistent_english_are_reported(checked_build):
    log = checked_build.log
    assert "ERROR" in log and "glossary.yml: entry 4 (居民): 'english' must be non-empty text" in log
    assert "glossary.yml: 分税制 (fen-shui-zhi) occurs in no article" in log
    # 议事平台 is "platforms for deliberation" in the fixture's English, not the glossary's rendering.
    assert "p2-1-1: 议事平台 is rendered neither 'deliberation platform' in the English" in log
    assert "terminology check: 1 units" in log
