"""`mkdocs serve` rebuilds when a seed or its corrections file changes, reads an edited template again, and
says to restart after a Python edit; a rebuild in the same process makes the same site as a fresh build."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES, GLOSSARY_FILE, MKDOCS_ENV, ROOT, SEED, companions, make_project
from helpers import site_files

SLUG = "she-qu-zhi-li-de-ji-ge-wen-ti"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, predicate, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    body = ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if predicate(body):
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never satisfied the condition; last body had {len(body)} characters")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`mkdocs serve` on the synthetic article, running a copy of build_hooks/ that the tests may edit."""
    directory = tmp_path_factory.mktemp("serve")
    hooks = directory / "build_hooks"
    shutil.copytree(ROOT / "build_hooks", hooks, ignore=shutil.ignore_patterns("__pycache__"))
    settings = {"hooks": [str(hooks / "hook.py")], "watch": [str(directory / "seeds"), str(hooks)]}
    config = make_project(directory, {"a.txt": (FIXTURES / "synthetic_article.txt").read_bytes()}, settings=settings)
    port = _free_port()
    log = open(directory / "serve.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=directory, env=MKDOCS_ENV, stdout=log, stderr=subprocess.STDOUT,
    )
    yield directory, f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)
    log.close()


def test_seed_and_corrections_edits_are_rebuilt(server):
    directory, base = server
    part = f"{base}/{SLUG}/part-1/"
    _wait_for(part, lambda body: "居民参与意识不强" in body)

    seed = directory / "seeds" / "a.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("居民參與意識不強", "居民参与热情不高"), encoding="utf-8")
    _wait_for(part, lambda body: "居民参与热情不高" in body)

    (directory / "seeds" / "a.corrections.yml").write_text(
        "corrections:\n  - {source: 热情不高, corrected: 热情很高, reason: a test of the rebuild}\n", encoding="utf-8"
    )
    _wait_for(part, lambda body: "居民参与热情很高" in body)
    # the search index follows the pages (serve does not wait for it) and holds the edit
    log = directory / "serve.log"
    deadline = time.monotonic() + 30
    while log.read_text(encoding="utf-8").count("(Pagefind)") < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert log.read_text(encoding="utf-8").count("(Pagefind)") >= 3
    _wait_for(f"{base}/pagefind/pagefind-entry.json", lambda body: '"page_count"' in body)


def test_a_template_edit_takes_effect_and_a_python_edit_asks_for_a_restart(server):
    directory, base = server
    part = f"{base}/{SLUG}/part-1/"
    _wait_for(part, lambda body: "dd-kicker" in body)
    template = directory / "build_hooks" / "duidu" / "templates" / "part.html"
    template.write_text(template.read_text(encoding="utf-8").replace("dd-kicker", "dd-kicker-edited"), encoding="utf-8")
    _wait_for(part, lambda body: "dd-kicker-edited" in body)

    log = directory / "serve.log"
    assert "restart" not in log.read_text(encoding="utf-8")
    module = directory / "build_hooks" / "duidu" / "slugs.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    deadline = time.monotonic() + 30
    while "restart" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.3)
    notices = [line for line in log.read_text(encoding="utf-8").splitlines() if "restart" in line]
    assert notices == [
        "WARNING -  duidu: build_hooks/duidu/slugs.py changed since `make serve` started: restart it to use the new code"
    ]


REBUILD = """
import sys
import jieba
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, *sites = sys.argv[1:]
for site in sites:  # as `mkdocs serve` rebuilds: the config read again, the hook module and jieba kept
    build(load_config(config_file, site_dir=site))
    print(jieba.dt.total, jieba.dt.FREQ.get("居站分设"), jieba.dt.FREQ.get("基层治理"))
"""


def test_a_rebuild_in_the_same_process_gives_the_same_site_as_a_fresh_build(tmp_path):
    """What `mkdocs serve` does on every edit: build again in the process that built before. The pages and
    the search index must come out as a fresh build makes them (and jieba's dictionary, which the repair reads,
    must not grow from one build to the next)."""
    files = {**companions(SEED), GLOSSARY_FILE.name: GLOSSARY_FILE.read_text(encoding="utf-8")}
    config = make_project(tmp_path, {SEED.name: SEED.read_bytes()}, extra_files=files)
    fresh, again = tmp_path / "fresh", tmp_path / "again"
    result = subprocess.run(
        [sys.executable, "-c", REBUILD, str(config), str(fresh), str(again)],
        cwd=tmp_path, env=MKDOCS_ENV, check=True, capture_output=True, text=True,
    )
    after_fresh, after_again = result.stdout.splitlines()
    assert after_fresh == after_again  # jieba's total and the words' frequencies did not grow

    first, second = site_files(fresh), site_files(again)
    assert "pagefind/pagefind.js" in first and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
