"""parse: a short synthetic article of the real seed's shape → the typed model with stable ids."""

from duidu.masthead import NumberedLine
from duidu.parse import is_part_heading, is_section_heading, parse_article, parse_reference
from duidu.pipeline import build_edition

from conftest import FIXTURES


def test_synthetic_article_parses_into_parts_sections_and_paragraphs():
    article = build_edition(FIXTURES / "synthetic_article.txt").article
    assert article.title == "社区治理的几个问题"
    assert article.keywords == ("社区治理", "基层", "参与")
    assert (article.clc_number, article.document_code) == ("D630", "A")
    assert article.abstract == "社区治理关系到基层稳定，需要多方参与。"
    assert [p.heading for p in article.parts] == ["发现问题", "解决问题"]
    assert [[s.heading for s in p.sections] for p in article.parts] == [
        ["参与不足：居民缺少渠道。", "资源分散：部门之间缺少协调。"],
        ["建立平台。", "加强保障。"],
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


def test_reference_fields():
    reference = parse_reference("②彭勃、赵吉：《折叠型治理及其展开：基层形式主义的生成逻辑》，《探索与争鸣》，2019年第11期。", 1)
    assert reference.number == 2
    assert reference.authors == ("彭勃", "赵吉")
    assert reference.title == "折叠型治理及其展开：基层形式主义的生成逻辑"
    assert (reference.journal, reference.year, reference.issue) == ("探索与争鸣", "2019", "11")


def test_a_reference_of_another_shape_keeps_its_text():
    reference = parse_reference("①某某：某书，北京出版社，2020。", 1)
    assert reference.raw == "某某：某书，北京出版社，2020。" and reference.title == ""


def test_parsing_uses_shape_not_line_numbers():
    body = tuple(NumberedLine(n * 7, t) for n, t in enumerate(["【摘要】甲。", "引言段落。引言。", "第一部分", "小节标题。", "段落一。段落。"]))
    article = parse_article("标题", body)
    assert article.parts[0].sections[0].paragraphs[0].id == "p1-1-1"
