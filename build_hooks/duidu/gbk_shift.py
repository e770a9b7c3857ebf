"""The GBK one-byte-shift mojibake: find the garbled runs and recover what the bytes decide.

The mirror read the page's GBK bytes one byte off: the lead byte ``L1`` of a character became ``?``, and
every following pair regrouped across character boundaries (``T1 L2``, ``T2 L3`` …) until a byte below 0x80
put the decoder back in step. So the original of a run is ``L1`` + the run's pairs re-encoded + its end,
which is one of three things:

- an ASCII character: the trail byte of the last character (``題`` = EE 7D ends a run with ``}``);
- nothing: the last pair swallowed the ASCII byte after the article's character (``盵`` = B1 5B holds a ``[``);
- a ``?``: the last character's trail byte paired with a byte no trail can be, and was lost.

Since then the mirror folded the full-width forms (A3xx, U+FF01–FF5E) to ASCII, so an ASCII character
inside a run is a pair too: the first pair of a run is often one, because 。 (A1 A3) is the usual lost
character. Pinyin annotations are constraints: one after the run gives the reading of its last character,
and a syllable with ``)`` right after the ``?`` (``?shù)``) is the mirror's annotation of the character the
previous character's trail byte and the lost lead byte made (財 = D8 94; 94 B5 = 數, shù; so L1 = B5: 等).

Every hypothesis (where the run ends, which bytes were lost, or that it is no run at all but a real question
mark) is read, and scored by the article's language model over the same stretch of text; the best must win
by :data:`CLEAR_MARGIN`, or the run is left to be printed as 〓 with a warning.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, pinyin

from .chardata import (
    CJK_PUNCTUATION,
    SENTENCE_END,
    SYLLABLE,
    TONE_VOWELS,
    GETA,
    gbk_char,
    han_before,
    in_gb2312,
    is_han,
    unfold,
)
from .convert import is_simplified_only, to_simplified
from .lexicon import GENERAL, LanguageModel

CLEAR_MARGIN = 4.6
"""ln(100): the winning reading must be a hundred times more probable than the next."""
SENTENCE_START_PRIOR = 3.0
"""ln(20): the mirror's damage starts at sentence starts, so the lost character is most often 。 (A1 A3),
far more often than its share of running text (which the language model already counts) says."""
MAX_RUN = 80
"""Characters a run may span: the decoder falls back in step at the first ASCII byte, never far off."""
_CONTEXT = 8
_LEAD_BYTES = range(0x81, 0xFF)
_TRAIL_BYTES = [*range(0x40, 0x7F), *range(0x80, 0xFF)]
_BEST_LEADS_FOR_LOST_TRAIL = 8
_ANNOTATION = re.compile(rf"\(({SYLLABLE})\)")
_REMNANT = re.compile(rf"({SYLLABLE})\)")
_ENTITY = re.compile(r"&?(?:[a-z]+|#\d+);")


@dataclass(frozen=True)
class Script:
    """Which characters the page can hold. The mirror's text is Taiwan Traditional made from Simplified, so
    a Simplified-only character (盗 for 盜) is no reading of it, unless the article uses it intact."""

    traditional: bool = False
    seen: frozenset[str] = frozenset()

    def allows(self, ch: str) -> bool:
        return not self.traditional or ch in self.seen or not is_simplified_only(ch)


ANY_SCRIPT = Script()


@dataclass(frozen=True)
class Site:
    """Where a run may be: the ``?`` after a Chinese character, and the stretch the shifted bytes may cover."""

    start: int
    """Index of the ``?`` in the line."""
    remnant: str
    """The syllable of an annotation right after the ``?`` (without its ``)``), or ""."""
    stream_start: int
    stream: str
    """The characters after the ``?`` (and remnant) that a shifted decoder may have made."""
    previous: str
    """The Chinese character before the run (its trail byte met the lost lead byte)."""


@dataclass(frozen=True)
class Reading:
    """One hypothesis: the run from ``start`` to ``end`` of the line was ``text`` in the original."""

    start: int
    end: int
    text: str
    score: float
    lost_bytes: bytes
    """The byte(s) the hypothesis restores: the lead byte, and the trail byte where it was lost too."""
    kind: str
    """How the run ends: ``ascii`` (a trail byte shows as ASCII), ``swallowed`` (the last pair holds the
    ASCII byte after it), ``lost-trail`` (a ``?``), or ``none`` (not a run: a real question mark)."""


@dataclass(frozen=True)
class Verdict:
    """What the repair makes of one site: the readings, best first, and whether the best wins clearly."""

    site: Site
    readings: tuple[Reading, ...]

    @property
    def best(self) -> Reading | None:
        return self.readings[0] if self.readings else None

    @property
    def margin(self) -> float:
        if len(self.readings) < 2:
            return float("inf") if self.readings else 0.0
        return self.readings[0].score - self.readings[1].score

    @property
    def clear(self) -> bool:
        return bool(self.readings) and self.margin >= CLEAR_MARGIN

    @property
    def is_run(self) -> bool:
        """Whether the site is damage at all: unless a real question mark reads clearly best."""
        return not (self.clear and self.best.kind == "none")


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    before: str
    after: str


def find_sites(line: str) -> list[Site]:
    """Every ``?`` that follows a Chinese character (perhaps through its annotation) and is followed by text a
    shifted decoder can make.

    >>> [s.stream for s in find_sites("小矛盾變?yōu)榇髥栴}”的")]
    ['榇髥栴}”的']
    """
    sites = []
    index = line.find("?")
    while index != -1:
        site = _site_at(line, index)
        if site is not None:
            sites.append(site)
        index = line.find("?", index + 1)
    return sites


def _site_at(line: str, index: int) -> Site | None:
    previous = han_before(line, index)
    if previous is None or previous == GETA:
        return None
    remnant = _REMNANT.match(line, index + 1)
    stream_start = remnant.end() if remnant else index + 1
    stream = _stream(line, stream_start)
    if not stream or not any(ord(ch) > 0x7F for ch in stream) and not _ANNOTATION.match(line, stream_start + len(stream)):
        return None  # ASCII after a "?" is a run only where the mirror annotated it as a character (?,F(xiàn))
    return Site(index, remnant.group(1) if remnant else "", stream_start, stream, previous)


def _stream(line: str, start: int) -> str:
    """The characters from ``start`` a shifted decoder may have made: GBK pairs (full-width forms folded to
    ASCII), up to whitespace, an annotation, or two ASCII characters in a row (the decoder back in step)."""
    end = start
    while end < len(line) and end - start < MAX_RUN:
        ch = line[end]
        if ch.isspace() or _ANNOTATION.match(line, end):
            break
        if ord(ch) < 0x80 and end + 1 < len(line) and ord(line[end + 1]) < 0x80 and end > start:
            end += 1  # this one may still end the run; what follows is in step
            break
        end += 1
    return line[start:end]


def judge(site: Site, line: str, model: LanguageModel = GENERAL, script: Script = ANY_SCRIPT) -> Verdict:
    """Every reading of the site that the bytes and the annotations allow, scored, best first."""
    before = _context_before(line, site.start)
    stream_end = site.stream_start + len(site.stream)
    after = _context_after(line, stream_end)

    def score(text: str) -> float:
        prior = SENTENCE_START_PRIOR if text[:1] in SENTENCE_END else 0.0
        return prior + model.log_probability(to_simplified(before + text + after))

    readings: dict[str, Reading] = {}
    for reading in _hypotheses(site, line, score, script):
        kept = readings.get(reading.text)
        if kept is None or reading.score > kept.score:
            readings[reading.text] = reading
    ranked = sorted(readings.values(), key=lambda r: (-r.score, r.text))
    return Verdict(site, tuple(ranked))


def _hypotheses(site: Site, line: str, score, script: Script) -> Iterator[Reading]:
    stream_end = site.stream_start + len(site.stream)
    if not site.remnant and all(_plausible(ch) or ord(ch) < 0x80 for ch in site.stream):
        text = "？" + _unfolded(site.stream)
        yield Reading(site.start, stream_end, text, score(text), b"", "none")
    leads = _leads(site)
    for end_in_stream, body, kind in _ends(site.stream):
        rest = site.stream[end_in_stream:]
        end = site.stream_start + end_in_stream
        pairs = _encode_pairs(body)
        if pairs is None:
            continue
        if kind == "lost-trail":
            trailing = _REMNANT.match(line, end)
            last_reading = trailing.group(1) if trailing else _annotation_at(line, end)
            if trailing:
                end, rest = trailing.end(), ""
            yield from _lost_trail_readings(site, pairs, leads, last_reading, rest, end, score, script)
            continue
        tail = site.stream[end_in_stream - 1].encode("ascii") if kind == "ascii" else b""
        last_reading = _annotation_at(line, end) if kind == "ascii" else ""
        for lead in leads:
            text = _decode_pairs(bytes([lead]) + pairs + tail)
            if text is None or not _acceptable(text, last_reading, script):
                continue
            yield Reading(site.start, end, text, score(text + _unfolded(rest)), bytes([lead]), kind)


def _lost_trail_readings(site, pairs, leads, last_reading, rest, end, score, script) -> Iterator[Reading]:
    """Both the lead and the last trail byte are lost: choose the lead on what the run says without its last
    character, then the trail byte of the best few leads (the two bytes lie a run apart)."""
    if not pairs:
        return
    heads = []
    for lead in leads:
        head = _decode_pairs(bytes([lead]) + pairs[:-1])
        if head is not None and _acceptable(head, "", script):
            heads.append((score(head), lead, head))
    heads.sort(reverse=True)
    for _, lead, head in heads[:_BEST_LEADS_FOR_LOST_TRAIL]:
        for trail in _TRAIL_BYTES:
            last = gbk_char(pairs[-1:] + bytes([trail]))
            if last is None or not _acceptable(last, last_reading, script):
                continue
            text = head + last
            yield Reading(site.start, end, text, score(text + _unfolded(rest)), bytes([lead, trail]), "lost-trail")


def _ends(stream: str) -> Iterator[tuple[int, str, str]]:
    """Where the run may end: (characters of the stream it takes, the shifted pairs in it, kind)."""
    for index, ch in enumerate(stream):
        if ch == "?":
            yield index + 1, stream[:index], "lost-trail"
        elif 0x40 <= ord(ch) <= 0x7E:
            yield index + 1, stream[:index], "ascii"
        elif ord(ch) > 0x7F and (pair := _pair_of(ch)) is not None and pair[1] < 0x80:
            yield index + 1, stream[: index + 1], "swallowed"
    if stream and ord(stream[-1]) > 0x7F:
        # The stream stops at a space or an annotation: the last trail byte met it and was lost unseen.
        yield len(stream), stream, "lost-trail"


def _leads(site: Site) -> list[int]:
    """The lost lead bytes to try: all of them, or those the annotation remnant names."""
    if not site.remnant:
        return list(_LEAD_BYTES)
    previous = _pair_of(site.previous)
    if previous is None:
        return list(_LEAD_BYTES)
    return [
        lead
        for lead in _LEAD_BYTES
        if (phantom := gbk_char(previous[1:] + bytes([lead]))) and reads_as(phantom, site.remnant)
    ]


def _annotation_at(line: str, index: int) -> str:
    match = _ANNOTATION.match(line, index)
    return match.group(1) if match else ""


def _acceptable(text: str, last_reading: str, script: Script) -> bool:
    """A reading made of ordinary characters of the page's script whose last Chinese character, where an
    annotation gives its reading, reads so."""
    chinese = [ch for ch in text if ord(ch) > 0x7F]
    if not all(_plausible(ch) and script.allows(ch) for ch in chinese):
        return False
    if last_reading and chinese:
        return reads_as(chinese[-1], last_reading)
    return True


@lru_cache(maxsize=None)
def _plausible(ch: str) -> bool:
    """CJK punctuation, or a Chinese character whose Simplified form is in GB2312 (the 6,763 characters of
    ordinary Simplified text): a reading that needs a rarer character is not a candidate."""
    if ch in CJK_PUNCTUATION:
        return True
    return is_han(ch) and all(in_gb2312(c) for c in to_simplified(ch))


@lru_cache(maxsize=None)
def reads_as(character: str, syllable: str) -> bool:
    """Whether ``syllable`` (toned, or toneless as the mirror also wrote it) is a reading of ``character``.

    >>> reads_as("現", "xiàn"), reads_as("年", "nian"), reads_as("年", "xiàn")
    (True, True, False)
    """
    toned = any(ch in TONE_VOWELS for ch in syllable)
    style = Style.TONE if toned else Style.NORMAL
    readings = pinyin(character, style=style, heteronym=True, v_to_u=True)[0]
    return syllable.replace("v", "ü") in readings


def _pair_of(ch: str) -> bytes | None:
    try:
        data = ch.encode("gb18030")
    except UnicodeEncodeError:
        return None
    return data if len(data) == 2 else None


def _encode_pairs(body: str) -> bytes | None:
    """The bytes the shifted decoder read as ``body``; ASCII in a run is a folded full-width form."""
    out = bytearray()
    for ch in body:
        pair = _pair_of(unfold(ch) if ord(ch) < 0x80 else ch)
        if pair is None:
            return None
        out += pair
    return bytes(out)


def _decode_pairs(data: bytes) -> str | None:
    """``data`` read pair by pair as GBK characters, an ASCII byte left at the end read as itself."""
    chars = []
    index = 0
    while index < len(data):
        if data[index] < 0x80:
            chars.append(chr(data[index]))
            index += 1
            continue
        ch = gbk_char(data[index : index + 2])
        if ch is None:
            return None
        chars.append(ch)
        index += 2
    return "".join(chars)


def _unfolded(text: str) -> str:
    return "".join(unfold(ch) if ch in ",;:!?()" else ch for ch in text)


def _context_before(line: str, index: int) -> str:
    text = _readable(line[max(0, index - _CONTEXT * 8) : index])
    return _chinese_tail(text)


def _context_after(line: str, index: int) -> str:
    text = _readable(line[index : index + _CONTEXT * 8])
    match = re.match(rf"[^\x00-\x7f]{{0,{_CONTEXT}}}", text)
    return match.group(0) if match else ""


def _readable(text: str) -> str:
    """Context as the reader will see it: no annotations, entities decoded, punctuation unfolded."""
    text = _ANNOTATION.sub("", text)
    text = _ENTITY.sub(lambda m: html.unescape("&" + m.group(0).lstrip("&")), text)
    return _unfolded(text)


def _chinese_tail(text: str) -> str:
    match = re.search(rf"[^\x00-\x7f]{{0,{_CONTEXT}}}$", text)
    return match.group(0) if match else ""


def repair_line(
    line: str, model: LanguageModel = GENERAL, script: Script = ANY_SCRIPT
) -> tuple[str, list[Repair], list[Verdict]]:
    """Repair every run whose reading is clear; the new line, the repairs, and the runs left unclear."""
    repairs: list[Repair] = []
    unclear: list[Verdict] = []
    taken_until = -1
    for site in find_sites(line):
        if site.start < taken_until:
            continue
        verdict = judge(site, line, model, script)
        if not verdict.is_run:
            continue
        if verdict.clear:
            best = verdict.best
            repairs.append(Repair(best.start, best.end, line[best.start : best.end], best.text))
            taken_until = best.end
        else:
            unclear.append(verdict)
            taken_until = verdict.best.end if verdict.best else site.stream_start + len(site.stream)
    for repair in reversed(repairs):
        line = line[: repair.start] + repair.after + line[repair.end :]
    return line, repairs, unclear
