"""masthead: the article is cut from the page; breadcrumb, editors and notice are kept as metadata."""

import pytest
from duidu.masthead import CHROME_RULE, split_page
from duidu.models import SeedError

PAGE = [
    "垃圾广告,免费视频",
    "",
    "网站首页 | 网站地图",
    "首页 > 理论前沿 > 深度原创 > 正文",
    "社区治理的几个问题",
    "【摘要】摘要文字。",
    "正文段落。",
    "【参考文献】",
    "①张三：《题目》，《期刊》，2021年第1期。",
    "责编/王五 美编/赵六",
    "声明：本文为原创内容。",
    "声明：本文为原创内容。",
    "[责任编辑：王五]",
    "相关阅读 更多",
]


def test_title_is_the_line_before_the_abstract():
    split = split_page(PAGE)
    assert (split.title.number, split.title.text) == (5, "社区治理的几个问题")
    assert [line.text for line in split.body][-1].startswith("①张三")


def test_masthead_keeps_categories_editors_and_the_notice_once():
    masthead = split_page(PAGE).masthead
    assert masthead.categories == ("理论前沿", "深度原创")
    assert masthead.editors == (("责编", "王五"), ("美编", "赵六"))
    assert masthead.notice == "声明：本文为原创内容。"


def test_every_line_outside_the_article_is_recorded_as_removed():
    removed = [c.line for c in split_page(PAGE).changes if c.rule == CHROME_RULE]
    assert removed == [1, 3, 4, 10, 11, 12, 13, 14]


def test_without_references_the_article_ends_at_its_notes():
    page = ["标题", "【摘要】摘要。", "段落。", "（作者为某大学教授）", "责编/王五"]
    assert [line.text for line in split_page(page).body][-1] == "（作者为某大学教授）"


@pytest.mark.parametrize(
    "page",
    [["只有正文。", "没有摘要。"], ["【摘要】摘要在第一行。"], ["首页 > 理论 > 正文", "【摘要】摘要。"]],
    ids=["no abstract", "nothing before the abstract", "breadcrumb before the abstract"],
)
def test_no_recognisable_title_is_an_error(page):
    with pytest.raises(SeedError, match="no recognisable title"):
        split_page(page)
