"""“Cite this article”: GB/T 7714-2015, APA 7 and BibTeX, from what the source (and the editor's sidecar) says.

Authors, journal, year, issue, pages and DOI come from the edition's :class:`Metadata`. What the source does not
give, each style states the way it prescribes (GB/T 7714: 佚名, 出版年不详; APA: the title in the author's
place, n.d.), never inventing: the first article names no author (only an affiliation) and no year or issue.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Status
from .models import Edition, Metadata

GBT_MAX_AUTHORS = 3
"""GB/T 7714-2015 lists the first three authors, then 等."""


@dataclass(frozen=True)
class Citations:
    gbt7714: str
    apa: str
    bibtex: str
    gap: str
    """What the source leaves out, said plainly in English (empty when it gives everything cited)."""


def cite(edition: Edition) -> Citations:
    article, metadata = edition.article, edition.metadata
    title_en = _english(edition, "title")
    journal_en = _english(edition, "journal")
    year = publication_year(metadata)
    gap = citation_gap(edition)

    apa_title = f"{_sentence_case(title_en)} [{article.title}]" if title_en else article.title
    fields = {
        "author": " and ".join(metadata.authors),
        "title": article.title,
        "titleaddon": f"[{title_en}]" if title_en else "",
        "journal": f"{metadata.journal} [{journal_en}]" if metadata.journal and journal_en else metadata.journal,
        "year": year,
        "number": metadata.issue,
        "pages": metadata.pages.replace("-", "--"),
        "doi": metadata.doi,
        "url": metadata.source_url,
        "keywords": ", ".join(article.keywords),
        "langid": "chinese",
        "note": gap,
    }
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields.items() if value)
    return Citations(
        gbt7714=gbt7714(article.title, metadata),
        apa=apa(apa_title, metadata, journal_en),
        bibtex=f"@article{{{edition.slug},\n{body}\n}}\n",
        gap=gap,
    )


def publication_year(metadata: Metadata) -> str:
    """The year the source (or the sidecar) gives, else the year of its date, else empty."""
    return metadata.year or metadata.date[:4]


def gbt7714(title: str, metadata: Metadata) -> str:
    """A journal article ([J]); a page with a source but no journal is an online item ([EB/OL]).

    >>> gbt7714("题名", Metadata(authors=("张三", "李四"), journal="经济师", year="2024", issue="4", pages="113-116"))
    '张三, 李四. 题名[J]. 经济师, 2024(4): 113-116.'
    """
    authors = ", ".join(metadata.authors[:GBT_MAX_AUTHORS]) or "佚名"
    if len(metadata.authors) > GBT_MAX_AUTHORS:
        authors += ", 等"
    year = publication_year(metadata)
    if not metadata.journal and (metadata.source or metadata.source_url):
        where = ", ".join(part for part in (metadata.source, f"({metadata.date})" if metadata.date else "") if part)
        citation = f"{authors}. {title}[EB/OL]. {where or '[出处不详]'}."
        return citation + (f" {metadata.source_url}." if metadata.source_url else "")
    issue = f"({metadata.issue})" if metadata.issue else ""
    pages = f": {metadata.pages}" if metadata.pages else ""
    citation = f"{authors}. {title}[J]. {metadata.journal or '[出处不详]'}, {year or '出版年不详'}{issue}{pages}."
    return citation + (f" DOI:{metadata.doi}." if metadata.doi else "")


def apa(title: str, metadata: Metadata, journal_en: str = "") -> str:
    """APA 7: authors (or the title in their place), date, title, journal, (issue), pages, DOI.

    >>> apa("题名", Metadata(authors=("张三", "李四"), journal="经济师", year="2024", issue="4", pages="113-116"))
    '张三, & 李四. (2024). 题名. 经济师, (4), 113–116.'
    """
    year = publication_year(metadata) or "n.d."
    names = list(metadata.authors)
    if len(names) > 1:
        names[-1] = f"& {names[-1]}"
    head = f"{', '.join(names)}. ({year}). {title}." if names else f"{title}. ({year})."
    journal = journal_en or metadata.journal
    if journal:
        details = [journal] + [part for part in (f"({metadata.issue})" if metadata.issue else "", metadata.pages.replace("-", "–")) if part]
        head += f" {', '.join(details)}."
    return head + (f" https://doi.org/{metadata.doi}" if metadata.doi else "")


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


def _bibtex_escape(value: str) -> str:
    return value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}").replace("&", "\\&").replace("%", "\\%").replace("#", "\\#")
