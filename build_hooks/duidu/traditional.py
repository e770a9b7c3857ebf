"""The Chinese of a page in Traditional characters, for the reading aid that shows it (loaded on demand).

Made from the page's own HTML once it is written (so a page kept from an earlier build gets it too): every
element of the article marked ``lang="zh-Hans"`` (paragraphs, headings, keywords, titles), in document
order, with its inner HTML converted by OpenCC ``s2t`` outside the tags (a glossary term's link stays a
link). The reader's browser swaps each in place and marks it ``lang="zh-Hant"``. Nested ``zh-Hans``
elements are converted with their parent, not listed twice.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

import opencc

SUFFIX = ".zh-hant.json"
"""Of the file beside each page (``index.zh-hant.json``, or ``part-2.zh-hant.json`` beside ``part-2.html``):
docs/assets/duidu.js fetches it when the reader asks for Traditional."""
TAG = re.compile(r"(<[^>]+>)")
"""Splits a fragment of the build's own HTML into its tags and the text between (words.py reads the same
text nodes this converts)."""


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional_html(html: str) -> str:
    """Convert the text of an HTML fragment, leaving its tags (and their attributes) as they are.

    >>> to_traditional_html('基层<a href="#x" data-term="ji-ceng">治理</a>后遗症')
    '基層<a href="#x" data-term="ji-ceng">治理</a>後遺症'
    """
    return "".join(piece if piece.startswith("<") else _converted(piece) for piece in TAG.split(html))


@lru_cache(maxsize=1 << 16)
def _converted(text: str) -> str:
    """A text converted once a build: a library's pages quote the same paragraphs again and again."""
    return _s2t().convert(text)


_TAGS = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*)</article>', re.S)


def traditional_blocks(page_html: str) -> list[str]:
    """The inner HTML of each outermost Simplified-Chinese element of the page's article, in Traditional.

    >>> traditional_blocks('<article class="md-content__inner md-typeset"><h1><span lang="zh-Hans">术语<b>表</b></span>'
    ...                    ' <span lang="en">Glossary</span></h1><p lang="zh-Hans">后来<br>发展</p></article>')
    ['術語<b>表</b>', '後來<br>發展']
    """
    return [to_traditional_html(block) for block in article_blocks(page_html)]


@lru_cache(maxsize=2)  # the Traditional file and the words file of one page read the same blocks
def article_blocks(page_html: str) -> tuple[str, ...]:
    """The inner HTML of each outermost Simplified-Chinese element of the page's article, in document order
    (the elements docs/assets/duidu.js swaps and annotates). The article's tags are read with one regular
    expression (the pages are the build's own, well formed): an HTML parser would cost more than the page's
    rendering."""
    article = _ARTICLE.search(page_html)
    if article is None:
        return ()
    html = article.group(1)
    blocks: list[str] = []
    depth, opened_at, open_depth = 0, -1, 0
    for tag in _TAGS.finditer(html):
        closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3)
        if name in _VOID or rest.endswith("/"):
            continue
        if not closing:
            depth += 1
            if opened_at < 0 and 'lang="zh-Hans"' in rest:
                opened_at, open_depth = tag.end(), depth
        else:
            if opened_at >= 0 and depth == open_depth:
                blocks.append(html[opened_at : tag.start()])
                opened_at = -1
            depth -= 1
    return tuple(blocks)


def traditional_json(page_html: str) -> str | None:
    """The page's Traditional file, or None when its article holds no Chinese."""
    blocks = traditional_blocks(page_html)
    return json.dumps(blocks, ensure_ascii=False, separators=(",", ":")) if blocks else None
