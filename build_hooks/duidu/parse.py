"""Cleaned Simplified lines → :class:`Article`, by the shape of articles of this kind, never by line numbers.

Headings are told from paragraphs by shape: a part heading is a short line with no final punctuation;
a subsection heading is a short line that is one sentence ending in 。. Ids are hierarchical and follow
the article's own structure (part 2, subsection 3, paragraph 1 → ``p2-3-1``), so the same source always
gives the same ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .masthead import NumberedLine
from .models import Article, Paragraph, Part, Reference, Section

MAX_HEADING_LENGTH = 40
_KEYWORDS = re.compile(r"^【关键词】(?P<words>.+)$")
_ABSTRACT = re.compile(r"^【摘要】(?P<text>.+)$")
_CLASSIFICATION = re.compile(r"【中图分类号】\s*(?P<clc>[^\s【]+)")
_DOCUMENT_CODE = re.compile(r"【文献标识码】\s*(?P<code>[^\s【]+)")
_FUNDING = re.compile(r"^【注[:：](?P<text>.+)】$")
_AUTHOR = re.compile(r"^[（(](?P<text>作者.+)[）)]$")
_REFERENCES = "【参考文献】"
_REFERENCE = re.compile(
    r"^(?P<authors>.+?)[:：]《(?P<title>.+)》[，,]\s*《(?P<journal>[^》]+)》[，,]\s*"
    r"(?P<year>\d{4})年(?:第(?P<issue>\d+)期)?[。.]?$"
)
_CIRCLED = re.compile(r"^(?P<mark>[①-⑳])|^\[(?P<bracketed>\d+)\]")
_FINAL_PUNCTUATION = tuple("。！？：；，…")
_ENUMERATION = re.compile(r"^(?:第[一二三四五六七八九十]+|[一二三四五六七八九十]是|首先|其次|再次|最后|一方面|另一方面)[，、：]?")


def is_part_heading(text: str) -> bool:
    """A short line without final punctuation.

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


@dataclass
class _PartDraft:
    heading: str
    preface: list[str] = field(default_factory=list)
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


def parse_article(title: str, body: tuple[NumberedLine, ...]) -> Article:
    abstract = ""
    keywords: tuple[str, ...] = ()
    clc_number = document_code = author_note = funding_note = ""
    introduction: list[str] = []
    parts: list[_PartDraft] = []
    references: list[Reference] = []
    in_references = False

    for line in body:
        text = line.text
        if in_references:
            reference = parse_reference(text, len(references) + 1)
            if reference:
                references.append(reference)
            continue
        if match := _ABSTRACT.match(text):
            abstract = match.group("text").strip()
        elif match := _KEYWORDS.match(text):
            keywords = tuple(match.group("words").split())
        elif _CLASSIFICATION.search(text) or _DOCUMENT_CODE.search(text):
            clc_number = _group(_CLASSIFICATION, text, "clc")
            document_code = _group(_DOCUMENT_CODE, text, "code")
        elif match := _FUNDING.match(text):
            funding_note = match.group("text").strip()
        elif match := _AUTHOR.match(text):
            author_note = match.group("text").strip()
        elif text.startswith(_REFERENCES):
            in_references = True
        elif is_part_heading(text):
            parts.append(_PartDraft(heading=text))
        elif is_section_heading(text) and parts:
            parts[-1].sections.append((text, []))
        elif not parts:
            introduction.append(text)
        elif parts[-1].sections:
            parts[-1].sections[-1][1].append(text)
        else:
            parts[-1].preface.append(text)

    return Article(
        title=title,
        abstract=abstract,
        keywords=keywords,
        clc_number=clc_number,
        document_code=document_code,
        introduction=tuple(Paragraph(f"p0-0-{k}", t) for k, t in enumerate(introduction, start=1)),
        parts=tuple(_build_part(number, draft) for number, draft in enumerate(parts, start=1)),
        author_note=author_note,
        funding_note=funding_note,
        references=tuple(references),
    )


def parse_reference(text: str, fallback_number: int) -> Reference | None:
    """``①姜晓萍、吴宝家：《title》，《journal》，2021年第10期。`` → :class:`Reference`.

    An entry of another shape keeps its raw text with the fields empty.
    """
    marker = _CIRCLED.match(text)
    if not marker:
        return None
    number = ord(marker.group("mark")) - 0x245F if marker.group("mark") else int(marker.group("bracketed"))
    rest = text[marker.end() :].strip()
    match = _REFERENCE.match(rest)
    if not match:
        return Reference(number, rest, (), "", "", "", "")
    authors = tuple(a.strip() for a in re.split(r"[、，,]", match.group("authors")) if a.strip())
    return Reference(
        number=number or fallback_number,
        raw=rest,
        authors=authors,
        title=match.group("title"),
        journal=match.group("journal"),
        year=match.group("year"),
        issue=match.group("issue") or "",
    )


def _build_part(number: int, draft: _PartDraft) -> Part:
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
    return Part(id=f"part-{number}", number=number, heading=draft.heading, preface=preface, sections=sections)


def _group(pattern: re.Pattern[str], text: str, name: str) -> str:
    match = pattern.search(text)
    return match.group(name) if match else ""
