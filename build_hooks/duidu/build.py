"""What the hook asks for: the site built from seeds/, its pages added to MkDocs, each page's meta and HTML."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import jieba
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .models import Edition
from .pipeline import build_editions
from .render import render_page
from .site import HOME, PagePlan, TocEntry, article_pages, escape, home_page, label_html, navigation


@dataclass(frozen=True)
class SiteBuild:
    editions: list[Edition]
    plans: dict[str, PagePlan]
    """Page plans by source path."""


def build_site(seed_dir: Path, site_description: str, log: logging.Logger) -> SiteBuild:
    """Build every seed, logging one line per seed, and a clear error for each seed that cannot be built."""
    editions, failures = build_editions(list(seed_dir.glob("*.txt")))
    for failure in failures:
        log.error(f"seeds/{failure.seed_name}: skipped: {failure.reason}")
    for edition in editions:
        log.info(summary(edition))
        for note in edition.notes:
            log.warning(f"seeds/{edition.seed_name}: {note}")
        _teach_search(edition)
    plans = {HOME: home_page(site_description)}
    for edition in editions:
        plans.update((plan.src_uri, plan) for plan in article_pages(edition))
    return SiteBuild(editions=editions, plans=plans)


def summary(edition: Edition) -> str:
    article = edition.article
    sections = sum(len(part.sections) for part in article.parts)
    counts = ", ".join(f"{rule} {count}" for rule, count in edition.report.counts().items())
    return (
        f"seeds/{edition.seed_name} ({edition.encoding}) → /{edition.slug}/: "
        f"{len(article.parts)} parts, {sections} subsections, {len(article.body_paragraphs)} paragraphs, "
        f"{len(article.references)} references; cleaning: {counts}; English ({edition.catalog_name}): {edition.coverage}"
    )


def add_pages(site: SiteBuild, files: Files, config: MkDocsConfig) -> None:
    """Add the generated pages (in memory: nothing is written into docs/) and the navigation."""
    for src_uri in site.plans:
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=""))
    config.nav = navigation(site.editions, site.plans)


def set_page_meta(plan: PagePlan, page: Page) -> None:
    # Material prints titles and descriptions without escaping: hand it escaped text.
    page.meta["title"] = escape(plan.title.plain())
    if plan.description:
        page.meta["description"] = escape(plan.description)
    if not plan.searchable:
        page.meta["search"] = {"exclude": True}


def page_content(site: SiteBuild, page: Page) -> str:
    plan = site.plans[page.file.src_uri]
    page.toc = get_toc([_toc_token(entry) for entry in plan.toc])
    return render_page(plan, editions=site.editions, plans=site.plans)


def _toc_token(entry: TocEntry) -> dict:
    return {
        "level": entry.level,
        "id": entry.id,
        "name": label_html(entry.title),
        "children": [_toc_token(child) for child in entry.children],
    }


def _teach_search(edition: Edition) -> None:
    """Keep the article's keywords whole when Material's search segments Chinese with jieba."""
    for word in edition.article.keywords:
        jieba.add_word(word)
