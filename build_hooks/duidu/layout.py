"""The layout of a page of the mirror family: site chrome, front matter, the article, back matter.

The pages come from many publishers and many mirrors, so nothing here depends on line numbers or on one
template. Each element has a small recogniser that knows its *shape* (a breadcrumb has ``>``, an author line is
a few personal names, an affiliation has a postcode); which element a line is also depends on its *position
relative to the others*: the title is the last title-shaped line before the byline or the abstract, a
keyword line before the title is the site's tag line, a paragraph with no marker is the abstract only when a
keyword or classification line follows it, the article ends where the back matter (editors, notice, related
reading) begins.

Every line that does not reach the reading text is recorded as a :class:`Change` under a rule id of
:data:`LAYOUT_RULES`, with its text, so the About page can list it: nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .chardata import HAN_RANGES
from .models import Change, Metadata

LAYOUT_RULES: dict[str, str] = {
    "chrome-spam": "spam line (keywords of unrelated sites)",
    "chrome-placeholder": "lone ? line (a blank the mirror filled with ?)",
    "chrome-site-nav": "site navigation",
    "chrome-breadcrumb": "breadcrumb (its sections kept as metadata)",
    "chrome-label": "site name or section label before the title",
    "chrome-source-line": "source, date and hits line (kept as metadata)",
    "chrome-tags": "the site's tag line before the title",
    "chrome-editors": "editors line (kept as metadata)",
    "chrome-notice": "copyright notice (kept once as metadata)",
    "chrome-responsible-editor": "responsible editor line (kept as metadata)",
    "chrome-after-article": "related reading and other page chrome after the article",
    "front-byline": "author line (names and date kept as metadata)",
    "front-affiliation": "affiliation line (kept as metadata)",
    "front-journal": "journal, year and issue line (kept as metadata)",
    "front-classification": "classification, document code, article number or DOI (kept as metadata)",
    "front-dates": "received and revised dates",
    "front-subtitle": "subtitle (kept as metadata)",
    "front-preface": "editor's preface printed before the title",
    "front-english": "the journal's English title, abstract and keywords",
    "front-title": "the page's title, replaced by the title in the metadata sidecar",
}
"""Rule id → what the rule removes, for display. The ids are what :attr:`Change.rule` holds."""

MAX_TITLE_LENGTH = 60
MAX_KEYWORD_LENGTH = 20
MAX_BYLINE_NAMES = 8

# Personal names: a common surname and one or two more characters. Enough to tell a byline (何帆 秦愿) from a
# short title; a rare surname only means a byline read as a title candidate, which the position check catches.
COMPOUND_SURNAMES = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 司徒 夏侯 轩辕 端木 独孤 南宫 西门 长孙 宇文 澹台 公冶 申屠 钟离 呼延 濮阳 太史".split()
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗"
    "谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠"
    "荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄"
    "平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇"
    "公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_HAN = HAN_RANGES
_OPEN = "【[〔［"
_CLOSE = "】]〕］"
_SENTENCE_END = tuple("。；，：、…")
_INSTITUTION = re.compile(r"大学|学院|研究院|研究所|研究中心|科学院|党校|委员会|学会|出版社|杂志社|编辑部|政府|[厅局处室部]$|中心|医院|银行|公司|集团")
_POSTCODE = re.compile(r"(?<!\d)\d{6}(?!\d)")


# ---------------------------------------------------------------------------------------------- recognisers
# Each takes one line's text and says whether it has the element's shape (or returns what it holds).

_SPAM_MARKERS = re.compile(r"视频|免费|在线|播放|国产|无码|精品|一区|二区|亚洲|日韩|久久|色|www|av|AV|福利|直播|网址|黄页", re.I)


def is_spam(text: str) -> bool:
    """Keywords of unrelated (mostly adult) sites joined by ``,`` or ``_``: no sentence, and at least half the
    items carry a spam word (prose holds them too: 红色资源, 我国产业链).

    >>> is_spam("又粗又硬国产,色久网站,免费自拍视频,在线播放"), is_spam("基层治理,治理现代化,治理效能")
    (True, False)
    >>> is_spam("大国博弈加速了全球产业链调整，对我国产业链安全带来挑战，用好红色资源，在线服务。")
    False
    """
    items = [item for item in re.split(r"[,_，]", text) if item.strip()]
    hits = sum(bool(_SPAM_MARKERS.search(item)) for item in items)
    return len(items) >= 3 and hits >= 2 and 2 * hits >= len(items) and "。" not in text


def is_placeholder(text: str) -> bool:
    """A line without a letter, digit or character: ``?`` (a no-break space or an unknown character the
    mirror replaced), a bullet ``•``, an ornament."""
    return not re.search(r"\w", text)


def is_site_nav(text: str) -> bool:
    """Links of the site joined by ``|`` (``网站首页 | 网站地图``)."""
    items = [item.strip() for item in re.split(r"[|｜]", text)]
    return len(items) >= 2 and all(0 < len(item) <= 12 for item in items)


_LONGEST_SECTION_NAME = 12
_BREADCRUMB = re.compile(r"(?:位置\s*[:：]\s*)?首页\s*[>›»]\s*(?P<trail>.*)$")


def breadcrumb_trail(text: str) -> tuple[str, ...] | None:
    """The sections of a breadcrumb (``您现在的位置:首页 > 活动专题 > 正文`` → ``("活动专题",)``), else None."""
    match = _BREADCRUMB.search(text)
    trail = match.group("trail") if match else text
    items = [item.strip() for item in re.split(r"[>›»]", trail)]
    # Without 首页, only a trail of short section names is one: markup such as <b>…</b> in a title is not.
    if not match and (len(items) < 3 or any(len(item) > _LONGEST_SECTION_NAME or "<" in item for item in items)):
        return None
    return tuple(item for item in items if item and item not in {"正文", "首页", "内容"})


_SOURCE_FIELDS = re.compile(r"(?:来源|出处|发布时间|发布日期|更新时间|时间|日期|点击量|点击数|点击|浏览次数|浏览|阅读量|字号)\s*[:：]")
_DATE = re.compile(r"(?P<year>(?:19|20)\d{2})\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})日?")
_DATE_TIME = re.compile(_DATE.pattern + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_SOURCE = re.compile(r"(?:来源|出处)\s*[:：]\s*(?P<source>[^\s|｜:：]+)")


def is_source_line(text: str) -> bool:
    """``来源:新华网 发布时间:2021-11-08 15:14 点击量:1971``, or a date and time standing alone."""
    if _DATE_TIME.fullmatch(text.strip()):
        return True
    return bool(_SOURCE_FIELDS.search(text)) and len(text) <= 100 and not text.endswith("。")


def iso_date(text: str) -> str:
    """The first date in ``text``, as ISO (``2021年1月8日`` → ``2021-01-08``), or empty."""
    match = _DATE.search(text)
    if not match:
        return ""
    return f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"


# Every run of white space is taken whole (``*+``): what follows it is never white space, and two ``\s*`` side by
# side would otherwise try every way of sharing a long run between them (quadratic).
_JOURNAL_LINE = re.compile(
    rf"^(?P<journal>《?[{_HAN}A-Za-z·]{{2,24}}》?)?\s*+(?:[,，]\s*+)?(?P<year>(?:19|20)\d{{2}})\s*+年\s*+(?:第\s*+)?"
    r"(?P<issue>\d{1,3})\s*+期(?:\s*+(?:[,，]\s*+)?(?:第\s*+)?(?P<pages>\d+(?:\s*+[-–—~～]\s*+\d+)?)\s*+页)?$"
)


def journal_line(text: str) -> re.Match[str] | None:
    """``经济师 2024年4期``, ``《探索》2020年第6期``: journal, year, issue (and pages)."""
    return _JOURNAL_LINE.match(text.strip())


def _marker(words: str) -> re.Pattern[str]:
    """A label in any of the family's forms: ``【摘要】`` ``[摘 要]`` ``〔摘要〕`` ``摘要:`` ``摘 要：``."""
    spaced = r"\s*".join(words)
    return re.compile(
        rf"^\s*(?:[{re.escape(_OPEN)}]\s*(?:{spaced})\s*[{re.escape(_CLOSE)}]\s*[:：]?|(?:{spaced})\s*[:：])\s*(?P<rest>.*)$"
    )


_ABSTRACT = [_marker(w) for w in ("摘要", "内容提要", "内容摘要", "提要")]
_KEYWORDS = [_marker(w) for w in ("关键词", "关键字", "主题词")]
_BARE_ABSTRACT = re.compile(r"^(?:摘\s*要|内容提要)$")
_BARE_KEYWORDS = re.compile(r"^关\s*键\s*词$")


def abstract_text(text: str) -> str | None:
    """The abstract after its marker (empty when the marker stands alone on its line), else None."""
    if _BARE_ABSTRACT.match(text):
        return ""
    return next((m.group("rest").strip() for m in (p.match(text) for p in _ABSTRACT) if m), None)


def keywords_text(text: str) -> str | None:
    """The keywords after their marker, else None."""
    if _BARE_KEYWORDS.match(text):
        return ""
    return next((m.group("rest").strip() for m in (p.match(text) for p in _KEYWORDS) if m), None)


# The label is searched for at every position of a line: a match may begin at a bracket or at the first of a run
# of white space, never inside the run (the run's first character begins the same match, and each start inside
# it would scan the rest of the run again: quadratic in a long run).
_CLASSIFICATION_LABEL = re.compile(
    rf"(?:[{re.escape(_OPEN)}]\s*+|(?<!\s)\s++)?(?P<label>中\s*图\s*分\s*类\s*号|分类号|文\s*献\s*标\s*识\s*码|文献标志码|文\s*章\s*编\s*号|DOI|doi)"
    rf"\s*[{re.escape(_CLOSE)}]?\s*[:：]?\s*"
)
_CLASSIFICATION_VALUE = {
    "clc_number": re.compile(r"[A-Z][0-9A-Z.\-:=+/;；\s]*[0-9A-Z]"),
    "document_code": re.compile(r"[A-Z]"),
    "article_number": re.compile(r"\d{4}-\d{3}[\dX]\s*[(（]\d{4}[)）]\s*\d{1,3}\s*-\s*\d{2,4}\s*-\s*\d{2,3}"),
    "doi": re.compile(r"10\.\d{4,9}/\S+"),
}
"""Each field's value, matched where its label ends (``pattern.match(text, position)``: no copy of the rest of
the line per label)."""


def classification(text: str) -> dict[str, str]:
    """Classification fields on a line, wherever they stand on it (alone, or after the keywords).

    >>> classification("〔中图分类号〕D601 〔文献标识码〕A 〔文章编号〕1009-1203(2020)06-0113-04")
    {'clc_number': 'D601', 'document_code': 'A', 'article_number': '1009-1203(2020)06-0113-04'}
    """
    found: dict[str, str] = {}
    for match in _CLASSIFICATION_LABEL.finditer(text):
        label = re.sub(r"\s", "", match.group("label"))
        name = {"中图分类号": "clc_number", "分类号": "clc_number", "文献标识码": "document_code", "文献标志码": "document_code",
                "文章编号": "article_number"}.get(label, "doi")
        if name in found:
            continue  # the first value of a field wins; a line of repeated labels is not matched again and again
        value = _CLASSIFICATION_VALUE[name].match(text, match.end())
        if value:
            found[name] = re.sub(r"\s+", " ", value.group(0)).strip()
    return found


def classification_start(text: str) -> int | None:
    """Where the first classification label begins on the line, if the line has a label with a value.

    The labels are read left to right, so the line from its first label on holds every label and value the
    whole line does: one reading of the line answers (reading it again from each label was quadratic).
    """
    first = _CLASSIFICATION_LABEL.search(text)
    return first.start() if first and classification(text) else None


def is_classification_line(text: str) -> bool:
    start = classification_start(text)
    return start is not None and start <= 2


_DATES_LINE = re.compile(r"^[{open}]?\s*(?:收稿日期|修回日期|收稿时间|网络出版时间|出版日期)".format(open=re.escape(_OPEN)))


def is_dates_line(text: str) -> bool:
    """``收稿日期：2020-03-01；修回日期：…``."""
    return bool(_DATES_LINE.match(text))


_TAG_LINE = re.compile(r"^\s*(?:标\s*签|tags?)\s*[:：]", re.I)


def is_tag_line(text: str) -> bool:
    """The site's tags (``标签：产教融合职业教育``, ``Tags: …``): never the article's keywords, wherever they stand.

    >>> is_tag_line("标签：产教融合职业教育"), is_tag_line("关键词：产教融合；职业教育")
    (True, False)
    """
    return bool(_TAG_LINE.match(text))


_ENGLISH_FRONT = re.compile(r"^\s*(?:Abstract|ABSTRACT|Key\s*words|KEY\s*WORDS|Keywords)\s*[:：]?", re.I)


def is_english_front(text: str) -> bool:
    """The journal's English abstract or keywords (``Abstract:``, ``Key words:``)."""
    return bool(_ENGLISH_FRONT.match(text))


_PREFACE = re.compile(rf"^[{re.escape(_OPEN)}]?\s*(?:编者的话|编者按|编者按语|编辑按语|编者手记)\s*[{re.escape(_CLOSE)}]?\s*[:：]?\s*(?P<rest>.*)$")


def preface_text(text: str) -> str | None:
    """The text after a preface marker (``编者的话``, ``【编者按】``), else None."""
    match = _PREFACE.match(text)
    return match.group("rest").strip() if match else None


_BYLINE_PREFIX = re.compile(r"^(?:[□■◎●]\s*|文\s*[/／|｜]\s*|作者\s*[:：]\s*|撰文\s*[:：/]\s*)")
_SUPERSCRIPTS = re.compile(rf"(?<=[{_HAN}])\s?[\d*＊]+(?:\s*[,，]\s*\d+)*")
_STRONG_NAME_SEPARATORS = re.compile(r"[、，,;；]")


def is_name(name: str) -> bool:
    """Two to four characters beginning with a common surname (``何帆``, ``欧阳修``)."""
    if any(name.startswith(s) for s in COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    return 2 <= len(name) <= 3 and name[0] in SURNAMES


def byline_names(text: str) -> tuple[str, ...] | None:
    """The names of a byline (``□何帆 秦愿``, ``文/刘继荣1,2 王五2``, ``张 翼``), else None.

    >>> byline_names("刘继荣1,2 张 翼2"), byline_names("基层治理现代化")
    (('刘继荣', '张翼'), None)
    """
    rest = _SUPERSCRIPTS.sub(" ", _BYLINE_PREFIX.sub("", text.strip()))
    names: list[str] = []
    for group in _STRONG_NAME_SEPARATORS.split(rest):
        tokens = group.split()
        if tokens and all(len(token) == 1 for token in tokens):
            tokens = ["".join(tokens)]  # a name printed with spaces between its characters (汪 庆 华)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if len(token) == 1 and index + 1 < len(tokens) and is_name(token + tokens[index + 1]):
                token, index = token + tokens[index + 1], index + 1  # 刘继荣 张 翼
            if not is_name(token) or not re.fullmatch(f"[{_HAN}]+", token):
                return None
            names.append(token)
            index += 1
    return tuple(names) if 0 < len(names) <= MAX_BYLINE_NAMES else None


def labelled_glued_names(text: str) -> str | None:
    """A labelled byline whose names run together and cannot be split for sure (``作者:高鸣宋洪远``): the text."""
    label = _BYLINE_PREFIX.match(text.strip())
    rest = text.strip()[label.end() :] if label else ""
    return rest if label and re.fullmatch(f"[{_HAN}]{{4,16}}", rest) and byline_names(rest) is None else None


def author_and_title(text: str) -> tuple[str, str] | None:
    """A title the site prefixed with its author (``何显明：市场化进程中的地方治理模式``)."""
    match = re.match(rf"^(?P<name>[{_HAN}]{{2,4}})[:：](?P<title>.{{6,}})$", text)
    if match and is_name(match.group("name")) and is_title_shaped(match.group("title")):
        return match.group("name"), match.group("title")
    return None


def split_glued_names(text: str) -> tuple[str, ...]:
    """Names printed without a separator (``范逢春付源溟``), split where exactly one split makes every part a
    name; otherwise the text as one name, since choosing among splits would invent.

    >>> split_glued_names("范逢春付源溟")
    ('范逢春', '付源溟')
    """
    def splits(rest: str) -> list[tuple[str, ...]]:
        if not rest:
            return [()]
        return [(rest[:n], *tail) for n in (2, 3, 4) if n <= len(rest) and is_name(rest[:n]) for tail in splits(rest[n:])]

    found = splits(text) if len(text) <= 16 else []
    return found[0] if len(found) == 1 else (text,)


_NAME_WITH_POST = re.compile(rf"^(?P<name>[{_HAN}](?:\s?[{_HAN}]){{1,2}})\s+(?P<post>[{_HAN}（）()、，,·\s]{{4,60}})$")


def name_with_post(text: str) -> tuple[str, str] | None:
    """A name followed by the author's post (``张 翼 中国社会科学院社会发展战略研究院院长``)."""
    match = _NAME_WITH_POST.match(text.strip())
    if not match:
        return None
    name = re.sub(r"\s", "", match.group("name"))
    post = match.group("post").strip()
    if not is_name(name) or not _INSTITUTION.search(post) and not re.search(r"院长|教授|研究员|主任|书记|所长|讲师", post):
        return None
    return name, post


def affiliations(text: str) -> tuple[str, ...] | None:
    """An affiliation line: institutions (often numbered, with a city and postcode), in parentheses or not.

    >>> affiliations("(1.西北师范大学政法学院,甘肃兰州 730070;2.兰州大学管理学院,甘肃兰州 730000)")
    ('西北师范大学政法学院，甘肃兰州 730070', '兰州大学管理学院，甘肃兰州 730000')
    """
    text = text.strip()
    groups = re.findall(r"[（(]([^（()）]+)[）)]", text)
    enclosed = bool(groups) and not re.sub(r"[（(][^（()）]+[）)]|\s", "", text)
    inner = "；".join(groups) if enclosed else text
    if inner.startswith(("作者", "注")) or inner.endswith("。") or len(inner) > 200:
        return None
    if not _POSTCODE.search(inner) and not (enclosed and _INSTITUTION.search(inner) and len(inner) <= 60):
        return None
    items = [re.sub(r"^[\s.．]*(?:\d+\s*[.．、])?\s*", "", item).strip() for item in re.split(r"[;；]", inner)]
    return tuple(item.replace(",", "，") for item in items if item)


_IN_PARENTHESES = re.compile(r"[（(].+[）)]")


def byline_with_affiliations(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Names and, glued after them in parentheses, the affiliations (``文/何继新 栾文婷(天津城建大学,天津 300384)``).

    The names are what comes before the first parenthesis: found by a plain scan, since a lazy regex for them
    followed by white space rescans each run of spaces from every position in it (quadratic).
    """
    text = text.strip()
    opening = min((i for i in (text.find("("), text.find("（")) if i >= 0), default=-1)
    if opening <= 0 or not _IN_PARENTHESES.fullmatch(text, opening):
        return None
    names, items = byline_names(text[:opening].rstrip()), affiliations(text[opening:])
    return (names, items) if names and items else None


def keyword_terms(text: str) -> tuple[str, ...]:
    """Terms of a keyword line, separated by ``;`` ``；`` ``,`` ``，`` ``、`` or spaces."""
    return tuple(term for term in re.split(r"[;；,，、\s]+", text.strip().lstrip(":：").rstrip("。.?？")) if term)


def is_unlabelled_keywords(text: str) -> bool:
    """A line of two to ten short terms with one kind of separator, no sentence and no quotation: the keywords
    of a page that prints no marker (a heading such as ``聚焦短板、深挖弱项，问诊“后遗症”`` is not).

    >>> is_unlabelled_keywords("数字政府；网络；治理主体"), is_unlabelled_keywords("聚焦短板、深挖弱项，问诊“后遗症”")
    (True, False)
    """
    separators = {"；" if s == ";" else s for s in re.findall(r"[;；,，、]|\s+", text.strip().lstrip(":：").strip())}
    terms = keyword_terms(text)
    return (
        len(separators) == 1
        and 2 <= len(terms) <= 10
        and all(len(term) <= MAX_KEYWORD_LENGTH for term in terms)
        and not re.search("[。！？“”\"]", text)
    )


def is_title_shaped(text: str) -> bool:
    """Short, and not a sentence: no 。 and no final sentence punctuation (a final ？ or ！ is allowed)."""
    return 2 <= len(text) <= MAX_TITLE_LENGTH and "。" not in text and not text.endswith(_SENTENCE_END)


def is_subtitle(text: str) -> bool:
    """``——以某市为例``: a dash-led line under the title."""
    return bool(re.match(r"^(?:——|──|--|—)", text)) and len(text) <= MAX_TITLE_LENGTH


_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}(?:[.．]\d{1,2})*\s+\S|第[一二三四五六七八九十]{1,3}(?:部分|章|节))")
_INTRODUCTION_HEADINGS = {"引言", "前言", "导言", "绪论", "导论", "序言"}


def is_body_heading(text: str) -> bool:
    """A heading of the body (``一、…``, ``（一）…``, ``0 引言``, ``引 言``): the article has begun."""
    return (bool(_NUMBERED_HEADING.match(text)) and len(text) <= MAX_TITLE_LENGTH) or re.sub(r"\s", "", text) in _INTRODUCTION_HEADINGS


_EDITORS = re.compile(r"(?<!责任)(?P<role>责编|美编|编辑|校对|审核|审校|终审)\s*[/／:：]\s*(?P<name>[^\s/／\]】）)]+)")
_RESPONSIBLE_EDITOR = re.compile(rf"^[{re.escape(_OPEN)}(（]?\s*责任编辑\s*[:：]\s*(?P<name>[^{re.escape(_CLOSE)}）)]+)[{re.escape(_CLOSE)}）)]?$")
_NOTICE = re.compile(r"^(?:声明|版权声明|免责声明)\s*[:：]")
_RELATED = re.compile(r"^(?:相关(?:阅读|文章|新闻|推荐|链接|专题)|推荐阅读|延伸阅读|热门(?:文章|推荐|阅读)|猜你喜欢|上一篇|下一篇|分享到|返回顶部|打印本页|关闭窗口|版权所有|Copyright|©)", re.I)
MAX_PUBLISHER_LENGTH = 40
_PUBLISHER = re.compile(rf"本文[为系](?P<publisher>[^，,。]{{1,{MAX_PUBLISHER_LENGTH}}}?)(?:原创|独家|授权)")
"""``本文为人民论坛杂志社原创``. The name is bounded: unbounded, each 本文为 of a long line without 原创 scanned to the
line's end (a 99k-character notice line took 37 s)."""


def is_editors_line(text: str) -> bool:
    """``责编/李一丹 美编/杨玲玲``: one or more roles, nothing else."""
    return bool(_EDITORS.search(text)) and not _EDITORS.sub("", text).strip(" |｜")


def back_matter_rule(text: str) -> str | None:
    """The rule of a line that opens (or belongs to) the back matter after the article, if it is one."""
    if is_editors_line(text):
        return "chrome-editors"
    if _RESPONSIBLE_EDITOR.match(text):
        return "chrome-responsible-editor"
    if _NOTICE.match(text):
        return "chrome-notice"
    if _RELATED.match(text):
        return "chrome-after-article"
    return None


_REFERENCES_MARK = re.compile(
    rf"^[{re.escape(_OPEN)}]?\s*(?:参\s*考\s*文\s*献|注\s*释|参考资料|引用文献)\s*+[{re.escape(_CLOSE)}]?\s*+[:：]?\s*+$"
)
r"""The white space after the label is taken whole (``*+``): three ``\s*`` in a row share a long run every way."""
_REFERENCE_ENTRY = re.compile(r"^\s*(?:[①-⑳㉑-㉟㊱-㊿]|[\[［〔]\s*\d+\s*[\]］〕])")
_NOTE_LABEL = r"(?:作者简介|基金项目|项目基金)"
OWN_FUNDING_NOTE = r"本文[系为](?!统)(?>.*?(?:项目|基金|课题)).*(?:成果|资助)[。.]?"
"""``本文系…课题…阶段性研究成果。`` (``本文系统…`` is a sentence, not a note). The first 项目/基金/课题 is the only
one tried (an atomic group): if the line does not end in 成果 or 资助 after it, it does not after a later one
either, and trying each in turn made a long line of them quadratic."""
_NOTE = re.compile(
    rf"^(?:[（(]作者.*[）)]|[{re.escape(_OPEN)}]注\s*[:：].*[{re.escape(_CLOSE)}]"
    rf"|[{re.escape(_OPEN)}]\s*{_NOTE_LABEL}\s*[{re.escape(_CLOSE)}].*|{_NOTE_LABEL}\s*[:：].*"
    rf"|{OWN_FUNDING_NOTE})$"
)


_BIO = re.compile(rf"^(?P<name>[{_HAN}]{{2,4}})[，,]\s*(?P<rest>.+)$")
_POST = re.compile(r"院长|教授|研究员|主任|书记|所长|讲师|博士|硕士|研究生")


def is_author_bio(text: str) -> bool:
    """One author's bio without a label (``林某某，某某大学国际关系学院博士生``): how a 作者简介 note goes on
    for the next author, on the next line.

    >>> is_author_bio("林恺铖，暨南大学国际关系学院博士生"), is_author_bio("南海地区，一带一路，经贸合作")
    (True, False)
    """
    match = _BIO.match(text)
    return bool(match and is_name(match["name"]) and (_INSTITUTION.search(match["rest"]) or _POST.search(match["rest"])))


def is_references_mark(text: str) -> bool:
    return bool(_REFERENCES_MARK.match(text))


def is_reference_entry(text: str) -> bool:
    return bool(_REFERENCE_ENTRY.match(text))


def is_note(text: str) -> bool:
    """An author or funding note: ``（作者为…）``, ``【注：本文系…】``, ``作者简介：…``, ``〔作者简介〕…``,
    ``基金项目：…``, ``本文系…课题…阶段性研究成果。``."""
    return bool(_NOTE.match(text))


# ---------------------------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class NumberedLine:
    number: int
    """1-based line of the seed."""
    text: str


@dataclass(frozen=True)
class PageLayout:
    """A page read into its parts: the article's title, abstract, keywords and body lines, and its metadata."""

    title: NumberedLine | None
    """None when the page shows no title (the stored page starts at the authors or the abstract)."""
    abstract: str
    keywords: tuple[str, ...]
    metadata: Metadata
    body: tuple[NumberedLine, ...]
    """The lines of the article after its front matter, up to its last reference or note."""
    changes: tuple[Change, ...]
    """Every line kept out of the reading text, with the rule that recognised it."""
    notes: tuple[str, ...] = ()
    """What the maintainer should settle in the sidecar (names that cannot be split for sure)."""
    front_notes: tuple[NumberedLine, ...] = ()
    """Author and funding notes printed in the front matter (``基金项目：…``, ``作者简介：…``): the article's notes,
    like those after the body."""


@dataclass
class _Reading:
    """What the front and back matter say, gathered while walking the page (a draft, frozen at the end)."""

    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata fields by name, the first value found winning."""
    categories: tuple[str, ...] = ()
    editors: list[tuple[str, str]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    unsplit_names: list[str] = field(default_factory=list)
    """Bylines whose names run together ambiguously; they are not guessed."""
    front_notes: list[NumberedLine] = field(default_factory=list)

    def remove(self, line: NumberedLine, rule: str) -> None:
        self.changes.append(Change(rule, line.number, line.text, ""))

    def add_authors(self, names: Iterable[str]) -> None:
        self.authors.extend(name for name in names if name not in self.authors)

    def add_affiliations(self, items: Iterable[str]) -> None:
        self.affiliations.extend(item for item in items if item not in self.affiliations)

    def add_field(self, name: str, value: str) -> None:
        if value and not self.fields.get(name):
            self.fields[name] = value

    def add_editor(self, role: str, name: str) -> None:
        if (role, name) not in self.editors:
            self.editors.append((role, name))


def _read_byline_with_affiliations(text: str, reading: _Reading) -> bool:
    """Names with their affiliations glued after them (``何帆 秦愿(某大学,北京 100000)``), read into ``reading``."""
    names_and_places = byline_with_affiliations(text)
    if names_and_places is None:
        return False
    reading.add_authors(names_and_places[0])
    reading.add_affiliations(names_and_places[1])
    return True


def read_page(lines: list[str]) -> PageLayout:
    """Read a cleaned Simplified page into its layout (see the module docstring)."""
    reading = _Reading()
    numbered = _content_lines(lines, reading)
    start = _front_end(numbered)
    front, rest = numbered[:start], numbered[start:]
    title = _read_front(front, reading)
    abstract, keywords, body_start = _read_abstract_and_keywords(rest, reading)
    rest = rest[body_start:]
    end = article_end(rest)
    body, back = rest[:end], rest[end:]
    _read_back(back, reading)
    return PageLayout(
        title=title,
        abstract=abstract,
        keywords=keywords,
        metadata=_metadata(reading),
        body=tuple(body),
        changes=tuple(sorted(reading.changes, key=lambda change: change.line)),
        notes=tuple(
            f"authors printed without separators ({names}): add `authors:` to the sidecar"
            for names in reading.unsplit_names
            if not reading.authors
        ),
        front_notes=tuple(reading.front_notes),
    )


def _content_lines(lines: list[str], reading: _Reading) -> list[NumberedLine]:
    """The non-blank lines; spam and lone ``?`` lines are chrome wherever they stand."""
    kept = []
    for number, raw in enumerate(lines, start=1):
        line = NumberedLine(number, raw.strip())
        if not line.text:
            continue
        if is_spam(line.text):
            reading.remove(line, "chrome-spam")
        elif is_placeholder(line.text):
            reading.remove(line, "chrome-placeholder")
        else:
            kept.append(line)
    return kept


def _front_end(lines: list[NumberedLine]) -> int:
    """Index of the first line of the article after its title and byline: the abstract, the keywords, a
    classification line, a body heading, or else the first paragraph (a preface's paragraphs aside)."""
    abstract = next((i for i, line in enumerate(lines) if abstract_text(line.text) is not None), None)
    if abstract is not None:
        return abstract
    seen_title = False
    in_preface = False
    after_navigation = False
    for index, line in enumerate(lines):
        text = line.text
        names_the_site, after_navigation = after_navigation, is_site_nav(text)
        if preface_text(text) is not None:
            in_preface = True
            continue
        if _is_front_chrome(text) or is_byline(text) or is_note(text) or is_tag_line(text):
            continue  # notes and the site's tags stand anywhere between the chrome and the abstract
        if keywords_text(text) is not None:
            following = lines[index + 1].text if index + 1 < len(lines) else ""
            if seen_title and not is_byline(following):
                return index
            continue  # before the title or before a byline, a keyword line is the site's tag line
        if is_classification_line(text) or is_body_heading(text):
            return index
        if journal_line(text) or is_subtitle(text):
            continue
        if is_title_shaped(text):
            seen_title = seen_title or not names_the_site  # the site's name under its links is no title
            in_preface = False
            continue
        if not in_preface:
            return index
    return len(lines)


def is_byline(text: str) -> bool:
    """Any form of author or affiliation line."""
    return bool(
        byline_names(text) or name_with_post(text) or affiliations(text) or byline_with_affiliations(text)
        or labelled_glued_names(text) or _date_and_names(text)
    )


def _is_front_chrome(text: str) -> bool:
    return is_site_nav(text) or breadcrumb_trail(text) is not None or is_source_line(text)


def _date_and_names(text: str) -> tuple[str, tuple[str, ...]] | None:
    """A date glued to the byline (``2023-12-29 21:03范逢春付源溟``): the ISO date and the names, when they
    can be told apart (not when an affiliation runs on after them)."""
    match = _DATE_TIME.match(text)
    if not match or match.end() == len(text) or not re.match(f"[{_HAN}]", text[match.end() :].strip()):
        return None
    rest = text[match.end() :].strip()
    names = byline_names(rest)
    if names is None and re.fullmatch(f"[{_HAN}]{{4,16}}", rest):
        names = split_glued_names(rest)
        names = names if len(names) > 1 else None
    return iso_date(text), names or ()


def _read_front(front: list[NumberedLine], reading: _Reading) -> NumberedLine | None:
    """Record every front line under its rule and its metadata; return the title.

    The title is the last title-shaped line that no other recogniser claims: lines of that shape before it are
    the site's name and section labels, and so is the line right after the site's navigation (the site's name
    under its links), even when the page shows no title at all. Author and funding notes are kept for the article.
    """
    unclaimed: list[NumberedLine] = []
    preface_open = False
    after_navigation = False
    for line in front:
        text = line.text
        if is_note(text):
            reading.front_notes.append(line)
            continue
        rule = _front_rule(text, reading, preface_open)
        names_the_site, after_navigation = after_navigation, rule == "chrome-site-nav"
        if rule == "front-preface":
            preface_open = True
        elif rule is None and names_the_site:
            rule = "chrome-label"
        elif rule is None and is_title_shaped(text) and text not in reading.categories:
            preface_open = False
            unclaimed.append(line)
            continue
        elif rule is None:
            rule = "front-preface" if preface_open else "chrome-label"
        reading.remove(line, rule)
    if not unclaimed:
        return None
    title = unclaimed[-1]
    for line in unclaimed[:-1]:
        reading.remove(line, "chrome-label")
    if (prefixed := author_and_title(title.text)) is not None:
        reading.add_authors([prefixed[0]])
        reading.changes.append(Change("front-byline", title.number, title.text, prefixed[1]))
        title = NumberedLine(title.number, prefixed[1])
    return title


def _front_rule(text: str, reading: _Reading, preface_open: bool) -> str | None:
    """The rule of a line before the article's title or abstract, gathering what it says; None for a
    title-shaped line no recogniser claims."""
    if is_site_nav(text):
        return "chrome-site-nav"
    if (trail := breadcrumb_trail(text)) is not None:
        reading.categories = reading.categories or trail
        return "chrome-breadcrumb"
    if (glued := _date_and_names(text)) is not None:
        reading.add_field("date", glued[0])
        reading.add_authors(glued[1])
        return "front-byline"
    if _read_byline_with_affiliations(text, reading):
        return "front-byline"
    if (unsplit := labelled_glued_names(text)) is not None:
        reading.unsplit_names.append(unsplit)
        return "front-byline"
    if is_source_line(text):
        _read_source_line(text, reading)
        return "chrome-source-line"
    if keywords_text(text) is not None or is_tag_line(text):
        return "chrome-tags"
    if preface_text(text) is not None:
        return "front-preface"
    if (names := byline_names(text)) is not None:
        reading.add_authors(names)
        return "front-byline"
    if (with_post := name_with_post(text)) is not None:
        reading.add_authors([with_post[0]])
        reading.add_affiliations([with_post[1]])
        return "front-byline"
    if (items := affiliations(text)) is not None:
        reading.add_affiliations(items)
        return "front-affiliation"
    if (journal := journal_line(text)) is not None:
        _read_journal_line(journal, reading)
        return "front-journal"
    if is_subtitle(text):
        reading.add_field("subtitle", text.lstrip("—─- "))
        return "front-subtitle"
    if preface_open and not is_title_shaped(text):
        return "front-preface"
    return None


def _read_source_line(text: str, reading: _Reading) -> None:
    source = _SOURCE.search(text)
    if source:
        reading.add_field("source", source.group("source"))
    reading.add_field("date", iso_date(text))


def _read_journal_line(match: re.Match[str], reading: _Reading) -> None:
    reading.add_field("journal", (match.group("journal") or "").strip("《》"))
    reading.add_field("year", match.group("year"))
    reading.add_field("issue", str(int(match.group("issue"))))
    if match.group("pages"):
        reading.add_field("pages", re.sub(r"\s*[-–—~～]\s*", "-", match.group("pages")))


def _read_abstract_and_keywords(lines: list[NumberedLine], reading: _Reading) -> tuple[str, tuple[str, ...], int]:
    """Abstract, keywords and where the body starts, from the lines after the title and byline.

    Marked forms are read wherever they stand in the front matter; an unmarked paragraph is the abstract only
    when keywords or a classification line follow it. Bylines, affiliations, classification, dates and the
    English front matter among them are recorded and skipped; author and funding notes are kept for the article.
    """
    abstract = ""
    keywords: tuple[str, ...] = ()
    index = 0
    if lines and abstract_text(lines[0].text) is not None:
        abstract = abstract_text(lines[0].text) or ""
        index = 1
        if not abstract and index < len(lines):  # the marker on its own line, the text on the next
            abstract, index = lines[index].text, index + 1
    elif len(lines) > 1 and _is_keyword_or_classification(lines[1].text) and not is_body_heading(lines[0].text):
        abstract, index = lines[0].text, 1
    while index < len(lines):
        text = lines[index].text
        rule = _front_tail_rule(text, reading)
        if rule is None and is_note(text):
            reading.front_notes.append(lines[index])
        elif rule is None and _continues_front_note(reading, lines[index - 1], text):
            note = reading.front_notes.pop()
            reading.front_notes.append(NumberedLine(note.number, f"{note.text} {text}"))
        elif rule is None and keywords and _continues_keywords(lines[index - 1].text, text):
            keywords += keyword_terms(text)
        elif rule is None and not keywords and (label := keywords_text(text)) is not None:
            keywords = keyword_terms(_before_classification(label))
            reading.fields.update((k, v) for k, v in classification(text).items() if not reading.fields.get(k))
        elif rule is None and not keywords and abstract and (terms := unlabelled_keywords(text)) and not is_body_heading(text):
            keywords = keyword_terms(terms)
            reading.fields.update((k, v) for k, v in classification(text).items() if not reading.fields.get(k))
        elif rule is not None:
            reading.remove(lines[index], rule)
        else:
            break
        index += 1
    return abstract, keywords, index


def _is_keyword_or_classification(text: str) -> bool:
    if keywords_text(text) is not None or is_classification_line(text):
        return True
    return unlabelled_keywords(text) is not None and not is_byline(text)


def unlabelled_keywords(text: str) -> str | None:
    """The terms of a keyword line printed without its marker, classification fields after them cut off
    (``县级财政 转移支付 中图分类号:D630 文献标识码:A`` → ``县级财政 转移支付``), else None."""
    terms = _before_classification(text).strip()
    return terms if is_unlabelled_keywords(terms) else None


def _continues_front_note(reading: _Reading, previous: NumberedLine, text: str) -> bool:
    """A bio right after an author note (``作者简介：甲，某大学教授`` / ``乙，某大学博士生``) is the note's next author."""
    return bool(reading.front_notes) and reading.front_notes[-1].number == previous.number and is_author_bio(text)


def _continues_keywords(previous: str, text: str) -> bool:
    """A keyword line broken after its separator (``关键词：治理；`` / ``地方治理；``) goes on on the next line."""
    term = text.strip().rstrip(";；、,，?？ ")
    return previous.rstrip("?？ ").endswith((";", "；", "、", ",", "，")) and is_title_shaped(term) and len(term) <= MAX_KEYWORD_LENGTH


def _before_classification(text: str) -> str:
    start = classification_start(text)
    return text[:start] if start is not None else text


def _front_tail_rule(text: str, reading: _Reading) -> str | None:
    """The rule of a metadata line between the abstract and the body, gathering what it says."""
    if is_classification_line(text):
        reading.fields.update((k, v) for k, v in classification(text).items() if not reading.fields.get(k))
        return "front-classification"
    if is_dates_line(text):
        return "front-dates"
    if is_english_front(text):
        return "front-english"
    if (names := byline_names(text)) is not None:
        reading.add_authors(names)
        return "front-byline"
    if _read_byline_with_affiliations(text, reading):
        return "front-byline"
    if (items := affiliations(text)) is not None:
        reading.add_affiliations(items)
        return "front-affiliation"
    return None


def article_end(lines: list[NumberedLine]) -> int:
    """Index just past the article's last line.

    After a references heading the article runs while lines are entries, notes or another references heading.
    Without references it ends at the first back-matter line, or just after its last closing note
    (``（作者为…）``, ``【注：…】``) when what follows that note is not article text either.
    """
    back = next((i for i, line in enumerate(lines) if back_matter_rule(line.text)), len(lines))
    references = next((i for i, line in enumerate(lines[:back]) if is_references_mark(line.text)), None)
    if references is not None:
        end = references + 1
        while end < back and (is_reference_entry(lines[end].text) or is_note(lines[end].text) or is_references_mark(lines[end].text)):
            end += 1
        return end
    notes = [i for i, line in enumerate(lines[:back]) if is_note(line.text)]
    if notes and all(is_title_shaped(line.text) and not is_body_heading(line.text) for line in lines[notes[-1] + 1 : back]):
        return notes[-1] + 1
    return back


def _read_back(back: list[NumberedLine], reading: _Reading) -> None:
    for line in back:
        text = line.text
        for match in _EDITORS.finditer(text):
            reading.add_editor(match.group("role"), match.group("name"))
        if responsible := _RESPONSIBLE_EDITOR.match(text):
            reading.add_editor("责编", responsible.group("name").strip())
        if _NOTICE.match(text):
            reading.add_field("notice", text)
        rule = back_matter_rule(text)
        if rule is None and is_source_line(text):
            _read_source_line(text, reading)
            rule = "chrome-source-line"
        reading.remove(line, rule or "chrome-after-article")


def journal_of_publisher(publisher: str) -> str:
    """The periodical a publisher puts out: its name without 杂志社/编辑部/社.

    >>> journal_of_publisher("人民论坛杂志社")
    '人民论坛'
    """
    for suffix in ("杂志社", "编辑部", "社"):
        if publisher.endswith(suffix) and len(publisher) > len(suffix):
            return publisher[: -len(suffix)]
    return publisher


_ARTICLE_NUMBER = re.compile(r"[(（](?P<year>\d{4})[)）]\s*(?P<issue>\d{1,3})\s*-\s*(?P<first>\d{2,4})\s*-\s*(?P<count>\d{2,3})")


def from_article_number(number: str) -> dict[str, str]:
    """Year, issue and pages that a 文章编号 encodes (ISSN(year)issue-first page-page count).

    >>> from_article_number("1009-1203(2020)06-0113-04")
    {'year': '2020', 'issue': '6', 'pages': '113-116'}
    """
    match = _ARTICLE_NUMBER.search(number)
    if not match:
        return {}
    first, count = int(match["first"]), int(match["count"])
    pages = f"{first}-{first + count - 1}" if count > 1 else str(first)
    return {"year": match["year"], "issue": str(int(match["issue"])), "pages": pages}


def _metadata(reading: _Reading) -> Metadata:
    fields = dict(reading.fields)
    for name, value in from_article_number(fields.get("article_number", "")).items():
        fields.setdefault(name, value)
    notice = fields.pop("notice", "")
    publisher_match = _PUBLISHER.search(notice)
    publisher = publisher_match.group("publisher") if publisher_match else ""
    fields.setdefault("journal", journal_of_publisher(publisher))
    return Metadata(
        authors=tuple(reading.authors),
        affiliations=tuple(reading.affiliations),
        categories=reading.categories,
        editors=tuple(reading.editors),
        notice=notice,
        publisher=publisher,
        **fields,
    )

