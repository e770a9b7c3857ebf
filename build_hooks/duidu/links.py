"""Links between the site's files, made only by MkDocs' ``File`` objects.

Where a page ends up (``part-1/`` or ``part-1.html``) is MkDocs' decision (``use_directory_urls``): asking the
files for their URLs keeps every link the hook writes in step with it, whatever the config says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs.structure.files import File


@dataclass(frozen=True)
class SiteFiles:
    """The files the hook adds to the build: every page plan's and every download's, by source path."""

    by_source: Mapping[str, File]

    def href(self, here: str, target: str, anchor: str = "") -> str:
        """The link from the page with source path ``here`` to the file ``target``, at ``#anchor`` if given.

        A target the site lacks is a bug in a template, not a broken link to publish: it raises ``KeyError``.
        """
        url = self.by_source[target].url_relative_to(self.by_source[here])
        return f"{url}#{anchor}" if anchor else url
