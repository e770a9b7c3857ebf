"""citation: the three styles say what the source says and state what it leaves out."""

import re

from duidu.citation import cite
from duidu.pipeline import build_edition

from conftest import SEED
from helpers import content, soup


def test_gbt7714_uses_the_standard_word_for_an_unnamed_author():
    citations = cite(build_edition(SEED))
    assert citations.gbt7714 == "佚名. 以高水平治理提升基层“免疫力”[J]. 人民论坛, 出版年不详."


def test_apa_puts_the_title_in_the_authors_place_with_no_date():
    apa = cite(build_edition(SEED)).apa
    assert apa.startswith("Enhancing primary-level “immunity” through high-level governance [以高水平治理提升基层“免疫力”]. (n.d.).")
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
