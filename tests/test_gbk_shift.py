"""gbk_shift: finding garbled runs and recovering them by regrouping the bytes.

``mirror_shift`` reproduces what the mirror did: encode to GBK, lose the first byte, decode the rest, and
fold full-width punctuation to ASCII. The repair must undo it where the reading is clear.
"""

import pytest
from duidu.clean import repair_gbk_shift
from duidu.gbk_shift import find_runs, looks_garbled

FOLD = str.maketrans("，；：？！（）", ",;:?!()")


def mirror_shift(text: str) -> str:
    """The damage: the lead byte of ``text``'s first character lost, the rest read one byte off."""
    data = text.encode("gbk")
    return "?" + data[1:].decode("gbk", errors="replace").translate(FOLD)


def test_mirror_shift_reproduces_the_seed_damage():
    # 題 is EE 7D: its trail byte is ASCII "}", where the decoder fell back in step.
    assert mirror_shift("為大問題") == "?榇髥栴}"


@pytest.mark.parametrize(
    ("before", "damaged", "after", "expected"),
    [
        ("小矛盾變", "為大問題", "”的現象", "小矛盾變為大問題”的現象"),
        ("人、技、物、財", "等要素的配套與", "綜合管理", None),  # 等, 內 and 比 are about as likely
    ],
    ids=["clear reading", "no clear reading"],
)
def test_a_shifted_run_is_repaired_only_when_one_reading_wins_clearly(before, damaged, after, expected):
    garbled = before + mirror_shift(damaged) + after
    repaired, edits = repair_gbk_shift(garbled)
    if expected is None:
        assert (repaired, edits) == (garbled, [])
    else:
        assert repaired == expected


def test_the_seed_runs_are_found_with_their_parts():
    line = "小矛盾變?yōu)榇髥栴}”“"
    (match,) = find_runs(line)
    assert match.group("run") == "?yōu)榇髥栴}"
    assert match.group("remnant") == "yōu)"
    assert match.group("tail") == "}"


def test_an_annotation_after_the_run_confirms_the_repaired_character():
    # 。現 lost the lead byte of 。; 現's own bytes ended on "F", and its reading (xiàn) follows.
    line = "有力助推?,F(xiàn)實(shí)中"
    repaired, edits = repair_gbk_shift(line)
    assert repaired == "有力助推。現(xiàn)實(shí)中"
    assert edits == [("?,F", "。現")]


def test_a_run_after_an_annotated_character_is_found():
    (match,) = find_runs("慣性避責(zé)?;鶎又卫硇袨榇嬗?ldquo;")
    assert match.group("run") == "?;鶎又卫硇袨榇嬗?"
    assert looks_garbled(match)


def test_prose_after_a_real_question_mark_is_left_alone():
    line = "是否会有后遗症?我们应当正视APP"
    assert repair_gbk_shift(line) == (line, [])
