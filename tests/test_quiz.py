"""Question banks: schema, answer keys, model-computed answers and rendering.

The LMS exports are tested in ``test_quiz_export.py``.
"""
import re
from pathlib import Path

import pytest

from widgets import quiz
from widgets.model.data_files import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
BANKS = quiz.chapters()
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (DATA_DIR / "references.bib").read_text(), re.M))
QUESTIONS = [(chapter, q) for chapter in BANKS for q in quiz.load_bank(chapter)["questions"]]


def test_every_chapter_of_the_book_has_a_bank_of_at_least_ten_questions():
    chapters = sorted(p.name for p in (ROOT / "chapters").iterdir() if p.is_dir())
    assert BANKS == chapters
    for chapter in BANKS:
        assert len(quiz.load_bank(chapter)["questions"]) >= 10, chapter


@pytest.mark.parametrize("chapter, question", QUESTIONS, ids=[q["id"] for _, q in QUESTIONS])
def test_question_follows_the_schema(chapter, question):
    assert set(question) >= {"id", "page", "type", "source", "question", "answers"}
    assert question["type"] in quiz.QUESTION_TYPES
    assert (ROOT / "chapters" / chapter / f"{question['page']}.md").exists() or \
        (ROOT / "chapters" / chapter / f"{question['page']}.ipynb").exists(), question["page"]
    assert question["source"] in BIB_KEYS
    assert question["question"].strip() and question["answers"]
    for option in question["answers"]:
        assert isinstance(option["correct"], bool) and option["feedback"].strip()
    if question["type"] == "numeric":
        assert len(question["answers"]) == 1 and question["answers"][0]["correct"]
        assert question["default_feedback"].strip()
        option = question["answers"][0]
        assert ("range" in option) != ("compute" in question)
    else:
        assert all(option["answer"].strip() for option in question["answers"])
        assert len(question["answers"]) >= 3


WIDGET_PAGES = {p.stem for p in (ROOT / "chapters").glob("*/*.ipynb")
                if "widgets.panels" in p.read_text(encoding="utf-8")}


@pytest.mark.parametrize("chapter, question", QUESTIONS, ids=[q["id"] for _, q in QUESTIONS])
def test_a_question_that_needs_a_widget_says_where_it_can_be_answered(chapter, question):
    """The website offers a few choices, a running notebook all: the badge says which is needed."""
    if question["page"] in WIDGET_PAGES and "compute" in question:
        assert question.get("uses") in quiz.BADGES, question["id"]
    if question.get("uses") == "notebook":
        assert "running notebook" in question["question"], question["id"]
    if "uses" in question:
        assert f'bq-badge-{question["uses"]}' in quiz.quiz_html([question], "one question")


def test_question_ids_are_unique_across_banks():
    ids = [q["id"] for _, q in QUESTIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("chapter, question",
                         [(c, q) for c, q in QUESTIONS if q["type"] == "single"],
                         ids=[q["id"] for _, q in QUESTIONS if q["type"] == "single"])
def test_single_choice_has_exactly_one_correct_answer(chapter, question):
    assert sum(option["correct"] for option in question["answers"]) == 1


@pytest.mark.parametrize("chapter, question",
                         [(c, q) for c, q in QUESTIONS if q["type"] == "multiple"],
                         ids=[q["id"] for _, q in QUESTIONS if q["type"] == "multiple"])
def test_multiple_choice_has_right_and_wrong_options(chapter, question):
    marks = [option["correct"] for option in question["answers"]]
    assert any(marks) and not all(marks)


def test_numeric_answers_are_computed_from_the_model():
    import widgets
    from widgets.model.antigen import antigen_presentation

    expected = {
        "drugs-dose-4": widgets.ic50("sorafenib", cell_line="Huh7"),
        "drugs-dose-5": widgets.ic50("sorafenib", cell_line="Huh7")
        / widgets.ic50("sorafenib", treatments={"chloroquine": 20.0}, cell_line="Huh7"),
        "drugs-immune-2": antigen_presentation({"chloroquine": 20.0}).surface_mhc_i,
    }
    computed = {q["id"]: q for _, q in QUESTIONS if "compute" in q}
    assert set(expected) <= set(computed)
    for qid, value in expected.items():
        low, high = quiz.numeric_range(computed[qid], computed[qid]["answers"][0])
        assert low < value < high and low == pytest.approx(value * 0.9)


def test_unknown_bank_or_page_is_named_in_the_error():
    with pytest.raises(ValueError, match="valid choices are: conclusion, drugs, exosomes, machinery, ncrna"):
        quiz.load_bank("genetics")
    with pytest.raises(ValueError, match="flux_explorer"):
        quiz.questions_for("machinery", "nowhere")


def test_shown_quiz_carries_its_questions_as_markdown_for_print_without_answers(monkeypatch):
    from IPython import display as ipython_display

    shown = []
    monkeypatch.setattr(ipython_display, "display", lambda *objs, **kw: shown.append((objs, kw)))
    quiz.show("machinery", "flux_explorer")
    ((bundle,), options), = shown
    assert options == {"raw": True}
    questions = quiz.questions_for("machinery", "flux_explorer")
    assert bundle["text/html"] == quiz.quiz_html(questions,
                                                 "Check your understanding: flux_explorer")
    markdown = bundle["text/markdown"]
    for number, question in enumerate(questions, start=1):
        assert f"{number}. " in markdown and question["question"] in markdown
        for letter, option in zip("ABCDEFGH", question.get("answers", ())):
            if question["type"] != "numeric":
                assert f"- {letter}. {option['answer']}" in markdown
    assert not any(option.get("feedback", "") in markdown for question in questions
                   for option in question["answers"] if option.get("feedback"))


def test_rendered_quiz_is_deterministic_and_carries_every_question_and_feedback():
    questions = quiz.questions_for("drugs")
    first = quiz.quiz_html(questions, "Drugs")
    assert first == quiz.quiz_html(questions, "Drugs")
    assert first.count('class="bq-question"') == len(questions)
    for question in questions:
        assert f'data-qid="{question["id"]}"' in first
    assert 'aria-live="polite"' in first and "<script>" in first and "localStorage" in first

