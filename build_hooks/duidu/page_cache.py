"""Pages kept on disk between builds, each under the hash of everything its HTML is made from.

Rendering is most of a build once the editions are cached: a part page goes through Duidu's templates and
Material's. An article's pages are made from its edition (whose cache key already covers its seed, catalog,
sidecar, corrections and the code), the glossary, the templates and the theme, the site's settings and the
navigation the page shows (the site's and its own article's), and nothing else: not the other articles. A
term page is made from its term and the uses it lists. So after one seed of a library is edited, only that
article's pages and the term pages quoting it are rendered again; every other page is the stored HTML.

The library, shelves, home and glossary pages list every article or term and are rendered every time (a
handful of pages). A stored page that cannot be read back is a miss. Pages are stored compressed, under a
folder per *render version* (code, templates, theme, settings, glossary): the last two versions are kept, so
that alternating ``make serve`` and ``make build`` (whose settings differ) does not render everything twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.nav import Navigation, Section

from .open_data import SCHEMA_FILE
from .site import PagePlan

FOLDER = Path(".cache") / "duidu" / "pages"
"""Where the pages are kept, under the project's folder (beside mkdocs.yml; ignored by git)."""
LIBRARIES = ("mkdocs", "mkdocs-material", "jinja2", "markupsafe", "pymdown-extensions", "markdown")
"""Libraries whose templates or output are in every page."""
SETTINGS = (
    "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name", "edit_uri",
    "use_directory_urls", "extra", "extra_css", "extra_javascript", "theme", "nav", "markdown_extensions",
)
"""The settings of mkdocs.yml a page's HTML can show (``theme`` and ``extra`` with everything they hold)."""
VERSIONS_KEPT = 2


def render_version(settings: Mapping[str, Any], code_root: Path, glossary_file: Path) -> str:
    """One hash of what every page depends on: every file under ``code_root`` (the hook, Duidu's templates,
    the theme overrides), the libraries' versions, the site's settings and the glossary file's bytes."""
    digest = hashlib.sha256()
    for name in LIBRARIES:
        digest.update(f"{name} {_version(name)}\n".encode())
    for name in SETTINGS:
        digest.update(f"{name} {_plain(settings.get(name))!r}\n".encode())
    for path in sorted(code_root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(code_root).as_posix().encode() + b"\0" + _bytes_of(path))
    digest.update(b"glossary\0" + _bytes_of(glossary_file))
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _bytes_of(path: Path) -> bytes:
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return b"missing"


def _plain(value: Any) -> Any:
    """Settings as plain data (the theme is a mapping object; nested settings are MkDocs' own types)."""
    if isinstance(value, Mapping):
        return sorted((str(key), _plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def navigation_fingerprint(nav: Navigation | Section) -> str:
    """What a page's navigation shows: every entry's title and URL, in order, sections with their children."""

    def walk(items: Iterable[Any]) -> Iterable[str]:
        for item in items:
            yield f"{type(item).__name__}|{item.title}|{getattr(item, 'url', '')}"
            children = getattr(item, "children", None)
            if children:
                yield "("
                yield from walk(children)
                yield ")"

    return hashlib.sha256("\n".join(walk(nav.items if isinstance(nav, Navigation) else [nav])).encode()).hexdigest()


def plan_fingerprint(plan: PagePlan) -> str | None:
    """What a page is made from besides the render version and its navigation; None for the pages that list
    the library or the glossary, or credit the software (made from everything: rendered every build), or whose
    edition has no key."""
    head = f"{plan.src_uri}|{plan.template}|{plan.title!r}|{plan.nav_title!r}|{plan.description}"
    if plan.edition is not None:
        if not plan.edition.source_key:
            return None
        return f"{head}|{plan.edition.source_key}|{plan.edition.slug}|{plan.part_number}"
    if plan.uses is not None:  # what the page shows of each use, not the whole edition: other edits cost nothing
        entry = plan.uses
        uses = (
            f"{u.unit.edition.slug}|{u.unit.edition.article.title}|{u.unit.page}|{u.unit.part}|{u.unit.unit_id}|{u.count}|{u.unit.zh}"
            for u in entry.uses
        )
        return f"{head}|{entry.term!r}|{entry.page}|{entry.pages}|{entry.total}|" + "\n".join(uses)
    if plan.template == "data.html":  # the formats page: made from the schema (and the code) alone
        return f"{head}|{hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest()}"
    return None


def page_key(version: str, plan_part: str, navigation_part: str) -> str:
    return hashlib.sha256(f"{version}\n{plan_part}\n{navigation_part}".encode()).hexdigest()


class PageCache:
    """Rendered pages of one render version, in ``folder/<version>/<key>``, zlib-compressed."""

    def __init__(self, folder: Path, version: str) -> None:
        self.root = folder
        self.folder = folder / version[:32]

    def get(self, key: str) -> str | None:
        try:
            return zlib.decompress(self.folder.joinpath(key).read_bytes()).decode("utf-8")
        except (OSError, zlib.error, UnicodeDecodeError):  # absent, cut short or foreign: a miss
            return None

    def put(self, key: str, html: str) -> None:
        """Store a page: written aside and renamed, so that a reader never sees part of one. Not flushed to
        disk: a page lost to a power cut is only a miss."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(zlib.compress(html.encode("utf-8"), 1))
                os.replace(temporary, self.folder / key)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:  # a read-only or full disk costs the next build time, not this one its site
            pass

    def keep_only(self, keys: Iterable[str]) -> None:
        """Remove this version's pages not in ``keys``, and every other version but the latest used."""
        kept = set(keys)
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                if path.name not in kept:
                    with contextlib.suppress(OSError):
                        path.unlink()
        with contextlib.suppress(OSError):
            self.folder.touch()  # the latest used: an older version goes first
            others = sorted(
                (path for path in self.root.iterdir() if path.is_dir() and path != self.folder),
                key=lambda path: path.stat().st_mtime,
                reverse=True,
            )
            for path in others[VERSIONS_KEPT - 1 :]:
                shutil.rmtree(path, ignore_errors=True)
