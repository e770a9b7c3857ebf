"""Whole pages: an article laid out, every line put through the mirror, shift runs at random sentence starts.

:func:`mirror_page` is the entry point; :func:`simulate_run_cases` collects runs over as many pages as it takes.
Everything is drawn from ``random.Random(seed)``, so a seed names a page.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields

from .corpus import Article, load_corpus
from .layout import PROSE_ROLES, SPAM_ROLE, Layout, lay_out
from .shift import choose_events, damage_line, printed
from .text import MirrorStyle, choose_style, mirror_units, to_taiwan_traditional
from .truth import LayoutTruth, PageLine, RunCase, SimulatedPage

RUN_RATE = 0.3
"""Chance that a sentence start of the running text is hit by a shift (before overlaps are skipped)."""


@dataclass(frozen=True)
class MirroredPage:
    """A simulated page and each of its runs alone on its line."""

    page: SimulatedPage
    cases: tuple[RunCase, ...]


def layout_truth(layout: Layout) -> LayoutTruth:
    """The layout truth in Traditional, as the cleaned page has it (numbers and classification codes as they are)."""

    def tw(value):
        if isinstance(value, tuple):
            return tuple(map(tw, value))
        if isinstance(value, str):
            return to_taiwan_traditional(value).replace("\u00a0", " ")
        return value

    return LayoutTruth(**{field.name: tw(getattr(layout.truth, field.name)) for field in fields(LayoutTruth)})


def mirror_page(article: Article, seed: int, *, run_rate: float = RUN_RATE) -> MirroredPage:
    """One page of the mirror family made from ``article``, with its ground truth."""
    rng = random.Random(seed)
    layout = lay_out(article, rng)
    style: MirrorStyle = choose_style(rng, to_taiwan_traditional("".join(text for _, text in layout.lines)))
    lines: list[PageLine] = []
    runs = []
    cases: list[RunCase] = []
    for number, (role, text) in enumerate(layout.lines, start=1):
        units = mirror_units(text, style, rng, convert=role != SPAM_ROLE)
        control = printed(units)
        clean = "".join(unit.clean for unit in units)
        events = choose_events(units, style, rng, run_rate) if role in PROSE_ROLES else []
        damaged, line_runs = damage_line(units, events, line=number)
        lines.append(PageLine(role, damaged, clean, control))
        runs.extend(line_runs)
        for event in events:
            alone, (run,) = damage_line(units, [event], line=number)
            cases.append(RunCase(run, alone, control, clean))
    page = SimulatedPage(f"{article.name}-{seed}", tuple(lines), tuple(runs), layout_truth(layout))
    return MirroredPage(page, tuple(cases))


def simulate_run_cases(count: int, seed: int, corpus: tuple[Article, ...] | None = None) -> list[RunCase]:
    """At least ``count`` runs, each alone on its line, from pages of the corpus articles in turn.

    Page ``i`` is made from article ``i % len(corpus)`` with seed ``seed * 100_003 + i``: a fixed seed gives the
    same runs every time.
    """
    corpus = corpus or load_corpus()
    cases: list[RunCase] = []
    index = 0
    while len(cases) < count:
        cases.extend(mirror_page(corpus[index % len(corpus)], seed * 100_003 + index).cases)
        index += 1
    return cases[:count]
