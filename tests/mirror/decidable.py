"""Which runs the bytes decide, judged without the production scorer: from the bytes and hard constraints only.

A run is **decidable** when, enumerating every value of its unknown bytes (the lost lead byte; for a lost-trail run
also the lost trail byte), the true reading is

1. the only candidate whose characters are all ordinary (GB2312 Han after Simplification, or CJK punctuation) and
   that agrees with every pinyin annotation on either side of the run (the phantom's remnant before it, the
   reading of its last character after it; pypinyin heteronyms, toned or toneless), or
2. the only such candidate that jieba's dictionary segments without an out-of-vocabulary single character in a
   window of four characters of true context on each side.

A lost-trail run that swallowed an ASCII byte nothing after it names (a digit, a space: not the ``(`` of an
annotation remnant, not the ``&`` of an entity) is never decidable: that byte is gone.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import jieba
from pypinyin import Style, pinyin

from . import gbk
from .truth import EATEN_ASCII, LOST_TRAIL, RunTruth

WINDOW = 4
TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")

jieba.setLogLevel(logging.WARNING)


@dataclass(frozen=True)
class Decidability:
    """Whether the bytes decide a run, and why."""

    decidable: bool
    candidates: int
    """How many readings pass the byte and annotation constraints (the truth among them or not)."""
    reason: str


def reads_as(ch: str, syllable: str) -> bool:
    """Whether ``syllable`` (toned or toneless) is a reading pypinyin knows for ``ch`` or its Simplified form."""
    return syllable in _known_readings(ch, bool(TONE_MARKS & set(syllable)))


@lru_cache(maxsize=None)
def _known_readings(ch: str, toned: bool) -> frozenset[str]:
    style = Style.TONE if toned else Style.NORMAL
    known = set()
    for form in {ch, gbk.simplified(ch)}:
        if len(form) == 1:
            known.update(pinyin(form, style=style, heteronym=True, v_to_u=True)[0])
    return frozenset(known)


def decode_pairs(data: bytes) -> str | None:
    """``data`` read as whole two-byte characters, or None if any pair is not one."""
    text = []
    for index in range(0, len(data), 2):
        lead, trail = data[index], data[index + 1]
        if not (gbk.is_lead_byte(lead) and gbk.is_trail_byte(trail)):
            return None
        text.append(gbk.decode_pair(lead, trail))
    return "".join(text)


def _heads(run: RunTruth, second: int) -> list[tuple[int, str]]:
    """Every lost lead byte whose first character is ordinary and whose phantom agrees with the remnant."""
    heads = []
    for lead in gbk.LEAD_BYTES:
        first = gbk.decode_pair(lead, second)
        if not gbk.is_ordinary(first):
            continue
        if run.remnant_before is not None:
            if run.previous_byte is None or not reads_as(gbk.decode_pair(run.previous_byte, lead), run.remnant_before):
                continue
        heads.append((lead, first))
    return heads


def candidate_readings(run: RunTruth) -> Iterator[str]:
    """Every reading of the run the hard constraints allow, the truth first if it is one."""
    data = run.char_bytes
    truth = decode_pairs(data)
    middle = decode_pairs(data[2:-2]) if len(data) > 4 else ""
    if middle is None or not all(gbk.is_ordinary(ch) for ch in middle):
        return

    def last_ok(ch: str) -> bool:
        return gbk.is_ordinary(ch) and (run.reading_after is None or reads_as(ch, run.reading_after))

    if LOST_TRAIL in run.kinds:
        trails = [t for t in gbk.TRAIL_BYTES]
        if len(data) == 2:
            readings = (
                gbk.decode_pair(lead, trail)
                for lead, _ in _heads(run, data[1])
                for trail in trails
                if last_ok(gbk.decode_pair(lead, trail))
            )
            ordered = sorted(set(readings), key=lambda r: r != truth)
            yield from ordered
            return
        heads = [first for _, first in _heads(run, data[1])]
        tails = [ch for ch in (gbk.decode_pair(data[-2], t) for t in trails) if last_ok(ch)]
        true_head, true_tail = truth[0], truth[-1]
        # The truth, then readings that change one end, then both: an impostor is usually found early.
        seen = set()
        for head, tail in itertools.chain(
            [(true_head, true_tail)],
            ((h, true_tail) for h in heads),
            ((true_head, t) for t in tails),
            itertools.product(heads, tails),
        ):
            if head in heads and tail in tails and (head, tail) not in seen:
                seen.add((head, tail))
                yield head + middle + tail
        return
    rest = decode_pairs(data[2:]) if len(data) > 2 else ""
    last = rest[-1] if rest else None
    heads = [first for _, first in _heads(run, data[1])]
    if last is not None and not last_ok(last):
        return
    if last is None:
        heads = [h for h in heads if last_ok(h)]
    if rest and not all(gbk.is_ordinary(ch) for ch in rest):
        return
    for head in sorted(heads, key=lambda h: h != truth[0]):
        yield head + rest


@lru_cache(maxsize=65536)
def _segments_cleanly(window: str) -> bool:
    """Whether jieba (dictionary only, no HMM) cuts ``window`` with no Han single character it does not list."""
    simplified = "".join(gbk.simplified(ch) for ch in window)
    for token in jieba.lcut(simplified, HMM=False):
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff" and not jieba.dt.FREQ.get(token):
            return False
    return True


def judge(run: RunTruth) -> Decidability:
    """Whether the bytes and hard constraints decide ``run`` (see the module docstring)."""
    if EATEN_ASCII in run.kinds:
        return Decidability(False, 0, "an ASCII byte went with the lost trail byte")
    truth = decode_pairs(run.char_bytes)
    candidates = list(itertools.islice(candidate_readings(run), 20_000))
    if not candidates or candidates[0] != truth:
        return Decidability(False, len(candidates), "the truth is not a candidate")
    if len(candidates) == 1:
        return Decidability(True, 1, "the only candidate")
    before, after = run.context_before[-WINDOW:], run.context_after[:WINDOW]
    if not _segments_cleanly(before + truth + after):
        return Decidability(False, len(candidates), "several candidates; the truth has an out-of-vocabulary character")
    for other in candidates[1:]:
        if _segments_cleanly(before + other + after):
            return Decidability(False, len(candidates), "several candidates segment cleanly")
    return Decidability(True, len(candidates), "the only candidate that segments cleanly")
