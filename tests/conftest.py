"""Shared fixtures (the built book, its PDF, a local web server, Chromium, programs) and the tiers.

Tiers. Every test belongs to one tier, decided by the fixtures it uses (directly or through
other fixtures), so that no test can be left out of one:

* ``fast`` — needs only what pip installs; what ``python -m pytest`` (or ``pytest``) runs;
* ``book`` — builds the book (``built_site``, ``built_pdf``) or needs a program pip does not
  install (``graphviz``; TeX Live for the PDF);
* ``browser`` — drives headless Chromium (``browser``), on the built site or in JupyterLab.

``python -m pytest --full`` runs every tier. Where a program is missing a test skips and says
which program and how to install it; in CI (``CI`` set, or ``REQUIRE_PROGRAMS=1``) the same
test fails, and any skip at all fails.
"""
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
TIERS = ("fast", "book", "browser")
# The fixtures that put a test in a slower tier; every other test is fast.
TIER_OF_FIXTURE = {"built_site": "book", "built_pdf": "book", "graphviz": "book",
                   "browser": "browser"}
FULL_OPTION = "--full"


def pytest_addoption(parser):
    parser.addoption(FULL_OPTION, action="store_true",
                     help="run every tier (fast, book, browser); without it only the fast tier runs")


def pytest_configure(config):
    for tier in TIERS:
        config.addinivalue_line("markers", f"{tier}: tier of the test, set from its fixtures")


def tier_of(item) -> str:
    """The slowest tier among the fixtures ``item`` uses (``fast`` if none)."""
    used = [TIER_OF_FIXTURE[name] for name in getattr(item, "fixturenames", ())
            if name in TIER_OF_FIXTURE]
    return max(used, key=TIERS.index, default="fast")


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(tier_of(item))
    if config.getoption(FULL_OPTION) or config.getoption("markexpr"):
        return
    slow = [item for item in items if tier_of(item) != "fast"]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if tier_of(item) == "fast"]


def pytest_report_header(config):
    if config.getoption(FULL_OPTION) or config.getoption("markexpr"):
        return None
    return (f"fast tier only (the book, Graphviz, TeX and Chromium tiers are deselected); "
            f"every tier: python -m pytest {FULL_OPTION}")


def programs_required() -> bool:
    """In CI every program must be there: a missing one fails instead of skipping."""
    return bool(os.environ.get("CI")) or os.environ.get("REQUIRE_PROGRAMS") == "1"


def missing_program(message: str):
    """Skip, saying what is missing and how to install it; fail where programs are required."""
    if programs_required():
        pytest.fail(message)
    pytest.skip(message)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and programs_required() and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped where every program is required (CI): {report.longrepr}"


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

    Without xelatex and latexmk the PDF tests are skipped, or fail in CI.
    """
    missing = [program for program in ("xelatex", "latexmk") if shutil.which(program) is None]
    if missing:
        missing_program(f"the PDF tests need TeX Live's {' and '.join(missing)} (apt-get install "
                        "texlive-xetex texlive-latex-extra latexmk fonts-freefont-otf, see .ci/run)")
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
        missing_program(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright import sync_api as playwright_api
    except ImportError:
        missing_program("browser tests need Playwright (pip install -r requirements-dev.txt)")
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
        missing_program("accessibility tests need axe-core from the PyPI package "
                        "axe-playwright-python (pip install -r requirements-dev.txt)")
    return (Path(axe_playwright_python.__file__).with_name("axe.min.js")
            .read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def graphviz() -> str:
    """Graphviz's ``dot``, which draws the book's diagrams (not a pip package)."""
    found = shutil.which("dot")
    if found is None:
        missing_program("drawing the diagrams needs Graphviz's dot (apt-get install graphviz, "
                        "brew install graphviz or conda install graphviz)")
    return found
