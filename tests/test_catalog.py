"""catalog: PO round trip, msgmerge-style upkeep on an edited copy of the seed, and what the build does with it."""

import errno
import os
import shutil
import stat

import polib
import pytest
from duidu.catalog import (
    Status,
    catalog_path,
    new_catalog,
    read_catalog,
    read_translations,
    save_catalog,
    update_catalog,
)
from duidu import maintain
from duidu.maintain import update_translations
from duidu.models import SeedError
from duidu.pipeline import build_edition
from duidu.units import Unit, translation_units

from conftest import SEED, SEED_CATALOG, build_project, run_forked
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


# Writes that refuse rather than damage: `make translations` never leaves a catalog altered or emptier.

DAMAGES = {
    "unusable charset": ("charset=UTF-8", "charset=ISO-8859-1"),
    "unknown charset": ("charset=UTF-8", "charset=BOGUS"),
    "msgstr missing its closing quote": ('msgstr "Theoretical Frontiers"', 'msgstr "Theoretical Frontiers'),
    "msgstr with no quotes": ('msgstr "Theoretical Frontiers"', "msgstr Theoretical Frontiers"),
    "continuation missing its quote": ('"Language: en\\n"', '"Language: en\\n'),
    "unknown keyword": ('msgctxt "category-1"', 'msgcontext "category-1"'),
    "duplicate entry": ('#. category of the source site (breadcrumb)\nmsgctxt "category-2"',
                        '#. category of the source site (breadcrumb)\nmsgctxt "category-1"\nmsgid "理论前沿"\nmsgstr "Frontiers"\n\n'
                        '#. category of the source site (breadcrumb)\nmsgctxt "category-2"'),
}  # fmt: skip


@pytest.fixture
def seed_copy(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    shutil.copy(SEED_CATALOG, seeds)
    return seeds / SEED.name


def damage(path, name):
    old, new = DAMAGES[name]
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize("name", sorted(DAMAGES))
def test_make_translations_refuses_a_damaged_catalog_and_leaves_it_byte_for_byte(seed_copy, capsys, name):
    path = catalog_path(seed_copy)
    before = damage(path, name)
    assert update_translations(seed_copy.parent) == 1
    assert path.read_bytes() == before
    error = capsys.readouterr().err
    assert f"skipped: {path.name}: line " in error, error
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == sorted([SEED.name, path.name])  # no temporary file left


def test_the_command_refuses_an_iso_8859_1_header_where_it_used_to_empty_the_file(seed_copy):
    # The reproduction: this once left the catalog at 0 bytes.
    path = catalog_path(seed_copy)
    before = damage(path, "unusable charset")
    # `python -m duidu.maintain translations seeds`, which `make translations` runs, in a forked child.
    result = run_forked(lambda: maintain.main(["translations", str(seed_copy.parent)]), seed_copy.parent)
    assert result.returncode == 1
    # the header entry's line: where its msgid "" stands, after the catalog's comment
    line = next(n for n, text in enumerate(before.decode("utf-8").splitlines(), 1) if text == 'msgid ""')
    assert f"{path.name}: line {line}: the header declares charset=ISO-8859-1" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_write_that_fails_leaves_the_catalog_whole(seed_copy, monkeypatch, capsys):
    path = catalog_path(seed_copy)
    before = damage(path, "unknown keyword").replace(b"msgcontext", b"msgctxt")  # back to valid
    path.write_bytes(before)
    seed_copy.write_text(SEED.read_text(encoding="utf-8").replace("備受重視", "日益受到重視", 1), encoding="utf-8")

    def full_disk(descriptor):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    assert update_translations(seed_copy.parent) == 1
    assert "not saved: No space left on device" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert sorted(p.name for p in seed_copy.parent.iterdir()) == sorted([SEED.name, path.name])


def test_text_that_would_not_read_back_is_not_written(tmp_path):
    path = tmp_path / "x.en.po"
    path.write_bytes(b"kept")
    catalog = new_catalog("x.txt")
    catalog.append(polib.POEntry(msgctxt="p1", msgid="\udcff", msgstr="lone surrogate"))
    with pytest.raises(SeedError, match=r"x\.en\.po: not saved: text that UTF-8 cannot hold"):
        save_catalog(catalog, path)
    assert path.read_bytes() == b"kept"


def test_a_saved_catalog_keeps_its_mode_and_reads_back_byte_identical(seed_copy):
    path = catalog_path(seed_copy)
    path.chmod(0o640)
    assert update_translations(seed_copy.parent) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_bytes() == SEED_CATALOG.read_bytes()  # nothing to change: the same bytes


def test_no_translated_entry_is_dropped_by_make_translations(seed_copy):
    # A translator's entry without a unit id, and an older translation of a unit kept obsolete beside its live
    # entry: both used to vanish on the next `make translations`.
    path = catalog_path(seed_copy)
    extra = (
        '\n# added by hand\nmsgid "基层"\nmsgstr "primary level"\n'
        '\n#~ msgctxt "title"\n#~ msgid "旧标题"\n#~ msgstr "The Old Title"\n'
    )
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert update_translations(seed_copy.parent) == 0
    after = read_catalog(path)
    kept = {(e.msgctxt, e.msgid): (e.msgstr, bool(e.obsolete)) for e in after}
    assert kept[(None, "基层")] == ("primary level", True)
    assert kept[("title", "旧标题")] == ("The Old Title", True)
    assert update_translations(seed_copy.parent) == 0  # and the file it wrote reads again


def test_the_entry_whose_chinese_matches_is_the_units_entry(tmp_path):
    catalog = new_catalog("x.txt")
    catalog.append(polib.POEntry(msgctxt="title", msgid="旧标题", msgstr="Old"))
    catalog.append(polib.POEntry(msgctxt="title", msgid="标题", msgstr="Current", obsolete=True))
    report = update_catalog(catalog, UNITS[:1])
    assert report.revived == ("title",) and report.obsoleted == ("title",)
    live = [e for e in catalog if not e.obsolete]
    assert [(e.msgid, e.msgstr) for e in live] == [("标题", "Current")]
    assert [(e.msgid, e.msgstr) for e in catalog.obsolete_entries()] == [("旧标题", "Old")]
