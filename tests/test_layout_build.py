"""A seed of another layout of the mirror family builds: its metadata on the overview, its chrome on About.

One `mkdocs build` of three seeds: a journal layout, a page without a title, and the same page with a sidecar.
"""

import pytest

from conftest import FIXTURES, build_project
from helpers import content, soup

JOURNAL = FIXTURES / "journal_layout.txt"
NO_TITLE = "郑华\n\n一九四九年,新中国即将诞生。谁来履行建国的法律程序?\n\n这是第二段。\n".encode()


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    seeds = {"100_journal.txt": JOURNAL.read_bytes(), "200_untitled.txt": NO_TITLE, "300_titled.txt": NO_TITLE}
    sidecar = {"300_titled.meta.yml": "title: 协商建国\nyear: 1949\nsource_url: https://example.org/a\n"}
    return build_project(tmp_path_factory.mktemp("layouts"), seeds, extra_files=sidecar)


def test_the_overview_shows_authors_affiliations_journal_year_and_issue(build):
    assert build.returncode == 0, build.log
    overview = content(soup(build.site / "xian-yu-zhi-li-zhong-de-xie-tong-ji-zhi-yan-jiu" / "index.html"))
    assert overview.select_one(".dd-authors").get_text() == "周明、林小红"
    assert "示例大学公共管理学院" in overview.select_one(".dd-affiliations").get_text()
    assert overview.select_one(".dd-journal").get_text() == "行政论坛"
    assert (overview.select_one(".dd-year").get_text(), overview.select_one(".dd-issue").get_text()) == ("2022", "3")
    assert overview.select_one(".dd-article-number").get_text() == "1008-0000(2022)03-0045-06"
    assert overview.select_one('pre[data-dd-citation="gbt7714"]').get_text().startswith("周明, 林小红. 县域治理")


def test_about_lists_every_chrome_line_under_its_rule_with_its_text(build):
    about = content(soup(build.site / "xian-yu-zhi-li-zhong-de-xie-tong-ji-zhi-yan-jiu" / "about" / "index.html"))
    rules = {details.select_one("summary code").get_text(): details for details in about.select("details.dd-changes")}
    breadcrumb = rules["chrome-breadcrumb"].select_one("code.dd-sic")
    assert breadcrumb.get_text() == "您现在的位置：首页 > 学术期刊 > 正文" and breadcrumb["lang"] == "zh-Hans"
    assert rules["front-byline"].select_one("code.dd-sic").get_text() == "文/周明1,2 林小红2"
    assert "not reproduced" in rules["chrome-spam"].get_text() and "免费视频" not in about.get_text()
    labels = {row.select("td")[0].get_text(): row.select("td")[2].get_text() for row in about.select(".dd-counts tbody tr")}
    assert labels["chrome-source-line"].startswith("source, date and hits line")


def test_a_page_without_a_title_is_one_error_asking_for_the_sidecar(build):
    lines = [line for line in build.log.splitlines() if "seeds/200_untitled.txt" in line]
    assert len(lines) == 1 and lines[0].startswith("ERROR")
    assert lines[0].endswith("seeds/200_untitled.txt: skipped: no recognisable title: add `title:` to seeds/200_untitled.meta.yml")


def test_the_sidecar_title_publishes_it_and_about_shows_the_editorial_metadata(build):
    about = content(soup(build.site / "xie-shang-jian-guo" / "about" / "index.html"))
    editorial = {dt.get_text(): dd.get_text() for dt, dd in zip(about.select(".dd-editorial dt"), about.select(".dd-editorial dd"))}
    assert editorial == {"title": "协商建国", "year": "1949", "source_url": "https://example.org/a"}
    assert "seeds/300_titled.meta.yml" in about.get_text()
    overview = content(soup(build.site / "xie-shang-jian-guo" / "index.html"))
    assert overview.select_one(".dd-authors").get_text() == "郑华"
    assert not overview.select("#abstract-heading")
