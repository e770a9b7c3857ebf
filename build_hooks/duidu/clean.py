"""Named cleaning rules that undo what the mirror did to the text, each recording what it changed.

A rule is a pure function of one line: it returns the new line and the (before, after) pairs it changed.
:data:`RULES` runs them in order, line by line, so every change keeps the line number of the seed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from html.entities import html5

from . import gbk_shift
from .gbk_shift import HAN, SYLLABLE, TONE_VOWELS
from .models import Change, Correction

Edit = tuple[str, str]
RuleFunction = Callable[[str], tuple[str, list[Edit]]]

GETA = "〓"
"""The geta mark, printed where the source is damaged beyond repair."""


def _substitute(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], line: str):
    edits: list[Edit] = []

    def record(match: re.Match[str]) -> str:
        after = replace(match)
        if after != match.group(0):
            edits.append((match.group(0), after))
        return after

    return pattern.sub(record, line), edits


def repair_gbk_shift(line: str) -> tuple[str, list[Edit]]:
    """Regroup the bytes of a GBK one-byte-shift run where the reading is clear.

    >>> repair_gbk_shift("小矛盾變?yōu)榇髥栴}”")
    ('小矛盾變為大問題”', [('?yōu)榇髥栴}', '為大問題')])
    """
    new_line, repairs = gbk_shift.repair_line(line)
    return new_line, [(r.before, r.after) for r in repairs]


_PRIVATE_OR_REPLACEMENT = re.compile("[\ue000-\uf8ff\ufffd]+")


def replace_unrecoverable_garble(line: str) -> tuple[str, list[Edit]]:
    """Print what stays garbled as 〓 rather than as garbage.

    >>> replace_unrecoverable_garble("基層\\ue02a治理")
    ('基層〓治理', [('\\ue02a', '〓')])
    """
    edits: list[Edit] = []
    for match in reversed(gbk_shift.find_runs(line)):
        if gbk_shift.looks_garbled(match):
            run = match.group("run")
            edits.append((run, GETA))
            line = line[: match.start("run")] + GETA + line[match.end("run") :]
    line, more = _substitute(_PRIVATE_OR_REPLACEMENT, lambda m: GETA, line)
    return line, list(reversed(edits)) + more


_ANNOTATION = re.compile(rf"(?<=[{HAN}{GETA}])\((?={SYLLABLE}\))([a-zü]*[{TONE_VOWELS}][a-zü{TONE_VOWELS}]*)\)")


def strip_pinyin_annotations(line: str) -> tuple[str, list[Edit]]:
    """Drop a tone-marked pinyin syllable in parentheses after a Han character; keep real parentheses.

    >>> strip_pinyin_annotations("網(wǎng)站，鄉鎮(街道)")
    ('網站，鄉鎮(街道)', [('(wǎng)', '')])
    """
    return _substitute(_ANNOTATION, lambda m: "", line)


_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_BARE_ENTITY = re.compile(r"(?<=[^\x00-\x7f])(ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|nbsp|quot);")


def decode_html_entities(line: str) -> tuple[str, list[Edit]]:
    """Turn entities left as text into characters, also when the mirror ate the "&".

    >>> decode_html_entities("存有ldquo;上級&rdquo;")
    ('存有“上級”', [('&rdquo;', '”'), ('ldquo;', '“')])
    """

    def decode(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#") or f"{name};" in html5:
            return html.unescape(match.group(0))
        return match.group(0)

    line, edits = _substitute(_ENTITY, decode, line)
    line, more = _substitute(_BARE_ENTITY, lambda m: html5[m.group(1) + ";"], line)
    return line, edits + more


_FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_FLATTENED = re.compile(r"[,:;?!()]")


def is_chinese(ch: str) -> bool:
    """Han characters, CJK punctuation and full-width forms, and the 〓 mark."""
    return bool(ch) and (
        "\u3000" <= ch <= "\u303f"
        or "\u3400" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’…—·"
    )


def restore_fullwidth_punctuation(line: str) -> tuple[str, list[Edit]]:
    """Give Chinese text back its full-width ，：；？！（）; Latin and number context keeps ASCII.

    A mark is Chinese when the character before it is; a bracket pair is Chinese when either bracket
    touches Chinese on its outer side or its content starts with Chinese. A space the flattening left
    after a full-width mark goes too.

    >>> restore_fullwidth_punctuation("鄉鎮(街道)工作, 項目編號:22BDJ114, f(x, y)")[0]
    '鄉鎮（街道）工作，項目編號：22BDJ114, f(x, y)'
    """
    if not _FLATTENED.search(line):
        return line, []
    chars = list(line)
    chinese_brackets = _chinese_bracket_positions(line)
    edits: list[Edit] = []
    for index, ch in enumerate(chars):
        if ch not in _FULLWIDTH:
            continue
        previous = line[index - 1] if index else ""
        if ch in "()":
            convert = index in chinese_brackets
        else:
            convert = is_chinese(previous) or (previous in "）)" and index - 1 in chinese_brackets)
        if convert:
            chars[index] = _FULLWIDTH[ch]
    result = "".join(chars)
    for before, after in zip(line, result):
        if before != after:
            edits.append((before, after))
    result, spaces = _substitute(re.compile(r"(?<=[，：；？！])[ \u00a0]+(?=\S)"), lambda m: "", result)
    return result, edits + spaces


def _chinese_bracket_positions(line: str) -> set[int]:
    positions: set[int] = set()
    stack: list[int] = []
    for index, ch in enumerate(line):
        if ch == "(":
            stack.append(index)
        elif ch == ")" and stack:
            opening = stack.pop()
            outside = (line[opening - 1] if opening else "", line[index + 1] if index + 1 < len(line) else "")
            inside_start = line[opening + 1] if opening + 1 < index else ""
            if any(is_chinese(c) for c in outside) or is_chinese(inside_start):
                positions.update((opening, index))
    return positions


RULES: tuple[tuple[str, RuleFunction], ...] = (
    ("repair GBK one-byte shift", repair_gbk_shift),
    ("replace unrecoverable garble with 〓", replace_unrecoverable_garble),
    ("strip pinyin annotations", strip_pinyin_annotations),
    ("decode HTML entities", decode_html_entities),
    ("restore full-width punctuation", restore_fullwidth_punctuation),
)
"""The cleaning rules in the order they run: repair first, since an annotation can confirm a repair."""

CORRECTION_RULE = "editorial correction"
GARBLE_RULE = RULES[1][0]


def apply_corrections(lines: list[str], corrections: Iterable[Correction]) -> tuple[list[str], list[Change]]:
    """Apply each editorial correction wherever its source form stands."""
    changes: list[Change] = []
    lines = list(lines)
    for correction in corrections:
        for number, line in enumerate(lines, start=1):
            if correction.source in line:
                changes.extend(
                    Change(CORRECTION_RULE, number, correction.source, correction.corrected)
                    for _ in range(line.count(correction.source))
                )
                lines[number - 1] = line.replace(correction.source, correction.corrected)
    return lines, changes


def apply_rules(lines: list[str]) -> tuple[list[str], list[Change]]:
    changes: list[Change] = []
    cleaned = []
    for number, line in enumerate(lines, start=1):
        for name, rule in RULES:
            line, edits = rule(line)
            changes.extend(Change(name, number, before, after) for before, after in edits)
        cleaned.append(line)
    return cleaned, changes
