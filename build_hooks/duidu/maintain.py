"""Maintainer commands, run by make: ``python -m duidu.maintain translations seeds/``.

``translations`` updates each seed's English PO catalog from the current source (see
:func:`catalog.update_catalog`) and prints what changed and the coverage. It refuses rather than damage: a seed
whose catalog cannot be read exactly, or whose corrections or sidecar cannot be read (its units would be wrong),
is skipped with the reason, and its catalog is left byte for byte as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .atomic_write import replace_file
from .catalog import catalog_path, new_catalog, read_catalog, read_translations, save_catalog, update_catalog
from .ids import IdPlan, changes, load_registry, registry_path, registry_text
from .models import Coverage, SeedError
from .pipeline import build_edition, unreadable_side_files
from .units import translation_units


def update_translations(seed_dir: Path) -> int:
    failures = 0
    for seed in sorted(seed_dir.glob("*.txt")):
        path = catalog_path(seed)
        try:
            message = update_one(seed, path)
        except SeedError as error:
            print(f"{seed}: skipped: {error}", file=sys.stderr)
            failures += 1
            continue
        print(f"{path}: {message}")
    return 1 if failures else 0


def update_one(seed: Path, path: Path) -> str:
    """Bring one seed's catalog in step and save it; raises :class:`SeedError` before writing anything."""
    catalog = read_catalog(path) if path.exists() else new_catalog(seed.name)
    edition = build_edition(seed)
    broken = unreadable_side_files(edition)
    if broken:
        raise SeedError(f"its units depend on a side file that cannot be read: {'; '.join(broken)}")
    ids_file = registry_path(seed)
    registered = load_registry(ids_file)
    published = IdPlan(edition.article, edition.retired_ids).registry
    ids_text = registry_text(published, seed.name)
    units = translation_units(edition)
    report = update_catalog(catalog, units)
    save_catalog(catalog, path)
    if not ids_file.exists() or ids_file.read_text(encoding="utf-8") != ids_text:
        replace_file(ids_file, ids_text.encode("utf-8"))
    return f"{report}; {Coverage.of(read_translations(catalog, units).values())}; ids: {changes(registered, published)}"


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "translations":
        print("usage: python -m duidu.maintain translations SEED_DIR", file=sys.stderr)
        return 2
    return update_translations(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
