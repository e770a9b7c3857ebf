"""clean: each named rule on small cases, and the registry recording rule, line, before and after."""

import pytest
from duidu.clean import (
    AFTER_CONVERSION,
    GETA,
    LABELS,
    RULES,
    apply_rules,
    decode_html_entities,
    flag_residual_garble,
    map_variant_characters,
    mark_unrecoverable_garble,
    restore_fullwidth_punctuation,
    restore_no_break_spaces,
    strip_pinyin_annotations,
    warnings_about,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("網(wǎng)站首頁", "網站首頁"),
        ("實(shí)踐(jiàn)", "實踐"),
        ("綠(lǜ)色", "綠色"),
        ("鄉鎮(街道)", "鄉鎮(街道)"),  # real parentheses: Chinese content
        ("函數f(x)", "函數f(x)"),  # Latin context
        ("村(居)民", "村(居)民"),
        ("見D602(ABC)", "見D602(ABC)"),
        ("(wǎng)開頭", "(wǎng)開頭"),  # no Han character before it
        ("方法(method)", "方法(method)"),  # an English word has no tone mark
        ("年(nian)底", "年底"),  # toneless, and a reading of 年
        ("中(zhong)(zhong)國", "中國"),  # doubled
        ("模式(a)", "模式(a)"),  # toneless, but not a reading of 式
        ("網(wǎng)(wang)站", "網站"),
    ],
)
def test_pinyin_annotations_go_and_real_parentheses_stay(line, expected):
    assert strip_pinyin_annotations(line)[0] == expected


def test_pinyin_rule_reports_each_annotation():
    assert strip_pinyin_annotations("網(wǎng)站(zhàn)")[1] == [("(wǎng)", ""), ("(zhàn)", "")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("存有ldquo;上級&rdquo;", "存有“上級”"),
        ("&amp;&#8220;&#x201D;", "&“”"),
        ("AT&T;", "AT&T;"),  # not an entity
        ("x ldquo; y", "x ldquo; y"),  # a bare name counts only after Chinese, where the & was lost
    ],
)
def test_html_entities_left_as_text_are_decoded(line, expected):
    assert decode_html_entities(line)[0] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("成果,同時", "成果，同時"),
        ("兩大負擔:", "兩大負擔："),
        ("不通;二是", "不通；二是"),
        ("是否規範?而", "是否規範？而"),
        ("真好!", "真好！"),
        ("鄉鎮(街道)工作", "鄉鎮（街道）工作"),
        ("(項目編號:22BDJ114)與", "（項目編號：22BDJ114）與"),
        ("《中國行政管理》,2021年第10期", "《中國行政管理》，2021年第10期"),
        ("“選苗”渠道, 採取", "“選苗”渠道，採取"),  # the stray space after the mark goes
        ("D602 A", "D602 A"),
        ("f(x, y): 1,000; ok?", "f(x, y): 1,000; ok?"),  # Latin and number context keeps ASCII
        ("22BDJ114, 2021", "22BDJ114, 2021"),
    ],
)
def test_fullwidth_punctuation_returns_in_chinese_context_only(line, expected):
    assert restore_fullwidth_punctuation(line)[0] == expected


def test_unrecoverable_garble_becomes_geta():
    # Without its annotation remnant, the lead byte of 等 is not in the bytes: 等, 內 and 比 all read.
    line, edits = mark_unrecoverable_garble("人、技、物、財?纫\ue02a氐呐涮着c綜合管理")
    assert line == f"人、技、物、財{GETA}綜合管理"
    assert edits == [("?纫\ue02a氐呐涮着c", GETA)]
    assert mark_unrecoverable_garble("財\ue02a\ufffd物")[0] == f"財{GETA}物"


def test_a_real_question_mark_before_prose_is_not_garble():
    line = "是否会有后遗症?我们应当正视"
    assert mark_unrecoverable_garble(line) == (line, [])
    assert flag_residual_garble("是否会有后遗症？我们应当正视") == ("是否会有后遗症？我们应当正视", [])


def test_the_last_detector_flags_what_every_other_rule_missed():
    line, edits = flag_residual_garble("基層？鶎又卫硇袨，治理")
    assert line == f"基層{GETA}，治理" and edits == [("？鶎又卫硇袨", GETA)]
    assert flag_residual_garble("?\ue02a氐")[0] == GETA


@pytest.mark.parametrize(
    ("line", "expected"),
    [("0? ? ?引 言", "0     引 言"), ("D601?", "D601 "), ("?", " "), ("為什麼?", "為什麼?"), ("a?b", "a?b")],
    ids=["heading number", "after a code", "a lone mark", "a real question", "between words"],
)
def test_no_break_spaces_shown_as_question_marks_become_spaces(line, expected):
    assert restore_no_break_spaces(line)[0] == expected


def test_variants_outside_gb2312_are_mapped_one_character_at_a_time():
    assert map_variant_characters("陜西的著作") == ("陕西的著作", [("陜", "陕")])
    assert map_variant_characters("显著效能") == ("显著效能", [])


def test_registry_records_rule_line_before_and_after(synthetic_text):
    lines, changes = apply_rules(synthetic_text.split("\n"))
    ids = {rule.id for rule in RULES}
    assert {c.rule for c in changes} <= ids
    annotation = next(c for c in changes if c.rule == "strip-pinyin-annotations")
    assert (annotation.line, annotation.before, annotation.after) == (3, "(wǎng)", "")
    assert synthetic_text.split("\n")[annotation.line - 1].count("(wǎng)") == 2
    assert "關係到基層穩定，需要" in lines[9]


def test_rules_are_pure_functions_of_a_line():
    line = "網(wǎng)站,“選苗”&ldquo;"
    for rule in RULES + AFTER_CONVERSION:
        assert rule.fix(line) == rule.fix(line)


def test_every_rule_has_a_distinct_id_and_a_label():
    ids = [rule.id for rule in RULES + AFTER_CONVERSION]
    assert len(ids) == len(set(ids)) and all(LABELS[i] for i in ids)


def test_invisible_characters_go_and_invalid_references_are_warned_of():
    lines, changes = apply_rules(["治\u200b理\u202e基層\x1b[0m", "甲&#0;乙&#x202E;丙&#xD800;丁&#x4E01;"])
    assert lines == ["治理基層[0m", "甲乙丙丁丁"]
    assert [c.rule for c in changes if c.line == 1] == ["strip-invisible-characters"] * 3
    assert warnings_about(changes) == [
        "line 2: invalid character reference &#0; dropped",
        "line 2: invalid character reference &#x202E; dropped",
        "line 2: invalid character reference &#xD800; dropped",
    ]


def test_a_glossary_term_matches_once_zero_width_characters_are_gone():
    from duidu.glossary import Term, find_terms

    (line,), _ = apply_rules(["完善容\u200b错机制"])
    assert [m.term.id for m in find_terms(line, [Term("rong-cuo", "容错", (), "", "", (), "")])] == ["rong-cuo"]
