"""Shared fixtures: the pipeline package on sys.path, throwaway MkDocs projects, the real built site, Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT / "seeds" / "000_187d118a7b570b53.txt"
SEED_CATALOG = SEED.with_name(SEED.stem + ".en.po")
GLOSSARY_FILE = ROOT / "seeds" / "glossary.yml"
SYNTHETIC = FIXTURES / "synthetic_article.txt"
SYNTHETIC_CATALOG = FIXTURES / "synthetic_article.en.po"
sys.path.insert(0, str(ROOT / "build_hooks"))

MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Build:
    returncode: int
    log: str
    site: Path

    def page(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8")


def make_project(directory: Path, seeds: dict[str, bytes], extra_files=None, settings=None) -> Path:
    """A MkDocs project in ``directory`` with the repo's config, hook and docs, and the given seeds;
    ``settings`` override top-level keys of the config (``{"use_directory_urls": False}``).

    Returns its config file.
    """
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / "docs")
    config["hooks"] = [str(ROOT / "build_hooks" / "hook.py")]
    config["watch"] = [str(directory / "seeds")]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config.update(settings or {})
    seed_dir = directory / "seeds"
    seed_dir.mkdir(parents=True, exist_ok=True)
    for name, data in seeds.items():
        (seed_dir / name).write_bytes(data)
    for name, text in (extra_files or {}).items():
        (seed_dir / name).write_text(text, encoding="utf-8")
    config_file = directory / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


def build_project(
    directory: Path, seeds: dict[str, bytes], *, strict: bool = False, extra_files=None, settings=None
) -> Build:
    """Build a throwaway project (see :func:`make_project`) with ``mkdocs build``."""
    config_file = make_project(directory, seeds, extra_files, settings)
    site = directory / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, capture_output=True, text=True, env=MKDOCS_ENV, cwd=directory)
    return Build(result.returncode, result.stdout + result.stderr, site)


def build_real_site(directory: Path, settings=None) -> Build:
    """The real seed with its side files and the glossary, built with --strict (and ``settings``)."""
    files = {**companions(SEED), GLOSSARY_FILE.name: GLOSSARY_FILE.read_text(encoding="utf-8")}
    build = build_project(directory, {SEED.name: SEED.read_bytes()}, strict=True, extra_files=files, settings=settings)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The site built with --strict from the real seed and its corrections file."""
    return build_real_site(tmp_path_factory.mktemp("real"))


@pytest.fixture(scope="session")
def flat_site(tmp_path_factory) -> Build:
    """The real site built with ``use_directory_urls: false`` (``part-1.html``, not ``part-1/``)."""
    return build_real_site(tmp_path_factory.mktemp("flat"), {"use_directory_urls": False})


@pytest.fixture(scope="session")
def article_slug(real_site) -> str:
    from duidu.pipeline import build_edition

    return build_edition(SEED).slug


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site on a static file server on 127.0.0.1; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def companions(seed: Path, name: str | None = None) -> dict[str, str]:
    """The files that live beside a seed (corrections, English catalog), renamed for a seed copied as ``name``."""
    stem = Path(name).stem if name else seed.stem
    files = {}
    for suffix in (".corrections.yml", ".en.po"):
        path = seed.with_name(seed.stem + suffix)
        if path.exists():
            files[stem + suffix] = path.read_text(encoding="utf-8")
    return files


def read_fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture
def synthetic_text() -> str:
    return read_fixture("synthetic_article.txt")



def pytest_configure(config):
    # pytest-playwright 0.10 defines its session fixtures as instance methods; pytest 9 warns on every run.
    config.addinivalue_line("filterwarnings", "ignore:Session-scoped fixtures defined as instance methods")
