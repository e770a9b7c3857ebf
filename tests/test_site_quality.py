"""Quality gates on the built site: valid HTML (Nu checker), every internal link and anchor resolves,
and two builds of the same sources are byte-identical."""

import json
import os
import posixpath
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, build_real_site
from helpers import html_pages, site_files, soup

VNU = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's own markup puts autocomplete="off" on its drawer and search checkboxes, which HTML allows only on
# text-like inputs. It is the theme's, harmless, and the one finding we let through.
MATERIAL_AUTOCOMPLETE = "Attribute “autocomplete” is only allowed when the input type is"


def require(tool: Path | str, how: str):
    if Path(tool).exists() or shutil.which(str(tool)):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{tool} is missing: {how}")
    pytest.skip(f"{tool} is missing: {how}")


def test_the_nu_checker_finds_no_error(real_site):
    require("java", "make test installs default-jre-headless")
    require(VNU, "make test installs it (npm ci --prefix tests/tools)")
    result = subprocess.run(
        # A short run: the quick compiler alone (with the deeper stack it needs) and one GC thread halve its CPU time.
        ["java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(real_site.site)],
        capture_output=True, text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if not m["message"].startswith(MATERIAL_AUTOCOMPLETE)]
    assert errors == [], [(Path(m["url"]).relative_to(real_site.site.resolve()).as_posix() if m["url"].startswith("/") else m["url"], m["message"]) for m in errors[:10]]
    assert len(html_pages(real_site.site)) >= 8


def _target_file(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:", "javascript:")):
        return None
    base = page.parent.relative_to(site).as_posix()
    if parts.path.startswith("/"):  # root-relative (the 404 page): the site is served at the root
        path = posixpath.normpath(unquote(parts.path).lstrip("/") or ".")
    elif parts.path:
        path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    else:
        path = page.relative_to(site).as_posix()
    target = site / path
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


@dataclass(frozen=True)
class LinkCheck:
    pages: int
    checked: int
    anchors: int
    """Links with a #fragment into an HTML page (nav, contents, term links, backlinks, corrections)."""
    broken: list[str]


def check_links(site: Path) -> LinkCheck:
    """Every internal link, script, stylesheet and image of every page, and every #anchor into a page."""
    checked = anchors = 0
    broken = []
    ids: dict[Path, set[str]] = {}
    pages = html_pages(site) + [site / "404.html"]
    for page in pages:
        document = soup(page)
        for element in document.select("a[href], link[href], script[src], img[src]"):
            url = element.get("href") or element.get("src")
            if element.name == "link" and "canonical" in element.get("rel", []):
                continue  # points at site_url, the address the site is published under
            resolved = _target_file(site, page, url)
            if resolved is None:
                continue
            target, anchor = resolved
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {url} → missing {target.relative_to(site)}")
            elif anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {el["id"] for el in soup(target).select("[id]")}
                anchors += 1
                if anchor not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {url} → no #{anchor}")
    return LinkCheck(pages=len(pages), checked=checked, anchors=anchors, broken=broken)


@pytest.mark.parametrize("build", ["real_site", "flat_site"])
def test_every_internal_link_and_anchor_resolves(build, request):
    """With ``use_directory_urls`` true (``part-1/``) and false (``part-1.html``): the hook's links come from
    MkDocs' own File objects, so they follow whichever scheme the config chooses."""
    result = check_links(request.getfixturevalue(build).site)
    assert result.broken == [], f"{len(result.broken)} of {result.checked} links broken: {result.broken[:5]}"
    assert result.checked > 10 * result.pages and result.anchors > 300


def test_the_flat_build_names_its_pages_as_html_files(flat_site, article_slug):
    built = {p.relative_to(flat_site.site).as_posix() for p in html_pages(flat_site.site)}
    assert {"index.html", "glossary.html", f"{article_slug}/index.html", f"{article_slug}/part-1.html"} <= built
    assert f"{article_slug}/part-1/index.html" not in built


def test_two_builds_of_the_same_sources_are_byte_identical(tmp_path, real_site):
    second = build_real_site(tmp_path)
    first, again = site_files(real_site.site), site_files(second.site)
    assert "pagefind/pagefind.js" in first and first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []
