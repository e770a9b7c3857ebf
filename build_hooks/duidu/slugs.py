"""Readable URL pieces: the toneless pinyin of Chinese text, hyphenated."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

RESERVED = frozenset({"index", "glossary", "search", "assets", "404", "sitemap"})
"""Names the site's own pages and files take at its top level (the home page, the glossary, Material's search
index and assets, the 404 page, the sitemap): no article may have them as its URL."""


def hyphenate(text: str) -> str:
    """Lower-case letters and digits, every other run of characters one hyphen.

    >>> hyphenate("000_187D118a")
    '000-187d118a'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pinyin_slug(text: str, max_length: int | None = None) -> str:
    """The toneless pinyin of ``text``, a hyphen between syllables, cut at a hyphen to ``max_length``.

    >>> pinyin_slug("以高水平治理提升基层“免疫力”"), pinyin_slug("社区“两委”")
    ('yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li', 'she-qu-liang-wei')
    """
    slug = "-".join(word for word in map(hyphenate, lazy_pinyin(text)) if word)
    if max_length is not None and len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
