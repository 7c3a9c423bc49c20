"""Question banks: schema, answer keys, model-computed answers and rendering.

The LMS exports are tested in ``test_quiz_export.py``.
"""
import copy
import re

import pytest
from jsonschema import Draft202012Validator

import book_contents
from widgets import quiz
from widgets.model.data_files import DATA_DIR

BANKS = quiz.chapters()
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (DATA_DIR / "references.bib").read_text(), re.M))
QUESTIONS = [(chapter, q) for chapter in BANKS for q in quiz.load_bank(chapter)["questions"]]
LONG_ENUM = 12  # an error about a longer list of choices names the value, not every choice


def _pages_of(chapter):
    """The pages of ``chapter`` in the table of contents, as a question names them."""
    return [file.split("/")[2] for file in book_contents.toc_files()
            if file.startswith(f"chapters/{chapter}/")]


def bank_schema(chapter: str) -> dict:
    """The JSON Schema (2020-12) of ``data/quizzes/<chapter>.json``.

    A question names a page of its chapter and a work of ``references.bib``; every option
    explains itself; a single-choice question has one right answer, a multiple-choice one
    right and wrong options, a numeric one a single accepted answer that is either typed
    (``range``) or computed from the model (``compute`` with ``tolerance``).
    """
    text = {"type": "string", "pattern": r"\S"}
    right = {"properties": {"correct": {"const": True}}, "required": ["correct"]}
    wrong = {"properties": {"correct": {"const": False}}, "required": ["correct"]}
    choice_option = {"type": "object", "required": ["answer", "correct", "feedback"],
                     "additionalProperties": False,
                     "properties": {"answer": text, "correct": {"type": "boolean"},
                                    "feedback": text}}
    numeric_option = {"type": "object", "required": ["correct", "feedback"],
                      "additionalProperties": False,
                      "properties": {"correct": {"const": True}, "feedback": text,
                                     "range": {"type": "array", "items": {"type": "number"},
                                               "minItems": 2, "maxItems": 2}}}

    def when(kind, then):
        return {"if": {"properties": {"type": {"const": kind}}}, "then": then}

    def forbidden(why):
        return {"not": {}, "$comment": why}

    numeric = {
        "required": ["default_feedback"],
        "properties": {"answers": {"items": numeric_option, "minItems": 1, "maxItems": 1}},
        "if": {"required": ["compute"]},
        "then": {"required": ["tolerance"], "properties": {"answers": {"items": {"properties": {
            "range": forbidden("a computed answer takes its range from the model")}}}}},
        "else": {"properties": {"tolerance": forbidden("only a computed answer has a tolerance"),
                                "precision": forbidden("only a computed answer has a precision"),
                                "answers": {"items": {"required": ["range"]}}}},
    }
    only_numeric = forbidden("only a numeric question has it")
    choice = {"properties": {"answers": {"items": choice_option, "minItems": 3},
                             "default_feedback": only_numeric, "compute": only_numeric,
                             "tolerance": only_numeric, "precision": only_numeric}}
    question = {
        "type": "object",
        "required": ["id", "page", "type", "source", "question", "answers"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": r"^[a-z0-9_]+(-[a-z0-9_]+)+$"},
            "page": {"enum": _pages_of(chapter) + [quiz.bank.CHAPTER_QUIZ]},
            "type": {"enum": list(quiz.QUESTION_TYPES)},
            "uses": {"enum": list(quiz.BADGES)},
            "source": {"enum": sorted(BIB_KEYS)},
            "question": text,
            "answers": {"type": "array"},
            "default_feedback": text,
            "compute": {"type": "object", "required": ["quantity"],
                        "properties": {"quantity": {"type": "string"}}},
            "tolerance": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
            "precision": {"type": "integer", "minimum": 0},
        },
        "allOf": [
            when("numeric", numeric),
            {"if": {"properties": {"type": {"const": "numeric"}}}, "else": choice},
            when("single", {"properties": {"answers": {
                "contains": right, "minContains": 1, "maxContains": 1,
                "$comment": "a single-choice question has exactly one right answer"}}}),
            when("multiple", {"properties": {"answers": {"allOf": [
                {"contains": right, "$comment": "a multiple-choice question has a right option"},
                {"contains": wrong, "$comment": "a multiple-choice question has a wrong option"},
            ]}}}),
        ],
    }
    own = {"properties": {"page": {"const": quiz.bank.CHAPTER_QUIZ}}, "required": ["page"]}
    earlier = book_contents.chapters()[:book_contents.chapters().index(chapter)]
    return {
        "type": "object",
        "required": ["chapter", "title", "questions", "review_from"],
        "additionalProperties": False,
        "properties": {"chapter": {"const": chapter}, "title": text,
                       "questions": {"type": "array", "minItems": 10, "items": question,
                                     "contains": own, "minContains": 8,
                                     "$comment": "the chapter quiz has 8 questions of its own"},
                       "review_from": {"const": earlier,
                                       "$comment": "the chapter quiz reviews every earlier chapter"},
                       "review_size": {"type": "integer", "minimum": 1}},
    }


def schema_violations(chapter: str, bank: dict) -> list[str]:
    """Every way ``bank`` breaks :func:`bank_schema`, each naming its question's id."""
    violations = []
    for error in Draft202012Validator(bank_schema(chapter)).iter_errors(bank):
        path = list(error.absolute_path)
        where = "bank"
        if path[:1] == ["questions"] and len(path) > 1:
            question = bank["questions"][path[1]]
            where = question.get("id", f"question {path[1] + 1}") if isinstance(question, dict) \
                else f"question {path[1] + 1}"
            path = path[2:]
        message = error.message
        if error.validator == "enum" and len(error.validator_value) > LONG_ENUM:
            message = f"{error.instance!r} is none of the {len(error.validator_value)} choices"
        elif error.validator in ("minItems", "maxItems"):
            message = f"{len(error.instance)} given, {error.validator} {error.validator_value}"
        elif "$comment" in error.schema:
            message = error.schema["$comment"]
        violations.append(f"{where}: {'/'.join(map(str, path)) or '(question)'}: {message}")
    return violations


def test_the_book_has_one_bank_per_chapter_of_its_contents():
    assert BANKS == sorted(book_contents.chapters())


def test_the_bank_schema_is_valid_json_schema():
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    errors = [f"{chapter}: {error.message}" for chapter in BANKS
              for error in meta.iter_errors(bank_schema(chapter))]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize("chapter", BANKS)
def test_the_bank_follows_the_schema(chapter):
    """At least ten questions, each well formed: every violation, with its question's id."""
    violations = schema_violations(chapter, quiz.load_bank(chapter))
    assert not violations, "\n".join(violations)


def test_the_schema_reports_each_broken_question_by_its_id():
    """The schema is not vacuous: each kind of mistake is reported, by question, and only it."""
    bank = copy.deepcopy(quiz.load_bank("machinery"))
    single, *others = [q for q in bank["questions"] if q["type"] == "single"]
    multiple = next(q for q in bank["questions"] if q["type"] == "multiple")
    computed = next(q for q in bank["questions"] if "compute" in q)
    next(option for option in single["answers"] if not option["correct"])["correct"] = True
    for option in multiple["answers"]:
        option["correct"] = True
    computed["answers"][0]["range"] = [1, 2]
    others[0]["source"] = "nobody2099"
    others[1]["page"] = "nowhere"
    others[2]["answers"][0]["feedback"] = " "
    others[3]["feeback"] = "a typing error"
    del others[4]["answers"][0]["correct"]
    expected = {(single["id"], "exactly one right answer"),
                (multiple["id"], "has a wrong option"),
                (computed["id"], "answers/0/range: a computed answer takes its range"),
                (others[0]["id"], "'nobody2099' is none of the"),
                (others[1]["id"], "'nowhere' is not one of ['index', 'initiation'"),
                (others[2]["id"], "answers/0/feedback: ' ' does not match"),
                (others[3]["id"], "('feeback' was unexpected)"),
                (others[4]["id"], "answers/0: 'correct' is a required property")}
    violations = schema_violations("machinery", bank)
    missing = [(qid, words) for qid, words in expected
               if not any(line.startswith(f"{qid}: ") and words in line for line in violations)]
    assert not missing, violations
    assert {line.split(":")[0] for line in violations} == {qid for qid, _ in expected}
    bank["questions"] = bank["questions"][:9]
    assert "bank: questions: 9 given, minItems 10" in schema_violations("machinery", bank)


WIDGET_PAGES = {tuple(file.split("/")[1:]) for file in book_contents.widget_pages()}
WHERE_TO_ANSWER = [(c, q) for c, q in QUESTIONS
                   if "uses" in q or "running notebook" in q["question"]
                   or ((c, q["page"]) in WIDGET_PAGES and "compute" in q)]


@pytest.mark.parametrize("chapter, question", WHERE_TO_ANSWER,
                         ids=[q["id"] for _, q in WHERE_TO_ANSWER])
def test_a_question_that_needs_a_widget_says_where_it_can_be_answered(chapter, question):
    """The website offers a few choices, a running notebook all: the badge says which is needed.

    Asked of every question with a badge, every question that asks for a running notebook
    and every model-computed question on a widget page.
    """
    assert question.get("uses") in quiz.BADGES, question["id"]
    assert (question["uses"] == "notebook") == ("running notebook" in question["question"])
    assert f'bq-badge-{question["uses"]}' in quiz.quiz_html([question], "one question")


def test_question_ids_are_unique_across_banks():
    ids = [q["id"] for _, q in QUESTIONS]
    assert len(ids) == len(set(ids))


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
    every_chapter = ", ".join(sorted(book_contents.chapters()))
    with pytest.raises(ValueError, match=f"valid choices are: {re.escape(every_chapter)}$"):
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
        assert f'data-qid="{question.get("storage_id", question["id"])}"' in first
    assert 'aria-live="polite"' in first and "<script>" in first and "localStorage" in first

