"""“Cite this article”: GB/T 7714-2015, APA 7 and BibTeX, from what the source actually says.

The source names no author (it gives the affiliation only) and no year or issue: each style states the gap
the way it prescribes (GB/T 7714: 佚名; APA: the title in the author's place, n.d.), never inventing.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalog import Status
from .models import Edition


@dataclass(frozen=True)
class Citations:
    gbt7714: str
    apa: str
    bibtex: str
    gap: str
    """What the source leaves out, said plainly in English."""


def cite(edition: Edition) -> Citations:
    article = edition.article
    title_en = _english(edition, "title")
    journal_en = _english(edition, "journal")
    journal = edition.masthead.journal
    affiliation = article.author_note.removeprefix("作者为")
    gap = "The source does not name the author"
    gap += f"; it gives only the affiliation: {affiliation}." if affiliation else "."
    gap += " It gives no year or issue either."

    gbt = f"佚名. {article.title}[J]. {journal or '[出处不详]'}, 出版年不详."
    apa_title = f"{_sentence_case(title_en)} [{article.title}]" if title_en else article.title
    apa = f"{apa_title}. (n.d.)."
    if journal:
        apa += f" {journal_en or journal}."
    fields = {
        "title": article.title,
        "titleaddon": f"[{title_en}]" if title_en else "",
        "journal": f"{journal} [{journal_en}]" if journal and journal_en else journal,
        "keywords": ", ".join(article.keywords),
        "langid": "chinese",
        "note": gap,
    }
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields.items() if value)
    bibtex = f"@article{{{edition.slug},\n{body}\n}}\n"
    return Citations(gbt7714=gbt, apa=apa, bibtex=bibtex, gap=gap)


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
