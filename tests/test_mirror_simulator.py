"""The mirror simulator itself: each kind of damage comes out of the bytes as the GUIDE describes it."""

import doctest
import random

import mirror.fidelity
import mirror.gbk
import mirror.text
import pytest
from mirror import gbk
from mirror.corpus import load_corpus
from mirror.decidable import decode_pairs
from mirror.page import mirror_page, simulate_run_cases
from mirror.shift import ShiftEvent, damage_line, printed, shift_run
from mirror.text import MirrorStyle, mirror_units
from mirror.truth import (
    BARE_ENTITY,
    FULLWIDTH_FIRST,
    LOST_TRAIL,
    PLAIN,
    READING_AFTER,
    REMNANT_AFTER,
    REMNANT_BEFORE,
    SWALLOWED,
)

PLAIN_STYLE = MirrorStyle(toned=True, annotated=frozenset(), doubled_share=0.0, entity_share=0.0, variant_share=0.0)


def units_of(simplified, **style):
    return mirror_units(simplified, MirrorStyle(**{**PLAIN_STYLE.__dict__, **style}), random.Random(0))


def run_at(simplified, index=0, phantom=None, **style):
    units = units_of(simplified, **style)
    return shift_run(units, ShiftEvent(index, phantom), line=1, column=0).truth


def test_the_seed_example_when_the_lead_byte_of_the_full_stop_is_lost():
    run = run_at("。基层治理行为存有“", entity_share=1.0)
    line, _ = damage_line(units_of("。基层治理行为存有“", entity_share=1.0), [ShiftEvent(0, None)], line=1)
    assert line == "?;鶎又卫硇袨榇嬗?ldquo;"
    assert run.kinds == {LOST_TRAIL, FULLWIDTH_FIRST, BARE_ENTITY}
    assert run.true == "。基層治理行為存有"
    assert (run.eaten, run.lost_lead) == ("&", 0xA1)


def test_a_plain_run_ends_on_the_ascii_trail_byte_of_題():
    run = run_at("为大问题”的现象")
    assert run.damaged == "?榇髥栴}"
    assert run.kinds == {PLAIN}


def test_a_reading_after_the_run_names_its_last_character():
    run = run_at("。现实", annotated=frozenset("現"))
    assert run.damaged == "?,F"
    assert READING_AFTER in run.kinds and run.reading_after == "xiàn"


def test_the_resynchronising_byte_is_swallowed_as_a_trail_byte():
    # 。如 G: the trail byte of 如 (E7) pairs with "G" (0x47) into 鏕, which holds the "G".
    run = run_at("。如GIS地图")
    assert run.kinds == {SWALLOWED, FULLWIDTH_FIRST}
    assert run.damaged == "?H鏕"
    assert run.swallowed == "G" and gbk.encode_gbk("鏕")[1:] == b"G"


def test_a_swallowed_bracket_makes_盵():
    # 盵 is B1 5B: a character ending in B1 before "[" (such as 北 = B1 B1) gives it.
    units = units_of("北[1]")
    run = shift_run(units, ShiftEvent(0, None), line=1, column=0).truth
    assert run.damaged.endswith("盵") and run.swallowed == "["


def test_an_annotation_whose_parenthesis_went_with_the_lost_trail_byte_is_a_remnant_after_the_run():
    run = run_at("基层治理", annotated=frozenset("層"))
    assert run.kinds >= {LOST_TRAIL, REMNANT_AFTER}
    assert run.damaged.endswith("?céng)")
    assert run.reading_after == "céng"


def test_the_phantom_annotation_before_a_run_loses_its_parenthesis():
    # 優 = 83 9E is the previous trail byte (變 = D7 83) and the lost lead byte (為 = 9E E9): the seed's ?yōu).
    run = run_at("变为大问题", index=1, phantom="yōu")
    assert run.damaged == "?yōu)榇髥栴}"
    assert REMNANT_BEFORE in run.kinds and run.previous_byte == 0x83


def test_private_use_characters_come_from_user_defined_areas():
    run = run_at("。小矛盾变为大问题")
    assert "\ue0d1" in run.damaged and gbk.is_private_use("\ue0d1")


def test_no_break_spaces_become_question_marks_and_spaces_in_the_truth():
    units = units_of("0\u00a0\u00a0引言")
    assert printed(units) == "0??引言"
    assert "".join(u.clean for u in units) == "0  引言"


def test_full_width_forms_are_folded_on_the_whole_page():
    assert printed(units_of("治理（一）：效能？")) == "治理(一):效能?"


def test_variants_outside_gb2312_are_written():
    units = units_of("陕西", variant_share=1.0)
    assert printed(units) == "陜西" and "".join(u.clean for u in units) == "陝西"


@pytest.fixture(scope="module")
def pages():
    corpus = load_corpus()
    return [mirror_page(corpus[i % len(corpus)], seed) for i, seed in enumerate(range(12))]


def test_the_corpus_is_original_simplified_text_of_the_right_size():
    corpus = load_corpus()
    assert 3 <= len(corpus) <= 5
    for article in corpus:
        size = len(article.abstract) + sum(len(block.text) for block in article.body)
        assert 1500 <= size <= 3000, article.name
        assert all(gbk.in_gb2312(ch) for ch in article.title + article.abstract)


def test_every_run_is_found_where_its_truth_says(pages):
    for mirrored in pages:
        for run in mirrored.page.runs:
            line = mirrored.page.lines[run.line - 1]
            assert line.damaged[run.column : run.column + len(run.damaged)] == run.damaged
            assert run.true in line.clean


def test_the_ground_truth_round_trips(pages):
    for mirrored in pages:
        damaged_lines = {run.line for run in mirrored.page.runs}
        for number, line in enumerate(mirrored.page.lines, start=1):
            # Only shifts damage a line beyond the mirror's reversible habits (annotations, folding, entities).
            assert (line.damaged == line.control) == (number not in damaged_lines)
        for run in mirrored.page.runs:
            # The run's bytes, lost bytes restored, read back as the characters the clean line has.
            assert decode_pairs(run.char_bytes).replace("陜", "陝") == run.true
            assert run.char_bytes[0] == run.lost_lead
            if run.lost_trail is not None:
                assert run.char_bytes[-1] == run.lost_trail


def test_every_kind_of_run_occurs_in_a_thousand():
    kinds = {kind for case in simulate_run_cases(1000, 8) for kind in case.run.kinds}
    assert kinds >= {PLAIN, SWALLOWED, LOST_TRAIL, REMNANT_BEFORE, READING_AFTER, FULLWIDTH_FIRST, REMNANT_AFTER}
    assert "private-use" in kinds


def test_layouts_vary_and_carry_their_truth(pages):
    titles = [m.page.layout.title for m in pages]
    assert None in titles and any(titles)
    for mirrored in pages:
        layout = mirrored.page.layout
        cleaned = "\n".join(line.clean for line in mirrored.page.lines)
        if layout.title:
            assert layout.title in cleaned
        assert all(heading in cleaned for heading in layout.headings)
        assert layout.abstract in cleaned


@pytest.mark.parametrize("module", [mirror.gbk, mirror.text, mirror.fidelity], ids=lambda m: m.__name__)
def test_the_simulator_docstring_examples_hold(module):
    assert doctest.testmod(module).failed == 0
