"""Which pages the site has: their source paths, titles, table-of-contents entries and navigation.

A page here is a plan (template + edition); :mod:`render` turns it into HTML. Titles handed to MkDocs
and Material are HTML, because Material's templates print them without escaping: escaped text, with the
Chinese marked so that screen readers announce it in Chinese (see :func:`title_html`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .models import Edition

HOME = "index.md"


@dataclass(frozen=True)
class TocEntry:
    id: str
    title: str
    level: int
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class PagePlan:
    src_uri: str
    template: str
    title: str
    """Plain text; escaped where it is handed to the theme."""
    nav_title: str
    edition: Edition | None = None
    part_number: int = 0
    description: str = ""
    searchable: bool = True
    toc: tuple[TocEntry, ...] = field(default=())


def article_pages(edition: Edition) -> list[PagePlan]:
    article = edition.article
    base = edition.slug
    pages = [
        PagePlan(
            src_uri=f"{base}/index.md",
            template="overview.html",
            title=article.title,
            nav_title="Overview · 概览",
            edition=edition,
            description=article.abstract,
            toc=tuple(
                TocEntry(id, title, 2)
                for id, title in (
                    ("abstract", "Abstract · 摘要"),
                    ("introduction", "Introduction · 引言"),
                    ("contents", "Contents · 目录"),
                )
            ),
        )
    ]
    for part in article.parts:
        pages.append(
            PagePlan(
                src_uri=f"{base}/part-{part.number}.md",
                template="part.html",
                title=part.heading,
                nav_title=f"{part.number}. {part.heading}",
                edition=edition,
                part_number=part.number,
                description=f"{article.title}: {part.heading}",
                toc=tuple(TocEntry(s.id, s.heading, 2) for s in part.sections),
            )
        )
    pages.append(
        PagePlan(
            src_uri=f"{base}/references.md",
            template="references.html",
            title=f"References and notes · 参考文献与注释 — {article.title}",
            nav_title="References and notes · 参考文献",
            edition=edition,
            description=f"References and notes of {article.title}",
            toc=(TocEntry("notes", "Notes · 注释", 2), TocEntry("references", "References · 参考文献", 2)),
        )
    )
    pages.append(
        PagePlan(
            src_uri=f"{base}/about.md",
            template="about.html",
            title=f"About this text · 关于本文本 — {article.title}",
            nav_title="About this text · 关于本文本",
            edition=edition,
            description=f"Source, cleaning report and editorial corrections of {article.title}",
            searchable=False,
            toc=tuple(
                TocEntry(id, title, 2)
                for id, title in (
                    ("source", "Source · 来源"),
                    ("cleaning", "Cleaning report · 清理报告"),
                    ("corrections", "Editorial corrections · 校勘"),
                )
            ),
        )
    )
    return pages


def home_page(site_description: str) -> PagePlan:
    return PagePlan(
        src_uri=HOME,
        template="home.html",
        title="Duidu 对读",
        nav_title="Home · 首页",
        description=site_description,
    )


def navigation(editions: list[Edition], plans: dict[str, PagePlan]) -> list:
    """The ``nav`` setting: home, then each article as a section whose index is its overview."""
    nav: list = [{title_html(plans[HOME].nav_title): HOME}]
    for edition in editions:
        entries = [
            {title_html(plan.nav_title): plan.src_uri}
            for plan in plans.values()
            if plan.edition is edition and not plan.src_uri.endswith("/index.md")
        ]
        nav.append({title_html(edition.article.title): [f"{edition.slug}/index.md", *entries]})
    return nav


def page_url(src_uri: str) -> str:
    """The URL MkDocs gives a page with ``use_directory_urls`` (``a/part-1.md`` → ``a/part-1/``)."""
    path = src_uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        return path.removesuffix("index")
    return path + "/"


def escape(text: str) -> str:
    return html.escape(text, quote=True)


_CHINESE_RUN = re.compile(
    r"[“‘《（]?[\u3400-\u9fff][\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》…—·0-9]*"
)


def title_html(text: str) -> str:
    """A title as HTML for the theme: escaped, with each Chinese run marked ``lang="zh-Hans"``.

    >>> title_html("2. 分税制<后> · Overview")
    '2. <span lang="zh-Hans">分税制</span>&lt;<span lang="zh-Hans">后</span>&gt; · Overview'
    """
    parts = []
    position = 0
    for match in _CHINESE_RUN.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f'<span lang="zh-Hans">{escape(match.group(0))}</span>')
        position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)
