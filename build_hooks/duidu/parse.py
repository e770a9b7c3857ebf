"""The article's body lines → :class:`Article`, by the shape of its headings, never by line numbers.

Articles of this family number their headings in one of a few schemes (``一、`` over ``（一）`` over ``1.``;
``1`` / ``0 引言`` over ``1.1``) or, as People's Tribune does, not at all: then a part heading is a short line
with no final punctuation and a subsection heading a short one-sentence line ending in 。. The two highest
schemes an article uses are its parts and subsections; a subsection nests under the part before it. Ids are
hierarchical and follow the article's own structure (part 2, subsection 3, paragraph 1 → ``p2-3-1``), so the
same source always gives the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .chardata import FINAL_PUNCTUATION
from .layout import OWN_FUNDING_NOTE, NumberedLine, is_references_mark
from .models import Article, Paragraph, Part, Reference, Section

MAX_HEADING_LENGTH = 40
MAX_NUMBERED_HEADING_LENGTH = 60
_FINAL_PUNCTUATION = tuple(FINAL_PUNCTUATION)
_ENUMERATION = re.compile(r"^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]是|首先|其次|再次|最后|一方面|另一方面)[，、：]?")
_NUMERAL = "一二三四五六七八九十"

NUMBERING_SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("第一部分", re.compile(rf"^第[{_NUMERAL}]{{1,3}}(?:部分|章)")),
    ("一、", re.compile(rf"^[{_NUMERAL}]{{1,3}}\s*[、.．]")),
    ("（一）", re.compile(rf"^[（(][{_NUMERAL}]{{1,3}}[）)]")),
    ("1", re.compile(r"^\d{1,2}(?:\s*[、.．](?!\d)|\s+)\s*(?=[^\d\s.．])")),
    ("1.1", re.compile(r"^\d{1,2}[.．]\d{1,2}(?![.．]?\d)\s*(?=[^\d\s.．])")),
    ("（1）", re.compile(r"^[（(]\d{1,2}[）)]")),
)
"""Heading numbering schemes, highest first. ``1`` covers ``1 引言``, ``0 引言``, ``1.`` and ``1、``."""

# A label is bracketed (``〔作者简介〕``, its colon optional) or ends in a colon (``作者简介：``).
_AUTHOR_NOTE = re.compile(
    r"^(?:[（(](?P<paren>作者.+)[）)]|(?:[【\[〔]\s*作者简介\s*[】\]〕]\s*[:：]?|作者简介\s*[:：])\s*(?P<bio>.+))$"
)
_FUNDING_NOTE = re.compile(
    r"^(?:[【\[〔]注\s*[:：](?P<note>.+)[】\]〕]|(?:[【\[〔]\s*(?:基金项目|项目基金)\s*[】\]〕]\s*[:：]?|(?:基金项目|项目基金)\s*[:：])\s*(?P<fund>.+)"
    rf"|(?P<own>{OWN_FUNDING_NOTE}))$"
)
"""Also ``本文系…课题…阶段性研究成果。`` standing alone (:data:`layout.OWN_FUNDING_NOTE`)."""


def is_part_heading(text: str) -> bool:
    """A short line without final punctuation (People's Tribune's unnumbered part headings).

    >>> is_part_heading("聚焦短板、深挖弱项，问诊基层治理“后遗症”")
    True
    """
    return len(text) <= MAX_HEADING_LENGTH and not text.endswith(_FINAL_PUNCTUATION) and not text.startswith("【")


def is_section_heading(text: str) -> bool:
    """A short one-sentence line ending in 。 that does not open with an enumeration (第一，一是，首先…).

    >>> is_section_heading("结构紧张：任务延伸与场域收缩。"), is_section_heading("第一，建立议事平台。")
    (True, False)
    """
    return (
        len(text) <= MAX_HEADING_LENGTH
        and text.endswith("。")
        and text.count("。") == 1
        and not _ENUMERATION.match(text)
    )


def numbering_scheme(text: str) -> str | None:
    """The numbering scheme of a heading-shaped line (short; no sentence inside), else None.

    >>> numbering_scheme("一、问题的提出"), numbering_scheme("（二）加强保障"), numbering_scheme("0 引言")
    ('一、', '（一）', '1')
    >>> numbering_scheme("2.1 数据来源"), numbering_scheme("2021年以来，各地开展了试点。"), numbering_scheme("一、这是一段话。后面还有话。")
    ('1.1', None, None)
    """
    if len(text) > MAX_NUMBERED_HEADING_LENGTH or "。" in text.rstrip("。") or text.endswith(("，", "；", "：")):
        return None
    return next((name for name, pattern in NUMBERING_SCHEMES if pattern.match(text)), None)


@dataclass(frozen=True)
class HeadingLevels:
    """How an article marks its parts and subsections: two numbering schemes, or the unnumbered shapes."""

    part: str | None
    """The scheme of the part headings; None for unnumbered headings told by shape."""
    section: str | None

    def level(self, text: str) -> int:
        """1 for a part heading, 2 for a subsection heading, 0 for a paragraph."""
        if self.part is None:
            return 1 if is_part_heading(text) else 2 if is_section_heading(text) else 0
        scheme = numbering_scheme(text)
        return 1 if scheme == self.part else 2 if scheme is not None and scheme == self.section else 0


def heading_levels(texts: list[str]) -> HeadingLevels:
    """The highest numbering scheme that heads at least two of the article's heading-shaped lines, and the
    next one it uses (in the order of :data:`NUMBERING_SCHEMES`); unnumbered when there is none."""
    counts: dict[str, int] = {}
    for text in texts:
        if scheme := numbering_scheme(text):
            counts[scheme] = counts.get(scheme, 0) + 1
    used = [name for name, _ in NUMBERING_SCHEMES if counts.get(name)]
    # a scheme heading one line only is a stray (``第一部分的段落。``), not how the article is divided
    top = next((index for index, name in enumerate(used) if counts[name] >= 2), None)
    if top is None:
        return HeadingLevels(part=None, section=None)
    return HeadingLevels(part=used[top], section=used[top + 1] if top + 1 < len(used) else None)


@dataclass
class _PartDraft:
    heading: str
    preface: list[str] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class _Notes:
    author: list[str] = field(default_factory=list)
    funding: list[str] = field(default_factory=list)

    def take(self, text: str) -> bool:
        """Keep the line if it is an author or funding note."""
        if author := _AUTHOR_NOTE.match(text):
            self.author.append((author.group("paren") or author.group("bio")).strip())
        elif funding := _FUNDING_NOTE.match(text):
            self.funding.append((funding.group("note") or funding.group("fund") or funding.group("own")).strip())
        else:
            return False
        return True


def parse_article(
    title: str,
    body: tuple[NumberedLine, ...],
    *,
    abstract: str = "",
    keywords: tuple[str, ...] = (),
    front_notes: tuple[NumberedLine, ...] = (),
) -> Article:
    """The article from its title, abstract, keywords and front-matter notes (read by :mod:`layout`) and its
    body lines."""
    references_at = next((i for i, line in enumerate(body) if is_references_mark(line.text)), len(body))
    text_lines = [line.text for line in body[:references_at]]
    levels = heading_levels(text_lines)
    notes = _Notes()
    for line in front_notes:
        notes.take(line.text)
    introduction: list[str] = []
    parts: list[_PartDraft] = []

    for text in text_lines:
        if notes.take(text):
            continue
        level = levels.level(text)
        if level == 1:
            parts.append(_PartDraft(heading=text))
        elif level == 2 and parts:
            parts[-1].sections.append((text, []))
        elif not parts:
            introduction.append(text)
        elif parts[-1].sections:
            parts[-1].sections[-1][1].append(text)
        else:
            parts[-1].preface.append(text)

    references: list[Reference] = []
    for line in body[references_at:]:
        if notes.take(line.text) or is_references_mark(line.text):
            continue
        if reference := parse_reference(line.text, len(references) + 1):
            references.append(reference)

    return Article(
        title=title,
        abstract=abstract,
        keywords=keywords,
        introduction=tuple(Paragraph(f"p0-0-{k}", t) for k, t in enumerate(introduction, start=1)),
        parts=tuple(_build_part(number, draft, levels.part is not None) for number, draft in enumerate(parts, start=1)),
        author_note=" ".join(notes.author),
        funding_note=" ".join(notes.funding),
        references=tuple(references),
    )


_MARKER = re.compile(r"^\s*(?:(?P<circled>[①-⑳])|(?P<circled_high>[㉑-㉟])|(?P<circled_higher>[㊱-㊿])|[\[［〔]\s*(?P<bracketed>\d+)\s*[\]］〕])\s*")
_SEED_FORM = re.compile(
    r"^(?>(?P<authors>.+?)[:：]《)(?P<title>.+)》[，,]\s*《(?P<journal>[^》]+)》[，,]\s*"
    r"(?P<year>\d{4})年(?:第(?P<issue>\d+)期)?[。.]?$"
)
"""``①姜晓萍、吴宝家：《title》，《journal》，2021年第10期。``. The authors end at the first ``：《`` (an atomic
group): the title ends at the one 》 the journal's tail allows, so a later ``：《`` cannot succeed where the
first failed, and trying each in turn was quadratic (a 100k-character reference took 11.6 s)."""
_GBT_JOURNAL_FORM = re.compile(
    r"^(?P<authors>[^.．。\[［]++)[.．。]\s*+(?P<title>[^\[［]*[^\s\[［])\s*+[\[［]\s*+[JＪ]\s*+[\]］]\s*+[.．。/／]++\s*+"
    r"(?P<journal>[^,，]*[^\s,，])\s*+[,，]\s*+(?P<year>\d{4})\s*+(?:[,，]\s*+\d++\s*+)?(?:[,，]?\s*+[(（]\s*+(?P<issue>\d++)\s*+[)）])?"
    r"(?:\s*+[:：]\s*+(?P<pages>\d+\s*+[-–—~]\s*+\d+|\d+))?\s*+[.．。]?$"
)
r"""``[1]张三,李四.题名[J].期刊,2021(10):12-20.`` (GB/T 7714 for a journal article).

Each piece is read one way only: a run of white space or digits whole (``*+``, ``++``), the title up to its last
character before ``[J]`` and the journal up to its last before the comma (a title or journal of white space
alone is none). Lazy fields followed by ``\s*`` rescanned each run of spaces from every position in it, and
adjacent ``\s*`` shared it every way: cubic in a long run."""


def parse_reference(text: str, fallback_number: int) -> Reference | None:
    """``①姜晓萍、吴宝家：《title》，《journal》，2021年第10期。`` → :class:`Reference`; also the GB/T 7714
    journal form ``[1]张三,李四.题名[J].期刊,2021(10):12-20.``.

    An entry of another shape (or a line without a marker) keeps its raw text with the fields empty.
    """
    marker = _MARKER.match(text)
    number = _marker_number(marker) if marker else fallback_number
    rest = text[marker.end() :].strip() if marker else text.strip()
    if not rest:
        return None
    match = _SEED_FORM.match(rest) or _GBT_JOURNAL_FORM.match(rest)
    if not match:
        return Reference(number, rest, (), "", "", "", "")
    authors = tuple(a.strip() for a in re.split(r"[、，,;；]", match.group("authors")) if a.strip())
    return Reference(
        number=number,
        raw=rest,
        authors=authors,
        title=match.group("title").strip(),
        journal=match.group("journal").strip(),
        year=match.group("year"),
        issue=str(int(match.group("issue"))) if match.group("issue") else "",
    )


def _marker_number(marker: re.Match[str]) -> int:
    if marker.group("circled"):
        return ord(marker.group("circled")) - ord("①") + 1
    if marker.group("circled_high"):
        return ord(marker.group("circled_high")) - ord("㉑") + 21
    if marker.group("circled_higher"):
        return ord(marker.group("circled_higher")) - ord("㊱") + 36
    return int(marker.group("bracketed"))


def _build_part(number: int, draft: _PartDraft, numbered: bool) -> Part:
    preface = tuple(Paragraph(f"p{number}-0-{k}", t) for k, t in enumerate(draft.preface, start=1))
    sections = tuple(
        Section(
            id=f"s{number}-{s}",
            number=s,
            heading=heading,
            paragraphs=tuple(Paragraph(f"p{number}-{s}-{k}", t) for k, t in enumerate(texts, start=1)),
        )
        for s, (heading, texts) in enumerate(draft.sections, start=1)
    )
    return Part(
        id=f"part-{number}", number=number, heading=draft.heading, preface=preface, sections=sections, numbered=numbered
    )
