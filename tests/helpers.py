"""Reading the built site: pages, their article content and its Chinese text."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
from bs4 import BeautifulSoup

_T2S = opencc.OpenCC("t2s")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(page: BeautifulSoup):
    """The page's article body (what the hook rendered), without Material's chrome."""
    return page.select_one("article.md-content__inner")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def chinese_text(node) -> str:
    return "\n".join(el.get_text() for el in node.select('[lang="zh-Hans"]'))


def traditional_characters(text: str) -> set[str]:
    """Characters that are Traditional only: OpenCC simplifies them and GB2312 (the Simplified set) lacks them.

    著 stays legitimate (显著), since GB2312 holds it.
    """
    found = set()
    for ch in set(HAN.findall(text)):
        if _T2S.convert(ch) != ch:
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                found.add(ch)
    return found
