"""``make explain SEED=seeds/x.txt LINE=n``: what the repair makes of each garbled run on one line of a seed.

For every run it prints the candidate readings the bytes allow, with their scores and the margin the best
wins by, whether that is clear enough to print, and the corrections entry to paste once a person decides.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from . import gbk_shift
from .chardata import is_private_or_replacement
from .clean import ArticleText, apply_corrections
from .corrections import corrections_path, load_corrections
from .decode import decode_seed
from .models import SeedError

SHOWN_READINGS = 8


def explain_line(lines: list[str], number: int, shown: int = SHOWN_READINGS) -> str:
    """The report for line ``number`` (1-based) of a decoded seed's lines."""
    line = lines[number - 1]
    article = ArticleText(lines)
    sites = gbk_shift.find_sites(line)
    out = [f"line {number}: {_shorten(line)}"]
    if not sites:
        out.append("  no garbled run on this line")
        return "\n".join(out)
    for site in sites:
        verdict = gbk_shift.judge(site, line, *article.judging)
        span_end = verdict.best.end if verdict.clear else verdict.garbled_end
        damaged = line[site.start : span_end]
        out.append(f"\n  run at column {site.start + 1}: {damaged!r}")
        if site.remnant:
            out.append(f"    annotation remnant after '?': {site.remnant} (names the lost lead byte)")
        if not verdict.readings:
            out.append("    no reading of the bytes is made of ordinary characters: printed as 〓")
        for rank, reading in enumerate(verdict.readings[:shown], start=1):
            lost = " ".join(f"{b:02X}" for b in reading.lost_bytes) or "-"
            what = "not a run: a real question mark" if reading.kind == "none" else f"ends {reading.kind}"
            weight = "       —" if math.isnan(reading.score) else f"{reading.score:8.2f}"
            out.append(f"    {rank}. {reading.text!r:<24} score {weight}  lost bytes {lost:<6} {what}")
        if verdict.considered > shown:
            out.append(f"    … and {verdict.considered - shown} more")
        out.append(f"    margin {verdict.margin:.2f} (clear at {gbk_shift.CLEAR_MARGIN}): " + _decision(verdict))
        if verdict.is_run and verdict.best:
            out.append("    corrections entry, once a person has decided (edit `corrected` and give the reason):")
            out.append(f"      - source: {yaml_quoted(damaged)}")
            out.append(f"        corrected: {yaml_quoted(verdict.best.text)}")
            out.append("        reason: >-")
            out.append("          why the bytes do not decide it, and what does")
    return "\n".join(out)


def yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar in which invisible characters (private use, controls) are escaped.

    >>> print(yaml_quoted('?纫\\ue02a"氐'))
    "?纫\\ue02a\\"氐"
    """
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif not ch.isprintable() or is_private_or_replacement(ch):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _decision(verdict: gbk_shift.Verdict) -> str:
    if not verdict.is_run:
        return "left as it is"
    if verdict.clear:
        return f"repaired as {verdict.best.text!r}"
    return "printed as 〓 with a warning"


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make explain", description=__doc__.splitlines()[0])
    parser.add_argument("seed", type=Path)
    parser.add_argument("line", type=int)
    args = parser.parse_args(argv)
    try:
        decoded = decode_seed(args.seed.read_bytes())
        corrections = load_corrections(corrections_path(args.seed))
    except (OSError, SeedError) as error:
        print(f"{args.seed}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 2
    lines, _ = apply_corrections(decoded.text.split("\n"), corrections)
    if not 1 <= args.line <= len(lines):
        print(f"{args.seed}: has {len(lines)} lines; LINE must be between 1 and {len(lines)}", file=sys.stderr)
        return 2
    print(explain_line(lines, args.line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
