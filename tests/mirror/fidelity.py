"""Measure a repair on simulated runs: exact, marked 〓 (with a warning), or wrong.

Each run is cleaned alone on its line, and so is the same line without the shift (the control). What differs
between the two cleaned lines is the run's printed form and its expected form, so a fault of another rule
elsewhere on the line (a toneless annotation left in, a bracket not restored) is not charged to the repair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .decidable import judge
from .truth import END_KINDS, FEATURE_KINDS, KIND_LETTERS, RunCase

GETA = "〓"
EXACT, MARKED, WRONG = "exact", "〓", "wrong"

ApplyRules = Callable[[list[str]], tuple[list[str], list]]
"""``duidu.clean.clean_lines``: lines in, (cleaned lines, changes with ``.after``) out."""


@dataclass(frozen=True)
class Measured:
    """The outcome for one run."""

    case: RunCase
    verdict: str
    """:data:`EXACT`, :data:`MARKED` or :data:`WRONG`."""
    printed: str
    """What the cleaner printed where the line differs from the cleaned control ('' when exact)."""
    expected: str
    """What the cleaned control has there."""
    decidable: bool


def differing_span(printed: str, control: str) -> tuple[str, str]:
    """The middle parts of two strings after their common prefix and suffix.

    >>> differing_span("基層〓治理", "基層。基治理")
    ('〓', '。基')
    """
    start = 0
    while start < min(len(printed), len(control)) and printed[start] == control[start]:
        start += 1
    end = 0
    while end < min(len(printed), len(control)) - start and printed[-1 - end] == control[-1 - end]:
        end += 1
    return printed[start : len(printed) - end], control[start : len(control) - end]


def verdict(printed: str, expected: str, warned: bool) -> str:
    """Exact when nothing differs; 〓 when a warning was recorded and the 〓 marks stand for the missing text and
    nothing else differs; otherwise wrong."""
    if printed == expected:
        return EXACT
    if warned and GETA in printed:
        pattern = ".*".join(re.escape(part) for part in printed.split(GETA))
        if re.fullmatch(pattern, expected, flags=re.DOTALL):
            return MARKED
    return WRONG


def measure(cases: Iterable[RunCase], apply_rules: ApplyRules) -> list[Measured]:
    """Clean every run's line and its control with ``apply_rules`` and judge the run."""
    controls: dict[str, str] = {}
    results = []
    for case in cases:
        if case.control_line not in controls:
            controls[case.control_line] = apply_rules([case.control_line])[0][0]
        (cleaned,), changes = apply_rules([case.damaged_line])
        warned = any(GETA in change.after for change in changes)
        printed, expected = differing_span(cleaned, controls[case.control_line])
        results.append(Measured(case, verdict(printed, expected, warned), printed, expected, judge(case.run).decidable))
    return results


@dataclass(frozen=True)
class Row:
    label: str
    runs: int
    exact: int
    marked: int
    wrong: int

    @property
    def exact_share(self) -> float:
        return self.exact / self.runs if self.runs else 0.0


def row(label: str, results: list[Measured]) -> Row:
    """Counts of one group of runs."""
    verdicts = [r.verdict for r in results]
    return Row(label, len(results), verdicts.count(EXACT), verdicts.count(MARKED), verdicts.count(WRONG))


def table(results: list[Measured]) -> list[Row]:
    """A row per kind (the end kinds partition the runs; a run shows under every feature it has), then TOTAL."""
    rows = [
        row(f"({KIND_LETTERS[kind]}) {kind}", [r for r in results if kind in r.case.run.kinds])
        for kind in (*END_KINDS, *FEATURE_KINDS)
    ]
    return [*rows, row("TOTAL", results)]


def format_table(rows: list[Row]) -> str:
    """The rows as aligned text."""
    lines = [f"{'kind':<22}{'runs':>7}{'exact':>7}{'〓':>6}{'wrong':>7}{'exact %':>9}"]
    for r in rows:
        lines.append(f"{r.label:<22}{r.runs:>7}{r.exact:>7}{r.marked:>7}{r.wrong:>7}{100 * r.exact_share:>8.1f}%")
    return "\n".join(lines)
