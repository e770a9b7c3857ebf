"""Editions kept on disk between builds, each under the hash of everything it is made from.

Making an edition (decoding, the repair's scoring, cleaning, conversion, parsing) is most of what a seed
costs; rendering its pages is the rest. So an edition is stored once made, under a key that changes with any
byte of its seed, its corrections file, its catalog or its sidecar, with the code under ``build_hooks/`` and
with the versions of the libraries whose output it holds (OpenCC's tables, jieba's and pypinyin's
dictionaries). The glossary is not part of an edition (terms are matched when pages are rendered), so editing
it costs no edition. A file that cannot be read back (from another Python, cut short, tampered with) is only
a miss: the edition is made again and the file replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path

from .atomic_write import replace_file
from .catalog import catalog_path
from .corrections import corrections_path
from .ids import registry_path
from .models import Edition
from .sidecar import sidecar_path

FOLDER = Path(".cache") / "duidu" / "editions"
"""Where the editions are kept, under the project's folder (beside mkdocs.yml; ignored by git)."""
LIBRARIES = ("opencc", "jieba", "pypinyin", "zhconv", "polib", "pyyaml")
"""Libraries whose data or parsing shapes an edition."""


def code_version(digests: Mapping[str, str]) -> str:
    """One hash of the code an edition is made by: the hook's files, Python's version and the libraries'."""
    parts = [sys.version, *(f"{name} {_version(name)}" for name in LIBRARIES)]
    parts += [f"{path} {digest}" for path, digest in sorted(digests.items())]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def sources(seed: Path) -> tuple[Path, ...]:
    """Every file an edition is made from: the seed and the files beside it."""
    return (seed, corrections_path(seed), catalog_path(seed), sidecar_path(seed), registry_path(seed))


def edition_key(seed: Path, code: str) -> str:
    """The hash of the code and of each source file's name and bytes (a missing file counts as missing)."""
    digest = hashlib.sha256(code.encode())
    for path in sources(seed):
        digest.update(b"\0" + path.name.encode() + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


class EditionCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> Edition | None:
        try:
            edition = pickle.loads(self._path(key).read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001  a damaged or foreign file is a miss, never a failed build
            return None
        return edition if isinstance(edition, Edition) else None

    def put(self, key: str, edition: Edition) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            replace_file(self._path(key), pickle.dumps(edition, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a read-only or full disk costs the next build time, not this one its site
            pass

    def keep_only(self, keys: Iterable[str]) -> None:
        """Remove the editions of seeds as they no longer are (edited, removed, or made by older code)."""
        kept = {f"{key}.pickle" for key in keys}
        for path in self.folder.glob("*.pickle"):
            if path.name not in kept:
                with contextlib.suppress(OSError):
                    path.unlink()
