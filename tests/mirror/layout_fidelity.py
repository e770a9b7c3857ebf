"""Measure the layout model on simulated pages: field by field, right / wrong / missing against the layout truth.

Every page is written to a temporary seed and built by ``duidu.pipeline.build_edition`` (what the site prints); a
page whose truth has no title gets a ``title:`` sidecar, as a maintainer would add. Each field the truth knows
(:class:`~mirror.truth.LayoutTruth`, converted with ``duidu.convert.to_simplified``) is then judged:

- *right*: the edition says what the page says;
- *missing*: the edition says nothing;
- *wrong*: it says something else;
- *〓*: the cleaner printed a 〓 on one of the field's lines (a repair it could not decide, which the run table
  measures), so the layout model is not judged on it;
- *extra*: the page does not show the field and the edition says something all the same (a title taken from
  another line, affiliations made of a post).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from duidu.convert import to_simplified
from duidu.models import Edition, SeedError
from duidu.pipeline import build_edition

from .corpus import Article, load_corpus
from .layout import (
    ABSTRACT_ROLE,
    AFFILIATIONS_ROLE,
    AUTHORS_ROLE,
    CLASSIFICATION_ROLE,
    HEADING_ROLE,
    JOURNAL_ROLE,
    KEYWORDS_ROLE,
    TITLE_ROLE,
)
from .page import mirror_page
from .truth import LayoutTruth, SimulatedPage

GETA = "〓"
RIGHT, WRONG, MISSING, MARKED, EXTRA, ABSENT = "right", "wrong", "missing", "〓", "extra", "absent"

FIELD_ROLES: dict[str, frozenset[str]] = {
    "title": frozenset({TITLE_ROLE}),
    "authors": frozenset({AUTHORS_ROLE}),
    "affiliations": frozenset({AFFILIATIONS_ROLE, AUTHORS_ROLE}),
    "journal": frozenset({JOURNAL_ROLE}),
    "year": frozenset({JOURNAL_ROLE, CLASSIFICATION_ROLE}),
    "issue": frozenset({JOURNAL_ROLE, CLASSIFICATION_ROLE}),
    "abstract": frozenset({ABSTRACT_ROLE}),
    "keywords": frozenset({KEYWORDS_ROLE}),
    "clc": frozenset({CLASSIFICATION_ROLE}),
    "headings": frozenset({HEADING_ROLE}),
}
"""The fields measured, and the roles of the lines that show each (a 〓 on one of them excuses the field)."""
FIELDS = tuple(FIELD_ROLES)

SIDECAR_TITLE = "编者补的标题"
"""The title a maintainer supplies for a page that shows none."""


@dataclass(frozen=True)
class FieldResult:
    """One field of one page."""

    field: str
    verdict: str
    """:data:`RIGHT`, :data:`WRONG`, :data:`MISSING`, :data:`MARKED`, :data:`EXTRA`, or :data:`ABSENT` (the
    page does not show it and the edition says nothing either)."""
    found: object
    expected: object


@dataclass(frozen=True)
class PageResult:
    page: str
    fields: tuple[FieldResult, ...]
    error: str = ""
    """The SeedError of a page with a title that the edition could not find (built again with a sidecar)."""

    def verdict(self, name: str) -> str:
        return next(result.verdict for result in self.fields if result.field == name)


def _simplified(text: str | None) -> str:
    return to_simplified(text) if text else ""


def _spaced(text: str) -> str:
    """Runs of spaces as one: how many no-break spaces stood between a number and its heading is not layout."""
    return re.sub(r"\s+", " ", text).strip()


def expected_fields(truth: LayoutTruth) -> dict[str, object]:
    """What the edition should say, field by field, in Simplified; empty where the page does not show it."""
    return {
        "title": _simplified(truth.title),
        "authors": tuple(_simplified(name) for name in truth.authors),
        "affiliations": tuple(_simplified(item) for item in truth.affiliations),
        "journal": _simplified(truth.journal),
        "year": str(truth.year) if truth.year is not None else "",
        "issue": str(truth.issue) if truth.issue is not None else "",
        "abstract": _simplified(truth.abstract),
        "keywords": tuple(_simplified(term) for term in truth.keywords),
        "clc": truth.clc or "",
        "headings": tuple(_spaced(_simplified(heading)) for heading in truth.headings),
    }


def found_fields(edition: Edition, *, page_title: str) -> dict[str, object]:
    """What the edition says, field by field; ``page_title`` is the title the layout model read on the page."""
    article, metadata = edition.article, edition.metadata
    headings = tuple(
        _spaced(heading)
        for part in article.parts
        for heading in (part.heading, *(section.heading for section in part.sections))
    )
    return {
        "title": page_title,
        "authors": metadata.authors,
        "affiliations": metadata.affiliations,
        "journal": metadata.journal,
        "year": metadata.year,
        "issue": metadata.issue,
        "abstract": article.abstract,
        "keywords": article.keywords,
        "clc": metadata.clc_number,
        "headings": headings,
    }


def judge(found: object, expected: object, marked: bool) -> str:
    """The verdict on one field (see the module docstring)."""
    if not expected:
        return EXTRA if found else ABSENT
    if found == expected:
        return RIGHT
    if marked:
        return MARKED
    return WRONG if found else MISSING


def page_title(edition: Edition) -> str:
    """The title the layout model read on the page: the article's, or the one a sidecar title replaced."""
    replaced = next((change.before for change in edition.report.changes if change.rule == "front-title"), None)
    if replaced is not None:
        return replaced
    return "" if edition.article.title == SIDECAR_TITLE else edition.article.title


def measure_page(page: SimulatedPage, directory: Path) -> PageResult:
    """Build one page as a seed in ``directory`` and judge every field."""
    seed = directory / f"{page.name}.txt"
    seed.write_text(page.text, encoding="utf-8")
    sidecar = directory / f"{page.name}.meta.yml"
    if page.layout.title is None:
        sidecar.write_text(f"title: {SIDECAR_TITLE}\n", encoding="utf-8")
    error = ""
    try:
        edition = build_edition(seed)
    except SeedError as failure:
        # Judge the other fields all the same; the title counts as missing.
        error = str(failure)
        sidecar.write_text(f"title: {SIDECAR_TITLE}\n", encoding="utf-8")
        edition = build_edition(seed)
    marked_lines = {warning.line for warning in edition.report.unrecovered}
    marked_roles = {page.lines[number - 1].role for number in marked_lines if 0 < number <= len(page.lines)}
    expected = expected_fields(page.layout)
    found = found_fields(edition, page_title=page_title(edition))
    results = tuple(
        FieldResult(name, judge(found[name], expected[name], bool(FIELD_ROLES[name] & marked_roles)), found[name], expected[name])
        for name in FIELDS
    )
    return PageResult(page.name, results, error)


def simulated_pages(count: int, seed: int, *, run_rate: float, corpus: tuple[Article, ...] | None = None) -> list[SimulatedPage]:
    """``count`` pages, page ``i`` from article ``i % len(corpus)`` with seed ``seed * 100_003 + i``."""
    corpus = corpus or load_corpus()
    return [mirror_page(corpus[i % len(corpus)], seed * 100_003 + i, run_rate=run_rate).page for i in range(count)]


def measure_layout(pages: list[SimulatedPage], measure: Callable[[SimulatedPage, Path], PageResult] = measure_page) -> list[PageResult]:
    """Judge every page, each built from its own seed file in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="duidu-layout-") as folder:
        return [measure(page, Path(folder)) for page in pages]


@dataclass(frozen=True)
class FieldRow:
    field: str
    shown: int
    """Pages that show the field."""
    right: int
    wrong: int
    missing: int
    marked: int
    extra: int
    """Pages that do not show the field, where the edition says something all the same."""

    @property
    def judged(self) -> int:
        """Pages that show the field, less those where the cleaner's 〓 excuses the layout model."""
        return self.shown - self.marked

    @property
    def right_share(self) -> float:
        return self.right / self.judged if self.judged else 1.0


def field_row(name: str, results: list[PageResult]) -> FieldRow:
    verdicts = [result.verdict(name) for result in results]
    return FieldRow(
        field=name,
        shown=sum(v in (RIGHT, WRONG, MISSING, MARKED) for v in verdicts),
        right=verdicts.count(RIGHT),
        wrong=verdicts.count(WRONG),
        missing=verdicts.count(MISSING),
        marked=verdicts.count(MARKED),
        extra=verdicts.count(EXTRA),
    )


def layout_table(results: list[PageResult]) -> list[FieldRow]:
    return [field_row(name, results) for name in FIELDS]


def format_layout_table(rows: list[FieldRow]) -> str:
    """The rows as aligned text; right % is of the pages showing the field, less those marked 〓."""
    lines = [f"{'field':<14}{'shown':>7}{'right':>7}{'wrong':>7}{'missing':>9}{'〓':>5}{'extra':>7}{'right %':>9}"]
    for r in rows:
        lines.append(
            f"{r.field:<14}{r.shown:>7}{r.right:>7}{r.wrong:>7}{r.missing:>9}{r.marked:>6}{r.extra:>7}{100 * r.right_share:>8.1f}%"
        )
    return "\n".join(lines)


def describe_faults(results: list[PageResult], name: str, limit: int = 5) -> list[str]:
    """The first pages where a field is wrong, missing or extra: page, found and expected."""
    faults = []
    for result in results:
        field_result = next(r for r in result.fields if r.field == name)
        if field_result.verdict in (WRONG, MISSING, EXTRA):
            faults.append(f"{result.page}: {field_result.verdict}: found {field_result.found!r}, expected {field_result.expected!r}")
    return faults[:limit]
