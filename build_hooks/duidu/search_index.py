"""What the site's search indexes: one Pagefind record per page, its text in the words a query is cut into.

Pagefind segments Chinese only when a page is marked Chinese, and then cuts a query differently from the
index (分|税制 against 分税制), so that a query can miss the very words it names. Here both sides cut Chinese
the same way: every run of Han characters becomes its overlapping character pairs (分税制 → 分税 税制), and
the search box (docs/assets/duidu-search.js) makes the same pairs of a query. A query then finds every
page holding all its pairs, whatever words a dictionary would have seen. English stays words (Pagefind
stems them), and each unit that uses a glossary term carries the term's toneless pinyin, so that
``fenshuizhi`` or ``fen shui zhi`` finds the paragraph that says 分税制.

A record is a page: Pagefind keeps a few bytes of metadata per record, which a reader's first query
downloads, so records per paragraph would make that download grow with the library. The paragraph a
match stands in is found in the browser instead: the record's ``units`` meta gives, for each unit of the
page, its anchor and where its words start in the record's content.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from pypinyin import lazy_pinyin

from .glossary import Glossary, Term
from .site import GLOSSARY, PagePlan, current_english

SHARD_ARTICLES = 50
"""Articles indexed together: Pagefind's indexer holds some 5–7 MB an article until it writes, so a library is
indexed a shard at a time, each a bundle of its own that the search box merges (Pagefind's ``mergeIndex``,
which shares the first bundle's WebAssembly: a shard adds a few KB to a query, not a second engine)."""

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_PIECES = re.compile(f"[{HAN}]+|[^{HAN}\\s]+")
HAN_RUN = re.compile(f"[{HAN}]+")


def han_pairs(run: str) -> list[str]:
    """A run of Han characters as its overlapping pairs; a single character stands for itself.

    >>> han_pairs("分税制")
    ['分税', '税制']
    >>> han_pairs("税")
    ['税']
    """
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def words(text: str) -> list[str]:
    """Text as the words Pagefind indexes: Han runs as pairs, anything else as it stands between spaces.
    Punctuation stays a word of its own, so that the browser can put the Chinese back together for an
    excerpt (a run's pairs overlap by one character; runs are always parted by some other word).

    >>> words("实行分税制，tax-sharing 制度")
    ['实行', '行分', '分税', '税制', '，tax-sharing', '制度']
    """
    result: list[str] = []
    for piece in _PIECES.findall(text):
        result.extend(han_pairs(piece) if HAN_RUN.fullmatch(piece) else [piece])
    return result


def toneless(pinyin: str) -> str:
    """Pinyin without its tone marks.

    >>> toneless("fēn shuì zhì")
    'fen shui zhi'
    """
    decomposed = unicodedata.normalize("NFD", pinyin)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


_PINYIN_WORD = re.compile(r"[a-zü]+")


def term_words(term: Term) -> list[str]:
    """What finds a term besides its Chinese: its pinyin word by word as the glossary writes it (GB/T 16159:
    ``jiceng zhili``), syllable by syllable (``ji ceng zhi li``), all joined (``jicengzhili``), and its English.

    >>> from duidu.glossary import Term
    >>> term_words(Term("ji-ceng-zhi-li", "基层治理", (), "jīcéng zhìlǐ", "primary-level governance", (), ""))
    ['jiceng', 'zhili', 'ji', 'ceng', 'zhi', 'li', 'jicengzhili', 'primary-level', 'governance']
    """
    words = _PINYIN_WORD.findall(toneless(term.pinyin).lower())
    syllables = [s for s in lazy_pinyin(term.term, errors="ignore") if s not in words]
    return [*words, *syllables, "".join(words), *term.english.split()]


@dataclass(frozen=True)
class SearchUnit:
    """A piece of a page a result can link to: its anchor, its Chinese and English, and words that find it
    without being shown (the pinyin and English of the glossary terms it uses)."""

    anchor: str
    zh: str
    en: str = ""
    extra: tuple[str, ...] = ()

    @cached_property
    def zh_words(self) -> list[str]:
        return words(self.zh)

    @cached_property
    def en_words(self) -> list[str]:
        return self.en.split()


def unit_words(unit: SearchUnit) -> list[str]:
    return [*unit.zh_words, *unit.en_words, *unit.extra]


@dataclass(frozen=True)
class SearchRecord:
    url: str
    """The page's URL relative to the site's root (``slug/part-2/``)."""
    title: str
    article: str
    """The title of the article the page belongs to (empty for a glossary entry)."""
    kind: str
    """``text`` for the articles' pages, ``glossary`` for glossary entries: the search box lists them apart.
    A meta field, not a Pagefind filter: Pagefind writes a filter's map in the order of a hash table seeded
    afresh in each run, and two builds of one site would differ."""
    units: tuple[SearchUnit, ...]
    shard: int = 0
    """The bundle the record is indexed in (:data:`SHARD_ARTICLES`); the glossary's are in the first."""
    origin: str = ""
    """What the record is made from besides the code and the glossary: its edition's key (``glossary`` for a
    glossary entry; empty when unknown). Lets an unchanged shard be known without cutting its words."""

    def content(self) -> str:
        return " ".join(word for unit in self.units for word in unit_words(unit))

    def unit_map(self) -> str:
        """For each unit: ``anchor start zh en``: its anchor, the index of its first word in :meth:`content`,
        and how many of its words are Chinese and English (the rest find it but are not shown)."""
        entries = []
        start = 0
        for unit in self.units:
            zh, en = len(unit.zh_words), len(unit.en_words)
            entries.append(f"{unit.anchor} {start} {zh} {en}")
            start += zh + en + len(unit.extra)
        return ";".join(entries)


def marked_extra(glossary: Glossary, zh: str) -> tuple[str, ...]:
    """The pinyin and English of every glossary term the text uses, once each."""
    terms = {match.term.id: match.term for match in glossary.index.find(zh)}
    return tuple(word for term in terms.values() for word in term_words(term))


def page_units(plan: PagePlan, glossary: Glossary) -> Iterator[SearchUnit]:
    """The units of an article page, in page order, as its template shows them."""
    edition = plan.edition
    assert edition is not None
    article = edition.article

    def unit(anchor: str, zh: str, marked: bool = False) -> SearchUnit:
        return SearchUnit(anchor, zh, current_english(edition, anchor), marked_extra(glossary, zh) if marked else ())

    if plan.template == "overview.html":
        yield unit("title", article.title)
        keywords = [(f"keyword-{n}", word) for n, word in enumerate(article.keywords, start=1)]
        if keywords:
            yield SearchUnit(
                "title", " ".join(word for _, word in keywords), " ".join(current_english(edition, k) for k, _ in keywords)
            )
        if article.abstract:
            yield unit("abstract", article.abstract, marked=True)
        for paragraph in article.introduction:
            yield unit(paragraph.id, paragraph.text, marked=True)
    elif plan.template == "part.html":
        part = article.parts[plan.part_number - 1]
        yield unit(part.id, part.heading)
        for paragraph in part.preface:
            yield unit(paragraph.id, paragraph.text, marked=True)
        for section in part.sections:
            yield unit(section.id, section.heading)
            for paragraph in section.paragraphs:
                yield unit(paragraph.id, paragraph.text, marked=True)
    elif plan.template == "references.html":
        if article.author_note:
            yield unit("note-author", article.author_note)
        if article.funding_note:
            yield unit("note-funding", article.funding_note)
        for reference in article.references:
            unit_id = f"ref-{reference.number}-title" if reference.title else f"ref-{reference.number}"
            yield SearchUnit(f"ref-{reference.number}", reference.raw, current_english(edition, unit_id))


def glossary_records(glossary: Glossary, url: str) -> Iterator[SearchRecord]:
    """One record per entry: a query for a term lists its entry apart from the passages that use it."""
    for term in glossary.terms:
        yield SearchRecord(
            url=f"{url}#{term.id}",
            title=f"{term.term} · {term.english}",
            article="",
            kind="glossary",
            units=(
                SearchUnit(
                    term.id,
                    "、".join(term.forms),
                    term.english,
                    (*term_words(term), *term.english_variants, *term.explanation.split()),
                ),
            ),
            origin="glossary",
        )


def shard_count(articles: int) -> int:
    """How many bundles the search index of a library of this many articles is written in."""
    return max(1, -(-articles // SHARD_ARTICLES))


def site_records(
    plans: Iterable[PagePlan], glossary: Glossary, url_of: dict[str, str]
) -> Iterator[SearchRecord]:
    """Every record of the site: each searchable article page, then the glossary's entries.

    ``url_of`` gives each page's URL by source path (MkDocs decides URLs, see :mod:`links`)."""
    articles: dict[str, int] = {}
    for plan in plans:
        if plan.edition is None or not plan.searchable:
            continue
        number = articles.setdefault(plan.edition.slug, len(articles))
        units = tuple(page_units(plan, glossary))
        if units:
            yield SearchRecord(
                url=url_of[plan.src_uri],
                title=plan.title.plain(),
                article=plan.edition.article.title,
                kind="text",
                units=units,
                shard=number // SHARD_ARTICLES,
                origin=plan.edition.source_key,
            )
    if glossary.terms and GLOSSARY in url_of:
        yield from glossary_records(glossary, url_of[GLOSSARY])
