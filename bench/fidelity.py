"""Duidu's repair fidelity on simulated mirror damage (run by `make fidelity`).

Simulates N GBK one-byte-shift runs with the mirror simulator (tests/mirror, fed with the original articles in
tests/fixtures/mirror_corpus), cleans each run's line with the project's rules (duidu.clean.clean_lines: every rule, OpenCC, the rules on the Simplified text) and
classifies every run as exact, 〓 (marked, with a warning recorded) or wrong (anything else: garbage, a wrong
reading). Prints the table per run kind, then the same restricted to runs whose bytes decide the reading.

Decidable, judged from the bytes and hard constraints only (never the production scorer): enumerating every value
of the unknown byte(s) (the lost lead byte; for a lost-trail run also the lost trail byte), the truth is the only
reading made of GB2312 characters / CJK punctuation that agrees with every pinyin annotation on either side
(pypinyin heteronyms, toned or toneless), or the only such reading that jieba's dictionary segments without an
out-of-vocabulary single character in a window of 4 characters of true context on each side. A run that
swallowed an ASCII byte nothing after it names (a digit, a space) is not decidable.

Targets (issue 8): at least 95% exact among decidable runs, and 0 wrong overall.

Then the layout model on simulated pages (tests/mirror/layout_fidelity.py): each page, shift runs and all, built
by duidu.pipeline.build_edition and compared field by field with its layout truth (right / wrong / missing; 〓
where the cleaner marked one of the field's lines; extra where the page does not show the field). Target: every
field at least 95% right. Exit status is 0 unless the measurement itself crashes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from duidu.clean import clean_lines  # noqa: E402
from mirror.fidelity import WRONG, format_table, measure, row, table  # noqa: E402
from mirror.layout_fidelity import FIELDS, describe_faults, format_layout_table, layout_table, measure_layout, simulated_pages  # noqa: E402
from mirror.page import RUN_RATE, simulate_run_cases  # noqa: E402

DECIDABLE_TARGET = 0.95
LAYOUT_TARGET = 0.95
SHOWN_FAULTS = 3
SHOWN_WRONG = 8


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2000, help="how many runs to simulate (default 2000)")
    parser.add_argument("--seed", type=int, default=8, help="seed of the simulation (default 8)")
    parser.add_argument("--pages", type=int, default=100, help="how many pages to measure the layout on (default 100)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    started = time.perf_counter()
    cases = simulate_run_cases(arguments.runs, arguments.seed)
    results = measure(cases, clean_lines)
    decidable = [r for r in results if r.decidable]
    print(f"Repair fidelity on {len(results)} simulated runs (seed {arguments.seed}), {time.perf_counter() - started:.1f} s")
    print()
    print("All runs (the end kinds a-c partition the runs; d-g and c+ are features, a run shows under each it has):")
    print(format_table(table(results)))
    print()
    print("Runs whose bytes decide the reading:")
    print("  decidable = the truth is the only value of the lost byte(s) whose reading is all GB2312 / CJK")
    print("  punctuation and agrees with the pinyin annotations on either side, or the only such reading that")
    print("  jieba's dictionary segments with no out-of-vocabulary single character within 4 characters of context.")
    print(format_table(table(decidable)))
    wrong = [r for r in results if r.verdict == WRONG]
    if wrong:
        print()
        print(f"First wrong outputs (damaged → printed → truth), {min(SHOWN_WRONG, len(wrong))} of {len(wrong)}:")
        for r in wrong[:SHOWN_WRONG]:
            run = r.case.run
            print(f"  {run.damaged!r} → {r.printed!r} → {r.expected!r}  [{', '.join(sorted(run.kinds))}]")
    total = row("decidable", decidable)
    exact_ok = total.exact_share >= DECIDABLE_TARGET
    wrong_ok = not wrong
    print()
    print(f"{'PASS' if exact_ok else 'FAIL'}  exact among decidable runs: {100 * total.exact_share:.1f}% (target ≥ 95%)")
    print(f"{'PASS' if wrong_ok else 'FAIL'}  wrong runs overall: {len(wrong)} (target 0)")
    print()
    print_layout_fidelity(arguments.pages, arguments.seed)
    return 0


def print_layout_fidelity(pages: int, seed: int) -> None:
    """The second table: the layout model, field by field, on whole simulated pages."""
    started = time.perf_counter()
    results = measure_layout(simulated_pages(pages, seed, run_rate=RUN_RATE))
    rows = layout_table(results)
    print(f"Layout fidelity on {len(results)} simulated pages (seed {seed}), {time.perf_counter() - started:.1f} s")
    print("  right % = right / (pages showing the field - pages where the cleaner printed 〓 on the field's lines)")
    print(format_layout_table(rows))
    faults = [fault for name in FIELDS for fault in describe_faults(results, name, SHOWN_FAULTS)]
    if faults:
        print()
        print("First faults (page: verdict: found, expected):")
        for fault in faults:
            print(f"  {fault[:300]}")
    print()
    for r in rows:
        print(f"{'PASS' if r.right_share >= LAYOUT_TARGET else 'FAIL'}  {r.field}: {100 * r.right_share:.1f}% right (target ≥ 95%)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
