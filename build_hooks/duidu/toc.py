"""Tables of contents read from the headings a template rendered, so the two cannot disagree.

Every ``<h2>`` and ``<h3>`` with an ``id`` is an entry (``<h3>`` under the ``<h2>`` before it); its label is
the heading's own markup, each language in its ``lang`` span, without what only the heading needs: the ¶
permalink and a translation flag. Links inside a heading keep their text and lose the link, since a table
of contents entry is a link already. The ``<h1>`` is the page's title, which Material shows on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

TOC_LEVELS = {"h2": 2, "h3": 3}
_HEADING = re.compile(r"<(h[23])\b[^>]*>.*?</\1>", re.DOTALL)
"""An ``<h2>`` or ``<h3>`` element of HTML we rendered: headings do not nest, and seed text in them is
escaped, so no ``</h2>`` stands inside one."""
LEFT_OUT = frozenset({"headerlink", "dd-flag"})
"""Classes of elements inside a heading that have no place in its table-of-contents label."""


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    label: str
    """The heading's inner HTML as the table of contents shows it."""


class _HeadingReader(HTMLParser):
    """Collects the headings of a fragment of HTML we rendered (well-formed: every element closed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.headings: list[Heading] = []
        self._open: tuple[str, str] | None = None  # tag and id of the heading being read
        self._label: list[str] = []
        self._skipping = 0  # depth inside a left-out element
        self._stack: list[str] = []  # what each open element inside the heading became: "keep", "unwrap", "skip"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self._open is None:
            if tag in TOC_LEVELS and attributes.get("id"):
                self._open = (tag, attributes["id"] or "")
                self._label = []
            return
        if self._skipping or LEFT_OUT & set((attributes.get("class") or "").split()):
            self._skipping += 1
            self._stack.append("skip")
        elif tag == "a":
            self._stack.append("unwrap")
        else:
            self._stack.append("keep")
            self._label.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._open is None:
            return
        if not self._stack and tag == self._open[0]:
            tag_name, heading_id = self._open
            label = " ".join("".join(self._label).split())
            self.headings.append(Heading(TOC_LEVELS[tag_name], heading_id, label))
            self._open = None
            return
        what = self._stack.pop()
        if what == "skip":
            self._skipping -= 1
        elif what == "keep":
            self._label.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self._keep(escape(data, quote=False))

    def handle_entityref(self, name: str) -> None:
        self._keep(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._keep(f"&#{name};")

    def _keep(self, markup: str) -> None:
        if self._open is not None and not self._skipping:
            self._label.append(markup)


def headings(html: str) -> list[Heading]:
    """The ``<h2>`` and ``<h3>`` headings with an id, in order.

    >>> headings('<h2 id="a" class="x"><span lang="en">A &amp; <a href="#z">B</a></span> '
    ...          '<a class="headerlink" href="#a">¶</a></h2><h3>no id</h3><h3 id="b">B</h3>')
    [Heading(level=2, id='a', label='<span lang="en">A &amp; B</span>'), Heading(level=3, id='b', label='B')]
    """
    reader = _HeadingReader()
    for heading in _HEADING.finditer(html):  # only the headings are read: a page is mostly paragraphs
        reader.feed(heading.group(0))
    reader.close()
    return reader.headings


def toc_tokens(found: list[Heading]) -> list[dict]:
    """The headings as the tokens MkDocs' ``get_toc`` takes: each ``<h3>`` a child of the ``<h2>`` before it."""
    tokens: list[dict] = []
    for heading in found:
        token = {"level": heading.level, "id": heading.id, "name": heading.label, "children": []}
        if heading.level > 2 and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    return tokens
