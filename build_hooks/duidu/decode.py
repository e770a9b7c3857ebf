"""Bytes of a seed → text, saying which encoding was used."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from .models import Decoded, SeedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY_CHINESE = ("gb18030", "big5")


def decode_seed(data: bytes) -> Decoded:
    """Decode a seed's bytes: BOM first, then strict UTF-8, then the legacy Chinese code pages.

    >>> decode_seed("基层\\r\\n".encode("gb18030"))
    Decoded(text='基层\\n', encoding='gb18030')
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
    if len(decodable) == 1:
        return decodable[0]
    best = from_bytes(data, cp_isolation=list(decodable)).best()
    if best is None:
        return decodable[0]
    return "big5" if best.encoding.startswith("big5") else "gb18030"


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True
