"""PO syntax: our strict reader against GNU gettext's msgfmt, the reference, on malformed and valid samples,
on every catalog in the repository and on the catalogs `make translations` writes."""

import os
import re
import shutil
import subprocess

import polib
import pytest
from duidu.catalog import read_catalog
from duidu.maintain import update_translations
from duidu.models import SeedError

from conftest import FIXTURES, ROOT, SEED

MSGFMT_CHECKS = ["--check-format", "--check-header", "--check-domain"]

VALID = r'''# English translation of seeds/x.txt.
msgid ""
msgstr ""
"Project-Id-Version: Duidu x.txt\n"
"Language: en\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

#. category of the source site (breadcrumb)
msgctxt "category-1"
msgid "理论前沿"
msgstr "Theoretical Frontiers"

#. paragraph
msgctxt "p1-1-1"
msgid "第一段。"
msgstr ""
"The first "
"paragraph."
'''
CATEGORY_LINE = 13  # msgstr "Theoretical Frontiers"
CONTINUATION_LINE = 20  # "paragraph."

MALFORMED = {
    # name: (what replaces what, the line both readers must name)
    "msgstr missing its closing quote": (('msgstr "Theoretical Frontiers"', 'msgstr "Theoretical Frontiers'), CATEGORY_LINE),
    "msgstr with no quotes": (('msgstr "Theoretical Frontiers"', "msgstr Theoretical Frontiers"), CATEGORY_LINE),
    "continuation missing its opening quote": (('"paragraph."', 'paragraph."'), CONTINUATION_LINE),
    "continuation missing its closing quote": (('"paragraph."', '"paragraph.'), CONTINUATION_LINE),
    "unknown keyword": (('msgstr "Theoretical Frontiers"', 'msgstring "Theoretical Frontiers"'), CATEGORY_LINE),
    "stray line": (('msgstr "Theoretical Frontiers"\n', 'msgstr "Theoretical Frontiers"\nTheoretical Frontiers\n'), CATEGORY_LINE + 1),
    "stray Chinese line": (('msgstr "Theoretical Frontiers"\n', 'msgstr "Theoretical Frontiers"\n理论前沿\n'), CATEGORY_LINE + 1),
    "invalid escape": (('msgstr "Theoretical Frontiers"', r'msgstr "Theoretical\qFrontiers"'), CATEGORY_LINE),
    "msgid without msgstr": (('msgstr "Theoretical Frontiers"\n', ""), CATEGORY_LINE - 1),
    "comment between msgid and msgstr": (('msgstr "Theoretical Frontiers"', '# note\nmsgstr "Theoretical Frontiers"'), CATEGORY_LINE - 1),
    "comment after a previous field": (("#. paragraph\n", '#| msgid "第一段"\n#. paragraph\n'), 16),
    "obsolete msgstr in a live entry": (('msgstr "Theoretical Frontiers"', '#~ msgstr "Theoretical Frontiers"'), CATEGORY_LINE),
    "duplicate entry": (("#. paragraph\n", '#. again\nmsgctxt "category-1"\nmsgid "理论前沿"\nmsgstr "Frontiers"\n\n#. paragraph\n'), 16),
}

# Valid forms, each read the same by msgfmt (compiled, then read back) and by our reader.
VALID_VARIANTS = {
    "as written": VALID,
    "C escapes": VALID.replace('"The first "', r'"The \"first\"\tone\\\101\x42\n"'),
    "keyword and strings on separate lines": VALID.replace('msgid "第一段。"', 'msgid\n"第一" "段。"'),
    "comment after a string": VALID.replace('msgstr "Theoretical Frontiers"', 'msgstr "Theoretical Frontiers" # checked'),
    "fuzzy with previous, and obsolete with previous": VALID.replace(
        '#. paragraph\n', '#. paragraph\n#, fuzzy\n#| msgid "第一段"\n'
    ) + '\n#~| msgid "旧的"\n#~ msgctxt "p9"\n#~ msgid "第九段。"\n#~ msgstr "The ninth."\n',
    "CRLF line ends": VALID.replace("\n", "\r\n"),
}


@pytest.fixture(scope="session")
def msgfmt():
    path = shutil.which("msgfmt")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("msgfmt is missing: `make test` installs it (apt-get install gettext)")
        pytest.skip("msgfmt is missing: apt-get install gettext")
    return path


def run_msgfmt(msgfmt, path, output="/dev/null"):
    return subprocess.run([msgfmt, *MSGFMT_CHECKS, "-o", str(output), str(path)], capture_output=True, text=True)


def write(tmp_path, text, name="x.en.po"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_the_samples_are_what_they_say():
    lines = VALID.split("\n")
    assert lines[CATEGORY_LINE - 1] == 'msgstr "Theoretical Frontiers"' and lines[CONTINUATION_LINE - 1] == '"paragraph."'
    for (old, _), _ in MALFORMED.values():
        assert old in VALID


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_catalog_is_refused_by_msgfmt_and_by_our_reader_naming_file_and_line(tmp_path, msgfmt, name):
    (old, new), line = MALFORMED[name]
    path = write(tmp_path, VALID.replace(old, new, 1))
    result = run_msgfmt(msgfmt, path)
    assert result.returncode != 0, result.stderr
    named = {int(n) for n in re.findall(rf"{re.escape(str(path))}:(\d+)", result.stderr)}
    assert named & {line, line + 1}, result.stderr  # msgfmt names the line, or the one after it, for a string cut short
    with pytest.raises(SeedError, match=rf"^x\.en\.po: line {line}: "):
        read_catalog(path)
    # polib alone would have read it, some of them with the English changed
    if name == "msgstr missing its closing quote":
        assert polib.pofile(str(path)).find("category-1", by="msgctxt").msgstr == "Theoretical Frontier"


@pytest.mark.parametrize("name", sorted(VALID_VARIANTS))
def test_a_valid_catalog_reads_as_msgfmt_reads_it(tmp_path, msgfmt, name):
    path = write(tmp_path, VALID_VARIANTS[name])
    compiled = tmp_path / "x.mo"
    result = subprocess.run([msgfmt, *MSGFMT_CHECKS, "--use-fuzzy", "-o", str(compiled), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    reference = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(compiled)) if e.msgid}
    ours = {(e.msgctxt, e.msgid): e.msgstr for e in read_catalog(path) if not e.obsolete and e.msgstr}
    assert ours == reference


def test_a_unit_with_two_live_entries_is_refused(tmp_path):
    # gettext allows one context with two msgids; for Duidu it would leave the unit's English to chance
    text = VALID + '\n#. paragraph\nmsgctxt "category-1"\nmsgid "理论"\nmsgstr "Theory"\n'
    with pytest.raises(SeedError, match=r"x\.en\.po: line 23: a second entry for unit 'category-1' \(the first is at line 11\)"):
        read_catalog(write(tmp_path, text))


@pytest.mark.parametrize(
    "header, reason",
    [
        ("charset=ISO-8859-1", "declares charset=ISO-8859-1, which cannot hold"),
        ("charset=BOGUS", "unknown charset 'BOGUS'"),
    ],
)
def test_an_unusable_or_unknown_charset_is_refused(tmp_path, header, reason):
    path = write(tmp_path, VALID.replace("charset=UTF-8", header))
    with pytest.raises(SeedError, match=rf"x\.en\.po: line 2: .*{re.escape(reason)}"):
        read_catalog(path)


def test_bytes_that_are_not_utf8_are_refused_with_their_line(tmp_path):
    path = tmp_path / "x.en.po"
    path.write_bytes(VALID.encode("utf-8").replace("Theoretical".encode(), "Th\xe9oretical".encode("latin-1")))
    with pytest.raises(SeedError, match=rf"x\.en\.po: line {CATEGORY_LINE}: not UTF-8"):
        read_catalog(path)


def catalogs_in_repository():
    return sorted([*ROOT.glob("seeds/*.po"), *FIXTURES.glob("*.po")])


@pytest.mark.parametrize("path", catalogs_in_repository(), ids=lambda p: p.name)
def test_msgfmt_accepts_every_catalog_in_the_repository(msgfmt, path):
    result = run_msgfmt(msgfmt, path)
    assert result.returncode == 0, result.stderr
    read_catalog(path)


def test_msgfmt_accepts_the_catalogs_make_translations_writes(tmp_path, msgfmt):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds)
    shutil.copy(SEED.with_name(SEED.stem + ".en.po"), seeds)
    (seeds / "new.txt").write_bytes((FIXTURES / "synthetic_article.txt").read_bytes())  # no catalog yet: a new one
    # an edited paragraph (fuzzy, with #| msgid) and a removed one (obsolete), as test_catalog's upkeep test does
    text = SEED.read_text(encoding="utf-8").replace("備受重視", "日益受到重視", 1)
    start = text.index("一方面,")
    (seeds / SEED.name).write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    assert update_translations(seeds) == 0
    written = sorted(seeds.glob("*.po"))
    assert [p.name for p in written] == [SEED.stem + ".en.po", "new.en.po"]
    for path in written:
        result = run_msgfmt(msgfmt, path)
        assert result.returncode == 0, result.stderr
        catalog = read_catalog(path)
        assert any(e.obsolete for e in catalog) or path.name == "new.en.po"
