"""A library indexed in shards (search_index.SHARD_ARTICLES): the search box merges them, so a query finds
an article whatever shard holds it, and a shard carries no second copy of the engine. Built with one
article to a shard, so three articles make three bundles."""

import pytest
from duidu import search_index

from conftest import SEED, SYNTHETIC, build_project, companions, static_server


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    seeds = {SEED.name: SEED.read_bytes(), "100_synthetic.txt": SYNTHETIC.read_bytes(), "200_twin.txt": SYNTHETIC.read_bytes()}
    files = {**companions(SEED), **companions(SYNTHETIC, "100_synthetic.txt")}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "SHARD_ARTICLES", 1)  # the build is forked from this process: it sees this
        build = build_project(tmp_path_factory.mktemp("sharded"), seeds, extra_files=files)
    assert build.returncode == 0, build.log
    with static_server(build.site) as url:
        yield build, url


def test_each_shard_is_a_bundle_of_its_own_without_the_engine(sharded):
    build, _ = sharded
    folder = build.site / "pagefind"
    assert (folder / "pagefind.js").is_file() and list(folder.glob("wasm.*"))
    for shard in (1, 2):
        bundle = folder / "shards" / str(shard)
        assert (bundle / "pagefind-entry.json").is_file() and list((bundle / "fragment").iterdir())
        assert not (bundle / "pagefind.js").exists() and not list(bundle.glob("wasm.*"))
    assert 'data-shards="2"' in (build.site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("query", "slug"), [("分税制", "yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li"), ("社区治理", "she-qu-zhi-li-de-ji-ge-wen-ti")])
def test_a_query_finds_articles_in_every_shard(page, sharded, query, slug):
    _, url = sharded
    page.goto(f"{url}/")
    page.locator("#dd-search-input").fill(query)
    page.wait_for_function("document.querySelector('.dd-search__status').textContent.length > 0")
    found = [link.get_attribute("href") for link in page.locator(".dd-search__result:not(.dd-search__result--term)").all()]
    assert any(f"/{slug}/" in href for href in found), found
    if query == "社区治理":  # the synthetic article and its twin stand in shards 1 and 2
        assert any("-200-twin/" in href for href in found) and any(f"/{slug}/" in href for href in found), found


def test_more_results_are_fetched_only_when_asked_for(page, sharded):
    """Each result costs its page's fragment: five are shown, the button adds up to five more (fetching no
    more fragments than that), and focus moves to the first of them."""
    _, url = sharded
    page.goto(f"{url}/")
    page.locator("#dd-search-input").fill("治理")  # on every page of the three articles
    page.wait_for_function("document.querySelector('.dd-search__status').textContent.length > 0")
    results = page.locator(".dd-search__result:not(.dd-search__result--term)")
    assert results.count() == 5
    fragments = []
    page.on("request", lambda request: fragments.append(request.url) if "/fragment/" in request.url else None)
    page.locator(".dd-search__more button").click()
    page.wait_for_function("document.querySelectorAll('.dd-search__result:not(.dd-search__result--term)').length > 5")
    assert 5 < results.count() <= 10 and 0 < len(fragments) <= 5
    assert results.nth(5).evaluate("el => el === document.activeElement")


def test_a_bundle_is_whole_only_when_every_file_is(real_site, tmp_path):
    """Pagefind says its files are written while it still writes them and exits when its input closes: the
    build waits for every file to be whole first (a WebAssembly file cut at 64 KB was seen under load)."""
    import shutil

    from duidu.pagefind_index import _whole

    bundle = tmp_path / "pagefind"
    shutil.copytree(real_site.site / "pagefind", bundle)
    assert _whole(bundle)
    wasm = bundle / "wasm.unknown.pagefind"
    whole = wasm.read_bytes()
    wasm.write_bytes(whole[: 1 << 16])
    assert not _whole(bundle)
    wasm.write_bytes(whole)
    fragment = next((bundle / "fragment").iterdir())
    fragment.write_bytes(fragment.read_bytes()[:-9])
    assert not _whole(bundle)
    fragment.unlink()
    (bundle / "wasm.en.pagefind").unlink()
    assert not _whole(bundle)
