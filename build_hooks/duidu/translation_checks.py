"""translate-toolkit's ``pofilter`` checks over the English catalogs, as errors unless the unit says why not.

pofilter runs every one of its default checks but those in :data:`EXCLUDED`, which cannot work from Chinese to
English (each says why). What it finds in a unit is an error, unless the unit's translator comment names the
check in a line ``pofilter-ok: check[, check]: reason``. An exception whose check no longer fires is an error
too, so that none outlives its reason. Run by ``make check-translations`` and by the tests.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import polib

EXCLUDED = {
    "simplecaps": "Chinese has no letter case: every unit would differ in capitalisation",
    "startcaps": "Chinese has no letter case: every unit would differ in capitalisation at its start",
    "endpunc": "compares the last character literally: 。 never equals '.', and a Chinese heading ends in 。 "
    "where an English one ends in nothing",
    "sentencecount": "counts sentences by Latin full stops; align.py checks every unit sentence by sentence (‖)",
    "brackets": "counts ASCII brackets only: the Chinese （） are not counted, so every English bracket is 'added'",
}
"""pofilter's checks left out for Chinese to English, with the reason (also in seeds/TRANSLATING.md)."""

_FOUND = re.compile(r"^\(pofilter\) ([a-z]+): (.*)$")
_EXCEPTION = re.compile(r"^pofilter-ok: ([a-z, ]+): \S")


@dataclass(frozen=True)
class Finding:
    catalog: str
    unit: str
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.catalog}: unit {self.unit}: pofilter {self.check}: {self.message}"


def _unit_id(entry: polib.POEntry) -> str:
    return entry.msgctxt or entry.msgid[:20]


def exceptions(entry: polib.POEntry) -> set[str]:
    """The checks a unit's translator comment explains away (``pofilter-ok: doublequoting: why``)."""
    found: set[str] = set()
    for line in entry.tcomment.splitlines():
        match = _EXCEPTION.match(line)
        if match:
            found.update(name.strip() for name in match.group(1).split(",") if name.strip())
    return found


def pofilter_findings(catalog: Path) -> dict[str, set[tuple[str, str]]]:
    """What pofilter finds in each unit of a catalog (fuzzy units are the build's to report): by unit id."""
    pofilter = Path(sys.executable).with_name("pofilter")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "found.po"
        command = [str(pofilter), "--language=en", "--nofuzzy", "--progress=none"]
        command += [f"--excludefilter={name}" for name in EXCLUDED]
        subprocess.run([*command, str(catalog), str(out)], check=True, capture_output=True)
        found: dict[str, set[tuple[str, str]]] = {}
        if out.exists():
            for entry in polib.pofile(str(out)):
                for line in entry.tcomment.splitlines():
                    match = _FOUND.match(line)
                    if match:
                        found.setdefault(_unit_id(entry), set()).add(match.groups())
        return found


def check_catalog(catalog: Path) -> list[Finding]:
    """Every finding without an exception, and every exception without a finding."""
    found = pofilter_findings(catalog)
    problems: list[Finding] = []
    for entry in polib.pofile(str(catalog)):
        if entry.obsolete:
            continue
        unit = _unit_id(entry)
        allowed = exceptions(entry)
        fired = {check for check, _message in found.get(unit, ())}
        for check, message in sorted(found.get(unit, ())):
            if check not in allowed:
                problems.append(Finding(catalog.name, unit, check, message))
        for check in sorted(allowed - fired):
            problems.append(Finding(catalog.name, unit, check, "the comment excuses it, but it no longer fires: remove the exception"))
    return problems


def main(arguments: list[str]) -> int:
    folder = Path(arguments[0]) if arguments else Path("seeds")
    problems = [problem for catalog in sorted(folder.glob("*.po")) for problem in check_catalog(catalog)]
    for problem in problems:
        print(problem)
    catalogs = len(list(folder.glob("*.po")))
    print(f"pofilter: {catalogs} catalog{'s' if catalogs != 1 else ''}, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
