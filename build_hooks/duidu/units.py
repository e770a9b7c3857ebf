"""The translatable units of an edition: every piece of its Chinese, each with a stable id.

The ids are the same ones the pages use as anchors (``p2-3-1``, ``s2-3``, ``part-2``), plus named ids for
the front and back matter (``title``, ``abstract``, ``keyword-1``, ``note-funding``, ``ref-1-title``…).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .models import Edition


@dataclass(frozen=True)
class Unit:
    id: str
    zh: str
    kind: str
    """What the unit is, for translators: title, heading, paragraph, keyword, note, reference…"""


def translation_units(edition: Edition) -> tuple[Unit, ...]:
    return tuple(_units(edition))


def _units(edition: Edition) -> Iterator[Unit]:
    article = edition.article
    yield Unit("title", article.title, "article title")
    if edition.metadata.journal:
        yield Unit("journal", edition.metadata.journal, "the periodical: pinyin (English name)")
    for number, category in enumerate(edition.metadata.categories, start=1):
        yield Unit(f"category-{number}", category, "category of the source site (breadcrumb)")
    if article.abstract:
        yield Unit("abstract", article.abstract, "abstract")
    for number, keyword in enumerate(article.keywords, start=1):
        yield Unit(f"keyword-{number}", keyword, "keyword")
    for paragraph in article.introduction:
        yield Unit(paragraph.id, paragraph.text, "paragraph of the introduction")
    for part in article.parts:
        yield Unit(part.id, part.heading, f"heading of part {part.number}")
        for paragraph in part.preface:
            yield Unit(paragraph.id, paragraph.text, f"paragraph of part {part.number}")
        for section in part.sections:
            yield Unit(section.id, section.heading, f"heading of subsection {part.number}.{section.number}")
            for paragraph in section.paragraphs:
                yield Unit(paragraph.id, paragraph.text, f"paragraph of subsection {part.number}.{section.number}")
    if article.author_note:
        yield Unit("note-author", article.author_note, "author note (the source gives the affiliation only)")
    if article.funding_note:
        yield Unit("note-funding", article.funding_note, "funding note")
    for reference in article.references:
        if reference.title:
            yield Unit(f"ref-{reference.number}-authors", "、".join(reference.authors), "reference authors, in pinyin")
            yield Unit(f"ref-{reference.number}-title", reference.title, "reference title, translated")
            yield Unit(f"ref-{reference.number}-journal", reference.journal, "journal: pinyin (English gloss)")
        else:
            yield Unit(f"ref-{reference.number}", reference.raw, "reference")
