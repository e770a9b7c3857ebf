"""corrections: loading the editorial corrections file, and its errors."""

from pathlib import Path

import pytest
from duidu.clean import apply_corrections
from duidu.corrections import corrections_path, load_corrections
from duidu.models import Correction, SeedError


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
