"""Duidu's build benchmark: the hook's cost against plain MkDocs + Material, as ratios (run by `make bench`).

Builds, five times each, interleaved (medians of wall time, in fresh processes):
- ours-1 / ours-20: the site from 1 seed and from 20 copies of it (distinct file names, each with its
  corrections file and English catalog, and the glossary);
- two plain MkDocs + Material baselines, same MkDocs, theme and jieba search, no hook:
  text-1 / text-20, the bilingual text alone as Markdown (headings, paragraphs, notes, references, glossary);
  pages-1 / pages-20, the very pages the hook makes, written out as static Markdown.
Then profiles the hook on ours-20, times `mkdocs serve`'s rebuild after a seed edit, and measures page and
search-index sizes. One summary line per figure; targets from the issue are shown beside each.
Last, the pathological-input section (bench/pathological.py): seconds per MB for each stage on generated
inputs made to provoke super-linear time, and the growth for four times the input.

    bench/bench.py                  everything
    bench/bench.py --pathological   the pathological-input section alone (about a minute and a half)
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_hooks"))

from duidu.build import add_pages, build_site  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.structure.files import Files  # noqa: E402
from duidu.catalog import Status  # noqa: E402
from duidu.glossary import load_glossary  # noqa: E402
from duidu.models import Edition  # noqa: E402
from duidu.pipeline import build_edition  # noqa: E402
from duidu.render import render_page  # noqa: E402

import pathological  # noqa: E402  (bench/, beside this file)

SEED = ROOT / "seeds" / "000_187d118a7b570b53.txt"
COPIES = 20
RUNS = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--pathological", action="store_true", help="run only the pathological-input section")
    if arguments.parse_args().pathological:
        print(f"machine: {machine()}")
        pathological.report()
        return 0
    work = Path(tempfile.mkdtemp(prefix="duidu-bench-"))
    try:
        print(f"machine: {machine()}")
        projects = {
            "ours-1": ours(work / "ours-1", 1),
            f"ours-{COPIES}": ours(work / f"ours-{COPIES}", COPIES),
            "text-1": plain_text(work / "text-1", 1),
            f"text-{COPIES}": plain_text(work / f"text-{COPIES}", COPIES),
            "pages-1": plain_pages(work / "pages-1", 1),
            f"pages-{COPIES}": plain_pages(work / f"pages-{COPIES}", COPIES),
        }
        times = median_build_times(projects)
        for name, seconds in times.items():
            print(f"build {name}: {seconds:.2f} s (median of {RUNS})")
        for baseline, what in (("text", "the bilingual text as Markdown"), ("pages", "the same pages as static Markdown")):
            ratio = times[f"ours-{COPIES}"] / times[f"{baseline}-{COPIES}"]
            print(f"ratio ours/plain ({what}), {COPIES} articles: {ratio:.2f} (target <= 1.5: {verdict(ratio <= 1.5)})")
        scaling = times[f"ours-{COPIES}"] / times["ours-1"]
        print(f"ratio ours {COPIES}/1 articles: {scaling:.2f} (linear would be {COPIES}: {verdict(scaling <= COPIES)})")
        print(f"ratio plain text {COPIES}/1 articles: {times[f'text-{COPIES}'] / times['text-1']:.2f} (for comparison)")
        profile(projects[f"ours-{COPIES}"])
        rebuild = serve_rebuild_time(projects["ours-1"])
        print(f"serve rebuild after a seed edit: {rebuild:.2f} s (median of {RUNS}; target <= 1 s: {verdict(rebuild <= 1)})")
        sizes(projects["ours-1"], projects[f"ours-{COPIES}"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    pathological.report()
    return 0


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor() or "unknown CPU",
    )
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def config_for(directory: Path, *, hook: bool) -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(directory / "docs") if not hook else str(ROOT / "docs")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config.pop("watch", None)
    if hook:
        config["hooks"] = [str(ROOT / "build_hooks" / "hook.py")]
        config["watch"] = [str(directory / "seeds")]
    else:
        config.pop("hooks", None)
    path = directory / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def ours(directory: Path, copies: int) -> Path:
    seeds = directory / "seeds"
    seeds.mkdir(parents=True)
    for number in range(1, copies + 1):
        stem = f"{number:03d}_{SEED.stem.split('_', 1)[1]}"
        for suffix in (".txt", ".corrections.yml", ".meta.yml", ".en.po"):
            companion = SEED.with_name(SEED.stem + suffix)
            if companion.exists():
                shutil.copy(companion, seeds / f"{stem}{suffix}")
    shutil.copy(ROOT / "seeds" / "glossary.yml", seeds / "glossary.yml")
    return config_for(directory, hook=True)


def plain_text(directory: Path, copies: int) -> Path:
    """The article's bilingual text alone as static Markdown: headings, paragraphs (Chinese, then English),
    notes, references, a glossary of terms and definitions; none of the edition's apparatus."""
    docs = directory / "docs"
    shutil.copytree(ROOT / "docs", docs)
    edition = build_edition(SEED)
    for number in range(1, copies + 1):
        for name, markdown in article_markdown(edition).items():
            path = docs / f"article-{number:03d}" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
    glossary = load_glossary(ROOT / "seeds" / "glossary.yml")
    entries = [f"## {t.term} {t.pinyin}\n\n**{t.english}**\n\n{t.explanation}\n" for t in glossary.terms]
    (docs / "glossary.md").write_text("# Glossary 术语表\n\n" + "\n".join(entries), encoding="utf-8")
    (docs / "index.md").write_text(f"# Duidu 对读\n\n{escape(edition.article.abstract)}\n", encoding="utf-8")
    return config_for(directory, hook=False)


def article_markdown(edition: Edition) -> dict[str, str]:
    article = edition.article

    def en(unit_id: str) -> str:
        translation = edition.english(unit_id)
        return escape(translation.en) if translation.status is Status.TRANSLATED else ""

    def both(paragraphs) -> list[str]:
        return [text for p in paragraphs for text in (escape(p.text), en(p.id))]

    pages = {
        "index.md": "\n\n".join(
            [f"# {escape(article.title)}", en("title"), "## Abstract 摘要", escape(article.abstract), en("abstract")]
            + both(article.introduction)
        )
    }
    for part in article.parts:
        blocks = [f"# {escape(part.heading)}", en(part.id), *both(part.preface)]
        for section in part.sections:
            blocks += [f"## {escape(section.heading)}", en(section.id), *both(section.paragraphs)]
        pages[f"part-{part.number}.md"] = "\n\n".join(blocks)
    references = [f"{r.number}. {escape(r.raw)}" for r in article.references]
    notes = [escape(article.author_note), en("note-author"), escape(article.funding_note), en("note-funding")]
    pages["references.md"] = "\n\n".join(["# References 参考文献", *notes, *references])
    counts = "\n".join(f"- {rule}: {count}" for rule, count in edition.report.counts().items())
    pages["about.md"] = f"# About this text 关于本文本\n\nSource: {edition.seed_name}, {edition.encoding}\n\n{counts}\n"
    return pages


def escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def plain_pages(directory: Path, copies: int) -> Path:
    """The same pages as static Markdown: each page's content, as the hook renders it, written to docs/.

    So both sites hold the same bilingual text and markup, and the theme and search do the same work on
    them: what the ratio measures is the hook (reading, cleaning, converting, parsing, rendering) against
    MkDocs reading and converting static Markdown.
    """
    config_file = ours(directory / "source", copies)
    site = build_site(config_file.parent / "seeds", "", logging.getLogger("bench"))
    config = load_config(str(config_file))
    config.plugins._current_plugin = None  # File.generated reads it; outside a build no plugin is running
    site = add_pages(site, Files([]), config)  # the pages' files, to link by
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


def build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True, env=ENV, cwd=config.parent, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def median_build_times(projects: dict[str, Path]) -> dict[str, float]:
    """Median wall times, the runs interleaved (each round builds every project once) so that a slow spell
    of a shared machine falls on all of them alike."""
    runs: dict[str, list[float]] = {name: [] for name in projects}
    for _ in range(RUNS):
        for name, config in projects.items():
            runs[name].append(build(config, config.parent / "site"))
    return {name: statistics.median(times) for name, times in runs.items()}


def profile(config: Path) -> None:
    """cProfile of one build in a fresh process: the hook's stages, and its five most expensive functions."""
    output = config.parent / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "-q", "-f", str(config)]
    start = time.perf_counter()
    subprocess.run(command + ["-d", str(config.parent / "site-profile")], check=True, env=ENV, cwd=config.parent)
    wall = time.perf_counter() - start
    entries = pstats.Stats(str(output), stream=io.StringIO()).stats  # type: ignore[attr-defined]

    def cumulative(filename: str, function: str) -> float:
        return sum(v[3] for (f, _, name), v in entries.items() if f.endswith(filename) and name == function)

    stages = {
        "load the hook (with jieba's dictionary, which search loads anyway, and pypinyin)": cumulative("build_hooks/hook.py", "<module>"),
        "build the editions": cumulative("duidu/pipeline.py", "build_editions"),
        "glossary and checks": cumulative("duidu/build.py", "build_site") - cumulative("duidu/pipeline.py", "build_editions"),
        "render the pages": cumulative("duidu/render.py", "render_page"),
    }
    hook = sum(stages.values())
    print(f"profile: the hook takes {hook:.2f} s of a {wall:.2f} s build under cProfile ({100 * hook / wall:.0f}%): "
          + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items()))
    ours = [(v[2], v[3], key) for key, v in entries.items() if "/build_hooks/duidu/" in key[0] and key[2] != "<module>"]
    for tottime, cumtime, (filename, line, name) in sorted(ours, reverse=True)[:5]:
        print(f"profile: {tottime:.3f} s own, {cumtime:.3f} s with callees  {Path(filename).relative_to(ROOT)}:{line} {name}")


def serve_rebuild_time(config: Path) -> float:
    """Seconds from saving an edited seed to `mkdocs serve` serving the rebuilt page."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=config.parent, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    seed = next((config.parent / "seeds").glob("*.txt"))
    original = seed.read_text(encoding="utf-8")
    slug = build_edition(SEED).slug
    url = f"http://127.0.0.1:{port}/{slug}/part-1/"
    try:
        wait_for(url, lambda body: "多元主体" in body, timeout=60)
        times = []
        for run in range(RUNS):
            marker = f"测试修改{run}"
            seed.write_text(original.replace("多元主體的良性參與", f"多元主體的{marker}良性參與", 1), encoding="utf-8")
            start = time.perf_counter()
            wait_for(url, lambda body, m=marker: m in body, timeout=30, interval=0.02)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        seed.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=10)


def wait_for(url: str, predicate, *, timeout: float, interval: float = 0.2) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate(urllib.request.urlopen(url, timeout=5).read().decode("utf-8")):
                return
        except OSError:
            pass
        time.sleep(interval)
    raise TimeoutError(url)


def sizes(one: Path, many: Path) -> None:
    slug = build_edition(SEED).slug
    part = max((one.parent / "site" / slug).glob("part-*/index.html"), key=lambda p: p.stat().st_size)
    kb = part.stat().st_size / 1000
    print(f"size of the largest part page ({part.parent.name}): {kb:.0f} KB (target <= 150 KB: {verdict(kb <= 150)})")
    for config, label in ((one, "1 article"), (many, f"{COPIES} articles")):
        index = config.parent / "site" / "search" / "search_index.json"
        print(f"size of the search index, {label}: {index.stat().st_size / 1000:.0f} KB")


if __name__ == "__main__":
    sys.exit(main())
