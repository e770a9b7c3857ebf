"""pipeline: one seed → one edition; slugs readable, stable and distinct."""

from dataclasses import replace

from duidu.pipeline import build_edition, build_editions, distinct_slugs, title_slug

from conftest import FIXTURES, SEED, SYNTHETIC


def test_slug_is_the_pinyin_of_the_title():
    assert title_slug("社区治理的几个问题") == "she-qu-zhi-li-de-ji-ge-wen-ti"
    assert title_slug("“AI”与治理：2024") == "ai-yu-zhi-li-2024"


def test_two_seeds_with_one_title_get_distinct_slugs_and_the_first_keeps_its_own():
    edition = build_edition(FIXTURES / "synthetic_article.txt")
    twins = distinct_slugs([replace(edition, seed_name="a_1.txt"), replace(edition, seed_name="b_2.txt")])
    assert [e.slug for e in twins] == ["she-qu-zhi-li-de-ji-ge-wen-ti", "she-qu-zhi-li-de-ji-ge-wen-ti-b-2"]


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
    assert not any("堃" in note for note in edition.notes)  # told on the About page; strict does not fail
