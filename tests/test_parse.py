"""parse: body lines → the typed model with stable ids; each heading and reference style of the family."""

import pytest
from duidu.layout import NumberedLine
from duidu.parse import heading_levels, is_part_heading, is_section_heading, parse_article, parse_reference
from duidu.pipeline import build_edition

from conftest import FIXTURES


def body(*texts: str) -> tuple[NumberedLine, ...]:
    """Body lines numbered 10, 20, …: the parser must not care which numbers they have."""
    return tuple(NumberedLine(10 * n, text) for n, text in enumerate(texts, start=1))


def outline(article) -> list[tuple[str, list[str]]]:
    return [(part.heading, [section.heading for section in part.sections]) for part in article.parts]


def test_synthetic_article_parses_into_parts_sections_and_paragraphs():
    edition = build_edition(FIXTURES / "synthetic_article.txt")
    article = edition.article
    assert article.title == "社区治理的几个问题"
    assert article.keywords == ("社区治理", "基层", "参与")
    assert (edition.metadata.clc_number, edition.metadata.document_code) == ("D630", "A")
    assert article.abstract == "社区治理关系到基层稳定，需要多方参与。"
    assert outline(article) == [
        ("发现问题", ["参与不足：居民缺少渠道。", "资源分散：部门之间缺少协调。"]),
        ("解决问题", ["建立平台。", "加强保障。"]),
    ]
    assert [p.id for p in article.body_paragraphs] == [
        "p0-0-1", "p1-0-1", "p1-1-1", "p1-1-2", "p1-2-1", "p2-0-1", "p2-1-1", "p2-2-1",
    ]
    assert article.author_note == "作者为某大学教授"
    assert article.funding_note.startswith("本文系2022年度某基金项目")


def test_ids_are_the_same_for_the_same_source():
    first = build_edition(FIXTURES / "synthetic_article.txt").article
    second = build_edition(FIXTURES / "synthetic_article.txt").article
    assert first == second


def test_short_enumerated_paragraphs_are_not_headings():
    article = build_edition(FIXTURES / "synthetic_article.txt").article
    assert article.parts[1].sections[0].paragraphs[0].text == "第一，建立议事平台，着力提高参与度。"
    assert not is_section_heading("第一，建立议事平台，着力提高参与度。")
    assert not is_part_heading("本部分提出对策。")


def test_parsing_uses_shape_not_line_numbers():
    article = parse_article("标题", body("引言段落。引言。", "第一部分", "小节标题。", "段落一。段落。"))
    assert article.parts[0].sections[0].paragraphs[0].id == "p1-1-1"
    assert not article.parts[0].numbered


def test_chinese_numerals_over_parenthesised_numerals():
    article = parse_article("标题", body(
        "导语段落，说明研究的缘起。",
        "一、问题的提出",
        "第一部分的段落。",
        "（一）第一小节",
        "小节的段落。",
        "（二）第二小节",
        "1. 更深一层的条目不成为标题",
        "二、对策建议",
        "（一）另一个小节",
        "段落。",
    ))
    assert outline(article) == [("一、问题的提出", ["（一）第一小节", "（二）第二小节"]), ("二、对策建议", ["（一）另一个小节"])]
    assert [p.text for p in article.introduction] == ["导语段落，说明研究的缘起。"]
    assert article.parts[0].sections[1].paragraphs[0].text == "1. 更深一层的条目不成为标题"
    assert article.parts[0].numbered


def test_arabic_numbers_with_zero_introduction_and_dotted_subsections():
    article = parse_article("标题", body(
        "0 引言",
        "引言的段落。",
        "1 研究设计",
        "1.1 数据来源",
        "数据来自调查。",
        "1.2 变量",
        "变量的说明。",
        "2 结论",
        "结论的段落。",
    ))
    assert outline(article) == [("0 引言", []), ("1 研究设计", ["1.1 数据来源", "1.2 变量"]), ("2 结论", [])]
    assert [p.id for p in article.body_paragraphs] == ["p1-0-1", "p2-1-1", "p2-2-1", "p3-0-1"]


def test_parenthesised_numerals_alone_are_the_parts():
    levels = heading_levels(["（一）甲", "段落。", "（二）乙", "1.子项", "2.子项"])
    assert (levels.part, levels.section) == ("（一）", "1")


def test_a_single_numbered_line_does_not_make_a_numbered_article():
    levels = heading_levels(["一、仅此一行", "段落。", "小节。"])
    assert levels.part is None


def test_long_numbered_paragraphs_stay_paragraphs():
    article = parse_article("标题", body(
        "一、总体要求",
        "一、坚持党的领导。这是一段以序号开头的长段落，它有好几个句子。不是标题。",
        "二、主要任务",
        "段落。",
    ))
    assert outline(article) == [("一、总体要求", []), ("二、主要任务", [])]
    assert article.parts[0].preface[0].text.startswith("一、坚持党的领导")


@pytest.mark.parametrize(
    "note, field, expected",
    [
        ("（作者为某大学教授）", "author_note", "作者为某大学教授"),
        ("作者简介：张三，男，某大学讲师。", "author_note", "张三，男，某大学讲师。"),
        ("【注：本文系某基金项目阶段性成果】", "funding_note", "本文系某基金项目阶段性成果"),
        ("基金项目：国家社科基金项目（22ABC123）", "funding_note", "国家社科基金项目（22ABC123）"),
    ],
    ids=["author in parentheses", "author bio", "funding in brackets", "funding labelled"],
)
def test_notes_in_every_form(note, field, expected):
    article = parse_article("标题", body("段落。", note))
    assert getattr(article, field) == expected
    assert [p.text for p in article.introduction] == ["段落。"]


def test_reference_fields():
    reference = parse_reference("②彭勃、赵吉：《折叠型治理及其展开：基层形式主义的生成逻辑》，《探索与争鸣》，2019年第11期。", 1)
    assert reference.number == 2
    assert reference.authors == ("彭勃", "赵吉")
    assert reference.title == "折叠型治理及其展开：基层形式主义的生成逻辑"
    assert (reference.journal, reference.year, reference.issue) == ("探索与争鸣", "2019", "11")


@pytest.mark.parametrize(
    "entry",
    ["[3]张三，李四.社区治理研究[J].行政论坛,2021(10):12-20.", "〔3〕张三，李四．社区治理研究［J］．行政论坛，2021，（10）：12-20．",
     "［3］张三,李四. 社区治理研究[J]. 行政论坛, 2021(10): 12-20."],
    ids=["square brackets", "tortoise-shell brackets, full-width", "full-width brackets, spaced"],
)
def test_gbt7714_journal_references(entry):
    reference = parse_reference(entry, 1)
    assert reference.number == 3
    assert reference.authors == ("张三", "李四")
    assert (reference.title, reference.journal, reference.year, reference.issue) == ("社区治理研究", "行政论坛", "2021", "10")


def test_a_reference_of_another_shape_keeps_its_text():
    reference = parse_reference("①某某：某书，北京出版社，2020。", 1)
    assert reference.raw == "某某：某书，北京出版社，2020。" and reference.title == ""


def test_references_in_each_marker_style_after_their_heading():
    article = parse_article("标题", body(
        "段落。", "参考文献：", "[1]甲.书名[M].北京：出版社，2020.", "〔2〕乙：《文章》，《期刊》，2019年第2期。", "③丙：某报告。",
    ))
    assert [r.number for r in article.references] == [1, 2, 3]
    assert article.references[1].journal == "期刊"
    assert [p.text for p in article.body_paragraphs] == ["段落。"]
