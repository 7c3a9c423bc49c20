"""The classroom: every chapter page opened in a real JupyterLab, run from a fresh kernel.

A JupyterLab server (the one ``requirements.txt`` installs, with jupyterlab-myst and jupytext)
serves a copy of the book's pages; headless Chromium opens each chapter page. A MyST page
(``.md``) must open as a notebook, every markdown cell must show rendered MyST (no raw
directive or role), Run All must end with no error output, and a widget must redraw its figure
when a control changes.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import book_contents
from conftest import ROOT
from tools.student_notebooks import chapter_pages
from widgets.panels.declaration import STATIC_ENV


# What MyST source looks like when it has not been rendered.
RAW_MYST = re.compile(r"(`{3}|:{3})\{[a-z-]+\}|\{(cite:[pt]|cite|doc|ref|term|bdg-[a-z-]+|numref|eq)\}`"
                      r"|^:(label|class|tags):", re.M)
TEST_SETTINGS = {  # every cell laid out (not only those in view), so that all can be read
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """A JupyterLab server on a copy of the book's pages; yields its base URL."""
    root = tmp_path_factory.mktemp("classroom")
    for folder in ("chapters", "reference", "book_assets"):
        shutil.copytree(ROOT / folder, root / folder)
    settings = tmp_path_factory.mktemp("lab-settings")
    for name, values in TEST_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values), encoding="utf-8")
    port = _free_port()
    jupyter = Path(sys.executable).with_name("jupyter")
    environment = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path_factory.mktemp("config")),
                   "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path_factory.mktemp("workspaces"))}
    environment.pop(STATIC_ENV, None)  # the kernels are a person's: live panels
    server = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         "--IdentityProvider.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
         "--LabApp.expose_app_in_browser=True", f"--LabApp.user_settings_dir={settings}",
         "--LabApp.news_url=", "--LabApp.extension_manager=readonly", "--allow-root"],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start within 60 s")
            time.sleep(0.5)
    yield url
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def lab_page(browser, jupyterlab):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{jupyterlab}/lab", wait_until="domcontentloaded")
    page.wait_for_function("window.jupyterapp && window.jupyterapp.started !== undefined")
    page.evaluate("window.jupyterapp.started")
    yield page
    context.close()


OPEN = """async (path) => {
  const app = window.jupyterapp;
  await app.started;
  await app.commands.execute('filebrowser:open-path', {path});
  const deadline = Date.now() + 60000;
  let panel = null;
  while (Date.now() < deadline) {
    panel = app.shell.currentWidget;
    if (panel && panel.context && panel.context.path === path && panel.content
        && panel.content.widgets && panel.content.widgets.length) break;
    await new Promise(r => setTimeout(r, 200));
  }
  if (!panel || !panel.content.widgets) return {kind: panel ? panel.constructor.name : 'none'};
  await panel.context.ready;
  await panel.sessionContext.ready;
  return {kind: 'notebook', cells: panel.content.widgets.length};
}"""

RUN_ALL = """async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
  const deadline = Date.now() + 120000;
  const cells = () => panel.content.widgets.filter(c => c.model.type === 'code');
  while (Date.now() < deadline) {
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    const done = cells().every(c => c.model.executionCount !== null);
    if (kernel && kernel.status === 'idle' && done) break;
    await new Promise(r => setTimeout(r, 250));
  }
  const errors = [];
  for (const cell of cells()) {
    if (cell.model.executionCount === null) errors.push('not run: ' + cell.model.sharedModel.source.slice(0, 60));
    for (const output of cell.model.outputs.toJSON()) {
      if (output.output_type === 'error') errors.push(output.ename + ': ' + output.evalue);
    }
  }
  return errors;
}"""

CLOSE = """async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await panel.sessionContext.shutdown();
  panel.context.model.dirty = false;
  panel.dispose();
}"""


def _rendered_text(page) -> str:
    return page.evaluate("""() => [...window.jupyterapp.shell.currentWidget.content.widgets]
        .filter(c => c.model.type === 'markdown').map(c => c.node.innerText).join('\\n')""")


def _unrendered(page) -> int:
    return page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(c => c.model.type === 'markdown' && !c.rendered).length""")


def _images(page) -> list[str]:
    return page.evaluate("""() => [...window.jupyterapp.shell.currentWidget.node
        .querySelectorAll('.jp-OutputArea img')].map(i => i.src.slice(-200))""")


PAGES = [str(page) for page in chapter_pages()]
WIDGET_PAGES = [path for path in PAGES if path.endswith(".ipynb") and "from widgets.panels" in
                (ROOT / path).read_text(encoding="utf-8")]


def _change_a_control(page) -> None:
    """Move the panel's first control one step: a drop-down, toggle buttons or a slider."""
    area = page.locator(".jp-OutputArea .widget-box").first
    select = area.locator("select")
    if select.count():
        current = select.first.evaluate("node => node.selectedIndex")
        count = select.first.locator("option").count()
        select.first.select_option(index=(current + 1) % count)
    elif area.locator(".widget-toggle-button").count():
        area.locator(".widget-toggle-button:not(.mod-active)").first.click()
    else:
        handle = area.locator(".noUi-handle").first
        handle.focus()
        page.keyboard.press("ArrowRight")


IMAGES_CHANGED = ("before => JSON.stringify([...window.jupyterapp.shell.currentWidget.node"
                  ".querySelectorAll('.jp-OutputArea img')].map(i => i.src.slice(-200)))"
                  " !== JSON.stringify(before)")


@pytest.mark.parametrize("path", PAGES)
def test_a_chapter_page_opens_as_a_notebook_with_myst_rendered_and_runs_without_error(lab_page, path):
    opened = lab_page.evaluate(OPEN, path)
    assert opened["kind"] == "notebook", (path, opened)
    try:
        lab_page.wait_for_function("""() => window.jupyterapp.shell.currentWidget.content.widgets
            .filter(c => c.model.type === 'markdown').every(c => c.rendered)""", timeout=30000)
        lab_page.wait_for_timeout(500)  # MyST renders after the cell says it is rendered
        text = _rendered_text(lab_page)
        raw = sorted({match.group(0) for match in RAW_MYST.finditer(text)})
        assert not raw, (path, raw)
        errors = lab_page.evaluate(RUN_ALL)
        assert not errors, (path, errors)
        assert _unrendered(lab_page) == 0, path
        if path in WIDGET_PAGES:  # the live panel answers its controls
            lab_page.wait_for_selector(".jp-OutputArea .widget-box img", timeout=60000)
            before = _images(lab_page)
            _change_a_control(lab_page)
            lab_page.wait_for_function(IMAGES_CHANGED, arg=before, timeout=30000)
    finally:
        lab_page.evaluate(CLOSE)


def test_every_widget_notebook_is_among_the_pages_checked():
    """One notebook per declared panel, each opened and its control moved above."""
    from widgets.panels import declared_panels

    shown = {str(book_contents.source(page).relative_to(ROOT))
             for page in book_contents.panel_pages()}
    assert set(WIDGET_PAGES) == shown and len(shown) == len(declared_panels())
    assert set(WIDGET_PAGES) <= set(PAGES)
