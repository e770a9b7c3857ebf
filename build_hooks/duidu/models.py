"""Typed records passed between the pipeline stages.

Every record is frozen: a stage returns new records, it never edits the ones it was given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import NamedTuple


class SeedError(Exception):
    """A seed that cannot become an article; the message names the reason, the caller adds the file."""


class Status(str, Enum):
    """Where a unit's English stands (see :mod:`catalog`)."""

    TRANSLATED = "translated"
    OUTDATED = "fuzzy"
    """Translated once, but the Chinese has changed since (or the entry is marked fuzzy)."""
    MISSING = "missing"


@dataclass(frozen=True)
class Translation:
    status: Status
    en: str = ""
    """The English, only when the status is TRANSLATED (as readers see it: without the alignment marks)."""
    marked: str = ""
    """The English as the catalog has it, with ``‖`` between the English of each Chinese sentence (align.py)."""


@dataclass(frozen=True)
class Coverage:
    translated: int
    fuzzy: int
    missing: int

    @classmethod
    def of(cls, translations: Iterable[Translation]) -> Coverage:
        statuses = [t.status for t in translations]
        return cls(
            translated=statuses.count(Status.TRANSLATED),
            fuzzy=statuses.count(Status.OUTDATED),
            missing=statuses.count(Status.MISSING),
        )

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.missing

    def __str__(self) -> str:
        share = 100 * self.translated / self.total if self.total else 100.0
        return f"{self.translated}/{self.total} translated ({share:.0f}%), {self.fuzzy} fuzzy, {self.missing} missing"


class Change(NamedTuple):
    """One edit a cleaning rule (or an editorial correction) made to the source text.

    A named tuple, not a dataclass: a hostile seed can make hundreds of thousands of these, and tuples of
    strings and numbers are untracked by Python's cycle collector, which would otherwise scan them all again
    and again (a build measured 4.8× the time for 4× the input, 3.3× with the collector off).
    """

    rule: str
    """Name of the rule that made the edit."""
    line: int
    """1-based line of the decoded seed where the edit was made."""
    before: str
    after: str


@dataclass(frozen=True)
class Correction:
    """An editorial correction from the corrections file beside a seed (sic → corr)."""

    source: str
    """The damaged form exactly as it stands in the seed."""
    corrected: str
    """The form the edition prints (Traditional, as in the seed; conversion follows)."""
    reason: str


@dataclass(frozen=True)
class GarbleWarning:
    """A garbled run no rule or correction could repair; printed as 〓."""

    line: int
    text: str


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """The encoding that decoded the bytes, e.g. ``utf-8``, ``utf-8-sig``, ``gb18030``, ``big5``."""
    changes: tuple[Change, ...] = ()
    """Lines in another encoding than the rest, read in theirs (rule ``read-mixed-encoding``)."""


@dataclass(frozen=True)
class Metadata:
    """What the page (and the editor's sidecar) say about the article: its bibliographic record and the site
    around it. Kept apart from the article's text; every field is empty when the source does not say."""

    subtitle: str = ""
    authors: tuple[str, ...] = ()
    """Names as printed, superscripts and markers (``□``, ``文/``) removed, each once."""
    affiliations: tuple[str, ...] = ()
    journal: str = ""
    """The periodical: from a journal line (``经济师 2024年4期``), else from the notice's publisher."""
    year: str = ""
    """Four digits, or empty."""
    issue: str = ""
    pages: str = ""
    """``113-116``."""
    clc_number: str = ""
    """中图分类号, the Chinese Library Classification number."""
    document_code: str = ""
    """文献标识码, the document type code."""
    article_number: str = ""
    """文章编号 (``1009-1203(2020)06-0113-04``: ISSN, year, issue, first page, page count)."""
    doi: str = ""
    source: str = ""
    """Who the page says the text comes from (``来源:新华网``)."""
    source_url: str = ""
    date: str = ""
    """ISO date (``2021-11-08``) of publication, as the page or the sidecar gives it."""
    categories: tuple[str, ...] = ()
    """The site's sections, from its breadcrumb."""
    editors: tuple[tuple[str, str], ...] = ()
    """(role, name) pairs, e.g. ("责编", "李一丹")."""
    notice: str = ""
    """The copyright notice, once."""
    publisher: str = ""
    """Who the notice says the article belongs to (``人民论坛杂志社``)."""


@dataclass(frozen=True)
class Paragraph:
    id: str
    text: str


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    heading: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Part:
    id: str
    number: int
    heading: str
    preface: tuple[Paragraph, ...]
    """Paragraphs between the part heading and its first subsection."""
    sections: tuple[Section, ...]
    numbered: bool = False
    """Whether the heading carries the source's own numbering (``一、``, ``1``), so none is added to it."""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self.preface + tuple(p for s in self.sections for p in s.paragraphs)


@dataclass(frozen=True)
class Reference:
    number: int
    raw: str
    authors: tuple[str, ...]
    title: str
    journal: str
    year: str
    issue: str


@dataclass(frozen=True)
class Article:
    title: str
    abstract: str
    keywords: tuple[str, ...]
    introduction: tuple[Paragraph, ...]
    parts: tuple[Part, ...]
    author_note: str
    funding_note: str
    references: tuple[Reference, ...]

    @property
    def body_paragraphs(self) -> tuple[Paragraph, ...]:
        return self.introduction + tuple(p for part in self.parts for p in part.paragraphs)


@dataclass(frozen=True)
class CleaningReport:
    changes: tuple[Change, ...]
    corrections: tuple[Correction, ...]
    unrecovered: tuple[GarbleWarning, ...]
    rare_characters: tuple[tuple[int, str], ...] = ()
    """(line, character): characters outside GB2312 that no variant table maps, kept as they are (a rare
    name's character, or a variant the tables do not know); a reader is told, the build is not failed."""

    def counts(self) -> dict[str, int]:
        """Edits per rule, in the order the rules first acted."""
        return {rule: len(changes) for rule, changes in self.by_rule.items()}

    @cached_property
    def by_rule(self) -> dict[str, tuple[Change, ...]]:
        """The changes grouped by rule, in the order the rules first acted."""
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.rule, []).append(change)
        return {rule: tuple(changes) for rule, changes in groups.items()}


@dataclass(frozen=True)
class Note:
    """A warning about a seed or a file beside it: printed in the build log and on the article's About page."""

    text: str
    """The whole warning, naming the file (or unit, or line) and the reason."""
    kind: str = ""
    """What is wrong, worded to follow a count (``garbled runs printed as 〓``): the log summarises many notes of
    one kind in one line. Empty for a note that is one of a kind."""
    place: str = ""
    """Where, as the summary lists it (``line 12``, ``p1-1-1``)."""

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class RetiredId:
    """A published id whose text is gone: links to it lead to ``to`` (empty: the article's overview)."""

    id: str
    to: str
    note: str
    """For the reader who followed an old link: what happened to the text."""
    text: str
    within: str = ""


@dataclass(frozen=True)
class Edition:
    """One seed made into an article, with everything the site says about where it came from."""

    seed_name: str
    seed_sha256: str
    encoding: str
    slug: str
    article: Article
    metadata: Metadata
    report: CleaningReport
    notes: tuple[Note, ...] = field(default=())
    """Warnings the build printed for this seed, repeated on its About page."""
    catalog_name: str = ""
    """File name of the English PO catalog beside the seed."""
    translations: Mapping[str, Translation] = field(default_factory=dict)
    """English by unit id (see :mod:`units`); units without a current translation say why."""
    sidecar_name: str = ""
    """File name of the metadata sidecar beside the seed."""
    editorial: tuple[tuple[str, str], ...] = ()
    """(key, value) the editor supplied or overrode in the sidecar, in the sidecar's key order."""
    retired_ids: tuple[RetiredId, ...] = ()
    """Ids published once whose text is gone (:mod:`ids`): old links to them lead on, with a note."""
    source_key: str = field(default="", compare=False)
    """The hash of everything the edition is made from (:func:`edition_cache.edition_key`), once built: what its
    rendered pages are kept under (:mod:`page_cache`)."""

    def english(self, unit_id: str) -> Translation:
        return self.translations.get(unit_id, Translation(Status.MISSING))

    @property
    def coverage(self) -> Coverage:
        return Coverage.of(self.translations.values())
