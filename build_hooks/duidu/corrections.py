"""The editorial corrections file beside a seed: one entry per damaged span no rule can recover."""

from __future__ import annotations

from pathlib import Path

import yaml

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it (the wheels are), else the pure-Python one."""

from .models import Correction, SeedError
from .yaml_errors import yaml_error_reason

SUFFIX = ".corrections.yml"
FIELDS = ("source", "corrected", "reason")


def corrections_path(seed: Path) -> Path:
    """``seeds/x.txt`` → ``seeds/x.corrections.yml``."""
    return seed.with_suffix("").with_name(seed.stem + SUFFIX)


def load_corrections(path: Path) -> tuple[Correction, ...]:
    """Read a corrections file; a missing file means no corrections."""
    if not path.exists():
        return ()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise SeedError(f"{path.name}: {yaml_error_reason(error)}") from None
    entries = (data or {}).get("corrections", []) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SeedError(f"{path.name}: expected a mapping with a 'corrections' list")
    corrections = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or any(not isinstance(entry.get(f), str) or not entry[f] for f in FIELDS):
            raise SeedError(f"{path.name}: correction {number} needs non-empty text for {', '.join(FIELDS)}")
        corrections.append(Correction(entry["source"], entry["corrected"], entry["reason"]))
    return tuple(corrections)
