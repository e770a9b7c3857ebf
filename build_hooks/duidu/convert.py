"""Traditional → Simplified with OpenCC.

The mirror made its Traditional text from Simplified with Taiwan forms (着 became 著), so ``tw2s`` is the
config that undoes it: ``t2s`` leaves 影响著 and 随著, and the phrase configs (``tw2sp``) rewrite vocabulary
(效能 → 性能), which an edition must never do.
"""

from __future__ import annotations

from functools import lru_cache

import opencc
import zhconv

from .chardata import in_gb2312

OPENCC_CONFIG = "tw2s"


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC(OPENCC_CONFIG)


def to_simplified(text: str) -> str:
    """Simplified characters for Traditional ones, character by character (no vocabulary is changed).

    >>> to_simplified("影響著基層治理，效能顯著")
    '影响着基层治理，效能显著'
    """
    return _converter().convert(text)


@lru_cache(maxsize=1)
def _to_taiwan() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


@lru_cache(maxsize=None)
def is_simplified_only(ch: str) -> bool:
    """A character Taiwan Traditional text never holds as itself, since OpenCC writes it otherwise.

    The mirror made its text with such a conversion, so a repair that needs one is not a reading of it.

    >>> is_simplified_only("盗"), is_simplified_only("盜"), is_simplified_only("著")
    (True, False, False)
    """
    return _to_taiwan().convert(ch) != ch


@lru_cache(maxsize=None)
def standard_form(ch: str) -> str:
    """The standard form of a variant character outside GB2312 that OpenCC keeps (陜 → 陕), by MediaWiki's
    conversion tables (zhconv), one character at a time so that no word is rewritten; else the character.

    >>> standard_form("陜"), standard_form("著")
    ('陕', '著')
    """
    if in_gb2312(ch):
        return ch
    mapped = zhconv.convert(ch, "zh-cn")
    return mapped if len(mapped) == 1 and in_gb2312(mapped) else ch


@lru_cache(maxsize=None)
def is_taiwan_form(ch: str) -> bool:
    """Whether the mirror's conversion (Simplified → Taiwan Traditional) writes ``ch`` for its Simplified form:
    曏 and 説 are Traditional, but the conversion writes 向 and 說, so the mirror's text never holds them.

    >>> is_taiwan_form("說"), is_taiwan_form("説"), is_taiwan_form("曏"), is_taiwan_form("著")
    (True, False, False, True)
    """
    return _to_taiwan().convert(to_simplified(ch)) == ch
