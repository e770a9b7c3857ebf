"""Duidu at library scale (`make bench`, first section): builds of 1, 50, 200 and 1,000 articles against plain
MkDocs + Material holding the very pages Duidu makes, as static Markdown (Material's own navigation of every
page and its search plugin, as a site of that size would be set up by hand).

Every article is real: a copy of the seed with its catalog, given a title of its own by a sidecar
(``title: …（之 n）``), so slugs, navigation entries and search records are all distinct. Runs are interleaved
(each round builds every project once) and each of ours is cold: its edition cache removed first. Printed:
seconds per article, the ratio to plain, the growth from 200 to 1,000 articles, the peak memory of the
build's whole process tree (the build, its workers and Pagefind's indexer, as proportional set size), the largest page, the glossary
page, the search bundle, the bytes a reader's browser fetches for a query for 分税制, and a warm rebuild
after editing one seed of 200. Targets from issue 10 beside each.
"""

from __future__ import annotations

import functools
import http.server
import logging
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_hooks"))

from duidu.build import add_pages, build_site  # noqa: E402
from duidu.loaded_code import code_state  # noqa: E402
from duidu.render import render_page  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402

SEED = ROOT / "seeds" / "000_187d118a7b570b53.txt"
SIZES = (1, 50, 200, 1000)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EDITED = "多元主體的良性參與"
"""A phrase of the seed (as the mirror has it) that the warm-rebuild measure edits."""
QUERY = "分税制"


@dataclass
class Run:
    seconds: float
    peak_bytes: int


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def config_for(directory: Path, *, hook: bool) -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs") if hook else str(directory / "docs")
    config.pop("watch", None)
    if hook:
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
        config["hooks"] = [str(ROOT / "build_hooks" / "hook.py")]
        config["watch"] = [str(directory / "seeds")]  # as the project's own: serve rebuilds on a seed edit
    else:  # plain Material as it comes: its templates, its search, every page in its navigation
        config["theme"].pop("custom_dir", None)
        config["theme"]["language"] = "en"
        config.pop("hooks", None)
        config["plugins"] = ["search"]
        config.pop("validation", None)
    path = directory / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def library(directory: Path, count: int) -> Path:
    """A project of ``count`` copies of the seed, each with its catalog, its id registry and a title of its own."""
    seeds = directory / "seeds"
    seeds.mkdir(parents=True)
    title = "以高水平治理提升基层“免疫力”"
    for number in range(1, count + 1):
        stem = f"{number:04d}_{SEED.stem.split('_', 1)[1]}"
        shutil.copy(SEED, seeds / f"{stem}.txt")
        shutil.copy(SEED.with_name(SEED.stem + ".en.po"), seeds / f"{stem}.en.po")
        shutil.copy(SEED.with_name(SEED.stem + ".ids.yml"), seeds / f"{stem}.ids.yml")
        (seeds / f"{stem}.meta.yml").write_text(f"title: {title}（之{number}）\n", encoding="utf-8")
    shutil.copy(ROOT / "seeds" / "glossary.yml", seeds / "glossary.yml")
    return config_for(directory, hook=True)


def plain_pages(directory: Path, source: Path) -> Path:
    """The pages Duidu makes for the project ``source``, as static Markdown (each page's HTML under a title)."""
    config_file = source.parent / "mkdocs.yml"
    quiet = logging.getLogger("bench.plain")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False  # the hook's build log, already printed by our builds: not needed twice
    site = build_site(source.parent / "seeds", "", quiet, code_state(ROOT / "build_hooks"))
    config = load_config(str(config_file))
    config.plugins._current_plugin = None  # File.generated reads it; outside a build no plugin is running
    site = add_pages(site, Files([]), config)
    docs = directory / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for src_uri, plan in site.plans.items():
        html = render_page(
            plan, editions=site.editions, plans=site.plans, glossary=site.glossary, usages=site.usages, files=site.files
        )
        front = yaml.safe_dump({"title": plan.title.plain()}, allow_unicode=True)
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{front}---\n\n{html}", encoding="utf-8")
    return config_for(directory, hook=False)


def tree_memory(root: int) -> int:
    """Memory of a process and all its descendants, from /proc: the sum of their proportional set sizes
    (PSS), so that pages forked workers share with the build (jieba's and pypinyin's dictionaries) count once."""
    parent_of: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as stat:
                    parent_of[int(name)] = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += next(int(line.split()[1]) * 1024 for line in rollup if line.startswith("Pss:"))
        except (OSError, StopIteration):
            pass
        stack.extend(child for child, parent in parent_of.items() if parent == pid)
    return total


def build(config: Path, *, cold: bool) -> Run:
    if cold:
        shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(config.parent / "site")],
        env=ENV, cwd=config.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_memory(process.pid))
        time.sleep(0.25)  # reading a large process's memory map costs the kernel: not too often
    seconds = time.perf_counter() - start
    if process.returncode:
        raise RuntimeError(f"{config}: mkdocs build exited {process.returncode}")
    return Run(seconds, peak)


def query_bytes(site: Path) -> int:
    """Bytes Chromium fetches from the moment a reader focuses the search box on the home page until the
    results for QUERY are shown: Pagefind's script, its WebAssembly, metadata, index chunks and fragments."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--headless"])
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            page.wait_for_load_state("networkidle")
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.locator("#dd-search-input").click()
            page.locator("#dd-search-input").fill(QUERY)
            page.wait_for_function("document.querySelector('.dd-search__status').textContent.length > 0", timeout=120_000)
            page.wait_for_load_state("networkidle")
            fetched = [len(response.body()) for response in responses if response.ok]
            browser.close()
    finally:
        server.shutdown()
    return sum(fetched)


def query_bytes_apart(site: Path) -> int:
    """:func:`query_bytes` in a Python of its own: a second Playwright session in one process has been seen
    to hang after the builds this one ran."""
    result = subprocess.run(
        [sys.executable, __file__, "--query-bytes", str(site)], check=True, capture_output=True, text=True, timeout=600
    )
    return int(result.stdout.split()[-1])


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def warm_rebuild(config: Path) -> float:
    """A build after editing one seed, every other edition in the cache: what a maintainer waits for."""
    build(config, cold=False)
    seed = sorted((config.parent / "seeds").glob("*.txt"))[len(list((config.parent / "seeds").glob("*.txt"))) // 2]
    original = seed.read_bytes()
    text = original.decode("utf-8")
    assert EDITED in text
    try:
        seed.write_text(text.replace(EDITED, EDITED.replace("良性", "良性的"), 1), encoding="utf-8")
        return build(config, cold=False).seconds
    finally:
        seed.write_bytes(original)


def report(
    work: Path, sizes: tuple[int, ...] = SIZES, runs: int = 3, large_runs: int = 1, plain_too: bool = True
) -> dict[int, Path]:
    """Print the table and the verdicts; returns the projects of ours by size (for the profile). Without
    ``plain_too`` only ours are built (to see a change of ours quickly; no ratio is printed)."""
    ours = {size: library(work / f"ours-{size}", size) for size in sizes}
    results: dict[str, dict[int, list[Run]]] = {"ours": {s: [] for s in sizes}, "plain": {s: [] for s in sizes}}
    for size in sizes:
        results["ours"][size].append(build(ours[size], cold=True))  # also fills the cache plain_pages reads
    plain = {size: plain_pages(work / f"plain-{size}", ours[size]) for size in sizes} if plain_too else {}
    for round_number in range(runs):
        for size in sizes:
            if size > 200 and round_number >= large_runs:
                continue
            if round_number:
                results["ours"][size].append(build(ours[size], cold=True))
            if plain_too:
                results["plain"][size].append(build(plain[size], cold=True))
    print("| articles | ours (s) | s/article | plain Material (s) | ours ÷ plain | peak memory | largest page | glossary page | search bundle | query for 分税制 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    medians = {}
    for size in sizes:
        ours_runs, plain_runs = results["ours"][size], results["plain"][size]
        seconds = statistics.median(r.seconds for r in ours_runs)
        plain_seconds = statistics.median(r.seconds for r in plain_runs) if plain_runs else float("nan")
        medians[size] = (seconds, plain_seconds, max(r.peak_bytes for r in ours_runs))
        site = ours[size].parent / "site"
        largest = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
        fetched = query_bytes_apart(site)
        print(
            f"| {size} | {seconds:.1f} ({len(ours_runs)} runs) | {seconds / size:.3f} | {plain_seconds:.1f} ({len(plain_runs)}) "
            f"| {seconds / plain_seconds:.2f} | {medians[size][2] / 1e6:.0f} MB "
            f"| {largest.stat().st_size / 1000:.0f} KB ({largest.parent.relative_to(site).as_posix()}) "
            f"{'' if largest.stat().st_size <= 150_000 else ' MISSED ≤ 150 KB'} "
            f"| {(site / 'glossary' / 'index.html').stat().st_size / 1000:.0f} KB "
            f"| {folder_bytes(site / 'pagefind') / 1e6:.1f} MB | {fetched / 1000:.0f} KB ({verdict(fetched <= 300_000)} ≤ 300 KB) |"
        )
    print()
    big = [s for s in sizes if s >= 200]
    for size in big if plain_too else ():
        ratio = medians[size][0] / medians[size][1]
        print(f"ours ÷ plain at {size}: {ratio:.2f} (target ≤ 0.5: {verdict(ratio <= 0.5)})")
    if 1 in medians and plain_too:
        ratio = medians[1][0] / medians[1][1]
        print(f"ours ÷ plain at 1 article: {ratio:.2f} (target ≤ 1.2: {verdict(ratio <= 1.2)})")
    if 200 in medians and 1000 in medians:
        growth = medians[1000][0] / medians[200][0]
        print(f"growth 200 → 1,000 articles: {growth:.2f}× (linear is 5; target ≤ 5.5: {verdict(growth <= 5.5)})")
        if plain_too:
            plain_growth = medians[1000][1] / medians[200][1]
            print(f"plain Material's growth 200 → 1,000: {plain_growth:.2f}× (for comparison)")
        print(f"1,000 articles cold: {medians[1000][0]:.0f} s (target ≤ 300 s: {verdict(medians[1000][0] <= 300)})")
        print(f"peak memory at 1,000: {medians[1000][2] / 1e9:.2f} GB (target ≤ 1.5 GB: {verdict(medians[1000][2] <= 1.5e9)})")
    if 200 in ours:
        seconds = warm_rebuild(ours[200])
        print(f"warm rebuild after editing one seed of 200: {seconds:.1f} s (target ≤ 10 s: {verdict(seconds <= 10)})")
    return ours


if __name__ == "__main__" and sys.argv[1:2] == ["--query-bytes"]:
    print(query_bytes(Path(sys.argv[2])))
