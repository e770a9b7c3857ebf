"""clean: each named rule on small cases, and the registry recording rule, line, before and after."""

import pytest
from duidu.clean import (
    GETA,
    RULES,
    apply_rules,
    decode_html_entities,
    replace_unrecoverable_garble,
    restore_fullwidth_punctuation,
    strip_pinyin_annotations,
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
    line, edits = replace_unrecoverable_garble("責?;鶎又卫硇袨榇嬗?ldquo;上級")
    assert line == f"責{GETA}ldquo;上級"
    assert edits == [("?;鶎又卫硇袨榇嬗?", GETA)]
    assert replace_unrecoverable_garble("財\ue02a\ufffd物")[0] == f"財{GETA}物"


def test_a_real_question_mark_before_prose_is_not_garble():
    line = "是否会有后遗症?我们应当正视"
    assert replace_unrecoverable_garble(line) == (line, [])


def test_registry_records_rule_line_before_and_after(synthetic_text):
    lines, changes = apply_rules(synthetic_text.split("\n"))
    names = {name for name, _ in RULES}
    assert {c.rule for c in changes} <= names
    annotation = next(c for c in changes if c.rule == "strip pinyin annotations")
    assert (annotation.line, annotation.before, annotation.after) == (3, "(wǎng)", "")
    assert synthetic_text.split("\n")[annotation.line - 1].count("(wǎng)") == 2
    assert "關係到基層穩定，需要" in lines[9]


def test_rules_are_pure_functions_of_a_line():
    line = "網(wǎng)站,“選苗”&ldquo;"
    for _, rule in RULES:
        assert rule(line) == rule(line)
