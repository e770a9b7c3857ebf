"""How plausible a string of Simplified Chinese is, by jieba's word frequencies.

Used to choose between the readings of a damaged span. A unigram word model is crude, but it is what
decides "变为大问题" over "变洪大问题"; punctuation, which jieba's dictionary does not list, counts as a
frequent token rather than an unknown one.
"""

from __future__ import annotations

import math
import re

import jieba

jieba.setLogLevel(60)

_PUNCTUATION = "。，、；：？！“”‘’《》（）"
_PUNCTUATION_LOG_PROB = math.log(0.03)
"""About one token in thirty of running Chinese prose is punctuation."""
_SPLIT = re.compile(f"([{_PUNCTUATION}])")


def _snapshot() -> tuple[dict[str, int], float]:
    """jieba's word frequencies as shipped. Taken when this module is imported, before the build teaches
    jieba the glossary's words for search, so that a repair reads the same in every build."""
    jieba.dt.check_initialized()
    return dict(jieba.dt.FREQ), math.log(jieba.dt.total)


_FREQ, _LOG_TOTAL = _snapshot()


def log_probability(simplified: str) -> float:
    """Log-probability of the most likely segmentation of ``simplified`` (higher is more plausible)."""
    total = 0.0
    for piece in _SPLIT.split(simplified):
        if not piece:
            continue
        total += _PUNCTUATION_LOG_PROB if piece in _PUNCTUATION else _best_segmentation(piece)
    return total


def _best_segmentation(sentence: str) -> float:
    """jieba's dynamic programme over the word graph (``Tokenizer.calc``), on the frozen frequencies."""
    length = len(sentence)
    route = [0.0] * (length + 1)
    for start in range(length - 1, -1, -1):
        ends = []
        end = start
        while end < length and sentence[start : end + 1] in _FREQ:
            if _FREQ[sentence[start : end + 1]]:
                ends.append(end)
            end += 1
        ends = ends or [start]
        route[start] = max(
            math.log(_FREQ.get(sentence[start : e + 1]) or 1) - _LOG_TOTAL + route[e + 1] for e in ends
        )
    return route[0]
