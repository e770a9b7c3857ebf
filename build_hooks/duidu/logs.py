"""What the build prints is seed text too: a file name with a newline must not forge a log line, an escape
code in a reference must not reach the terminal, and a long garbled span must not flood it."""

from __future__ import annotations

import logging

LONGEST_MESSAGE = 600
"""Characters of one log message; the rest is cut (each warning names its file and line, enough to look)."""


def escaped(text: str, limit: int = LONGEST_MESSAGE) -> str:
    r"""``text`` with every character a terminal would act on written as an escape, and cut to ``limit``.

    >>> escaped("seeds/a\nINFO - forged.txt: \x1b[31mred")
    'seeds/a\\nINFO - forged.txt: \\x1b[31mred'
    >>> len(escaped("长" * 1000))
    601
    """
    out = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    return out if len(out) <= limit else out[:limit] + "…"


class EscapingFilter(logging.Filter):
    """Rewrites each record's message with :func:`escaped` before any handler sees it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = escaped(record.getMessage())
        record.args = ()
        return True


def escape_logs(logger: logging.Logger) -> None:
    """Escape every message of ``logger`` (once, however often the hook module is loaded)."""
    if not any(isinstance(f, EscapingFilter) for f in logger.filters):
        logger.addFilter(EscapingFilter())
