"""Named cleaning rules that undo what the mirror did to the text, each recording what it changed.

A rule is a function of one line (and of the article around it, which the repair reads): it returns the new
line and the (before, after) pairs it changed. The registries :data:`RULES` (on the seed's text) and
:data:`AFTER_CONVERSION` (on the Simplified text) run them in order, line by line, so every change keeps the
line number of the seed. A rule is known by its id (``Change.rule``); its label is for display.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from html.entities import html5

from . import gbk_shift
from .chardata import (
    BIDI_AND_ZERO_WIDTH,
    GETA,
    HAN,
    HAN_RANGES,
    PRIVATE_USE_OR_REPLACEMENT,
    SYLLABLE,
    TONE_VOWELS,
    han_before,
    in_gb2312,
    is_chinese,
    is_han,
    is_private_or_replacement,
)
from .convert import standard_form, to_simplified
from .lexicon import LanguageModel
from .models import Change, Correction

Edit = tuple[str, str]


@dataclass
class ArticleText:
    """The whole text a line belongs to, for the rules that weigh a line against its article."""

    lines: list[str] = field(default_factory=list)

    @cached_property
    def model(self) -> LanguageModel:
        """The article's language model, from its intact text (runs and annotations left out)."""
        return LanguageModel.of_article(to_simplified(text) for text in self._intact)

    @cached_property
    def script(self) -> gbk_shift.Script:
        """Traditional when a tenth or more of the intact Chinese characters are not Simplified ones."""
        han = Counter(ch for text in self._intact for ch in HAN.findall(text))
        changed = sum(count for ch, count in han.items() if to_simplified(ch) != ch)  # OpenCC once a character
        total = han.total()
        return gbk_shift.Script(traditional=bool(total) and changed >= 0.1 * total, seen=frozenset(han))

    memo: dict = field(default_factory=dict)
    """The repair's judgements by the text around each run: the repair and the 〓 rule read the same runs,
    and a damage repeated along a line is judged once (see :func:`gbk_shift.judge`)."""

    @property
    def judging(self) -> tuple[LanguageModel, gbk_shift.Script, dict | None]:
        """What the repair weighs a run by: the article's model, script and memo (jieba's and any, alone)."""
        return (self.model, self.script, self.memo) if self.lines else (gbk_shift.GENERAL, gbk_shift.ANY_SCRIPT, None)

    @cached_property
    def _intact(self) -> list[str]:
        return [_INTACT_NOISE.sub(" ", line) for line in self.lines]


_INTACT_NOISE = re.compile(rf"\({SYLLABLE}\)|\?.{{0,{gbk_shift.MAX_SHIFTED_CHARACTERS}}}|[{PRIVATE_USE_OR_REPLACEMENT}]")
"""What is not the article's own text: annotations, and what follows a "?" as far as a run may reach."""
NO_ARTICLE = ArticleText()


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    fix: Callable[[str, ArticleText], tuple[str, list[Edit]]]
    warning: str = ""
    """For a rule whose every change a maintainer must hear of: the warning, with ``{before}`` for the span."""


def _substitute(pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str], line: str):
    edits: list[Edit] = []

    def record(match: re.Match[str]) -> str:
        after = replace(match)
        if after != match.group(0):
            edits.append((match.group(0), after))
        return after

    return pattern.sub(record, line), edits


def repair_gbk_shift(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """Regroup the bytes of a GBK one-byte-shift run where the reading is clear.

    >>> repair_gbk_shift("小矛盾變?yōu)榇髥栴}”")
    ('小矛盾變為大問題”', [('?yōu)榇髥栴}', '為大問題')])
    """
    if "?" not in line:
        return line, []
    new_line, repairs, _ = gbk_shift.repair_line(line, *article.judging)
    return new_line, [(r.before, r.after) for r in repairs]


def mark_unrecoverable_garble(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """Print a run no reading wins clearly as 〓 rather than as garbage; so too private-use characters.

    >>> mark_unrecoverable_garble("基層\\ue02a治理")
    ('基層〓治理', [('\\ue02a', '〓')])
    """
    edits: list[Edit] = []
    if "?" in line:
        _, _, unclear = gbk_shift.repair_line(line, *article.judging)
        for verdict in reversed(unclear):
            start, end = verdict.site.start, verdict.garbled_end
            edits.append((line[start:end], GETA))
            line = line[:start] + GETA + line[end:]
        edits.reverse()
    line, more = _substitute(_PRIVATE_OR_REPLACEMENT, lambda m: GETA, line)
    return line, edits + more


_PRIVATE_OR_REPLACEMENT = re.compile(f"[{PRIVATE_USE_OR_REPLACEMENT}]+")
_ANNOTATION = re.compile(rf"\(({SYLLABLE})\)")


def strip_pinyin_annotations(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """Drop the mirror's pinyin after a Chinese character: a toned syllable always, a toneless one (``年(nian)``)
    where it is a reading of the character; doubled ones too. Real parentheses stay.

    >>> strip_pinyin_annotations("網(wǎng)站，年(nian)(nian)底，鄉鎮(街道)，模式(mode)")
    ('網站，年底，鄉鎮(街道)，模式(mode)', [('(wǎng)', ''), ('(nian)', ''), ('(nian)', '')])
    """
    if "(" not in line:
        return line, []

    def annotation(match: re.Match[str]) -> str:
        syllable = match.group(1)
        character = han_before(line, match.start())
        if character is None:
            return match.group(0)
        toned = any(ch in TONE_VOWELS for ch in syllable)
        if toned or character == GETA or gbk_shift.reads_as(character, syllable):
            return ""
        return match.group(0)

    return _substitute(_ANNOTATION, annotation, line)


_NO_BREAK_SPACE = re.compile(
    rf"(?:(?<=^)|(?<=[\s0-9A-Za-z]))\?+(?=$|[\s0-9A-Za-z{HAN_RANGES}])"
    # Between two Chinese characters a "?" is never a space: not matched, so a line of ?基 costs no call.
    rf"|(?<=[{HAN_RANGES}])\?+(?=$|[\s0-9A-Za-z])"
)


def restore_no_break_spaces(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """A ``?`` the mirror made of a no-break space (between spaces, digits, Latin letters) becomes a space.

    >>> restore_no_break_spaces("0? ? ?引 言，0??引言，摘? ?要，D601?")[0]
    '0     引 言，0  引言，摘   要，D601 '
    """
    if "?" not in line:
        return line, []

    def space(match: re.Match[str]) -> str:
        before = line[match.start() - 1] if match.start() else ""
        after = line[match.end()] if match.end() < len(line) else ""
        beside_a_space = before.isspace() or after.isspace()  # 摘? ?要: both are no-break spaces
        after_a_code = before.isascii() and before.isalnum() and (not after or is_han(after))  # D601?, 0??引言
        alone = not before and not after
        return " " * len(match.group(0)) if beside_a_space or after_a_code or alone else match.group(0)

    return _substitute(_NO_BREAK_SPACE, space, line)


_INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c{BIDI_AND_ZERO_WIDTH}]+")


def strip_invisible_characters(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    r"""Remove what a reader cannot see and a page must not carry: C0 and C1 controls (a terminal's escape
    codes), bidirectional controls (a right-to-left override turns the text around), zero-width characters
    (they silently stop a glossary term from matching) and soft hyphens.

    >>> strip_invisible_characters("治\u200b理\u202e，\x1b[31m紅")
    ('治理，[31m紅', [('\u200b', ''), ('\u202e', ''), ('\x1b', '')])
    """
    return _substitute(_INVISIBLE, lambda m: "", line)


_NUMERIC_REFERENCE = re.compile(r"&#(?:(?P<decimal>\d{1,8})|[xX](?P<hex>[0-9a-fA-F]{1,8}));")


def drop_invalid_character_references(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """A numeric character reference to no character a text may hold (NUL, a surrogate, a control, a
    noncharacter, beyond U+10FFFF, or an invisible one such as &#x202E;) is dropped, with a warning.

    >>> drop_invalid_character_references("甲&#0;乙&#x202E;丙&#x4E01;")
    ('甲乙丙&#x4E01;', [('&#0;', ''), ('&#x202E;', '')])
    """
    if "&#" not in line:
        return line, []

    def drop(match: re.Match[str]) -> str:
        code = int(match.group("decimal")) if match.group("decimal") else int(match.group("hex"), 16)
        return "" if not _holdable(code) else match.group(0)

    return _substitute(_NUMERIC_REFERENCE, drop, line)


def _holdable(code: int) -> bool:
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE:
        return False
    return code in (0x09, 0x0A) or not _INVISIBLE.fullmatch(chr(code))


_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_BARE_ENTITY = re.compile(r"(?<=[^\x00-\x7f])(ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|nbsp|quot);")


def decode_html_entities(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """Turn entities left as text into characters, also when the mirror ate the "&".

    >>> decode_html_entities("存有ldquo;上級&rdquo;")
    ('存有“上級”', [('&rdquo;', '”'), ('ldquo;', '“')])
    """
    if ";" not in line:
        return line, []

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


def restore_fullwidth_punctuation(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
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


_QUESTION_THEN_STRETCH = re.compile(r"[?？]([^\x00-\x7f\s，。、；：！？“”‘’（）《》]+)")


def flag_residual_garble(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """The last detector: a ``?``/``？`` followed by characters no ordinary text has (outside GB2312 once
    Simplified, or private use) is garble every other rule missed; print it as 〓.

    >>> flag_residual_garble("是否會有？我們；基層？鶎又卫硇")[0]
    '是否會有？我們；基層〓'
    """
    if "?" not in line and "？" not in line:
        return line, []

    def mark(match: re.Match[str]) -> str:
        stretch = match.group(1)
        if any(is_private_or_replacement(ch) or not _ordinary(ch) for ch in stretch):
            return GETA
        return match.group(0)

    return _substitute(_QUESTION_THEN_STRETCH, mark, line)


@lru_cache(maxsize=None)
def _ordinary(ch: str) -> bool:
    return not is_han(ch) or all(in_gb2312(c) for c in to_simplified(ch))


def map_variant_characters(line: str, article: ArticleText = NO_ARTICLE) -> tuple[str, list[Edit]]:
    """Simplified text: a variant outside GB2312 that OpenCC keeps (陜) becomes its standard form (陕), by
    MediaWiki's conversion tables (zhconv), one character at a time so that no word is rewritten.

    >>> map_variant_characters("陜西")
    ('陕西', [('陜', '陕')])
    """
    edits: list[Edit] = []
    chars = list(line)
    for match in HAN.finditer(line):  # one regex pass: this rule sees every character of the article
        ch = match.group()
        if not in_gb2312(ch):
            standard = standard_form(ch)
            if standard != ch:
                chars[match.start()] = standard
                edits.append((ch, standard))
    return ("".join(chars), edits) if edits else (line, edits)


def variants_left(line: str) -> list[str]:
    """Chinese characters outside GB2312 that no table maps: rare, but a reader should be told."""
    return [ch for ch in HAN.findall(line) if not in_gb2312(ch)]


RULES: tuple[Rule, ...] = (
    Rule("strip-invisible-characters", "remove controls, bidirectional and zero-width characters", strip_invisible_characters),
    Rule("repair-gbk-shift", "repair GBK one-byte shift", repair_gbk_shift),
    Rule(
        "mark-unrecoverable-garble",
        "replace unrecoverable garble with 〓",
        mark_unrecoverable_garble,
        warning="garbled text '{before}' printed as 〓",
    ),
    Rule("strip-pinyin-annotations", "strip pinyin annotations", strip_pinyin_annotations),
    Rule("restore-no-break-spaces", "no-break spaces shown as ?", restore_no_break_spaces),
    Rule(
        "drop-invalid-character-references",
        "drop character references to no character a text may hold",
        drop_invalid_character_references,
        warning="invalid character reference {before} dropped",
    ),
    Rule("decode-html-entities", "decode HTML entities", decode_html_entities),
    Rule("restore-fullwidth-punctuation", "restore full-width punctuation", restore_fullwidth_punctuation),
    Rule(
        "flag-residual-garble",
        "garble found by the last detector, printed as 〓",
        flag_residual_garble,
        warning="garbled text '{before}' printed as 〓",
    ),
)
"""The cleaning rules in the order they run: repair first, since an annotation can confirm a repair."""

AFTER_CONVERSION: tuple[Rule, ...] = (
    Rule("map-variant-characters", "map variant characters to standard forms", map_variant_characters),
)
"""Rules on the Simplified text, after OpenCC."""

CORRECTION_RULE = "editorial-correction"
GARBLE_RULES = frozenset({"mark-unrecoverable-garble", "flag-residual-garble"})
"""The rules that print damage as 〓."""
WARNINGS: dict[str, str] = {rule.id: rule.warning for rule in RULES + AFTER_CONVERSION if rule.warning}
"""The rules whose every change is a warning, with its wording."""


def warnings_about(changes: Iterable[Change]) -> list[str]:
    """One warning per change a maintainer must hear of, naming its line (the caller adds the file)."""
    return [warning_about(change) for change in changes if change.rule in WARNINGS]


def warning_about(change: Change) -> str:
    """The warning for one change of a rule in :data:`WARNINGS`."""
    return f"line {change.line}: " + WARNINGS[change.rule].format(before=printable(change.before))


def printable(text: str, limit: int = 80) -> str:
    r"""Seed text as a log line may hold it: controls escaped, long values shortened.

    >>> printable("甲\x1b[31m" + "乙" * 100)[:12], len(printable("乙" * 100))
    ('甲\\x1b[31m乙乙乙', 81)
    """
    escaped = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return escaped if len(escaped) <= limit else escaped[:limit] + "…"
LABELS: dict[str, str] = {
    CORRECTION_RULE: "editorial correction",
    "read-mixed-encoding": "lines in another encoding read in theirs",
    "replace-undecodable-bytes": "bytes no encoding reads, printed as 〓",
    **{rule.id: rule.label for rule in RULES + AFTER_CONVERSION},
}


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


def clean_lines(lines: list[str]) -> tuple[list[str], list[Change]]:
    """The seed's decoded lines as the edition prints them: every rule, OpenCC, then the rules on the
    Simplified text; with every change, on its seed line."""
    lines, changes = apply_rules(lines)
    lines, more = apply_rules([to_simplified(line) for line in lines], AFTER_CONVERSION)
    return lines, changes + more


def apply_rules(lines: list[str], rules: tuple[Rule, ...] = RULES) -> tuple[list[str], list[Change]]:
    """Run ``rules`` over every line, in order; the cleaned lines and every change, with its seed line."""
    article = ArticleText(list(lines))
    changes: list[Change] = []
    cleaned = []
    for number, line in enumerate(lines, start=1):
        for rule in rules:
            line, edits = rule.fix(line, article)
            changes.extend(Change(rule.id, number, before, after) for before, after in edits)
        cleaned.append(line)
    return cleaned, changes
