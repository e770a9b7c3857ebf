"""Another article dropped into seeds/ appears beside the first; two seeds with one title get distinct URLs."""

import pytest

from conftest import SEED, SYNTHETIC, build_project, companions
from helpers import soup



@pytest.fixture(scope="module")
def build(tmp_path_factory):
    synthetic = SYNTHETIC.read_bytes()
    seeds = {SEED.name: SEED.read_bytes(), "100_synthetic.txt": synthetic, "200_twin.txt": synthetic.decode().encode("gb18030")}
    companion_files = {**companions(SEED), **companions(SYNTHETIC, "100_synthetic.txt"), **companions(SYNTHETIC, "200_twin.txt")}
    result = build_project(tmp_path_factory.mktemp("several"), seeds, strict=True, extra_files=companion_files)
    assert result.returncode == 0, result.log
    return result


def test_every_article_is_on_the_home_page_and_in_the_library_with_its_own_url(build):
    home = soup(build.site / "index.html")
    links = sorted(a["href"] for a in home.select(".dd-card h3 a"))
    assert links == [
        "she-qu-zhi-li-de-ji-ge-wen-ti-200-twin/",
        "she-qu-zhi-li-de-ji-ge-wen-ti/",
        "yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li/",
    ]
    for href in links:
        overview = soup(build.site / href / "index.html")
        assert overview.select_one('article h1 [lang="zh-Hans"]').get_text() in {"以高水平治理提升基层“免疫力”", "社区治理的几个问题"}
    library = soup(build.site / "library" / "index.html")
    shelves = [a["href"] for a in library.select(".dd-shelves a")]
    listed = []
    for shelf in shelves:
        page = soup(build.site / "library" / shelf / "index.html")
        listed += [a["href"].removeprefix("../../") for a in page.select(".dd-listing a")]
    assert sorted(listed) == links


def test_the_twin_says_its_own_source_and_encoding(build):
    about = soup(build.site / "she-qu-zhi-li-de-ji-ge-wen-ti-200-twin" / "about" / "index.html").get_text()
    assert "seeds/200_twin.txt" in about and "gb18030" in about


def top_entries(page) -> list[str]:
    return [li.select_one("a, label").get_text(" ", strip=True) for li in page.select("nav.md-nav--primary > ul > li")]


def test_a_page_navigation_holds_the_site_and_its_own_article_only(build):
    site_entries = top_entries(soup(build.site / "index.html"))
    glossary = ["Glossary"] if len(site_entries) == 5 else []
    assert [entry.split(" · ")[0].split()[0] for entry in site_entries] == ["Home", "Library", *glossary, "Open", "About"]
    titles = {"yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li": "以高水平治理提升基层“免疫力”", "she-qu-zhi-li-de-ji-ge-wen-ti": "社区治理的几个问题"}
    for slug, title in titles.items():
        page = soup(build.site / slug / "part-1" / "index.html")
        entries = top_entries(page)
        assert len(entries) == len(site_entries) + 1 and title in entries[1], entries
        nav_text = page.select_one("nav.md-nav--primary").get_text()
        others = [t for s, t in titles.items() if s != slug]
        assert not any(other in nav_text for other in others)
        own = [a["href"] for a in page.select("nav.md-nav--primary > ul > li:nth-child(2) a.md-nav__link") if "#" not in a["href"]]
        assert own[0] == "../" and "../references/" in own and "../about/" in own, own
        previous, following = (page.select_one(f"a.md-footer__link--{d}")["href"] for d in ("prev", "next"))
        assert (previous, following) == ("../", "../part-2/")
