"""Separate the article from the page around it: spam and site chrome go, the masthead is kept as metadata.

The article runs from its title (the last line before 【摘要】) to the end of its references (or notes).
Before the title, the breadcrumb gives the categories; after the article, the editors line and the
copyright notice (printed twice by the source page) are metadata. Everything else outside is chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import Change, Masthead, SeedError

CHROME_RULE = "strip page chrome and spam"

ABSTRACT_MARK = "【摘要】"
MAX_TITLE_LENGTH = 80
_BREADCRUMB = re.compile(r"^首页\s*>\s*(?P<trail>.+)$")
_EDITORS = re.compile(r"(?P<role>责编|美编|编辑|校对|审核)\s*/\s*(?P<name>[^\s/]+)")
_RESPONSIBLE_EDITOR = re.compile(r"^[\[【]责任编辑[:：](?P<name>[^\]】]+)[\]】]$")
_NOTICE = re.compile(r"^声明[:：]")
_PUBLISHER = re.compile(r"本文[为系](?P<publisher>[^，,。]+?)(?:原创|独家|授权)")
_REFERENCE_ENTRY = re.compile(r"^(?:[①-⑳]|\[\d+\])")
_ARTICLE_END_MARKS = (re.compile(r"^【注[:：].*】$"), re.compile(r"^[（(]作者.*[）)]$"))


@dataclass(frozen=True)
class NumberedLine:
    number: int
    """1-based line of the seed."""
    text: str


@dataclass(frozen=True)
class PageSplit:
    title: NumberedLine
    body: tuple[NumberedLine, ...]
    """The lines after the title, up to the article's last line; blank lines dropped."""
    masthead: Masthead
    changes: tuple[Change, ...]


def split_page(lines: list[str]) -> PageSplit:
    numbered = [NumberedLine(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    abstract_at = next((i for i, line in enumerate(numbered) if line.text.startswith(ABSTRACT_MARK)), None)
    if abstract_at is None or abstract_at == 0:
        raise SeedError(f"no recognisable title: no line before a {ABSTRACT_MARK} line")
    title = numbered[abstract_at - 1]
    if len(title.text) > MAX_TITLE_LENGTH or _BREADCRUMB.match(title.text) or " > " in title.text:
        raise SeedError(f"no recognisable title: line {title.number} before {ABSTRACT_MARK} is not a title")
    front, rest = numbered[: abstract_at - 1], numbered[abstract_at:]
    end = _article_end(rest)
    body, back = rest[:end], rest[end:]

    categories: tuple[str, ...] = ()
    changes: list[Change] = []
    for line in front:
        breadcrumb = _BREADCRUMB.match(line.text)
        if breadcrumb and not categories:
            trail = [item.strip() for item in breadcrumb.group("trail").split(">")]
            categories = tuple(item for item in trail if item and item != "正文")
        changes.append(Change(CHROME_RULE, line.number, line.text, ""))

    editors: list[tuple[str, str]] = []
    notice = ""
    for line in back:
        for match in _EDITORS.finditer(line.text):
            _add_editor(editors, match.group("role"), match.group("name"))
        responsible = _RESPONSIBLE_EDITOR.match(line.text)
        if responsible:
            _add_editor(editors, "责编", responsible.group("name").strip())
        if _NOTICE.match(line.text) and not notice:
            notice = line.text
        changes.append(Change(CHROME_RULE, line.number, line.text, ""))

    publisher = _PUBLISHER.search(notice)
    masthead = Masthead(
        categories=categories,
        editors=tuple(editors),
        notice=notice,
        publisher=publisher.group("publisher") if publisher else "",
    )
    return PageSplit(title=title, body=tuple(body), masthead=masthead, changes=tuple(changes))


def _add_editor(editors: list[tuple[str, str]], role: str, name: str) -> None:
    if (role, name) not in editors:
        editors.append((role, name))


def _article_end(lines: list[NumberedLine]) -> int:
    """Index just past the article's last line: its last reference, else its last note."""
    references_at = next((i for i, line in enumerate(lines) if line.text.startswith("【参考文献】")), None)
    if references_at is not None:
        end = references_at + 1
        while end < len(lines) and _REFERENCE_ENTRY.match(lines[end].text):
            end += 1
        return end
    notes = [i for i, line in enumerate(lines) if any(mark.match(line.text) for mark in _ARTICLE_END_MARKS)]
    if notes:
        return notes[-1] + 1
    back_matter = [
        i
        for i, line in enumerate(lines)
        if _EDITORS.search(line.text) or _NOTICE.match(line.text) or _RESPONSIBLE_EDITOR.match(line.text)
    ]
    return back_matter[0] if back_matter else len(lines)
