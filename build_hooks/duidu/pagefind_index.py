"""Write the site's search index with Pagefind (its Python API drives the Pagefind binary the wheel ships)."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import gzip
import hashlib
import json
import os
import shutil
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from .search_index import SearchRecord

OUTPUT = "pagefind"
"""The folder of the index in the built site; the search box loads ``pagefind/pagefind.js`` from it."""
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js", "pagefind-worker.js")
"""Pagefind's own interfaces and its worker, which Duidu's search box does without (it searches on the page)."""


class _PromptService(PagefindService):
    """Pagefind's service, reading each answer as soon as it comes. The upstream reader sleeps a tenth of a
    second before each answer, which makes a library of 200 articles (1,200 records) wait two minutes."""

    async def _wait_for_responses(self) -> None:
        assert self._backend.stdout is not None
        while True:
            output = await self._backend.stdout.readuntil(b",")
            response = json.loads(base64.b64decode(output[:-1]))
            future = self._responses.pop(response.get("message_id"), None)
            if future is None:
                continue
            payload = response["payload"]
            if payload["type"] == "Error":
                future.set_exception(RuntimeError(f"Pagefind: {payload['message']}"))
            else:
                future.set_result(payload)

    async def close(self) -> None:
        """End Pagefind by closing its input, and wait for it to exit. The upstream close kills it at once,
        and Pagefind may answer that its files are written before it has written them all: killed then, it
        left an empty pagefind-entry.json (seen under `mkdocs serve` on a loaded machine)."""
        self._poll_task.cancel()
        assert self._backend.stdin is not None
        self._backend.stdin.close()
        try:
            await asyncio.wait_for(self._backend.wait(), timeout=EXIT_TIMEOUT)
        except asyncio.TimeoutError:
            self._backend.terminate()
            await self._backend.wait()


EXIT_TIMEOUT = 60.0
"""Seconds Pagefind is given to finish and exit once its input is closed."""
SHARDS = "shards"
"""The folder, inside the first bundle, of the others: ``pagefind/shards/1/``…"""
ENGINE = ("pagefind.js", "wasm.*")
"""The search engine itself, which only the first bundle keeps: it serves every shard."""


def shard_folder(site_dir: Path, shard: int) -> Path:
    return site_dir / OUTPUT if shard == 0 else site_dir / OUTPUT / SHARDS / str(shard)


@dataclass(frozen=True)
class IndexWritten:
    records: int
    shards: int
    kept: int
    """Shards copied from those kept by an earlier build, not indexed again."""

    def __str__(self) -> str:
        kept = f", {self.kept} of them unchanged and kept from the last build" if self.kept else ""
        return f"{self.records} records in {self.shards} shard{'s' if self.shards > 1 else ''}{kept}"


def write_search_index(
    records: Iterable[SearchRecord], site_dir: Path, kept: Path | None = None, version: str = ""
) -> IndexWritten:
    """Index the records and write Pagefind's files into ``site_dir/pagefind`` (the first shard) and
    ``site_dir/pagefind/shards/<n>`` (the others), one shard at a time.

    Given ``kept`` (a folder), each shard written is kept there under the hash of what it was made from, and
    a shard whose hash has not changed is copied from there, not indexed again: after one seed of a library
    is edited, one shard is. The hash is that of its records' origins (their editions' keys) and ``version``
    (the code, glossary and settings: page_cache.render_version) when both are known, else of the records
    exactly as sent; with Pagefind's version and this module's code either way."""
    by_shard: dict[int, list[SearchRecord]] = {}
    for record in records:
        by_shard.setdefault(record.shard, []).append(record)
    by_shard.setdefault(0, [])
    count = copied = 0
    keys = []
    for shard in sorted(by_shard):
        folder = shard_folder(site_dir, shard)
        shard_records = by_shard.pop(shard)  # let each shard's words go once it is written
        sent = None
        if version and all(record.origin for record in shard_records):
            key = _shard_key([_described(record) for record in shard_records], version)
        else:
            sent = [_sent(record) for record in shard_records]
            key = _shard_key(sent, "")
        keys.append(key)
        stored = kept / key if kept is not None else None
        if stored is not None and _complete(stored):
            shutil.copytree(stored, folder, dirs_exist_ok=True)
            copied += 1
        else:
            asyncio.run(_write(sent if sent is not None else (_sent(record) for record in shard_records), folder))
            unused = UNUSED if shard == 0 else (*UNUSED, *ENGINE)
            for pattern in unused:
                for path in folder.glob(pattern):
                    path.unlink()
            if stored is not None:
                _keep(folder, stored)
        count += len(shard_records)
    if kept is not None:
        _keep_only(kept, keys)
    return IndexWritten(count, len(keys), copied)


def _sent(record: SearchRecord) -> dict:
    """What Pagefind is given for a record: its URL, words and meta. English: Pagefind stems the English
    words and leaves the pairs of Han characters whole."""
    meta = {"title": record.title, "article": record.article, "kind": record.kind, "units": record.unit_map()}
    return {"url": record.url, "content": record.content(), "language": "en", "meta": meta}


def _described(record: SearchRecord) -> dict:
    """A record by what it is made from, without cutting its words."""
    return {"url": record.url, "title": record.title, "article": record.article, "kind": record.kind,
            "origin": record.origin, "units": [unit.anchor for unit in record.units]}


def _shard_key(sent: list[dict], version: str) -> str:
    digest = hashlib.sha256(f"pagefind {metadata.version('pagefind')}\n{version}\n".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(json.dumps(sent, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()


WRITE_TIMEOUT = 10.0
"""Seconds to wait for Pagefind's files to be whole after it says they are written (:func:`_until_whole`)."""


def _complete(folder: Path) -> bool:
    """Whether a bundle's entry file is whole: JSON naming its languages. (Not its page count against the
    records: Pagefind leaves out a record with no words, so the two may differ.)"""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        return isinstance(entry.get("languages"), dict)
    except (OSError, ValueError, AttributeError):
        return False


_COMPRESSED = {".pagefind", ".pf_meta", ".pf_fragment", ".pf_index"}
"""Pagefind's gzip files: one is whole when it decompresses to its end-of-stream marker."""


def _whole(folder: Path) -> bool:
    """Whether every file of a bundle is written whole: the entry file, the engine and its WebAssembly for
    each language, and every compressed file. Pagefind answers that its files are written while it still
    writes them, and exits when its input closes: closed too early, it left a WebAssembly file cut at 64 KB
    (a fresh-clone test run found two builds of one site differing)."""
    if not _complete(folder):
        return False
    languages = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"]
    engine = [folder / "pagefind.js", folder / "wasm.unknown.pagefind"]
    engine += [folder / f"wasm.{language.get('wasm', name)}.pagefind" for name, language in languages.items()]
    if not all(path.is_file() and path.stat().st_size > 0 for path in engine):
        return False
    for path in folder.rglob("*"):
        if path.suffix in _COMPRESSED and path.is_file():
            try:
                with gzip.open(path) as stream:
                    while stream.read(1 << 20):
                        pass
            except (OSError, EOFError, zlib.error):  # cut short: no end-of-stream marker yet
                return False
    return True


async def _until_whole(folder: Path) -> None:
    deadline = time.monotonic() + WRITE_TIMEOUT
    while not _whole(folder):
        if time.monotonic() > deadline:
            raise RuntimeError(f"Pagefind did not finish writing the search index in {folder}")
        await asyncio.sleep(0.05)


def _keep(folder: Path, stored: Path) -> None:
    """Copy a shard written into the site to ``stored``: copied aside and renamed, so that a shard is kept
    whole or not at all (shards/ inside the first bundle is not part of it). A full disk costs only time."""
    temporary = stored.with_name(f".{stored.name}.tmp")
    try:
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.copytree(folder, temporary, ignore=shutil.ignore_patterns(SHARDS))
        os.replace(temporary, stored)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)


def _keep_only(kept: Path, keys: list[str]) -> None:
    with contextlib.suppress(OSError):
        for path in kept.iterdir():
            if path.name not in keys:
                shutil.rmtree(path, ignore_errors=True)


class BackgroundIndex:
    """The index written on a thread of its own while MkDocs renders the pages: Pagefind's indexer is another
    process, so it works on the second core while Python renders on the first. When it is done, the thread
    hands ``report`` what was written, or the error; :meth:`wait` waits for that. Shards are kept in
    ``kept`` between builds (:func:`write_search_index`)."""

    def __init__(
        self,
        records: Callable[[], Iterable[SearchRecord]],
        site_dir: Path,
        report: Callable[[IndexWritten | None, BaseException | None], None],
        kept: Path | None = None,
        version: str = "",
    ) -> None:
        self._thread = threading.Thread(
            target=self._run, args=(records, site_dir, report, kept, version), name="pagefind", daemon=True
        )
        self._thread.start()

    @staticmethod
    def _run(records, site_dir: Path, report, kept: Path | None, version: str) -> None:
        try:
            written = write_search_index(records(), site_dir, kept, version)
        except Exception as error:  # noqa: BLE001  reported, never raised into a thread nobody joins
            report(None, error)
        else:
            report(written, None)

    def wait(self) -> None:
        self._thread.join()


async def _write(records: Iterable[dict], output: Path) -> None:
    service = await _PromptService().launch()
    try:
        index = await service.create_index(IndexConfig())
        # One record at a time: Pagefind numbers pages in the order it finishes them, and records sent
        # together finish in any order, which would make two builds of one site differ.
        for record in records:
            await index.add_custom_record(**record)
        await index.write_files(output_path=str(output))
        await _until_whole(output)  # before closing: Pagefind exits on a closed input, mid-write if it is
    finally:
        await service.close()
