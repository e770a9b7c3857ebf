"""explain (`make explain SEED=… LINE=n`): the candidate readings of each run on a line, and a pasteable entry."""

import re
import subprocess

import yaml
from duidu.explain import main

from conftest import ROOT

UNDECIDED = "人、技、物、財?纫\ue02a氐呐涮着c綜合管理，建立健全"
"""A run whose lost lead byte no annotation names: 等, 內 and 比 read about as well."""


def test_a_run_is_explained_with_its_readings_scores_and_margin(tmp_path, capsys):
    seed = tmp_path / "x.txt"
    seed.write_text("標題\n" + UNDECIDED + "\n", encoding="utf-8")
    assert main([str(seed), "2"]) == 0
    out = capsys.readouterr().out
    assert "run at column 8" in out
    readings = re.findall(r"^\s+\d+\. '([^']+)'\s+score\s+(-?\d+\.\d+)", out, re.M)
    assert len(readings) >= 2 and readings[0][0].startswith("等要素的配套與")
    assert [float(s) for _, s in readings] == sorted((float(s) for _, s in readings), reverse=True)
    assert "printed as 〓 with a warning" in out


def test_the_corrections_entry_pastes_back_to_the_damaged_span(tmp_path, capsys):
    seed = tmp_path / "x.txt"
    seed.write_text("標題\n" + UNDECIDED + "\n", encoding="utf-8")
    main([str(seed), "2"])
    out = capsys.readouterr().out
    start = out.rindex("\n", 0, out.index("- source:")) + 1
    entry = yaml.safe_load("\n".join(out[start:].splitlines()[:5]))[0]
    assert entry["source"] == "?纫\ue02a氐呐涮着c" and entry["source"] in UNDECIDED
    assert entry["corrected"] == "等要素的配套與"


def test_a_line_without_runs_and_a_line_out_of_range(tmp_path, capsys):
    seed = tmp_path / "x.txt"
    seed.write_text("標題\n正文。\n", encoding="utf-8")
    assert main([str(seed), "2"]) == 0
    assert "no garbled run" in capsys.readouterr().out
    assert main([str(seed), "9"]) == 2
    assert "between 1 and" in capsys.readouterr().err


def test_make_explain_needs_seed_and_line():
    result = subprocess.run(["make", "-s", "explain"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "usage: make explain SEED=" in result.stdout
