"""Self-check quizzes from the question banks in ``data/quizzes/``.

A bank is one JSON file per chapter. Each question names the page it tests
and its source; every answer option carries feedback that explains why it
is right or wrong. Questions are rendered with jupyterquiz, which works in
JupyterLab, Notebook and, with no kernel, on the static site.
"""
from __future__ import annotations

import json
from functools import lru_cache

from .model.data_files import DATA_DIR

QUESTION_TYPES = {"single": "multiple_choice", "multiple": "many_choice", "numeric": "numeric"}


@lru_cache(maxsize=None)
def load_bank(chapter: str) -> dict:
    """Read ``data/quizzes/<chapter>.json``.

    Raises
    ------
    ValueError
        If no bank exists for ``chapter``; the message lists the banks there are.
    """
    path = DATA_DIR / "quizzes" / f"{chapter}.json"
    if not path.is_file():
        known = sorted(p.stem for p in (DATA_DIR / "quizzes").glob("*.json"))
        raise ValueError(f"no question bank {chapter!r}; valid choices are: {', '.join(known)}")
    return json.loads(path.read_text(encoding="utf-8"))


def questions_for(chapter: str, page: str | None = None) -> list[dict]:
    """Questions of a chapter, optionally only those testing ``page``, in jupyterquiz form."""
    bank = load_bank(chapter)
    selected = [q for q in bank["questions"] if page is None or q["page"] == page]
    if not selected:
        pages = sorted({q["page"] for q in bank["questions"]})
        raise ValueError(f"no questions for page {page!r} in bank {chapter!r}; "
                         f"valid choices are: {', '.join(pages)}")
    return [to_jupyterquiz(q) for q in selected]


def to_jupyterquiz(question: dict) -> dict:
    """Convert one bank question to the dictionary jupyterquiz expects."""
    converted = {"question": question["question"], "type": QUESTION_TYPES[question["type"]],
                 "answers": []}
    for option in question["answers"]:
        if question["type"] == "numeric":
            low, high = option["range"]
            converted["answers"].append({"type": "range", "range": [low, high],
                                         "correct": option["correct"],
                                         "feedback": option["feedback"]})
        else:
            converted["answers"].append({"answer": option["answer"],
                                         "correct": option["correct"],
                                         "feedback": option["feedback"]})
    if question["type"] == "numeric":
        converted["precision"] = question.get("precision", 3)
        converted["answers"].append({"type": "default", "feedback": question["default_feedback"]})
    return converted


def show(chapter: str, page: str | None = None) -> None:
    """Display the quiz for ``chapter`` (and ``page``) in the notebook output."""
    from jupyterquiz import display_quiz

    display_quiz(questions_for(chapter, page), shuffle_answers=False)
