"""Page plans → HTML, through Jinja2 templates with autoescaping: seed text is always data."""

from __future__ import annotations

import functools
import json
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import align
from .citation import cite, passage_citations
from .clean import GETA, LABELS
from .convert import to_simplified
from .credits import data_credits, software_credits
from .glossary import Glossary, Term
from .layout import LAYOUT_RULES
from .models import Article, Edition, Part, Status, Translation
from .open_data import ANKI_DECK_ID, ANKI_FIELDS, CSV_FIELDS, data_files, field_descriptions, glossary_data_files, schema
from .links import SiteFiles
from .site import (
    DATA,
    GLOSSARY,
    SCHEMA_URI,
    LIBRARY,
    SHELF_PAGE,
    Label,
    PagePlan,
    apparatus_uri,
    article_file_uri,
    bibtex_uri,
    ids_uri,
    label_html,
    newest,
    overview_uri,
    part_uri,
    shelf_uri,
    term_uri,
)
from .terminology import Usage

TEMPLATES = Path(__file__).parent / "templates"
LARGE_RULE = 40
"""Rules with more changes than this are shown on the About page as counts and examples, not in full."""
RULE_LABELS = {**LABELS, **LAYOUT_RULES}
"""Display label of every rule id that can stand in :attr:`Change.rule`."""


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> Environment:
    """The Jinja2 environment, made once per process: it keeps compiled templates, and checks each one's file
    when it is used again, so that an edit takes effect on the next `mkdocs serve` rebuild."""
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        auto_reload=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text"] = render_text
    env.filters["simplified"] = to_simplified
    env.globals["aligned"] = aligned_groups  # a global: the unit macro is imported without the page's context
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
    files: SiteFiles,
) -> str:
    """The page's HTML. Templates name a link's target by source path (``link(part_uri(edition, part), "s2-1")``);
    the files of the build make the URL, relative to this page."""
    used_terms: dict[str, Term] = {}
    hrefs: dict[str, str] = {}  # one page links to the glossary thousands of times: resolve each target once

    def link(src_uri: str, anchor: str = "") -> str:
        if src_uri not in hrefs:
            hrefs[src_uri] = files.href(plan.src_uri, src_uri)
        return f"{hrefs[src_uri]}#{anchor}" if anchor else hrefs[src_uri]

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
        overview_uri=overview_uri,
        part_uri=part_uri,
        apparatus_uri=apparatus_uri,
        bibtex_uri=bibtex_uri,
        ids_uri=ids_uri,
        article_file_uri=article_file_uri,
        data_files=data_files,
        glossary_data_files=glossary_data_files,
        data_uri=DATA,
        offered=lambda src_uri: src_uri in files.by_source,
        schema_uri=SCHEMA_URI,
        schema=schema,
        field_descriptions=field_descriptions,
        csv_fields=CSV_FIELDS,
        anki_fields=ANKI_FIELDS,
        anki_deck_id=ANKI_DECK_ID,
        large_rule=LARGE_RULE,
        rule_labels=RULE_LABELS,
        layout_rules=LAYOUT_RULES,
        mark_terms=mark_terms,
        cite=cite,
        page_citations=page_citations,
        used_terms=used_terms,
        glossary=glossary,
        usages=usages,
        unit_containing=functools.partial(unit_containing, plan.edition),
        library_uri=LIBRARY,
        shelf_uri=shelf_uri,
        shelf_page=SHELF_PAGE,
        # the first page of each shelf, asked for only by the library's index (not walked for every page)
        shelf_plans=lambda: [p for p in plans.values() if p.listing is not None and p.listing.page == 1],
        newest=newest,
        term_uri=term_uri,
        excerpt=term_excerpt,
        label_of=label_markup,
        data_credits=data_credits,
        software_credits=software_credits,
    )


EXCERPT_CONTEXT = 30
"""Characters shown on either side of a term where a term page quotes the paragraph that uses it."""


def term_excerpt(text: str, term: Term, context: int = EXCERPT_CONTEXT) -> Markup:
    """The stretch of ``text`` around the first of the term's forms, the form marked; seed text escaped.

    >>> from duidu.glossary import Term
    >>> term = Term("fen-shui-zhi", "分税制", (), "fēn shuì zhì", "tax-sharing system", (), "")
    >>> str(term_excerpt("同时，分税制后<基层>财权被削弱", term, context=3))
    '同时，<mark>分税制</mark>后&lt;基…'
    """
    found = [(text.find(form), form) for form in term.forms if form in text]
    if not found:
        return render_text(text[: 2 * context]) + ("…" if len(text) > 2 * context else "")
    start, form = min(found)
    end = start + len(form)
    before, after = text[max(0, start - context) : start], text[end : end + context]
    return (
        ("…" if start > context else "")
        + render_text(before)
        + Markup("<mark>")
        + escape(form)
        + Markup("</mark>")
        + render_text(after)
        + ("…" if end + context < len(text) else "")
    )


def aligned_groups(zh: str, translation: Translation) -> list[tuple[list[str], str]] | None:
    """A translated unit's aligned groups (align.py), when it has more than one; else None (shown whole).
    A unit that does not align is one group (align.groups): shown whole too, as the build has said."""
    if translation.status is not Status.TRANSLATED:
        return None
    groups = align.groups(zh, translation.marked or translation.en)
    return groups if len(groups) > 1 else None


def label_markup(label: Label) -> Markup:
    """A two-language label as HTML (each language escaped in its own ``lang`` span)."""
    return Markup(label_html(label))


def unit_containing(edition: Edition | None, text: str) -> tuple[str, str] | None:
    """(page source path, paragraph id) of the body paragraph where ``text`` stands, if any."""
    if edition is None:
        return None
    article: Article = edition.article
    for paragraph in article.introduction:
        if text in paragraph.text:
            return overview_uri(edition), paragraph.id
    for part in article.parts:
        for paragraph in part.paragraphs:
            if text in paragraph.text:
                return part_uri(edition, part), paragraph.id
    return None


PART_EN, PART_ZH = "DDPARTEN", "DDPARTZH"
"""Tokens for the part in an article's passage citations, rendered once per article and named per page."""
_passage_citations: dict[str, tuple[str, str]] = {}
"""By article slug: (what the article was made from, its citations as JSON), one per article, replaced when
the article changes (``mkdocs serve`` rebuilds without growing it)."""


def page_citations(edition: Edition, part: Part | None) -> dict:
    """The passage citations of one page (:func:`citation.passage_citations`) as JSON for its script: citeproc
    runs once per article (with the part as a token), each page names its part."""
    made_from = edition.source_key or edition.seed_sha256
    kept = _passage_citations.get(edition.slug)
    if kept is None or kept[0] != made_from:
        rendered = passage_citations(edition, part_en=PART_EN, part_zh=PART_ZH)
        kept = _passage_citations[edition.slug] = (made_from, json.dumps(rendered, ensure_ascii=False))
    text = kept[1]
    if part is None:  # the overview: the introduction, which no part holds, so no part is named
        for token in (f", {PART_EN}", f"{PART_EN}, ", f"{PART_ZH}, ", PART_EN, PART_ZH):
            text = text.replace(token, "")
        return json.loads(text)
    return json.loads(text.replace(PART_EN, f"Part {part.number}").replace(PART_ZH, f"第{part.number}部分"))


def moved_page(edition: Edition, old_id: str, note: str, href: str, overview: str) -> str:
    """The page at a retired part's address: it leads on at once (to the overview when the old link names a
    paragraph, which the overview looks up; else to where the part's text went) and leaves the note for the
    page it leads to; without scripts, it says so and links there."""
    return environment().get_template("moved.html").render(
        edition=edition, old_id=old_id, note=note, href=href, overview=overview
    )
