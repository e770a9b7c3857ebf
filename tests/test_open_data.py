"""open_data: the aligned text as JSON valid against its schema, the TMX memory, the glossary as CSV and as an
Anki deck, each made from the real seed and glossary, read back with the tools a reader would use, and the
same bytes on every call."""

import copy
import csv
import io
import json
import sqlite3
import zipfile
from dataclasses import replace

import genanki
import jsonschema
import pytest
from duidu.align import english, sentences
from duidu.glossary import load_glossary
from duidu.models import Status, Translation
from duidu.open_data import (
    ANKI_DECK_ID,
    ANKI_FIELDS,
    ANKI_MODEL_ID,
    SCHEMA_FILE,
    aligned_text,
    aligned_text_json,
    anki_deck,
    data_files,
    glossary_csv,
    glossary_data_files,
    schema,
    stable_anki_id,
    tmx,
)
from duidu.pipeline import build_edition
from duidu.units import translation_units
from lxml import etree
from translate.storage.tmx import tmxfile

from conftest import GLOSSARY_FILE, SEED

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def edition():
    return build_edition(SEED)


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(GLOSSARY_FILE)


@pytest.fixture(scope="module")
def data(edition):
    return aligned_text(edition)


def validator():
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def with_translations(edition, changes):
    """The edition with some units' translations replaced."""
    return replace(edition, translations={**edition.translations, **changes})


def multi_sentence_unit(edition):
    return next(u for u in translation_units(edition) if u.id.startswith("p") and len(sentences(u.zh)) >= 3)


# --- the aligned text and its schema ---


def test_the_schema_is_a_valid_draft_2020_12_schema_and_is_the_shipped_file():
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema() == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_the_aligned_text_of_the_real_seed_validates(data, edition):
    validator().validate(data)
    assert data["format"] == {"name": "duidu-aligned-text", "version": 1}
    assert data["languages"] == {"source": "zh-Hans", "target": "en"}
    assert data["seed"] == {"file": SEED.name, "sha256": edition.seed_sha256}
    assert data["article"]["title"]["zh"] == "以高水平治理提升基层“免疫力”"
    assert data["article"]["title"]["en"].startswith("Enhancing")
    assert data["article"]["journal"] == "人民论坛"
    assert data["article"]["notice"].startswith("声明：本文为人民论坛杂志社原创内容")


def broken(data, mutate):
    copied = copy.deepcopy(data)
    mutate(copied)
    return copied


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda d: d["units"][5].pop("id"), id="unit-without-id"),
        pytest.param(lambda d: d["units"][5].update(status="done"), id="bad-status"),
        pytest.param(lambda d: d["units"][5].update(id="p1_1_1"), id="bad-id"),
        pytest.param(lambda d: d["units"][5].update(extra=1), id="unknown-field"),
        pytest.param(lambda d: d["units"][5].update(status="missing"), id="english-on-a-missing-unit"),
        pytest.param(lambda d: d["units"][5].update(segments=[]), id="no-segments"),
        pytest.param(lambda d: d["units"][5]["segments"][0].update(zh="甲"), id="segment-chinese-not-a-list"),
        pytest.param(lambda d: d["units"][5].update(section="s1-1", part=None), id="section-without-part"),
        pytest.param(lambda d: d["seed"].update(sha256="xyz"), id="bad-hash"),
        pytest.param(lambda d: d["format"].update(version=2), id="other-version"),
        pytest.param(lambda d: d.pop("units"), id="no-units"),
    ],
)
def test_a_broken_copy_fails_validation(data, mutate):
    assert data["units"][5]["status"] == "translated" and data["units"][5]["en"]
    with pytest.raises(jsonschema.ValidationError):
        validator().validate(broken(data, mutate))


def test_the_units_are_the_translation_units_in_reading_order(data, edition):
    units = translation_units(edition)
    assert [(u["id"], u["zh"], u["kind"]) for u in data["units"]] == [(u.id, u.zh, u.kind) for u in units]
    assert len({u["id"] for u in data["units"]}) == len(units)
    for unit in data["units"]:
        translation = edition.english(unit["id"])
        assert (unit["status"], unit["en"]) == (translation.status.value, translation.en)


def test_each_unit_names_its_part_and_section(data):
    places = {u["id"]: (u["part"], u["section"]) for u in data["units"]}
    assert places["title"] == places["abstract"] == places["p0-0-1"] == places["note-funding"] == (None, None)
    assert places["part-2"] == ("part-2", None)
    assert places["p1-0-1"] == ("part-1", None)
    assert places["s2-3"] == ("part-2", "s2-3")
    assert places["p2-3-1"] == ("part-2", "s2-3")


def test_the_segments_join_to_the_units_chinese_and_english(data):
    aligned = 0
    for unit in data["units"]:
        assert "".join(sentence for segment in unit["segments"] for sentence in segment["zh"]) == unit["zh"]
        assert " ".join(segment["en"] for segment in unit["segments"] if segment["en"]) == unit["en"]
        aligned += len(unit["segments"]) > 1
    assert aligned >= 25


def test_an_untranslated_unit_has_a_segment_per_sentence_without_english(edition):
    unit = multi_sentence_unit(edition)
    changed = with_translations(edition, {unit.id: Translation(Status.MISSING), "title": Translation(Status.OUTDATED)})
    data = aligned_text(changed)
    validator().validate(data)
    entry = next(u for u in data["units"] if u["id"] == unit.id)
    assert entry["status"] == "missing" and entry["en"] == ""
    assert entry["segments"] == [{"zh": [sentence], "en": ""} for sentence in sentences(unit.zh)]
    assert data["units"][0]["status"] == "fuzzy" and data["article"]["title"]["en"] == ""


def test_the_aligned_json_is_the_same_bytes_every_time_with_chinese_as_characters(edition, data):
    first, second = aligned_text_json(edition), aligned_text_json(edition)
    assert first == second
    assert json.loads(first) == data
    assert "基层治理".encode() in first and b"\\u" not in first


# --- the translation memory ---


def translated_segments(data):
    return [
        (f"{u['id']}.{n}", "".join(s["zh"]), s["en"])
        for u in data["units"]
        if u["status"] == "translated"
        for n, s in enumerate(u["segments"], start=1)
        if s["en"]
    ]


def test_the_tmx_reads_back_as_tmx_1_4b_one_unit_per_segment(edition, data):
    memory = tmx(edition)
    root = etree.fromstring(memory)
    assert root.tag == "tmx" and root.get("version") == "1.4"
    assert b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">' in memory
    header = root.find("header")
    assert {name: header.get(name) for name in ("creationtool", "srclang", "adminlang", "datatype", "segtype")} == {
        "creationtool": "Duidu",
        "srclang": "zh-Hans",
        "adminlang": "en",
        "datatype": "plaintext",
        "segtype": "sentence",
    }
    # every attribute TMX 1.4b requires of the header is there
    assert {"creationtoolversion", "o-tmf"} <= set(header.keys())
    for tu in root.iter("tu"):
        assert [tuv.get(XML_LANG) for tuv in tu.findall("tuv")] == ["zh-Hans", "en"]
    store = tmxfile.parsestring(memory)
    expected = translated_segments(data)
    assert len(expected) > 71  # more segments than units: the paragraphs are cut into sentences
    assert [(u.getid(), u.source, u.target) for u in store.units] == expected
    assert store.units[0].gettarget("en") == data["article"]["title"]["en"]


def test_the_tmx_is_the_same_bytes_every_time_and_carries_no_date(edition):
    assert tmx(edition) == tmx(edition)
    assert b"creationdate" not in tmx(edition) and b"changedate" not in tmx(edition)


def test_a_sentence_sharing_the_english_of_the_one_before_is_merged_into_its_unit(edition):
    unit = multi_sentence_unit(edition)
    count = len(sentences(unit.zh))
    marked = " ‖ ".join(["First."] + [""] + [f"Piece {n}." for n in range(3, count + 1)])
    changed = with_translations(edition, {unit.id: Translation(Status.TRANSLATED, english(marked), marked)})
    store = tmxfile.parsestring(tmx(changed))
    units = [u for u in store.units if u.getid().startswith(unit.id + ".")]
    first_two = "".join(sentences(unit.zh)[:2])
    assert [(u.getid(), u.target) for u in units][:2] == [(f"{unit.id}.1", "First."), (f"{unit.id}.2", "Piece 3.")]
    assert units[0].source == first_two
    assert len(units) == count - 1 and all(u.target for u in units)


def test_untranslated_units_are_left_out_of_the_tmx(edition):
    unit = multi_sentence_unit(edition)
    changed = with_translations(edition, {unit.id: Translation(Status.MISSING)})
    ids = [u.getid() for u in tmxfile.parsestring(tmx(changed)).units]
    assert ids and not any(i.startswith(unit.id + ".") for i in ids)


# --- the glossary as CSV ---


def test_the_glossary_csv_reads_back_as_the_glossary(glossary):
    text = glossary_csv(glossary)
    text.encode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[:5] == ["id", "term", "pinyin", "english", "explanation"]
    assert len(rows) == len(glossary.terms) > 100
    for row, term in zip(rows, glossary.terms):
        assert (row["id"], row["term"], row["pinyin"], row["english"], row["explanation"]) == (
            term.id, term.term, term.pinyin, term.english, term.explanation,
        )  # fmt: skip
        assert row["variants"] == "; ".join(term.variants)
        assert row["source"] == term.source
    assert any(row["variants"] for row in rows)


# --- the glossary as an Anki deck ---


def collection(package: bytes, tmp_path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        assert set(archive.namelist()) == {"collection.anki2", "media"}
        path = tmp_path / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(path)


def notes(connection):
    return {
        guid: dict(zip(ANKI_FIELDS, fields.split("\x1f")))
        for guid, fields in connection.execute("SELECT guid, flds FROM notes")
    }


def test_the_deck_ids_are_the_documented_constants():
    assert ANKI_DECK_ID == stable_anki_id("duidu glossary deck")
    assert ANKI_MODEL_ID == stable_anki_id("duidu glossary note type")
    assert all(1 << 30 <= n < 1 << 31 for n in (ANKI_DECK_ID, ANKI_MODEL_ID))


def test_the_anki_deck_has_a_note_per_term_with_a_stable_guid(glossary, edition, tmp_path):
    package = anki_deck(glossary, [edition])
    assert package == anki_deck(glossary, [edition])
    connection = collection(package, tmp_path)
    by_guid = notes(connection)
    assert set(by_guid) == {genanki.guid_for(term.id) for term in glossary.terms}
    assert len(by_guid) == len(glossary.terms)
    assert {mid for (mid,) in connection.execute("SELECT DISTINCT mid FROM notes")} == {ANKI_MODEL_ID}
    assert {did for (did,) in connection.execute("SELECT DISTINCT did FROM cards")} == {ANKI_DECK_ID}
    models = json.loads(connection.execute("SELECT models FROM col").fetchone()[0])
    assert [f["name"] for f in models[str(ANKI_MODEL_ID)]["flds"]] == list(ANKI_FIELDS)
    assert str(ANKI_DECK_ID) in json.loads(connection.execute("SELECT decks FROM col").fetchone()[0])
    term = glossary.terms[0]
    note = by_guid[genanki.guid_for(term.id)]
    assert (note["Term"], note["Pinyin"], note["English"]) == (term.term, term.pinyin, term.english)


def test_each_sentence_holds_its_term_and_is_its_first_occurrence(glossary, edition, tmp_path):
    by_guid = notes(collection(anki_deck(glossary, [edition]), tmp_path))
    with_sentence = 0
    for term in glossary.terms:
        note = by_guid[genanki.guid_for(term.id)]
        if not note["Sentence"]:
            continue
        with_sentence += 1
        assert any(f"<b>{form}</b>" in note["Sentence"] for form in term.forms), term.term
        plain = note["Sentence"].replace("<b>", "").replace("</b>", "")
        assert sentences(plain) == [plain]  # one sentence
        assert note["SentenceEnglish"]  # the whole article is translated
    assert with_sentence == len(glossary.terms)  # every term of the glossary occurs in the article
    first = by_guid[genanki.guid_for("ji-ceng-zhi-li")]
    assert first["Sentence"].startswith("当前我国<b>基层治理</b>")  # the abstract's, before any paragraph's
    assert first["SentenceEnglish"] == edition.english("abstract").en


def test_the_time_stamped_on_the_notes_is_the_one_given(glossary, edition, tmp_path):
    package = anki_deck(glossary, [edition], modified=1800000000)
    assert package != anki_deck(glossary, [edition])
    connection = collection(package, tmp_path)
    assert {mod for (mod,) in connection.execute("SELECT DISTINCT mod FROM notes")} == {1800000000}
    assert notes(connection) == notes(collection(anki_deck(glossary, [edition]), tmp_path))


def test_a_glossary_of_terms_the_editions_lack_has_no_sentences(glossary, tmp_path):
    by_guid = notes(collection(anki_deck(glossary, []), tmp_path))
    assert len(by_guid) == len(glossary.terms)
    assert all(n["Sentence"] == n["SentenceEnglish"] == "" for n in by_guid.values())


# --- what the build writes ---


def test_the_data_files_are_named_after_the_article(edition):
    names = [f.name for f in data_files(edition)]
    slug = edition.slug
    assert names == [f"{slug}.aligned.json", "aligned-text.schema.json", f"{slug}.tmx", f"{slug}.en.po"]
    assert [f.name for f in glossary_data_files()] == ["glossary.csv", "glossary.apkg"]
    assert all(f.media_type and f.description and f.description_zh for f in data_files(edition) + glossary_data_files())
