"""Prose pages render their quiz when the book is built, without a kernel, and keep it for JupyterLab."""
from __future__ import annotations

import re

import pytest

from _ext.quiz_pages import QUIZ_CELL, as_plain_myst, quiz_only
from conftest import ROOT
from tools.student_notebooks import chapter_pages
from widgets.quiz import questions_for

PROSE = [page for page in chapter_pages() if page.suffix == ".md" and "{code-cell}" in (ROOT / page).read_text(encoding="utf-8")]
QUIZ_ONLY = [page for page in PROSE if quiz_only((ROOT / page).read_text(encoding="utf-8"))]


def _quiz_arguments(page) -> tuple[str, ...]:
    match = QUIZ_CELL.search((ROOT / page).read_text(encoding="utf-8"))
    return tuple(re.findall(r'"([^"]+)"', match.group("arguments")))


def test_most_prose_pages_need_no_kernel():
    """Only a page with code of its own (the Kaplan-Meier example) still runs in a kernel."""
    kept = {page.as_posix() for page in PROSE if page not in QUIZ_ONLY}
    assert kept == {"chapters/trials/trial_design.md"}


@pytest.mark.parametrize("page", QUIZ_ONLY, ids=lambda page: page.as_posix())
def test_a_quiz_only_page_becomes_plain_myst_with_every_question(page):
    source = (ROOT / page).read_text(encoding="utf-8")
    rendered = as_plain_myst(source)
    assert "{code-cell}" not in rendered and "kernelspec" not in rendered
    assert "quiz.show(" in source, "the page keeps its quiz cell for JupyterLab"
    questions = questions_for(*_quiz_arguments(page))
    assert rendered.count('class="bq-question') == len(questions)
    assert f"Score: 0 of {len(questions)}" in rendered
    printed = rendered.split("{only} latex", 1)[1]
    assert all(f"{number}. " in printed for number in range(1, len(questions) + 1))


def test_a_page_with_other_code_is_left_to_its_kernel():
    source = (ROOT / "chapters/trials/trial_design.md").read_text(encoding="utf-8")
    assert not quiz_only(source)


def test_the_built_quiz_only_pages_show_their_quiz(built_site):
    for page in QUIZ_ONLY:
        html = (built_site / page.with_suffix(".html")).read_text(encoding="utf-8")
        questions = questions_for(*_quiz_arguments(page))
        assert html.count('class="bq-question') == len(questions), page
