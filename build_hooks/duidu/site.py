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
from typing import TYPE_CHECKING

from .catalog import Status
from .glossary import Glossary, Term
from .models import Edition, Part
from .slugs import pinyin_slug

if TYPE_CHECKING:  # terminology reads the page paths from here
    from .terminology import Usage

HOME = "index.md"
GLOSSARY = "glossary.md"
LIBRARY = "library/index.md"
CREDITS = "credits.md"
DATA = "data.md"
"""The page documenting the open data files (the aligned text, TMX, PO, the glossary as CSV and Anki)."""
SCHEMA_URI = "data/aligned-text.schema.json"
GLOSSARY_FILES = ("glossary.csv", "glossary.apkg")
SHELF_PAGE = 50
"""Articles listed on one page of a shelf (the rest on ``page/2/``, ``page/3/``…, as Material's blog paginates)."""
TERM_USES_PAGE = 100
"""Uses of a term listed on one page of its own (the glossary page gives only their number)."""
HOME_ARTICLES = 10
"""The newest articles the home page shows; the library lists them all."""
OTHER = "other"


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
    listing: Listing | None = None
    """For a page of the library: the shelf and the articles it lists."""
    uses: TermUses | None = None
    """For a page of a glossary term: the term and the uses it lists."""


@dataclass(frozen=True)
class Shelf:
    """The articles of one periodical (``other`` for those whose source names none)."""

    key: str
    """The periodical's pinyin, hyphenated: the shelf's URL (``library/ren-min-lun-tan/``)."""
    label: Label
    editions: tuple[Edition, ...]

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.editions) // SHELF_PAGE))


@dataclass(frozen=True)
class Listing:
    shelf: Shelf
    page: int
    """1-based."""
    editions: tuple[Edition, ...]


@dataclass(frozen=True)
class TermUses:
    """One page of the places a glossary term is used."""

    term: Term
    page: int
    """1-based."""
    pages: int
    uses: tuple[Usage, ...]
    """This page's uses, in reading order of the library."""
    total: int
    """Uses on every page."""


def term_uri(term_id: str, page: int = 1) -> str:
    return f"glossary/{term_id}.md" if page == 1 else f"glossary/{term_id}/page/{page}.md"


def term_pages(glossary: Glossary, usages: dict[str, list[Usage]]) -> list[PagePlan]:
    """A page (or a few) per used term listing where it is used: the glossary page itself lists only how
    often, so that neither grows past a page's worth with the library."""
    plans = []
    for term in glossary.terms:
        uses = usages.get(term.id, [])
        pages = -(-len(uses) // TERM_USES_PAGE)
        for page in range(1, pages + 1):
            suffix = f" (page {page} of {pages})" if pages > 1 else ""
            plans.append(
                PagePlan(
                    src_uri=term_uri(term.id, page),
                    template="term.html",
                    title=ui(f"{term.english}: where it is used{suffix}", f"{term.term}：出处"),
                    nav_title=Label(term.term, term.english),
                    description=f"Every paragraph of Duidu that uses {term.term} ({term.english}){suffix}.",
                    searchable=False,
                    uses=TermUses(term, page, pages, tuple(uses[(page - 1) * TERM_USES_PAGE : page * TERM_USES_PAGE]), len(uses)),
                )
            )
    return plans


def shelves(editions: list[Edition]) -> list[Shelf]:
    """The library's shelves, one per periodical, in pinyin order, ``other`` last; each newest first.

    Periodicals, because every article of the mirror family names its periodical (or the publisher whose
    notice does) in one form, while the columns of the source site's breadcrumb differ from site to site and
    many pages give no year. The navigation lists only the library: however many periodicals there are, no
    page's navigation grows with them.
    """
    by_journal: dict[str, list[Edition]] = {}
    for edition in editions:
        by_journal.setdefault(edition.metadata.journal, []).append(edition)
    result = []
    for journal, members in by_journal.items():
        key = pinyin_slug(journal, 60) if journal else ""
        label = unit_label(members[0], "journal", journal) if journal else ui("Other sources", "其他来源")
        result.append(Shelf(key or OTHER, label, tuple(newest(members, len(members)))))
    return sorted(result, key=lambda shelf: (shelf.key == OTHER, shelf.key))


def shelf_uri(key: str, page: int = 1) -> str:
    return f"library/{key}/index.md" if page == 1 else f"library/{key}/page/{page}.md"


def newest(editions: list[Edition], count: int = HOME_ARTICLES) -> list[Edition]:
    """The ``count`` newest articles: by year, latest first, then by file name, last first."""
    ranked = sorted(enumerate(editions), key=lambda pair: (pair[1].metadata.year or "0", pair[0]), reverse=True)
    return [edition for _, edition in ranked[:count]]


def library_pages(editions: list[Edition]) -> list[PagePlan]:
    """The library's index and every page of every shelf."""
    pages = [
        PagePlan(
            src_uri=LIBRARY,
            template="library.html",
            title=ui("Library", "文库"),
            nav_title=ui("Library", "文库"),
            description=f"All {len(editions)} articles of Duidu by periodical.",
            searchable=False,
        )
    ]
    for shelf in shelves(editions):
        for page in range(1, shelf.pages + 1):
            chunk = shelf.editions[(page - 1) * SHELF_PAGE : page * SHELF_PAGE]
            suffix = f" (page {page} of {shelf.pages})" if shelf.pages > 1 else ""
            pages.append(
                PagePlan(
                    src_uri=shelf_uri(shelf.key, page),
                    template="shelf.html",
                    title=ui(f"{shelf.label.en or shelf.label.zh}{suffix}", shelf.label.zh),
                    nav_title=shelf.label,
                    description=f"Articles of Duidu from {shelf.label.en or shelf.label.zh}{suffix}.",
                    searchable=False,
                    listing=Listing(shelf, page, chunk),
                )
            )
    return pages


def overview_uri(edition: Edition) -> str:
    return f"{edition.slug}/index.md"


def part_uri(edition: Edition, part: Part) -> str:
    """A part's page is named by its id, which never moves (:mod:`ids`): ``slug/part-2.md``."""
    return f"{edition.slug}/{part.id}.md"


def apparatus_uri(edition: Edition, name: str) -> str:
    """A page about the article: ``references`` or ``about``."""
    return f"{edition.slug}/{name}.md"


def ids_uri(edition: Edition) -> str:
    """Where each of the article's ids is, and where each retired one leads (:func:`ids.id_map`)."""
    return f"{edition.slug}/ids.json"


def article_file_uri(edition: Edition, name: str) -> str:
    """A file offered for download beside the article's overview (``slug/slug.ris``); the schema is the site's."""
    return SCHEMA_URI if name == SCHEMA_URI.rsplit("/", 1)[1] else f"{edition.slug}/{name}"


def bibtex_uri(edition: Edition) -> str:
    """The article's BibTeX file, offered for download beside its overview."""
    return f"{edition.slug}/{edition.slug}.bib"


def current_english(edition: Edition, unit_id: str) -> str:
    """A unit's English, if it is current (translated and not outdated); else ""."""
    translation = edition.english(unit_id)
    return translation.en if translation.status is Status.TRANSLATED else ""


def unit_label(edition: Edition, unit_id: str, zh: str) -> Label:
    """The Chinese of a unit with its English, when the English is current."""
    return Label(zh=zh, en=current_english(edition, unit_id))


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
                src_uri=part_uri(edition, part),
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
        description="Terms of art, slogans and institutions of Chinese governance in the articles: pinyin, English, explanation and how often they are used.",
    )


def credits_page() -> PagePlan:
    return PagePlan(
        src_uri=CREDITS,
        template="credits.html",
        title=ui("About Duidu and credits", "关于对读与致谢"),
        nav_title=ui("About Duidu", "关于对读"),
        description="What Duidu is, and the dictionaries, data and software its pages are made with, with their licences.",
        searchable=False,
    )


def data_page() -> PagePlan:
    return PagePlan(
        src_uri=DATA,
        template="data.html",
        title=ui("Open data: the formats", "开放数据：文件格式"),
        nav_title=ui("Open data", "开放数据"),
        description="The aligned Chinese and English of every article as JSON (with its JSON Schema), TMX and PO, "
        "and the glossary as CSV and an Anki deck: what each file holds.",
        searchable=False,
    )


def navigation(editions: list[Edition], plans: dict[str, PagePlan]) -> list:
    """The ``nav`` setting: the home page, the library, the glossary, the open data and the credits.

    Articles are not in it: a page's navigation is this, plus its own article's pages (:func:`article_entries`,
    added page by page), so that no page's navigation grows with the library."""
    nav: list = [{label_html(plans[HOME].nav_title): HOME}]
    if LIBRARY in plans:
        nav.append({label_html(plans[LIBRARY].nav_title): LIBRARY})
    if GLOSSARY in plans:
        nav.append({label_html(plans[GLOSSARY].nav_title): GLOSSARY})
    if DATA in plans:
        nav.append({label_html(plans[DATA].nav_title): DATA})
    if CREDITS in plans:
        nav.append({label_html(plans[CREDITS].nav_title): CREDITS})
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
