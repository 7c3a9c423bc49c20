"""Self-check quizzes from the question banks in ``data/quizzes/``.

A bank is one JSON file per chapter. Each question names the page it tests
and its source; every answer option carries feedback that explains why it
is right or wrong. Questions are rendered with jupyterquiz, which works in
JupyterLab, Notebook and, with no kernel, on the static site.
"""
from __future__ import annotations

import json
from functools import lru_cache

from .model.antigen import antigen_presentation
from .model.data_files import DATA_DIR
from .model.pharmacology import ic50

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


def model_answer(question: dict) -> float:
    """The value a model-based numeric question expects, computed from ``widgets`` now.

    ``question["compute"]["quantity"]`` is one of ``ic50`` (µM), ``fold_shift``
    (IC50 alone / IC50 with ``treatments`` and ``knockdown``) or
    ``surface_mhc_i`` (toy model, relative to untreated cells).
    """
    spec = question["compute"]
    quantity = spec["quantity"]
    line = spec.get("cell_line", "HepG2")
    treatments, knockdown = spec.get("treatments", {}), spec.get("knockdown", {})
    if quantity == "ic50":
        return ic50(spec["drug"], spec.get("hours", 72.0), treatments, knockdown, line)
    if quantity == "fold_shift":
        hours = spec.get("hours", 72.0)
        return (ic50(spec["drug"], hours, cell_line=line)
                / ic50(spec["drug"], hours, treatments, knockdown, line))
    if quantity == "surface_mhc_i":
        return antigen_presentation(treatments, knockdown, line).surface_mhc_i
    raise ValueError(f"question {question['id']!r}: unknown quantity {quantity!r}; valid "
                     f"choices are: ic50, fold_shift, surface_mhc_i")


def numeric_range(question: dict, option: dict) -> tuple[float, float]:
    """Accepted interval of a numeric answer: typed in the bank, or model value ± tolerance."""
    if "range" in option:
        low, high = option["range"]
        return float(low), float(high)
    value = model_answer(question)
    return value * (1.0 - question["tolerance"]), value * (1.0 + question["tolerance"])


def to_jupyterquiz(question: dict) -> dict:
    """Convert one bank question to the dictionary jupyterquiz expects."""
    converted = {"question": question["question"], "type": QUESTION_TYPES[question["type"]],
                 "answers": []}
    for option in question["answers"]:
        if question["type"] == "numeric":
            low, high = numeric_range(question, option)
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
