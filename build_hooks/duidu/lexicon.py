"""How plausible a string of Simplified Chinese is: jieba's word frequencies, with the article's own text.

Used to choose between the readings of a damaged span. jieba's dictionary knows the language; the article
knows itself: the words and character pairs it uses elsewhere (后遗症, 条块, its own names) are far more
likely in a damaged span of it than their general frequency says. :class:`LanguageModel` mixes the two, a
classic cache model: every token of the best segmentation costs ``log((1-λ)·P_jieba + λ·P_article)``.
Punctuation, which jieba's dictionary does not list, counts as a frequent token rather than an unknown one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, cached_property

import jieba

from .chardata import CJK_PUNCTUATION, HAN_RANGES

jieba.setLogLevel(60)

_PUNCTUATION_LOG_PROB = math.log(0.03)
"""About one token in thirty of running Chinese prose is punctuation."""
_SPLIT = re.compile(f"([{re.escape(CJK_PUNCTUATION)}])")
_HAN_STRETCH = re.compile(f"[{HAN_RANGES}]{{2,}}")
ARTICLE_WEIGHT = 0.3
"""λ: the share of a token's probability that comes from the article's own text."""
_LONGEST_ARTICLE_TOKEN = 4
_KNOWN_SCORES = 1 << 16
"""How many scored strings a model keeps; memory stays bounded on any input."""


@cache
def frequencies() -> tuple[dict[str, int], int]:
    """jieba's word frequencies as shipped, and their total: loaded (a second) the first time a repair or a
    decoding asks, so that a build whose editions all come from the cache never loads them. A copy, so that
    a word taught to jieba elsewhere never changes a repair."""
    jieba.dt.check_initialized()
    return dict(jieba.dt.FREQ), jieba.dt.total


_GENERAL_COSTS: dict[str, float] = {}
"""The cost of each dictionary word met so far, outside any article (at most one entry per word of jieba's)."""


def _general_cost(word: str) -> float:
    freq, total = frequencies()
    cost = _GENERAL_COSTS[word] = math.log((1 - ARTICLE_WEIGHT) * freq[word] / total)
    return cost


class LanguageModel:
    """jieba's unigram word model, optionally mixed with the counts of one article's own tokens."""

    def __init__(self, count_tokens: Callable[[], Counter[str]] | None = None) -> None:
        """jieba's frequencies alone, or mixed with the article tokens ``count_tokens`` returns when the model
        is first asked (an article whose every "?" stands alone never asks: see gbk_shift.UNWEIGHED)."""
        self._count_tokens = count_tokens
        self._known: dict[str, float] = {}

    @classmethod
    def of_article(cls, simplified_texts: Iterable[str]) -> LanguageModel:
        """A model that knows the article: its jieba words and character pairs, from its intact text."""

        def count_tokens() -> Counter[str]:
            tokens: Counter[str] = Counter()
            for text in simplified_texts:
                for stretch in _HAN_STRETCH.findall(text):
                    tokens.update(GENERAL.segment(stretch))
                    tokens.update(stretch[i : i + 2] for i in range(len(stretch) - 1))
            return tokens

        return cls(count_tokens=count_tokens)

    @cached_property
    def _article(self) -> Counter[str]:
        return self._count_tokens() if self._count_tokens else Counter()

    @cached_property
    def _article_total(self) -> int:
        return sum(self._article.values())

    @cached_property
    def _own_costs(self) -> dict[str, float]:
        return {token: self._mixed_cost(token) for token in self._article}

    def segment(self, sentence: str) -> list[str]:
        """The most likely words of ``sentence`` under this model (jieba's ``cut`` without HMM, but on the
        frequencies as shipped: a word taught to jieba elsewhere never changes a repair).

        >>> GENERAL.segment("基层治理现代化")
        ['基层', '治理', '现代化']
        """
        route = self._route(sentence)
        words, start = [], 0
        while start < len(sentence):
            end = route[start][1]
            words.append(sentence[start:end])
            start = end
        return words

    def log_probability(self, simplified: str) -> float:
        """Log-probability of the most likely segmentation of ``simplified`` (higher is more plausible).

        The readings of one run are scored in the same context, so the answers are kept (a bounded number).
        """
        known = self._known.get(simplified)
        if known is not None:
            return known
        total = 0.0
        for piece in _SPLIT.split(simplified):
            if piece:
                total += _PUNCTUATION_LOG_PROB if piece in CJK_PUNCTUATION else self._best_segmentation(piece)
        if len(self._known) >= _KNOWN_SCORES:
            self._known.clear()
        self._known[simplified] = total
        return total

    def _mixed_cost(self, token: str) -> float:
        freq, total = frequencies()
        probability = (1 - ARTICLE_WEIGHT) * (freq.get(token) or 0) / total
        return math.log(probability + ARTICLE_WEIGHT * self._article[token] / self._article_total)

    def _best_segmentation(self, sentence: str) -> float:
        return self._route(sentence)[0][0] if sentence else 0.0

    def _route(self, sentence: str) -> list[tuple[float, int]]:
        """jieba's dynamic programme over the word graph (``Tokenizer.calc``), with the article's tokens:
        for each start, the best log-probability of the rest and where its first word ends."""
        length = len(sentence)
        freq, total = frequencies()
        unknown = -math.log(total)
        route: list[tuple[float, int]] = [(0.0, length)] * (length + 1)
        own_costs = self._own_costs
        for start in range(length - 1, -1, -1):
            best = (unknown + route[start + 1][0], start + 1)
            for end in range(start + 1, length + 1):
                token = sentence[start:end]
                frequency = freq.get(token)  # 0 for a prefix of a longer word
                if frequency is None and end - start > _LONGEST_ARTICLE_TOKEN:
                    break
                # The article's mixed cost, else the dictionary's; inlined, as this loop is most of a repair's cost.
                cost = own_costs.get(token)
                if cost is None and frequency:
                    cost = _GENERAL_COSTS.get(token) or _general_cost(token)
                if cost is not None and cost + route[end][0] > best[0]:
                    best = (cost + route[end][0], end)
            route[start] = best
        return route


def is_word(simplified: str) -> bool:
    """Whether jieba's dictionary lists ``simplified`` as a word.

    >>> is_word("摘要"), is_word("要摘")
    (True, False)
    """
    return bool(frequencies()[0].get(simplified))


GENERAL = LanguageModel()
"""jieba's frequencies alone: for text with no article around it."""


def log_probability(simplified: str) -> float:
    """Log-probability of ``simplified`` under jieba's frequencies alone."""
    return GENERAL.log_probability(simplified)
