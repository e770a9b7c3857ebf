"""Whether the Python code under build_hooks/ is still the code this process loaded.

`mkdocs serve` imports the hook once and keeps it, and the duidu package with it, for its whole life, so an
edit to a ``.py`` file reaches the site only after a restart. Reloading modules in place would mix old and new
objects (dataclasses, the cached template environment), so each rebuild compares the files' contents with
those loaded and says, in one line, to restart. Templates need no restart: they are read again when they
change (:func:`render.environment`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CodeState:
    digests: Mapping[str, str]
    """SHA-256 of each ``.py`` file, by path relative to the folder read: contents, not times, so that saving
    a file unchanged (or undoing an edit) is no change."""


def code_state(root: Path) -> CodeState:
    digests = {}
    for path in sorted(root.rglob("*.py")):
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:  # being saved or removed right now: it differs from what was loaded
            digest = "unreadable"
        digests[path.relative_to(root).as_posix()] = digest
    return CodeState(digests)


def changed_files(loaded: CodeState, now: CodeState) -> list[str]:
    """The files added, removed or edited since ``loaded``, sorted."""
    names = loaded.digests.keys() | now.digests.keys()
    return sorted(name for name in names if loaded.digests.get(name) != now.digests.get(name))


def restart_notice(changed: list[str], shown: int = 3) -> str:
    """One line for the maintainer.

    >>> restart_notice(["duidu/build.py"])
    'build_hooks/duidu/build.py changed since `make serve` started: restart it to use the new code'
    >>> restart_notice(["a.py", "b.py", "c.py", "d.py", "e.py"])
    'build_hooks/a.py, b.py, c.py and 2 more changed since `make serve` started: restart it to use the new code'
    """
    names = ", ".join(changed[:shown]) + (f" and {len(changed) - shown} more" if len(changed) > shown else "")
    return f"build_hooks/{names} changed since `make serve` started: restart it to use the new code"
