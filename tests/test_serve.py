"""`mkdocs serve` rebuilds when a seed or its corrections file changes."""

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES, MKDOCS_ENV, make_project

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


@pytest.fixture
def server(tmp_path):
    config = make_project(tmp_path, {"a.txt": (FIXTURES / "synthetic_article.txt").read_bytes()})
    port = _free_port()
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=MKDOCS_ENV, stdout=log, stderr=subprocess.STDOUT,
    )
    yield tmp_path, f"http://127.0.0.1:{port}"
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
