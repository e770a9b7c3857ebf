"""The mirror's text-level steps before the bytes: Taiwan Traditional, variants, HTML entities, pinyin annotations.

A line becomes a tuple of :class:`Unit`: one character of what the mirror encoded, with what it contributes to
the clean line. Keeping the two side by side is what lets every later byte of damage be traced to the truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache

from opencc import OpenCC
from pypinyin import Style, lazy_pinyin, pinyin

from .gbk import MIRROR_VARIANTS, simplified

TEXT = "text"
ANNOTATION = "annotation"
ENTITY = "entity"

ENTITY_NAMES = {"“": "ldquo", "”": "rdquo", "‘": "lsquo", "’": "rsquo", "—": "mdash", "…": "hellip"}
"""Characters the mirror family's HTML wrote as named entities, which it then left as text."""

_TO_TAIWAN = OpenCC("s2tw")


@dataclass(frozen=True)
class Unit:
    """One character the mirror encoded."""

    text: str
    """The character as the mirror had it (``陜``, the ``&`` of ``&ldquo;``, the ``w`` of ``(wǎng)``)."""
    clean: str
    """What it contributes to the clean line: itself, nothing (annotations), ``“`` (the ``;`` ending ``&ldquo;``),
    a space (a no-break space), ``陝`` (for the variant ``陜``)."""
    role: str
    """:data:`TEXT`, :data:`ANNOTATION` or :data:`ENTITY`."""
    piece: int
    """Units of one annotation or one entity share this number; every text character has its own."""


@dataclass(frozen=True)
class MirrorStyle:
    """How one site of the family treated text; chosen once per page."""

    toned: bool
    """``網(wǎng)`` when true, ``年(nian)`` when false."""
    annotated: frozenset[str]
    """The Traditional characters the site annotates wherever they occur (the seed's mirror had 90 of them)."""
    doubled_share: float
    """Share of annotations written twice (``中(zhong)(zhong)``)."""
    entity_share: float
    """Share of quotation marks and dashes left as HTML entities."""
    variant_share: float
    """Share of 陝 written as the variant 陜."""


def to_taiwan_traditional(text: str) -> str:
    """Simplified to Taiwan Traditional with OpenCC ``s2tw``, as the mirror did (着 → 著, 里 → 裡).

    >>> to_taiwan_traditional("基层治理行为存有着")
    '基層治理行為存有著'
    """
    return _TO_TAIWAN.convert(text)


@lru_cache(maxsize=4096)
def readings(simplified: str, *, toned: bool) -> tuple[str, ...]:
    """The pinyin of every character of a Simplified line, read by phrase (pypinyin), one item per character.

    >>> readings("行为，年", toned=False)
    ('xing', 'wei', '，', 'nian')
    """
    style = Style.TONE if toned else Style.NORMAL
    result = lazy_pinyin(simplified, style=style, errors=lambda chunk: list(chunk), v_to_u=True)
    if len(result) != len(simplified):
        # pypinyin keeps characters together only in odd inputs; fall back to one character at a time.
        result = [lazy_pinyin(ch, style=style, errors=lambda chunk: list(chunk), v_to_u=True)[0] for ch in simplified]
    return tuple(result)


@lru_cache(maxsize=65536)
def reading_of_character(ch: str, *, toned: bool) -> str | None:
    """The reading pypinyin gives a character standing alone, or None for what is not Han."""
    if not "\u4e00" <= ch <= "\u9fff":
        return None
    return pinyin(ch, style=Style.TONE if toned else Style.NORMAL, v_to_u=True)[0][0]


def choose_style(rng: random.Random, traditional_corpus: str) -> MirrorStyle:
    """A site's habits: toned or toneless annotations of a fixed set of characters, entities, variants."""
    # Like the seed's mirror, annotate characters whose Traditional form differs from the Simplified one.
    changed = sorted({ch for ch in traditional_corpus if "\u4e00" <= ch <= "\u9fff" and simplified(ch) != ch})
    share = rng.uniform(0.15, 0.45)
    return MirrorStyle(
        toned=rng.random() < 0.6,
        annotated=frozenset(ch for ch in changed if rng.random() < share),
        doubled_share=rng.choice((0.0, 0.0, 0.3)),
        entity_share=rng.choice((0.0, 0.5, 1.0)),
        variant_share=rng.choice((0.0, 1.0)),
    )


def annotation_text(syllable: str, rng: random.Random, style: MirrorStyle) -> str:
    """``(wǎng)``, or ``(zhong)(zhong)`` for a doubled one."""
    times = 2 if rng.random() < style.doubled_share else 1
    return f"({syllable})" * times


def mirror_units(simplified: str, style: MirrorStyle, rng: random.Random, *, convert: bool = True) -> tuple[Unit, ...]:
    """A Simplified line as the mirror encoded it: Taiwan Traditional (when ``convert``), variants, entities and
    annotations, each unit carrying its share of the clean line.

    Spam lines were never converted by the mirror; pass ``convert=False`` for them.
    """
    traditional = to_taiwan_traditional(simplified) if convert else simplified
    if len(traditional) != len(simplified):
        raise ValueError(f"OpenCC changed the length of {simplified!r}")
    # Pages repeat the corpus's lines, so the phrase readings are cached; lines with no annotated character skip them.
    annotates = convert and any(ch in style.annotated for ch in traditional)
    syllables = readings(simplified, toned=style.toned) if annotates else tuple(simplified)
    units: list[Unit] = []
    for index, (ch, syllable) in enumerate(zip(traditional, syllables, strict=True)):
        piece = 3 * index
        if ch == "\u00a0":
            units.append(Unit(ch, " ", TEXT, piece))
        elif ch in MIRROR_VARIANTS and rng.random() < style.variant_share:
            units.append(Unit(MIRROR_VARIANTS[ch], ch, TEXT, piece))
        elif ch in ENTITY_NAMES and rng.random() < style.entity_share:
            entity = f"&{ENTITY_NAMES[ch]};"
            # The clean character sits on the final ";" so that an entity whose "&" a run swallowed still
            # carries it: the bare "ldquo;" is what the cleaner has left to decode.
            units.extend(Unit(c, ch if i == len(entity) - 1 else "", ENTITY, piece + 1) for i, c in enumerate(entity))
        else:
            units.append(Unit(ch, ch, TEXT, piece))
        if annotates and ch in style.annotated and syllable != ch:
            units.extend(Unit(c, "", ANNOTATION, piece + 2) for c in annotation_text(syllable, rng, style))
    return tuple(units)
