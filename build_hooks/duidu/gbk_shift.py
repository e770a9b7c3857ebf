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
import math
import re
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from pypinyin import Style, pinyin

from .chardata import (
    CJK_PUNCTUATION,
    SENTENCE_END,
    SYLLABLE,
    TONE_VOWELS,
    gbk_char,
    gbk_pair,
    han_before,
    in_gb2312,
    is_han,
    unfold,
)
from .convert import is_simplified_only, is_taiwan_form, standard_form, to_simplified
from .lexicon import GENERAL, LanguageModel, is_word

CLEAR_MARGIN = 4.6
"""ln(100): the winning reading must be a hundred times more probable than the next."""
SENTENCE_START_PRIOR = 3.0
"""ln(20): the mirror's damage starts at sentence starts, so the lost character is most often 。 (A1 A3),
far more often than its share of running text (which the language model already counts) says."""
MAX_RUN = 80
"""Characters a run may span: the decoder falls back in step at the first ASCII byte, never far off."""
KEPT_READINGS = 16
"""Readings a verdict keeps: enough to show a maintainer, and to find where unclear damage ends."""
MAX_ENDS = 6
"""Ends of a run to weigh: a shifted pair's second byte is a lead byte, so no pair inside a run looks like a
swallowed end, and only a folded full-width form (rare past the first pair) looks like an ASCII end."""
MAX_SHIFTED_CHARACTERS = 24
"""Characters after a "?" that may be shifted pairs rather than the article's own text (runs seen are 3–25)."""
_CONTEXT = 8
_LEAD_BYTES = range(0x81, 0xFF)
_TRAIL_BYTES = [*range(0x40, 0x7F), *range(0x80, 0xFF)]
_BEST_LEADS_FOR_LOST_TRAIL = 8
_BEST_LAST_CHARACTERS = 8
_ANNOTATION = re.compile(rf"\(({SYLLABLE})\)")
_REMNANT = re.compile(rf"({SYLLABLE})\)")
_ENTITY = re.compile(r"&?(?:[a-z]+|#\d+);")
_ASCII_RUN = re.compile(r"[\x00-\x7f]+")
_FOLDED_PUNCTUATION = ",;:!?()"
_LATIN_IN_PROSE = -9.2
"""ln(1/10,000): a Latin letter or digit standing inside Chinese prose, as the text after a real question
mark would have it where a run has a folded form or an end byte."""


@dataclass(frozen=True)
class Script:
    """Which characters the page can hold. The mirror's text is Taiwan Traditional made from Simplified, so
    a Simplified-only character (盗 for 盜), or a Traditional one the conversion does not write (曏 for 向), is
    no reading of it, unless the article uses it intact."""

    traditional: bool = False
    seen: frozenset[str] = frozenset()

    def allows(self, ch: str) -> bool:
        return not self.traditional or ch in self.seen or (not is_simplified_only(ch) and is_taiwan_form(ch))


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
    """The Chinese character before the run (its trail byte met the lost lead byte), or "" at the start of
    a line or after anything else."""
    remnant_end: int = 0
    """Past the annotation remnant after a final "?" (``?dǎo)``), which is part of the damage; else 0."""


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
    """The best :data:`KEPT_READINGS` readings, best first."""
    script: Script = ANY_SCRIPT
    considered: int = 0
    """How many readings the bytes allowed in all."""

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
    def garbled_end(self) -> int:
        """Where the damage of an unclear run ends: past every character of the stream no text has, and past
        the end of the likeliest readings (those within the margin of the best)."""
        site = self.site
        ends = [r.end for r in self.readings if r.kind != "none" and self.readings[0].score - r.score < CLEAR_MARGIN]
        odd = _odd_positions(site.stream, self.script)
        stream_odd_end = site.stream_start + max(odd) if odd else site.start + 1
        if odd:
            # The run goes on to the ASCII byte that put the decoder back in step (歷 = 9A 76 ends on "v").
            rest = site.stream[max(odd) :]
            step = re.match(r"[^\x00-\x7f。，、；：“”]*[\x40-\x7e]", rest)
            stream_odd_end += step.end() if step else 0
        end = max([stream_odd_end, site.stream_start, *ends])
        line_end = site.stream_start + len(site.stream)
        while end < line_end and site.stream[end - site.stream_start] == "?":
            end += 1  # a lost byte beside it is the same damage
        return max(end, site.remnant_end)

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
    previous = han_before(line, index) or ""
    remnant = _REMNANT.match(line, index + 1)
    stream_start = remnant.end() if remnant else index + 1
    stream = _stream(line, stream_start)
    after_stream = stream_start + len(stream)
    if not stream:
        return None
    if not any(ord(ch) > 0x7F for ch in stream):
        # ASCII after a "?" is a run only where the mirror annotated the end as a character: ?,F(xiàn), or
        # a lost trail byte that took the "(" of the annotation with it: ??duì).
        ends_annotated = _ANNOTATION.match(line, after_stream) or (
            stream.endswith("?") and _REMNANT.match(line, after_stream)
        )
        if not ends_annotated:
            return None
    trailing = _REMNANT.match(line, after_stream) if stream.endswith("?") else None
    return Site(
        index, remnant.group(1) if remnant else "", stream_start, stream, previous, trailing.end() if trailing else 0
    )


def _stream(line: str, start: int) -> str:
    """The characters from ``start`` a shifted decoder may have made: GBK pairs (full-width forms folded to
    ASCII), up to whitespace, an annotation, or two ASCII characters in a row (the decoder back in step)."""
    end = start
    while end < len(line) and end - start < MAX_RUN:
        ch = line[end]
        if ch.isspace() or (ch == "(" and _ANNOTATION.match(line, end)):
            break
        if ch == "?" and (end > start or _REMNANT.match(line, end + 1)):
            # A "?" ends a run (a lost trail byte, perhaps with the "(" of an annotation: ??duì), unless it
            # is its first pair, the folded ？ of 。's trail byte and the next lead byte.
            end += 1
            break
        if ord(ch) < 0x80 and end + 1 < len(line) and ord(line[end + 1]) < 0x80 and end > start:
            end += 1  # this one may still end the run; what follows is in step
            break
        end += 1
    return line[start:end]


_WINDOW = 64
"""Characters either side of a run that its judgement reads (context, annotations after it)."""


def judge(
    site: Site, line: str, model: LanguageModel = GENERAL, script: Script = ANY_SCRIPT, memo: dict | None = None
) -> Verdict:
    """Every reading of the site that the bytes and the annotations allow, scored, best first.

    With a ``memo``, a site whose surroundings were judged before (the same window of text) is not judged
    again: so a line of the same damage repeated costs one judgement, and every run is judged in time
    bounded by the window, whatever the length of the line.
    """
    low = max(0, site.start - _WINDOW)
    window = line[low : site.stream_start + len(site.stream) + _WINDOW]
    at_line_start = not line[: site.start].strip(" ?\u3000")  # no-break spaces the mirror made "?" may indent it
    local = replace(site, start=site.start - low, stream_start=site.stream_start - low,
                    remnant_end=site.remnant_end - low if site.remnant_end else 0)
    key = (window, local, at_line_start)
    if memo is None or key not in memo:
        verdict = _judge_window(local, window, at_line_start, model, script)
        if memo is not None:
            memo[key] = verdict
    else:
        verdict = memo[key]
    return _shifted(verdict, low) if low else verdict


def _shifted(verdict: Verdict, offset: int) -> Verdict:
    """The verdict on a window, placed in the line (built directly: ``dataclasses.replace`` is slow)."""
    site = verdict.site
    site = Site(
        site.start + offset,
        site.remnant,
        site.stream_start + offset,
        site.stream,
        site.previous,
        site.remnant_end + offset if site.remnant_end else 0,
    )
    readings = tuple(
        Reading(r.start + offset, r.end + offset, r.text, r.score, r.lost_bytes, r.kind) for r in verdict.readings
    )
    return Verdict(site, readings, verdict.script, verdict.considered)


UNWEIGHED = math.nan
"""The score of the text as printed while no other reading competes with it: most "?" of a page stand alone,
and weighing them would cost the article's language model for nothing."""


def _judge_window(site: Site, line: str, at_line_start: bool, model: LanguageModel, script: Script) -> Verdict:
    stream_end = site.stream_start + len(site.stream)

    @cache  # read when a reading is first weighed: a "?" standing alone never is
    def context() -> tuple[str, str]:
        return _context_before(line, site.start), _context_after(line, max(stream_end, site.remnant_end))

    def score(text: str, prior: float = 0.0) -> float:
        # The Chinese is weighed by the model; a Latin letter or digit the hypothesis puts in the text costs
        # what such a character costs in Chinese prose.
        before, after = context()
        pieces = _ASCII_RUN.split(to_simplified(before + text + after))
        latin = sum(1 for ch in text if ch.isascii() and ch.isalnum())
        return prior + latin * _LATIN_IN_PROSE + sum(model.log_probability(piece) for piece in pieces if piece)

    # A reading that leaves garbage after it explains too little of the damage.
    candidates = [
        reading
        for reading in _hypotheses(site, line, score, script, at_line_start)
        if reading.kind == "none" or not _odd_positions(line[reading.end : stream_end], ANY_SCRIPT)
    ]
    if len(candidates) > 1:
        # The text as printed is weighed only when another reading competes with it (see UNWEIGHED).
        candidates = [replace(r, score=score(r.text)) if math.isnan(r.score) else r for r in candidates]
    readings: dict[str, Reading] = {}
    for reading in candidates:
        # Two ends can make the same text, and two variants (說, 説) the same Simplified text.
        output = to_simplified(reading.text + line[reading.end : stream_end])
        kept = readings.get(output)
        if kept is None or reading.score > kept.score:
            readings[output] = reading
    ranked = sorted(readings.values(), key=lambda r: (-r.score, r.text))
    return Verdict(site, tuple(ranked[:KEPT_READINGS]), script, len(ranked))


def _hypotheses(site: Site, line: str, score, script: Script, at_line_start: bool) -> Iterator[Reading]:
    stream_end = site.stream_start + len(site.stream)
    if _could_be_intact(site, line):
        # A "?" that is what it looks like: a question mark, or a no-break space indenting the line.
        previous = line[site.start - 1] if site.start else ""
        if at_line_start or previous.isspace() or (previous.isascii() and previous.isalnum()):
            # Where a space may stand (a line's indent, 0??引言) the "?"s may be no-break spaces.
            indent = len(site.stream) - len(site.stream.lstrip("?"))
            text = " " * (1 + indent) + _unfolded(site.stream[indent:])
        else:
            text = "？" + _unfolded(site.stream)
        yield Reading(site.start, stream_end, text, UNWEIGHED, b"", "none")
    leads = _leads(site)
    # A "?" with an annotation remnant after it is a lost trail byte that took the "(" with it: the run
    # surely ends there, at the character the remnant gives the reading of.
    for end_in_stream, body, kind in _ends(site.stream):
        if site.remnant_end and end_in_stream != len(site.stream):
            continue
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
            yield from _lost_trail_readings(site, pairs, leads, last_reading, rest, end, score, script, at_line_start)
            continue
        tail = site.stream[end_in_stream - 1].encode("ascii") if kind == "ascii" else b""
        last_reading = _annotation_at(line, end) if kind == "ascii" else ""
        for lead, text in _readings_by_lead(leads, pairs + tail, last_reading, script):
            prior = _start_prior(text, at_line_start)
            if prior is None:
                continue
            yield Reading(site.start, end, text, score(text + _unfolded(rest), prior), bytes([lead]), kind)


def _readings_by_lead(
    leads: list[int], data: bytes, last_reading: str, script: Script
) -> Iterator[tuple[int, str]]:
    """(lead, reading) for each lead byte before ``data`` whose reading is acceptable (see :func:`_acceptable`).

    Only the first character depends on the lead byte: the rest of ``data`` is read, and judged, once.
    """
    if not data:
        return
    rest = _decode_pairs(data[1:])
    if rest is None or not _acceptable(rest, "", script):
        return
    rest_has_chinese = any(ord(ch) > 0x7F for ch in rest)
    if last_reading and rest_has_chinese and not _acceptable(rest, last_reading, script):
        return
    firsts = _ordinary_with_trail(data[0])
    for lead in leads:
        first = firsts.get(lead)
        if first is None or not _acceptable(first, "" if rest_has_chinese else last_reading, script):
            continue
        yield lead, first + rest


def _start_prior(text: str, at_line_start: bool) -> float | None:
    """The prior of a reading's first character: a sentence end is likely (see :data:`SENTENCE_START_PRIOR`),
    except at the start of a line, where it is impossible (None)."""
    if text[:1] in SENTENCE_END:
        return None if at_line_start else SENTENCE_START_PRIOR
    return 0.0


def _odd_positions(stream: str, script: Script) -> list[int]:
    """Past each character no text of the page's script has, up to the first punctuation mark a shifted
    decoder seldom makes (so the intact text after a run is not counted)."""
    shifted = re.split("[。，、；：“”]", stream, maxsplit=1)[0]
    return [i + 1 for i, ch in enumerate(shifted) if ord(ch) > 0x7F and not (_plausible(ch) and script.allows(ch))]


def _could_be_intact(site: Site, line: str) -> bool:
    """Whether the "?" may stand before intact text: not before an annotation remnant, not before
    characters no text has, and not where an annotation follows an ASCII character (the mirror annotated
    only what it read as Chinese)."""
    stream_end = site.stream_start + len(site.stream)
    annotated_ascii = ord(site.stream[-1]) < 0x80 and _ANNOTATION.match(line, stream_end)
    return not (
        site.remnant
        or site.remnant_end
        or annotated_ascii
        or not all(_plausible(ch) or ord(ch) < 0x80 for ch in site.stream)
    )


def _lost_trail_readings(site, pairs, leads, last_reading, rest, end, score, script, at_line_start) -> Iterator[Reading]:
    """Both the lead and the last trail byte are lost: choose the lead on what the run says without its last
    character, then the trail byte of the best few leads (the two bytes lie a run apart)."""
    if not pairs:
        # Nothing between the two lost bytes: one character, which an annotation names, or else one that
        # makes a word with what follows (摘 before 要：, the space between them lost with its trail byte).
        following = to_simplified(_unfolded(rest)[:2])
        for lead in leads:
            for trail, ch in _ordinary_with_lead(lead):
                if not _acceptable(ch, last_reading, script) or _start_prior(ch, at_line_start) is None:
                    continue
                if last_reading or is_word(to_simplified(ch) + following[:1]) or is_word(to_simplified(ch) + following):
                    yield Reading(site.start, end, ch, score(ch + _unfolded(rest)), bytes([lead, trail]), "lost-trail")
        return
    heads = []
    for lead, head in _readings_by_lead(leads, pairs[:-1], "", script):
        prior = _start_prior(head, at_line_start)
        if prior is not None:
            heads.append((score(head, prior), lead, head, prior))
    heads.sort(reverse=True)
    heads = heads[:_BEST_LEADS_FOR_LOST_TRAIL]
    if not heads:
        return
    # The last character's lead byte is known: its candidates are the same after every head, so they are
    # ranked once, after the best head, and the best few are read after each of the best heads.
    lasts = []
    _, _, best_head, best_prior = heads[0]
    for trail, last in _ordinary_with_lead(pairs[-1]):
        if _acceptable(last, last_reading, script):
            lasts.append((score(best_head + last + _unfolded(rest), best_prior), trail, last))
    lasts.sort(reverse=True)
    for _, lead, head, prior in heads:
        for _, trail, last in lasts[:_BEST_LAST_CHARACTERS]:
            text = head + last
            yield Reading(site.start, end, text, score(text + _unfolded(rest), prior), bytes([lead, trail]), "lost-trail")


def _ends(stream: str) -> Iterator[tuple[int, str, str]]:
    """Where the run may end: (characters of the stream it takes, the shifted pairs in it, kind); at most
    :data:`MAX_ENDS` of them, since inside a run only a folded full-width form can look like an end."""
    yield from islice(_every_end(stream), MAX_ENDS)


def _every_end(stream: str) -> Iterator[tuple[int, str, str]]:
    for index, ch in enumerate(stream):
        if ch == "?":
            yield index + 1, stream[:index], "lost-trail"
        elif 0x40 <= ord(ch) <= 0x7E:
            yield index + 1, stream[:index], "ascii"
        elif ord(ch) > 0x7F and (pair := gbk_pair(ch)) is not None and pair[1] < 0x80:
            yield index + 1, stream[: index + 1], "swallowed"
    if stream and ord(stream[-1]) > 0x7F:
        # The stream stops at a space or an annotation: the last trail byte met it and was lost unseen.
        yield len(stream), stream, "lost-trail"


def _leads(site: Site) -> list[int]:
    """The lost lead bytes to try: all of them, or those the annotation remnant names."""
    if not site.remnant or not site.previous:
        return list(_LEAD_BYTES)
    previous = gbk_pair(site.previous)
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
def _ordinary_with_lead(lead: int) -> tuple[tuple[int, str], ...]:
    """(trail byte, character) for every ordinary character (see :func:`_plausible`) with this lead byte: the
    candidates for a lost trail byte, a third of all the codes."""
    return tuple((trail, ch) for trail in _TRAIL_BYTES if (ch := gbk_char(bytes([lead, trail]))) and _plausible(ch))


@lru_cache(maxsize=None)
def _ordinary_with_trail(trail: int) -> dict[int, str]:
    """Lead byte → ordinary character for every one with this trail byte: the candidates for a lost lead byte."""
    return {lead: ch for lead in _LEAD_BYTES if (ch := gbk_char(bytes([lead, trail]))) and _plausible(ch)}


@lru_cache(maxsize=None)
def _plausible(ch: str) -> bool:
    """CJK punctuation, or a Chinese character whose Simplified form is in GB2312 (the 6,763 characters of
    ordinary Simplified text): a reading that needs a rarer character is not a candidate."""
    if ch in CJK_PUNCTUATION:
        return True
    return is_han(ch) and all(in_gb2312(standard_form(c)) for c in to_simplified(ch))


def reads_as(character: str, syllable: str) -> bool:
    """Whether ``syllable`` (toned, or toneless as the mirror also wrote it) is a reading of ``character``.

    >>> reads_as("現", "xiàn"), reads_as("年", "nian"), reads_as("年", "xiàn")
    (True, True, False)
    """
    toned = any(ch in TONE_VOWELS for ch in syllable)
    return syllable.replace("v", "ü") in _readings(character, toned)


@lru_cache(maxsize=None)
def _readings(character: str, toned: bool) -> frozenset[str]:
    """Every reading pypinyin knows for ``character``, with tone marks or without: asked once a character."""
    style = Style.TONE if toned else Style.NORMAL
    # pypinyin knows some Traditional characters less well than their Simplified forms (績 jī, 绩 jì jī).
    forms = {character, to_simplified(character), standard_form(character)}
    return frozenset(r for form in forms for r in pinyin(form, style=style, heteronym=True, v_to_u=True)[0])


def _encode_pairs(body: str) -> bytes | None:
    """The bytes the shifted decoder read as ``body``; ASCII in a run is a folded full-width form."""
    out = bytearray()
    for ch in body:
        pair = gbk_pair(unfold(ch) if ord(ch) < 0x80 else ch)
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
    return "".join(unfold(ch) if ch in _FOLDED_PUNCTUATION else ch for ch in text)


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


MAX_SITES_PER_CHARACTER = 1 / 20
"""The mirror's runs are a few per paragraph; a line with a "?" every twenty characters is no such page."""


def too_dense(line: str) -> bool:
    """Whether ``line`` has too many "?" to weigh one by one (at least 16, and one per twenty characters).

    >>> too_dense("?基" * 100), too_dense("是否?" * 3 + "正文" * 40)
    (True, False)
    """
    count = line.count("?")
    return count >= 16 and count > len(line) * MAX_SITES_PER_CHARACTER


def repair_line(
    line: str, model: LanguageModel = GENERAL, script: Script = ANY_SCRIPT, memo: dict | None = None
) -> tuple[str, list[Repair], list[Verdict]]:
    """Repair every run whose reading is clear; the new line, the repairs, and the runs left unclear.

    A line with more "?" than any page of the mirror family has (:func:`too_dense`) is left to the last
    detector (``clean.flag_residual_garble``), which marks what is garbled at a cost linear in the line.
    """
    if too_dense(line):
        return line, [], []
    repairs: list[Repair] = []
    unclear: list[Verdict] = []
    taken_until = -1
    for site in find_sites(line):
        if site.start < taken_until:
            continue
        verdict = judge(site, line, model, script, memo)
        if not verdict.is_run:
            continue
        if verdict.clear:
            best = verdict.best
            repairs.append(Repair(best.start, best.end, line[best.start : best.end], best.text))
            taken_until = best.end
        else:
            unclear.append(verdict)
            taken_until = verdict.garbled_end
    for repair in reversed(repairs):
        line = line[: repair.start] + repair.after + line[repair.end :]
    return line, repairs, unclear
