"""corrections: loading the editorial corrections file, and its errors."""

from pathlib import Path

import pytest
from duidu.clean import apply_corrections
from duidu.corrections import corrections_path, load_corrections
from duidu.models import Correction, SeedError
from duidu.pipeline import build_edition, unreadable_side_files

from conftest import SYNTHETIC


def test_the_file_sits_beside_its_seed():
    assert corrections_path(Path("seeds/a_1.txt")) == Path("seeds/a_1.corrections.yml")


def test_entries_load_with_escapes(tmp_path):
    path = tmp_path / "x.corrections.yml"
    path.write_text(
        'corrections:\n  - source: "?\\ue02a氐"\n    corrected: "等要素"\n    reason: lost lead byte\n',
        encoding="utf-8",
    )
    assert load_corrections(path) == (Correction("?\ue02a氐", "等要素", "lost lead byte"),)


def test_a_missing_file_is_no_corrections(tmp_path):
    assert load_corrections(tmp_path / "none.corrections.yml") == ()


@pytest.mark.parametrize(
    "content",
    ["corrections: [{source: a, corrected: b}]", "corrections: {source: a}", "corrections: [oops", "- 1\n- 2"],
    ids=["no reason", "not a list", "bad yaml", "not a mapping"],
)
def test_a_malformed_file_names_itself(tmp_path, content):
    path = tmp_path / "bad.corrections.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SeedError, match="bad.corrections.yml"):
        load_corrections(path)


def test_corrections_apply_everywhere_and_are_recorded_with_their_line():
    lines, changes = apply_corrections(["甲乙", "乙丙乙"], [Correction("乙", "丁", "why")])
    assert lines == ["甲丁", "丁丙丁"]
    assert [(c.line, c.before, c.after) for c in changes] == [(1, "乙", "丁"), (2, "乙", "丁"), (2, "乙", "丁")]


@pytest.mark.parametrize("content", ["corrections: [oops", "corrections: [{source: a}]"], ids=["bad yaml", "no fields"])
def test_a_bad_corrections_file_costs_only_its_corrections(tmp_path, content):
    # The run the file would repair is printed as 〓, and the article is still made, with a note naming the file.
    text = SYNTHETIC.read_text(encoding="utf-8").replace("居民參與意識不強", "居民參與?\ue02a氐呐涮着c意識不強")
    seed = tmp_path / "x.txt"
    seed.write_text(text, encoding="utf-8")
    corrections_path(seed).write_text(content, encoding="utf-8")
    edition = build_edition(seed)
    assert edition.report.unrecovered and edition.report.corrections == ()
    side_file_notes = [str(n) for n in edition.notes if "x.corrections.yml" in str(n)]
    assert len(side_file_notes) == 1 and side_file_notes[0].startswith("x.corrections.yml: ")
    assert "\n" not in side_file_notes[0]  # one log line
    assert side_file_notes[0].endswith("published without its corrections (what they repair is printed as 〓)")
    assert unreadable_side_files(edition) == side_file_notes
