"""Replacing a maintainer's file all at once: a crash, a full disk or an encoding error leaves the old file whole."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

NEW_FILE_MODE = 0o644
"""Permissions of a file that did not exist before (mkstemp's own 0600 would hide it from other users)."""


def replace_file(path: Path, data: bytes) -> None:
    """Make ``path`` hold ``data``: written to a temporary file in the same folder, flushed to disk, given the old
    file's permissions, then renamed over it (``os.replace`` is atomic within one file system). Readers see the
    old file or the new one, never a part; if anything fails, the temporary file is removed and the error raised.
    """
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else NEW_FILE_MODE
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Flush the rename itself, so that after a power cut the folder names the new file."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
