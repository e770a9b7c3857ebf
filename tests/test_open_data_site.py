"""The open data and citation records as the built site offers them (issue 12): linked from each article's About
page, its overview and the glossary page; every file parses, the aligned JSON validates against the schema the
site ships, and the formats page documents the fields from that schema; Highwire tags on every article page."""

import csv
import io
import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import jsonschema
import pytest
import rispy
from translate.storage.tmx import tmxfile

from conftest import GLOSSARY_FILE, SEED_CATALOG
from helpers import content, soup


def downloads(page_file: Path) -> dict[str, Path]:
    """The page's download links (by file name) → the files they lead to in the site."""
    page = content(soup(page_file))
    return {
        Path(link["href"]).name: (page_file.parent / link["href"]).resolve()
        for link in page.select("a[download]")
    }


@pytest.fixture(scope="module")
def about_files(real_site, article_slug):
    return downloads(real_site.site / article_slug / "about" / "index.html")


def test_the_about_page_offers_the_aligned_text_its_schema_the_tmx_and_the_po(about_files, article_slug):
    assert set(about_files) == {
        f"{article_slug}.aligned.json",
        "aligned-text.schema.json",
        f"{article_slug}.tmx",
        f"{article_slug}.en.po",
    }
    assert all(path.is_file() for path in about_files.values())
    assert about_files[f"{article_slug}.en.po"].read_bytes() == SEED_CATALOG.read_bytes()


def test_the_aligned_text_validates_against_the_schema_the_site_ships(about_files, article_slug):
    schema = json.loads(about_files["aligned-text.schema.json"].read_text(encoding="utf-8"))
    aligned = json.loads(about_files[f"{article_slug}.aligned.json"].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(aligned, schema, cls=jsonschema.Draft202012Validator)
    broken = {**aligned, "units": [{**aligned["units"][0], "status": "done"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_the_tmx_holds_one_unit_per_translated_segment_of_the_aligned_text(about_files, article_slug):
    aligned = json.loads(about_files[f"{article_slug}.aligned.json"].read_text(encoding="utf-8"))
    segments = [
        (unit["id"], "".join(segment["zh"]), segment["en"])
        for unit in aligned["units"]
        if unit["status"] == "translated"
        for segment in unit["segments"]
    ]
    memory = tmxfile(about_files[f"{article_slug}.tmx"].read_bytes())
    pairs = [(unit.source, unit.target) for unit in memory.units]
    assert pairs == [(zh, en) for _, zh, en in segments]
    assert len(pairs) > 100


def test_the_overview_offers_csl_json_and_ris_records_of_the_article(real_site, article_slug):
    files = downloads(real_site.site / article_slug / "index.html")
    (csl,) = json.loads(files[f"{article_slug}.csl.json"].read_text(encoding="utf-8"))
    assert csl["title"] == "以高水平治理提升基层“免疫力”" and csl["container-title"] == "人民论坛"
    assert csl["URL"] == f"http://127.0.0.1:8000/{article_slug}/"  # the address site_url gives
    (record,) = rispy.loads(files[f"{article_slug}.ris"].read_text(encoding="utf-8"))
    assert record["title"] == csl["title"] and record["urls"] == [csl["URL"]]


@pytest.mark.parametrize("page", ["", "part-2/", "about/"])
def test_every_article_page_carries_highwire_tags_for_reference_managers(real_site, article_slug, page):
    head = soup(real_site.site / article_slug / page / "index.html").head
    tags = [(meta["name"], meta["content"]) for meta in head.select("meta[name^=citation_]")]
    assert ("citation_title", "以高水平治理提升基层“免疫力”") in tags
    assert ("citation_journal_title", "人民论坛") in tags
    assert ("citation_language", "zh") in tags
    assert ("citation_public_url", f"http://127.0.0.1:8000/{article_slug}/") in tags
    assert not [name for name, _ in tags if name == "citation_author"]  # the source names none


def test_the_glossary_page_offers_the_glossary_as_csv_and_as_an_anki_deck(real_site):
    from duidu.glossary import load_glossary

    glossary = load_glossary(GLOSSARY_FILE)
    files = downloads(real_site.site / "glossary" / "index.html")
    rows = list(csv.DictReader(io.StringIO(files["glossary.csv"].read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == [term.id for term in glossary.terms]
    with zipfile.ZipFile(files["glossary.apkg"]) as deck, tempfile.TemporaryDirectory() as folder:
        deck.extract("collection.anki2", folder)
        with sqlite3.connect(Path(folder) / "collection.anki2") as db:
            assert db.execute("select count(*) from notes").fetchone()[0] == len(glossary.terms)


def test_the_formats_page_documents_every_field_of_the_schema(real_site, about_files):
    schema = json.loads(about_files["aligned-text.schema.json"].read_text(encoding="utf-8"))
    page = content(soup(real_site.site / "data" / "index.html"))
    documented = [row.select_one("code").get_text() for row in page.select("table.dd-fields tbody tr")]
    assert documented == list(schema["properties"]) + list(schema["$defs"]["unit"]["properties"])
    assert all(cell.get_text(strip=True) for cell in page.select("table.dd-fields tbody td:nth-child(2)"))
    links = {a["href"] for a in content(soup(real_site.site / "glossary" / "index.html")).select("a")}
    assert "../data/" in links
