"""English translations in a gettext PO catalog beside each seed (``seeds/<seed>.en.po``).

msgctxt is the unit's stable id, msgid its cleaned Simplified Chinese, msgstr the English, so Poedit and
Weblate can edit it. :func:`update_catalog` keeps a catalog in step with the source the way msgmerge does;
:func:`read_translations` gives the build only the translations that still match the Chinese.

A catalog is a maintainer's work, so it is read strictly (:mod:`po_syntax`: any syntax error or duplicate is an
error naming the line) and written only as UTF-8 text that reads back as the same entries, all at once
(:func:`atomic_write.replace_file`): a command refuses rather than leave a catalog altered or emptier.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from .align import english
from .atomic_write import replace_file
from .models import SeedError, Status, Translation
from .po_syntax import Entry, PoSyntaxError, parse_entries
from .units import Unit

ENCODING = "utf-8"
"""The one charset a catalog may declare: its msgids are Chinese, and Duidu writes what it reads."""
_CHARSET = re.compile(r"charset=([^\s;]+)", re.IGNORECASE)

LANGUAGE = "en"
SUFFIX = f".{LANGUAGE}.po"


@dataclass(frozen=True)
class UpdateReport:
    added: tuple[str, ...]
    changed: tuple[str, ...]
    obsoleted: tuple[str, ...]
    revived: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{len(self.added)} new, {len(self.changed)} changed (marked fuzzy), "
            f"{len(self.obsoleted)} obsolete, {len(self.revived)} back from obsolete"
        )


def catalog_path(seed: Path) -> Path:
    """``seeds/x.txt`` → ``seeds/x.en.po``."""
    return seed.with_name(seed.stem + SUFFIX)


def read_catalog(path: Path) -> polib.POFile:
    """The catalog at ``path``; raises :class:`SeedError` naming the file (and the line) if it cannot be read
    exactly."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(f"{path.name}: cannot be read: {error.strerror}") from None
    try:
        return parse_catalog(data)
    except PoSyntaxError as error:
        raise SeedError(f"{path.name}: {error}") from None


def parse_catalog(data: bytes) -> polib.POFile:
    """A PO file's bytes as a polib catalog, built from entries :mod:`po_syntax` has checked."""
    # Undecodable bytes are kept as surrogates until the header has said which charset it meant.
    text = data.decode(ENCODING, errors="surrogateescape")
    entries = parse_entries(text)
    header = next((e for e in entries if e.key == (None, "") and not e.obsolete), None)
    check_charset(header)
    check_utf8(text)
    check_one_entry_per_unit(entries)
    catalog = polib.POFile(wrapwidth=0, encoding=ENCODING)
    if header is not None:
        catalog.header = "\n".join(_comment_text(c) for c in header.comments if _comment_kind(c) == "#")
        catalog.metadata_is_fuzzy = _flags(header.comments)
        catalog.metadata = parse_metadata(header.msgstr)
    catalog.extend(po_entry(e) for e in entries if e is not header)
    return catalog


def check_charset(header: Entry | None) -> None:
    match = _CHARSET.search(header.msgstr) if header else None
    if match is None:
        return  # no header or no charset: UTF-8, as polib and Duidu assume
    name = match.group(1)
    try:
        known = codecs.lookup(name).name
    except LookupError:
        raise PoSyntaxError(header.line, f"unknown charset {name!r} in the header: write charset=UTF-8") from None
    if known != ENCODING:
        raise PoSyntaxError(
            header.line,
            f"the header declares charset={name}, which cannot hold the catalog's Chinese as Duidu reads and "
            "writes it: write charset=UTF-8 and save the file as UTF-8",
        )


def check_utf8(text: str) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if any("\udc80" <= ch <= "\udcff" for ch in line):
            raise PoSyntaxError(number, "not UTF-8, as the header says")


def check_one_entry_per_unit(entries: tuple[Entry, ...]) -> None:
    """Duidu's rule beyond gettext's: a unit has one live entry, else which English counts would be a guess."""
    first_line: dict[str, int] = {}
    for entry in entries:
        if entry.msgctxt is None or entry.obsolete:
            continue
        if entry.msgctxt in first_line:
            raise PoSyntaxError(
                entry.line, f"a second entry for unit {entry.msgctxt!r} (the first is at line {first_line[entry.msgctxt]})"
            )
        first_line[entry.msgctxt] = entry.line


def parse_metadata(msgstr: str) -> dict[str, str]:
    """The header's ``Key: value`` lines, as polib reads them (a line without a colon continues the last value)."""
    metadata: dict[str, str] = {}
    key = None
    for line in msgstr.splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            metadata[key] = value.strip()
        elif key is not None:
            metadata[key] += "\n" + line.strip()
    return metadata


def po_entry(entry: Entry) -> polib.POEntry:
    kinds = [(_comment_kind(c), _comment_text(c)) for c in entry.comments]
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgid_plural=entry.msgid_plural or "",
        msgstr=entry.msgstr,
        msgstr_plural=dict(enumerate(entry.msgstr_plural)),
        obsolete=entry.obsolete,
        previous_msgctxt=entry.previous.get("msgctxt"),
        previous_msgid=entry.previous.get("msgid"),
        previous_msgid_plural=entry.previous.get("msgid_plural"),
        tcomment="\n".join(text for kind, text in kinds if kind == "#"),
        comment="\n".join(text for kind, text in kinds if kind == "#."),
        occurrences=[_occurrence(word) for kind, text in kinds if kind == "#:" for word in text.split()],
        flags=_flags(entry.comments),
        linenum=entry.line,
    )


def _comment_kind(comment: str) -> str:
    """``#.`` extracted, ``#:`` references, ``#,`` flags; any other comment is the translator's (``#``)."""
    return comment[:2] if comment[:2] in ("#.", "#:", "#,") else "#"


def _comment_text(comment: str) -> str:
    text = comment[len(_comment_kind(comment)) :]
    return text[1:] if text.startswith(" ") else text


def _flags(comments: tuple[str, ...]) -> list[str]:
    return [flag.strip() for c in comments if _comment_kind(c) == "#," for flag in _comment_text(c).split(",") if flag.strip()]


def _occurrence(word: str) -> tuple[str, str]:
    path, _, line = word.rpartition(":")
    return (path, line) if path and line.isdigit() else (word, "")


def catalog_bytes(catalog: polib.POFile) -> bytes:
    """The catalog as UTF-8, checked to read back as the same catalog; raises :class:`PoSyntaxError` if not."""
    try:
        data = str(catalog).encode(ENCODING)
    except UnicodeEncodeError as error:
        raise PoSyntaxError(0, f"text that UTF-8 cannot hold: {error.object[error.start:error.end]!r}") from None
    if catalog_content(parse_catalog(data)) != catalog_content(catalog):
        raise PoSyntaxError(0, "polib would write text that does not read back as the same entries")
    return data


def catalog_content(catalog: polib.POFile) -> tuple:
    """Everything a catalog holds, comparable: header, metadata and every entry (in any order)."""
    entries = sorted(
        repr((
            bool(e.obsolete), e.msgctxt, e.msgid, e.msgid_plural, e.msgstr, sorted(e.msgstr_plural.items()),
            e.previous_msgctxt, e.previous_msgid, e.previous_msgid_plural,
            e.tcomment, e.comment, e.occurrences, e.flags,
        ))  # fmt: skip
        for e in catalog
    )
    return (catalog.header, bool(catalog.metadata_is_fuzzy), dict(catalog.metadata), entries)


def save_catalog(catalog: polib.POFile, path: Path) -> None:
    """Write the catalog to ``path`` all at once, or raise :class:`SeedError` and leave the file as it was."""
    try:
        replace_file(path, catalog_bytes(catalog))
    except PoSyntaxError as error:
        raise SeedError(f"{path.name}: not saved: {error.reason}") from None
    except OSError as error:
        raise SeedError(f"{path.name}: not saved: {error.strerror or error}") from None


def new_catalog(seed_name: str) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {
        "Project-Id-Version": f"Duidu {seed_name}",
        "Language": LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "zh-Hans",
    }
    catalog.header = (
        f"English translation of seeds/{seed_name}.\n"
        "msgctxt: the unit's stable id; msgid: the cleaned Simplified Chinese; msgstr: the English.\n"
        "In msgstr, ‖ separates the English of each Chinese sentence (after 。！？); an empty piece shares the\n"
        "English of the sentence before. See seeds/TRANSLATING.md, \"Sentence by sentence\".\n"
        "Update with `make translations` after the seed changes; edit with any PO editor."
    )
    return catalog


def update_catalog(catalog: polib.POFile, units: tuple[Unit, ...]) -> UpdateReport:
    """Bring ``catalog`` in step with ``units``, as msgmerge does, without ever losing a translation.

    New units are added untranslated; a unit whose Chinese changed keeps its English, is marked fuzzy and
    keeps the previous Chinese (``#| msgid``); a unit that vanished becomes obsolete (``#~``) if it was
    translated. Entries follow the order of the units.
    """
    by_context: dict[str | None, list[polib.POEntry]] = {}
    for entry in catalog:
        by_context.setdefault(entry.msgctxt, []).append(entry)
    added, changed, revived = [], [], []
    ordered = []
    for unit in units:
        entry = entry_for(unit, by_context.get(unit.id, []))
        if entry is None:
            entry = polib.POEntry(msgctxt=unit.id, msgid=unit.zh, msgstr="")
            added.append(unit.id)
        else:
            by_context[unit.id].remove(entry)
            if entry.obsolete:
                entry.obsolete = False
                revived.append(unit.id)
            if entry.msgid != unit.zh:
                if entry.msgstr:
                    entry.previous_msgid = entry.msgid
                    if "fuzzy" not in entry.flags:
                        entry.flags.append("fuzzy")
                changed.append(unit.id)
                entry.msgid = unit.zh
        entry.comment = unit.kind
        ordered.append(entry)
    obsoleted = []
    # Every other translated entry is kept, obsolete: a vanished unit's, an older one of the same unit,
    # one a translator added without a unit id. Untranslated ones carry nothing and go, as with msgmerge;
    # so do an obsolete entry's extracted comment and references, which described a unit that is gone
    # (PO files have no place for them: polib, like msgmerge, does not write them).
    for entry in (e for entries in by_context.values() for e in entries):
        if entry.msgstr or any(entry.msgstr_plural.values()):
            if not entry.obsolete:
                obsoleted.append(entry.msgctxt or entry.msgid)
            entry.obsolete = True
            entry.comment, entry.occurrences = "", []
            ordered.append(entry)
    catalog[:] = ordered
    return UpdateReport(tuple(added), tuple(changed), tuple(obsoleted), tuple(revived))


def entry_for(unit: Unit, candidates: list[polib.POEntry]) -> polib.POEntry | None:
    """The unit's entry among those with its id: the one whose Chinese is the unit's (its English is current),
    else the live one, else the first obsolete one."""
    exact = [e for e in candidates if e.msgid == unit.zh]
    live = [e for e in candidates if not e.obsolete]
    return next(iter(exact or live or candidates), None)


def read_translations(catalog: polib.POFile | None, units: tuple[Unit, ...]) -> dict[str, Translation]:
    """Each unit's translation; only an entry whose msgid is the unit's current Chinese counts."""
    entries = {e.msgctxt: e for e in catalog or () if not e.obsolete and e.msgctxt}
    translations = {}
    for unit in units:
        entry = entries.get(unit.id)
        if entry is None or not entry.msgstr.strip():
            translations[unit.id] = Translation(Status.MISSING)
        elif entry.msgid != unit.zh or "fuzzy" in entry.flags:
            translations[unit.id] = Translation(Status.OUTDATED)
        else:
            marked = entry.msgstr.strip()
            translations[unit.id] = Translation(Status.TRANSLATED, english(marked), marked)
    return translations

