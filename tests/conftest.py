"""Shared fixtures: the pipeline package on sys.path, throwaway MkDocs projects, the real built site, Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import mkdocs.__main__
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

# The builds of the tests are reproducible builds: the one time stamp a build writes (the Anki deck's notes,
# otherwise the glossary file's time, which a copy resets) comes from here (build.deck_time).
os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
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
    arguments = ["build", "-f", str(config_file), "-d", str(site)]
    if strict:
        arguments.append("--strict")
    returncode, log = run_mkdocs(arguments, directory)
    return Build(returncode, log, site)


def run_mkdocs(arguments: list[str], directory: Path) -> tuple[int, str]:
    """``mkdocs <arguments>`` run in ``directory``, as the command line runs it: its exit status and output.

    The command runs in a child forked from this process (see :func:`run_forked`), which has already imported
    MkDocs, Material and the pipeline (and loaded jieba's dictionary): each build starts as a fresh process
    would, without paying a second or two of start-up.
    """
    _warm_up()

    def mkdocs_command():
        mkdocs.__main__.ColorFormatter.text_wrapper.width = 0  # as when the output is not a terminal
        mkdocs.__main__.cli.main(arguments, prog_name="mkdocs", standalone_mode=True)

    result = run_forked(mkdocs_command, directory)
    return result.returncode, result.stdout + result.stderr


def run_forked(main, directory: Path) -> subprocess.CompletedProcess:
    """``main()`` run as a command would run it, in a child process forked from this one: in ``directory``,
    with its own standard output and error, and the exit status it returns or exits with (a traceback and
    status 1 for an exception). Nothing the child does reaches the tests' process."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            status = 70
            try:
                os.chdir(directory)
                os.environ.update(MKDOCS_ENV)
                os.dup2(out.fileno(), 1)
                os.dup2(err.fileno(), 2)
                sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
                sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
                try:
                    returned = main()
                    status = returned if isinstance(returned, int) else 0
                except SystemExit as exit:
                    status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
                except BaseException:
                    import traceback

                    traceback.print_exc()
                    status = 1
            finally:
                try:
                    sys.stdout.flush()
                    sys.stderr.flush()
                finally:
                    os._exit(status)
        _, wait_status = os.waitpid(pid, 0)
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(
            [getattr(main, "__name__", repr(main))],
            os.waitstatus_to_exitcode(wait_status),
            out.read().decode("utf-8", errors="replace"),
            err.read().decode("utf-8", errors="replace"),
        )


def _warm_up() -> None:
    """What every build imports, imported once here (see :func:`run_mkdocs`)."""
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    from duidu import build  # noqa: F401
    from duidu.pipeline import load_dictionaries

    load_dictionaries()  # loaded by a build only when it makes an edition: here once for every child


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


@contextlib.contextmanager
def static_server(folder: Path):
    """``folder`` on a static file server on 127.0.0.1, as any static host serves a site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def served_site(real_site):
    """The real site on a static file server on 127.0.0.1; yields its base URL."""
    with static_server(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: `make test` installs it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


PLAYWRIGHT_VIEWPORT = {"width": 1280, "height": 720}
"""The window a new Playwright page has."""


@pytest.fixture(scope="session")
def _one_context(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def context(_one_context):
    """pytest-playwright's ``context``, one for the session instead of one per test (a fresh context costs a
    new tab and half a second); each test still finds it as a new reader would: no route, no permission, no
    cookie, and no other tab."""
    yield _one_context
    _one_context.unroute_all(behavior="ignoreErrors")
    _one_context.clear_permissions()
    _one_context.clear_cookies()
    for tab in _one_context.pages[1:]:
        tab.close()


@pytest.fixture
def clipboard_page(browser):
    """A tab of its own that may read and write the clipboard (the ¶ links and copy buttons copy)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page(context):
    """pytest-playwright's ``page``, the same tab for every test: left blank, with nothing stored, at the
    default window size after each."""
    page = context.pages[0] if context.pages else context.new_page()
    yield page
    if page.url.startswith("http"):
        page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    page.set_viewport_size(PLAYWRIGHT_VIEWPORT)
    page.goto("about:blank")


def companions(seed: Path, name: str | None = None) -> dict[str, str]:
    """The files that live beside a seed (corrections, English catalog, id registry), renamed for a seed copied as ``name``."""
    stem = Path(name).stem if name else seed.stem
    files = {}
    for suffix in (".corrections.yml", ".en.po", ".ids.yml"):
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


def pytest_xdist_make_scheduler(config, log):
    """`make test` runs the suite on every core (pytest-xdist). The tests that drive Chromium (pytest-playwright
    names them ``[chromium...]``) go together to one worker and its one browser; every other file goes whole to
    a worker, so that a module's fixtures (a built site, a thousand simulated runs) are made once."""
    from xdist.scheduler import LoadScopeScheduling

    class OneBrowserScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "chromium" if "[chromium" in nodeid else nodeid.split("::", 1)[0]

    return OneBrowserScheduling(config, log)
