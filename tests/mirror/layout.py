"""The page around the article: the layouts of the mirror family (issue 8, "What pages of this family look like").

:func:`lay_out` turns a clean :class:`Article` into the lines of one page, in Simplified, each with its role, and
the layout truth. Every choice is one small function drawing from a seeded ``random.Random``; the names, journals,
affiliations and numbers are invented.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .corpus import PARAGRAPH, PART, SUBSECTION, Article
from .truth import LayoutTruth

NBSP = "\u00a0"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN = "建国晓梅立新文静思远敏志强丽华刚俊峰晓燕春涛振宇博海明伟芳娜秀英军平磊洋勇艳杰娟涛超霞鹏辉玲"
UNIVERSITIES = (
    ("华东政法大学政府管理学院", "上海", "", "200042"),
    ("西北师范大学政法学院", "甘肃", "兰州", "730070"),
    ("南京农业大学公共管理学院", "江苏", "南京", "210095"),
    ("中南财经政法大学财政税务学院", "湖北", "武汉", "430073"),
    ("天津职业技术师范大学职业教育学院", "天津", "", "300222"),
    ("陕西师范大学马克思主义学院", "陕西", "西安", "710119"),
)
JOURNALS = ("经济师", "地方治理评论", "公共政策研究", "职业教育论坛", "行政与法", "财经理论探索")
SOURCES = ("理论在线", "学习时报网", "社科资讯网", "人民论坛网")
SITE_NAMES = ("学海书斋", "理论文汇", "大学问网", "论文之家")
SECTIONS = ("理论前沿", "深度原创", "学术论文", "活动专题", "治理研究")
SPAM = (
    "在线播放_免费视频_高清影院_最新地址_一区二区",
    "j8在线观看,免费电影网站,高清视频,最新影院地址",
    "免费视频_在线播放_手机影院_午夜剧场",
)
CLC_BY_TOPIC = ("D630", "D602", "F812.7", "G710", "D035")
CHINESE_NUMERALS = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"

SPAM_ROLE, QUESTION_ROLE, NAVIGATION_ROLE, SITE_ROLE, BREADCRUMB_ROLE, SOURCE_ROLE = (
    "spam", "question", "navigation", "site", "breadcrumb", "source")
JOURNAL_ROLE, TAGS_ROLE, TITLE_ROLE, PREFACE_ROLE, AUTHORS_ROLE, AFFILIATIONS_ROLE = (
    "journal", "tags", "title", "preface", "authors", "affiliations")
ABSTRACT_ROLE, KEYWORDS_ROLE, CLASSIFICATION_ROLE, DOI_ROLE, HEADING_ROLE = (
    "abstract", "keywords", "classification", "doi", "heading")
PARAGRAPH_ROLE, REFERENCES_HEADING_ROLE, REFERENCE_ROLE, NOTE_ROLE = ("paragraph", "references-heading", "reference", "note")
EDITORS_ROLE, NOTICE_ROLE, BLANK_ROLE, SUBTITLE_ROLE, ENGLISH_ROLE = ("editors", "notice", "blank", "subtitle", "english")
PROSE_ROLES = frozenset({ABSTRACT_ROLE, PARAGRAPH_ROLE})
"""Lines the simulator puts shift runs in: the article's running text."""


@dataclass(frozen=True)
class Author:
    name: str
    affiliation: int
    """Index into the page's affiliations."""


@dataclass(frozen=True)
class Masthead:
    """The invented facts about one printing of an article."""

    authors: tuple[Author, ...]
    affiliations: tuple[str, ...]
    journal: str
    year: int
    issue: int
    clc: str
    article_number: str
    doi: str


@dataclass(frozen=True)
class Layout:
    """A page in Simplified: the role of every line, and what it says about the article."""

    lines: tuple[tuple[str, str], ...]
    """(role, text) of every line."""
    truth: LayoutTruth
    """In Simplified, as the page was written (page.layout_truth gives it in Traditional, as it is printed)."""


def invent_masthead(rng: random.Random) -> Masthead:
    """Authors, affiliations, journal, issue and numbers for one printing."""
    count = rng.choice((1, 2, 2, 3))
    names = []
    while len(names) < count:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if name not in names:
            names.append(name)
    places = rng.sample(UNIVERSITIES, rng.choice((1, 2)))
    affiliations = tuple(f"{school}，{province}{city} {postcode}" for school, province, city, postcode in places)
    authors = tuple(Author(name, min(index, len(affiliations) - 1)) for index, name in enumerate(names))
    year, issue = rng.randint(2018, 2024), rng.randint(1, 12)
    number = f"{rng.randint(1000, 1999)}-{rng.randint(1000, 9999)}({year}){issue:02d}-{rng.randint(1, 150):04d}-{rng.randint(3, 9):02d}"
    doi = f"10.{rng.randint(13000, 16999)}/j.cnki.{rng.randint(1000, 1999)}-{rng.randint(1000, 9999)}.{year}.{issue:02d}.{rng.randint(1, 30):03d}"
    return Masthead(authors, affiliations, rng.choice(JOURNALS), year, issue, rng.choice(CLC_BY_TOPIC), number, doi)


def spam_lines(rng: random.Random) -> list[tuple[str, str]]:
    """Keyword spam, sometimes a lone ``?`` line, the site navigation and the site's name."""
    lines = [(SPAM_ROLE, rng.choice(SPAM))] if rng.random() < 0.7 else []
    if rng.random() < 0.4:
        lines.append((QUESTION_ROLE, "?"))
    if rng.random() < 0.6:
        lines += [(NAVIGATION_ROLE, "网站首页 | 网站地图"), (SITE_ROLE, rng.choice(SITE_NAMES))]
    return lines


def breadcrumb_line(rng: random.Random) -> list[tuple[str, str]]:
    """``首页 > 理论前沿 > 深度原创 > 正文`` or ``您现在的位置：首页 > …``, or none."""
    if rng.random() < 0.25:
        return []
    trail = " > ".join(["首页", *rng.sample(SECTIONS, rng.choice((1, 2))), "正文"])
    return [(BREADCRUMB_ROLE, rng.choice(("", "您现在的位置：")) + trail)]


def source_line(rng: random.Random, masthead: Masthead) -> list[tuple[str, str]]:
    """``来源：… 发布时间：2021-11-08 15:14 点击量：1971``, or none."""
    if rng.random() < 0.5:
        return []
    date = f"{masthead.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return [(SOURCE_ROLE, f"来源：{rng.choice(SOURCES)} 发布时间：{date} 点击量：{rng.randint(100, 9999)}")]


def journal_line(masthead: Masthead, rng: random.Random) -> str:
    """``经济师 2024年4期`` or ``《经济师》2024年第4期``."""
    if rng.random() < 0.5:
        return f"{masthead.journal} {masthead.year}年{masthead.issue}期"
    return f"《{masthead.journal}》{masthead.year}年第{masthead.issue}期"


AUTHOR_STYLES = ("plain", "superscript", "box", "byline", "post", "comma", "spaced", "glued")
"""How sites print the names: ``何帆 秦愿``, ``刘继荣1，2``, ``□ 何帆`` / ``◎何帆``, ``文/何帆``, a name with a post,
``段树国，周佳琦``, ``郑 鹏， 黄 莉`` and ``文/何继新 栾文婷（天津城建大学，天津 300384）`` (affiliations glued on)."""


def author_line(masthead: Masthead, rng: random.Random, style: str) -> str:
    """The names as one site writes them (see :data:`AUTHOR_STYLES`)."""
    names = [a.name for a in masthead.authors]
    if style == "superscript":
        separator = rng.choice((" ", "，"))
        return separator.join(f"{a.name}{a.affiliation + 1}" if len(masthead.affiliations) > 1 else a.name for a in masthead.authors)
    if style == "box":
        return rng.choice(("□ ", "◎")) + " ".join(names)
    if style == "comma":
        return "，".join(names)
    if style == "spaced":
        return "， ".join(" ".join(name) for name in names)
    if style == "glued":
        return "文/" + " ".join(names) + affiliation_line(masthead, rng)
    if style == "byline":
        return "文/" + " ".join(names)
    if style == "post":
        first = masthead.authors[0]
        school = masthead.affiliations[first.affiliation].split("，")[0]
        return f"{first.name[0]} {first.name[1:]} {school}教授"
    return " ".join(names)


def post_affiliation(author_line: str, style: str) -> tuple[str, ...]:
    """What a name with a post says of the author's affiliation: the post (``华东政法大学政府管理学院教授``)."""
    return (author_line.split(" ", 2)[2],) if style == "post" else ()


def dated_author_line(masthead: Masthead, rng: random.Random) -> str:
    """A posting date glued to the names: ``2023-12-29 21:03范逢春付源溟``."""
    date = f"{masthead.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
    return date + "".join(a.name for a in masthead.authors)


def affiliation_line(masthead: Masthead, rng: random.Random) -> str:
    """``（1.西北师范大学政法学院，甘肃兰州 730070；2.…）``, or each in its own parentheses on one line."""
    if len(masthead.affiliations) == 1:
        return f"（{masthead.affiliations[0]}）"
    if rng.random() < 0.3:
        return " ".join(f"（{a}）" for a in masthead.affiliations)
    return "（" + "；".join(f"{i}.{a}" for i, a in enumerate(masthead.affiliations, start=1)) + "）"


def abstract_line(abstract: str, rng: random.Random) -> str:
    """The abstract with one of the family's markers, or none."""
    marker = rng.choice(("【摘要】", "[摘要]", "[摘 要]", "〔摘要〕", "〔摘 要〕", "〔提 要〕", "摘要：", "摘 要：", "提 要：", "内容提要：", ""))
    return marker + abstract


def keyword_line(keywords: tuple[str, ...], rng: random.Random) -> str:
    """The keywords with a marker (or unlabelled) and one of the family's separators."""
    marker = rng.choice(("【关键词】", "[关键词]", "〔关键词〕", "〔关 键 词〕", "关键词：", "关 键 词：", ""))
    separator = rng.choice(("；", ";", "，", "、", " ", "  "))
    return marker + separator.join(keywords)


def classification_line(masthead: Masthead, rng: random.Random) -> str:
    """``【中图分类号】D602 【文献标识码】A`` and the family's other forms, sometimes ending on a no-break space."""
    form = rng.randrange(4)
    if form == 0:
        line = f"【中图分类号】{masthead.clc} 【文献标识码】A"
    elif form == 1:
        line = f"〔中图分类号〕{masthead.clc}{NBSP} 〔文献标识码〕A 〔文章编号〕{masthead.article_number}"
    elif form == 2:
        line = f"[中图分类号]{masthead.clc} [文献标识码]A"
    else:
        line = f"中图分类号：{masthead.clc} 文献标识码：A 文章编号：{masthead.article_number}"
    return line


def tag_line(article: Article, rng: random.Random) -> str:
    """The site's tags run together (``关键词:斑块武汉面积``, ``标签：…``): not the article's keywords."""
    return rng.choice(("关键词：", "标签：")) + "".join(article.keywords[:2])


def english_front_lines(article: Article) -> list[tuple[str, str]]:
    """The journal's English abstract and keywords, after the Chinese ones."""
    return [
        (ENGLISH_ROLE, f"Abstract: This paper examines {len(article.body)} aspects of the question and proposes measures."),
        (ENGLISH_ROLE, "Key words: " + "; ".join(f"term {n}" for n in range(1, len(article.keywords) + 1))),
    ]


def numbered_headings(article: Article, rng: random.Random) -> dict[int, str]:
    """Each heading block's printed form, numbered in one of the family's styles.

    ``一、`` with ``（一）``; ``1.`` with ``1.1`` and ``0 引言``; or People's Tribune's bare parts and subsections
    ending in 。.
    """
    style = rng.choice(("chinese", "arabic", "bare"))
    printed: dict[int, str] = {}
    part = 0
    sub = 0
    for index, block in enumerate(article.body):
        bare = block.text.rstrip("。")
        if block.kind == PART:
            introduction = index == 0
            if style == "arabic":
                if introduction:
                    printed[index] = rng.choice((f"0 {bare}", f"0{NBSP}{NBSP}{bare}"))
                else:
                    part += 1
                    printed[index] = f"{part} {bare}"
            elif style == "chinese":
                part += 1
                printed[index] = f"{CHINESE_NUMERALS[part - 1]}、{bare}"
            else:
                printed[index] = bare
            sub = 0
        elif block.kind == SUBSECTION:
            sub += 1
            if style == "arabic":
                printed[index] = f"{part}.{sub} {bare}"
            elif style == "chinese":
                printed[index] = f"（{CHINESE_NUMERALS[sub - 1]}）{bare}"
            else:
                printed[index] = bare + "。"
    return printed


def cite(paragraph: str, style: str) -> str:
    """Write the ``{n}`` citation marks as ①, [1] or 〔1〕."""

    def mark(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return {"circled": CIRCLED[number - 1], "bracket": f"[{number}]", "tortoise": f"〔{number}〕"}[style]

    return re.sub(r"\{(\d+)\}", mark, paragraph)


def reference_lines(article: Article, style: str, rng: random.Random) -> list[tuple[str, str]]:
    """The references heading and the entries, numbered in the citation style."""
    heading = rng.choice(("【参考文献】", "参考文献：", "参考文献", "注释"))
    lines = [(REFERENCES_HEADING_ROLE, heading)]
    for number, entry in enumerate(article.references, start=1):
        label = {"circled": CIRCLED[number - 1], "bracket": f"[{number}]", "tortoise": f"〔{number}〕"}[style]
        lines.append((REFERENCE_ROLE, label + entry))
    return lines


def note_lines(masthead: Masthead, rng: random.Random) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Notes before the abstract (基金项目, 作者简介) and after the body (（作者为…）, 【注：本文系…】)."""
    first = masthead.authors[0]
    school = masthead.affiliations[first.affiliation].split("，")[0]
    project = f"{rng.randint(18, 24)}BZZ{rng.randint(10, 199):03d}"
    front: list[tuple[str, str]] = []
    back: list[tuple[str, str]] = []
    if rng.random() < 0.4:
        front.append((NOTE_ROLE, f"基金项目：国家社会科学基金一般项目“基层治理效能研究”（{project}）"))
    if rng.random() < 0.4:
        front.append((NOTE_ROLE, f"作者简介：{first.name}，{school}副教授，博士，研究方向为公共管理。"))
    if rng.random() < 0.5:
        back.append((NOTE_ROLE, f"（作者为{school}教授）"))
    if rng.random() < 0.5:
        back.append((NOTE_ROLE, f"【注：本文系国家社会科学基金项目“基层治理现代化研究”（项目编号：{project}）的阶段性成果】"))
    return front, back


def back_matter(rng: random.Random) -> list[tuple[str, str]]:
    """The editors line, the copyright notice (sometimes twice) and ``[责任编辑：…]``."""
    editor = rng.choice(SURNAMES) + rng.choice(GIVEN)
    lines: list[tuple[str, str]] = []
    if rng.random() < 0.5:
        lines.append((EDITORS_ROLE, f"责编/{editor} 美编/{rng.choice(SURNAMES)}{rng.choice(GIVEN)}"))
    notice = "声明：本文转自网络，版权归原作者所有，如有侵权请联系删除。"
    lines += [(NOTICE_ROLE, notice)] * rng.choice((0, 1, 2))
    if rng.random() < 0.6:
        lines.append((EDITORS_ROLE, f"[责任编辑：{editor}]"))
    return lines


def lay_out(article: Article, rng: random.Random) -> Layout:
    """One page of the family around ``article``, and what it says about the article (in Simplified)."""
    masthead = invent_masthead(rng)
    lines: list[tuple[str, str]] = [*spam_lines(rng), *breadcrumb_line(rng), *source_line(rng, masthead)]
    shows_journal = rng.random() < 0.4
    if shows_journal:
        lines.append((JOURNAL_ROLE, journal_line(masthead, rng)))
    if rng.random() < 0.2:
        lines.append((TAGS_ROLE, tag_line(article, rng)))
    author_style = rng.choice(AUTHOR_STYLES)
    authors = author_line(masthead, rng, author_style)
    shows_affiliations = author_style == "glued" or author_style in ("plain", "superscript", "comma", "spaced") and rng.random() < 0.7
    position = rng.choice(("first", "first", "after-authors", "after-authors", "after-preface", "absent", "absent", "prefixed"))
    shows_posting_date = position in ("first", "after-authors") and rng.random() < 0.3
    if shows_posting_date and position == "after-authors":
        lines.append((AUTHORS_ROLE, dated_author_line(masthead, rng)))
    title = None if position == "absent" else article.title
    title_block = [(TITLE_ROLE, article.title)]
    if rng.random() < 0.1:
        title_block.append((SUBTITLE_ROLE, f"——以{article.keywords[0]}为例"))
    author_block = [(AUTHORS_ROLE, authors)]
    if shows_affiliations and author_style != "glued":
        author_block.append((AFFILIATIONS_ROLE, affiliation_line(masthead, rng)))
    if position == "first" and shows_posting_date:
        # The desktop template: the title, the posting date glued to the names, the site's tags, the byline.
        lines += [*title_block, (AUTHORS_ROLE, dated_author_line(masthead, rng)), (TAGS_ROLE, tag_line(article, rng)), *author_block]
    elif position == "first":
        lines += [*title_block, *author_block]
    elif position == "after-authors":
        lines += author_block
        if rng.random() < 0.3:
            lines.append((QUESTION_ROLE, "?"))  # the blank a mirror filled between the byline and the title
        lines += title_block
        if rng.random() < 0.3:
            lines.append((AUTHORS_ROLE, authors))
    elif position == "prefixed":
        # ``何显明：市场化进程中的地方治理模式变迁``: the site put the first author before the title.
        lines.append((TITLE_ROLE, f"{masthead.authors[0].name}：{article.title}"))
    elif position == "after-preface":
        lines += [
            (PREFACE_ROLE, "编者的话"),
            (PREFACE_ROLE, f"本期刊发{masthead.authors[0].name}的文章，围绕{article.keywords[0]}展开讨论，供读者参考。"),
            *title_block,
            *author_block,
        ]
    else:
        lines += author_block
    front_notes, back_notes = note_lines(masthead, rng)
    # Notes stand before the abstract, or after the classification as the journal's first-page footnotes.
    notes_last = rng.random() < 0.4
    if not notes_last:
        lines += front_notes
    lines.append((ABSTRACT_ROLE, abstract_line(article.abstract, rng)))
    shows_clc = rng.random() < 0.8
    classification = classification_line(masthead, rng) if shows_clc else ""
    keywords = keyword_line(article.keywords, rng)
    if shows_clc and rng.random() < 0.2:
        # ``【关键词】城市群 国家治理 【中图分类号】F291.1 【文献标识码】A``: the classification on the keyword line.
        lines.append((KEYWORDS_ROLE, f"{keywords} {classification}"))
    else:
        lines.append((KEYWORDS_ROLE, keywords))
        if shows_clc:
            lines.append((CLASSIFICATION_ROLE, classification))
    # The article number (文章编号) encodes the year and the issue: a page that prints it shows them.
    shows_issue = shows_journal or masthead.article_number in classification
    if rng.random() < 0.3:
        lines.append((DOI_ROLE, rng.choice(("DOI：", "[DOI]")) + masthead.doi))
    if rng.random() < 0.15:
        lines += english_front_lines(article)
    if notes_last:
        lines += front_notes
    citation_style = rng.choice(("circled", "bracket", "tortoise"))
    headings = numbered_headings(article, rng)
    for index, block in enumerate(article.body):
        if block.kind == PARAGRAPH:
            lines.append((PARAGRAPH_ROLE, cite(block.text, citation_style)))
        else:
            lines.append((HEADING_ROLE, headings[index]))
    lines += back_notes
    lines += reference_lines(article, citation_style, rng)
    lines += back_matter(rng)
    if rng.random() < 0.5:
        # Some sites put an empty line between every two.
        lines = [item for line in lines for item in (line, (BLANK_ROLE, ""))][:-1]
    first_author_only = position == "prefixed" or author_style == "post" and not shows_posting_date
    truth = LayoutTruth(
        title=title,
        # A name with a post, or before the title, shows the first author only; the names glued to a posting
        # date show them all.
        authors=tuple(a.name for a in masthead.authors[: 1 if first_author_only else None]),
        affiliations=(
            () if position == "prefixed"
            else masthead.affiliations if shows_affiliations
            else post_affiliation(authors, author_style)
        ),
        journal=masthead.journal if shows_journal else None,
        year=masthead.year if shows_issue else None,
        issue=masthead.issue if shows_issue else None,
        abstract=article.abstract,
        keywords=article.keywords,
        clc=masthead.clc if shows_clc else None,
        headings=tuple(headings[i] for i in sorted(headings)),
    )
    return Layout(tuple(lines), truth)
