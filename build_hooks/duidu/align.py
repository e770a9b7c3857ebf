"""Sentence alignment: each Chinese sentence of a unit paired with its English.

The Chinese is cut into sentences by rule (:func:`sentences`). In the catalog, a unit's msgstr holds the
English of each Chinese sentence in order, separated by ``‖`` (U+2016, DOUBLE VERTICAL LINE): as many pieces
as the Chinese has sentences. An English piece may be several sentences; a Chinese sentence rendered together
with the one before it has an empty piece (``… both of them. ‖ ‖ Next …``): one English sentence covering
two Chinese ones is said so in the data. A unit of one Chinese sentence needs no mark. The readers' site
shows the English without the marks (:func:`english`) and pairs the pieces with the Chinese sentences
(:func:`groups`); the build names every unit whose pieces do not match its sentences (:func:`problem`).
"""

from __future__ import annotations

import re

MARK = "‖"
_SENTENCE = re.compile(r".+?(?:[。！？]+|……)[”’」』）》】]*|.+$", re.S)


def sentences(zh: str) -> list[str]:
    """The Chinese cut after each run of 。！？ (or ……) and the closing quotes or brackets right after it.

    >>> sentences("他说：“好。”然后走了！还有吗？没有")
    ['他说：“好。”', '然后走了！', '还有吗？', '没有']
    >>> sentences("")
    []
    """
    return [match.group(0) for match in _SENTENCE.finditer(zh) if match.group(0)]


def pieces(msgstr: str) -> list[str]:
    """The English pieces of a msgstr, trimmed.

    >>> pieces("One. ‖ Two and three. ‖ ‖ Four.")
    ['One.', 'Two and three.', '', 'Four.']
    """
    return [piece.strip() for piece in msgstr.split(MARK)]


def english(msgstr: str) -> str:
    """The English as readers see it: the pieces joined by a space, the marks gone.

    >>> english("One. ‖ Two and three. ‖ ‖ Four.")
    'One. Two and three. Four.'
    """
    return " ".join(piece for piece in pieces(msgstr) if piece)


def problem(zh: str, msgstr: str) -> str:
    """Why a translated unit's English does not align with its Chinese, or "" when it does.

    >>> problem("甲。乙。", "A. ‖ B.")
    ''
    >>> problem("甲。乙。丙。", "A. ‖ B.")
    '3 Chinese sentences but 2 English pieces (separate the English of each sentence with ‖)'
    >>> problem("甲。乙。", "‖ A and B.")
    'the first English piece is empty (only a later sentence may share the English of the one before)'
    """
    found = pieces(msgstr)
    wanted = max(1, len(sentences(zh)))
    if len(found) != wanted:
        return (
            f"{wanted} Chinese sentences but {len(found)} English pieces "
            f"(separate the English of each sentence with {MARK})"
        )
    if not found[0]:
        return "the first English piece is empty (only a later sentence may share the English of the one before)"
    return ""


def groups(zh: str, msgstr: str) -> list[tuple[list[str], str]]:
    """The unit as aligned groups: (its Chinese sentences, their English), in order. A unit that does not
    align is one group (all its Chinese, all its English).

    >>> groups("甲。乙。丙。", "A. ‖ B and C. ‖")
    [(['甲。'], 'A.'), (['乙。', '丙。'], 'B and C.')]
    """
    chinese = sentences(zh) or [zh]
    if problem(zh, msgstr):
        return [(chinese, english(msgstr))]
    result: list[tuple[list[str], str]] = []
    for sentence, piece in zip(chinese, pieces(msgstr)):
        if piece or not result:
            result.append(([sentence], piece))
        else:
            result[-1][0].append(sentence)
    return result
