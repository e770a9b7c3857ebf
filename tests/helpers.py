"""Reading the built site: pages, their article content and its Chinese text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import opencc
from bs4 import BeautifulSoup

_T2S = opencc.OpenCC("t2s")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(page: BeautifulSoup):
    """The page's article body (what the hook rendered), without Material's chrome."""
    return page.select_one("article.md-content__inner")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def chinese_text(node) -> str:
    return "\n".join(el.get_text() for el in node.select('[lang="zh-Hans"]'))


def traditional_characters(text: str) -> set[str]:
    """Characters that are Traditional only: OpenCC simplifies them and GB2312 (the Simplified set) lacks them.

    著 stays legitimate (显著), since GB2312 holds it.
    """
    found = set()
    for ch in set(HAN.findall(text)):
        if _T2S.convert(ch) != ch:
            try:
                ch.encode("gb2312")
            except UnicodeEncodeError:
                found.add(ch)
    return found


def tables_of_contents(site: Path) -> set[str]:
    """Check that each page's table of contents lists exactly its h2/h3 headings with ids, in order, each h3
    under its h2; return every id listed."""
    listed = set()
    for page in html_pages(site):
        document = soup(page)
        headings = [h["id"] for h in content(document).select("h2[id], h3[id]")]
        toc = document.select_one("nav.md-nav--secondary")
        if toc is None and not headings:  # nothing to list (a page of the library)
            continue
        if toc is None:
            # Material integrates no TOC into the navigation for a section's index page (an article's
            # overview): only its skip link shows the TOC, pointing at the first entry.
            assert page.name == "index.html" and page.parent != site, page
            assert document.select_one("a.md-skip")["href"] == f"#{headings[0]}", page
            continue
        entries = [a["href"].removeprefix("#") for a in toc.select("a.md-nav__link")]
        assert entries == headings, page.relative_to(site)
        for h3 in content(document).select("h3[id]"):
            href = "#" + h3["id"]
            owner = toc.select_one(f'a[href="{href}"]').find_parent("nav").find_parent("li")
            assert owner.select_one("a.md-nav__link")["href"] != href, (page, h3["id"])
        listed.update(entries)
    return listed


GROWTH = 4
MAX_TIME_GROWTH = 6
FLOOR_SECONDS = 0.02
"""Times under this count as this: below it a ratio measures the timer, not the algorithm."""


def best_time(run, text: str) -> float:
    """The shortest of five runs: the least disturbed by whatever else the machine (or the suite's other
    worker) is doing; three let a run of the parallel suite fail now and then."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def assert_linear(run, make_input, size: int, floor: float = FLOOR_SECONDS) -> None:
    """``run`` on ``make_input(4 × size)`` takes at most six times what it takes on ``make_input(size)``."""
    small = best_time(run, make_input(size))
    large = best_time(run, make_input(GROWTH * size))
    assert large <= MAX_TIME_GROWTH * max(small, floor), (
        f"{GROWTH}x the input took {large / max(small, 1e-9):.1f}x the time ({small:.4f} s -> {large:.4f} s)"
    )



def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site by path, but ``sitemap.xml.gz`` (gzip stamps the time of compression)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file() and p.name != "sitemap.xml.gz"}
