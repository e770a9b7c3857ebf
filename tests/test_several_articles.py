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


def test_every_article_is_on_the_home_page_with_its_own_url(build):
    home = soup(build.site / "index.html")
    links = [a["href"] for a in home.select(".dd-card h3 a")]
    assert links == [
        "yi-gao-shui-ping-zhi-li-ti-sheng-ji-ceng-mian-yi-li/",
        "she-qu-zhi-li-de-ji-ge-wen-ti/",
        "she-qu-zhi-li-de-ji-ge-wen-ti-200-twin/",
    ]
    for href in links:
        overview = soup(build.site / href / "index.html")
        assert overview.select_one('article h1 [lang="zh-Hans"]').get_text() in {"以高水平治理提升基层“免疫力”", "社区治理的几个问题"}


def test_the_twin_says_its_own_source_and_encoding(build):
    about = soup(build.site / "she-qu-zhi-li-de-ji-ge-wen-ti-200-twin" / "about" / "index.html").get_text()
    assert "seeds/200_twin.txt" in about and "gb18030" in about


def test_each_article_is_its_own_navigation_section(build):
    nav = soup(build.site / "index.html").select("nav.md-nav--primary > ul > li")
    assert len(nav) == 4  # home and three articles
