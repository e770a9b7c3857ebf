"""citation: the three styles say what the source says and state what it leaves out."""

import re
from dataclasses import replace

from duidu.citation import cite
from duidu.pipeline import build_edition

from conftest import FIXTURES, SEED
from helpers import content, soup


def test_gbt7714_uses_the_standard_word_for_an_unnamed_author():
    citations = cite(build_edition(SEED))
    assert citations.gbt7714 == "佚名. 以高水平治理提升基层“免疫力”[J]. 人民论坛, 出版年不详."


def test_apa_puts_the_title_in_the_authors_place_with_no_date():
    apa = cite(build_edition(SEED)).apa
    assert apa.startswith("Enhancing the “immunity” of the primary level through high-standard governance [以高水平治理提升基层“免疫力”]. (n.d.).")
    assert apa.endswith("(n.d.). Renmin Luntan (People’s Tribune).")


def test_bibtex_is_balanced_and_states_the_gap():
    edition = build_edition(SEED)
    bibtex = cite(edition).bibtex
    assert bibtex.startswith(f"@article{{{edition.slug},")
    assert bibtex.count("{") == bibtex.count("}")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bibtex, flags=re.M))
    assert fields["title"] == "以高水平治理提升基层“免疫力”"
    assert fields["journal"] == "人民论坛 [Renmin Luntan (People’s Tribune)]"
    assert "author" not in fields
    assert "does not name the author" in fields["note"] and "华中师范大学" in fields["note"]


def test_the_overview_offers_each_style_with_a_copy_button_and_the_bib_file(real_site, article_slug):
    edition = build_edition(SEED)
    overview = content(soup(real_site.site / article_slug / "index.html"))
    citations = cite(edition)
    for key, text in (("gbt7714", citations.gbt7714), ("apa", citations.apa), ("bibtex", citations.bibtex)):
        assert overview.select_one(f'pre[data-dd-citation="{key}"]').get_text() == text
        assert overview.select_one(f'button[data-dd-copy="{key}"]') is not None
    download = overview.select_one("a[download]")
    assert (real_site.site / article_slug / download["href"]).read_text(encoding="utf-8") == citations.bibtex
    assert "does not name the author" in overview.get_text()


def test_year_issue_pages_and_authors_read_from_the_page_appear_in_every_style():
    edition = build_edition(FIXTURES / "journal_layout.txt")
    citations = cite(edition)
    assert citations.gbt7714 == "周明, 林小红. 县域治理中的协同机制研究[J]. 行政论坛, 2022(3): 45-50."
    assert citations.apa == "周明, & 林小红. (2022). 县域治理中的协同机制研究. 行政论坛, (3), 45–50."
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", citations.bibtex, flags=re.M))
    assert (fields["author"], fields["year"], fields["number"], fields["pages"]) == ("周明 and 林小红", "2022", "3", "45--50")
    assert "note" not in fields and citations.gap == ""


def test_more_than_three_authors_end_in_deng_and_a_missing_year_is_stated():
    edition = build_edition(FIXTURES / "journal_layout.txt")
    metadata = replace(edition.metadata, authors=("甲一", "乙二", "丙三", "丁四"), year="", issue="", pages="", date="", article_number="")
    citations = cite(replace(edition, metadata=metadata))
    assert citations.gbt7714 == "甲一, 乙二, 丙三, 等. 县域治理中的协同机制研究[J]. 行政论坛, 出版年不详."
    assert citations.apa.startswith("甲一, 乙二, 丙三, & 丁四. (n.d.).")
    assert citations.gap == "It gives no year or issue."


def test_an_online_source_without_a_journal_is_cited_as_eb_ol():
    edition = build_edition(FIXTURES / "journal_layout.txt")
    metadata = replace(edition.metadata, journal="", source="新华网", date="2021-11-08", source_url="https://example.org/a")
    assert cite(replace(edition, metadata=metadata)).gbt7714 == (
        "周明, 林小红. 县域治理中的协同机制研究[EB/OL]. 新华网, (2021-11-08). https://example.org/a."
    )
