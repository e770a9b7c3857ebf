"""`make lock` rewrites requirements.lock from .venv, and a failure leaves the lock as it was (it used to be
written through a shell redirect, which empties the file before pip has said a word)."""

import os
import shutil
import subprocess

from conftest import ROOT


def project_copy(directory):
    for name in ("Makefile", "requirements.txt", "requirements.lock"):
        shutil.copy(ROOT / name, directory / name)
    stamp = directory / ".venv" / ".installed-stamp"
    stamp.parent.mkdir()
    stamp.touch()  # newer than the requirements: make installs nothing
    return directory / "requirements.lock"


def test_a_failing_freeze_leaves_the_lock_as_it_was(tmp_path):
    lock = project_copy(tmp_path)
    before = lock.read_bytes()
    result = subprocess.run(["make", "-s", "lock", f"BIN={tmp_path / 'no-venv'}"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert lock.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [".venv", "Makefile", "requirements.lock", "requirements.txt"]


def test_the_lock_pins_every_package_of_the_environment(tmp_path):
    lock = project_copy(tmp_path)
    lock.write_text("stale\n", encoding="utf-8")
    result = subprocess.run(["make", "-s", "lock", f"BIN={ROOT / '.venv' / 'bin'}"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = lock.read_text(encoding="utf-8")
    assert written == (ROOT / "requirements.lock").read_text(encoding="utf-8"), "requirements.lock is not what make lock writes"
