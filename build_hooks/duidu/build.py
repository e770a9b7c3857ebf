"""What the hook asks for: the site built from seeds/, its pages added to MkDocs, each page's meta and HTML."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .atomic_write import replace_file
from .citation import cite, csl_json, highwire_tags, ris
from .edition_cache import FOLDER as CACHE_FOLDER
from .edition_cache import EditionCache, code_version
from .glossary import GLOSSARY_FILE, Glossary, Term, load_glossary
from .ids import id_map, kind_of, part_of_ids
from .links import SiteFiles
from .loaded_code import CodeState, changed_files, code_state, restart_notice
from .models import Edition, Note, SeedError
from .open_data import aligned_text_json, anki_deck, glossary_csv, json_bytes, schema, tmx
from .page_cache import FOLDER as PAGE_FOLDER
from .page_cache import PageCache, navigation_fingerprint, page_key, plan_fingerprint, render_version
from .pipeline import build_editions
from .render import moved_page, render_page
from .search_index import SearchRecord, shard_count, site_records
from .site import (
    CREDITS,
    DATA,
    GLOSSARY,
    GLOSSARY_FILES,
    SCHEMA_URI,
    HOME,
    PagePlan,
    article_file_uri,
    article_pages,
    credits_page,
    data_page,
    escape,
    glossary_page,
    home_page,
    ids_uri,
    label_html,
    library_pages,
    navigation,
    overview_uri,
    part_uri,
    term_pages,
    unit_label,
)
from .terminology import Usage, inconsistencies, term_usages, unused_terms
from .toc import headings, toc_tokens
from .traditional import SUFFIX as TRADITIONAL_SUFFIX
from .traditional import traditional_json
from .words import SUFFIX as WORDS_SUFFIX
from .words import words_json

if TYPE_CHECKING:
    from .pagefind_index import BackgroundIndex, IndexWritten


def set_loaded_data_aside() -> None:
    """Put everything loaded so far (jieba's and pypinyin's dictionaries, OpenCC's tables, the modules) out
    of the cycle collector's reach, once a process. The collector walks every tracked object on each full
    collection, and a large seed makes many: with these set aside a pathological build takes a tenth less
    time and grows 4.2–4.5×, not 4.9–5.1×, for four times the input (bench/pathological.py). They live as long
    as the process anyway; ``gc.freeze`` only stops the walking."""
    if not gc.get_freeze_count():
        gc.freeze()


@dataclass(frozen=True)
class SiteBuild:
    editions: list[Edition]
    plans: dict[str, PagePlan]
    """Page plans by source path."""
    glossary: Glossary
    usages: dict[str, list[Usage]]
    """Where each glossary term occurs, by term id."""
    files: SiteFiles = field(default_factory=lambda: SiteFiles({}))
    """The MkDocs files of the pages and downloads, once :func:`add_pages` has added them: every link's source."""
    seed_dir: Path = Path("seeds")
    sections: dict[str, Section] = field(default_factory=dict)
    """Each article's navigation section (its pages, overview first), by the article's slug: see :func:`attach_articles`."""


def build_site(
    seed_dir: Path, site_description: str, log: logging.Logger, code: CodeState | None = None
) -> SiteBuild:
    """Build every seed, logging one line per seed, and a clear error for each seed that cannot be built.

    Given the state of the code that runs (``code``), editions are kept on disk between builds, in
    ``.cache/duidu/editions`` beside ``seeds/`` (:mod:`edition_cache`)."""
    cache = EditionCache(seed_dir.parent / CACHE_FOLDER) if code is not None else None
    version = code_version(code.digests) if code is not None else ""
    editions, failures = build_editions(list(seed_dir.glob("*.txt")), cache, version)
    for failure in failures:
        log.error(f"seeds/{failure.seed_name}: skipped: {failure.reason}")
    for edition in editions:
        log.info(summary(edition))
        warn(log, f"seeds/{edition.seed_name}: ", edition.notes)
        if edition.report.rare_characters:
            kept = "".join(dict.fromkeys(ch for _, ch in edition.report.rare_characters))
            log.info(f"seeds/{edition.seed_name}: characters outside GB2312 kept as they are: {kept}")
    glossary = read_glossary(seed_dir / GLOSSARY_FILE, log)
    usages = term_usages(glossary, editions)
    check_terminology(glossary, usages, log)
    plans = {HOME: home_page(site_description), CREDITS: credits_page()}
    if glossary.terms:
        plan = glossary_page(glossary)
        plans[plan.src_uri] = plan
        plans.update((plan.src_uri, plan) for plan in term_pages(glossary, usages))
    if editions:
        plans.update((plan.src_uri, plan) for plan in library_pages(editions))
        plans[DATA] = data_page()
    for edition in editions:
        plans.update((plan.src_uri, plan) for plan in article_pages(edition))
    return SiteBuild(editions=editions, plans=plans, glossary=glossary, usages=usages, seed_dir=seed_dir)


def read_glossary(path: Path, log: logging.Logger) -> Glossary:
    """The glossary, with an error line for each malformed entry (or for a file that cannot be read)."""
    try:
        glossary = load_glossary(path)
    except SeedError as error:
        log.error(f"seeds/{error}")
        return Glossary(terms=())
    for problem in glossary.errors:
        log.error(f"seeds/{problem}")
    for problem in glossary.warnings:
        log.warning(f"seeds/{problem}")
    return glossary


def check_terminology(glossary: Glossary, usages: dict[str, list[Usage]], log: logging.Logger) -> None:
    """Report terms used nowhere, and units whose English does not use a term's rendering."""
    unused = [
        Note(f"{t.term} ({t.id}) occurs in no article", kind="glossary terms occur in no article", place=f"{t.term} ({t.id})")
        for t in unused_terms(glossary, usages)
    ]
    warn(log, f"seeds/{GLOSSARY_FILE}: ", unused)
    problems = inconsistencies(glossary, usages)
    by_catalog: dict[str, list[Note]] = {}
    for problem in problems:
        by_catalog.setdefault(problem.unit.edition.catalog_name, []).append(
            Note(str(problem), kind="units whose English lacks a glossary term's rendering", place=problem.unit.unit_id)
        )
    for catalog_name, notes in by_catalog.items():
        warn(log, f"seeds/{catalog_name}: ", notes)
    marked = sum(usage.count for uses in usages.values() for usage in uses)
    log.info(
        f"glossary: {len(glossary.terms)} terms, {marked} marked occurrences; "
        f"terminology check: {len(problems)} units where the English lacks a term's rendering"
    )


SUMMARY_PLACES = 5
"""A kind of warning with more places than this is one line in the log, listing the first of them."""


def warn(log: logging.Logger, prefix: str, notes: Iterable[Note]) -> None:
    for line in summarised(notes):
        log.warning(prefix + line)


def summarised(notes: Iterable[Note], places: int = SUMMARY_PLACES) -> list[str]:
    """The notes as log lines: a kind with more than ``places`` notes as one line with its count and first places
    (so that an error is never buried under a page of warnings), every other note as it is, in order.

    >>> notes = [Note(f"{n} is unused", kind="terms are unused", place=n) for n in "ABCDEFG"]
    >>> summarised([Note("the catalog is broken"), *notes], places=3)
    ['the catalog is broken', '7 terms are unused: A, B, C, … (first 3)']
    >>> summarised(notes[:2], places=3)
    ['A is unused', 'B is unused']
    """
    notes = list(notes)
    by_kind: dict[str, list[Note]] = {}
    for note in notes:
        by_kind.setdefault(note.kind, []).append(note)
    lines = []
    for note in notes:
        group = by_kind[note.kind]
        if not note.kind or len(group) <= places:
            lines.append(note.text)
        elif note is group[0]:
            first = ", ".join(n.place for n in group[:places])
            lines.append(f"{len(group)} {note.kind}: {first}, … (first {places})")
    return lines


def summary(edition: Edition) -> str:
    article = edition.article
    sections = sum(len(part.sections) for part in article.parts)
    counts = ", ".join(f"{rule} {count}" for rule, count in edition.report.counts().items())
    return (
        f"seeds/{edition.seed_name} ({edition.encoding}) → /{edition.slug}/: "
        f"{len(article.parts)} parts, {sections} subsections, {len(article.body_paragraphs)} paragraphs, "
        f"{len(article.references)} references; cleaning: {counts}; English ({edition.catalog_name}): {edition.coverage}"
    )


def add_pages(site: SiteBuild, files: Files, config: MkDocsConfig) -> SiteBuild:
    """Add the generated pages (in memory: nothing is written into docs/) and the navigation; the site
    returned knows each page's file, to link by."""
    added = {src_uri: File.generated(config, src_uri, content="") for src_uri in site.plans}
    downloads = DownloadCache(site.seed_dir.parent / DOWNLOAD_FOLDER)
    for edition in site.editions:
        added.update(moved_id_files(edition, added, config))
        added.update(download_files(edition, site.seed_dir, config, downloads))
    downloads.prune()
    if site.editions:
        added[SCHEMA_URI] = File.generated(config, SCHEMA_URI, content=json_bytes(schema()))
        if site.glossary.terms:
            modified = deck_time(site.seed_dir / GLOSSARY_FILE)
            csv, deck = GLOSSARY_FILES
            added[csv] = File.generated(config, csv, content=glossary_csv(site.glossary))
            added[deck] = File.generated(config, deck, content=anki_deck(site.glossary, site.editions, modified=modified))
    for src_uri, file in added.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(file)
    config.nav = navigation(site.editions, site.plans)
    # the search box merges the other bundles of the index (partials/duidu-search.html)
    config.extra["duidu_search_shards"] = shard_count(len(site.editions)) - 1
    return replace(site, files=SiteFiles(added))


def deck_time(glossary_file: Path) -> int:
    """The time the Anki deck's notes are stamped with: Anki updates a note it has only from a newer one, so the
    glossary file's time (a rebuild writes the same deck; an edit, a newer one), or SOURCE_DATE_EPOCH where a
    reproducible build sets it (reproducible-builds.org)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isdigit() else int(glossary_file.stat().st_mtime)


DOWNLOAD_FOLDER = Path(".cache") / "duidu" / "downloads"


class DownloadCache:
    """The files articles offer for download, kept on disk under the hash of what each is made from (its
    edition's sources, which include the code, its name and the site's address): a rebuild hands MkDocs the
    kept file instead of making it again (citeproc alone takes some 20 ms an article). Files no build asks for
    again are removed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def file(self, config: MkDocsConfig, src_uri: str, key: str, make: Callable[[], str | bytes]) -> File:
        if not key:  # an edition not made through the cache has no key: made each time
            return File.generated(config, src_uri, content=make())
        name = hashlib.sha256(f"{key}|{src_uri}".encode()).hexdigest()
        path = self.folder / name
        self.used.add(name)
        if not path.is_file():
            data = make()
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                replace_file(path, data.encode("utf-8") if isinstance(data, str) else data)
            except OSError:  # as the other caches: a read-only or full disk costs the next build time, not this one its site
                return File.generated(config, src_uri, content=data)
        return File.generated(config, src_uri, abs_src_path=str(path))

    def prune(self) -> None:
        if self.used:
            with contextlib.suppress(OSError):
                for path in self.folder.iterdir():
                    if path.name not in self.used:
                        with contextlib.suppress(OSError):
                            path.unlink()


def download_files(edition: Edition, seed_dir: Path, config: MkDocsConfig, cache: DownloadCache) -> dict[str, File]:
    """The article as data (aligned JSON, TMX, its PO catalog) and its record for reference managers (BibTeX,
    CSL-JSON, RIS), beside its overview; each names the article's address where the site has one (``site_url``)."""
    url = article_url(edition, config)
    makers: dict[str, Callable[[], str | bytes]] = {
        f"{edition.slug}.bib": lambda: cite(edition).bibtex,
        f"{edition.slug}.aligned.json": lambda: aligned_text_json(edition),
        f"{edition.slug}.tmx": lambda: tmx(edition),
        f"{edition.slug}.csl.json": lambda: csl_json(edition, url),
        f"{edition.slug}.ris": lambda: ris(edition, url),
    }
    catalog = seed_dir / edition.catalog_name
    if edition.catalog_name and catalog.is_file():
        makers[f"{edition.slug}.en.po"] = catalog.read_bytes
    key = f"{edition.source_key}|{url}" if edition.source_key else ""
    return {
        article_file_uri(edition, name): cache.file(config, article_file_uri(edition, name), key, make)
        for name, make in makers.items()
    }


def article_url(edition: Edition, config: MkDocsConfig) -> str:
    """The overview's address on the site as published (``site_url``), or "" when the config gives none."""
    if not config.site_url:
        return ""
    page = File(overview_uri(edition), src_dir=None, dest_dir="", use_directory_urls=config.use_directory_urls)
    return config.site_url.rstrip("/") + "/" + page.url


def moved_id_files(edition: Edition, added: dict[str, File], config: MkDocsConfig) -> dict[str, File]:
    """The article's ``ids.json`` (where each of its ids is, and where each retired one leads: a page given a
    link to an id it lacks looks it up there) and, at the address of each retired part's page, a page that
    says so and leads on (:mod:`ids`)."""
    ids_file = ids_uri(edition)
    parts = {part.id: part for part in edition.article.parts}
    pages = {part_id: part_uri(edition, part) for part_id, part in parts.items()}
    moved = {  # where the part's page was: MkDocs names it (``part-3/index.html`` or ``part-3.html``)
        r.id: File(f"{edition.slug}/{r.id}.md", src_dir=None, dest_dir="", use_directory_urls=config.use_directory_urls).dest_uri
        for r in edition.retired_ids
        if kind_of(r.id) == "part"
    }
    files = SiteFiles({**added, ids_file: File.generated(config, ids_file, content=""), **{
        src: File.generated(config, src, content="") for src in moved.values()
    }})

    def href_from(here: str) -> Callable[[str], str]:
        return lambda part_id: files.href(here, pages.get(part_id, overview_uri(edition)))

    data = id_map(edition.article, edition.retired_ids, href_from(ids_file))
    made = {ids_file: File.generated(config, ids_file, content=json.dumps(data, ensure_ascii=False, separators=(",", ":")))}
    holders = part_of_ids(edition.article)
    for part_id, src in moved.items():
        retired = data["retired"][part_id]
        href = href_from(src)(holders.get(retired["to"], ""))
        href += f"#{retired['to']}" if retired["to"] else ""
        overview = files.href(src, overview_uri(edition))
        made[src] = File.generated(config, src, content=moved_page(edition, part_id, retired["note"], href, overview))
    return made


def attach_articles(site: SiteBuild, nav: Navigation) -> None:
    """Give each article's pages a section of their own, outside the site's navigation: the section is their
    parent (so Material opens it and shows the page's place) and sets their previous and next page. One
    section per article, made once a build: what :func:`page_navigation` adds to each page's navigation."""
    pages: dict[str, list[Page]] = {}
    for src_uri, plan in site.plans.items():
        if plan.edition is not None:
            page = site.files.by_source[src_uri].page
            assert page is not None
            page.title = label_html(plan.nav_title)  # as a navigation entry; <title> comes from the meta
            pages.setdefault(plan.edition.slug, []).append(page)
    site.sections.clear()
    for edition in site.editions:
        members = pages[edition.slug]
        section = Section(label_html(unit_label(edition, "title", edition.article.title)), members)
        for before, page, after in zip([None, *members], members, [*members[1:], None]):
            page.parent = section
            page.previous_page, page.next_page = before, after
        site.sections[edition.slug] = section


def page_navigation(site: SiteBuild, page: Page, nav: Navigation) -> Navigation:
    """The navigation one page shows: the site's (home, library, glossary) and, on an article's page, that
    article's section after the home page. Its size does not depend on how many articles the library holds."""
    plan = site.plans.get(page.file.src_uri)
    if plan is None or plan.edition is None:
        return nav
    items = [nav.items[0], site.sections[plan.edition.slug], *nav.items[1:]]
    own = Navigation(items, [*site.sections[plan.edition.slug].children])
    own.homepage = nav.homepage
    return own


def page_companions(site: SiteBuild, page: Page) -> dict[str, Callable[[str], str | None]]:
    """The files written beside a page from its HTML, by suffix, each made only when the reading aid that
    loads it is asked for in a browser: its Chinese in Traditional (:mod:`traditional`) and its words, for
    pinyin and the dictionary (:mod:`words`)."""
    here = page.file.src_uri

    def term_href(term: Term) -> str:
        return site.files.href(here, GLOSSARY, term.id) if GLOSSARY in site.files.by_source else ""

    return {
        TRADITIONAL_SUFFIX: traditional_json,
        WORDS_SUFFIX: lambda html: words_json(html, site.glossary, term_href),
    }


COMPANION_SUFFIXES = (TRADITIONAL_SUFFIX, WORDS_SUFFIX)


def write_companions(site: SiteBuild, page: Page, html: str, stored: StoredPages | None) -> None:
    """Write the page's companion files beside it (``index.zh-hant.json``, ``index.words.json``): made from
    the page as written, or kept with a kept page."""
    for suffix, make in page_companions(site, page).items():
        data = stored.companion(page, suffix, make, html) if stored is not None else make(html)
        if data is not None:
            path = Path(page.file.abs_dest_path).with_suffix(suffix)
            path.parent.mkdir(parents=True, exist_ok=True)  # MkDocs writes the page itself after this hook
            path.write_text(data, encoding="utf-8")


def without_markdown(page: Page) -> None:
    """Duidu's pages have no Markdown (their HTML is made from its templates: :func:`page_content`), yet
    MkDocs would make a Markdown parser for each, a millisecond and more a page: the page renders nothing."""

    def render(config: MkDocsConfig, files: Files) -> None:
        page.content, page.toc, page.present_anchor_ids = "", get_toc([]), set()

    page.render = render  # type: ignore[method-assign]


def set_page_meta(plan: PagePlan, page: Page, config: MkDocsConfig) -> None:
    # Material prints titles and descriptions without escaping: hand it escaped text.
    page.meta["title"] = escape(plan.title.plain())
    if plan.description:
        page.meta["description"] = escape(plan.description)
    if plan.edition is not None:
        # Highwire Press tags on every page of an article, for reference managers (overrides/main.html)
        tags = highwire_tags(plan.edition, article_url(plan.edition, config))
        page.meta["duidu_citation"] = [(name, escape(content)) for name, content in tags]


def page_content(site: SiteBuild, page: Page) -> str:
    """The page's HTML, and its table of contents read from the headings that HTML has."""
    plan = site.plans[page.file.src_uri]
    html = render_page(
        plan, editions=site.editions, plans=site.plans, glossary=site.glossary, usages=site.usages, files=site.files
    )
    page.toc = get_toc(toc_tokens(headings(html)))
    return html


class StoredPages:
    """The pages of one build that are kept between builds (:mod:`page_cache`): each one's key, and the HTML
    of the page being written when it was found stored. Such a page's template extends one that renders
    nothing (overrides/main.html, ``duidu_stored``), and its stored HTML is what MkDocs writes
    (:meth:`output`); a page not found is rendered and stored."""

    def __init__(self, cache: PageCache, keys: dict[str, str], version: str) -> None:
        self.cache = cache
        self.keys = keys
        self.version = version
        """The render version (:func:`page_cache.render_version`): the search shards are kept under it too."""
        self.found: dict[str, str] = {}
        self.kept = self.rendered = 0

    def take(self, page: Page) -> bool:
        """Whether the page is stored; if so its HTML is held until :meth:`output` (one page at a time)."""
        key = self.keys.get(page.file.src_uri)
        html = self.cache.get(key) if key is not None else None
        if html is None:
            return False
        self.found[page.file.src_uri] = html
        return True

    def output(self, page: Page, rendered: str) -> str:
        """The page's HTML: the stored one, or ``rendered`` (then stored)."""
        html = self.found.pop(page.file.src_uri, None)
        if html is not None:
            self.kept += 1
            return html
        self.rendered += 1
        key = self.keys.get(page.file.src_uri)
        if key is not None:
            self.cache.put(key, rendered)
        return rendered

    def companion(self, page: Page, suffix: str, make: Callable[[str], str | None], html: str) -> str | None:
        """A file made from the page's HTML (:func:`page_companions`), kept beside the page under its key: a
        kept page's is read back, not made again."""
        key = self.keys.get(page.file.src_uri)
        if key is None:
            return make(html)
        data = self.cache.get(key + suffix)
        if data is None:
            data = make(html) or ""  # "": a page without Chinese, kept as such
            self.cache.put(key + suffix, data)
        return data or None

    def finish(self, log: logging.Logger) -> None:
        """Say how many pages were rendered, and let go of what this build no longer has (older pages, older
        versions)."""
        log.info(f"pages: {self.rendered} rendered, {self.kept} unchanged and kept from the last build")
        self.cache.keep_only(key + suffix for key in self.keys.values() for suffix in ("", *COMPANION_SUFFIXES))


def stored_pages(site: SiteBuild, nav: Navigation, config: MkDocsConfig, code_root: Path) -> StoredPages:
    """The keys of the pages that can be kept (:func:`page_cache.plan_fingerprint`): call once the articles'
    sections are attached (their navigation is part of the key)."""
    project = Path(config.config_file_path).parent
    version = render_version(config, code_root, project / "seeds" / GLOSSARY_FILE)
    site_navigation = navigation_fingerprint(nav)
    articles = {slug: navigation_fingerprint(section) for slug, section in site.sections.items()}
    keys = {}
    for src_uri, plan in site.plans.items():
        fingerprint = plan_fingerprint(plan)
        if fingerprint is not None:
            shown = articles.get(plan.edition.slug, "") if plan.edition is not None else ""
            keys[src_uri] = page_key(version, fingerprint, site_navigation + shown)
    return StoredPages(PageCache(project / PAGE_FOLDER, version), keys, version)


SEARCH_FOLDER = Path(".cache") / "duidu" / "search"
"""Where the search index's shards are kept between builds, under the project's folder."""


def start_search(
    site: SiteBuild, site_dir: Path, log: logging.Logger, project: Path | None = None, version: str = ""
) -> BackgroundIndex:
    """Start indexing the site's pages for the search box (Pagefind, into ``site_dir/pagefind``) beside the
    rendering; the log says how many records were indexed, or why the index could not be written (an error:
    the pages stand without search, and ``--strict`` fails). Given the ``project`` folder, unchanged shards
    are taken from its cache (known by their editions' keys and the render ``version``, when given)."""
    from .pagefind_index import BackgroundIndex  # only a build that writes a site starts Pagefind

    def report(written: IndexWritten | None, error: BaseException | None) -> None:
        if error is not None:
            log.error(f"search: the index could not be written: {error}")
        else:
            log.info(f"search: {written} (Pagefind)")

    url_of = {src_uri: file.url for src_uri, file in site.files.by_source.items()}
    kept = project / SEARCH_FOLDER if project is not None else None
    def records() -> Iterator[SearchRecord]:  # made on the indexing thread, and let go a shard at a time
        return site_records(list(site.plans.values()), site.glossary, url_of)

    return BackgroundIndex(records, site_dir, report, kept, version)


def check_code(loaded: CodeState, root: Path, log: logging.Logger) -> None:
    """Tell the maintainer, in one line, when the code under ``root`` is no longer the code this process runs."""
    changed = changed_files(loaded, code_state(root))
    if changed:
        log.warning(restart_notice(changed))
