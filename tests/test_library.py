"""The library's shelves and pages, and the pages of a glossary term's uses: made from real editions copied
under other names, so that every size is computed, not written down."""

from dataclasses import replace

import pytest
from duidu.glossary import load_glossary
from duidu.pipeline import build_edition
from duidu.site import (
    LIBRARY,
    OTHER,
    SHELF_PAGE,
    TERM_USES_PAGE,
    library_pages,
    navigation,
    newest,
    shelves,
    term_pages,
)
from duidu.terminology import term_usages

from conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed_edition():
    return build_edition(SEED)


def copies(edition, count: int, journal: str, year: str = ""):
    return [
        replace(edition, slug=f"{journal or 'none'}-{n}", metadata=replace(edition.metadata, journal=journal, year=year))
        for n in range(count)
    ]


def test_shelves_are_periodicals_in_pinyin_order_with_the_unnamed_last(seed_edition):
    library = copies(seed_edition, 2, "") + copies(seed_edition, 3, "人民论坛") + copies(seed_edition, 1, "经济师")
    found = shelves(library)
    assert [shelf.key for shelf in found] == ["jing-ji-shi", "ren-min-lun-tan", OTHER]
    assert [len(shelf.editions) for shelf in found] == [1, 3, 2]


def test_a_long_shelf_is_paginated_and_every_article_is_listed_once(seed_edition):
    count = 2 * SHELF_PAGE + 7
    library = copies(seed_edition, count, "人民论坛")
    plans = library_pages(library)
    assert plans[0].src_uri == LIBRARY
    listings = [plan.listing for plan in plans[1:]]
    assert [plan.src_uri for plan in plans[1:]] == [
        "library/ren-min-lun-tan/index.md", "library/ren-min-lun-tan/page/2.md", "library/ren-min-lun-tan/page/3.md"
    ]
    assert [len(listing.editions) for listing in listings] == [SHELF_PAGE, SHELF_PAGE, 7]
    assert sorted(e.slug for listing in listings for e in listing.editions) == sorted(e.slug for e in library)


def test_newest_first_by_year_then_by_file_order(seed_edition):
    library = copies(seed_edition, 2, "甲", "2019") + copies(seed_edition, 2, "乙", "2023") + copies(seed_edition, 1, "丙")
    assert [e.slug for e in newest(library, 3)] == ["乙-1", "乙-0", "甲-1"]


def test_the_site_navigation_does_not_grow_with_the_library(seed_edition):
    small, large = copies(seed_edition, 2, "人民论坛"), copies(seed_edition, 300, "人民论坛")
    sizes = []
    for library in (small, large):
        plans = {plan.src_uri: plan for plan in library_pages(library)}
        plans["index.md"] = replace(plans[LIBRARY], src_uri="index.md")
        sizes.append(len(str(navigation(library, plans))))
    assert sizes[0] == sizes[1]


def test_a_term_used_often_gets_pages_of_its_uses(seed_edition):
    glossary = load_glossary(ROOT / "seeds" / "glossary.yml")
    library = copies(seed_edition, 60, "人民论坛")
    usages = term_usages(glossary, library)
    term = max(glossary.terms, key=lambda t: len(usages[t.id]))
    uses = len(usages[term.id])
    assert uses > 2 * TERM_USES_PAGE
    plans = [plan for plan in term_pages(glossary, usages) if plan.uses.term is term]
    assert len(plans) == -(-uses // TERM_USES_PAGE)
    assert [len(plan.uses.uses) for plan in plans[:-1]] == [TERM_USES_PAGE] * (len(plans) - 1)
    assert sum(len(plan.uses.uses) for plan in plans) == uses == plans[0].uses.total
    assert plans[1].src_uri == f"glossary/{term.id}/page/2.md"
