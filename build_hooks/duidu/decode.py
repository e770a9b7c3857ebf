"""Bytes of a seed → text, saying which encoding was used, and reading each line in its own.

A seed is UTF-8 (with or without BOM), UTF-16 with a BOM, or a legacy Chinese code page (GB18030/GBK, Big5).
A legacy seed may hold lines in UTF-8 (a paragraph pasted in from elsewhere): its lines are read one by one,
each in the encoding that reads as Chinese, and every line read otherwise than the rest is recorded.
"""

from __future__ import annotations

import codecs

from .convert import to_simplified
from .lexicon import log_probability
from .models import Change, Decoded, SeedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY_CHINESE = ("gb18030", "big5")
_SAMPLE_BYTES = 4000
MIXED_ENCODING_RULE = "read-mixed-encoding"
UNDECODABLE_RULE = "replace-undecodable-bytes"
_CLEARLY_BETTER_PER_CHARACTER = 2.0
"""Nats per character by which a line's other reading must read better: mojibake reads far worse."""


def decode_seed(data: bytes) -> Decoded:
    """Decode a seed's bytes: BOM first, then strict UTF-8, then the legacy Chinese code pages line by line.

    >>> decode_seed("基层\\r\\n".encode("gb18030"))
    Decoded(text='基层\\n', encoding='gb18030', changes=())
    >>> decode_seed("基層".encode("big5")).encoding
    'big5'
    """
    if not data.strip():
        raise SeedError("the file is empty")
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SeedError("binary data (NUL bytes and no UTF-16 byte-order mark)")
    encoding = _whole_file_encoding(data)
    changes: tuple[Change, ...] = ()
    if encoding is None:
        encoding = _main_legacy_encoding(data)
        text, changes = read_lines(data, encoding)
    else:
        text = _strict(data, encoding)
        if text is None:
            raise SeedError(f"undecodable: its byte-order mark says {encoding}, but the bytes after it are not")
    text = normalize_newlines(text.lstrip("\ufeff"))
    if not text.strip():
        raise SeedError("the file is empty (nothing but a byte-order mark and white space)")
    if "\x00" in text:
        raise SeedError(f"binary data: NUL characters after decoding as {encoding}")
    return Decoded(text=text, encoding=encoding, changes=changes)


def read_lines(data: bytes, encoding: str) -> tuple[str, tuple[Change, ...]]:
    """Each line of ``data`` in ``encoding``, or in UTF-8 where that reads clearly better or is the only way it
    reads; a line neither reads gets U+FFFD for the bytes it cannot (printed as 〓, with a warning).

    >>> data = "基层治理\\n".encode("gb18030") + "居民参与".encode("utf-8")
    >>> text, changes = read_lines(data, "gb18030")
    >>> text, [(c.rule, c.line, c.after) for c in changes]
    ('基层治理\\n居民参与', [('read-mixed-encoding', 2, '居民参与')])
    """
    lines = []
    changes = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        main = _strict(raw, encoding)
        utf8 = _strict(raw, "utf-8") if not raw.isascii() else None
        if main is not None and (utf8 is None or _per_character(utf8) - _per_character(main) < _CLEARLY_BETTER_PER_CHARACTER):
            lines.append(main)
        elif utf8 is not None:
            changes.append(Change(MIXED_ENCODING_RULE, number, raw.decode(encoding, errors="replace"), utf8))
            lines.append(utf8)
        else:
            replaced = raw.decode(encoding, errors="replace")
            changes.append(Change(UNDECODABLE_RULE, number, repr(raw[:40]), replaced))
            lines.append(replaced)
    return "\n".join(lines), tuple(changes)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _whole_file_encoding(data: bytes) -> str | None:
    """The encoding a BOM names, or UTF-8 if the whole file is UTF-8; None for a legacy or mixed file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return "utf-8" if _strict(data, "utf-8") is not None else None


def _main_legacy_encoding(data: bytes) -> str:
    """GB18030 or Big5, whichever reads the bytes as Chinese (the wrong code page reads as noise)."""
    legacy = b"\n".join(line for line in data.split(b"\n") if _strict(line, "utf-8") is None)
    decodable = [enc for enc in _LEGACY_CHINESE if _strict(legacy, enc) is not None] or list(_LEGACY_CHINESE)
    if not any(_strict(line, enc) is not None for enc in _LEGACY_CHINESE for line in legacy.split(b"\n")):
        raise SeedError("undecodable: not UTF-8, UTF-16 with a byte-order mark, GB18030/GBK or Big5")
    return max(decodable, key=lambda encoding: _plausibility(legacy, encoding))


def _plausibility(data: bytes, encoding: str) -> float:
    """Mean log-probability per character of the text read this way."""
    return _per_character(data[:_SAMPLE_BYTES].decode(encoding, errors="ignore"))


def _per_character(line: str) -> float:
    simplified = to_simplified(line)
    return log_probability(simplified) / max(len(simplified), 1)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None
