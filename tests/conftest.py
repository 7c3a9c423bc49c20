"""Shared fixtures: the built book (site and PDF) and a local web server for it."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
PDF = ROOT / "_build" / "latex" / "hcc-autophagy-book.pdf"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _jupyter_book(*arguments: str) -> list[str]:
    """The command line of ``jupyter-book`` (this environment's, if it has one) with ``arguments``."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return [str(jupyter_book) if jupyter_book.exists() else "jupyter-book", *arguments]


@pytest.fixture(scope="session")
def built_site() -> Path:
    """Build the book with warnings as errors (cached notebooks make a rebuild quick)."""
    command = _jupyter_book("build", str(ROOT), "-W", "-n", "--keep-going")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"book build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return SITE


@pytest.fixture(scope="session")
def built_pdf() -> Path:
    """Build the printed book with TeX Live's xelatex (the README's PDF command).

    Without xelatex and latexmk the PDF tests are skipped, or fail in CI (``CI`` set
    or ``REQUIRE_BROWSER=1``, as for Chromium).
    """
    missing = [program for program in ("xelatex", "latexmk") if shutil.which(program) is None]
    if missing:
        message = (f"the PDF tests need TeX Live's {' and '.join(missing)} (apt-get install "
                   "texlive-xetex texlive-latex-extra latexmk fonts-freefont-otf, see .ci/run)")
        if os.environ.get("REQUIRE_BROWSER") == "1" or os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    command = _jupyter_book("build", str(ROOT), "--builder", "pdflatex")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL)  # a TeX error stops instead of prompting
    assert result.returncode == 0 and PDF.exists(), \
        f"PDF build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return PDF


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """Serve the built site on 127.0.0.1 for the length of the session."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        message = f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core as bundled by the PyPI package ``axe-playwright-python`` (no npm needed)."""
    try:
        import axe_playwright_python
    except ImportError:
        message = ("accessibility tests need axe-core from the PyPI package "
                   "axe-playwright-python (pip install -r requirements-dev.txt)")
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return (Path(axe_playwright_python.__file__).with_name("axe.min.js")
            .read_text(encoding="utf-8"))
