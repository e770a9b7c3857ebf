"""gbk_shift: finding garbled runs and recovering what the bytes decide.

``shifted`` reproduces the mirror's damage at the byte level: the lead byte of ``text``'s first character
becomes ``?``, the rest is read one byte off until an ASCII byte puts the decoder back in step, and the
full-width forms are folded to ASCII. The simulator in tests/mirror/ does this over whole articles; these
are the cases a reader can check by hand.
"""

import math

import pytest
from duidu.clean import ArticleText, apply_rules, clean_lines, repair_gbk_shift
from duidu.gbk_shift import find_sites, judge, reads_as
from helpers import assert_linear


def shifted(text: str, following: str = "") -> str:
    """``text`` (and the first byte of ``following``) as the mirror printed it after losing its first byte."""
    data = b"?" + (text + following[:1]).encode("gbk")[1:]
    out = data.decode("gbk", errors="replace").replace("\ufffd", "?")
    folded = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in out)
    return folded + following[1:]


def test_shifted_reproduces_the_seed_damage():
    # 題 is EE 7D: its trail byte is ASCII "}", where the decoder fell back in step.
    assert shifted("為大問題") == "?榇髥栴}"
    # 有 is D3 D0: D0 cannot pair with "&", so it is lost as a "?" (the mirror's decoder lost the "&" too).
    assert shifted("。基層治理行為存有", "&ldquo;").startswith("?;鶎又卫硇袨榇嬗?&")


@pytest.mark.parametrize(
    ("before", "damaged", "after"),
    [
        ("小矛盾變", "為大問題", "”的現象"),
        ("治理的", "。基層幹部", "[1]"),  # 縖 = BF 5B holds the "[": the decoder swallowed it
        ("推進", "。鄉村振興", ",同時"),  # the first pair is a folded full-width form (A3 E0 → `)
    ],
    ids=["ascii end", "swallowed end", "folded first pair"],
)
def test_a_shifted_run_is_repaired_where_one_reading_wins_clearly(before, damaged, after):
    repaired, edits = repair_gbk_shift(before + shifted(damaged, after))
    assert repaired == before + damaged + after
    assert len(edits) == 1


def test_without_a_constraint_a_near_tie_is_not_repaired():
    garbled = "人、技、物、財" + shifted("等要素的配套與", "c綜合管理")
    assert repair_gbk_shift(garbled) == (garbled, [])  # 等, 內 and 比 read about as well


def test_an_annotation_remnant_names_the_lost_lead_byte():
    # 財 is D8 94; the mirror annotated the character 94 + the lost lead byte made: 數 (94 B5), shù. So the
    # lost byte is B5, and 等 (B5 C8) is no longer a guess.
    line = "人、技、物、財(cái)?shù)纫\ue02a氐呐涮着c綜合管理"
    repaired, edits = repair_gbk_shift(line)
    assert repaired == "人、技、物、財(cái)等要素的配套與綜合管理"
    assert edits == [("?shù)纫\ue02a氐呐涮着c", "等要素的配套與")]


def test_an_annotation_after_the_run_confirms_the_repaired_character():
    # 。現 lost the lead byte of 。; 現's own bytes ended on "F", and its reading (xiàn) follows.
    repaired, edits = repair_gbk_shift("有力助推?,F(xiàn)實(shí)中")
    assert repaired == "有力助推。現(xiàn)實(shí)中"
    assert edits == [("?,F", "。現")]


def test_both_lost_bytes_are_chosen_together():
    line = "慣性避責(zé)?;鶎又卫硇袨榇嬗?ldquo;上級(jí)"
    (site,) = find_sites(line)
    verdict = judge(site, line)
    assert verdict.best.text == "。基層治理行為存有" and verdict.best.kind == "lost-trail"
    assert verdict.best.lost_bytes == bytes.fromhex("a1d0")


def test_prose_after_a_real_question_mark_is_left_alone():
    line = "是否会有后遗症?我们应当正视APP"
    assert repair_gbk_shift(line) == (line, [])


def test_readings_toned_and_toneless():
    assert reads_as("著", "zhù") and reads_as("著", "zhe") and not reads_as("著", "xiàn")


def test_a_reading_that_leaves_garbage_after_it_is_no_repair():
    # A pair lost from the middle of a run (the scraper dropped a private-use character): no reading of the
    # bytes explains the whole run, and one that explains only its first character (修, since 修缮 is a
    # word) must not win and leave the rest printed as it is.
    data = b"?" + "。可深入考察，就會看到歷".encode("gb18030")[1:]  # 歷 = 9A 76 ends on "v"
    read = data.decode("gb18030", errors="replace")  # AC BE, a user-defined code, reads as private use
    damaged = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in read if not "\ue000" <= c <= "\uf8ff")
    from duidu.clean import mark_unrecoverable_garble

    repaired, edits = repair_gbk_shift("一呼百應(yīng)" + damaged + "史的複雜性")
    assert edits == []
    assert mark_unrecoverable_garble(repaired)[0] == "一呼百應(yīng)〓史的複雜性"


@pytest.mark.parametrize("unit", ["?基", "?基層治理。", "是否?"], ids=["?基", "a ? a sentence", "real questions"])
def test_the_repair_takes_time_linear_in_the_line(unit):
    assert_linear(lambda line: clean_lines(["標題", line]), lambda n: unit * n, 2_000, floor=0.05)


def test_a_question_mark_standing_alone_is_not_weighed_and_costs_no_language_model():
    # 就?社 has no other reading: no lost byte makes ordinary text of what follows the "?". Nothing competes
    # with the text as printed, so it is not weighed, and the article's model (a segmentation of its whole
    # text) is never built.
    lines = ["標題", "中國的改革開放取得了成就?社會不斷進步和發展。" * 3]
    article = ArticleText(lines)
    site = find_sites(lines[1])[0]
    verdict = judge(site, lines[1], *article.judging)
    assert len(verdict.readings) == 1 and verdict.clear and verdict.best.kind == "none"
    assert math.isnan(verdict.best.score)
    assert "_article" not in vars(article.model)  # its tokens, counted when first asked for, never were
    cleaned, _ = apply_rules(lines)
    assert cleaned[1] == lines[1].replace("?", "？")


def test_a_question_mark_with_a_rival_reading_is_weighed():
    lines = ["標題", "中國的改革" + shifted("開放") + "取得了成就。"]
    article = ArticleText(lines)
    verdicts = [judge(site, lines[1], *article.judging) for site in find_sites(lines[1])]
    assert verdicts and all(len(v.readings) > 1 for v in verdicts)
    assert not any(math.isnan(r.score) for v in verdicts for r in v.readings)
