"""Lighthouse on the built site, offline (run by `make lighthouse`; not part of every test run).

Serves site/ on 127.0.0.1 as a production static server would (gzip for text), audits one page of every
type (home, the first article's overview, part, references and About, the glossary, a glossary term's page,
the library and a shelf of it, About Duidu), and the part page and the glossary with every reading aid on
(pinyin and the dictionary over Traditional, dark, large: their files fetched and drawn), on mobile and on desktop, with Debian's Chromium, and prints the four scores per page against the targets:
performance >= 0.95 (mobile), accessibility 1.00, best practices >= 0.96, SEO >= 0.95.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
LIGHTHOUSE = ROOT / "tests" / "tools" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
ALL_AIDS = "?pinyin=on&dict=on&script=hant&scheme=dark&size=l"
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 0.96, "seo": 0.95}


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A static file server as a site would have in production: text compressed with gzip, assets cached."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".bib")

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in self.COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        if "/assets/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000")
        self.end_headers()
        return io.BytesIO(body)


def audit(url: str, form_factor: str) -> dict[str, float]:
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
        f"--chrome-flags={CHROME_FLAGS}", "--only-categories=performance,accessibility,best-practices,seo",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    categories = json.loads(result.stdout)["categories"]
    return {name: categories[name]["score"] for name in TARGETS}


def main() -> int:
    slug = next(p.parent.parent.name for p in sorted(SITE.glob("*/part-1/index.html")))
    term = next(p.parent.relative_to(SITE).as_posix() for p in sorted(SITE.glob("glossary/*/index.html")))
    shelf = next(p.parent.relative_to(SITE).as_posix() for p in sorted(SITE.glob("library/*/index.html")))
    pages = ["", *(f"{slug}/{page}" for page in ("", "part-1/", "references/", "about/")), "glossary/", f"{term}/", "library/", f"{shelf}/", "credits/"]
    pages += [f"{page}{ALL_AIDS}" for page in (f"{slug}/part-1/", "glossary/")]
    handler = functools.partial(StaticHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    missed = 0
    try:
        for page in pages:
            for form_factor in ("mobile", "desktop"):
                scores = audit(f"{base}/{page}", form_factor)
                checks = []
                for name, score in scores.items():
                    target = TARGETS[name]
                    applies = name != "performance" or form_factor == "mobile"
                    ok = score >= target or not applies
                    missed += not ok
                    checks.append(f"{name} {score:.2f}" + ("" if ok else f" (target {target:.2f}: MISSED)"))
                print(f"lighthouse /{page} {form_factor}: " + ", ".join(checks))
    finally:
        server.shutdown()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
