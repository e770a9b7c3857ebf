"""ids: an id once published stays with its text through inserts, deletions, splits, merges, reorders and edits
of the seed; a retired id leads to where its text went, or to what held it."""

import shutil

import pytest
from duidu.ids import Registry, changes, entries_of, keep_ids, load_registry, registry_path, registry_text, resolve
from duidu.maintain import update_one
from duidu.models import Article, Paragraph, Part, SeedError, Section
from duidu.pipeline import build_edition

from conftest import SYNTHETIC, SYNTHETIC_CATALOG

# Paragraph texts long and distinct enough to be told apart, as real ones are.
A = "第一段讲的是基层治理的基本情况，以及各地在实践中遇到的主要问题。"
B = "第二段分析了问题产生的原因，包括制度设计、资源分配和人员配置等方面。"
C = "第三段提出了改进的思路，强调要把群众的需求放在首位，做到精准施策。"
D = "第四段总结了经验，指出只有持续推进改革，才能提升基层治理的整体水平。"
NEW = "新增的一段说明了社区居民对这项工作的看法，以及他们提出的几条建议。"


def article(*parts: tuple[str, list[str], list[tuple[str, list[str]]]], introduction=()) -> Article:
    """An article numbered by position, as the parser numbers it: (heading, preface, [(subheading, texts)])."""
    return Article(
        title="题名",
        abstract="",
        keywords=(),
        introduction=tuple(Paragraph(f"p0-0-{k}", t) for k, t in enumerate(introduction, start=1)),
        parts=tuple(
            Part(
                id=f"part-{n}",
                number=n,
                heading=heading,
                preface=tuple(Paragraph(f"p{n}-0-{k}", t) for k, t in enumerate(preface, start=1)),
                sections=tuple(
                    Section(f"s{n}-{s}", s, sub, tuple(Paragraph(f"p{n}-{s}-{k}", t) for k, t in enumerate(texts, 1)))
                    for s, (sub, texts) in enumerate(sections, start=1)
                ),
            )
            for n, (heading, preface, sections) in enumerate(parts, start=1)
        ),
        author_note="",
        funding_note="",
        references=(),
    )


def ids_by_text(article_: Article) -> dict[str, str]:
    return {e.text: e.id for e in entries_of(article_)}


def published(original: Article) -> Registry:
    return keep_ids(original, Registry()).registry


ORIGINAL = article(("一、发现问题", [], [("（一）现状", [A, B]), ("（二）原因", [C, D])]), ("二、解决问题", [], []))


def test_without_a_registry_the_ids_are_those_by_position():
    plan = keep_ids(ORIGINAL, Registry())
    assert [e.id for e in entries_of(plan.article)] == [e.id for e in entries_of(ORIGINAL)]
    assert plan.retired == ()


def test_a_paragraph_inserted_first_gets_a_new_id_and_the_old_first_keeps_its_own():
    edited = article(("一、发现问题", [], [("（一）现状", [NEW, A, B]), ("（二）原因", [C, D])]), ("二、解决问题", [], []))
    plan = keep_ids(edited, published(ORIGINAL))
    ids = ids_by_text(plan.article)
    assert ids[A] == "p1-1-1" and ids[B] == "p1-1-2"
    assert ids[NEW] == "p1-1-3"
    assert [p.id for p in plan.article.parts[0].sections[0].paragraphs] == ["p1-1-3", "p1-1-1", "p1-1-2"]
    assert str(changes(published(ORIGINAL), plan.registry)) == "1 new (p1-1-3)"


def test_a_removed_paragraph_leads_to_its_subsection_with_a_note():
    edited = article(("一、发现问题", [], [("（一）现状", [A]), ("（二）原因", [C, D])]), ("二、解决问题", [], []))
    plan = keep_ids(edited, published(ORIGINAL))
    (retired,) = plan.retired
    assert (retired.id, retired.to, retired.text) == ("p1-1-2", "s1-1", B)
    assert retired.note == "it was removed from subsection 1.1"
    # a later paragraph added to that subsection does not take the retired id
    again = article(("一、发现问题", [], [("（一）现状", [A, NEW]), ("（二）原因", [C, D])]), ("二、解决问题", [], []))
    assert ids_by_text(keep_ids(again, plan.registry).article)[NEW] == "p1-1-3"


def test_a_split_paragraph_keeps_its_id_on_the_larger_share_and_the_rest_is_new():
    first, rest = A + B[:10], B[10:]
    base = article(("一、发现问题", [], [("（一）现状", [A + B, C])]))
    edited = article(("一、发现问题", [], [("（一）现状", [first, rest, C])]))
    plan = keep_ids(edited, published(base))
    ids = ids_by_text(plan.article)
    assert ids[first] == "p1-1-1" and ids[C] == "p1-1-2"
    assert ids[rest] == "p1-1-3"
    assert plan.retired == ()


def test_merged_paragraphs_lead_to_the_paragraph_that_now_holds_their_text():
    edited = article(("一、发现问题", [], [("（一）现状", [A + B]), ("（二）原因", [C, D])]), ("二、解决问题", [], []))
    plan = keep_ids(edited, published(ORIGINAL))
    ids = ids_by_text(plan.article)
    kept = ids[A + B]
    assert kept in ("p1-1-1", "p1-1-2")
    (retired,) = plan.retired
    assert retired.to == kept and retired.note == f"its text is now part of paragraph {kept}"


def test_reordered_paragraphs_and_subsections_keep_their_ids_wherever_they_go():
    edited = article(("二、解决问题", [], []), ("一、发现问题", [], [("（二）原因", [D, C]), ("（一）现状", [B, A])]))
    plan = keep_ids(edited, published(ORIGINAL))
    assert ids_by_text(plan.article) == ids_by_text(ORIGINAL)
    assert plan.retired == ()


def test_a_paragraph_moved_into_another_part_keeps_its_id():
    edited = article(("一、发现问题", [], [("（一）现状", [A]), ("（二）原因", [C, D])]), ("二、解决问题", [B], []))
    plan = keep_ids(edited, published(ORIGINAL))
    assert plan.article.parts[1].preface == (Paragraph("p1-1-2", B),)


def test_an_edited_paragraph_or_heading_keeps_its_id():
    edited = article(("一、发现问题所在", [], [("（一）现状", [A.replace("主要", "重要"), B]), ("（二）原因", [C, D])]), ("二、解决问题", [], []))
    plan = keep_ids(edited, published(ORIGINAL))
    assert [e.id for e in entries_of(plan.article)] == [e.id for e in entries_of(ORIGINAL)]
    assert str(changes(published(ORIGINAL), plan.registry)) == "2 kept through an edit of their text"


def test_a_part_inserted_first_gets_a_new_id_and_the_parts_after_it_keep_theirs():
    edited = article(("一、背景", [NEW], []), ("二、发现问题", [], [("（一）现状", [A, B]), ("（二）原因", [C, D])]), ("三、解决问题", [], []))
    plan = keep_ids(edited, published(ORIGINAL))
    assert [p.id for p in plan.article.parts] == ["part-3", "part-1", "part-2"]
    assert plan.article.parts[0].preface[0].id == "p3-0-1"
    assert ids_by_text(plan.article)[A] == "p1-1-1"


def test_a_paragraph_put_back_gets_its_old_id_back():
    removed = keep_ids(article(("一、发现问题", [], [("（一）现状", [A]), ("（二）原因", [C, D])]), ("二、解决问题", [], [])), published(ORIGINAL))
    back = keep_ids(ORIGINAL, removed.registry)
    assert ids_by_text(back.article) == ids_by_text(ORIGINAL)
    assert back.retired == ()


def test_a_retired_id_follows_on_when_what_it_led_to_goes_too():
    without_b = keep_ids(article(("一、发现问题", [], [("（一）现状", [A]), ("（二）原因", [C, D])]), ("二、解决问题", [], [])), published(ORIGINAL))
    without_section = keep_ids(article(("一、发现问题", [], [("（二）原因", [C, D])]), ("二、解决问题", [], [])), without_b.registry)
    live = {e.id for e in entries_of(without_section.article)}
    leads = resolve(without_section.retired, live)
    assert leads["s1-1"][0] == "part-1"
    assert leads["p1-1-2"][0] == "part-1"  # through s1-1, which went too


def test_the_registry_file_reads_back_as_written(tmp_path):
    registry = keep_ids(article(("一、发现问题", [], [("（一）现状", [A])])), published(ORIGINAL)).registry
    path = tmp_path / "x.ids.yml"
    path.write_text(registry_text(registry, "x.txt"), encoding="utf-8")
    assert load_registry(path) == registry
    assert load_registry(tmp_path / "absent.ids.yml") == Registry()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ids: [{id: p1-1-1, text: a}, {id: p1-1-1, text: b}]\n", "the id p1-1-1 is listed twice"),
        ("ids: [{id: paragraph-one, text: a}]\n", "is not an id of a part, subsection or paragraph"),
        ("ids: [{id: p1-1-1}]\n", "every entry needs id, text as text"),
        ("- just a list\n", "not an id registry"),
        ("ids: [{id: p1-1-1, text: a, colour: red}]\n", "unknown keys colour"),
        # hostile ones, refused at once
        ("ids: " + "[" * 100_000 + "]" * 100_000 + "\n", "nested more than 64 levels deep"),  # crashed libyaml
        (
            "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
            + "ids: [*a8]\n",
            "uses a YAML alias",  # a billion values from ten lines
        ),
        ("ids: [{id: p١-1-1, text: a}]\n", "is not an id"),  # Arabic-Indic digit
        ("retired: [{id: p1-1-1, to: 'javascript:alert(1)', note: n, text: a}]\n", "which is not an id"),
        ("ids: [{id: p1-1-1, text: a, within: [s1-1]}]\n", "within must be text"),
    ],
)
def test_a_registry_that_make_translations_could_not_have_written_is_refused_naming_the_file(tmp_path, text, reason):
    path = tmp_path / "x.ids.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError, match=f"^x.ids.yml: .*{reason}"):
        load_registry(path)


def test_a_seed_edit_publishes_new_ids_only_through_make_translations(tmp_path):
    seed = tmp_path / SYNTHETIC.name
    shutil.copy(SYNTHETIC, seed)
    shutil.copy(SYNTHETIC_CATALOG, tmp_path / SYNTHETIC_CATALOG.name)
    assert "ids: first published" in update_one(seed, tmp_path / SYNTHETIC_CATALOG.name)
    before = {e.text: e.id for e in entries_of(build_edition(seed).article)}

    lines = seed.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("第一,居民參與意識不強"))
    lines.insert(first, "新增一段,居民們提出了幾條具體的建議。\n")
    seed.write_text("\n".join(lines), encoding="utf-8")
    registry_before = registry_path(seed).read_bytes()

    edition = build_edition(seed)
    after = {e.text: e.id for e in entries_of(edition.article)}
    assert {text: after[text] for text in before} == before
    (new_id,) = set(after.values()) - set(before.values())
    assert any(f"not in step with the seed: 1 new ({new_id})" in note.text for note in edition.notes)
    assert registry_path(seed).read_bytes() == registry_before  # the build never writes it

    assert f"ids: 1 new ({new_id})" in update_one(seed, tmp_path / SYNTHETIC_CATALOG.name)
    assert not [n for n in build_edition(seed).notes if "ids.yml" in n.text]


def test_make_translations_refuses_a_broken_registry_and_leaves_every_file_as_it_was(tmp_path):
    seed = tmp_path / SYNTHETIC.name
    shutil.copy(SYNTHETIC, seed)
    catalog = tmp_path / SYNTHETIC_CATALOG.name
    shutil.copy(SYNTHETIC_CATALOG, catalog)
    registry_path(seed).write_text("ids: [{id: p1-1-1}]\n", encoding="utf-8")
    catalog_before = catalog.read_bytes()
    with pytest.raises(SeedError, match="ids.yml"):
        update_one(seed, catalog)
    assert catalog.read_bytes() == catalog_before
    assert registry_path(seed).read_text(encoding="utf-8") == "ids: [{id: p1-1-1}]\n"


def test_a_registry_linked_from_outside_the_project_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.ids.yml"
    outside.write_text("ids: []\n", encoding="utf-8")
    (tmp_path / "project" / "seeds").mkdir(parents=True)
    link = tmp_path / "project" / "seeds" / "x.ids.yml"
    link.symlink_to(outside)
    with pytest.raises(SeedError, match="outside the project"):
        load_registry(link)


def test_the_paragraphs_of_a_removed_subsection_lead_to_its_part():
    without_section = article(("一、发现问题", [], [("（二）原因", [C, D])]), ("二、解决问题", [], []))
    plan = keep_ids(without_section, published(ORIGINAL))
    leads = {r.id: (r.to, r.note) for r in plan.retired}
    assert leads["s1-1"] == ("part-1", "it was removed from part 1")
    assert leads["p1-1-1"] == leads["p1-1-2"] == ("part-1", "it was removed from part 1")


def test_retired_ids_in_a_cycle_or_a_long_chain_lead_somewhere_at_once():
    from duidu.models import RetiredId

    cycle = [RetiredId("p1-1-1", "p1-1-2", "n", "a"), RetiredId("p1-1-2", "p1-1-1", "n", "b")]
    assert resolve(cycle, {"s1-1"}) == {"p1-1-1": ("", "n"), "p1-1-2": ("", "n")}
    chain = [RetiredId(f"p1-1-{k}", f"p1-1-{k + 1}", "n", str(k)) for k in range(1, 20_001)]
    leads = resolve(chain, {"p1-1-20001"})  # each followed once: 20,000 steps, not 200 million
    assert set(leads.values()) == {("p1-1-20001", "n")}


def test_texts_of_the_same_shape_but_other_words_take_no_registered_id(monkeypatch):
    """A registry of 200 long paragraphs against 200 other texts of the same shape: no id is kept, and texts
    are compared in full only where they share runs of characters (every pair in full took 48 s)."""
    import duidu.ids

    compared = []
    real = duidu.ids.SequenceMatcher

    class Counting(real):
        def ratio(self):
            compared.append(1)
            return super().ratio()

    monkeypatch.setattr(duidu.ids, "SequenceMatcher", Counting)
    registered = article(("一、甲", [], [("（一）乙", [f"{k}号：" + A * 8 + B * 2 for k in range(200)])]))
    other = article(("一、甲", [], [("（一）乙", [f"{k}号：" + C * 8 + D * 2 for k in range(200)])]))
    plan = keep_ids(other, published(registered))
    assert len(plan.retired) == 200 and not compared
