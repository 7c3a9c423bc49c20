"""A self-paced learner's place, kept in the browser: answers, pages opened, page N of M."""
from __future__ import annotations

import json
import re

import pytest

from _ext.progress import chapters_in_order, page_of
from conftest import ROOT
from test_site import _open
from widgets.quiz import questions_for
from widgets.quiz.render import answered_in_percent

CHAPTERS = chapters_in_order(ROOT)
PAGE = "chapters/machinery/initiation"


def test_every_chapter_page_knows_its_place_in_its_chapter():
    for chapter, pages in CHAPTERS.items():
        assert [page_of(CHAPTERS, page) for page in pages] == \
            [(chapter, number, len(pages)) for number in range(1, len(pages) + 1)]
    assert page_of(CHAPTERS, "intro") is None


def test_a_percentage_is_read_as_the_question_asks():
    asks_percent = [q for q in questions_for("stem_cells", "sorted_cells") if q["type"] == "numeric"]
    assert asks_percent and all(answered_in_percent(q) for q in asks_percent)
    ratio = [q for q in questions_for("drugs", "dose_response") if q["type"] == "numeric"]
    assert ratio and not any(answered_in_percent(q) for q in ratio)


def test_a_page_says_where_it_stands_and_a_reload_shows_each_answer(browser, site_url):
    page, problems = _open(browser, f"{site_url}/{PAGE}.html")
    chapter, number, total = page_of(CHAPTERS, PAGE)
    assert page.locator(".hcc-page-of").inner_text().startswith(f"Page {number} of {total} in ")
    question = page.locator('.bq-question[data-type="single"]').first
    choice = question.locator(".bq-option").nth(1)
    choice.click()
    feedback = question.locator(".bq-feedback").inner_text()
    verdict = "bq-right" if choice.get_attribute("data-correct") == "true" else "bq-wrong"
    assert feedback
    page.reload()
    page.wait_for_load_state("networkidle")
    question = page.locator('.bq-question[data-type="single"]').first
    assert verdict in question.locator(".bq-option").nth(1).get_attribute("class")
    assert question.locator(".bq-feedback").inner_text() == feedback
    page.locator(".bq-reset").first.click()
    page.reload()
    assert page.locator('.bq-question[data-type="single"]').first.locator(".bq-feedback").inner_text() == ""
    assert problems == []
    page.context.close()


@pytest.mark.parametrize("typed, verdict", [
    ("abc", "Type a number"), ("3,0", "Correct"), ("300%", "Correct"), ("6/2", "Correct"),
    ("30%", "Not quite")])
def test_a_numeric_answer_is_read_as_people_write_numbers(browser, site_url, typed, verdict):
    """machinery-flux-4 asks by how many times LC3-II rose (about 3): 3,0, 300% and 6/2 all say 3."""
    page, _ = _open(browser, f"{site_url}/chapters/machinery/flux_explorer.html")
    question = page.locator('.bq-question[data-qid="machinery-flux-4"]')
    question.locator(".bq-input").fill(typed)
    question.locator(".bq-check").click()
    assert question.locator(".bq-feedback").inner_text().startswith(verdict)
    page.context.close()


def test_the_landing_page_shows_progress_through_every_chapter(browser, site_url):
    page, problems = _open(browser, f"{site_url}/{PAGE}.html")
    page.goto(f"{site_url}/chapters/drugs/quiz.html")
    page.wait_for_load_state("networkidle")
    chapter_quiz = page.locator('.bq-quiz[data-chapter="drugs"]')
    chapter_quiz.locator('.bq-question[data-type="single"]').first.locator(".bq-option").first.click()
    asked = len(questions_for("drugs"))
    page.goto(f"{site_url}/intro.html")
    page.wait_for_load_state("networkidle")
    rows = page.locator(".hcc-progress li")
    assert [rows.nth(i).get_attribute("data-chapter") for i in range(rows.count())] == list(CHAPTERS)
    machinery = page.locator('.hcc-progress li[data-chapter="machinery"]').inner_text()
    assert re.search(rf"\b1 of {len(CHAPTERS['machinery'])} pages opened", machinery), machinery
    assert "chapter quiz not started" in machinery
    drugs = page.locator('.hcc-progress li[data-chapter="drugs"]').inner_text()
    assert re.search(rf"chapter quiz: [01] of {asked} right at the first try \(1 answered\)", drugs), drugs
    first_pages = json.loads(page.locator(".hcc-progress").get_attribute("data-chapters"))
    assert [entry["pages"] for entry in first_pages] == list(CHAPTERS.values())
    assert problems == []
    page.context.close()


def test_each_chapter_opens_on_its_progress_view(built_site):
    for pages in CHAPTERS.values():
        html = (built_site / f"{pages[0]}.html").read_text(encoding="utf-8")
        assert 'class="hcc-progress"' in html, pages[0]
