"""Character classes, defined once: Han, CJK punctuation, full-width forms, private use, GB2312, pinyin.

Every stage asks this module what a character is, so that "Chinese" means the same thing to the cleaning
rules, the repair, the language model and the parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""CJK Unified Ideographs, Extension A and the compatibility ideographs, as a regex class body."""
HAN = re.compile(f"[{HAN_RANGES}]")

CJK_PUNCTUATION = "。，、；：？！“”‘’《》（）【】〔〕…—·「」『』"
"""Punctuation of running Chinese text (full-width forms and CJK symbols)."""
SENTENCE_END = "。！？"
FINAL_PUNCTUATION = "。！？：；，…"

GETA = "〓"
"""The geta mark, printed where the source is damaged beyond repair."""

FULLWIDTH_FIRST, FULLWIDTH_LAST = 0xFF01, 0xFF5E
"""The block the mirror folded to ASCII (``！`` … ``～`` → ``!`` … ``~``)."""
FOLD_OFFSET = FULLWIDTH_FIRST - 0x21

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_LETTERS = f"a-zü{TONE_VOWELS}"
SYLLABLE = f"[{PINYIN_LETTERS}]+"
"""A pinyin syllable as the mirror wrote it, toned (``wǎng``) or toneless (``nian``), in lower case."""

PRIVATE_USE_OR_REPLACEMENT = "\ue000-\uf8ff\ufffd"
"""Private use (GBK's user-defined areas as the mirror read them) and U+FFFD, as a regex class body."""

BIDI_AND_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"


def is_han(ch: str) -> bool:
    """A Chinese character.

    >>> is_han("治"), is_han("。"), is_han("A")
    (True, False, False)
    """
    return bool(HAN.fullmatch(ch))


def is_cjk_punctuation(ch: str) -> bool:
    return ch in CJK_PUNCTUATION or "\u3000" <= ch <= "\u303f" or is_fullwidth_form(ch)


def is_chinese(ch: str) -> bool:
    """Han characters, CJK punctuation and full-width forms, and the 〓 mark.

    >>> [is_chinese(c) for c in "治，（〓A,"]
    [True, True, True, True, False, False]
    """
    return bool(ch) and (is_han(ch) or is_cjk_punctuation(ch) or ch == GETA or "\uff00" <= ch <= "\uffef")


def is_fullwidth_form(ch: str) -> bool:
    return FULLWIDTH_FIRST <= ord(ch) <= FULLWIDTH_LAST


def fold(ch: str) -> str:
    """What the mirror made of a character: full-width forms became ASCII.

    >>> fold("；") + fold("Ｆ") + fold("基")
    ';F基'
    """
    return chr(ord(ch) - FOLD_OFFSET) if is_fullwidth_form(ch) else ch


def unfold(ch: str) -> str:
    """The full-width form an ASCII character may have been folded from.

    >>> unfold(";"), unfold("F")
    ('；', 'Ｆ')
    """
    return chr(ord(ch) + FOLD_OFFSET) if "!" <= ch <= "~" else ch


def is_private_use(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff"


def is_private_or_replacement(ch: str) -> bool:
    return is_private_use(ch) or ch == "\ufffd"


@lru_cache(maxsize=None)
def in_gb2312(ch: str) -> bool:
    """One of the 7,445 characters of GB2312: 6,763 Han characters of ordinary Simplified text, punctuation.

    >>> in_gb2312("陕"), in_gb2312("陜"), in_gb2312("著")
    (True, False, True)
    """
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


GBK_AS_READ = "gb18030"
"""GBK as the mirror's decoder read it: its two-byte codes, the user-defined areas as private-use characters."""


@lru_cache(maxsize=1 << 16)  # a character at a time, the same ones again and again
def gbk_pair(ch: str) -> bytes | None:
    """The two GBK bytes of a character, or None for one that GBK writes otherwise (ASCII) or not at all.

    >>> gbk_pair("題").hex(), gbk_pair("\ue000").hex(), gbk_pair("A")
    ('ee7d', 'aaa1', None)
    """
    try:
        data = ch.encode(GBK_AS_READ)
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


@lru_cache(maxsize=1 << 16)  # every two-byte code fits; the repair asks the same ones again and again
def gbk_char(pair: bytes) -> str | None:
    """The character two bytes make in GBK, or None when they make none (or not exactly one).

    >>> gbk_char(bytes.fromhex("a1a3")), gbk_char(bytes.fromhex("8040"))
    ('。', None)
    """
    try:
        text = pair.decode(GBK_AS_READ)
    except UnicodeDecodeError:
        return None
    return text if len(text) == 1 else None


_TRAILING_ANNOTATION = re.compile(rf"\({SYLLABLE}\)$")


def han_before(line: str, index: int) -> str | None:
    """The Chinese character (or 〓) before ``index``, looking past the pinyin annotations that follow it.

    >>> han_before("財(cái)(cái)?", 11), han_before("D601?", 4)
    ('財', None)
    """
    before = line[max(0, index - 64) : index]
    while (stripped := _TRAILING_ANNOTATION.sub("", before)) != before:
        before = stripped
    return before[-1] if before and (is_han(before[-1]) or before[-1] == GETA) else None
