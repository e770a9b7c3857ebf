"""Bad seeds: one clear error line each, no traceback; the good article still builds; --strict fails."""

import re

import pytest

from conftest import FIXTURES, GLOSSARY_FILE, SYNTHETIC, build_project, companions
from helpers import tables_of_contents

GOOD = SYNTHETIC.read_bytes()
GOOD_CATALOG = companions(SYNTHETIC, "good.txt")
JOURNAL_LAYOUT = FIXTURES / "journal_layout.txt"
BAD = {
    "empty.txt": (b"", "the file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary data"),
    "undecodable.txt": (bytes([0xFF, 0x81, 0x30, 0xFF, 0xFE, 0x20, 0xA1]) * 3, "undecodable"),
    "no_title.txt": ("只有一段正文，没有标题，也没有摘要。\n".encode(), "no recognisable title"),
}


FORGING_NAME = "forged\nINFO    -  Documentation built in 0.1 seconds\x1b[0m.txt"
"""A file name that would print a line of its own, with a terminal escape, if the log did not escape it."""


@pytest.fixture(scope="module")
def normal_build(tmp_path_factory):
    seeds = {"good.txt": GOOD, FORGING_NAME: b"", **{name: data for name, (data, _) in BAD.items()}}
    return build_project(tmp_path_factory.mktemp("bad"), seeds, extra_files=GOOD_CATALOG)


def test_normal_build_publishes_the_good_article(normal_build):
    assert normal_build.returncode == 0, normal_build.log
    overview = normal_build.page("she-qu-zhi-li-de-ji-ge-wen-ti")
    assert "社区治理的几个问题" in overview
    home = normal_build.page("")
    assert home.count('class="dd-card"') == 1


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_seed_gets_one_error_line_naming_the_file_and_reason(normal_build, name):
    reason = BAD[name][1]
    lines = [line for line in normal_build.log.splitlines() if f"seeds/{name}" in line]
    assert len(lines) == 1, normal_build.log
    assert lines[0].startswith("ERROR") and reason in lines[0]


def test_no_traceback(normal_build):
    assert "Traceback" not in normal_build.log


def test_strict_build_fails_on_a_bad_seed(tmp_path):
    build = build_project(tmp_path, {"good.txt": GOOD, "empty.txt": b""}, strict=True, extra_files=GOOD_CATALOG)
    assert build.returncode != 0
    assert "seeds/empty.txt: skipped: the file is empty" in build.log
    assert "Traceback" not in build.log


@pytest.fixture(scope="module")
def bad_side_files(tmp_path_factory):
    """good.txt with a catalog that has a msgstr missing its closing quote and an invalid corrections file;
    other.txt with a sidecar of an unknown key; the real glossary, most of whose terms occur in neither."""
    catalog = GOOD_CATALOG["good.en.po"]
    line = catalog.split("\n").index('msgstr "Theoretical Frontiers"') + 1
    files = {
        "good.en.po": catalog.replace('msgstr "Theoretical Frontiers"', 'msgstr "Theoretical Frontiers', 1),
        "good.corrections.yml": "corrections: [{source: a}]",
        "other.meta.yml": "titel: 甲\n",
        "glossary.yml": GLOSSARY_FILE.read_text(encoding="utf-8"),
    }
    seeds = {"good.txt": GOOD, "other.txt": JOURNAL_LAYOUT.read_bytes()}
    directory = tmp_path_factory.mktemp("side")
    normal = build_project(directory / "normal", seeds, extra_files=files)
    strict = build_project(directory / "strict", seeds, strict=True, extra_files=files)
    return normal, strict, line


def test_a_bad_side_file_costs_only_what_it_carries(bad_side_files):
    normal, strict, line = bad_side_files
    assert normal.returncode == 0, normal.log
    assert not [line for line in normal.log.splitlines() if line.startswith("ERROR")], normal.log
    warnings = [line for line in normal.log.splitlines() if line.startswith("WARNING")]
    expected = [
        f"seeds/good.txt: good.en.po: line {line}: a string is missing its closing quote; published without its English",
        "seeds/good.txt: good.corrections.yml: correction 1 needs non-empty text for source, corrected, reason; "
        "published without its corrections",
        "seeds/other.txt: other.meta.yml: unknown key 'titel'",
    ]
    for text in expected:
        assert any(text in w for w in warnings), normal.log
    # both articles publish; the one whose catalog is unreadable shows no English
    home = normal.page("")
    assert home.count('class="dd-card"') == 2
    overview = normal.page("she-qu-zhi-li-de-ji-ge-wen-ti")
    assert "社区治理的几个问题" in overview and "Some Problems of Community Governance" not in overview
    assert normal.page("xian-yu-zhi-li-zhong-de-xie-tong-ji-zhi-yan-jiu")
    assert "Traceback" not in normal.log
    assert strict.returncode != 0 and "Traceback" not in strict.log


def test_warnings_of_one_kind_are_one_line_so_nothing_is_buried(bad_side_files):
    normal, _, _ = bad_side_files
    warnings = [line for line in normal.log.splitlines() if line.startswith("WARNING")]
    unused = [w for w in warnings if "occurs in no article" in w or "occur in no article" in w]
    assert len(unused) == 1, unused
    assert re.search(r"seeds/glossary\.yml: \d+ glossary terms occur in no article: .+, … \(first 5\)$", unused[0]), unused
    assert len(warnings) <= 12, "\n".join(warnings)


def test_a_stale_correction_and_unrecoverable_garble_are_warnings_that_strict_refuses(tmp_path):
    text = GOOD.decode()
    line = next(n for n, line in enumerate(text.split("\n"), start=1) if "居民參與意識不強" in line)
    damaged = text.replace("居民參與意識不強", "居民參與?\ue02a氐呐涮着c意識不強").encode()
    stale = "corrections:\n  - {source: 不在文中, corrected: 也不在, reason: test}\n"
    seeds = {"damaged.txt": damaged}
    normal = build_project(tmp_path / "normal", seeds, extra_files={"damaged.corrections.yml": stale})
    assert normal.returncode == 0
    warnings = [line for line in normal.log.splitlines() if line.startswith("WARNING")]
    assert any(f"seeds/damaged.txt: line {line}: garbled text" in w for w in warnings), normal.log
    assert any("correction not applied" in w for w in warnings), normal.log
    part = normal.page("she-qu-zhi-li-de-ji-ge-wen-ti/part-1")
    assert 'class="dd-geta"' in part and "\ue02a" not in part
    strict = build_project(tmp_path / "strict", seeds, strict=True, extra_files={"damaged.corrections.yml": stale})
    assert strict.returncode != 0


def test_the_build_notes_of_an_article_are_in_its_table_of_contents(bad_side_files):
    """The About page of an article with build notes has a build-notes heading, and its TOC lists it."""
    normal, _, _ = bad_side_files
    assert 'id="build-notes"' in normal.page("she-qu-zhi-li-de-ji-ge-wen-ti/about")
    assert "build-notes" in tables_of_contents(normal.site)


def test_a_file_name_cannot_forge_a_log_line_or_reach_the_terminal(normal_build):
    assert "\x1b" not in normal_build.log
    assert not any(line.startswith("INFO    -  Documentation built in 0.1") for line in normal_build.log.splitlines())
    (line,) = [line for line in normal_build.log.splitlines() if "forged" in line]
    assert line.startswith("ERROR") and "forged\\nINFO" in line and "the file is empty" in line
