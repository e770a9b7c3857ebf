"""English translations in a gettext PO catalog beside each seed (``seeds/<seed>.en.po``).

msgctxt is the unit's stable id, msgid its cleaned Simplified Chinese, msgstr the English, so Poedit and
Weblate can edit it. :func:`update_catalog` keeps a catalog in step with the source the way msgmerge does;
:func:`read_translations` gives the build only the translations that still match the Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from .models import SeedError, Status, Translation
from .units import Unit

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
    try:
        return polib.pofile(str(path), wrapwidth=0)
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise SeedError(f"{path.name}: not a readable PO catalog: {error}") from None


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
        "Update with `make translations` after the seed changes; edit with any PO editor."
    )
    return catalog


def update_catalog(catalog: polib.POFile, units: tuple[Unit, ...]) -> UpdateReport:
    """Bring ``catalog`` in step with ``units``, as msgmerge does, without ever losing a translation.

    New units are added untranslated; a unit whose Chinese changed keeps its English, is marked fuzzy and
    keeps the previous Chinese (``#| msgid``); a unit that vanished becomes obsolete (``#~``) if it was
    translated. Entries follow the order of the units.
    """
    by_id: dict[str, polib.POEntry] = {}
    for entry in catalog:
        if entry.msgctxt and (entry.msgctxt not in by_id or by_id[entry.msgctxt].obsolete):
            by_id[entry.msgctxt] = entry
    added, changed, revived = [], [], []
    ordered = []
    for unit in units:
        entry = by_id.pop(unit.id, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=unit.id, msgid=unit.zh, msgstr="")
            added.append(unit.id)
        else:
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
    for unit_id, entry in by_id.items():
        if entry.msgstr:
            if not entry.obsolete:
                obsoleted.append(unit_id)
            entry.obsolete = True
            ordered.append(entry)
    catalog[:] = ordered
    return UpdateReport(tuple(added), tuple(changed), tuple(obsoleted), tuple(revived))


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
            translations[unit.id] = Translation(Status.TRANSLATED, entry.msgstr.strip())
    return translations

