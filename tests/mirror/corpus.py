"""The clean articles the simulator damages: original Simplified texts in ``tests/fixtures/mirror_corpus``.

Format, one item a line: ``题目：`` title, ``摘要：`` abstract, ``关键词：`` keywords separated by ``；``, ``# `` part
heading, ``## `` subsection heading, paragraphs, then ``参考文献`` and one reference a line. ``{n}`` in a paragraph
marks where the article cites reference n; the layout writes it as ①, [1] or 〔1〕.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "mirror_corpus"

PART = "part"
SUBSECTION = "subsection"
PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Block:
    """A part heading, a subsection heading or a paragraph of the body."""

    kind: str
    text: str


@dataclass(frozen=True)
class Article:
    """One clean article of the corpus, in Simplified Chinese."""

    name: str
    title: str
    abstract: str
    keywords: tuple[str, ...]
    body: tuple[Block, ...]
    references: tuple[str, ...]


def parse_article(name: str, text: str) -> Article:
    """Read one corpus file (see the module docstring)."""
    fields: dict[str, str] = {}
    body: list[Block] = []
    references: list[str] = []
    in_references = False
    for line in filter(None, (line.strip() for line in text.splitlines())):
        if in_references:
            references.append(line)
        elif line == "参考文献":
            in_references = True
        elif line.startswith("## "):
            body.append(Block(SUBSECTION, line[3:]))
        elif line.startswith("# "):
            body.append(Block(PART, line[2:]))
        elif line[:3] in ("题目：", "摘要：") or line.startswith("关键词："):
            label, _, value = line.partition("：")
            fields[label] = value
        else:
            body.append(Block(PARAGRAPH, line))
    return Article(
        name=name,
        title=fields["题目"],
        abstract=fields["摘要"],
        keywords=tuple(fields["关键词"].split("；")),
        body=tuple(body),
        references=tuple(references),
    )


def load_corpus(directory: Path = CORPUS) -> tuple[Article, ...]:
    """Every article of the corpus, in file-name order."""
    return tuple(parse_article(path.stem, path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.txt")))
