"""sidecar: seeds/<seed>.meta.yml supplies or overrides the page's metadata, checked against its schema."""

import pytest
from duidu.models import SeedError
from duidu.pipeline import build_edition, build_editions
from duidu.sidecar import SCHEMA, load_sidecar, sidecar_path

from conftest import FIXTURES

JOURNAL_LAYOUT = FIXTURES / "journal_layout.txt"
NO_TITLE = "郑华\n\n一九四九年,新中国即将诞生。谁来履行建国的法律程序?\n\n这是第二段。\n".encode()


def write_sidecar(tmp_path, text: str, name: str = "x.meta.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def seed_with_sidecar(tmp_path, data: bytes, sidecar: str | None, name: str = "x.txt"):
    seed = tmp_path / name
    seed.write_bytes(data)
    if sidecar is not None:
        sidecar_path(seed).write_text(sidecar, encoding="utf-8")
    return seed


def test_the_sidecar_sits_beside_its_seed():
    assert sidecar_path(FIXTURES / "000_abc.txt").name == "000_abc.meta.yml"


def test_a_valid_sidecar_with_every_key(tmp_path):
    path = write_sidecar(tmp_path, """
title: 标题
subtitle: 以某县为例
authors: [张三, 李四]
affiliations:
  - 某大学
journal: 行政论坛
year: 2021
issue: 4
pages: 113-116
doi: 10.1234/abc
source_url: https://example.org/a
date: 2021-11-08
""")
    sidecar = load_sidecar(path)
    assert set(sidecar.values) == set(SCHEMA)
    assert sidecar.values["authors"] == ("张三", "李四")
    assert (sidecar.values["year"], sidecar.values["issue"], sidecar.values["date"]) == ("2021", "4", "2021-11-08")
    assert sidecar.title == "标题"
    assert ("authors", "张三、李四") in sidecar.entries()


def test_a_missing_or_empty_sidecar_says_nothing(tmp_path):
    assert load_sidecar(tmp_path / "none.meta.yml").values == {}
    assert load_sidecar(write_sidecar(tmp_path, "")).values == {}


def test_an_unknown_key_is_an_error_naming_the_file_and_the_key(tmp_path):
    with pytest.raises(SeedError, match=r"x\.meta\.yml: unknown key 'yeer'"):
        load_sidecar(write_sidecar(tmp_path, "yeer: 2021\n"))


@pytest.mark.parametrize(
    "text, key",
    [
        ("authors: 张三\n", "authors"),
        ("authors: [张三, 3]\n", "authors"),
        ("year: 二〇二一\n", "year"),
        ("year: 21\n", "year"),
        ("title: [甲, 乙]\n", "title"),
        ("date: 昨天\n", "date"),
        ("date: 2021-13-40\n", "date"),
        ("source_url: example.org\n", "source_url"),
        ("issue: true\n", "issue"),
    ],
)
def test_a_wrong_type_is_an_error_naming_the_file_and_the_key(tmp_path, text, key):
    with pytest.raises(SeedError, match=rf"x\.meta\.yml: key '{key}' must be"):
        load_sidecar(write_sidecar(tmp_path, text))


def test_not_a_mapping_or_not_yaml_is_an_error(tmp_path):
    with pytest.raises(SeedError, match="x.meta.yml: expected a mapping"):
        load_sidecar(write_sidecar(tmp_path, "- 张三\n"))
    with pytest.raises(SeedError, match="x.meta.yml: line 2: not valid YAML"):
        load_sidecar(write_sidecar(tmp_path, "title: [unclosed\n"))


def test_the_sidecar_overrides_the_page_and_is_listed_as_editorial(tmp_path):
    seed = seed_with_sidecar(
        tmp_path, JOURNAL_LAYOUT.read_bytes(), "title: 县域协同治理研究\nauthors: [周明]\nissue: 5\ndate: 2022-06-01\n"
    )
    edition = build_edition(seed)
    assert edition.article.title == "县域协同治理研究"
    metadata = edition.metadata
    assert (metadata.authors, metadata.issue, metadata.date) == (("周明",), "5", "2022-06-01")
    assert metadata.year == "2022" and metadata.journal == "行政论坛"  # what the sidecar does not say, the page does
    assert edition.sidecar_name == "x.meta.yml"
    assert edition.editorial == (("title", "县域协同治理研究"), ("authors", "周明"), ("issue", "5"), ("date", "2022-06-01"))
    replaced = [c for c in edition.report.changes if c.rule == "front-title"]
    assert [(c.before, c.after) for c in replaced] == [("县域治理中的协同机制研究", "县域协同治理研究")]


def test_a_page_without_a_title_asks_for_one_in_its_sidecar(tmp_path):
    with pytest.raises(SeedError) as error:
        build_edition(seed_with_sidecar(tmp_path, NO_TITLE, None))
    assert str(error.value) == "no recognisable title: add `title:` to seeds/x.meta.yml"


def test_a_title_in_the_sidecar_publishes_a_page_that_has_none(tmp_path):
    edition = build_edition(seed_with_sidecar(tmp_path, NO_TITLE, "title: 协商建国\n"))
    assert edition.article.title == "协商建国"
    assert edition.metadata.authors == ("郑华",)
    assert not [c for c in edition.report.changes if c.rule == "front-title"]


@pytest.mark.parametrize("sidecar", ["titel: 甲\nauthors: [周明]\n", "title: [unclosed\n"], ids=["unknown key", "not YAML"])
def test_a_bad_sidecar_costs_only_its_values(tmp_path, sidecar):
    edition = build_edition(seed_with_sidecar(tmp_path, JOURNAL_LAYOUT.read_bytes(), sidecar))
    assert edition.article.title == "县域治理中的协同机制研究" and edition.editorial == ()
    assert edition.metadata.authors != ("周明",)
    (note,) = [n for n in edition.notes if "x.meta.yml" in str(n)]
    assert str(note).startswith("x.meta.yml: ") and str(note).endswith("published without its metadata sidecar")


def test_a_bad_sidecar_that_was_to_give_the_title_fails_its_seed(tmp_path):
    with pytest.raises(SeedError) as error:
        build_edition(seed_with_sidecar(tmp_path, NO_TITLE, "titel: 协商建国\n"))
    assert str(error.value) == (
        "no recognisable title, and its sidecar cannot give one: x.meta.yml: unknown key 'titel' "
        f"(the keys are {', '.join(SCHEMA)})"
    )


def test_editing_the_sidecar_rebuilds_the_edition_under_serve(tmp_path):
    seed = seed_with_sidecar(tmp_path, NO_TITLE, "title: 第一个标题\n", name="serve_case.txt")
    assert build_editions([seed])[0][0].article.title == "第一个标题"
    sidecar_path(seed).write_text("title: 第二个标题\n", encoding="utf-8")
    assert build_editions([seed])[0][0].article.title == "第二个标题"
