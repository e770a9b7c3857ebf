"""catalog: PO round trip, msgmerge-style upkeep on an edited copy of the seed, and what the build does with it."""

import shutil

import polib
import pytest
from duidu.catalog import Status, catalog_path, new_catalog, read_catalog, read_translations, update_catalog
from duidu.maintain import update_translations
from duidu.pipeline import build_edition
from duidu.units import Unit, translation_units

from conftest import SEED, SEED_CATALOG, build_project
from helpers import content, soup

UNITS = (Unit("title", "标题", "article title"), Unit("p1-1-1", "第一段。", "paragraph"))


def test_round_trip_through_a_po_file(tmp_path):
    catalog = new_catalog("x.txt")
    report = update_catalog(catalog, UNITS)
    assert report.added == ("title", "p1-1-1")
    catalog.find("第一段。", by="msgid").msgstr = "The first paragraph."
    path = tmp_path / "x.en.po"
    catalog.save(str(path))
    again = polib.pofile(str(path))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in again] == [("title", "标题", ""), ("p1-1-1", "第一段。", "The first paragraph.")]
    assert again.metadata["Language"] == "en"
    translations = read_translations(read_catalog(path), UNITS)
    assert translations["p1-1-1"].en == "The first paragraph."
    assert translations["title"].status is Status.MISSING


def test_a_translation_counts_only_while_its_chinese_matches():
    catalog = new_catalog("x.txt")
    update_catalog(catalog, UNITS)
    for entry in catalog:
        entry.msgstr = "English"
    changed = (UNITS[0], Unit("p1-1-1", "第一段改了。", "paragraph"))
    assert read_translations(catalog, changed)["p1-1-1"].status is Status.OUTDATED
    assert read_translations(catalog, changed)["title"].status is Status.TRANSLATED


def test_the_catalog_sits_beside_its_seed():
    assert catalog_path(SEED) == SEED_CATALOG


def _edit_seed(text: str) -> str:
    """The seed with one paragraph edited (p1-1-1), one added (after p1-1-3) and one removed (p1-4-2)."""
    lines = text.split("\n")
    edited = next(i for i, line in enumerate(lines) if line.startswith("多元主體的良性參與"))
    lines[edited] = lines[edited].replace("備受重視", "日益受到重視")
    after = next(i for i, line in enumerate(lines) if line.startswith("第二,資源整合相對不足"))
    lines.insert(after + 1, "")
    lines.insert(after + 2, "第三,新增的一段。這是維護者加入的內容,用來檢驗翻譯目錄的更新。")
    removed = next(i for i, line in enumerate(lines) if line.startswith("一方面,"))
    del lines[removed : removed + 2]
    return "\n".join(lines)


@pytest.fixture
def edited_seed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    seed = seeds / SEED.name
    seed.write_text(_edit_seed(SEED.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(SEED_CATALOG, seeds)
    return seed


def test_upkeep_marks_new_changed_and_vanished_units_and_loses_nothing(edited_seed, capsys):
    before = polib.pofile(str(catalog_path(edited_seed)))
    old = {e.msgctxt: e for e in before}
    assert update_translations(edited_seed.parent) == 0
    printed = capsys.readouterr().out
    assert "1 new, 1 changed (marked fuzzy), 1 obsolete" in printed

    after = polib.pofile(str(catalog_path(edited_seed)))
    entries = {e.msgctxt: e for e in after if not e.obsolete}
    changed = entries["p1-1-1"]
    assert changed.fuzzy and changed.previous_msgid == old["p1-1-1"].msgid
    assert changed.msgstr == old["p1-1-1"].msgstr and "日益受到重视" in changed.msgid
    assert entries["p1-1-4"].msgstr == "" and entries["p1-1-4"].msgid.startswith("第三，新增的一段")
    (vanished,) = after.obsolete_entries()
    assert vanished.msgctxt == "p1-4-2" and vanished.msgstr == old["p1-4-2"].msgstr
    kept = {e.msgstr for e in after if e.msgstr}
    assert {e.msgstr for e in before if e.msgstr} <= kept

    # Running it again changes nothing; restoring the removed paragraph brings its English back.
    assert update_translations(edited_seed.parent) == 0
    assert "0 new, 0 changed (marked fuzzy), 0 obsolete" in capsys.readouterr().out
    edited_seed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    update_translations(edited_seed.parent)
    assert "back from obsolete" in capsys.readouterr().out
    restored = {e.msgctxt: e for e in polib.pofile(str(catalog_path(edited_seed))) if not e.obsolete}
    assert restored["p1-4-2"].msgstr == old["p1-4-2"].msgstr and not restored["p1-4-2"].obsolete


@pytest.mark.parametrize("upkeep", [False, True], ids=["before make translations", "after make translations"])
def test_the_build_marks_pending_and_outdated_units_and_warns(edited_seed, tmp_path, upkeep):
    if upkeep:
        update_translations(edited_seed.parent)
    files = {p.name: p.read_text(encoding="utf-8") for p in edited_seed.parent.iterdir() if p.suffix != ".txt"}
    build = build_project(tmp_path / "build", {SEED.name: edited_seed.read_bytes()}, extra_files=files)
    assert build.returncode == 0, build.log
    catalog_name = catalog_path(SEED).name
    warnings = [line for line in build.log.splitlines() if line.startswith("WARNING")]
    assert any(f"{catalog_name}: unit p1-1-1: translation outdated" in w for w in warnings), build.log
    assert any(f"{catalog_name}: unit p1-1-4: translation missing" in w for w in warnings), build.log
    total = len(translation_units(build_edition(SEED)))  # one unit added, one removed: the same count
    share = f"{100 * (total - 2) / total:.0f}%"
    assert f"): {total - 2}/{total} translated ({share}), 1 fuzzy, 1 missing" in build.log, build.log

    slug = build_edition(SEED).slug
    part = content(soup(build.site / slug / "part-1" / "index.html"))
    outdated, pending = part.select_one("#p1-1-1"), part.select_one("#p1-1-4")
    assert "Translation outdated" in outdated.select_one(".dd-untranslated .dd-flag").get_text()
    assert "日益受到重视" in outdated.select_one('.dd-untranslated [lang="zh-Hans"]:not(span)').get_text()
    assert "Translation pending" in pending.select_one(".dd-untranslated .dd-flag").get_text()
    about = content(soup(build.site / slug / "about" / "index.html")).get_text()
    assert f"{total - 2} / {total}" in about

    strict = build_project(tmp_path / "strict", {SEED.name: edited_seed.read_bytes()}, strict=True, extra_files=files)
    assert strict.returncode != 0


def test_the_real_catalog_is_complete_and_current():
    edition = build_edition(SEED)
    assert edition.coverage.translated == len(translation_units(edition)) and edition.coverage.fuzzy == 0
    assert all(t.en.strip() for t in edition.translations.values())
