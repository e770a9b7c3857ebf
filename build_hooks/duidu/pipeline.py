"""One seed file → one :class:`Edition`: decode, correct, clean, convert, read the layout, parse, add the sidecar."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from .catalog import Status, catalog_path, read_catalog, read_translations
from .clean import GARBLE_RULES, apply_corrections, clean_lines, variants_left
from .convert import to_simplified
from .corrections import corrections_path, load_corrections
from .decode import decode_seed
from .layout import read_page
from .models import Change, CleaningReport, Edition, GarbleWarning, SeedError
from .parse import parse_article
from .sidecar import apply_sidecar, load_sidecar, sidecar_path
from .slugs import hyphenate, pinyin_slug
from .units import translation_units


@dataclass(frozen=True)
class SeedFailure:
    seed_name: str
    reason: str


def build_edition(seed: Path) -> Edition:
    """Make the edition of one seed; raises :class:`SeedError` with the reason if it cannot be made."""
    try:
        data = seed.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot be read: {error.strerror}") from None
    decoded = decode_seed(data)
    corrections = load_corrections(corrections_path(seed))
    lines, correction_changes = apply_corrections(decoded.text.split("\n"), corrections)
    lines, rule_changes = clean_lines(lines)
    page = read_page(lines)
    sidecar = load_sidecar(sidecar_path(seed))
    title = sidecar.title or (page.title.text if page.title else "")
    if not title:
        raise SeedError(f"no recognisable title: add `title:` to seeds/{sidecar.name}")
    # a title the sidecar replaces is listed on the About page like any other line kept out of the text
    replaced_title = (
        (Change("front-title", page.title.number, page.title.text, title),)
        if page.title and page.title.text != title
        else ()
    )
    article = parse_article(title, page.body, abstract=page.abstract, keywords=page.keywords)

    notes = [
        f"correction not applied: its source form {c.source!r} is not in the seed"
        for c in corrections
        if not any(ch.before == c.source for ch in correction_changes)
    ]
    unrecovered = tuple(GarbleWarning(c.line, c.before) for c in rule_changes if c.rule in GARBLE_RULES)
    notes += [f"line {w.line}: garbled text {w.text!r} printed as 〓" for w in unrecovered]
    if "authors" not in sidecar.values:
        notes += [note.replace("the sidecar", f"seeds/{sidecar.name}") for note in page.notes]
    report = CleaningReport(
        changes=tuple(correction_changes + rule_changes) + page.changes + replaced_title,
        corrections=corrections,
        unrecovered=unrecovered,
        rare_characters=tuple(
            (number, ch) for number, line in enumerate(lines, start=1) for ch in dict.fromkeys(variants_left(line))
        ),
    )
    edition = Edition(
        seed_name=seed.name,
        seed_sha256=hashlib.sha256(data).hexdigest(),
        encoding=decoded.encoding,
        slug=title_slug(article.title),
        article=article,
        metadata=apply_sidecar(page.metadata, sidecar),
        report=report,
        notes=tuple(notes),
        sidecar_name=sidecar.name,
        editorial=sidecar.entries(),
    )
    return attach_translations(edition, catalog_path(seed))


def attach_translations(edition: Edition, catalog_file: Path) -> Edition:
    """The edition with its English from the catalog, and a note for every unit still without it."""
    units = translation_units(edition)
    catalog = read_catalog(catalog_file) if catalog_file.exists() else None
    translations = read_translations(catalog, units)
    if catalog is None:
        notes = [f"{catalog_file.name}: no English catalog; {len(units)} units untranslated (run `make translations`)"]
    else:
        wording = {Status.MISSING: "translation missing", Status.OUTDATED: "translation outdated (fuzzy)"}
        notes = [
            f"{catalog_file.name}: unit {unit_id}: {wording[t.status]}"
            for unit_id, t in translations.items()
            if t.status is not Status.TRANSLATED
        ]
    return replace(
        edition,
        notes=edition.notes + tuple(notes),
        catalog_name=catalog_file.name,
        translations=translations,
    )


def build_editions(seeds: list[Path]) -> tuple[list[Edition], list[SeedFailure]]:
    """Every seed that can be built, in file-name order, with distinct slugs; and those that cannot."""
    editions: list[Edition] = []
    failures: list[SeedFailure] = []
    for seed in sorted(seeds, key=lambda p: p.name):
        try:
            editions.append(_remembered_edition(seed))
        except SeedError as error:
            failures.append(SeedFailure(seed.name, str(error)))
    return distinct_slugs(editions), failures


_built: dict[tuple, Edition] = {}
"""Editions by everything they are made from, so that ``mkdocs serve`` rebuilds only the seed that changed."""


def _remembered_edition(seed: Path) -> Edition:
    sources = (seed, corrections_path(seed), catalog_path(seed), sidecar_path(seed))
    key = tuple(_contents(path) for path in sources)
    key = (seed.name, *key)
    if key not in _built:
        _built[key] = build_edition(seed)
        for stale in [k for k in _built if k[0] == seed.name and k != key]:
            del _built[stale]
    return _built[key]


def _contents(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def title_slug(title: str, max_length: int = 60) -> str:
    """Pinyin of the title, hyphenated: readable in a URL and the same on every build.

    >>> title_slug("以高水平治理提升基层“免疫力”")
    'yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li'
    """
    return pinyin_slug(title, max_length) or "article"


def distinct_slugs(editions: list[Edition]) -> list[Edition]:
    """The first seed (by file name) with a slug keeps it; a later one with the same slug gets its seed's id."""
    seen: set[str] = set()
    result = []
    for edition in editions:
        slug = edition.slug
        if slug in seen:
            slug = f"{slug}-{hyphenate(Path(edition.seed_name).stem)}"
        seen.add(slug)
        result.append(replace(edition, slug=slug))
    return result
