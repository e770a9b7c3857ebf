"""How plausible a string of Simplified Chinese is, by jieba's word frequencies.

Used to choose between the readings of a damaged span. A unigram word model is crude, but it is what
decides "变为大问题" over "变洪大问题"; punctuation, which jieba's dictionary does not list, counts as a
frequent token rather than an unknown one.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import jieba

jieba.setLogLevel(60)

_PUNCTUATION = "。，、；：？！“”‘’《》（）"
_PUNCTUATION_LOG_PROB = math.log(0.03)
"""About one token in thirty of running Chinese prose is punctuation."""
_SPLIT = re.compile(f"([{_PUNCTUATION}])")


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    jieba.dt.check_initialized()
    return jieba.dt


def log_probability(simplified: str) -> float:
    """Log-probability of the most likely segmentation of ``simplified`` (higher is more plausible)."""
    tokenizer = _tokenizer()
    total = 0.0
    for piece in _SPLIT.split(simplified):
        if not piece:
            continue
        if piece in _PUNCTUATION:
            total += _PUNCTUATION_LOG_PROB
            continue
        dag = tokenizer.get_DAG(piece)
        route: dict[int, tuple[float, int]] = {}
        tokenizer.calc(piece, dag, route)
        total += route[0][0]
    return total
