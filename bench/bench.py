"""Duidu's build benchmark (run by `make bench`): ratios against plain MkDocs + Material, at library scale.

First the scale section (bench/scale.py): cold builds of 1, 50, 200 and 1,000 articles beside plain
MkDocs + Material holding the very pages Duidu makes, interleaved (medians of three up to 200 articles, one
run at 1,000), with seconds per article, ratios, growth, peak memory, page and search sizes, the bytes a
query fetches, and a warm rebuild after editing one seed of 200. Then a profile of the hook on the largest
library up to 200 articles, and `mkdocs serve`'s rebuild after a seed edit. Last, the pathological-input
section (bench/pathological.py): seconds per MB for each stage on generated inputs made to provoke
super-linear time, and the growth for four times the input. Targets from the issues beside each figure.

    bench/bench.py                      everything (about 40 minutes on two cores)
    bench/bench.py --sizes 1,50,200     the scale section at these sizes only
    bench/bench.py --pathological       the pathological-input section alone (about a minute and a half)
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import pstats
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_hooks"))

from duidu.pipeline import build_edition  # noqa: E402

import pathological  # noqa: E402  (bench/, beside this file)
import scale  # noqa: E402

RUNS = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--pathological", action="store_true", help="run only the pathological-input section")
    arguments.add_argument("--sizes", default=",".join(map(str, scale.SIZES)), help="library sizes, e.g. 1,50,200")
    arguments.add_argument("--runs", type=int, default=3, help="interleaved runs up to 200 articles (one above)")
    arguments.add_argument("--ours-only", action="store_true", help="build ours only, without plain Material")
    options = arguments.parse_args()
    print(f"machine: {machine()}")
    if options.pathological:
        pathological.report()
        return 0
    work = Path(tempfile.mkdtemp(prefix="duidu-bench-"))
    try:
        sizes = tuple(int(size) for size in options.sizes.split(","))
        projects = scale.report(work, sizes, runs=options.runs, plain_too=not options.ours_only)
        profile(projects[max(s for s in sizes if s <= 200)])
        rebuild = serve_rebuild_time(projects[min(sizes)])
        print(f"serve rebuild after a seed edit ({min(sizes)} article): {rebuild:.2f} s (median of {RUNS}; target <= 1 s: {verdict(rebuild <= 1)})")
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
        "load the hook (with jieba's dictionary and pypinyin)": cumulative("build_hooks/hook.py", "<module>"),
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
    slug = build_edition(seed).slug
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


if __name__ == "__main__":
    sys.exit(main())
