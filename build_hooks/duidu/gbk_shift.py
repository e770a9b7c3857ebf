"""The GBK one-byte-shift mojibake: find the garbled runs and recover what the bytes allow.

The mirror decoded the page's GBK bytes one byte off: the lead byte of one character was lost (it shows
as ``?``), every following pair regrouped across character boundaries, and the decoder fell back in step at
the next ASCII byte, which it read as the trail byte of the last pair. So a run looks like::

    ?  [remnant "yōu)"]  garbled CJK …  tail byte (an ASCII letter, "}" or another "?")

and the original bytes are: lost lead byte + the run re-encoded + the tail byte. Which lead byte was lost
the bytes alone do not say; every candidate that decodes to ordinary characters is read, and the most
plausible reading (by word frequency, see :mod:`lexicon`) wins, if it wins clearly and a pinyin annotation after the run, where there
is one, agrees. A run that no reading wins clearly is left to the corrections file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, pinyin

from .convert import to_simplified
from .lexicon import log_probability

TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SYLLABLE = f"[a-zü{TONE_VOWELS}]+"
HAN = "\u3400-\u4dbf\u4e00-\u9fff"

GARBLED_RUN = re.compile(
    rf"(?<=[{HAN}])(?:\({SYLLABLE}\))?"  # an intact character, perhaps with its reading
    rf"(?P<run>\?"  # the lost lead byte
    rf"(?P<remnant>{SYLLABLE}\))?"  # an annotation whose "(" went into the "?"
    r"(?P<body>(?:[^\x00-\x7f]|[,;:])+)"  # the regrouped pairs (punctuation folded to ASCII since)
    r"(?P<tail>[\x40-\x7e?])"  # the byte that put the decoder back in step
    r")"
    rf"(?P<annotation>\({SYLLABLE}\))?"  # the reading of the last repaired character, if given
)

_FOLDED = {",": "，", ";": "；", ":": "："}
_CJK_PUNCTUATION = "。，、；：？！“”"
_CONTEXT = 6
CLEAR_MARGIN = 4.6
"""ln(100): the winning reading must be a hundred times more probable than the next."""


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    before: str
    after: str


def find_runs(line: str) -> list[re.Match[str]]:
    return list(GARBLED_RUN.finditer(line))


def repair_line(line: str) -> tuple[str, list[Repair]]:
    """Repair every recoverable garbled run in ``line``; the new line and the repairs made.

    What stays garbled is found again, and marked, by the rule that runs next (clean.replace_unrecoverable_garble).
    """
    repairs: list[Repair] = []
    for match in find_runs(line):
        reading = recover(match, line)
        if reading is not None:
            repairs.append(Repair(match.start("run"), match.end("run"), match.group("run"), reading))
    for repair in reversed(repairs):
        line = line[: repair.start] + repair.after + line[repair.end :]
    return line, repairs


def recover(match: re.Match[str], line: str) -> str | None:
    """The clear winner among the readings of a garbled run, or None."""
    body = "".join(_FOLDED.get(ch, ch) for ch in match.group("body"))
    try:
        body_bytes = body.encode("gb18030")
    except UnicodeEncodeError:
        return None
    tail = match.group("tail")
    before = _han_context(line[: match.start("run")][::-1])[::-1]
    after = _han_context(line[match.end("run") :])
    annotation = match.group("annotation")

    def score(reading: str) -> float:
        return log_probability(to_simplified(before + reading + after))

    leads = _readings(lambda lead: bytes([lead]) + body_bytes + (b"\x40" if tail == "?" else tail.encode()))
    if tail == "?":
        # The tail was a lost trail byte too: choose the lead with the last pair held fixed, then the trail.
        leads = _best(leads, lambda r: score(r[:-1]))
        if leads is None:
            return None
        head = leads[:-1].encode("gb18030") + body_bytes[-1:]
        # head ends in the last lead byte; try every trail byte after it.
        candidates = _readings(lambda trail: head + bytes([trail]), _TRAIL_BYTES)
        if annotation:
            candidates = [c for c in candidates if _reads_as(c[-1], annotation)]
        return _best(candidates, score)
    if annotation:
        leads = [r for r in leads if _reads_as(r[-1], annotation)]
    original = match.group("run").replace("?", "？")
    winner = _best(leads + [original], score)
    if winner is None or winner == original:
        return None
    return winner


def looks_garbled(match: re.Match[str]) -> bool:
    """Whether an unrecovered run is garbage rather than a real "?" before prose.

    An annotation remnant, a lost tail byte, private-use or replacement characters, or many characters
    outside GB2312 (a random GBK pair mostly lands outside it) give it away.
    """
    text = match.group("run")
    return (
        bool(match.group("remnant"))
        or match.group("tail") == "?"
        or any(_is_private_or_replacement(ch) for ch in text)
        or _rare_share(text) >= 0.2
    )


_LEAD_BYTES = range(0x81, 0xFF)
_TRAIL_BYTES = [*range(0x40, 0x7F), *range(0x80, 0xFF)]


def _readings(make_bytes, byte_values=_LEAD_BYTES) -> list[str]:
    """Every way ``make_bytes(b)`` decodes as whole two-byte CJK characters, for each candidate byte b."""
    readings = []
    for value in byte_values:
        data = make_bytes(value)
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            continue
        if len(text) * 2 == len(data) and all(_is_common(ch) for ch in text):
            readings.append(text)
    return readings


def _best(readings: list[str], score) -> str | None:
    if not readings:
        return None
    scored = sorted(((score(r), r) for r in readings), reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] < CLEAR_MARGIN:
        return None
    return scored[0][1]


def _reads_as(character: str, annotation: str) -> bool:
    syllable = annotation.strip("()")
    readings = pinyin(character, style=Style.TONE, heteronym=True)[0]
    return syllable in readings


def _han_context(text: str) -> str:
    """Up to a few Han characters from the start of ``text``, skipping pinyin annotations."""
    text = re.sub(rf"\({SYLLABLE}\)|\){SYLLABLE}\(", "", text[: _CONTEXT * 8])
    match = re.match(rf"[{HAN}{_CJK_PUNCTUATION}]*", text)
    return match.group(0)[:_CONTEXT] if match else ""


def _is_cjk(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff") or ch in _CJK_PUNCTUATION


@lru_cache(maxsize=None)
def _is_common(ch: str) -> bool:
    """CJK punctuation, or a character whose Simplified form is in GB2312 (the 6,763 characters of ordinary
    Simplified text): a reading that needs a rarer character is not a candidate."""
    return ch in _CJK_PUNCTUATION or (_is_cjk(ch) and _in_gb2312(to_simplified(ch)))


def _is_private_or_replacement(ch: str) -> bool:
    return "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd"


def _rare_share(text: str) -> float:
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for ch in han if not _is_common(ch)) / len(han)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
