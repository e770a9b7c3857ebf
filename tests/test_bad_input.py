"""Bad seeds: one clear error line each, no traceback; the good article still builds; --strict fails."""

import pytest

from conftest import SYNTHETIC, build_project, companions

GOOD = SYNTHETIC.read_bytes()
GOOD_CATALOG = companions(SYNTHETIC, "good.txt")
BAD = {
    "empty.txt": (b"", "the file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary data"),
    "undecodable.txt": (bytes([0xFF, 0x81, 0x30, 0xFF, 0xFE, 0x20, 0xA1]) * 3, "undecodable"),
    "no_title.txt": ("只有一段正文，没有标题，也没有摘要。\n".encode(), "no recognisable title"),
}


@pytest.fixture(scope="module")
def normal_build(tmp_path_factory):
    seeds = {"good.txt": GOOD, **{name: data for name, (data, _) in BAD.items()}}
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


def test_a_malformed_corrections_file_fails_its_seed_only(tmp_path):
    build = build_project(
        tmp_path,
        {"good.txt": GOOD, "other.txt": GOOD},
        extra_files={"other.corrections.yml": "corrections: [{source: a}]"},
    )
    assert build.returncode == 0
    errors = [line for line in build.log.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "seeds/other.txt" in errors[0] and "other.corrections.yml" in errors[0]


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
