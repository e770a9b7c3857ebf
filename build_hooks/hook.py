"""MkDocs event handlers: build the editions from seeds/ and hand their pages to MkDocs. Nothing else."""

from __future__ import annotations

from pathlib import Path

from duidu import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger("duidu")
_site: build.SiteBuild | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _site
    _site = build.build_site(Path(config.config_file_path).parent / "seeds", config.site_description or "", log)
    build.add_pages(_site, files, config)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site is None or page.file.src_uri not in _site.plans:
        return markdown
    build.set_page_meta(_site.plans[page.file.src_uri], page)
    return ""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _site is None or page.file.src_uri not in _site.plans:
        return html
    return build.page_content(_site, page)
