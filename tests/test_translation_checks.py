"""translate-toolkit's pofilter over the English catalogs (translation_checks.py): what it finds is an error
unless the unit's comment explains an exception; an exception that no longer fires is an error too."""

from pathlib import Path

import polib
from duidu.translation_checks import EXCLUDED, check_catalog, main

from conftest import ROOT, SEED_CATALOG


def write_catalog(path: Path, units: list[tuple[str, str, str, str]]) -> Path:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for context, msgid, msgstr, comment in units:
        catalog.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr, tcomment=comment))
    catalog.save(str(path))
    return path


def test_the_article_catalog_passes_every_check(capsys):
    assert check_catalog(SEED_CATALOG) == []
    assert main([str(SEED_CATALOG.parent)]) == 0
    assert "0 problems" in capsys.readouterr().out


def test_a_finding_is_an_error_naming_the_unit_and_the_check(tmp_path):
    catalog = write_catalog(tmp_path / "x.en.po", [
        ("p1-1-1", "2022年，基层治理取得成果。", "In 2023, primary-level governance achieved results.", ""),
        ("p1-1-2", "基层治理很重要。", "Primary-level governance is is important.", ""),
        ("p1-1-3", "基层治理很重要。", "Primary-level  governance matters.", ""),
    ])
    found = {(f.unit, f.check) for f in check_catalog(catalog)}
    assert {("p1-1-1", "numbers"), ("p1-1-2", "doublewords"), ("p1-1-3", "doublespacing")} <= found
    assert main([str(tmp_path)]) == 1


def test_an_exception_in_the_units_comment_excuses_its_check_and_only_while_it_fires(tmp_path):
    catalog = write_catalog(tmp_path / "x.en.po", [
        ("s2-3", "本领恐慌：技术偏差", "“Skills Panic”: Misapplied Technology",
         "pofilter-ok: doublequoting, startpunc: the English quotes the coined phrase"),
        ("p1-1-1", "基层治理很重要。", "Primary-level governance matters.", "pofilter-ok: numbers: no longer true"),
    ])
    problems = check_catalog(catalog)
    assert [(p.unit, p.check) for p in problems] == [("p1-1-1", "numbers")]
    assert "no longer fires" in problems[0].message


def test_every_check_left_out_is_explained_to_translators():
    guide = (ROOT / "seeds" / "TRANSLATING.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in guide for name in EXCLUDED)
