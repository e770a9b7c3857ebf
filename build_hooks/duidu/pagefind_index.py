"""Write the site's search index with Pagefind (its Python API drives the Pagefind binary the wheel ships)."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
from collections.abc import Callable, Iterable
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


SHARDS = "shards"
"""The folder, inside the first bundle, of the others: ``pagefind/shards/1/``…"""
ENGINE = ("pagefind.js", "wasm.*")
"""The search engine itself, which only the first bundle keeps: it serves every shard."""


def shard_folder(site_dir: Path, shard: int) -> Path:
    return site_dir / OUTPUT if shard == 0 else site_dir / OUTPUT / SHARDS / str(shard)


def write_search_index(records: Iterable[SearchRecord], site_dir: Path) -> int:
    """Index the records and write Pagefind's files into ``site_dir/pagefind`` (the first shard) and
    ``site_dir/pagefind/shards/<n>`` (the others), one shard at a time; returns how many records."""
    by_shard: dict[int, list[SearchRecord]] = {}
    for record in records:
        by_shard.setdefault(record.shard, []).append(record)
    by_shard.setdefault(0, [])
    count = 0
    for shard in sorted(by_shard):
        folder = shard_folder(site_dir, shard)
        count += asyncio.run(_write(by_shard[shard], folder))
        unused = UNUSED if shard == 0 else (*UNUSED, *ENGINE)
        for pattern in unused:
            for path in folder.glob(pattern):
                path.unlink()
    return count


class BackgroundIndex:
    """The index written on a thread of its own while MkDocs renders the pages: Pagefind's indexer is another
    process, so it works on the second core while Python renders on the first. When it is done, the thread
    hands ``report`` the number of records, or the error; :meth:`wait` waits for that."""

    def __init__(
        self,
        records: Callable[[], Iterable[SearchRecord]],
        site_dir: Path,
        report: Callable[[int, BaseException | None], None],
    ) -> None:
        self._thread = threading.Thread(target=self._run, args=(records, site_dir, report), name="pagefind", daemon=True)
        self._thread.start()

    @staticmethod
    def _run(records, site_dir: Path, report) -> None:
        try:
            count = write_search_index(records(), site_dir)
        except Exception as error:  # noqa: BLE001  reported, never raised into a thread nobody joins
            report(0, error)
        else:
            report(count, None)

    def wait(self) -> None:
        self._thread.join()


async def _write(records: list[SearchRecord], output: Path) -> int:
    service = await _PromptService().launch()
    try:
        index = await service.create_index(IndexConfig())
        # One record at a time: Pagefind numbers pages in the order it finishes them, and records sent
        # together finish in any order, which would make two builds of one site differ.
        for record in records:
            await index.add_custom_record(
                url=record.url,
                content=record.content(),
                # English: Pagefind stems the English words and leaves the pairs of Han characters whole
                language="en",
                meta={"title": record.title, "article": record.article, "kind": record.kind, "units": record.unit_map()},
            )
        await index.write_files(output_path=str(output))
    finally:
        await service.close()
    return len(records)
