"""What the book holds, found in ``_toc.yml`` and in the pages' sources, never listed by hand.

Tests compare what they meet (built pages, banks, executed notebooks, panels) with these
sets, instead of a hand-written list of chapters or a floor such as ``len(pages) >= 18``.
"""
from __future__ import annotations

import ast
import functools
import json
import re
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import yaml

ROOT = Path(__file__).resolve().parents[1]
PANEL_IMPORT = "from widgets.panels import"


def toc_files() -> list[str]:
    """Every file of ``_toc.yml`` (without suffix), the root first, then in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def visit(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            visit(entry.get("chapters", []) + entry.get("sections", []))

    visit(toc.get("parts", []))
    return files


def chapters() -> list[str]:
    """The chapters of the book (folders under ``chapters/``), in the order of the contents."""
    found = []
    for file in toc_files():
        parts = file.split("/")
        if parts[0] == "chapters" and parts[1] not in found:
            found.append(parts[1])
    return found


def source(file: str) -> Path:
    """The notebook or MyST page of a table-of-contents ``file``."""
    for suffix in (".ipynb", ".md"):
        path = ROOT / f"{file}{suffix}"
        if path.exists():
            return path
    raise FileNotFoundError(f"_toc.yml names {file!r}, which has no .ipynb or .md file")


def is_notebook(path: Path) -> bool:
    """Whether the build runs ``path`` in a kernel: a notebook, or a MyST notebook.

    A MyST page is one when its front matter says so (jupytext's ``format_name: myst``),
    as MyST-NB decides.
    """
    if path.suffix == ".ipynb":
        return True
    match = re.match(r"---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S)
    if not match:
        return False
    front = yaml.safe_load(match.group(1)) or {}
    representation = (front.get("jupytext") or {}).get("text_representation") or {}
    return front.get("file_format") == "mystnb" or representation.get("format_name") == "myst"


def notebook_pages() -> list[str]:
    """The table-of-contents files the build runs in a kernel, as ``chapters/machinery/quiz``.

    The notebooks and MyST notebooks, except a MyST page whose only code is its quiz: that
    quiz is rendered when the page is read (``_ext/quiz_pages.py``), without a kernel.
    """
    from _ext import quiz_pages

    return [file for file in toc_files() if is_notebook(source(file))
            and not (source(file).suffix == ".md"
                     and quiz_pages.quiz_only(source(file).read_text(encoding="utf-8")))]


def code_cells(file: str) -> list[str]:
    """The code of a page: a notebook's code cells, or a MyST page's ``{code-cell}`` blocks."""
    path = source(file)
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    return re.findall(r"^```\{code-cell\}[^\n]*\n(.*?)^```", path.read_text(encoding="utf-8"),
                      re.S | re.M)


def widget_pages() -> list[str]:
    """The table-of-contents files whose code shows a panel of :mod:`widgets.panels`."""
    return [file for file in toc_files() if any(PANEL_IMPORT in cell for cell in code_cells(file))]


def panel_pages() -> dict[str, object]:
    """The panel each widget page shows, as its declaration with the page's arguments.

    Each value is a :func:`functools.partial` of one of
    :func:`widgets.panels.declared_panels`: ``.func`` is the declaration, and calling it
    declares the page's panel. The page's panel cell is run with every declaration replaced
    by such a stand-in and ``build`` passing it through, so nothing is computed or drawn. A
    page whose panel no declaration makes maps to what it built instead.
    """
    import importlib
    import pkgutil

    import widgets.panels as package

    modules = [importlib.import_module(f"{package.__name__}.{module.name}")
               for module in pkgutil.iter_modules(package.__path__)]
    declared = {id(make): make for make in package.declared_panels()}
    shown = {}
    for file in widget_pages():
        cell = next(cell for cell in code_cells(file) if PANEL_IMPORT in cell)
        *body, last = ast.parse(cell).body
        namespace: dict = {}
        with ExitStack() as patches:
            for module in modules:
                for name, value in list(vars(module).items()):
                    if id(value) in declared:
                        patches.enter_context(mock.patch.object(
                            module, name, functools.partial(functools.partial, value)))
                if hasattr(module, "build"):
                    patches.enter_context(mock.patch.object(module, "build", lambda panel: panel))
            exec(compile(ast.Module(body, type_ignores=[]), file, "exec"), namespace)
            shown[file] = eval(compile(ast.Expression(last.value), file, "eval"), namespace)
    return shown


def executed_documents(site: Path) -> dict[str, dict[str, str]]:
    """The built execution-status page's table: document -> {column heading: text}.

    MyST-NB's columns: Document, Modified, Method, Run Time (s), Status (✅ or ❌).
    """
    html = (site / "reference" / "execution_status.html").read_text(encoding="utf-8")

    def texts(row, cell):
        return [re.sub(r"<[^>]+>", "", text).strip()
                for text in re.findall(rf"<{cell}[^>]*>(.*?)</{cell}>", row, re.S)]

    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    head, body = re.search(r"<thead>(.*?)</thead>.*?<tbody>(.*?)</tbody>", table, re.S).groups()
    headings = texts(head, "th")
    rows = [dict(zip(headings, texts(row, "td"))) for row in re.findall(r"<tr[^>]*>(.*?)</tr>",
                                                                        body, re.S)]
    return {row["Document"]: row for row in rows}
