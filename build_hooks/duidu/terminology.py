"""Where the glossary's terms occur in the editions, and whether the English renders them consistently."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .catalog import Status
from .glossary import Glossary, Term, english_has_rendering
from .models import Edition
from .site import overview_uri, part_uri


@dataclass(frozen=True)
class MarkedUnit:
    """A unit whose Chinese is marked with glossary terms: the abstract and every body paragraph."""

    edition: Edition
    unit_id: str
    zh: str
    page: str
    """Source path of the page the unit is on."""
    part: int
    """The part it is in; 0 for the overview (abstract and introduction)."""


@dataclass(frozen=True)
class Usage:
    unit: MarkedUnit
    count: int


@dataclass(frozen=True)
class Inconsistency:
    unit: MarkedUnit
    term: Term

    def __str__(self) -> str:
        renderings = " / ".join(f"'{r}'" for r in self.term.renderings)
        return f"{self.unit.unit_id}: {self.term.term} is rendered neither {renderings} in the English"


def marked_units(edition: Edition) -> Iterator[MarkedUnit]:
    article = edition.article
    overview = overview_uri(edition)
    yield MarkedUnit(edition, "abstract", article.abstract, overview, 0)
    for paragraph in article.introduction:
        yield MarkedUnit(edition, paragraph.id, paragraph.text, overview, 0)
    for part in article.parts:
        for paragraph in part.paragraphs:
            yield MarkedUnit(edition, paragraph.id, paragraph.text, part_uri(edition, part), part.number)


def term_usages(glossary: Glossary, editions: list[Edition]) -> dict[str, list[Usage]]:
    """For each term id, every unit it occurs in (in reading order) and how often."""
    usages: dict[str, list[Usage]] = {term.id: [] for term in glossary.terms}
    for edition in editions:
        for unit in marked_units(edition):
            counts: dict[str, int] = {}
            for match in glossary.index.find(unit.zh):
                counts[match.term.id] = counts.get(match.term.id, 0) + 1
            for term_id, count in counts.items():
                usages[term_id].append(Usage(unit, count))
    return usages


def unused_terms(glossary: Glossary, usages: dict[str, list[Usage]]) -> list[Term]:
    return [term for term in glossary.terms if not usages[term.id]]


def inconsistencies(glossary: Glossary, usages: dict[str, list[Usage]]) -> list[Inconsistency]:
    """Each translated unit whose English lacks the glossary's rendering of a term its Chinese uses."""
    found = []
    for term in glossary.terms:
        for usage in usages[term.id]:
            translation = usage.unit.edition.english(usage.unit.unit_id)
            if translation.status is Status.TRANSLATED and not english_has_rendering(translation.en, term):
                found.append(Inconsistency(usage.unit, term))
    return found
