"""layout: each element of the mirror family's pages, recognised by its shape and its place among the others.

Every page here is a short synthetic page written for the test (cleaned Simplified text, as the layout step
receives it), one per layout variant.
"""

import pytest
from duidu.layout import LAYOUT_RULES, read_page
from duidu.models import Change
from duidu.parse import parse_article

PEOPLES_TRIBUNE = [
    "垃圾广告，免费视频，在线播放，wwwww.",
    "",
    "网站首页 | 网站地图",
    "示例新村",
    "首页 > 理论前沿 > 深度原创 > 正文",
    "社区治理的几个问题",
    "【摘要】摘要文字。",
    "【关键词】社区治理 基层 参与",
    "【中图分类号】D630 【文献标识码】A",
    "正文段落。",
    "【参考文献】",
    "①张三：《题目》，《期刊》，2021年第1期。",
    "责编/王五 美编/赵六",
    "声明：本文为某杂志社原创内容。",
    "声明：本文为某杂志社原创内容。",
    "[责任编辑：王五]",
    "相关阅读 更多",
]


def removed(page) -> dict[int, str]:
    """Line number → rule id of every line kept out of the text."""
    return {change.line: change.rule for change in page.changes}


def body_texts(page) -> list[str]:
    return [line.text for line in page.body]


def test_title_before_the_abstract_with_chrome_around_it():
    page = read_page(PEOPLES_TRIBUNE)
    assert (page.title.number, page.title.text) == (6, "社区治理的几个问题")
    assert page.abstract == "摘要文字。" and page.keywords == ("社区治理", "基层", "参与")
    assert body_texts(page) == ["正文段落。", "【参考文献】", "①张三：《题目》，《期刊》，2021年第1期。"]
    assert removed(page) == {
        1: "chrome-spam", 3: "chrome-site-nav", 4: "chrome-label", 5: "chrome-breadcrumb", 9: "front-classification",
        13: "chrome-editors", 14: "chrome-notice", 15: "chrome-notice", 16: "chrome-responsible-editor",
        17: "chrome-after-article",
    }


def test_every_removed_line_keeps_its_text_and_a_known_rule():
    page = read_page(PEOPLES_TRIBUNE)
    lines = dict(enumerate(PEOPLES_TRIBUNE, start=1))
    for change in page.changes:
        assert change == Change(change.rule, change.line, lines[change.line], "")
        assert change.rule in LAYOUT_RULES


def test_masthead_metadata_categories_editors_notice_once_and_the_publishers_journal():
    metadata = read_page(PEOPLES_TRIBUNE).metadata
    assert metadata.categories == ("理论前沿", "深度原创")
    assert metadata.editors == (("责编", "王五"), ("美编", "赵六"))
    assert metadata.notice == "声明：本文为某杂志社原创内容。"
    assert (metadata.publisher, metadata.journal) == ("某杂志社", "某")
    assert (metadata.clc_number, metadata.document_code) == ("D630", "A")
    assert metadata.authors == () and metadata.year == ""


def test_title_first_then_byline_affiliation_and_colon_markers():
    page = read_page([
        "乡村振兴中的基层组织建设",
        "何帆 秦愿",
        "（某某大学公共管理学院，湖北武汉 430079）",
        "摘要：基层组织是乡村振兴的关键，本文讨论其建设路径。",
        "关键词：乡村振兴；基层组织；治理",
        "〔中图分类号〕D422.6 〔文献标识码〕A 〔文章编号〕1009-1203(2020)06-0113-04",
        "一、问题的提出",
        "正文。",
    ])
    assert page.title.text == "乡村振兴中的基层组织建设"
    assert page.metadata.authors == ("何帆", "秦愿")
    assert page.metadata.affiliations == ("某某大学公共管理学院，湖北武汉 430079",)
    assert page.abstract.startswith("基层组织") and page.keywords == ("乡村振兴", "基层组织", "治理")
    metadata = page.metadata
    assert (metadata.clc_number, metadata.document_code, metadata.article_number) == ("D422.6", "A", "1009-1203(2020)06-0113-04")
    assert (metadata.year, metadata.issue, metadata.pages) == ("2020", "6", "113-116")
    assert body_texts(page) == ["一、问题的提出", "正文。"]


def test_title_after_a_byline_repeated_around_it_with_unmarked_abstract_and_keywords():
    page = read_page([
        "周明",
        "?",
        "数字政府建设的现状与路径",
        "周明",
        "（某省委党校公共管理教研部，福建福州 350001）",
        "数字政府建设已经取得诸多成就，但仍面临一些问题，这些问题可归因于观念和机制等层面，本文提出若干举措。",
        "数字政府；治理；政府；治理主体",
        "二十世纪末以来，各国开始推进数字政府建设。",
    ])
    assert page.title.text == "数字政府建设的现状与路径"
    assert page.metadata.authors == ("周明",)
    assert page.abstract.startswith("数字政府建设已经取得")
    assert page.keywords == ("数字政府", "治理", "政府", "治理主体")
    assert body_texts(page) == ["二十世纪末以来，各国开始推进数字政府建设。"]
    assert removed(page) == {1: "front-byline", 2: "chrome-placeholder", 4: "front-byline", 5: "front-affiliation"}


def test_title_after_an_editors_preface():
    page = read_page([
        "编者的话",
        "本期刊发一组讨论基层减负的文章，供读者参考。",
        "基层减负的三个误区",
        "□何帆 秦愿",
        "[摘 要]基层减负需要避免三个误区。",
        "[关键词]基层减负，形式主义，考核",
        "正文。",
    ])
    assert page.title.text == "基层减负的三个误区"
    assert page.metadata.authors == ("何帆", "秦愿")
    assert page.keywords == ("基层减负", "形式主义", "考核")
    assert removed(page) == {1: "front-preface", 2: "front-preface", 4: "front-byline"}


def test_no_title_when_the_page_starts_at_the_byline():
    page = read_page(["李延华", "〔摘要〕决策机制需要健全。", "〔关键词〕决策；参与", "正文。"])
    assert page.title is None
    assert page.metadata.authors == ("李延华",)
    assert page.abstract == "决策机制需要健全。"


def test_no_title_when_the_page_starts_at_the_abstract():
    page = read_page(["【摘要】摘要在第一行。", "【关键词】甲 乙", "正文。"])
    assert page.title is None and page.abstract == "摘要在第一行。"


def test_no_title_and_no_abstract_when_the_page_starts_at_the_byline_and_the_text():
    page = read_page(["郑华", "一九四九年，新中国即将诞生。谁来履行建国的法律程序？", "这是第二段。"])
    assert page.title is None and page.abstract == ""
    assert body_texts(page) == ["一九四九年，新中国即将诞生。谁来履行建国的法律程序？", "这是第二段。"]


def test_a_first_paragraph_without_keywords_after_it_is_not_an_abstract():
    page = read_page(["标题在此", "王一", "第一段正文，讲述背景，篇幅较长，不是摘要。", "第二段正文。"])
    assert page.title.text == "标题在此" and page.abstract == ""
    assert body_texts(page)[0].startswith("第一段正文")


def test_source_line_breadcrumb_tag_line_and_date_glued_to_the_byline():
    page = read_page([
        "您现在的位置:首页 > 活动专题 > 正文",
        "活动专题",
        "来源:新华网 发布时间:2021-11-08 15:14 点击量:1971",
        "关键词:全过程民主基层",
        "全过程人民民主的基层实践",
        "2023-12-29 21:03范逢春付源溟",
        "摘要：全过程人民民主在基层有丰富实践。",
        "正文。",
    ])
    assert page.title.text == "全过程人民民主的基层实践"
    metadata = page.metadata
    assert metadata.categories == ("活动专题",)
    assert (metadata.source, metadata.date) == ("新华网", "2021-11-08")
    assert metadata.authors == ("范逢春", "付源溟")
    assert removed(page) == {
        1: "chrome-breadcrumb", 2: "chrome-label", 3: "chrome-source-line", 4: "chrome-tags", 6: "front-byline",
    }
    assert page.keywords == ()


def test_journal_line_superscripted_authors_and_numbered_affiliations():
    page = read_page([
        "经济师 2024年4期",
        "县域经济高质量发展的路径",
        "文/刘继荣1,2 张 翼2",
        "(1.某某师范大学政法学院,甘肃兰州 730070;2.某某大学管理学院,甘肃兰州 730000)",
        "[摘要]县域经济是国民经济的基本单元。",
        "[关键词]县域经济、高质量发展、路径",
        "[中图分类号]F127 [文献标识码]A",
        "DOI:10.1234/j.issn.1000-0000.2024.04.012",
        "1 引言",
        "正文。",
    ])
    metadata = page.metadata
    assert page.title.text == "县域经济高质量发展的路径"
    assert (metadata.journal, metadata.year, metadata.issue) == ("经济师", "2024", "4")
    assert metadata.authors == ("刘继荣", "张翼")
    assert metadata.affiliations == ("某某师范大学政法学院，甘肃兰州 730070", "某某大学管理学院，甘肃兰州 730000")
    assert (metadata.clc_number, metadata.doi) == ("F127", "10.1234/j.issn.1000-0000.2024.04.012")
    assert page.keywords == ("县域经济", "高质量发展", "路径")
    assert body_texts(page) == ["1 引言", "正文。"]


def test_a_name_with_a_post():
    page = read_page(["社会治理的新课题", "张 翼 某某科学院社会发展战略研究院院长", "正文第一段，内容较长，讲的是治理。"])
    assert page.title.text == "社会治理的新课题"
    assert page.metadata.authors == ("张翼",)
    assert page.metadata.affiliations == ("某某科学院社会发展战略研究院院长",)


@pytest.mark.parametrize(
    "marker",
    ["【摘要】", "[摘要]", "[摘 要]", "〔摘要〕", "［摘要］", "摘要:", "摘 要：", "内容提要：", "【摘 要】 "],
)
def test_every_abstract_marker(marker):
    page = read_page(["标题", f"{marker}这是摘要。", "正文。"])
    assert page.title.text == "标题" and page.abstract == "这是摘要。"
    assert body_texts(page) == ["正文。"]


def test_an_abstract_marker_on_its_own_line():
    page = read_page(["标题", "摘要", "这是摘要。", "关键词", "正文。"])
    assert page.abstract == "这是摘要。"


@pytest.mark.parametrize(
    "line",
    ["【关键词】甲乙 丙丁 戊己", "关键词:甲乙;丙丁;戊己", "[关键词]甲乙；丙丁；戊己", "〔关键词〕甲乙，丙丁，戊己", "关键词：甲乙、丙丁、戊己",
     "关 键 词：甲乙 丙丁 戊己"],
)
def test_every_keyword_form(line):
    page = read_page(["标题", "【摘要】摘要。", line, "正文。"])
    assert page.keywords == ("甲乙", "丙丁", "戊己")


def test_classification_on_the_keyword_line():
    page = read_page(["标题", "摘要：摘要。", "关键词：甲乙；丙丁 中图分类号：D630 文献标识码：A", "正文。"])
    assert page.keywords == ("甲乙", "丙丁")
    assert (page.metadata.clc_number, page.metadata.document_code) == ("D630", "A")


def test_received_dates_and_english_front_matter_are_kept_out_of_the_text():
    page = read_page([
        "标题", "摘要：摘要。", "关键词：甲；乙", "收稿日期：2020-03-01", "Abstract: An abstract.", "Key words: a; b", "正文。",
    ])
    assert body_texts(page) == ["正文。"]
    assert removed(page) == {4: "front-dates", 5: "front-english", 6: "front-english"}


def test_the_article_ends_at_its_notes_when_it_has_no_references():
    page = read_page(["标题", "【摘要】摘要。", "段落。", "（作者为某大学教授）", "示例新村", "责编/王五"])
    assert body_texts(page)[-1] == "（作者为某大学教授）"
    assert removed(page) == {5: "chrome-after-article", 6: "chrome-editors"}


def test_notes_after_the_references_belong_to_the_article():
    page = read_page(["标题", "【摘要】摘要。", "段落。", "参考文献：", "[1]甲.书[M].2020.", "作者简介：张三，讲师。", "上一篇：别的文章"])
    assert body_texts(page)[-1] == "作者简介：张三，讲师。"
    assert removed(page) == {7: "chrome-after-article"}


def test_a_funding_note_between_the_byline_and_the_abstract_is_the_articles_note_not_its_title():
    page = read_page([
        "县域财政的可持续运行",
        "王一 李二",
        "基金项目：国家社会科学基金一般项目“某某研究”（23BZZ027）",
        "县域财政处于财政体系的基础层级，承担着保基本民生的职责，本文讨论其风险。",
        "县级财政；转移支付；地方债务",
        "中图分类号：D630 文献标识码：A",
        "一、问题的提出",
        "正文。",
    ])
    assert page.title.text == "县域财政的可持续运行"
    assert page.abstract.startswith("县域财政处于") and page.keywords == ("县级财政", "转移支付", "地方债务")
    assert page.metadata.clc_number == "D630"
    assert [line.text for line in page.front_notes] == ["基金项目：国家社会科学基金一般项目“某某研究”（23BZZ027）"]
    assert 3 not in removed(page) and body_texts(page) == ["一、问题的提出", "正文。"]
    article = parse_article(page.title.text, page.body, front_notes=page.front_notes)
    assert article.funding_note == "国家社会科学基金一般项目“某某研究”（23BZZ027）"


def test_an_author_note_ending_a_sentence_does_not_end_the_front_matter_before_an_unmarked_abstract():
    page = read_page([
        "某某问题研究",
        "王一",
        "作者简介：王一，某某大学副教授，博士，研究方向为公共管理。",
        "本文以若干街道的实践为对象，分析数字治理的逻辑，并提出优化路径。",
        "数字治理；基层；路径",
        "正文第一段。",
    ])
    assert page.title.text == "某某问题研究"
    assert page.abstract.startswith("本文以若干街道") and page.keywords == ("数字治理", "基层", "路径")


def test_a_tag_line_before_the_title_is_the_sites_tags():
    page = read_page(["标签：产教融合职业教育", "产教融合的改革探索", "何帆", "【摘要】摘要。", "【关键词】甲 乙", "正文。"])
    assert page.title.text == "产教融合的改革探索"
    assert removed(page)[1] == "chrome-tags"


def test_the_line_under_the_site_navigation_is_the_sites_name_even_without_a_title():
    page = read_page(["网站首页 | 网站地图", "学海书斋", "何帆 秦愿", "【摘要】摘要。", "【关键词】甲 乙", "正文。"])
    assert page.title is None
    assert removed(page)[2] == "chrome-label"


def test_unlabelled_keywords_with_the_classification_on_their_line():
    page = read_page([
        "标题在此", "王一", "一段没有标记的摘要，讲述研究的对象、方法和结论，篇幅较长。",
        "县级财政 转移支付 地方债务 中图分类号：D630 文献标识码：A", "正文。",
    ])
    assert page.abstract.startswith("一段没有标记的摘要") and page.keywords == ("县级财政", "转移支付", "地方债务")
    assert (page.metadata.clc_number, page.metadata.document_code) == ("D630", "A")


def test_prose_with_a_spam_word_in_it_is_not_spam():
    page = read_page(["摘要：大国博弈加速了全球产业链调整，对我国产业链安全和红色资源利用提出新要求，在线服务也在变化。", "关键词：战略；产业链", "正文。"])
    assert page.abstract.startswith("大国博弈") and page.keywords == ("战略", "产业链")


def test_a_bracketed_author_note_without_a_colon_its_next_author_and_a_funding_sentence_before_the_body():
    page = read_page([
        "甲某某 林某某",
        "〔提 要〕提要文字。",
        "〔关 键 词〕南海地区、经贸合作",
        "〔作者简介〕甲某某，某某大学国际关系学院教授",
        "林某某，某某大学国际关系学院博士生",
        "〔中图分类号〕D822",
        "本文系某某大学2023年专项基金课题“某某研究”阶段性研究成果。",
        "正文。",
    ])
    assert page.keywords == ("南海地区", "经贸合作") and page.metadata.clc_number == "D822"
    assert body_texts(page) == ["正文。"]
    article = parse_article("标题", page.body, front_notes=page.front_notes)
    assert article.author_note == "甲某某，某某大学国际关系学院教授 林某某，某某大学国际关系学院博士生"
    assert article.funding_note == "本文系某某大学2023年专项基金课题“某某研究”阶段性研究成果。"


def test_the_sites_name_does_not_make_the_sites_tags_the_keywords_when_the_abstract_marker_is_lost():
    page = read_page([
        "网站首页 | 网站地图", "理论文汇", "关键词：县级财政财政可持续", "县级财政的风险识别", "叶建超 吕玲秀",
        "〓要：县级财政处于国家财政体系的基础层级，承担着重要职责。", "〔关键词〕县级财政 转移支付", "正文。",
    ])
    assert page.title.text == "县级财政的风险识别"
    assert page.keywords == ("县级财政", "转移支付") and removed(page)[3] == "chrome-tags"
