"""Which pages the site has: their source paths, titles and navigation.

A page here is a plan (template + edition); :mod:`render` turns it into HTML, and its table of contents is
read from the headings of that HTML (:mod:`toc`). Pages are named by source path only: their URLs are
MkDocs' to make (:mod:`links`). Titles handed to MkDocs
and Material are HTML, because Material's templates print them without escaping: escaped text, each
language in its own ``lang``-marked span, so that the reading mode can show one or both and screen readers
announce each in its language (see :func:`label_html`).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .catalog import Status
from .glossary import Glossary
from .models import Edition

HOME = "index.md"
GLOSSARY = "glossary.md"


@dataclass(frozen=True)
class Label:
    """A piece of text in both languages; ``interface`` labels put the English first."""

    zh: str
    en: str = ""
    interface: bool = False

    def plain(self) -> str:
        if not self.en:
            return self.zh
        return f"{self.en} · {self.zh}" if self.interface else f"{self.zh} · {self.en}"


def ui(en: str, zh: str) -> Label:
    return Label(zh=zh, en=en, interface=True)


@dataclass(frozen=True)
class PagePlan:
    src_uri: str
    template: str
    title: Label
    nav_title: Label
    edition: Edition | None = None
    part_number: int = 0
    description: str = ""
    searchable: bool = True
    """Whether the search index holds the page (search_index.py); the About page's report is not for finding."""


def overview_uri(edition: Edition) -> str:
    return f"{edition.slug}/index.md"


def part_uri(edition: Edition, number: int) -> str:
    return f"{edition.slug}/part-{number}.md"


def apparatus_uri(edition: Edition, name: str) -> str:
    """A page about the article: ``references`` or ``about``."""
    return f"{edition.slug}/{name}.md"


def bibtex_uri(edition: Edition) -> str:
    """The article's BibTeX file, offered for download beside its overview."""
    return f"{edition.slug}/{edition.slug}.bib"


def unit_label(edition: Edition, unit_id: str, zh: str) -> Label:
    """The Chinese of a unit with its English, when the English is current."""
    translation = edition.english(unit_id)
    return Label(zh=zh, en=translation.en if translation.status is Status.TRANSLATED else "")


def article_pages(edition: Edition) -> list[PagePlan]:
    article = edition.article
    title = unit_label(edition, "title", article.title)
    abstract = edition.english("abstract")
    pages = [
        PagePlan(
            src_uri=overview_uri(edition),
            template="overview.html",
            title=title,
            nav_title=ui("Overview", "概览"),
            edition=edition,
            description=abstract.en if abstract.status is Status.TRANSLATED else article.abstract,
        )
    ]
    for part in article.parts:
        heading = unit_label(edition, part.id, part.heading)
        pages.append(
            PagePlan(
                src_uri=part_uri(edition, part.number),
                template="part.html",
                title=heading,
                nav_title=heading if part.numbered else numbered_label(part.number, heading),
                edition=edition,
                part_number=part.number,
                description=f"Part {part.number} of {title.plain()}: {heading.plain()}",
            )
        )
    pages.append(
        _apparatus_page(
            edition, "references", ui("References and notes", "参考文献与注释"),
            description=f"References, author note and funding note of {title.plain()}",
        )
    )
    pages.append(
        _apparatus_page(
            edition, "about", ui("About this text", "关于本文本"),
            description=f"Source, cleaning report, editorial corrections and translation of {title.plain()}",
            searchable=False,
        )
    )
    return pages


def numbered_label(number: int, label: Label) -> Label:
    """A part's heading with its number, for a source whose headings carry none (``1. 聚焦短板…``)."""
    return Label(f"{number}. {label.zh}", f"{number}. {label.en}" if label.en else "")


def _apparatus_page(
    edition: Edition, name: str, label: Label, *, description: str, searchable: bool = True
) -> PagePlan:
    """A page about the article (references, About): titled with the article's title after its own."""
    title = unit_label(edition, "title", edition.article.title)
    return PagePlan(
        src_uri=apparatus_uri(edition, name),
        template=f"{name}.html",
        title=ui(f"{label.en} — {title.en or title.zh}", f"{label.zh} — {title.zh}"),
        nav_title=label,
        edition=edition,
        description=description,
        searchable=searchable,
    )


def home_page(site_description: str) -> PagePlan:
    return PagePlan(
        src_uri=HOME,
        template="home.html",
        title=ui("Bilingual reading editions of Chinese policy texts", "中文政策文本中英对照精读本"),
        nav_title=ui("Home", "首页"),
        description=site_description,
    )


def glossary_page(glossary: Glossary) -> PagePlan:
    return PagePlan(
        src_uri=GLOSSARY,
        template="glossary.html",
        title=ui("Glossary", "术语表"),
        nav_title=ui("Glossary", "术语表"),
        description="Terms of art, slogans and institutions of Chinese governance in the articles: pinyin, English, explanation and every place they are used.",
    )


def navigation(editions: list[Edition], plans: dict[str, PagePlan]) -> list:
    """The ``nav`` setting: home, the glossary, then each article as a section whose index is its overview."""
    nav: list = [{label_html(plans[HOME].nav_title): HOME}]
    if GLOSSARY in plans:
        nav.append({label_html(plans[GLOSSARY].nav_title): GLOSSARY})
    for edition in editions:
        entries = [
            {label_html(plan.nav_title): plan.src_uri}
            for plan in plans.values()
            if plan.edition is edition and plan.src_uri != overview_uri(edition)
        ]
        title = unit_label(edition, "title", edition.article.title)
        nav.append({label_html(title): [overview_uri(edition), *entries]})
    return nav


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def label_html(label: Label) -> str:
    """A label as HTML for the theme: each language escaped, in its own span with its ``lang``.

    >>> label_html(Label("分税制<后>", "tax-sharing"))
    '<span class="dd-zh" lang="zh-Hans">分税制&lt;后&gt;</span><span class="dd-sep"> · </span><span class="dd-en" lang="en">tax-sharing</span>'
    """
    if not label.en:  # nothing to switch to: the Chinese shows in every mode
        return f'<span lang="zh-Hans">{escape(label.zh)}</span>'
    zh = f'<span class="dd-zh" lang="zh-Hans">{escape(label.zh)}</span>'
    en = f'<span class="dd-en" lang="en">{escape(label.en)}</span>'
    separator = '<span class="dd-sep"> · </span>'
    return en + separator + zh if label.interface else zh + separator + en
