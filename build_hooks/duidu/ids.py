"""Ids that never move: once published, an id belongs to its paragraph (or heading) for good.

The parser numbers what it reads by position (``p2-1-1``, ``s2-1``, ``part-2``). A committed registry beside each
seed (``seeds/<seed>.ids.yml``, written only by ``make translations``) lists every published id with the text
it was given to and what holds it (a paragraph's subsection or part). Each build gives the article's parts,
subsections and paragraphs the ids of their registered texts:

- the same text keeps its id, wherever it has moved (reordering moves no id);
- an edited text keeps its id when it is still clearly the same text (:data:`SAME_TEXT`); when a paragraph is
  split, the larger share keeps it;
- a new text gets a new, never-used id in its container's series (a paragraph inserted before ``p2-1-1`` in a
  subsection of four becomes ``p2-1-5``): a link to the old ``p2-1-1`` still lands on its own words;
- a registered id whose text is gone is *retired*, never reused: it leads to where its text went (a paragraph
  merged into another) or else to what held it, with a note for the reader (:class:`RetiredId`).

With no registry the ids are the positional ones, so a new seed's first registry publishes exactly those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from .models import Article, Paragraph, Part, RetiredId, SeedError
from .yaml_files import read_yaml

SUFFIX = ".ids.yml"
SAME_TEXT = 0.6
"""How alike (difflib's ratio) an edited text must be to its registered text to keep the id."""
WENT_INTO = 0.6
"""The share of a retired paragraph's text found in one current paragraph for its id to lead there."""
MATCHING_BUDGET = 40_000
"""Most pairs of unmatched texts compared for likeness: beyond it (a seed replaced wholesale, or a hostile one)
the unmatched texts are taken as new, which costs ids nothing and keeps the build linear."""

ID_FORMS = {  # ASCII digits only: Python's \d also takes ١ or ４, which no id of Duidu's holds
    "part": re.compile(r"part-([0-9]+)"),
    "section": re.compile(r"s([0-9]+)-([0-9]+)"),
    "paragraph": re.compile(r"p([0-9]+)-([0-9]+)-([0-9]+)"),
}


@dataclass(frozen=True)
class Entry:
    """A published id, the text it belongs to, and the id of what holds it (empty for parts and the
    introduction's paragraphs)."""

    id: str
    text: str
    within: str = ""

    @property
    def kind(self) -> str:
        return kind_of(self.id)


@dataclass(frozen=True)
class Registry:
    entries: tuple[Entry, ...] = ()
    """In reading order."""
    retired: tuple[RetiredId, ...] = ()

    def ids(self) -> set[str]:
        return {e.id for e in self.entries} | {r.id for r in self.retired}


@dataclass(frozen=True)
class IdPlan:
    """The article with its published ids, and every retired id (the registry's and those this edit retires)."""

    article: Article
    retired: tuple[RetiredId, ...]

    @property
    def registry(self) -> Registry:
        """The registry to publish: the article's ids as they now stand, and every retired one."""
        return Registry(entries=tuple(entries_of(self.article)), retired=self.retired)


@dataclass(frozen=True)
class IdChanges:
    """What publishing a registry changes in the one before it."""

    first: bool
    """Nothing was published before."""
    new: tuple[str, ...]
    retired: tuple[RetiredId, ...]
    edited: tuple[str, ...]
    """Ids that keep their place through an edit of their text."""

    def __bool__(self) -> bool:
        return self.first or bool(self.new or self.retired or self.edited)

    def __str__(self) -> str:
        """``2 new (p2-1-5, s2-3); 1 retired (p2-1-4 → s2-1); 1 kept through an edit of its text``."""
        if self.first:
            return "first published"
        pieces = []
        if self.new:
            pieces.append(f"{len(self.new)} new ({_listed(self.new)})")
        if self.retired:
            leads = [f"{r.id} → {r.to or 'the overview'}" for r in self.retired]
            pieces.append(f"{len(self.retired)} retired ({_listed(leads)})")
        if self.edited:
            pieces.append(f"{len(self.edited)} kept through an edit of {'its' if len(self.edited) == 1 else 'their'} text")
        return "; ".join(pieces) or "unchanged"


def changes(before: Registry, after: Registry) -> IdChanges:
    texts = {e.id: e.text for e in before.entries}
    was_retired = {r.id for r in before.retired}
    return IdChanges(
        first=not before.entries and not before.retired,
        new=tuple(e.id for e in after.entries if e.id not in texts),
        retired=tuple(r for r in after.retired if r.id not in was_retired),
        edited=tuple(e.id for e in after.entries if e.id in texts and texts[e.id] != e.text),
    )


def _listed(items, shown: int = 5) -> str:
    items = list(items)
    return ", ".join(items[:shown]) + (", …" if len(items) > shown else "")


def registry_path(seed: Path) -> Path:
    """``seeds/x.txt`` → ``seeds/x.ids.yml``."""
    return seed.with_name(seed.stem + SUFFIX)


def kind_of(unit_id: str) -> str:
    return next((kind for kind, form in ID_FORMS.items() if form.fullmatch(unit_id)), "")


def entries_of(article: Article) -> Iterable[Entry]:
    """Every id of the article with its text and container, in reading order."""
    for paragraph in article.introduction:
        yield Entry(paragraph.id, paragraph.text)
    for part in article.parts:
        yield Entry(part.id, part.heading)
        for paragraph in part.preface:
            yield Entry(paragraph.id, paragraph.text, part.id)
        for section in part.sections:
            yield Entry(section.id, section.heading, part.id)
            for paragraph in section.paragraphs:
                yield Entry(paragraph.id, paragraph.text, section.id)


def keep_ids(article: Article, registry: Registry) -> IdPlan:
    """The article (numbered by position) with the ids the registry has published for its texts."""
    used = registry.ids()
    revived = {r.text: r for r in registry.retired}
    by_kind = {kind: [e for e in registry.entries if e.kind == kind] for kind in ID_FORMS}

    parts = article.parts
    part_ids = _matched([p.heading for p in parts], by_kind["part"], revived, "part")
    part_ids = _with_new_ids(part_ids, used, lambda i: "part-")
    sections = [(p, s) for p, part in enumerate(parts) for s in part.sections]
    section_ids = _matched([s.heading for _, s in sections], by_kind["section"], revived, "section")
    section_ids = _with_new_ids(section_ids, used, lambda i: f"s{_numbers(part_ids[sections[i][0]])[0]}-")
    paragraphs = [(None, p) for p in article.introduction]
    paragraphs += [(part_ids[p], q) for p, part in enumerate(parts) for q in part.preface]
    section_of = {id(section): section_ids[i] for i, (_, section) in enumerate(sections)}
    paragraphs += [(section_of[id(s)], q) for part in parts for s in part.sections for q in s.paragraphs]
    paragraph_ids = _matched([q.text for _, q in paragraphs], by_kind["paragraph"], revived, "paragraph")
    paragraph_ids = _with_new_ids(paragraph_ids, used, lambda i: _paragraph_series(paragraphs[i][0]))

    renamed = dict(zip((id(q) for _, q in paragraphs), paragraph_ids, strict=True))
    kept = replace(
        article,
        introduction=tuple(Paragraph(renamed[id(q)], q.text) for q in article.introduction),
        parts=tuple(
            _renamed_part(part, part_ids[p], section_of, renamed) for p, part in enumerate(parts)
        ),
    )
    current = {e.id: e for e in entries_of(kept)}
    retired_now = _retire(
        [e for e in registry.entries if e.id not in current], list(current.values()), set(current)
    )
    still_retired = tuple(r for r in registry.retired if r.id not in current)
    return IdPlan(article=kept, retired=still_retired + retired_now)


def resolve(retired: Sequence[RetiredId], live: set[str]) -> dict[str, tuple[str, str]]:
    """Each retired id → (the live id its links lead to, or "" for the overview; the note). A retired id that
    leads to another retired one is followed along (a merged paragraph whose subsection went later); each is
    followed once (what a chain leads to is kept for the ids behind it), and a cycle leads to the overview."""
    by_id = {r.id: r for r in retired}
    lead: dict[str, str] = {}
    for start in retired:
        path, target = [], start.id
        while target in by_id and target not in lead and target not in path:
            path.append(target)
            target = by_id[target].to
        end = lead.get(target, target if target in live else "")
        for unit_id in path:
            lead[unit_id] = end
    return {r.id: (lead[r.id], r.note) for r in retired}


def _matched(texts: list[str], registered: list[Entry], revived: dict[str, RetiredId], kind: str) -> list[str]:
    """The registered id of each text, or "" where it has none: the same text first (in order, so repeated
    texts keep their ids in turn), then a retired id whose very text has come back, then the most alike."""
    ids = [""] * len(texts)
    waiting: dict[str, list[str]] = {}
    for entry in registered:
        waiting.setdefault(entry.text, []).append(entry.id)
    for i, text in enumerate(texts):
        if waiting.get(text):
            ids[i] = waiting[text].pop(0)
        elif text in revived and kind_of(revived[text].id) == kind:
            ids[i] = revived.pop(text).id
    taken = set(ids)
    left = [e for e in registered if e.id not in taken]
    open_texts = [i for i, given in enumerate(ids) if not given]
    if left and open_texts and len(left) * len(open_texts) <= MATCHING_BUDGET:
        pairs = []
        alike = _sharing([e.text for e in left])
        for i in open_texts:
            matcher = SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(texts[i])
            for order in alike(texts[i]):
                entry = left[order]
                matcher.set_seq1(entry.text)
                if matcher.real_quick_ratio() >= SAME_TEXT and matcher.quick_ratio() >= SAME_TEXT:
                    score = matcher.ratio()
                    if score >= SAME_TEXT:
                        pairs.append((-score, abs(order - i), i, entry.id))
        for _, _, i, entry_id in sorted(pairs):
            if not ids[i] and entry_id not in taken:
                ids[i] = entry_id
                taken.add(entry_id)
    return ids


SHINGLE = 4
"""Texts are compared in full only when they share runs of this many characters (as texts alike enough to keep
an id, or one holding another's text, always do): comparing every pair in full is quadratic in the text."""
COMMON_SHINGLE = 32
"""A run found in more texts than this tells them apart too little to be looked up (a stock phrase)."""


def _sharing(texts: list[str]) -> Callable[[str], list[int]]:
    """A look-up: the texts (by position) that share at least a tenth of a given text's runs, most shared first."""
    postings: dict[str, list[int]] = {}
    for number, text in enumerate(texts):
        for run in {text[k : k + SHINGLE] for k in range(len(text) - SHINGLE + 1)}:
            postings.setdefault(run, []).append(number)

    def alike(text: str) -> list[int]:
        runs = {text[k : k + SHINGLE] for k in range(len(text) - SHINGLE + 1)}
        shared: dict[int, int] = {}
        for run in runs:
            found = postings.get(run, ())
            if len(found) <= COMMON_SHINGLE:
                for number in found:
                    shared[number] = shared.get(number, 0) + 1
        least = max(1, len(runs) // 10)
        if len(text) < 2 * SHINGLE:  # a short heading: too few runs to go by
            return list(range(len(texts)))
        return sorted((n for n, count in shared.items() if count >= least), key=lambda n: -shared[n])

    return alike


def _with_new_ids(ids: list[str], used: set[str], series) -> list[str]:
    """Fill the texts without an id with the next never-used number of their series."""
    filled = list(ids)
    used.update(i for i in ids if i)
    highest: dict[str, int] = {}  # the highest number used in each series, counted once
    for unit_id in used:
        head, _, number = unit_id.rpartition("-")
        if number.isascii() and number.isdigit():
            highest[head + "-"] = max(highest.get(head + "-", 0), int(number))
    for i, given in enumerate(filled):
        if not given:
            prefix = series(i)
            highest[prefix] = highest.get(prefix, 0) + 1
            filled[i] = f"{prefix}{highest[prefix]}"
            used.add(filled[i])
    return filled


def _numbers(unit_id: str) -> tuple[int, ...]:
    match = next(form.fullmatch(unit_id) for form in ID_FORMS.values() if form.fullmatch(unit_id))
    return tuple(int(n) for n in match.groups())


def _paragraph_series(container: str | None) -> str:
    """A paragraph's series is its container's: ``p2-1-`` in ``s2-1``, ``p2-0-`` in ``part-2``'s preface."""
    if container is None:
        return "p0-0-"
    numbers = _numbers(container)
    return f"p{numbers[0]}-{numbers[1] if len(numbers) > 1 else 0}-"


def _renamed_part(part: Part, part_id: str, section_of: dict[int, str], renamed: dict[int, str]) -> Part:
    return replace(
        part,
        id=part_id,
        preface=tuple(Paragraph(renamed[id(q)], q.text) for q in part.preface),
        sections=tuple(
            replace(
                s, id=section_of[id(s)], paragraphs=tuple(Paragraph(renamed[id(q)], q.text) for q in s.paragraphs)
            )
            for s in part.sections
        ),
    )


def _retire(gone: list[Entry], current: list[Entry], live: set[str]) -> tuple[RetiredId, ...]:
    """Gone entries as retired ids: a paragraph whose text now stands mostly inside one current paragraph
    (merged into it) leads there; anything else to the nearest of what held it that is still there (its
    subsection, else that subsection's part), else to the overview."""
    paragraphs = [e for e in current if e.kind == "paragraph"]
    holders = {e.id: e.within for e in gone + current}
    gone_paragraphs = sum(1 for e in gone if e.kind == "paragraph")
    alike = _sharing([p.text for p in paragraphs]) if 0 < gone_paragraphs * len(paragraphs) <= MATCHING_BUDGET else None
    retired = []
    for entry in gone:
        home = _went_into(entry, paragraphs, alike) if entry.kind == "paragraph" and alike else ""
        holder = entry.within
        while holder and holder not in live:
            holder = holders.get(holder, "")
        if home:
            retired.append(RetiredId(entry.id, home, f"its text is now part of paragraph {home}", entry.text, entry.within))
        elif holder:
            retired.append(RetiredId(entry.id, holder, f"it was removed from {_named(holder)}", entry.text, entry.within))
        else:
            retired.append(RetiredId(entry.id, "", "it was removed from the article", entry.text, entry.within))
    return tuple(retired)


def _went_into(entry: Entry, paragraphs: list[Entry], alike: Callable[[str], list[int]]) -> str:
    if not entry.text:
        return ""
    best, best_share = "", WENT_INTO
    for number in alike(entry.text):
        paragraph = paragraphs[number]
        if len(paragraph.text) < WENT_INTO * len(entry.text):
            continue
        matcher = SequenceMatcher(None, entry.text, paragraph.text, autojunk=False)
        share = sum(block.size for block in matcher.get_matching_blocks()) / len(entry.text)
        if share >= best_share:
            best, best_share = paragraph.id, share
    return best


def _named(unit_id: str) -> str:
    kind = kind_of(unit_id)
    numbers = ".".join(str(n) for n in _numbers(unit_id)) if kind else unit_id
    return {"part": f"part {numbers}", "section": f"subsection {numbers}"}.get(kind, unit_id)


# ---- the file ----

HEADER = """\
# The published ids of {seed}: written by `make translations`, not by hand.
# An id, once published, stays with its text (build_hooks/duidu/ids.py): edit the seed, run
# `make translations`, and commit this file with it, so that links to paragraphs keep landing.
"""


def registry_text(registry: Registry, seed_name: str) -> str:
    data = {
        "ids": [_plain({"id": e.id, "within": e.within, "text": e.text}) for e in registry.entries],
        "retired": [
            _plain({"id": r.id, "to": r.to, "note": r.note, "within": r.within, "text": r.text})
            for r in registry.retired
        ],
    }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100_000, default_flow_style=False)
    return HEADER.format(seed=seed_name) + body


def load_registry(path: Path) -> Registry:
    """The registry in ``path`` (an empty one if there is none); a SeedError naming the file and the reason
    if it is not one ``make translations`` could have written."""
    if not path.exists():
        return Registry()
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve().parent):
        raise SeedError(f"{path.name}: a link to a file outside the project ({path.resolve()}): refused")
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("ids", []), list) or not isinstance(data.get("retired", []), list):
        raise SeedError(f"{path.name}: not an id registry (a mapping with the lists `ids` and `retired`)")
    entries = tuple(_entry(path, item, Entry, ("id", "text"), ("within",)) for item in data.get("ids") or ())
    retired = tuple(
        _entry(path, item, RetiredId, ("id", "to", "note", "text"), ("within",)) for item in data.get("retired") or ()
    )
    seen: set[str] = set()
    for unit_id in [e.id for e in entries] + [r.id for r in retired]:
        if unit_id in seen:
            raise SeedError(f"{path.name}: the id {unit_id} is listed twice")
        seen.add(unit_id)
    return Registry(entries, retired)


def _entry(path: Path, item: object, record: type, required: tuple[str, ...], optional: tuple[str, ...]):
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in required):
        shown = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else type(item).__name__
        raise SeedError(f"{path.name}: every entry needs {', '.join(required)} as text (entry {shown[:40]})")
    unknown = set(item) - set(required) - set(optional)
    if unknown:
        raise SeedError(f"{path.name}: entry {item['id'][:40]}: unknown keys {', '.join(sorted(str(k)[:40] for k in unknown))}")
    if not all(isinstance(item.get(k, ""), str) or item.get(k) is None for k in optional):
        raise SeedError(f"{path.name}: entry {item['id'][:40]}: {', '.join(optional)} must be text")
    if not kind_of(item["id"]):
        raise SeedError(f"{path.name}: {item['id'][:40]!r} is not an id of a part, subsection or paragraph")
    if "to" in required and item["to"] and not kind_of(item["to"]):
        raise SeedError(f"{path.name}: entry {item['id']}: it leads to {item['to'][:40]!r}, which is not an id")
    return record(**{k: item[k] for k in required}, **{k: item.get(k) or "" for k in optional})


def _plain(fields: dict[str, str]) -> dict[str, str]:
    """Empty fields left out: the file stays short to read in a diff."""
    return {k: v for k, v in fields.items() if v or k in ("id", "text", "to")}


def places(article: Article) -> dict[str, tuple[str, str]]:
    """Every id of the article → (the part that holds it, the subsection that holds it), each "" where none
    does: the introduction's paragraphs are in no part, a part's heading and preface in no subsection."""
    found: dict[str, tuple[str, str]] = {}
    for entry in entries_of(article):
        if entry.kind == "part":
            found[entry.id] = (entry.id, "")
        elif entry.kind == "section":
            found[entry.id] = (entry.within, entry.id)
        elif entry.within.startswith("part-"):
            found[entry.id] = (entry.within, "")
        else:
            found[entry.id] = (found[entry.within][0] if entry.within else "", entry.within)
    return found


def part_of_ids(article: Article) -> dict[str, str]:
    """Every id of the article → the id of the part whose page holds it ("" for the overview's introduction)."""
    return {unit_id: part for unit_id, (part, _) in places(article).items()}


def id_map(article: Article, retired: Sequence[RetiredId], page_of: Callable[[str], str]) -> dict:
    """What a page needs to follow a link to an id it does not hold (``ids.json`` beside the article's pages):
    the page of every live id (``page_of(part id)``; ``page_of("")`` is the overview, which holds the
    introduction), and where each retired id leads, with its note."""
    holders = part_of_ids(article)
    pages = {unit_id: page_of(part_id) for unit_id, part_id in holders.items()}
    return {
        "pages": pages,
        "retired": {
            unit_id: {"to": to, "page": page_of(holders.get(to, "")), "note": note}
            for unit_id, (to, note) in resolve(retired, set(holders)).items()
        },
    }
