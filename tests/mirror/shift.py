"""The GBK one-byte shift, done to the bytes: a lead byte lost at a sentence start, the pairs regrouped by the
mirror's decoder until an ASCII byte puts it back in step.

Nothing here decides what a run looks like; :func:`shift_run` only loses a byte (or inserts the annotation of the
phantom character the mirror saw) and reads the result with :func:`gbk.decode_like_the_mirror`. The kind of the
run is read off what happened.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import gbk
from .text import ANNOTATION, ENTITY, TEXT, MirrorStyle, Unit, reading_of_character
from .truth import (
    BARE_ENTITY,
    EATEN_ASCII,
    FULLWIDTH_FIRST,
    LOST_TRAIL,
    PLAIN,
    PRIVATE_USE,
    READING_AFTER,
    REMNANT_AFTER,
    REMNANT_BEFORE,
    SWALLOWED,
    RunTruth,
)

SENTENCE_ENDS = frozenset("。！？；")
CONTEXT = 8


@dataclass(frozen=True)
class ShiftEvent:
    """Where the mirror lost a lead byte, and whether it annotated the phantom character there (kind d)."""

    unit: int
    """Index of the unit whose lead byte is lost."""
    phantom_reading: str | None
    """The annotation syllable of the phantom character (previous trail byte + lost lead byte), or None."""


@dataclass(frozen=True)
class ShiftedRun:
    """What one shift did to a line: the run's truth and the span of units it covers."""

    truth: RunTruth
    first_unit: int
    end_unit: int
    """One past the last unit the run covers (remnant included)."""


def unit_offsets(units: tuple[Unit, ...]) -> list[int]:
    """Byte offset of every unit in the encoded line, and the length of the line last."""
    offsets = [0]
    for unit in units:
        offsets.append(offsets[-1] + len(gbk.encode_gbk(unit.text)))
    return offsets


def encode_units(units: tuple[Unit, ...]) -> bytes:
    """The line's GBK bytes as the page had them."""
    return b"".join(gbk.encode_gbk(unit.text) for unit in units)


def printed(units: tuple[Unit, ...]) -> str:
    """The units as the mirror printed them with no shift: decoded in step and folded.

    In step, the mirror's decoder reads every pair as GB18030 does, so the codec's C loop stands in for it.
    """
    return gbk.fold_fullwidth(encode_units(units).decode("gb18030"))


def lose_lead_byte(data: bytes, offset: int) -> bytes:
    """The lead byte at ``offset`` replaced by ``?`` (0x3F): the decoder reads ``?`` and goes one byte off."""
    return data[:offset] + bytes((gbk.QUESTION,)) + data[offset + 1 :]


def annotate_phantom(data: bytes, offset: int, syllable: str) -> bytes:
    """The annotation of the phantom character inserted after the lead byte at ``offset``.

    The mirror annotated a character it saw one byte off (the previous trail byte + this lead byte); the lead
    byte and the annotation's ``(`` then make an invalid pair that its decoder printed as one ``?``.
    """
    return data[: offset + 1] + gbk.encode_gbk(f"({syllable})") + data[offset + 1 :]


def phantom_reading(units: tuple[Unit, ...], index: int, style: MirrorStyle) -> str | None:
    """The reading of the phantom character before unit ``index``, if the mirror could have seen one there."""
    if index == 0 or units[index - 1].role != TEXT:
        return None
    previous = gbk.encode_gbk(units[index - 1].text)
    lead = gbk.encode_gbk(units[index].text)[0]
    if len(previous) != 2 or not gbk.is_lead_byte(previous[1]):
        return None
    return reading_of_character(gbk.decode_pair(previous[1], lead), toned=style.toned)


def sentence_start_candidates(units: tuple[Unit, ...]) -> list[int]:
    """Units whose lead byte a shift may hit: the 。 (or ！？；) ending a sentence that another follows, and the
    first character of every sentence. Both must be two-byte characters."""

    def two_byte_text(index: int) -> bool:
        return 0 <= index < len(units) and units[index].role == TEXT and len(gbk.encode_gbk(units[index].text)) == 2

    candidates = []
    for index, unit in enumerate(units):
        starts_sentence = index == 0 or units[index - 1].text in SENTENCE_ENDS
        ends_sentence = unit.text in SENTENCE_ENDS and two_byte_text(index + 1)
        if two_byte_text(index) and (starts_sentence or ends_sentence):
            candidates.append(index)
    return candidates


def choose_events(units: tuple[Unit, ...], style: MirrorStyle, rng: random.Random, rate: float) -> list[ShiftEvent]:
    """Random sentence starts to shift at, each with probability ``rate``; a fifth of those where a phantom
    character exists get its annotation (kind d). Runs never overlap: the next event waits for the resync."""
    events: list[ShiftEvent] = []
    resumed = 0
    for index in sentence_start_candidates(units):
        if index < resumed or rng.random() >= rate:
            continue
        reading = phantom_reading(units, index, style)
        event = ShiftEvent(index, reading if reading and rng.random() < 0.2 else None)
        run = shift_run(units, event, line=0, column=0)
        events.append(event)
        resumed = run.end_unit + 1
    return events


def shift_run(units: tuple[Unit, ...], event: ShiftEvent, *, line: int, column: int) -> ShiftedRun:
    """Lose the lead byte of unit ``event.unit``, decode like the mirror from there until it is back in step, and
    record the run with its truth. ``column`` is where the run starts in the damaged line."""
    offsets = unit_offsets(units)
    data = encode_units(units)
    start = offsets[event.unit]
    if event.phantom_reading:
        damaged = annotate_phantom(data, start, event.phantom_reading)
        inserted = len(damaged) - len(data)
    else:
        damaged = lose_lead_byte(data, start)
        inserted = 0
    boundaries = set(offsets)
    pieces: list[gbk.Decoded] = []
    for piece in gbk.decode_like_the_mirror(damaged[start:]):
        pieces.append(piece)
        if piece.start < 1 + inserted:
            continue  # still inside the lost byte and the phantom's annotation
        original_end = start + piece.end - inserted
        if original_end in boundaries:
            break
    resync_unit = offsets.index(start + pieces[-1].end - inserted)
    end_unit = resync_unit
    last = pieces[-1]
    last_bytes = damaged[start + last.start : start + last.end]
    kinds: set[str] = set()
    swallowed = eaten = None
    lost_trail = None
    # The characters the run stands for: the two-byte ones it regrouped (a swallowed or eaten ASCII byte is not one).
    text_units = [i for i in range(event.unit, end_unit) if units[i].role == TEXT and len(gbk.encode_gbk(units[i].text)) == 2]
    if len(last_bytes) == 1 and last.text != "?":
        kinds.add(PLAIN)
    elif last.text == "?" and (len(last_bytes) == 1 or not gbk.is_trail_byte(last_bytes[1])):
        kinds.add(LOST_TRAIL)
        lost_trail = last_bytes[0]
        if len(last_bytes) == 2:
            eaten = chr(last_bytes[1])
            eaten_unit = units[end_unit - 1]
            kinds.add({ANNOTATION: REMNANT_AFTER, ENTITY: BARE_ENTITY}.get(eaten_unit.role, EATEN_ASCII))
    else:
        kinds.add(SWALLOWED)
        swallowed = chr(last_bytes[1])
    reading_after = None
    if REMNANT_AFTER in kinds:
        remnant_end = end_unit
        while remnant_end < len(units) and units[remnant_end].piece == units[end_unit - 1].piece:
            remnant_end += 1
        remnant = "".join(u.text for u in units[end_unit:remnant_end])
        reading_after = remnant.split(")")[0]
        end_unit = remnant_end
    elif PLAIN in kinds and end_unit < len(units) and units[end_unit].role == ANNOTATION:
        kinds.add(READING_AFTER)
        annotation = "".join(u.text for u in units[end_unit:] if u.piece == units[end_unit].piece)
        reading_after = annotation[1:].split(")")[0]
    text = gbk.fold_fullwidth("".join(p.text for p in pieces)) + printed(units[resync_unit:end_unit])
    first_regrouped = next((p.text for p in pieces if p.start >= 1 + inserted), "")
    if len(first_regrouped) == 1 and ord(first_regrouped) in gbk.FULLWIDTH_FORMS:
        kinds.add(FULLWIDTH_FIRST)
    if any(gbk.is_private_use(ch) for ch in text):
        kinds.add(PRIVATE_USE)
    if event.phantom_reading:
        kinds.add(REMNANT_BEFORE)
    char_bytes = b"".join(gbk.encode_gbk(units[i].text) for i in text_units)
    clean_before = "".join(u.clean for u in units[: event.unit])
    last_char = text_units[-1] + 1
    clean_after = "".join(u.clean for u in units[last_char:])
    true = "".join(units[i].clean for i in text_units)
    previous = gbk.encode_gbk(units[event.unit - 1].text) if event.unit else b""
    truth = RunTruth(
        line=line,
        column=column,
        damaged=text,
        true=true,
        kinds=frozenset(kinds),
        char_bytes=char_bytes,
        lost_lead=char_bytes[0],
        lost_trail=lost_trail,
        swallowed=swallowed,
        eaten=eaten,
        previous_byte=previous[-1] if previous and previous[-1] >= 0x80 else None,
        remnant_before=event.phantom_reading,
        reading_after=reading_after,
        context_before=clean_before[-CONTEXT:],
        context_after=clean_after[:CONTEXT],
    )
    return ShiftedRun(truth, event.unit, end_unit)


def damage_line(
    units: tuple[Unit, ...], events: list[ShiftEvent], *, line: int
) -> tuple[str, tuple[RunTruth, ...]]:
    """The line as the mirror printed it with every shift in ``events`` (in order, not overlapping)."""
    text = ""
    runs: list[RunTruth] = []
    done = 0
    for event in events:
        text += printed(units[done : event.unit])
        run = shift_run(units, event, line=line, column=len(text))
        text += run.truth.damaged
        runs.append(run.truth)
        done = run.end_unit
    text += printed(units[done:])
    return text, tuple(runs)
