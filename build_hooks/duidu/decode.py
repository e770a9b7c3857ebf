"""Bytes of a seed → text, saying which encoding was used."""

from __future__ import annotations

import codecs

from .convert import to_simplified
from .lexicon import log_probability
from .models import Decoded, SeedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY_CHINESE = ("gb18030", "big5")
_SAMPLE_BYTES = 4000


def decode_seed(data: bytes) -> Decoded:
    """Decode a seed's bytes: BOM first, then strict UTF-8, then the legacy Chinese code pages.

    >>> decode_seed("基层\\r\\n".encode("gb18030"))
    Decoded(text='基层\\n', encoding='gb18030')
    >>> decode_seed("基層".encode("big5")).encoding
    'big5'
    """
    if not data.strip():
        raise SeedError("the file is empty")
    encoding = _detect(data)
    text = data.decode(encoding)
    if encoding == "utf-16" or text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise SeedError(f"binary data: NUL characters after decoding as {encoding}")
    return Decoded(text=normalize_newlines(text), encoding=encoding)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if b"\x00" in data:
        raise SeedError("binary data (NUL bytes and no UTF-16 byte-order mark)")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    decodable = [enc for enc in _LEGACY_CHINESE if _decodes(data, enc)]
    if not decodable:
        raise SeedError("undecodable: not UTF-8, UTF-16 with a byte-order mark, GB18030/GBK or Big5")
    return max(decodable, key=lambda encoding: _plausibility(data, encoding))


def _plausibility(data: bytes, encoding: str) -> float:
    """Mean log-probability per character of the text read this way: the wrong code page reads as noise."""
    sample = to_simplified(data[:_SAMPLE_BYTES].decode(encoding, errors="ignore"))
    return log_probability(sample) / max(len(sample), 1)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
