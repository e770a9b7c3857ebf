"""Maintainer commands, run by make: ``python -m duidu.maintain translations seeds/``.

``translations`` updates each seed's English PO catalog from the current source (see
:func:`catalog.update_catalog`) and prints what changed and the coverage.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .catalog import catalog_path, new_catalog, read_catalog, read_translations, update_catalog
from .models import Coverage, SeedError
from .pipeline import build_edition
from .units import translation_units


def update_translations(seed_dir: Path) -> int:
    failures = 0
    for seed in sorted(seed_dir.glob("*.txt")):
        try:
            edition = build_edition(seed)
            path = catalog_path(seed)
            catalog = read_catalog(path) if path.exists() else new_catalog(seed.name)
        except SeedError as error:
            print(f"{seed}: skipped: {error}", file=sys.stderr)
            failures += 1
            continue
        units = translation_units(edition)
        report = update_catalog(catalog, units)
        catalog.save(str(path))
        print(f"{path}: {report}; {Coverage.of(read_translations(catalog, units).values())}")
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "translations":
        print("usage: python -m duidu.maintain translations SEED_DIR", file=sys.stderr)
        return 2
    return update_translations(Path(argv[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
