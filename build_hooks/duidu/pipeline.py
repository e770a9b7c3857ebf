"""One seed file → one :class:`Edition`: decode, correct, clean, convert, read the layout, parse, add the sidecar."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from .align import problem
from .catalog import Status, catalog_path, read_catalog, read_translations
from .clean import GARBLE_RULES, LABELS, WARNINGS, apply_corrections, clean_lines, variants_left, warning_about
from .corrections import corrections_path, load_corrections
from .decode import decode_seed
from .edition_cache import EditionCache, edition_key
from .ids import IdPlan, Registry, changes, keep_ids, load_registry, registry_path
from .layout import read_page
from .lexicon import frequencies
from .models import Change, CleaningReport, Edition, GarbleWarning, Note, SeedError
from .parse import parse_article
from .sidecar import Sidecar, apply_sidecar, load_sidecar, sidecar_path
from .slugs import RESERVED, hyphenate, pinyin_slug
from .units import translation_units


UNREADABLE_SIDE_FILE = "side files that cannot be read"
"""The kind of :class:`Note` for a catalog, corrections file or sidecar the article is published without."""

T = TypeVar("T")


@dataclass(frozen=True)
class SeedFailure:
    seed_name: str
    reason: str


def read_side_file(load: Callable[[Path], T], path: Path, fallback: T) -> tuple[T, str]:
    """What ``load`` reads from ``path``, and ""; or, if the file cannot be read, ``fallback`` and the reason
    (naming the file): a bad side file costs only what it carries, not the article."""
    try:
        return load(path), ""
    except SeedError as error:
        return fallback, str(error)


def side_file_note(error: str, consequence: str) -> Note:
    return Note(f"{error}; {consequence}", kind=UNREADABLE_SIDE_FILE, place=error.split(":", 1)[0])


def unreadable_side_files(edition: Edition) -> list[str]:
    """The side files the edition was made without, each with the reason."""
    return [note.text for note in edition.notes if note.kind == UNREADABLE_SIDE_FILE]


def build_edition(seed: Path) -> Edition:
    """Make the edition of one seed; raises :class:`SeedError` with the reason if it cannot be made."""
    refuse_links_outside(seed)
    try:
        data = seed.read_bytes()
    except OSError as error:
        raise SeedError(f"cannot be read: {error.strerror}") from None
    decoded = decode_seed(data)
    corrections, corrections_error = read_side_file(load_corrections, corrections_path(seed), ())
    lines, correction_changes = apply_corrections(decoded.text.split("\n"), corrections)
    correction_changes = list(decoded.changes) + correction_changes
    lines, rule_changes = clean_lines(lines)
    page = read_page(lines)
    sidecar, sidecar_error = read_side_file(load_sidecar, sidecar_path(seed), Sidecar(sidecar_path(seed).name))
    title = sidecar.title or (page.title.text if page.title else "")
    if not title and sidecar_error:
        raise SeedError(f"no recognisable title, and its sidecar cannot give one: {sidecar_error}")
    if not title:
        raise SeedError(f"no recognisable title: add `title:` to seeds/{sidecar.name}")
    # a title the sidecar replaces is listed on the About page like any other line kept out of the text
    replaced_title = (
        (Change("front-title", page.title.number, page.title.text, title),)
        if page.title and page.title.text != title
        else ()
    )
    article = parse_article(
        title, page.body, abstract=page.abstract, keywords=page.keywords, front_notes=page.front_notes
    )
    if not article.body_paragraphs and not article.abstract:
        raise SeedError("hollow: a title but neither an abstract nor a paragraph of text after it")
    registry, registry_error = read_side_file(load_registry, registry_path(seed), Registry())
    ids = keep_ids(article, registry)

    notes = []
    if registry_error:
        notes.append(side_file_note(registry_error, "published with ids by position (links to moved paragraphs may miss)"))
    else:
        notes += id_notes(registry_path(seed), registry, ids)
    if corrections_error:
        notes.append(side_file_note(corrections_error, "published without its corrections (what they repair is printed as 〓)"))
    if sidecar_error:
        notes.append(side_file_note(sidecar_error, "published without its metadata sidecar"))
    applied = {change.before for change in correction_changes}
    notes += [
        Note(
            f"correction not applied: its source form {c.source!r} is not in the seed",
            kind="corrections not applied (their source form is not in the seed)",
            place=repr(c.source),
        )
        for c in corrections
        if c.source not in applied
    ]
    unrecovered = tuple(GarbleWarning(c.line, c.before) for c in rule_changes if c.rule in GARBLE_RULES)
    notes += rule_notes(rule_changes)
    if "authors" not in sidecar.values:
        notes += [Note(note.replace("the sidecar", f"seeds/{sidecar.name}")) for note in page.notes]
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
        article=ids.article,
        metadata=apply_sidecar(page.metadata, sidecar),
        report=report,
        notes=tuple(notes),
        sidecar_name=sidecar.name,
        editorial=sidecar.entries(),
        retired_ids=ids.retired,
    )
    return attach_translations(edition, catalog_path(seed))


def id_notes(path: Path, registry: Registry, ids: IdPlan) -> list[Note]:
    """What the registry does not yet publish: new ids and retired ones wait for ``make translations``."""
    if not path.exists():
        return [Note(f"{path.name}: no id registry yet; the ids by position are not published (run `make translations`)")]
    waiting = changes(registry, ids.registry)
    if not waiting:
        return []
    return [Note(f"{path.name}: not in step with the seed: {waiting} (run `make translations` to publish the ids)")]


def rule_notes(changes: list[Change]) -> list[Note]:
    """A note for each change a maintainer must hear of; those of one rule are of one kind."""
    return [
        Note(warning_about(change), kind=LABELS.get(change.rule, change.rule), place=f"line {change.line}")
        for change in changes
        if change.rule in WARNINGS
    ]


def refuse_links_outside(seed: Path) -> None:
    """A seed that is a link to a file outside the project is refused: the build reads only what it holds."""
    if not seed.is_symlink():
        return
    project = seed.parent.resolve().parent
    target = seed.resolve()
    if not target.is_relative_to(project):
        raise SeedError(f"a link to a file outside the project ({target}): refused; copy the file into seeds/")


def attach_translations(edition: Edition, catalog_file: Path) -> Edition:
    """The edition with its English from the catalog, and a note for every unit still without it."""
    units = translation_units(edition)
    catalog, error = read_side_file(read_catalog, catalog_file, None) if catalog_file.exists() else (None, "")
    translations = read_translations(catalog, units)
    if error:
        notes = [side_file_note(error, f"published without its English ({len(units)} units)")]
    elif catalog is None:
        notes = [Note(f"{catalog_file.name}: no English catalog; {len(units)} units untranslated (run `make translations`)")]
    else:
        wording = {Status.MISSING: "translation missing", Status.OUTDATED: "translation outdated (fuzzy)"}
        notes = [
            Note(
                f"{catalog_file.name}: unit {unit_id}: {wording[t.status]}",
                kind=f"units in {catalog_file.name} with {wording[t.status]}",
                place=unit_id,
            )
            for unit_id, t in translations.items()
            if t.status is not Status.TRANSLATED
        ]
        notes += [
            Note(
                f"{catalog_file.name}: unit {unit.id}: the English is not aligned with the Chinese: {why}",
                kind=f"units in {catalog_file.name} whose English is not aligned sentence by sentence",
                place=unit.id,
            )
            for unit in units
            if translations[unit.id].status is Status.TRANSLATED
            and (why := problem(unit.zh, translations[unit.id].marked))
        ]
    return replace(
        edition,
        notes=edition.notes + tuple(notes),
        catalog_name=catalog_file.name,
        translations=translations,
    )


def build_editions(
    seeds: list[Path], cache: EditionCache | None = None, code: str = ""
) -> tuple[list[Edition], list[SeedFailure]]:
    """Every seed that can be built, in file-name order, with distinct slugs; and those that cannot.

    An edition is taken from this process's memory (``mkdocs serve``), else from ``cache`` (on disk, made by
    ``code``), else made: the seeds left to make are made in parallel processes, one per core, when there
    are several of them.
    """
    ordered = sorted(seeds, key=lambda p: p.name)
    keys = {seed.name: edition_key(seed, code) for seed in ordered}
    made: dict[str, Edition | SeedFailure] = {}
    for seed in ordered:
        known = _built.get(seed.name)
        if known is not None and known[0] == keys[seed.name]:
            made[seed.name] = known[1]
        elif cache is not None and (edition := cache.get(keys[seed.name])) is not None:
            made[seed.name] = edition
    todo = [seed for seed in ordered if seed.name not in made]
    if todo:
        load_dictionaries()
    for seed, result in zip(todo, _make_all(todo)):
        made[seed.name] = result
        if cache is not None and isinstance(result, Edition):
            cache.put(keys[seed.name], result)
    if cache is not None:
        cache.keep_only(keys[name] for name, result in made.items() if isinstance(result, Edition))
    _built.clear()
    _built.update((name, (keys[name], result)) for name, result in made.items() if isinstance(result, Edition))
    results = [_keyed(made[seed.name], keys[seed.name]) for seed in ordered]
    editions = [result for result in results if isinstance(result, Edition)]
    failures = [result for result in results if isinstance(result, SeedFailure)]
    editions, clashes = distinct_slugs(editions)
    return editions, failures + clashes


def _keyed(result: Edition | SeedFailure, key: str) -> Edition | SeedFailure:
    if isinstance(result, Edition) and result.source_key != key:
        return replace(result, source_key=key)
    return result


_built: dict[str, tuple[str, Edition]] = {}
"""The editions of the last build by seed name, with their keys, so that ``mkdocs serve`` remakes only the
seed that changed."""


def load_dictionaries() -> None:
    """Load what making an edition needs (jieba's frequencies) before any seed is made, once a process: the
    forked workers then share it rather than each loading it. Like the modules (build.set_loaded_data_aside),
    it is put out of the cycle collector's reach: it lives as long as the process."""
    if frequencies.cache_info().currsize == 0:
        frequencies()
        gc.freeze()


def _made(seed: Path) -> Edition | SeedFailure:
    try:
        return build_edition(seed)
    except SeedError as error:
        return SeedFailure(seed.name, str(error))


def _make_all(seeds: list[Path]) -> list[Edition | SeedFailure]:
    """Each seed made, in order: in one worker process per core (forked, so the dictionaries loaded already
    are shared, not loaded again) when there are several seeds and cores, else here."""
    workers = min(len(seeds), os.cpu_count() or 1)
    if workers < 2:
        return [_made(seed) for seed in seeds]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_made, seeds, chunksize=max(1, len(seeds) // (4 * workers))))


def title_slug(title: str, max_length: int = 60) -> str:
    """Pinyin of the title, hyphenated: readable in a URL and the same on every build.

    >>> title_slug("以高水平治理提升基层“免疫力”")
    'yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li'
    """
    return pinyin_slug(title, max_length) or "article"


def distinct_slugs(editions: list[Edition]) -> tuple[list[Edition], list[SeedFailure]]:
    """Every article a URL of its own. The first seed (by file name) with a slug keeps it; a later one, or one
    whose slug is a name the site uses itself (:data:`slugs.RESERVED`), gets its seed's id appended. A seed
    whose URL is still taken then is not published, and the failure names both seeds: no page is overwritten.
    """
    owners: dict[str, str] = {}
    result: list[Edition] = []
    failures: list[SeedFailure] = []
    for edition in editions:
        slug = edition.slug
        if slug in owners or slug in RESERVED:
            slug = f"{slug}-{hyphenate(Path(edition.seed_name).stem)}"
        if slug in owners or slug in RESERVED:
            taken_by = f"seeds/{owners[slug]}" if slug in owners else "the site itself"
            failures.append(SeedFailure(edition.seed_name, f"its URL /{slug}/ is already taken by {taken_by}"))
            continue
        owners[slug] = edition.seed_name
        result.append(replace(edition, slug=slug))
    return result, failures
