"""A strict reader of gettext PO files: any syntax error or duplicate entry is a :class:`PoSyntaxError` with its line.

polib reads broken quoting without complaint and changes the text (a msgstr missing its closing quote loses its last
letter: "Theoretical Frontier"), reads a msgstr with no quotes as the next entry's, and lets a duplicate entry
silently win. This module follows GNU gettext's grammar instead (``msgfmt --check`` is the reference, and the tests
check that both refuse the same samples): a tokenizer of PO syntax, then a parser that builds polib's entries
itself, so polib is handed only what was checked.

The grammar, as gettext's ``po-lex.c`` and ``po-gram.y`` read it:

- ``#`` starts a comment running to the end of the line (``#.`` extracted, ``#:`` references, ``#,`` flags,
  anything else the translator's), except ``#~`` (the rest of the line belongs to an obsolete entry) and ``#|``
  (a previous field, also ``#~|``);
- keywords ``msgctxt``, ``msgid``, ``msgid_plural``, ``msgstr``, ``msgstr[n]``, each followed by one or more
  quoted strings (continuation strings may stand on the following lines); a string ends on its own line;
- strings hold C escapes (``\\n \\t \\" \\\\ \\a \\b \\f \\r \\v \\' \\?``, octal, ``\\x``);
- a comment between the fields of an entry ends the entry; an entry's fields are all obsolete or none is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
PREVIOUS_KEYWORDS = ("msgctxt", "msgid", "msgid_plural")
_SPACE = " \t\f\v\r"
_SIMPLE_ESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
    "\\": "\\", '"': '"', "'": "'", "?": "?",
}  # fmt: skip
_NUMERIC_ESCAPE = re.compile(r"[0-7]{1,3}|x[0-9A-Fa-f]+")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INDEX = re.compile(r"\[[ \t]*([0-9]+)[ \t]*\]")


class PoSyntaxError(Exception):
    """A PO file that breaks the grammar; ``line`` is 1-based."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class Token:
    kind: str
    """``comment``, ``keyword``, ``index`` (the n of ``msgstr[n]``) or ``string``."""
    value: str
    """The comment line, the keyword, the index digits, or the string unescaped."""
    line: int
    obsolete: bool
    """On a ``#~`` line."""
    previous: bool
    """On a ``#|`` (or ``#~|``) line."""


@dataclass(frozen=True)
class Entry:
    line: int
    """Where the entry's first keyword stands."""
    obsolete: bool
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: tuple[str, ...] = ()
    previous: dict[str, str] = field(default_factory=dict)
    """``#|`` fields by keyword."""
    comments: tuple[str, ...] = ()
    """The comment lines before the entry, as written."""

    @property
    def key(self) -> tuple[str | None, str]:
        """What gettext calls a duplicate: the same context and msgid."""
        return (self.msgctxt, self.msgid)


def tokens(text: str) -> Iterator[Token]:
    """The tokens of a PO file's text, line by line."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield from line_tokens(line, number)


def line_tokens(line: str, number: int) -> Iterator[Token]:
    obsolete = previous = False
    position = 0
    while position < len(line):
        char = line[position]
        if char in _SPACE:
            position += 1
        elif char == "#" and line.startswith("#~", position) and not obsolete:
            obsolete, position = True, position + 2
            if line.startswith("|", position):
                previous, position = True, position + 1
        elif char == "#" and line.startswith("#|", position) and not previous:
            previous, position = True, position + 2
        elif char == "#":
            yield Token("comment", line[position:], number, obsolete, previous)
            return
        elif char == '"':
            value, position = read_string(line, position, number)
            yield Token("string", value, number, obsolete, previous)
        elif match := _INDEX.match(line, position):
            yield Token("index", match.group(1), number, obsolete, previous)
            position = match.end()
        elif match := _WORD.match(line, position):
            if match.group() not in KEYWORDS:
                raise PoSyntaxError(number, f"unknown keyword {match.group()!r} (text outside quotes?)")
            yield Token("keyword", match.group(), number, obsolete, previous)
            position = match.end()
        else:
            raise PoSyntaxError(number, f"text outside quotes: {line[position:position + 30]!r}")


def read_string(line: str, start: int, number: int) -> tuple[str, int]:
    r"""The quoted string at ``line[start]`` unescaped, and the position after its closing quote.

    >>> read_string(r'msgstr "a\tb\"c\101" # note', 7, 1)
    ('a\tb"cA', 20)
    """
    parts = []
    position = start + 1
    while position < len(line):
        char = line[position]
        if char == '"':
            return "".join(parts), position + 1
        if char != "\\":
            parts.append(char)
            position += 1
            continue
        escape = line[position + 1 : position + 2]
        if escape in _SIMPLE_ESCAPES:
            parts.append(_SIMPLE_ESCAPES[escape])
            position += 2
        elif match := _NUMERIC_ESCAPE.match(line, position + 1):
            code = int(match.group()[1:], 16) if escape == "x" else int(match.group(), 8)
            # gettext reads a numeric escape as one byte of the file's encoding: only ASCII is a whole character
            if code >= 0x80:
                raise PoSyntaxError(number, f"the escape \\{match.group()} is a byte, not a character: write the character itself")
            parts.append(chr(code))
            position = match.end()
        else:
            raise PoSyntaxError(number, f"invalid escape \\{escape} in a string")
    raise PoSyntaxError(number, "a string is missing its closing quote")


def parse_entries(text: str) -> tuple[Entry, ...]:
    """Every entry of a PO file, header included, in the file's order; raises :class:`PoSyntaxError`."""
    stream = list(tokens(text))
    entries: list[Entry] = []
    position = 0
    while position < len(stream):
        entry, position = read_entry(stream, position)
        entries.append(entry)
    check_duplicates(entries)
    return tuple(entries)


def read_entry(stream: list[Token], position: int) -> tuple[Entry, int]:
    """The entry starting at ``stream[position]``, and where the next starts.

    In order: comments; previous fields (``#|``); msgctxt; msgid; then msgstr, or msgid_plural and msgstr[0],
    msgstr[1]…; whatever follows starts the next entry.
    """
    comments = []
    while position < len(stream) and stream[position].kind == "comment":
        comments.append(stream[position].value)
        position += 1
    if position == len(stream):
        if comments:
            # gettext allows them, but they belong to no entry and polib would drop them on the next save
            raise PoSyntaxError(stream[-1].line, "comments after the last entry: move them above an entry")
        return None, position
    first = stream[position]
    fields: dict[str, str] = {}
    previous: dict[str, str] = {}
    for keyword in PREVIOUS_KEYWORDS:
        if _next_is(stream, position, keyword, first, previous=True):
            previous[keyword], position = read_field(stream, position)
    for keyword in KEYWORDS:
        required = keyword == "msgid" or (keyword == "msgstr" and "msgid_plural" not in fields)
        if _next_is(stream, position, keyword, first):
            fields[keyword], position = read_field(stream, position)
        elif required:
            raise _expected(stream, position, keyword)
    plural: list[str] = []
    while "msgid_plural" in fields and _next_is(stream, position, "msgstr", first, indexed=True):
        if int(stream[position + 1].value) != len(plural):
            raise PoSyntaxError(stream[position].line, f"msgstr[{stream[position + 1].value}] where msgstr[{len(plural)}] belongs")
        value, position = read_field(stream, position, indexed=True)
        plural.append(value)
    if "msgid_plural" in fields and not plural:
        raise _expected(stream, position, "msgstr[0]")
    entry = Entry(
        line=first.line,
        obsolete=first.obsolete,
        msgid=fields["msgid"],
        msgctxt=fields.get("msgctxt"),
        msgid_plural=fields.get("msgid_plural"),
        msgstr=fields.get("msgstr", ""),
        msgstr_plural=tuple(plural),
        previous=previous,
        comments=tuple(comments),
    )
    return entry, position


def _next_is(stream: list[Token], position: int, keyword: str, first: Token, *, previous: bool = False, indexed: bool = False) -> bool:
    """Whether ``stream[position]`` is this keyword (with an index, or without) of the entry begun by ``first``."""
    if position >= len(stream):
        return False
    token = stream[position]
    is_indexed = position + 1 < len(stream) and stream[position + 1].kind == "index"
    if token.kind != "keyword" or token.value != keyword or token.previous != previous or is_indexed != indexed:
        return False
    if token.obsolete != first.obsolete:
        raise PoSyntaxError(token.line, "inconsistent use of #~: an entry's fields must all be obsolete, or none")
    return True


def _expected(stream: list[Token], position: int, keyword: str) -> PoSyntaxError:
    """The error for a missing field: a missing msgstr at the line of the msgid before it, anything else at the
    line of what stands in its place (where msgfmt names them too)."""
    if position >= len(stream):
        return PoSyntaxError(stream[-1].line, f"{keyword} missing: the file ends")
    token = stream[position]
    marks = ("#~ " if token.obsolete else "") + ("#| " if token.previous else "")
    found = {"keyword": token.value, "index": f"[{token.value}]", "comment": "a comment", "string": "a string"}[token.kind]
    line = stream[position - 1].line if keyword.startswith("msgstr") and position > 0 else token.line
    return PoSyntaxError(line, f"{keyword} missing: line {token.line} has {marks}{found}")


def read_field(stream: list[Token], position: int, indexed: bool = False) -> tuple[str, int]:
    """The strings after the keyword at ``stream[position]``, joined, and the position after them."""
    keyword = stream[position]
    position += 2 if indexed else 1
    parts = []
    while position < len(stream) and stream[position].kind == "string":
        string = stream[position]
        if (string.obsolete, string.previous) != (keyword.obsolete, keyword.previous):
            raise PoSyntaxError(string.line, "a continuation line marked differently (#~, #|) from its keyword's line")
        parts.append(string.value)
        position += 1
    if not parts:
        raise PoSyntaxError(keyword.line, f"{keyword.value} without a quoted string")
    return "".join(parts), position


def check_duplicates(entries: list[Entry]) -> None:
    """gettext's rule: one entry per context and msgid, obsolete or not."""
    first_line: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        if entry.key in first_line:
            raise PoSyntaxError(
                entry.line, f"duplicate entry: the same msgctxt and msgid as the entry at line {first_line[entry.key]}"
            )
        first_line[entry.key] = entry.line
