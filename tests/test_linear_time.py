"""Linear time on pathological input (issue 9, item 7): each regex that once backtracked quadratically (or worse),
and the glossary's term matching, run on input made to provoke it at two sizes; four times the input may take
at most six times the time. Ratios, not absolute times, so that a slow machine does not fail them; a floor
keeps tiny times (timer noise) from failing them either. Before the fixes each of these grew 15–57×."""

import pytest
from duidu.glossary import Term, find_terms
from duidu.layout import byline_with_affiliations, classification, is_classification_line, is_note, is_references_mark, journal_line, read_page
from duidu.parse import parse_reference
from helpers import assert_linear


def publisher_of_notice(notice: str) -> str:
    lines = ["以高水平治理提升基层“免疫力”", "【摘要】基层治理。", "正文。", "责编/李一丹", notice]
    return read_page(lines).metadata.publisher


def test_a_long_notice_line_is_read_in_linear_time():
    assert publisher_of_notice("声明：本文为人民论坛杂志社原创，转载请注明") == "人民论坛杂志社"
    assert_linear(publisher_of_notice, lambda n: "声明：" + "本文为" * (n // 3), 4_000)


def test_a_long_reference_in_the_seed_form_is_parsed_in_linear_time():
    reference = parse_reference("①姜晓萍、吴宝家：《题名：副题》，《期刊》，2021年第10期。", 1)
    assert (reference.authors, reference.title, reference.journal) == (("姜晓萍", "吴宝家"), "题名：副题", "期刊")
    assert_linear(lambda text: parse_reference(text, 1), lambda n: "①" + "甲:《" * (n // 3), 4_000)


@pytest.mark.parametrize(
    "make_input, size",
    [
        (lambda n: "[1]甲." + " " * n + "乙", 300),  # cubic: 2,000 spaces took 18 s
        (lambda n: "[1]甲.乙[J]" + "." * n + "丙", 1_500),
        (lambda n: "[1]甲.乙[J].丙,2021" + " " * n + "x", 1_500),
    ],
    ids=["spaces after the authors", "dots after [J]", "spaces after the year"],
)
def test_a_long_reference_in_the_gbt_form_is_parsed_in_linear_time(make_input, size):
    reference = parse_reference("[1]张三,李四. 题名 [J]. 期刊, 2021, 3(10): 12-20.", 1)
    assert (reference.authors, reference.title, reference.journal, reference.year, reference.issue) == (
        ("张三", "李四"), "题名", "期刊", "2021", "10"
    )
    assert_linear(lambda text: parse_reference(text, 1), make_input, size)


@pytest.mark.parametrize(
    "run, make_input",
    [
        (is_classification_line, lambda n: "DOI" * (n // 3)),
        (classification, lambda n: "\u3000" * n),
    ],
    ids=["repeated labels", "a run of spaces"],
)
def test_classification_is_read_in_linear_time(run, make_input):
    assert classification("关键词 〔中图分类号〕D601 〔文献标识码〕A") == {"clc_number": "D601", "document_code": "A"}
    assert_linear(run, make_input, 2_000)


def test_a_journal_line_with_a_long_run_of_spaces_is_read_in_linear_time():
    assert journal_line("《探索》2020年 第6期 ,  第12 - 20页")["pages"] == "12 - 20"
    assert_linear(journal_line, lambda n: "经济师" + " " * n + "x", 2_000)


def test_a_byline_with_a_long_run_of_spaces_is_read_in_linear_time():
    assert byline_with_affiliations("文/何继新 栾文婷  (天津城建大学,天津 300384)") == (
        ("何继新", "栾文婷"), ("天津城建大学，天津 300384",)
    )
    assert_linear(byline_with_affiliations, lambda n: "甲" + " " * n + "乙(大学)", 2_000)


def test_a_references_mark_with_a_long_run_of_spaces_is_read_in_linear_time():
    assert is_references_mark("【参考文献】 ： ") and not is_references_mark("参考文献 x")
    assert_linear(is_references_mark, lambda n: "参考文献" + " " * n + "x", 300)  # cubic: 2,000 spaces took 11 s


def test_a_long_funding_note_is_read_in_linear_time():
    assert is_note("本文系国家社科基金项目“某某”（22BDJ114）的阶段性成果。") and not is_note("本文系统地讨论了课题。")
    assert_linear(is_note, lambda n: "本文系" + "课题" * (n // 2), 5_000)


def test_thousands_of_terms_in_a_paragraph_are_marked_in_linear_time():
    terms = [Term("jiceng-zhili", "基层治理", (), "", "", (), ""), Term("zhili", "治理", (), "", "", (), "")]
    assert len(find_terms("基层治理，" * 2_000, terms)) == 2_000
    assert_linear(lambda text: find_terms(text, terms), lambda n: "基层治理，" * (n // 5), 10_000)
