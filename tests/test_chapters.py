"""Every chapter of the book has every piece a chapter needs (README, "Adding a chapter").

The chapters are read from ``_toc.yml`` (each ``chapters/<name>/…`` entry), never listed here,
so a seventh chapter is checked as soon as it is in the table of contents. Each check is one
case per chapter (or per widget notebook, table or quiz quantity) and its message names the
chapter and the missing piece. The registries a chapter fills (quiz quantities, tables) are
checked at the end.
"""
from __future__ import annotations

import ast
import importlib
import json
import re
import types
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
FIGURE = re.compile(r"/book_assets/diagrams/([a-z0-9_]+)\.svg")
TABLE_CALL = re.compile(r"\btables\.([a-z0-9_]+)\(")
PANELS_IMPORT = "widgets.panels"
README_STEP = "(see the README, 'Adding a chapter')"


def _entries(entries):
    for entry in entries:
        yield entry
        yield from _entries(entry.get("sections", []))


def _toc_chapters() -> dict[str, dict]:
    """Each chapter of ``_toc.yml`` by folder name: its entry file, its pages, its part."""
    found: dict[str, dict] = {}
    for part in TOC["parts"]:
        for entry in part["chapters"]:
            parts = entry["file"].split("/")
            if parts[0] != "chapters":
                continue
            found[parts[1]] = {"file": entry["file"], "caption": part.get("caption", ""),
                               "pages": [e["file"] for e in _entries([entry])],
                               "sections": [e["file"] for e in entry.get("sections", [])]}
    return found


CHAPTERS = _toc_chapters()
NAMES = list(CHAPTERS)
TOC_FILES = {entry["file"] for part in TOC["parts"] for entry in _entries(part["chapters"])}


def _page_text(path: Path) -> str:
    """A page's text: a MyST file as it is, a notebook's cells joined."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(cell["source"]) for cell in cells)
    return path.read_text(encoding="utf-8")


def _pages(name: str) -> dict[Path, str]:
    """The pages in ``chapters/<name>/`` (MyST and notebooks) and their text."""
    folder = ROOT / "chapters" / name
    return {path: _page_text(path) for pattern in ("*.md", "*.ipynb")
            for path in sorted(folder.glob(pattern))}


def _widget_notebooks(name: str) -> list[Path]:
    """The chapter's notebooks that call a panel (``widgets.panels``)."""
    return [path for path, text in _pages(name).items()
            if path.suffix == ".ipynb" and PANELS_IMPORT in text]


def _bank(name: str) -> dict | None:
    path = ROOT / "data" / "quizzes" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


@lru_cache(maxsize=None)
def _test_functions(path: Path) -> dict[str, ast.FunctionDef]:
    """The ``test_*`` functions a test module defines, read without importing it."""
    if not path.is_file():
        return {}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def _claims_module(name: str) -> Path:
    return ROOT / "tests" / f"test_claims_{name}.py"


# --- the chapter's pages -------------------------------------------------------------------


def test_the_table_of_contents_names_every_chapter_folder():
    folders = sorted(p.name for p in (ROOT / "chapters").iterdir()
                     if p.is_dir() and not p.name.startswith((".", "_")))
    missing = sorted(set(folders) - set(NAMES))
    assert not missing, f"chapters/{missing[0]}/ is not in _toc.yml {README_STEP}"
    assert len(NAMES) >= 7


@pytest.mark.parametrize("name", NAMES)
def test_chapter_opens_on_its_index_page(name):
    index = ROOT / "chapters" / name / "index.md"
    assert index.is_file(), f"chapter {name!r} has no index page chapters/{name}/index.md {README_STEP}"
    assert CHAPTERS[name]["file"] == f"chapters/{name}/index", \
        f"chapter {name!r}: _toc.yml must open its part on chapters/{name}/index, " \
        f"not {CHAPTERS[name]['file']}"
    assert CHAPTERS[name]["caption"], f"chapter {name!r}: its part in _toc.yml has no caption"


@pytest.mark.parametrize("name", NAMES)
def test_every_page_of_the_chapter_is_in_the_table_of_contents_and_exists(name):
    listed = set(CHAPTERS[name]["pages"])
    for page in listed:
        assert page.startswith(f"chapters/{name}/"), \
            f"chapter {name!r}: _toc.yml lists {page} in it, outside chapters/{name}/"
        assert any((ROOT / f"{page}{suffix}").is_file() for suffix in (".md", ".ipynb")), \
            f"chapter {name!r}: _toc.yml lists {page}, which has no .md or .ipynb file"
    for path in _pages(name):
        page = path.relative_to(ROOT).with_suffix("").as_posix()
        assert page in listed, f"chapter {name!r}: {path.relative_to(ROOT)} is not in _toc.yml"


@pytest.mark.parametrize("name", NAMES)
def test_the_landing_page_lists_the_chapter(name):
    intro = (ROOT / "intro.md").read_text(encoding="utf-8")
    assert f"<chapters/{name}/index>`" in intro or f"{{doc}}`chapters/{name}/index`" in intro, \
        f"chapter {name!r} is missing from intro.md's list of chapters {README_STEP}"


# --- the quiz ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_chapter_has_a_quiz_bank(name):
    bank = _bank(name)
    assert bank is not None, f"chapter {name!r} has no quiz bank data/quizzes/{name}.json {README_STEP}"
    assert bank["chapter"] == name, \
        f"data/quizzes/{name}.json says its chapter is {bank['chapter']!r}, not {name!r}"
    assert bank["title"].strip() and bank["questions"], \
        f"chapter {name!r}: data/quizzes/{name}.json has no title or no questions"


@pytest.mark.parametrize("name", NAMES)
def test_chapter_shows_its_whole_quiz_on_its_last_page(name):
    """A chapter with sections ends on ``quiz.ipynb``; a one-page chapter (the conclusion)
    shows its quiz on its index."""
    sections = CHAPTERS[name]["sections"]
    if sections:
        page = ROOT / "chapters" / name / "quiz.ipynb"
        assert page.is_file(), f"chapter {name!r} has no quiz page chapters/{name}/quiz.ipynb {README_STEP}"
        assert sections[-1] == f"chapters/{name}/quiz", \
            f"chapter {name!r}: chapters/{name}/quiz must be its last section in _toc.yml"
    else:
        page = ROOT / "chapters" / name / "index.md"
    assert f'quiz.show("{name}")' in _page_text(page), \
        f"chapter {name!r}: {page.relative_to(ROOT)} does not show the chapter quiz " \
        f'(quiz.show("{name}"))'


def _used_quantities() -> list[tuple[str, str]]:
    used = []
    for name in NAMES:
        bank = _bank(name) or {"questions": []}
        quantities = dict.fromkeys(q["compute"]["quantity"] for q in bank["questions"]
                                   if "compute" in q)
        used += [(name, quantity) for quantity in quantities]
    return used


@pytest.mark.parametrize("name, quantity", _used_quantities(),
                         ids=[f"{n}-{q}" for n, q in _used_quantities()])
def test_quiz_quantities_the_bank_uses_are_registered(name, quantity):
    from widgets.quiz.quantities import declared_quantities

    assert quantity in declared_quantities(), \
        f"chapter {name!r}: data/quizzes/{name}.json asks for quantity {quantity!r}, which no " \
        f"module of widgets/quiz/quantities/ registers in its QUANTITIES {README_STEP}"


# --- the instructor guide ------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_chapter_has_an_instructor_page_in_the_guide(name):
    page = ROOT / "reference" / "instructor" / f"{name}.md"
    assert page.is_file(), \
        f"chapter {name!r} has no instructor page reference/instructor/{name}.md {README_STEP}"
    guide = [e for part in TOC["parts"] for e in part["chapters"]
             if e["file"] == "reference/instructor/index"]
    assert guide, "_toc.yml has no instructor guide (reference/instructor/index)"
    assert f"reference/instructor/{name}" in [s["file"] for s in guide[0].get("sections", [])], \
        f"chapter {name!r}: reference/instructor/{name} is not a section of the guide in _toc.yml"
    text = page.read_text(encoding="utf-8")
    for directive in ("quiz-answer-key", "exercise-solutions"):
        assert f"```{{{directive}}} {name}" in text, \
            f"chapter {name!r}: reference/instructor/{name}.md has no {{{directive}}} {name}"


# --- widget notebooks: their panels and the claims their text makes ------------------------


WIDGET_NOTEBOOKS = [(name, path) for name in NAMES for path in _widget_notebooks(name)]
CHAPTERS_WITH_WIDGETS = list(dict.fromkeys(name for name, _ in WIDGET_NOTEBOOKS))


@pytest.mark.parametrize("name, notebook", WIDGET_NOTEBOOKS,
                         ids=[f"{n}-{p.stem}" for n, p in WIDGET_NOTEBOOKS])
def test_each_widget_notebook_has_a_claims_test(name, notebook):
    module = _claims_module(name)
    expected = f"test_{name}_{notebook.stem}_claims"
    functions = _test_functions(module)
    assert expected in functions, \
        f"chapter {name!r}: chapters/{name}/{notebook.name} calls a panel, but " \
        f"tests/{module.name} has no {expected}() checking the claims its text makes {README_STEP}"
    asserts = [node for node in ast.walk(functions[expected]) if isinstance(node, ast.Assert)]
    assert asserts, f"chapter {name!r}: tests/{module.name}::{expected} asserts nothing"


def _checks_a_solution(function: ast.FunctionDef) -> bool:
    """Whether ``function`` is marked ``@checks_solution(...)`` (tests/solution_claims.py)."""
    return any(isinstance(d, ast.Call) and isinstance(d.func, ast.Name)
               and d.func.id == "checks_solution" for d in function.decorator_list)


def test_every_claims_test_names_a_widget_notebook():
    """A claims test left behind by a renamed or removed notebook fails too; a test that checks
    an exercise solution says which one with ``checks_solution`` (test_claims_coverage.py)."""
    expected = {f"test_{name}_{path.stem}_claims" for name, path in WIDGET_NOTEBOOKS}
    modules = sorted(path for path in (ROOT / "tests").glob("test_claims_*.py")
                     if path.name != "test_claims_coverage.py")
    assert modules
    for module in modules:
        assert module.stem.removeprefix("test_claims_") in NAMES, \
            f"tests/{module.name} is named after no chapter of _toc.yml"
        for name, function in _test_functions(module).items():
            assert name in expected or _checks_a_solution(function), \
                f"tests/{module.name}::{name} is not test_<chapter>_<notebook>_claims " \
                "of a widget notebook, nor marked @checks_solution"


def _activity_pages(name: str) -> set[str]:
    path = ROOT / "data" / "activities" / f"{name}.json"
    if not path.is_file():
        return set()
    return {task["page"] for task in json.loads(path.read_text(encoding="utf-8"))["tasks"]}


@pytest.mark.parametrize("name, notebook", WIDGET_NOTEBOOKS,
                         ids=[f"{n}-{p.stem}" for n, p in WIDGET_NOTEBOOKS])
def test_every_widget_notebook_asks_before_it_tells(name, notebook):
    """Each widget page shows its predict-observe-explain tasks, declared in the chapter's file."""
    shows = f'activities.show("{name}", "{notebook.stem}")' in _page_text(notebook)
    listed = notebook.stem in _activity_pages(name)
    assert shows and listed, \
        f"chapter {name!r}: chapters/{name}/{notebook.name} " + \
        ("" if shows else f'does not call activities.show("{name}", "{notebook.stem}")') + \
        (" and " if not (shows or listed) else "") + \
        ("" if listed else f"has no task on page {notebook.stem!r} in "
                           f"data/activities/{name}.json") + f" {README_STEP}"


@pytest.mark.parametrize("name", CHAPTERS_WITH_WIDGETS)
def test_chapter_with_widget_notebooks_has_a_panels_module(name):
    path = ROOT / "widgets" / "panels" / f"{name}.py"
    assert path.is_file(), \
        f"chapter {name!r} has widget notebooks but no panels module widgets/panels/{name}.py " \
        f"{README_STEP}"
    module = importlib.import_module(f"widgets.panels.{name}")
    assert getattr(module, "PANELS", ()), \
        f"chapter {name!r}: widgets/panels/{name}.py declares no PANELS"
    from widgets.panels import declared_panels
    assert set(module.PANELS) <= set(declared_panels())
    for notebook in _widget_notebooks(name):
        text = _page_text(notebook)
        assert f"from widgets.panels import {name}" in text or f"widgets.panels.{name}" in text, \
            f"chapter {name!r}: chapters/{name}/{notebook.name} does not use widgets.panels.{name}"


# --- diagrams and tables -------------------------------------------------------------------


def _shown(name: str, pattern: re.Pattern, suffixes: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(found for path, text in _pages(name).items()
                              if path.suffix in suffixes for found in pattern.findall(text)))


CHAPTERS_WITH_DIAGRAMS = [name for name in NAMES if _shown(name, FIGURE, (".md",))]


@pytest.mark.parametrize("name", CHAPTERS_WITH_DIAGRAMS)
def test_chapter_whose_pages_show_diagrams_has_a_diagrams_module(name):
    path = ROOT / "widgets" / "figures" / "diagrams" / f"{name}.py"
    assert path.is_file(), \
        f"chapter {name!r} shows diagrams but has no diagrams module " \
        f"widgets/figures/diagrams/{name}.py {README_STEP}"
    module = importlib.import_module(f"widgets.figures.diagrams.{name}")
    declared = {diagram.name for diagram in getattr(module, "DIAGRAMS", ())}
    shown = set(_shown(name, FIGURE, (".md", ".ipynb")))
    assert declared & shown, \
        f"chapter {name!r}: widgets/figures/diagrams/{name}.py declares none of the diagrams " \
        f"its pages show ({', '.join(sorted(shown))})"


TABLES_SHOWN = [(name, table) for name in NAMES
                for table in _shown(name, TABLE_CALL, (".md", ".ipynb"))]


@pytest.mark.parametrize("name, table", TABLES_SHOWN, ids=[f"{n}-{t}" for n, t in TABLES_SHOWN])
def test_tables_a_chapter_shows_are_declared_by_its_tables_module(name, table):
    path = ROOT / "widgets" / "tables" / f"{name}.py"
    assert path.is_file(), \
        f"chapter {name!r} shows tables.{table}() but has no tables module " \
        f"widgets/tables/{name}.py {README_STEP}"
    module = importlib.import_module(f"widgets.tables.{name}")
    assert table in [function.__name__ for function in getattr(module, "TABLES", ())], \
        f"chapter {name!r}: tables.{table}() is not in the TABLES of widgets/tables/{name}.py"


# --- the registries chapters fill ----------------------------------------------------------


def test_quiz_quantities_are_gathered_from_every_chapter_module():
    from widgets.quiz import quantities

    registered = quantities.declared_quantities()
    assert {"ic50", "fold_shift", "surface_mhc_i", "stem_percent", "coculture_ic50_shift",
            "trial_hazard_ratio", "schoenfeld_events", "lc3_i", "lc3_ii", "p62", "flux",
            "viability"} <= set(registered)
    for name, function in registered.items():
        assert callable(function) and function.__doc__, name


def test_a_quiz_quantity_registered_twice_is_refused_naming_both_modules():
    from widgets.quiz.quantities import gather

    first = types.SimpleNamespace(__name__="chapter_a", QUANTITIES={"x": float})
    second = types.SimpleNamespace(__name__="chapter_b", QUANTITIES={"x": float})
    with pytest.raises(ValueError, match=r"'x' is registered twice: by chapter_a and by chapter_b"):
        gather([first, second])


def test_an_unknown_quiz_quantity_is_named_with_every_registered_choice():
    from widgets.quiz.bank import model_answer
    from widgets.quiz.quantities import declared_quantities

    with pytest.raises(ValueError, match=r"question 'q': unknown quantity 'nope'; valid choices") as error:
        model_answer({"id": "q", "compute": {"quantity": "nope"}})
    for quantity in declared_quantities():
        assert quantity in str(error.value)


def test_tables_are_gathered_from_every_chapter_module_and_reached_by_name():
    from widgets import tables

    declared = tables.declared_tables()
    assert {"parameter_table", "compound_effect_table", "cell_line_table",
            "cell_line_parameter_table", "validation_table", "ic50_table"} <= set(declared)
    for name, builder in declared.items():
        assert getattr(tables, name) is builder and name in dir(tables)
    assert tables.ic50_table.__module__ == "widgets.tables.drugs"
    assert tables.parameter_table.__module__ == "widgets.tables.reference"
    with pytest.raises(AttributeError, match="no attribute 'no_such_table'"):
        tables.no_such_table


def test_a_table_declared_twice_is_refused_naming_both_modules():
    from widgets.tables import gather

    def twin_table():
        return ""

    first = types.SimpleNamespace(__name__="chapter_a", TABLES=(twin_table,))
    second = types.SimpleNamespace(__name__="chapter_b", TABLES=(twin_table,))
    twin_table.__module__ = "chapter_a"
    with pytest.raises(ValueError, match=r"'twin_table' is declared twice: in chapter_a and in chapter_b"):
        gather([first, second])
