"""Old links still land after the seed is edited (issue 12): the real seed, with one paragraph deleted, one moved
into another part and a part heading removed, published by `make translations` and built with --strict; last
year's links are followed in Chromium."""

import re
import shutil

import opencc
import pytest
from duidu.ids import registry_path
from duidu.maintain import update_one
from duidu.pipeline import build_edition

from conftest import SEED, build_project, companions, static_server
from test_word_aids import assert_axe_clean

_T2S = opencc.OpenCC("t2s")
_NOT_HAN = re.compile(r"\([^)]*\)|[^\u4e00-\u9fff]")


def han_key(text: str) -> str:
    """A line's Han characters in Simplified, without the mirror's pinyin annotations: to find a paragraph's
    line in the raw seed."""
    return _T2S.convert(_NOT_HAN.sub("", text))


def line_of(lines: list[str], text: str) -> int:
    key = han_key(text)[:12]
    (index,) = [i for i, line in enumerate(lines) if han_key(line).startswith(key)]
    return index


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    """The real seed after an edit: p2-1-2 deleted, p1-1-1 moved to the end of s2-1, part 3's heading
    removed (its subsections join part 2); ids published with `make translations`."""
    directory = tmp_path_factory.mktemp("edited")
    seeds = directory / "seeds"
    seeds.mkdir()
    seed = seeds / SEED.name
    shutil.copy(SEED, seed)
    for name, text in companions(SEED).items():
        (seeds / name).write_text(text, encoding="utf-8")
    original = build_edition(seed).article
    texts = {p.id: p.text for part in original.parts for p in part.paragraphs}

    lines = seed.read_text(encoding="utf-8").split("\n")
    moved = lines.pop(line_of(lines, texts["p1-1-1"]))
    lines.insert(line_of(lines, texts["p2-1-3"]) + 1, moved)
    del lines[line_of(lines, texts["p2-1-2"])]
    del lines[line_of(lines, original.parts[2].heading)]
    seed.write_text("\n".join(lines), encoding="utf-8")
    report = update_one(seed, seeds / (seed.stem + ".en.po"))
    assert re.search(r"ids: .*retired \(.*p2-1-2 → s2-1", report), report
    files = {path.name: path.read_text(encoding="utf-8") for path in seeds.iterdir() if path != seed}
    build = build_project(directory / "project", {seed.name: seed.read_bytes()}, strict=True, extra_files=files)
    assert build.returncode == 0, build.log
    with static_server(build.site) as url:
        yield url, build_edition(seed)


def landing(page, url: str) -> tuple[str, list[str], str]:
    """Follow ``url``; where it lands (path and fragment), what it highlights and the note shown."""
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.dd-highlight') || document.querySelector('.dd-moved')")
    page.wait_for_timeout(100)
    note = page.locator(".dd-moved").all_inner_texts()
    where = page.evaluate("location.pathname.split('/').filter(Boolean).pop() + location.hash")
    return where, page.eval_on_selector_all(".dd-highlight", "els => els.map(e => e.id)"), " ".join(note)


@pytest.mark.parametrize("width", [1280, 375])
def test_a_link_to_a_deleted_paragraph_lands_on_its_subsection_with_a_note(page, edited_site, width):
    url, edition = edited_site
    page.set_viewport_size({"width": width, "height": 800})
    where, highlighted, note = landing(page, f"{url}/{edition.slug}/part-2/?mode=zh#p2-1-2")
    assert where == "part-2#s2-1" and highlighted == ["s2-1"]
    assert "The link you followed names p2-1-2: it was removed from subsection 2.1" in note
    # the note stands right above where the link lands, and both are in view
    assert page.evaluate("document.querySelector('.dd-moved').nextElementSibling.id") == "s2-1"
    assert page.locator(".dd-moved").is_visible() and page.locator("#s2-1").is_visible()
    box = page.locator(".dd-moved").bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]
    assert page.evaluate("document.documentElement.dataset.ddMode") == "zh"  # the settings carried over
    assert_axe_clean(page)


def test_a_link_to_a_paragraph_moved_into_another_part_follows_it(page, edited_site):
    url, edition = edited_site
    where, highlighted, note = landing(page, f"{url}/{edition.slug}/part-1/#p1-1-1")
    assert where == "part-2#p1-1-1" and highlighted == ["p1-1-1"] and note == ""
    assert page.locator("#p1-1-1").is_visible()


def test_a_passage_link_whose_last_paragraph_was_deleted_lands_on_its_first(page, edited_site):
    url, edition = edited_site
    where, highlighted, note = landing(page, f"{url}/{edition.slug}/part-2/#p2-1-1~p2-1-2")
    assert where == "part-2#p2-1-1" and highlighted == ["p2-1-1"]
    assert "names p2-1-2: it was removed from subsection 2.1" in note


def test_the_page_of_a_removed_part_leads_on_and_its_paragraphs_are_found(page, edited_site):
    url, edition = edited_site
    assert [p.id for p in edition.article.parts] == ["part-1", "part-2"]
    where, highlighted, note = landing(page, f"{url}/{edition.slug}/part-3/#p3-1-1")
    assert where == "part-2#p3-1-1" and highlighted == ["p3-1-1"]
    assert "names part-3: it was removed from the article" in note  # carried through the overview
    page.goto(f"{url}/{edition.slug}/part-3/")
    page.wait_for_selector(".dd-moved")
    assert "names part-3: it was removed from the article" in page.locator(".dd-moved").inner_text()
    assert registry_path(SEED).exists()
