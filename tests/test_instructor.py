"""The instructor guide: a page per chapter, plans that add up, keys generated from the banks."""
from __future__ import annotations

import html as html_module
import re

import pytest

from _ext import instructor
from conftest import ROOT
from widgets.quiz.bank import load_bank, model_answer

GUIDE = ROOT / "reference" / "instructor"
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").iterdir() if p.is_dir())


def _instructor():
    return instructor


def _plan_minutes(text: str, minutes: int) -> list[int]:
    section = text.split(f"## A {minutes}-minute session", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [int(row.split("|")[1]) for row in rows]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_has_a_guide_page_with_plans_that_fill_50_and_90_minutes(chapter):
    text = (GUIDE / f"{chapter}.md").read_text(encoding="utf-8")
    for minutes in (50, 90):
        steps = _plan_minutes(text, minutes)
        assert len(steps) >= 4 and sum(steps) == minutes, (chapter, minutes, steps)
    for heading in ("## Learning objectives", "## Discussion prompts", "## Common misconceptions"):
        assert heading in text, (chapter, heading)
    assert f"```{{quiz-answer-key}} {chapter}" in text
    assert f"```{{exercise-solutions}} {chapter}" in text


def test_the_guide_is_a_part_of_the_book_with_every_chapter_page():
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    assert "reference/instructor/index" in toc
    for chapter in CHAPTERS:
        assert f"reference/instructor/{chapter}" in toc, chapter


def test_an_unknown_chapter_is_refused_with_the_valid_choices():
    instructor = _instructor()
    with pytest.raises(ValueError, match=r"unknown chapter 'nope'; valid choices are: machinery"):
        instructor.answer_key_markdown("nope")
    with pytest.raises(ValueError, match=r"valid choices are: .*trials"):
        instructor.exercises("nope")


def test_relative_doc_links_in_solutions_are_made_absolute():
    from pathlib import Path

    fix = _instructor().absolute_doc_links
    page = Path("chapters/machinery/flux_explorer.ipynb")
    assert fix("see {doc}`western_blot`", page) == "see {doc}`/chapters/machinery/western_blot`"
    assert fix("{doc}`the model <../../reference/model>`", page) == "{doc}`the model </reference/model>`"
    assert fix("{doc}`/chapters/drugs/index`", page) == "{doc}`/chapters/drugs/index`"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html)))


def _plain_phrase(markdown: str) -> str:
    """The first run of at least 24 plain characters of ``markdown`` (no roles, no emphasis)."""
    plain = re.sub(r"[*_]", "", re.sub(r"\{[^}]+\}`[^`]*`|`[^`]*`|\$[^$]*\$", " ", markdown))
    return re.search(r"[A-Za-z][A-Za-z ,]{23,}", plain).group(0)[:24]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_built_guide_gives_every_answer_and_every_solution(built_site, chapter):
    page = (built_site / "reference" / "instructor" / f"{chapter}.html").read_text(encoding="utf-8")
    text = _text(page)
    bank = load_bank(chapter)
    for question in bank["questions"]:
        assert question["id"] in text, question["id"]
        if "compute" in question:
            value = f"{model_answer(question):.{question.get('precision', 3)}g}"
            assert value in text, (question["id"], value)
    exercises = _instructor().exercises(chapter)
    assert exercises
    for exercise in exercises:
        assert exercise["label"] in text, exercise["label"]
        assert _plain_phrase(exercise["solution"]) in text, exercise["label"]
    assert "{quiz-answer-key}" not in page and "{exercise-solutions}" not in page
