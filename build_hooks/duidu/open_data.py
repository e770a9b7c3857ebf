"""The article as open data: the aligned text as JSON (with its JSON Schema), a TMX translation memory, and the
glossary as CSV and as an Anki deck, for readers who want the text and its English in their own tools.

Every function here is pure: it takes an edition (or the glossary) and returns the file's content, the same
bytes for the same input, so that a rebuild writes byte for byte what a build from nothing writes. The build
decides where the files go (:func:`data_files` names them and says what each is).
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import html
import io
import itertools
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import genanki
from translate.storage.tmx import tmxfile

from .align import groups, sentences
from .glossary import Glossary, Term
from .ids import places
from .models import Edition, Status, Translation
from .terminology import marked_units
from .units import translation_units

FORMAT_NAME = "duidu-aligned-text"
FORMAT_VERSION = 1
"""Raised whenever a field changes meaning or goes away (a new optional field does not raise it)."""
SOURCE_LANGUAGE = "zh-Hans"
TARGET_LANGUAGE = "en"
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "aligned-text.schema.json"

# --- the aligned text ---------------------------------------------------------------------------------------


def segments(zh: str, translation: Translation) -> list[tuple[list[str], str]]:
    """A unit as (Chinese sentences, their English) pairs: the sentence alignment (:func:`align.groups`) when
    the unit is translated; else each sentence alone with no English, so the Chinese is still cut the way the
    site cuts it. Joined, the Chinese of the segments is the unit's Chinese.

    >>> segments("甲。乙。丙。", Translation(Status.TRANSLATED, "A. B and C.", "A. ‖ B and C. ‖"))
    [(['甲。'], 'A.'), (['乙。', '丙。'], 'B and C.')]
    >>> segments("甲。乙。", Translation(Status.MISSING))
    [(['甲。'], ''), (['乙。'], '')]
    """
    if translation.status is Status.TRANSLATED:
        return groups(zh, translation.marked)
    return [([sentence], "") for sentence in sentences(zh) or [zh]]


def aligned_text(edition: Edition) -> dict:
    """The edition's text and English as JSON-ready data, described by ``aligned-text.schema.json``: what the
    article is and where it came from, then every translatable unit in reading order with its sentence
    alignment. Keys are in a fixed order (dump without sorting, :func:`json_bytes`) so the file reads top down."""
    metadata = edition.metadata
    held_by = places(edition.article)
    units = []
    for unit in translation_units(edition):
        translation = edition.english(unit.id)
        part, section = held_by.get(unit.id, ("", ""))
        units.append(
            {
                "id": unit.id,
                "kind": unit.kind,
                "zh": unit.zh,
                "en": translation.en,
                "status": translation.status.value,
                "part": part or None,  # null in the JSON where nothing holds the unit
                "section": section or None,
                "segments": [{"zh": zh, "en": en} for zh, en in segments(unit.zh, translation)],
            }
        )
    return {
        "format": {"name": FORMAT_NAME, "version": FORMAT_VERSION},
        "languages": {"source": SOURCE_LANGUAGE, "target": TARGET_LANGUAGE},
        "article": {
            "slug": edition.slug,
            "title": {"zh": edition.article.title, "en": edition.english("title").en},
            "authors": list(metadata.authors),
            "journal": metadata.journal,
            "date": metadata.date,
            "source": metadata.source,
            "source_url": metadata.source_url,
            "publisher": metadata.publisher,
            # The only word on rights the source gives; Duidu knows no licence for the text and claims none.
            "notice": metadata.notice,
        },
        "seed": {"file": edition.seed_name, "sha256": edition.seed_sha256},
        "units": units,
    }


def json_bytes(data: dict) -> bytes:
    """``data`` as UTF-8 JSON, Chinese as characters (not ``\\u`` escapes), indented, keys in the order given.

    >>> json_bytes({"zh": "对读", "n": 1}).decode()
    '{\\n "zh": "对读",\\n "n": 1\\n}\\n'
    """
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def aligned_text_json(edition: Edition) -> bytes:
    """The file ``<slug>.aligned.json``: :func:`aligned_text` dumped by :func:`json_bytes`."""
    return json_bytes(aligned_text(edition))


def field_descriptions(properties: dict, schema_: dict) -> list[tuple[str, str]]:
    """(name, description) of each property, a ``$ref``'s description read where it points: the formats page
    documents the fields from the schema itself."""

    def described(field: dict) -> str:
        if "description" in field:
            return field["description"]
        if "$ref" in field:
            return described(schema_["$defs"][field["$ref"].rsplit("/", 1)[1]])
        options = field.get("anyOf") or field.get("oneOf") or ()
        return next((described(option) for option in options if described(option)), "")

    return [(name, described(field)) for name, field in properties.items()]


def schema() -> dict:
    """The JSON Schema (draft 2020-12) of :func:`aligned_text`, as the file ``aligned-text.schema.json`` has it
    (read each time: a caller may change the dict it is given)."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


# --- the translation memory ---------------------------------------------------------------------------------

TMX_HEADER = {
    "creationtool": "Duidu",
    "creationtoolversion": str(FORMAT_VERSION),
    "segtype": "sentence",
    "o-tmf": "gettext PO",
    "adminlang": "en",
    "srclang": SOURCE_LANGUAGE,
    "datatype": "plaintext",
}
"""The attributes TMX 1.4b requires of ``<header>``. translate-toolkit writes its own name and version there
(and ``o-tmf="UTF-8"``, ``datatype="PlainText"``); they are replaced, so the file names the tool that made the
memory (Duidu has no release numbers: the open-data format's version stands for one) and does not change when
only the toolkit is upgraded; ``o-tmf`` names where the memory comes from, the PO catalog. The toolkit writes
no ``creationdate`` (the header's or a unit's), and none is added: a date would change the bytes on every
build while the memory stays the same."""


def tmx_pairs(edition: Edition) -> Iterator[tuple[str, str, str]]:
    """(tuid, Chinese, English) for every aligned segment of every translated unit, in reading order. A
    segment's Chinese sentences are joined; a sentence rendered together with the one before already shares its
    segment (:func:`align.groups`). The tuid is the unit's id and the segment's number: ``p1-1-1.2``."""
    for unit in translation_units(edition):
        translation = edition.english(unit.id)
        if translation.status is not Status.TRANSLATED:
            continue
        for number, (zh, en) in enumerate(segments(unit.zh, translation), start=1):
            if "".join(zh) and en:
                yield f"{unit.id}.{number}", "".join(zh), en


def tmx(edition: Edition) -> bytes:
    """The translated units as a TMX 1.4b translation memory (``<slug>.tmx``), one ``<tu>`` per aligned segment,
    each with a ``tuid`` (an optional attribute of TMX 1.4b, and what translate-toolkit reads as a unit's id)."""
    memory = tmxfile(sourcelanguage=SOURCE_LANGUAGE, targetlanguage=TARGET_LANGUAGE)
    header = memory.document.getroot().find(memory.namespaced("header"))
    for name, value in TMX_HEADER.items():
        header.set(name, value)
    for tuid, zh, en in tmx_pairs(edition):
        unit = memory.addsourceunit(zh)
        unit.settarget(en, TARGET_LANGUAGE)
        unit.xmlelement.set("tuid", tuid)
    return bytes(memory)


# --- the glossary as a table --------------------------------------------------------------------------------

LIST_SEPARATOR = "; "
"""Between the items of a list field (variants) in one CSV cell."""
CSV_FIELDS = (
    "id", "term", "pinyin", "english", "explanation",
    "variants", "english_variants", "source", "source_note", "note_zh",
)  # fmt: skip


def glossary_csv(glossary: Glossary) -> str:
    """The glossary as CSV (``glossary.csv``; write it as UTF-8): a header row, then a row per term in the
    glossary's (pinyin) order. ``variants`` are the other Chinese forms matched as the term, ``english_variants``
    the other wordings the translation uses, each list joined by ``; ``; ``source`` is ``official`` or
    ``duidu`` (this edition's own rendering)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for term in glossary.terms:
        row = {name: getattr(term, name) for name in CSV_FIELDS}
        row["variants"] = LIST_SEPARATOR.join(term.variants)
        row["english_variants"] = LIST_SEPARATOR.join(term.english_variants)
        writer.writerow(row)
    return out.getvalue()


# --- the glossary as an Anki deck ---------------------------------------------------------------------------


def stable_anki_id(name: str) -> int:
    """A number for an Anki deck or note type from a fixed name, in the range genanki recommends
    (``[2**30, 2**31)``): Anki recognises a deck and a note type it has seen by their ids, so they must never
    change; a hash of a name says where the number came from, as a random one would not.

    >>> stable_anki_id("duidu glossary deck"), stable_anki_id("duidu glossary note type")
    (1944731261, 1697350387)
    """
    number = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + number % (1 << 30)


ANKI_DECK_ID = 1944731261
"""``stable_anki_id("duidu glossary deck")``, written out so that no edit to the code can change it."""
ANKI_MODEL_ID = 1697350387
"""``stable_anki_id("duidu glossary note type")``."""
ANKI_DECK_NAME = "Duidu glossary 对读术语"
ANKI_MODIFIED = 1767225600
"""2026-01-01T00:00:00Z: the time stamped on every note and card unless the caller gives one (genanki stamps
the current time). Anki's importer by default updates a note it already has (same guid) only when the incoming
note is newer: pass ``modified`` the time the glossary last changed (its file's mtime) so that a re-import
after an edit updates the notes, while a rebuild of an unchanged glossary writes the same bytes."""
ANKI_FIELDS = ("Term", "Pinyin", "English", "Explanation", "Sentence", "SentenceEnglish")
# Chinese is marked lang="zh-Hans" so the card's web view picks a Simplified Chinese face (unmarked, Han
# characters may be drawn with Japanese glyphs); no colours are set, so Anki's night mode keeps working.
ANKI_CSS = """\
.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; font-size: 20px;
  line-height: 1.6; text-align: center; }
:lang(zh-Hans) { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
  "Microsoft YaHei", "Noto Sans SC", sans-serif; line-break: strict; font-style: normal; }
.term { font-size: 2.4em; letter-spacing: 0.05em; }
.pinyin { font-size: 1.2em; }
.english { font-weight: bold; margin: 0.3em 0; }
.explanation, .sentence, .sentence-english { max-width: 36em; margin: 0.6em auto 0; text-align: left; }
.explanation, .sentence-english { font-size: 0.9em; opacity: 0.8; }
.sentence { font-size: 1.1em; }
"""
ANKI_FRONT = '<div class="term" lang="zh-Hans">{{Term}}</div>'
ANKI_BACK = """\
{{FrontSide}}
<hr id="answer">
<div class="pinyin" lang="zh-Latn-pinyin">{{Pinyin}}</div>
<div class="english" lang="en">{{English}}</div>
<div class="explanation" lang="en">{{Explanation}}</div>
{{#Sentence}}<div class="sentence" lang="zh-Hans">{{Sentence}}</div>{{/Sentence}}
{{#SentenceEnglish}}<div class="sentence-english" lang="en">{{SentenceEnglish}}</div>{{/SentenceEnglish}}"""


@dataclass(frozen=True)
class Example:
    """The sentence a term first occurs in, for its card."""

    before: str
    form: str
    """The form of the term as it stands there (the term or one of its variants)."""
    after: str
    english: str
    """The English of the sentence (of its aligned segment), empty when the unit is not translated."""


def first_examples(glossary: Glossary, editions: Iterable[Edition]) -> dict[str, Example]:
    """For each term id that occurs, the sentence of its first occurrence in reading order across the editions,
    in the units the site marks terms in (the abstract and the paragraphs: running text, where a sentence is an
    example, as a heading or keyword is not), matched as the site matches them (longest form first)."""
    examples: dict[str, Example] = {}
    for edition in editions:
        for unit in marked_units(edition):
            matches = [m for m in glossary.index.find(unit.zh) if m.term.id not in examples]
            if not matches:
                continue
            english = _english_by_sentence(unit.zh, edition.english(unit.unit_id))
            starts = _sentence_starts(unit.zh)
            for match in matches:
                if match.term.id in examples:
                    continue
                number = bisect.bisect_right(starts, match.start) - 1
                sentence_start = starts[number]
                sentence_end = starts[number + 1] if number + 1 < len(starts) else len(unit.zh)
                examples[match.term.id] = Example(
                    before=unit.zh[sentence_start : match.start],
                    form=unit.zh[match.start : match.end],
                    after=unit.zh[match.end : max(sentence_end, match.end)],
                    english=english[number],
                )
    return examples


def _sentence_starts(zh: str) -> list[int]:
    """Where each sentence of ``zh`` (:func:`align.sentences`) begins."""
    starts, position = [], 0
    for sentence in sentences(zh) or [zh]:
        starts.append(position)
        position += len(sentence)
    return starts


def _english_by_sentence(zh: str, translation: Translation) -> list[str]:
    """For each sentence of ``zh``, the English of the segment it is in."""
    return [en for chinese, en in segments(zh, translation) for _ in chinese]


def anki_note(term: Term, example: Example | None, model: genanki.Model) -> genanki.Note:
    """A term's note. Its guid comes from the term's id, so a re-import finds the note Anki already has instead
    of adding a duplicate (and updates it when the incoming note is newer: :data:`ANKI_MODIFIED`)."""
    sentence = (
        "{}<b>{}</b>{}".format(*(html.escape(t, quote=False) for t in (example.before, example.form, example.after)))
        if example
        else ""
    )
    fields = [term.term, term.pinyin, term.english, term.explanation]
    return genanki.Note(
        model=model,
        fields=[html.escape(text, quote=False) for text in fields]
        + [sentence, html.escape(example.english, quote=False) if example else ""],
        guid=genanki.guid_for(term.id),
    )


def anki_deck(glossary: Glossary, editions: Iterable[Edition], *, modified: int = ANKI_MODIFIED) -> bytes:
    """The glossary as an Anki package (``glossary.apkg``): a note per term with its pinyin, English,
    explanation and the sentence it first occurs in, with that sentence's English.

    genanki's own ``write_to_file`` is not used: it leaves its SQLite file behind in the temporary folder, and
    the zip entries it writes carry the time of writing. The collection is written with genanki into a
    temporary folder that is removed, and zipped with a fixed entry time, so the bytes depend only on the input
    and ``modified`` (see :data:`ANKI_MODIFIED`)."""
    model = genanki.Model(
        ANKI_MODEL_ID,
        "Duidu glossary term",
        fields=[{"name": name} for name in ANKI_FIELDS],
        templates=[{"name": "Term → meaning", "qfmt": ANKI_FRONT, "afmt": ANKI_BACK}],
        css=ANKI_CSS,
    )
    deck = genanki.Deck(
        ANKI_DECK_ID,
        ANKI_DECK_NAME,
        description="The terms of the Duidu glossary: pinyin, English, explanation, and the sentence of the "
        "articles each first occurs in.",
    )
    examples = first_examples(glossary, editions)
    for term in glossary.terms:
        deck.add_note(anki_note(term, examples.get(term.id), model))
    with tempfile.TemporaryDirectory(prefix="duidu-anki-") as folder:
        collection = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(collection)
        try:
            # note and card ids count up from the time in milliseconds, as genanki's write_to_file counts them
            genanki.Package(deck).write_to_db(connection.cursor(), modified, itertools.count(modified * 1000))
            connection.commit()
        finally:
            connection.close()
        return _zipped({"collection.anki2": collection.read_bytes(), "media": b"{}"})


def _zipped(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` whose every entry has the same fixed time (the zip format's earliest date)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- what the build writes ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataFile:
    """A file of open data the site offers, for a download link with its description."""

    name: str
    media_type: str
    description: str
    description_zh: str


def data_files(edition: Edition) -> tuple[DataFile, ...]:
    """The files of one article (the schema is one file for the site, linked from every article)."""
    slug = edition.slug
    return (
        DataFile(
            f"{slug}.aligned.json", "application/json",
            "The Chinese text and its English, unit by unit and sentence by sentence, with the article's "
            "metadata (JSON; format described by aligned-text.schema.json).",
            "中英文全文，按段落和句子对齐，附文章著录信息"
            "（JSON，格式见 aligned-text.schema.json）。",
        ),
        DataFile(
            "aligned-text.schema.json", "application/schema+json",
            "The JSON Schema (draft 2020-12) of the aligned text: every field, described.",
            "对齐文本的 JSON Schema（2020-12 草案），逐项说明各字段。",
        ),
        DataFile(
            f"{slug}.tmx", "application/x-tmx",
            "The translated text as a translation memory (TMX 1.4b) for translation tools: one unit per "
            "Chinese sentence (or sentences translated together) and its English.",
            "已译文本的翻译记忆库（TMX 1.4b），可导入翻译工具："
            "每个中文句子（或合译的几个句子）及其译文为一个翻译单元。",
        ),
        DataFile(
            f"{slug}.en.po", "text/x-gettext-translation",
            "The English translation as it is kept: a gettext PO catalog, ‖ between the English of each "
            "Chinese sentence.",
            "英文译文的原始文件：gettext PO 译文目录，"
            "每个中文句子的译文之间以 ‖ 分隔。",
        ),
    )


def glossary_data_files() -> tuple[DataFile, ...]:
    """The glossary's files: one for the site."""
    return (
        DataFile(
            "glossary.csv", "text/csv",
            "The glossary as a table (CSV, UTF-8): term, pinyin, English, explanation, variants and source.",
            "术语表（CSV，UTF-8 编码）：术语、拼音、英译、释义、异形和译法来源。",
        ),
        DataFile(
            "glossary.apkg", "application/x-apkg",
            "The glossary as an Anki deck: a card per term, with the sentence it first occurs in. "
            "Importing a later copy does not duplicate the cards already imported.",
            "术语表的 Anki 卡组：每个术语一张卡片，附其首次出现的句子。"
            "再次导入新版不会产生重复卡片。",
        ),
    )
