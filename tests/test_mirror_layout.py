"""The layout model on simulated pages of the mirror family: every field as the page shows it.

120 pages from the mirror simulator (tests/mirror) with a fixed seed, each built by duidu.pipeline.build_edition and
compared field by field with its layout truth (tests/mirror/layout_fidelity.py). The pages carry no shift runs:
the repair is measured by test_mirror_fidelity.py, and here a run's 〓 would only excuse a field. `make fidelity`
prints the same table on pages with runs.
"""

import pytest
from mirror.layout_fidelity import FIELDS, describe_faults, format_layout_table, layout_table, measure_layout, simulated_pages

PAGES = 120
SEED = 8
FIELD_TARGET = 0.95


@pytest.fixture(scope="module")
def results():
    return measure_layout(simulated_pages(PAGES, SEED, run_rate=0.0))


@pytest.fixture(scope="module")
def rows(results):
    return {row.field: row for row in layout_table(results)}


def report(results, rows, name) -> str:
    return "\n" + format_layout_table(list(rows.values())) + "\n" + "\n".join(describe_faults(results, name, 8))


def test_enough_pages_and_layouts_with_and_without_a_title(results, rows):
    assert len(results) >= 60
    assert 0 < rows["title"].shown < len(results)


def test_the_title_is_right_on_every_page_that_shows_one_and_invented_on_none(results, rows):
    title = rows["title"]
    assert title.right == title.shown and title.extra == 0, report(results, rows, "title")


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_is_read_right_on_nearly_every_page(results, rows, name):
    row = rows[name]
    assert row.judged >= 20, f"{name}: only {row.judged} pages to judge"
    assert row.right_share >= FIELD_TARGET, report(results, rows, name)
    assert row.extra <= (1 - FIELD_TARGET) * (len(results) - row.shown), report(results, rows, name)
