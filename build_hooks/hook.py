"""MkDocs event handlers: build the editions from seeds/ and hand their pages to MkDocs. Nothing else."""

from __future__ import annotations

from pathlib import Path

from duidu import build
from duidu.dictionary_files import write_dictionary
from duidu.logs import escape_logs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

build.set_loaded_data_aside()
log = get_plugin_logger("duidu")
escape_logs(log.logger)
_site: build.SiteBuild | None = None
_search: build.BackgroundIndex | None = None
_stored: build.StoredPages | None = None
_serving = False
HOOK_CODE = Path(__file__).parent
LOADED_CODE = build.code_state(HOOK_CODE)
"""The code this process runs, read when MkDocs imports the hook (`mkdocs serve` keeps it until restarted)."""


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    # A rebuild under serve first lets the index of the build before finish: its folder is about to be cleaned.
    _wait_for_search()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build.check_code(LOADED_CODE, HOOK_CODE, log)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _site, _stored
    _stored = None
    site = build.build_site(
        Path(config.config_file_path).parent / "seeds", config.site_description or "", log, LOADED_CODE
    )
    _site = build.add_pages(site, files, config)
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _search, _stored
    if _site is not None:
        build.attach_articles(_site, nav)
        _stored = build.stored_pages(_site, nav, config, HOOK_CODE)
        if not _serving:  # beside the rendering, on the other core; under serve, after it (on_post_build)
            _search = _start_search(config)
    return nav


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    if _stored is not None and _stored.take(page):  # kept from an earlier build (page_cache.py): not rendered
        context["duidu_stored"] = True
    elif _site is not None:
        context["nav"] = build.page_navigation(_site, page, nav)
        if page.file.src_uri in _site.plans:  # rendered now, just before its template (see on_post_page)
            page.content = build.page_content(_site, page)
    return context


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    if _site is not None and page.file.src_uri in _site.plans:
        build.without_markdown(page)
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site is None or page.file.src_uri not in _site.plans:
        return markdown
    build.set_page_meta(_site.plans[page.file.src_uri], page, config)
    return ""


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # A page's HTML is made when its template is rendered and let go once it is written, so that a build
    # holds one page at a time, not the whole library (MkDocs reads every page before writing any).
    # A page kept from an earlier build (page_cache.py) is written as it was stored.
    if _site is not None and page.file.src_uri in _site.plans:
        page.content = ""
        if _stored is not None:
            output = _stored.output(page, output)
        build.write_companions(_site, page, output, _stored)
    return output


def on_post_build(config: MkDocsConfig) -> None:
    # `mkdocs serve` shows the rebuilt pages at once and the search index follows (the log says when): the
    # records are made after the pages, so that their making does not slow the rendering a reader waits for.
    # A build waits for the index, so that the site it leaves is whole and --strict sees any error.
    global _search
    if _stored is not None:
        _stored.finish(log)
    if _site is not None:
        write_dictionary(Path(config.site_dir))  # CC-CEDICT's shards, for the dictionary card
    if _serving and _site is not None:
        _search = _start_search(config)
    else:
        _wait_for_search()


def _wait_for_search() -> None:
    global _search
    if _search is not None:
        _search.wait()
        _search = None


def _start_search(config: MkDocsConfig) -> build.BackgroundIndex:
    assert _site is not None
    version = _stored.version if _stored is not None else ""
    return build.start_search(_site, Path(config.site_dir), log, Path(config.config_file_path).parent, version)
