"""The editorial corrections file beside a seed: one entry per damaged span no rule can recover."""

from __future__ import annotations

from pathlib import Path

from .models import Correction, SeedError
from .yaml_files import read_yaml

SUFFIX = ".corrections.yml"
FIELDS = ("source", "corrected", "reason")


def corrections_path(seed: Path) -> Path:
    """``seeds/x.txt`` → ``seeds/x.corrections.yml``."""
    return seed.with_suffix("").with_name(seed.stem + SUFFIX)


def load_corrections(path: Path) -> tuple[Correction, ...]:
    """Read a corrections file; a missing file means no corrections."""
    if not path.exists():
        return ()
    data = read_yaml(path)
    entries = (data or {}).get("corrections", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SeedError(f"{path.name}: expected a mapping with a 'corrections' list")
    corrections = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or any(not isinstance(entry.get(f), str) or not entry[f] for f in FIELDS):
            raise SeedError(f"{path.name}: correction {number} needs non-empty text for {', '.join(FIELDS)}")
        corrections.append(Correction(entry["source"], entry["corrected"], entry["reason"]))
    return tuple(corrections)
