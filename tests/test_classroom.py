"""The classroom kit: solutions in cells of their own, student notebooks and the student edition."""
from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path

import jupytext
import pytest

import book_contents
from conftest import ROOT
from _ext import book_download, book_repository
from tools import student_edition, student_notebooks

SOLUTION = re.compile(r"^(`{3,}|:{3,})\{solution\}[^\n]*\n(.*?)^\1\s*$", re.M | re.S)


def _solution_texts(source: str) -> list[str]:
    """The body of every ``{solution}`` in ``source``, without its options."""
    return ["\n".join(line for line in body.splitlines() if not line.startswith(":")).strip()
            for _, body in SOLUTION.findall(source)]


def _pages():
    return student_notebooks.chapter_pages()


def test_the_chapter_pages_of_the_contents_are_the_chapter_files():
    """Every page under ``chapters/`` is in the table of contents, and nothing else is."""
    files = {path.relative_to(ROOT) for path in (ROOT / "chapters").glob("*/*")
             if path.suffix in (".md", ".ipynb")}
    assert set(_pages()) == files


def test_every_solution_sits_alone_in_a_markdown_cell_tagged_solution_after_its_exercise():
    exercises, solved = [], []
    for page in _pages():
        cells = student_notebooks.read_page(ROOT / page).cells
        for index, cell in enumerate(cells):
            tagged = "solution" in cell.metadata.get("tags", [])
            exercises += [(page, label) for label in re.findall(
                r"\{exercise\}[^\n]*\n(?::(?!label:)[^\n]*\n)*:label: (\S+)", cell.source)]
            if "{solution}" in cell.source:
                assert tagged and cell.cell_type == "markdown", (page, cell.source[:60])
                assert cell.source.count("{solution}") == 1 and "{exercise}" not in cell.source, page
                label = re.search(r"\{solution\}\s*(\S+)", cell.source).group(1)
                exercise = next(c for c in reversed(cells[:index]) if "{exercise}" in c.source)
                assert f":label: {label}" in exercise.source, (page, label)
                solved.append((page, label))
            else:
                assert not tagged, (page, cell.source[:60])
    assert sorted(solved) == sorted(exercises), "every exercise has one solution, and only one"


def test_student_notebooks_keep_every_exercise_and_no_solution(tmp_path):
    written = student_notebooks.write(tmp_path / "students")
    assert len(written) == len(_pages())
    for page in _pages():
        source = "\n".join(cell.source for cell in student_notebooks.read_page(ROOT / page).cells)
        student = (tmp_path / "students" / page.with_suffix(".ipynb")).read_text(encoding="utf-8")
        notebook = json.loads(student)
        text = "\n".join("".join(cell["source"]) for cell in notebook["cells"])
        assert "{solution}" not in text, page
        for body in _solution_texts(source):
            assert body[:80] not in text, (page, body[:80])
        for label in re.findall(r":label: (ex-\S+)", source):
            assert f":label: {label}" in text, (page, label)
        assert notebook["metadata"]["kernelspec"]["name"] == "python3", page


def test_student_notebooks_can_be_written_as_one_zip(tmp_path):
    [archive] = student_notebooks.write(tmp_path / "students.zip")
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
    assert names == {str(page.with_suffix(".ipynb")) for page in _pages()}


def test_a_page_that_is_neither_a_notebook_nor_myst_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"\.txt"):
        student_notebooks.read_page(tmp_path / "page.txt")


def test_the_myst_pages_open_in_jupytext_as_notebooks_with_their_kernel():
    for page in _pages():
        if page.suffix == ".md":
            notebook = jupytext.read(ROOT / page)
            assert notebook.metadata["jupytext"]["text_representation"]["format_name"] == "myst", page
            assert notebook.metadata["kernelspec"]["name"] == "python3", page


def test_the_student_edition_asks_sphinx_exercise_to_hide_solutions():
    config = student_edition.student_config()
    assert config["sphinx"]["config"]["hide_solutions"] is True
    assert config["title"].endswith("(student edition)")
    assert "-W" in student_edition.build_command(ROOT / "c.yml", ROOT / "t.yml", ROOT / "out")
    toc = str(student_edition.student_toc())
    assert "reference/instructor" not in toc and "chapters/trials/virtual_trial" in toc


def test_the_student_edition_builds_with_warnings_as_errors_and_shows_no_solution(built_site, tmp_path):
    output = tmp_path / "student"
    assert student_edition.build(output) == 0
    site = output / "_build" / "html"
    for page in _pages():
        html = (site / page.with_suffix(".html")).read_text(encoding="utf-8")
        source = (ROOT / page).read_text(encoding="utf-8")
        if "{exercise}" in source:
            assert 'class="exercise admonition' in html, page
        assert 'class="solution' not in html, page
    assert "(student edition)" in (site / "intro.html").read_text(encoding="utf-8")
    assert not (site / "reference" / "instructor").exists()  # no answer keys


@pytest.mark.parametrize("remote, url", [
    ("https://github.com/teacher/hcc-book.git", "https://github.com/teacher/hcc-book"),
    ("git@github.com:teacher/hcc-book.git", "https://github.com/teacher/hcc-book"),
    ("https://github.com/teacher/hcc-book", "https://github.com/teacher/hcc-book"),
    ("/work/main", ""), ("https://gitlab.com/teacher/hcc-book.git", ""), ("", "")])
def test_the_repository_comes_from_a_github_remote_when_none_is_configured(remote, url):
    assert book_repository.github_url(remote) == url


class _Config:
    def __init__(self, url):
        self.html_theme_options = {"repository_url": url, "use_repository_button": False,
                                   "launch_buttons": {"binderhub_url": "https://mybinder.org",
                                                      "colab_url": "https://colab.research.google.com"}}


def test_repository_and_launch_buttons_show_only_when_a_repository_is_set(tmp_path, monkeypatch):
    repository = book_repository
    app = type("App", (), {"srcdir": str(tmp_path)})()  # not a git folder: no remote
    unset, fork = _Config(""), _Config("https://github.com/teacher/hcc-book")
    repository._set_repository(app, unset)
    repository._set_repository(app, fork)
    assert unset.html_theme_options["use_repository_button"] is False
    assert unset.html_theme_options["launch_buttons"] == {}
    assert fork.html_theme_options["repository_url"] == "https://github.com/teacher/hcc-book"
    assert fork.html_theme_options["use_repository_button"] is True
    assert fork.html_theme_options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"


SETUP_MARK = "# Set-up."
FLUX_EXPLORER = Path("chapters/machinery/flux_explorer.ipynb")


def _setup_cell(page):
    cells = student_notebooks.read_page(ROOT / page).cells
    return next(cell for cell in cells if cell.cell_type == "code")


def test_every_notebook_starts_with_the_set_up_cell_and_opens_with_its_kernel():
    notebooks = [page for page in _pages() if page.suffix == ".ipynb"]
    for page in notebooks:
        cell = _setup_cell(page)
        assert cell.source.startswith(SETUP_MARK) and "remove-cell" in cell.metadata["tags"], page
        notebook = json.loads((ROOT / page).read_text(encoding="utf-8"))
        assert notebook["metadata"]["kernelspec"]["name"] == "python3", page


def _run_set_up_cell(monkeypatch, installed: bool) -> list[tuple[str, str]]:
    """Run the set-up cell as IPython would; return the magics it called."""
    from IPython.core.inputtransformer2 import TransformerManager

    magics = []
    shell = type("Shell", (), {"run_line_magic": lambda self, *call: magics.append(call)})()
    if not installed:
        monkeypatch.setitem(sys.modules, "widgets", None)   # importing it now fails
    exec(TransformerManager().transform_cell(_setup_cell(FLUX_EXPLORER).source),
         {"get_ipython": lambda: shell})
    return magics


def test_the_set_up_cell_does_nothing_where_the_book_is_installed(monkeypatch):
    assert _run_set_up_cell(monkeypatch, installed=True) == []


def test_a_lone_notebook_installs_the_book_from_the_zip_beside_it(monkeypatch):
    """The same pip command that tests/test_package.py runs on the zip in a fresh environment."""
    assert _run_set_up_cell(monkeypatch, installed=False) == [
        ("pip", f'install --quiet "{book_download.ZIP_NAME}[notebook]"')]


def test_the_licence_is_stated_in_the_licence_file_the_readme_and_every_page_footer(built_site):
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in licence and "MIT License" in licence
    assert "CC BY 4.0" in (ROOT / "README.md").read_text(encoding="utf-8")
    for page in ("intro.html", "chapters/machinery/flux_explorer.html", "reference/model.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html, page


def test_the_execution_status_page_lists_every_executed_page_with_its_run_time(built_site):
    """One row for each page of the contents that the build runs, each with a time and a ✅."""
    rows = book_contents.executed_documents(built_site)
    assert set(rows) == set(book_contents.notebook_pages())
    for document, row in rows.items():
        assert re.fullmatch(r"\d+(\.\d+)?", row["Run Time (s)"]), (document, row)
        assert row["Status"] == "✅", (document, row)  # it ran, and did not fail
