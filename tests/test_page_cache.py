"""Pages and search shards kept between builds (page_cache.py, pagefind_index.write_search_index): a rebuild
renders only what changed, and the site it writes is byte for byte the site a build from nothing writes, a
damaged stored page being only a miss."""

import shutil

import pytest
from duidu import search_index
from duidu.page_cache import PageCache, navigation_fingerprint, plan_fingerprint
from duidu.site import home_page

from conftest import GLOSSARY_FILE, SEED, SYNTHETIC, build_project, companions
from helpers import site_files

EDITED = ("居民參與意識不強", "居民參與熱情不高")
"""A sentence of the synthetic article (as its seed has it), and what the maintainer edits it to."""


def pages_line(log: str) -> str:
    return next(line for line in log.splitlines() if "duidu: pages:" in line)


def search_line(log: str) -> str:
    return next(line for line in log.splitlines() if "duidu: search:" in line)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """One project built three times (from nothing; again unchanged; after an edit of one seed and the damage
    of one stored page), and the edited project built from nothing elsewhere. One article to a search shard,
    so that the edit leaves the other article's shard unchanged."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_ARTICLES", 1)  # the builds are forked from this process: they see it
        return _builds(tmp_path_factory)


def _builds(tmp_path_factory):
    project = tmp_path_factory.mktemp("kept")
    seeds = {SEED.name: SEED.read_bytes(), "100_synthetic.txt": SYNTHETIC.read_bytes()}
    files = {**companions(SEED), GLOSSARY_FILE.name: GLOSSARY_FILE.read_text(encoding="utf-8")}
    first = build_project(project, seeds, extra_files=files)
    unchanged = build_project(project, seeds, extra_files=files)

    synthetic = project / "seeds" / "100_synthetic.txt"
    text = synthetic.read_text(encoding="utf-8")
    assert EDITED[0] in text
    synthetic.write_text(text.replace(*EDITED), encoding="utf-8")
    (stored,) = (project / ".cache" / "duidu" / "pages").iterdir()
    damaged = sorted(stored.iterdir())[0]
    damaged.write_bytes(damaged.read_bytes()[:40])
    edited = build_project(project, {}, extra_files={})

    elsewhere = tmp_path_factory.mktemp("from-nothing")
    shutil.copytree(project / "seeds", elsewhere / "seeds")
    from_nothing = build_project(elsewhere, {}, extra_files={})
    for build in (first, unchanged, edited, from_nothing):
        assert build.returncode == 0, build.log
    return first, unchanged, edited, from_nothing


def test_an_unchanged_rebuild_renders_only_the_pages_that_list_the_library(builds):
    first, unchanged, _, _ = builds
    assert pages_line(first.log).endswith("0 unchanged and kept from the last build")
    rendered, kept = (int(word) for word in pages_line(unchanged.log).split() if word.isdigit())
    listing = {"index.html", "library/index.html", "glossary/index.html"}
    assert listing <= {p.relative_to(unchanged.site).as_posix() for p in unchanged.site.glob("**/index.html")}
    # the home, library, shelf and glossary pages (made from every article) and nothing else
    assert 3 <= rendered <= 6 and kept > 100
    assert "unchanged and kept from the last build" in search_line(unchanged.log)
    assert site_files(unchanged.site) == site_files(first.site)
    # the editions too, one a seed, beside the seeds
    assert len(list((unchanged.site.parent / ".cache" / "duidu" / "editions").glob("*.pickle"))) == 2


def test_after_one_seed_is_edited_only_its_pages_and_the_pages_quoting_it_are_rendered(builds):
    _, unchanged, edited, _ = builds
    before, _ = (int(word) for word in pages_line(unchanged.log).split() if word.isdigit())
    rendered, kept = (int(word) for word in pages_line(edited.log).split() if word.isdigit())
    # the synthetic article's pages (overview, parts, references, about), its term pages, the damaged page
    assert before + 4 <= rendered < kept
    part = (edited.site / "she-qu-zhi-li-de-ji-ge-wen-ti" / "part-1" / "index.html").read_text(encoding="utf-8")
    assert "居民参与热情不高" in part and "居民参与意识不强" not in part


def test_a_rebuild_from_kept_pages_and_shards_writes_the_site_a_build_from_nothing_writes(builds):
    _, _, edited, from_nothing = builds
    assert "unchanged and kept" in search_line(edited.log)  # the first shard, with the other article, was kept
    ours, theirs = site_files(edited.site), site_files(from_nothing.site)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []


def test_a_stored_page_that_cannot_be_read_back_is_a_miss(tmp_path):
    cache = PageCache(tmp_path, "v" * 64)
    cache.put("a", "<p>页</p>")
    assert cache.get("a") == "<p>页</p>"
    for damage in (b"", b"not zlib", (cache.folder / "a").read_bytes()[:-3]):
        (cache.folder / "a").write_bytes(damage)
        assert cache.get("a") is None
    assert cache.get("absent") is None


def test_other_versions_are_let_go_but_the_last_one(tmp_path):
    for version in ("a", "b", "c"):
        cache = PageCache(tmp_path, version * 64)
        cache.put("page", "x")
        cache.keep_only(["page"])
    assert sorted(path.name for path in tmp_path.iterdir()) == ["b" * 32, "c" * 32]
    cache.keep_only([])
    assert list(cache.folder.iterdir()) == []


def test_the_pages_that_list_everything_are_never_kept():
    assert plan_fingerprint(home_page("")) is None


def test_a_page_key_changes_with_the_navigation_it_shows():
    from mkdocs.structure.nav import Navigation, Section

    class Entry:
        def __init__(self, title, url):
            self.title, self.url = title, url

    one = Navigation([Entry("首页", "/"), Section("文章", [Entry("概览", "/a/")])], [])
    other = Navigation([Entry("首页", "/"), Section("文章", [Entry("概览", "/b/")])], [])
    assert navigation_fingerprint(one) != navigation_fingerprint(other)
    assert navigation_fingerprint(one) == navigation_fingerprint(Navigation(list(one.items), []))


def test_a_download_the_disk_cannot_keep_is_handed_over_made_in_memory(tmp_path):
    """As the other caches: a cache folder that cannot be written (here a file stands in its place) costs the
    next build time, never this build its files."""
    from mkdocs.config import load_config

    from conftest import ROOT
    from duidu.build import DownloadCache

    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # File.generated reads it; outside a build no plugin is running
    blocked = tmp_path / "downloads"
    blocked.write_text("not a folder", encoding="utf-8")
    cache = DownloadCache(blocked)
    file = cache.file(config, "a/a.bib", "key", lambda: "@article{a}")
    assert file.content_string == "@article{a}"
    cache.prune()
    assert blocked.read_text(encoding="utf-8") == "not a folder"
    kept = DownloadCache(tmp_path / "kept")
    assert kept.file(config, "a/a.bib", "key", lambda: "@article{a}").abs_src_path.startswith(str(tmp_path / "kept"))
