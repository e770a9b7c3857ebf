"""Property tests of the repair over simulated mirror damage: never garbage, and what the bytes decide, exact.

1,000 runs from the mirror simulator (tests/mirror) with a fixed seed, each cleaned alone on its line by
duidu.clean.clean_lines (what the edition prints). `make fidelity` prints the same measurement as a table per run kind.
"""

import pytest
from duidu.clean import clean_lines
from mirror.fidelity import EXACT, WRONG, format_table, measure, row, table
from mirror.page import simulate_run_cases

RUNS = 1000
SEED = 8


@pytest.fixture(scope="session")
def measured():
    return measure(simulate_run_cases(RUNS, SEED), clean_lines)


def describe(results) -> str:
    return "\n" + format_table(table(results))


def test_enough_runs_are_simulated(measured):
    assert len(measured) >= 1000


def test_every_run_is_repaired_exactly_or_marked_with_a_warning(measured):
    wrong = [r for r in measured if r.verdict == WRONG]
    examples = "\n".join(f"  {r.case.run.damaged!r} → {r.printed!r} (truth {r.expected!r})" for r in wrong[:10])
    assert not wrong, f"{len(wrong)} of {len(measured)} runs printed wrong:{describe(measured)}\n{examples}"


def test_what_the_bytes_decide_is_repaired_exactly(measured):
    decidable = [r for r in measured if r.decidable]
    assert decidable, "no decidable run among the simulated ones"
    share = row("decidable", decidable).exact_share
    missed = "\n".join(
        f"  {r.case.run.damaged!r} → {r.printed!r} (truth {r.expected!r})" for r in decidable if r.verdict != EXACT
    )
    assert share >= 0.95, f"{100 * share:.1f}% exact among {len(decidable)} decidable runs:{describe(decidable)}\n{missed}"
