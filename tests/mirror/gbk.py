"""The byte-level mechanics of the mirror: GBK encoding, its decoder's habits, and the character classes they need.

Everything here works on bytes the way the mirror did, so that the damage of a shift run *emerges* from the
bytes (which pairs regroup, where the decoder falls back in step, what it swallows) instead of being drawn by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from opencc import OpenCC

QUESTION = 0x3F
"""What the mirror wrote where a byte was lost: an ASCII ``?``."""

FULLWIDTH_FORMS = range(0xFF01, 0xFF5F)
"""U+FF01–FF5E, the block the mirror folded to ASCII (U+0021–007E) on every page."""

CJK_PUNCTUATION = frozenset("。，、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—·％～－／")
"""Punctuation a reading of Chinese prose may contain; symbols such as ＃ ＠ ＾ are not candidates."""

MIRROR_VARIANTS = {"陝": "陜"}
"""Variants outside GB2312 the mirror family writes for a Taiwan form, and OpenCC keeps (陜 for 陝)."""


@dataclass(frozen=True)
class Decoded:
    """One thing the mirror's decoder printed, with the bytes it consumed."""

    start: int
    """Offset of its first byte."""
    end: int
    """Offset just after its last byte."""
    text: str
    """What it printed: a character, an ASCII character, or ``?`` for bytes it could not read."""


def is_lead_byte(byte: int) -> bool:
    """0x81–0xFE start a two-byte GBK character."""
    return 0x81 <= byte <= 0xFE


def is_trail_byte(byte: int) -> bool:
    """0x40–0x7E and 0x80–0xFE end one; 0x40–0x7E are ASCII bytes too, which is why runs end on them."""
    return 0x40 <= byte <= 0x7E or 0x80 <= byte <= 0xFE


TRAIL_BYTES = tuple(b for b in range(0x100) if is_trail_byte(b))
LEAD_BYTES = tuple(b for b in range(0x100) if is_lead_byte(b))


@lru_cache(maxsize=65536)  # called once a character of every simulated line
def encode_gbk(text: str) -> bytes:
    """The page's bytes: GBK, with ``?`` for what GBK lacks (so a no-break space becomes ``?``)."""
    return text.encode("gbk", errors="replace")


@lru_cache(maxsize=65536)
def decode_pair(lead: int, trail: int) -> str:
    """The character a lead and a valid trail byte make; user-defined areas read as private use (U+E000–)."""
    try:
        return bytes((lead, trail)).decode("gb18030")
    except UnicodeDecodeError:
        return "?"


def decode_like_the_mirror(data: bytes) -> Iterator[Decoded]:
    """Decode GBK as the mirror's decoder did: a lead byte followed by anything but a trail byte is one ``?``
    that swallows both bytes.

    The seed shows both halves of that habit: ``存有&ldquo;`` printed ``嬗?ldquo;`` (the ``&`` went with the
    lost trail byte), and ``?yàn)閲`` lost the ``(`` of an annotation together with a lead byte. A lone lead byte
    at the end of a paragraph, or a byte that can start nothing (0x80, 0xFF), is a ``?`` of its own.

    >>> [d.text for d in decode_like_the_mirror(bytes.fromhex("d3d0") + b"&ldquo;")][:3]
    ['有', '&', 'l']
    >>> [d.text for d in decode_like_the_mirror(bytes.fromhex("d0") + b"&ldquo;")][:2]
    ['?', 'l']
    """
    index = 0
    while index < len(data):
        byte = data[index]
        if byte < 0x80:
            yield Decoded(index, index + 1, chr(byte))
            index += 1
        elif is_lead_byte(byte) and index + 1 < len(data):
            trail = data[index + 1]
            text = decode_pair(byte, trail) if is_trail_byte(trail) else "?"
            yield Decoded(index, index + 2, text)
            index += 2
        else:
            yield Decoded(index, index + 1, "?")
            index += 1


def fold_fullwidth(text: str) -> str:
    """The mirror's folding of U+FF01–FF5E to ASCII, applied to the whole page.

    >>> fold_fullwidth("治理，（一）？Ｆ")
    '治理,(一)?F'
    """
    return "".join(chr(ord(ch) - 0xFEE0) if ord(ch) in FULLWIDTH_FORMS else ch for ch in text)


def is_private_use(ch: str) -> bool:
    """Private-use characters: what GBK's user-defined areas decode to."""
    return "\ue000" <= ch <= "\uf8ff"


_TO_SIMPLIFIED = OpenCC("tw2s")


@lru_cache(maxsize=65536)
def simplified(ch: str) -> str:
    """A Traditional character's Simplified form (OpenCC ``tw2s``), after the mirror's variants are undone."""
    for taiwan, variant in MIRROR_VARIANTS.items():
        ch = ch.replace(variant, taiwan)
    return _TO_SIMPLIFIED.convert(ch)


def in_gb2312(ch: str) -> bool:
    """Whether GB2312 (the 6,763 Han characters of ordinary Simplified text, and its symbols) has ``ch``."""
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


@lru_cache(maxsize=65536)
def is_ordinary(ch: str) -> bool:
    """A character ordinary Chinese prose is made of: CJK punctuation, or Han whose Simplified form is in GB2312.

    A wrong lead byte mostly yields a character outside GB2312 or a symbol, which is what makes runs decidable.
    """
    if ch in CJK_PUNCTUATION:
        return True
    if not ("\u4e00" <= ch <= "\u9fff"):
        return False
    return all(in_gb2312(c) for c in simplified(ch))
