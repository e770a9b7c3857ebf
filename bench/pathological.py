"""The pathological-input section of `make bench`: every stage should be linear in its input (issue 9, item 7).

Each case is a seed generated to provoke super-linear time: a long notice line, a long reference, thousands
of glossary terms in one paragraph, a ``?`` after every character, as many ``?`` as the GBK repair still
weighs one by one, long runs of spaces, one huge line of prose, many short lines, a seed of nothing but ``?``
and spaces. Each is made at two sizes, the second four times the first. Each stage of the pipeline is timed
on what the stage before it made of the seed, and the whole of ``build_edition`` on the seed file. A row
prints seconds per MB of seed (UTF-8) at the larger size and the ratio of the two times, with PASS or FAIL
against the targets: at most 2 s per MB, and four times the input in at most five times the time.

A stage that takes longer than the budget at the smaller size is not run at the larger: its row fails, and
the stages after it are not measured at the larger size (SKIP).
"""

from __future__ import annotations

import gc
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_hooks"))

from duidu.build import set_loaded_data_aside  # noqa: E402
from duidu.clean import clean_lines  # noqa: E402
from duidu.decode import decode_seed  # noqa: E402
from duidu.gbk_shift import MAX_SITES_PER_CHARACTER  # noqa: E402
from duidu.glossary import Term, TermIndex, load_glossary  # noqa: E402
from duidu.pipeline import load_dictionaries  # noqa: E402
from duidu.layout import PageLayout, read_page  # noqa: E402
from duidu.models import SeedError  # noqa: E402
from duidu.parse import parse_article  # noqa: E402
from duidu.pipeline import build_edition  # noqa: E402

MAX_SECONDS_PER_MB = 2.0
MAX_GROWTH = 5.0
"""Time for four times the input, over time for the input."""
GROWTH = 4
BUDGET_SECONDS = 20.0
"""A run longer than this is not repeated at four times the size (the repair of ``?``-dense text takes minutes)."""
REPEATS = 5
REPEAT_SECONDS = 8.0
"""A stage is run up to :data:`REPEATS` times while its runs take under this together, and its best time kept:
the machine is shared, and a ratio of two single short runs is mostly noise."""
SAMPLE_SECONDS = 0.25
MAX_LOOPS = 50
"""A stage quicker than this is run several times over for each sample and the mean kept (at most
:data:`MAX_LOOPS` times): one run of a few hundredths of a second is at the mercy of the timer, the caches
and the cycle collector, and a ratio of two such runs moved between 4× and 7× from one bench to the next."""
NOISE_FLOOR_SECONDS = 0.05
"""Under this at four times the size, the growth is not judged: a few milliseconds are timer, cache and
collector noise (the seconds per MB are judged all the same)."""
GLOSSARY = ROOT / "seeds" / "glossary.yml"


# ---------------------------------------------------------------------------------------------- the seeds


def article(body: list[str], *, front: list[str] = (), references: list[str] = (), back: list[str] = ()) -> str:
    """A seed of the mirror family's shape around ``body``: title, front matter, abstract, keywords, body,
    references, back matter."""
    lines = [
        "以高水平治理提升基层“免疫力”",
        *front,
        "【摘要】当前我国基层治理已取得一系列显著成果，同时也应看到其中的问题。",
        "【关键词】基层治理 治理效能",
        "一、问题的提出",
        *body,
        "二、结语",
        "基层治理现代化是国家治理体系和治理能力现代化的重要方面。",
    ]
    if references:
        lines += ["【参考文献】", *references]
    lines += ["责编/李一丹 美编/杨玲玲", *back]
    return "\n".join(lines) + "\n"


PROSE = (
    "多元主体的良性参与作为推进基层治理现代化的重要手段备受重视，既需要各主体具有良好的治理能力，"
    "又需要形成有效的协同机制。第一，治理能力相对不足，参与效能有待强化。"
)


def notice_line(size: int) -> str:
    """A copyright notice of ``本文为`` over and over, never followed by 原创 (100k characters)."""
    return article(["基层治理需要多方参与。"], back=["声明：" + "本文为" * (33_333 * size)])


def long_reference(size: int) -> str:
    """A reference of ``甲:《`` over and over (100k characters): every ``:《`` a place the authors could end."""
    return article(["基层治理需要多方参与。"], references=["①" + "甲:《" * (33_333 * size)])


def term_occurrences(size: int) -> str:
    """20,000 occurrences of a glossary term in one paragraph."""
    return article(["基层治理，" * (20_000 * size)])


def question_after_han(size: int) -> str:
    """``?基`` 100,000 times: a ``?`` after every Chinese character, far more than a page of the mirror family
    has, so the repair leaves the line to the rule that marks garble (:func:`gbk_shift.too_dense`)."""
    return article(["?基" * (100_000 * size)])


SEED = ROOT / "seeds" / "000_187d118a7b570b53.txt"
REPAIR_SPACING = int(1 / MAX_SITES_PER_CHARACTER) + 1
"""Characters between two ``?``: as dense as the repair still weighs them one by one (:func:`too_dense`)."""


@cache
def seed_sentences() -> tuple[str, ...]:
    """The seed article's sentences (cached for the run: both sizes of a case draw on them)."""
    text = "".join(paragraph.text for paragraph in build_edition(SEED).article.body_paragraphs)
    return tuple(re.findall(r"[^。！？]+[。！？]", text))


def repair_sites(size: int) -> str:
    """A ``?`` after every 21st character of the seed's sentences drawn at random (25k characters, 1,100 ``?``
    each a site the GBK repair judges), in paragraphs of 50: windows that differ, since a window seen before
    is judged once."""
    rng = random.Random(size)
    text = ""
    while len(text) < 25_000 * size:
        text += rng.choice(seed_sentences())
    marked = [text[i : i + REPAIR_SPACING] + "?" for i in range(0, 25_000 * size, REPAIR_SPACING)]
    return article(["".join(marked[i : i + 50]) for i in range(0, len(marked), 50)])


def space_runs(size: int) -> str:
    """Five lines of 20,000 spaces between a label and what should follow it (journal line, classification,
    byline, references mark, GB/T reference): where runs of white space made a regex try every way of sharing
    them among adjacent ``\s*`` (2,000 spaces after 参考文献 took 11 s)."""
    spaces = " " * (20_000 * size)
    return article(
        ["基层治理需要多方参与。", f"参考文献{spaces}x"],
        front=[f"经济师{spaces}x", f"中图分类号{spaces}", f"张三{spaces}李四(大学)"],
        references=[f"[1]张三.{spaces}题名"],
    )


def prose_line(size: int) -> str:
    """One line of ordinary prose, 1 MB in UTF-8."""
    return article([PROSE * (1_000_000 * size // len(PROSE.encode("utf-8")))])


def short_lines(size: int) -> str:
    """10,000 short paragraphs, one a line."""
    return article([f"第{n}条，基层治理要减负。" for n in range(10_000 * size)])


def only_question_marks(size: int) -> str:
    """A seed of nothing but ``?`` and spaces (100k characters in lines of 100): no title, refused, in linear time."""
    return "\n".join(("?? ? ???  ?" * 10)[:100] for _ in range(1_000 * size)) + "\n"


CASES: dict[str, Callable[[int], str]] = {
    "100k-char notice line": notice_line,
    "100k-char reference": long_reference,
    "20k terms in a paragraph": term_occurrences,
    "?基 × 100k": question_after_han,
    "? every 21 chars (repair)": repair_sites,
    "runs of 20k spaces": space_runs,
    "1 MB line of prose": prose_line,
    "10k short lines": short_lines,
    "only ? and spaces": only_question_marks,
}


# ---------------------------------------------------------------------------------------------- the stages


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[object], object]
    """Takes what the stage before made (the seed file for the first) and returns what the next stage takes."""


def read_and_decode(path: Path) -> list[str]:
    return decode_seed(path.read_bytes()).text.split("\n")


def clean(lines: list[str]) -> list[str]:
    return clean_lines(lines)[0]


def parse(layout: PageLayout) -> list[str]:
    """The article's paragraphs (abstract first): what the glossary marks."""
    title = layout.title.text if layout.title else ""
    article = parse_article(
        title, layout.body, abstract=layout.abstract, keywords=layout.keywords, front_notes=layout.front_notes
    )
    return [article.abstract, *(paragraph.text for paragraph in article.body_paragraphs)]


def marker(terms: tuple[Term, ...]) -> Callable[[list[str]], None]:
    def mark_terms(paragraphs: list[str]) -> None:
        index = TermIndex(terms)  # a new index each time: its cache of results would time nothing
        for text in paragraphs:
            index.find(text)

    return mark_terms


def build_or_refuse(path: Path) -> None:
    try:
        build_edition(path)
    except SeedError:
        pass  # a seed without a title is refused: what is timed is how long the refusal takes


def pipeline(terms: tuple[Term, ...]) -> list[Stage]:
    """The stages in order, each fed what the one before made; ``build_edition`` last, on the seed file."""
    return [
        Stage("decode", read_and_decode),
        Stage("clean", clean),
        Stage("layout", read_page),
        Stage("parse", parse),
        Stage("glossary marking", marker(terms)),
    ]


WHOLE = Stage("build_edition", build_or_refuse)


# ---------------------------------------------------------------------------------------------- timing


def timed(stage: Stage, given: object) -> tuple[float, object]:
    """Wall time of one run of the stage on ``given``, and its result."""
    gc.collect()  # the garbage of the run before is not this run's cost
    start = time.perf_counter()
    result = stage.run(given)
    return time.perf_counter() - start, result


def sample(stage: Stage, given: object, loops: int) -> float:
    """Mean wall time of ``loops`` runs of the stage on ``given`` (each timed as :func:`timed` does)."""
    return sum(timed(stage, given)[0] for _ in range(loops)) / loops


def best_times(stage: Stage, inputs: dict[int, object], first: dict[int, float]) -> dict[int, float]:
    """The best of up to :data:`REPEATS` samples at each size, the sizes taking turns (as the build benchmark
    interleaves its builds) so that a slow spell of the shared machine falls on both alike. A quick stage is
    sampled over :data:`SAMPLE_SECONDS` of runs (see :func:`sample`)."""
    loops = {size: max(1, min(MAX_LOOPS, int(SAMPLE_SECONDS / max(first[size], 1e-6)))) for size in inputs}
    best = {size: first[size] if loops[size] == 1 else float("inf") for size in inputs}
    spent = sum(first.values())
    for _ in range(REPEATS):
        if spent >= REPEAT_SECONDS and all(t < float("inf") for t in best.values()):
            break
        for size, given in inputs.items():
            elapsed = sample(stage, given, loops[size])
            best[size], spent = min(best[size], elapsed), spent + elapsed * loops[size]
    return best


@dataclass(frozen=True)
class Row:
    case: str
    stage: str
    megabytes: float
    """Size of the larger seed, in MB of UTF-8."""
    small: float
    large: float | None
    """Seconds at four times the size; None when not run (see ``not_run``)."""
    not_run: str = ""
    """Why the larger size was not run: this stage, or one before it, was over the budget."""

    @property
    def over_budget(self) -> bool:
        return self.small > BUDGET_SECONDS

    @property
    def seconds_per_mb(self) -> float:
        """At the larger size; from the smaller (as if linear: a lower bound) when the larger was not run."""
        return (self.large if self.large is not None else self.small * GROWTH) / self.megabytes

    @property
    def growth(self) -> float | None:
        return None if self.large is None else self.large / max(self.small, 1e-9)

    @property
    def verdict(self) -> str:
        if self.large is None:
            return "FAIL" if self.over_budget else "SKIP"
        linear = self.growth <= MAX_GROWTH or self.large < NOISE_FLOOR_SECONDS
        return "PASS" if self.seconds_per_mb <= MAX_SECONDS_PER_MB and linear else "FAIL"

    def __str__(self) -> str:
        if self.large is None:
            per_mb = f">={self.seconds_per_mb:8.2f}" if self.over_budget else f"{'--':>10}"
            growth = f"{GROWTH}x not run: {self.not_run} ({self.small:.2f} s at 1x)"
        else:
            per_mb = f"{self.seconds_per_mb:10.2f}"
            growth = f"{GROWTH}x input: {self.growth:4.1f}x time ({self.small:.3f} s -> {self.large:.3f} s)"
            if self.large < NOISE_FLOOR_SECONDS:
                growth += f", under the {NOISE_FLOOR_SECONDS} s floor"
        return f"{self.verdict}  {self.case:28} {self.stage:16} {per_mb} s/MB  {growth}"


def first_runs(path: Path, stages: list[Stage], *, whole: bool) -> dict[str, tuple[object, float]]:
    """Each stage's input and the time of its first run: the stages in a chain from the seed file, then (if
    ``whole``) ``build_edition`` on the file."""
    runs: dict[str, tuple[object, float]] = {}
    given: object = path
    for stage in stages:
        seconds, result = timed(stage, given)
        runs[stage.name] = (given, seconds)
        given = result
    if whole:
        runs[WHOLE.name] = (path, timed(WHOLE, path)[0])
    return runs


def measure(case: str, make_seed: Callable[[int], str], work: Path, stages: list[Stage]) -> list[Row]:
    """Time every stage on the seed at both sizes. At the larger size the chain stops before the first stage
    that was over the budget at the smaller: that stage fails, the ones after it are not measured."""
    paths = {size: work / f"seed-{size}.txt" for size in (1, GROWTH)}
    for size, path in paths.items():
        path.write_text(make_seed(size), encoding="utf-8")
    small = first_runs(paths[1], stages, whole=True)
    over = next((index for index, stage in enumerate(stages) if small[stage.name][1] > BUDGET_SECONDS), len(stages))
    large = first_runs(paths[GROWTH], stages[:over], whole=small[WHOLE.name][1] <= BUDGET_SECONDS)
    megabytes = paths[GROWTH].stat().st_size / 1e6
    rows = []
    for stage in [*stages, WHOLE]:
        runs = {1: small[stage.name]} | ({GROWTH: large[stage.name]} if stage.name in large else {})
        times = best_times(stage, {size: given for size, (given, _) in runs.items()}, {size: t for size, (_, t) in runs.items()})
        if times[1] > BUDGET_SECONDS:
            not_run = f"over the {BUDGET_SECONDS:.0f} s budget"
        else:
            not_run = "" if GROWTH in times else f"{stages[over].name} before it is over the budget"
        rows.append(Row(case, stage.name, megabytes, times[1], times.get(GROWTH), not_run))
        print(rows[-1], flush=True)
    return rows


def report() -> list[Row]:
    """Print one row per case and stage, then a summary naming every row that fails; return the rows."""
    print(
        f"pathological inputs: seconds per MB of seed at the larger size (target <= {MAX_SECONDS_PER_MB:.0f}) and "
        f"time for {GROWTH}x the input (target <= {MAX_GROWTH:.0f}x)"
    )
    stages = pipeline(load_glossary(GLOSSARY).terms)
    set_loaded_data_aside()  # as the hook does when MkDocs loads it, and a build before making editions:
    load_dictionaries()  # the stages run as in a build
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="duidu-pathological-") as work:
        for case, make_seed in CASES.items():
            rows += measure(case, make_seed, Path(work), stages)
    failed = [f"{row.case} / {row.stage}" for row in rows if row.verdict == "FAIL"]
    skipped = sum(row.verdict == "SKIP" for row in rows)
    print(
        f"pathological inputs: {sum(row.verdict == 'PASS' for row in rows)} of {len(rows)} rows pass"
        + (f", {skipped} not measured at {GROWTH}x" if skipped else "")
        + (f"; FAIL: {'; '.join(failed)}" if failed else "")
    )
    return rows
