"""pipeline: one seed → one edition; slugs readable, stable and distinct."""

from dataclasses import replace

import pytest
from duidu.models import SeedError

from duidu.pipeline import build_edition, build_editions, distinct_slugs, title_slug

from conftest import FIXTURES, SEED, SYNTHETIC


def test_slug_is_the_pinyin_of_the_title():
    assert title_slug("社区治理的几个问题") == "she-qu-zhi-li-de-ji-ge-wen-ti"
    assert title_slug("“AI”与治理：2024") == "ai-yu-zhi-li-2024"


def test_two_seeds_with_one_title_get_distinct_slugs_and_the_first_keeps_its_own():
    edition = build_edition(FIXTURES / "synthetic_article.txt")
    twins, failures = distinct_slugs([replace(edition, seed_name="a_1.txt"), replace(edition, seed_name="b_2.txt")])
    assert [e.slug for e in twins] == ["she-qu-zhi-li-de-ji-ge-wen-ti", "she-qu-zhi-li-de-ji-ge-wen-ti-b-2"]
    assert failures == []


def test_an_article_never_takes_a_name_the_site_uses():
    edition = build_edition(FIXTURES / "synthetic_article.txt")
    (glossary,), _ = distinct_slugs([replace(edition, seed_name="g.txt", slug=title_slug("Glossary"))])
    assert glossary.slug == "glossary-g"


def test_a_url_still_taken_after_the_suffix_is_an_error_naming_both_seeds():
    edition = build_edition(FIXTURES / "synthetic_article.txt")
    editions = [
        replace(edition, seed_name="a.txt", slug="x"),
        replace(edition, seed_name="b.txt", slug="x-c"),  # a title whose pinyin ends like a seed's id
        replace(edition, seed_name="c.txt", slug="x"),  # → x-c, taken by b.txt
    ]
    kept, failures = distinct_slugs(editions)
    assert [(e.seed_name, e.slug) for e in kept] == [("a.txt", "x"), ("b.txt", "x-c")]
    assert [(f.seed_name, f.reason) for f in failures] == [("c.txt", "its URL /x-c/ is already taken by seeds/b.txt")]


def test_editions_come_in_file_name_order_and_failures_are_reported(tmp_path):
    (tmp_path / "b.txt").write_bytes((FIXTURES / "synthetic_article.txt").read_bytes())
    (tmp_path / "a.txt").write_bytes(b"")
    editions, failures = build_editions(sorted(tmp_path.glob("*.txt")))
    assert [e.seed_name for e in editions] == ["b.txt"]
    assert [(f.seed_name, f.reason) for f in failures] == [("a.txt", "the file is empty")]


def test_the_real_seed_needs_no_hand_correction():
    # Its four GBK-shift runs are all decided by the bytes: two by the annotation remnant after the "?"
    # or after the run, two by the article's own text against the other readings.
    edition = build_edition(SEED)
    assert edition.encoding == "utf-8"
    assert len(edition.seed_sha256) == 64
    assert edition.report.corrections == ()
    repairs = {c.before: c.after for c in edition.report.by_rule["repair-gbk-shift"]}
    assert repairs == {
        "?yōu)榇髥栴}": "為大問題",
        "?,F": "。現",
        "?;鶎又卫硇袨榇嬗?": "。基層治理行為存有",
        "?shù)纫\ue02a氐呐涮着c": "等要素的配套與",
    }
    assert edition.report.unrecovered == ()
    assert edition.notes == ()


def test_variants_are_mapped_and_rare_characters_reported(tmp_path):
    text = SYNTHETIC.read_text(encoding="utf-8").replace("第一,居民參與意識不強。", "第一,陜西的王堃參與意識不強。", 1)
    seed = tmp_path / "rare.txt"
    seed.write_text(text, encoding="utf-8")
    edition = build_edition(seed)
    paragraph = next(p.text for p in edition.article.body_paragraphs if "参与意识" in p.text)
    assert "陕西的王堃" in paragraph
    assert [(c.before, c.after) for c in edition.report.by_rule["map-variant-characters"]] == [("陜", "陕")]
    assert [ch for _, ch in edition.report.rare_characters] == ["堃"]
    assert not any("堃" in str(note) for note in edition.notes)  # told on the About page; strict does not fail


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\xef\xbb\xbf", "the file is empty"),
        (b"\xef\xbb\xbf \r\n\t\r\n", "the file is empty"),
        ("社区治理的几个问题\n【摘要】\n".encode(), "hollow"),
    ],
    ids=["a byte-order mark alone", "white space after a byte-order mark", "a title and an empty abstract"],
)
def test_empty_and_hollow_seeds_say_so(tmp_path, content, reason):
    seed = tmp_path / "x.txt"
    seed.write_bytes(content)
    with pytest.raises(SeedError, match=reason):
        build_edition(seed)


def test_a_link_to_a_file_outside_the_project_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(SYNTHETIC.read_bytes())
    seeds = tmp_path / "project" / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "inside.txt").write_bytes(SYNTHETIC.read_bytes())
    (seeds / "link.txt").symlink_to(outside)
    (seeds / "local-link.txt").symlink_to(seeds / "inside.txt")
    with pytest.raises(SeedError, match="outside the project"):
        build_edition(seeds / "link.txt")
    assert build_edition(seeds / "local-link.txt").article.title
