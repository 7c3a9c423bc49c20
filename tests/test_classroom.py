"""The classroom kit: solutions in cells of their own, student notebooks and the student edition."""
from __future__ import annotations

import json
import re
import zipfile

import jupytext
import pytest

from conftest import ROOT
from tools import student_edition, student_notebooks

SOLUTION = re.compile(r"^(`{3,}|:{3,})\{solution\}[^\n]*\n(.*?)^\1\s*$", re.M | re.S)


def _solution_texts(source: str) -> list[str]:
    """The body of every ``{solution}`` in ``source``, without its options."""
    return ["\n".join(line for line in body.splitlines() if not line.startswith(":")).strip()
            for _, body in SOLUTION.findall(source)]


def _pages():
    return student_notebooks.chapter_pages()


def test_every_solution_sits_alone_in_a_markdown_cell_tagged_solution_after_its_exercise():
    pages = _pages()
    assert len(pages) >= 40
    solutions = 0
    for page in pages:
        cells = student_notebooks.read_page(ROOT / page).cells
        for index, cell in enumerate(cells):
            tagged = "solution" in cell.metadata.get("tags", [])
            if "{solution}" in cell.source:
                solutions += 1
                assert tagged and cell.cell_type == "markdown", (page, cell.source[:60])
                assert cell.source.count("{solution}") == 1 and "{exercise}" not in cell.source, page
                label = re.search(r"\{solution\}\s*(\S+)", cell.source).group(1)
                exercise = next(c for c in reversed(cells[:index]) if "{exercise}" in c.source)
                assert f":label: {label}" in exercise.source, (page, label)
            else:
                assert not tagged, (page, cell.source[:60])
    assert solutions >= 60


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
    assert "-W" in student_edition.build_command(ROOT / "c.yml", ROOT / "out")


@pytest.mark.book
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
