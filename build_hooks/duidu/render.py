"""Page plans → HTML, through Jinja2 templates with autoescaping: seed text is always data."""

from __future__ import annotations

import functools
import posixpath
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .citation import cite
from .clean import GETA, LABELS
from .convert import to_simplified
from .glossary import Glossary, Term
from .layout import LAYOUT_RULES
from .models import Article, Edition
from .site import GLOSSARY, PagePlan, page_url
from .terminology import Usage

TEMPLATES = Path(__file__).parent / "templates"
LARGE_RULE = 40
"""Rules with more changes than this are shown on the About page as counts and examples, not in full."""
RULE_LABELS = {**LABELS, **LAYOUT_RULES}
"""Display label of every rule id that can stand in :attr:`Change.rule`."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        auto_reload=False,  # templates are read once per process (serve restarts to pick up template edits)
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text"] = render_text
    env.filters["simplified"] = to_simplified
    return env


_GETA_NOTE = Markup('<span class="dd-geta" title="Damaged in the source; see About this text">〓</span>')


def render_text(text: str) -> Markup:
    """Escape seed text, and mark 〓 (damage no rule could repair) so readers are told what it is."""
    if GETA not in text:
        return escape(text)
    return _GETA_NOTE.join(escape(piece) for piece in text.split(GETA))


_TERM_LINK = '<a class="dd-term" href="{href}" data-term="{id}" aria-describedby="gloss-{id}">{form}</a>'
"""Filled with a generated href and id, and the form escaped (plain str.format: this runs thousands of times)."""


def render_page(
    plan: PagePlan,
    *,
    editions: list[Edition],
    plans: dict[str, PagePlan],
    glossary: Glossary,
    usages: dict[str, list[Usage]],
) -> str:
    here = page_url(plan.src_uri)
    used_terms: dict[str, Term] = {}

    def link(src_uri: str, anchor: str = "") -> str:
        return relative_url(page_url(src_uri), here) + (f"#{anchor}" if anchor else "")

    def mark_terms(text: str) -> Markup:
        """Seed text, escaped, with each glossary term a link to its entry (described by its gloss)."""
        pieces = []
        position = 0
        for match in glossary.index.find(text):
            used_terms[match.term.id] = match.term
            pieces.append(render_text(text[position : match.start]))
            href = link(GLOSSARY, match.term.id)
            form = escape(text[match.start : match.end])
            pieces.append(Markup(_TERM_LINK.format(href=href, id=match.term.id, form=form)))
            position = match.end
        pieces.append(render_text(text[position:]))
        return Markup("").join(pieces)

    template = environment().get_template(plan.template)
    return template.render(
        plan=plan,
        edition=plan.edition,
        article=plan.edition.article if plan.edition else None,
        editions=editions,
        link=link,
        large_rule=LARGE_RULE,
        rule_labels=RULE_LABELS,
        layout_rules=LAYOUT_RULES,
        mark_terms=mark_terms,
        cite=cite,
        used_terms=used_terms,
        glossary=glossary,
        usages=usages,
        unit_containing=functools.partial(unit_containing, plan.edition),
    )


@lru_cache(maxsize=65536)
def relative_url(target: str, here: str) -> str:
    """The link from the page at URL ``here`` to the page at URL ``target`` (directory URLs).

    >>> relative_url("a/part-2/", "a/part-1/"), relative_url("glossary/", ""), relative_url("", "a/")
    ('../part-2/', 'glossary/', '../')
    """
    relative = posixpath.relpath(target or ".", here or ".")
    return "./" if relative == "." else relative.rstrip("/") + "/"


def unit_containing(edition: Edition | None, text: str) -> tuple[str, str] | None:
    """(page source path, paragraph id) of the body paragraph where ``text`` stands, if any."""
    if edition is None:
        return None
    article: Article = edition.article
    for paragraph in article.introduction:
        if text in paragraph.text:
            return f"{edition.slug}/index.md", paragraph.id
    for part in article.parts:
        for paragraph in part.paragraphs:
            if text in paragraph.text:
                return f"{edition.slug}/part-{part.number}.md", paragraph.id
    return None
