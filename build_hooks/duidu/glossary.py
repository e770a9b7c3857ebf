"""The glossary: curated terms (``seeds/glossary.yml``), their pinyin, and where they occur in the text.

Python-Markdown's ``abbr`` cannot mark terms in running Chinese (its pattern needs word boundaries, and
there are none between Han characters), so terms are matched here: every form of every term, the longest
match winning and no two matches overlapping, so 容错纠错机制 is one term, never 容错 inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from pypinyin import Style, lazy_pinyin, pinyin

from .chardata import HAN
from .models import SeedError
from .slugs import pinyin_slug
from .yaml_files import read_yaml

GLOSSARY_FILE = "glossary.yml"
REQUIRED = ("term", "english", "explanation")
OPTIONAL_TEXT = ("pinyin", "source", "source_note", "note_zh")
OPTIONAL_LISTS = ("variants", "english_variants")
SOURCES = ("official", "duidu")


@dataclass(frozen=True)
class Term:
    id: str
    """A readable, stable anchor: the toneless pinyin of the term (``fen-shui-zhi``)."""
    term: str
    variants: tuple[str, ...]
    pinyin: str
    english: str
    english_variants: tuple[str, ...]
    explanation: str
    source: str = "duidu"
    """``official`` where established official English exists; ``duidu`` for the edition's own rendering."""
    source_note: str = ""
    note_zh: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.variants)

    @property
    def renderings(self) -> tuple[str, ...]:
        return (self.english, *self.english_variants)

    @cached_property
    def sort_key(self) -> tuple[str, str]:
        return (" ".join(lazy_pinyin(self.term)).lower(), self.term)

    @cached_property
    def initial(self) -> str:
        return self.sort_key[0][:1].upper()


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    """Sorted by pinyin."""
    errors: tuple[str, ...] = field(default=())
    """One line per malformed entry, naming the file and the entry; those entries are left out."""
    warnings: tuple[str, ...] = field(default=())
    """One line per entry that is kept but deserves a second look (a one-character term matches widely)."""

    def by_id(self) -> dict[str, Term]:
        return {term.id: term for term in self.terms}

    @cached_property
    def index(self) -> TermIndex:
        return TermIndex(self.terms)


class TermMatch(NamedTuple):
    """An occurrence of a term in a text (a named tuple: one object, no instance dictionary, for the cycle
    collector to walk, since a library holds one for every use of every term)."""

    start: int
    end: int
    term: Term


def generated_pinyin(term: str) -> str:
    """Tone-marked pinyin, one syllable per character, with pypinyin's phrase readings.

    >>> generated_pinyin("一刀切"), generated_pinyin("鞭打快牛")
    ('yī dāo qiē', 'biān dǎ kuài niú')
    """
    return " ".join(syllable for (syllable,) in pinyin(term, style=Style.TONE, heteronym=False) if syllable.strip())


def term_id(term: str) -> str:
    """The toneless pinyin of a term, hyphenated.

    >>> term_id("社区“两委”")
    'she-qu-liang-wei'
    """
    return pinyin_slug(term) or "term"


def load_glossary(path: Path) -> Glossary:
    """Read the glossary file; a malformed entry is reported and left out, the others are kept."""
    if not path.exists():
        return Glossary(terms=())
    data = read_yaml(path)
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SeedError(f"{path.name}: expected a mapping with a 'terms' list")
    terms: list[Term] = []
    errors: list[str] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        problem = _problem(entry)
        name = entry.get("term") if isinstance(entry, dict) and isinstance(entry.get("term"), str) else f"#{number}"
        term = _term(entry) if problem is None else None
        if term is not None:
            clash = next((f for f in term.forms if f in seen), None)
            if clash:
                problem = f"the form {clash} is already an entry of {seen[clash]}"
        if problem:
            errors.append(f"{path.name}: entry {number} ({name}): {problem}")
            continue
        if len(term.term) == 1:
            warnings.append(f"{path.name}: entry {number} ({name}): a one-character term is marked wherever it stands")
        for form in term.forms:
            seen[form] = term.term
        terms.append(term)
    ordered = _with_unique_ids(sorted(terms, key=lambda t: t.sort_key))
    return Glossary(terms=ordered, errors=tuple(errors), warnings=tuple(warnings))


def normal_form(form: str) -> str:
    """A term as it is matched: without the spaces and line breaks a YAML file can slip into it.

    >>> normal_form(" 权 力\\n")
    '权力'
    """
    return "".join(form.split())


def _problem(entry: object) -> str | None:
    if not isinstance(entry, dict):
        return "not a mapping of fields"
    unknown = set(entry) - set(REQUIRED) - set(OPTIONAL_TEXT) - set(OPTIONAL_LISTS)
    if unknown:
        return f"unknown field(s): {', '.join(sorted(unknown))}"
    for name in REQUIRED:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            return f"'{name}' must be non-empty text"
    for name in OPTIONAL_TEXT:
        if entry.get(name) is not None and not isinstance(entry[name], str):
            return f"'{name}' must be text"
    for name in OPTIONAL_LISTS:
        value = entry.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            return f"'{name}' must be a list of non-empty texts"
    if (entry.get("source") or "duidu") not in SOURCES:
        return f"'source' must be one of {', '.join(SOURCES)}"
    if not HAN.search(entry["term"]):
        return "'term' must be Chinese"
    return None


def _term(entry: dict) -> Term:
    term = normal_form(entry["term"])
    return Term(
        id=term_id(term),
        term=term,
        variants=tuple(dict.fromkeys(normal_form(v) for v in entry.get("variants") or () if normal_form(v) != term)),
        pinyin=(entry.get("pinyin") or "").strip() or generated_pinyin(term),
        english=entry["english"].strip(),
        english_variants=tuple(v.strip() for v in entry.get("english_variants") or ()),
        explanation=" ".join(entry["explanation"].split()),
        source=(entry.get("source") or "duidu").strip(),
        source_note=(entry.get("source_note") or "").strip(),
        note_zh=(entry.get("note_zh") or "").strip(),
    )


def _with_unique_ids(terms: list[Term]) -> tuple[Term, ...]:
    """Terms that read alike (权力, 权利: quan-li) keep distinct anchors, numbered in pinyin order: quan-li,
    quan-li-2. The order is the glossary's, so the same file gives the same ids."""
    taken = {term.id for term in terms}
    seen: set[str] = set()
    result = []
    for term in terms:
        unique = term.id
        count = 1
        while unique in seen or (count > 1 and unique in taken):
            count += 1
            unique = f"{term.id}-{count}"
        seen.add(unique)
        result.append(term if unique == term.id else replace(term, id=unique))
    return tuple(result)


def find_terms(text: str, terms: Iterable[Term]) -> tuple[TermMatch, ...]:
    """Every occurrence of every form, longest first, none overlapping, in text order (see :class:`TermIndex`).

    >>> t = [Term("a", "容错纠错机制", (), "", "", (), ""), Term("b", "容错", (), "", "", (), "")]
    >>> [(m.start, m.term.id) for m in find_terms("完善容错纠错机制，容错。", t)]
    [(2, 'a'), (9, 'b')]
    """
    return TermIndex(tuple(terms)).find(text)


class TermIndex:
    """The forms of a set of terms in a trie, so that a text is matched in one pass: each position where a
    form can begin is followed only as deep as some form goes, so the time grows with the text, not with the
    number of matches (20,000 occurrences in one paragraph took 16 s when every match was checked against
    every match already taken)."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self._found: dict[str, tuple[TermMatch, ...]] = {}
        """Results by text: a unit's Chinese is matched for its page, its usages and the English check."""
        self._root = _TrieNode()
        for term in terms:
            for form in term.forms:
                self._root.add(form, term)

    def find(self, text: str) -> tuple[TermMatch, ...]:
        if text not in self._found:
            self._found[text] = self._find(text)
        return self._found[text]

    def _find(self, text: str) -> tuple[TermMatch, ...]:
        """The longest occurrences first (the earlier of two as long), each kept unless it overlaps one
        already kept: so 容错纠错机制 is one term, never 容错 inside it."""
        candidates = sorted(self._occurrences(text), key=lambda m: (m.start - m.end, m.start))
        occupied = bytearray(len(text))
        taken: list[TermMatch] = []
        for match in candidates:
            if occupied.find(1, match.start, match.end) == -1:
                occupied[match.start : match.end] = b"\x01" * (match.end - match.start)
                taken.append(match)
        return tuple(sorted(taken, key=lambda m: m.start))

    def _occurrences(self, text: str) -> Iterator[TermMatch]:
        """Every occurrence of every form, overlapping ones included."""
        first_characters = self._root.children
        for start, ch in enumerate(text):
            if ch not in first_characters:
                continue
            node = self._root
            for end in range(start, len(text)):
                node = node.children.get(text[end])
                if node is None:
                    break
                if node.term is not None:
                    yield TermMatch(start, end + 1, node.term)


class _TrieNode:
    """A node of :class:`TermIndex`'s trie: the characters that can follow, and the term whose form ends here."""

    __slots__ = ("children", "term")

    def __init__(self) -> None:
        self.children: dict[str, _TrieNode] = {}
        self.term: Term | None = None

    def add(self, form: str, term: Term) -> None:
        """Add a form; the first term given a form keeps it, as the first listed won before."""
        node = self
        for ch in form:
            node = node.children.setdefault(ch, _TrieNode())
        if node.term is None:
            node.term = term


def english_has_rendering(english: str, term: Term) -> bool:
    """Whether the English of a unit uses the glossary's rendering (or a listed variant) of ``term``."""
    haystack = _normalise(english)
    return any(_normalise(rendering) in haystack for rendering in term.renderings)


@lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'").replace("“", '"').replace("”", '"').replace("‐", "-"))
