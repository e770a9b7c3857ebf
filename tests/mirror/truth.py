"""The ground truth that comes with every simulated page: what the cleaner should print, and what each run hides."""

from __future__ import annotations

from dataclasses import dataclass

PLAIN = "plain"
"""(a) The run ends where a trail byte in 0x40–0x7E shows as ASCII (題 = EE 7D ends on ``}``)."""
SWALLOWED = "swallowed"
"""(b) The ASCII byte that puts the decoder back in step is the trail byte of the run's last pair (盵 = B1 5B)."""
LOST_TRAIL = "lost-trail"
"""(c) The last pair is invalid (its second byte is below 0x40): the last trail byte shows as ``?``."""
REMNANT_BEFORE = "remnant-before"
"""(d) ``?yàn)閲``: the reading of the phantom character (previous trail byte + lost lead byte), its ``(`` gone."""
READING_AFTER = "reading-after"
"""(e) ``?,F(xiàn)``: an annotation after the run gives the reading of its last character."""
FULLWIDTH_FIRST = "fullwidth-first"
"""(f) The first regrouped pair is a full-width form (A3xx, the trail of 。 = A1A3), folded to ASCII since."""
PRIVATE_USE = "private-use"
"""(g) A regrouped pair fell in a GBK user-defined area and reads as a private-use character."""
REMNANT_AFTER = "remnant-after"
"""(c) that swallowed the ``(`` of the last character's annotation: ``?dòng)`` follows the run."""
BARE_ENTITY = "bare-entity"
"""(c) that swallowed the ``&`` of an HTML entity: ``?ldquo;``."""
EATEN_ASCII = "eaten-ascii"
"""(c) that swallowed an ASCII byte nothing after it names (a digit, a space): no repair can restore it."""

END_KINDS = (PLAIN, SWALLOWED, LOST_TRAIL)
"""How a run ends: every run has exactly one of these."""
FEATURE_KINDS = (REMNANT_BEFORE, READING_AFTER, FULLWIDTH_FIRST, PRIVATE_USE, REMNANT_AFTER, BARE_ENTITY, EATEN_ASCII)
"""What else a run may show: any number of these."""
KIND_LETTERS = {
    PLAIN: "a",
    SWALLOWED: "b",
    LOST_TRAIL: "c",
    REMNANT_BEFORE: "d",
    READING_AFTER: "e",
    FULLWIDTH_FIRST: "f",
    PRIVATE_USE: "g",
    REMNANT_AFTER: "c+",
    BARE_ENTITY: "c+",
    EATEN_ASCII: "c+",
}
"""The letter each kind has in issue 8's list."""


@dataclass(frozen=True)
class RunTruth:
    """One GBK one-byte-shift run: where it is, what the mirror printed, and what the bytes were."""

    line: int
    """1-based line of the page."""
    column: int
    """Offset of the run's ``?`` in the damaged line."""
    damaged: str
    """The run as the mirror printed it (folded to ASCII like the rest of the page), with any remnant of an
    annotation the run swallowed the ``(`` of."""
    true: str
    """The characters the run stands for, as the clean line has them (``。基層治理行為存有``)."""
    kinds: frozenset[str]
    """One of :data:`END_KINDS` and any of :data:`FEATURE_KINDS`."""
    char_bytes: bytes
    """The GBK bytes of :attr:`true`'s characters, the lost bytes included: what a repair must find."""
    lost_lead: int
    """The lead byte the mirror lost (the first byte of :attr:`char_bytes`)."""
    lost_trail: int | None
    """For a lost-trail run, the trail byte of the last character (the last byte of :attr:`char_bytes`)."""
    swallowed: str | None
    """The ASCII character held as the trail byte of the last pair (``[`` in 盵), for a swallowed run."""
    eaten: str | None
    """The ASCII byte the invalid last pair took with it (``(``, ``&``, a digit), for a lost-trail run."""
    previous_byte: int | None
    """The byte before the lost lead byte (the trail of the previous character), when it is not ASCII."""
    remnant_before: str | None
    """The syllable of the phantom character's annotation printed after the ``?``, if any."""
    reading_after: str | None
    """The syllable annotated after the run's last character (whole or as a remnant), if any."""
    context_before: str
    """The clean line just before the run (at most 8 characters)."""
    context_after: str
    """The clean line just after the run's characters (at most 8 characters)."""

    @property
    def end_kind(self) -> str:
        return next(kind for kind in END_KINDS if kind in self.kinds)


@dataclass(frozen=True)
class LayoutTruth:
    """What the page says about the article, in clean Traditional (what the cleaner sees before OpenCC); the
    simulator first writes it in Simplified (layout.Layout)."""

    title: str | None
    """None when the stored page has no title."""
    authors: tuple[str, ...]
    affiliations: tuple[str, ...]
    journal: str | None
    year: int | None
    issue: int | None
    abstract: str | None
    keywords: tuple[str, ...]
    clc: str | None
    """The Chinese Library Classification number (中图分类号), e.g. ``D602``."""
    headings: tuple[str, ...]
    """Every heading line of the body, numbering included, in order."""


@dataclass(frozen=True)
class PageLine:
    """One line of a simulated page, damaged and clean."""

    role: str
    """What the line is: ``spam``, ``breadcrumb``, ``title``, ``authors``, ``abstract``, ``paragraph``, …"""
    damaged: str
    """As the mirror printed it, every run of the line in place."""
    clean: str
    """What the cleaning rules should print for it (Traditional, before OpenCC)."""
    control: str
    """As the mirror would have printed it without any shift run: the same annotations, folding and entities."""


@dataclass(frozen=True)
class SimulatedPage:
    """A page of the mirror family made from a clean article, with its ground truth."""

    name: str
    lines: tuple[PageLine, ...]
    runs: tuple[RunTruth, ...]
    layout: LayoutTruth

    @property
    def text(self) -> str:
        """The page as a scraped seed would hold it."""
        return "\n".join(line.damaged for line in self.lines) + "\n"


@dataclass(frozen=True)
class RunCase:
    """One run alone on its line, for measuring a repair: every other sentence of the line is undamaged."""

    run: RunTruth
    damaged_line: str
    """The line with this run only."""
    control_line: str
    """The line as the mirror printed it without the run."""
    clean_line: str
    """What the cleaner should print for the line."""
