"""Question banks in ``data/quizzes/``: loading, selecting and model-computed answers.

A bank is one JSON file per chapter. Each question names the page it tests
and its source; every answer option carries feedback that explains why it
is right or wrong. Numeric questions either give their accepted range or
name a model quantity (``compute``) that is evaluated from ``widgets`` when
the quiz is rendered or exported, so the answer can never drift from the model.

A bank file lists each question's options in any order; :func:`load_bank` gives them in a
seeded order of their own (:func:`seeded_order`), the same on every build and everywhere
the quiz appears (the site, print, the PDF, the answer keys, the LMS files), so that no
position gives the right answer away.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from ..model.data_files import DATA_DIR
from .quantities import declared_quantities

QUESTION_TYPES = ("single", "multiple", "numeric")
# A question that needs the page's widget says where it can be answered ("uses"): with the
# controls the website offers, in the page's live mode (every control, in the browser), or
# only in a running notebook.
BADGES = {"website": "website", "live": "live", "notebook": "notebook"}
CHAPTER_QUIZ = "quiz"   # the page of questions written for the end-of-chapter quiz
REVIEW_SIZE = 4         # questions of earlier chapters in a chapter quiz, unless the bank says


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
        raise ValueError(f"no question bank {chapter!r}; valid choices are: "
                         f"{', '.join(chapters())}")
    bank = json.loads(path.read_text(encoding="utf-8"))
    put_in_seeded_order(bank["questions"])
    return bank


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def put_in_seeded_order(questions: list[dict]) -> None:
    """Order the options of each choice question, in place, by a seed drawn from its id.

    Options are ordered by the SHA-256 of ``"<question id>/<index in the file>"``, so the
    order is the same on every build and machine, and differs from question to question.
    The single-choice questions are then taken in the order of their ids' digests and their
    right option is moved to the first position, the second, the third… in turn (round
    robin among the questions with as many options), so that over a bank the right answer
    stands as often in each position, and nothing in the file's order predicts where.
    """
    for question in questions:
        if question.get("type") in ("single", "multiple"):
            options = question["answers"]
            order = sorted(range(len(options)), key=lambda i: _digest(f"{question['id']}/{i}"))
            question["answers"] = [options[i] for i in order]
    singles = sorted((q for q in questions if q.get("type") == "single"),
                     key=lambda q: _digest(q["id"]))
    taken: dict[int, int] = {}   # number of options -> questions of that size placed so far
    for question in singles:
        options = question["answers"]
        rank = taken[len(options)] = taken.get(len(options), -1) + 1
        right = next(option for option in options if option.get("correct"))
        wrong = [option for option in options if option is not right]
        wrong.insert(rank % len(options), right)
        question["answers"] = wrong


def chapters() -> list[str]:
    """Names of the chapters that have a question bank."""
    return sorted(p.stem for p in (DATA_DIR / "quizzes").glob("*.json"))


def questions_for(chapter: str, page: str | None = None) -> list[dict]:
    """The questions of one page's quiz, or (``page=None``) the chapter quiz.

    A page's quiz asks the bank's questions on that page. The chapter quiz asks the
    questions written for it (page ``"quiz"``), then a short mixed review of earlier
    chapters (:func:`review_questions`).

    Raises
    ------
    ValueError
        If the chapter has no question for ``page``; the message lists its pages.
    """
    bank = load_bank(chapter)
    wanted = CHAPTER_QUIZ if page is None else page
    selected = [q for q in bank["questions"] if q["page"] == wanted]
    if not selected:
        pages = sorted({q["page"] for q in bank["questions"]})
        raise ValueError(f"no questions for page {page!r} in bank {chapter!r}; "
                         f"valid choices are: {', '.join(pages)}")
    return selected + (review_questions(chapter) if page is None else [])


def review_questions(chapter: str) -> list[dict]:
    """A mixed review of earlier chapters for ``chapter``'s quiz (spaced retrieval).

    The bank names the chapters to review (``review_from``, in the book's order) and how many
    questions to draw (``review_size``, default ``REVIEW_SIZE``). They are drawn in turn from
    each of those chapters' page questions that the website can answer (no numeric answer
    computed by the model, none that needs a notebook), in an order seeded by the chapter's
    name, so the review is the same on every build. Each comes back as a copy that records
    where it comes from (``review_of``) and keeps its answers apart from the page's own
    (``storage_id``).
    """
    bank = load_bank(chapter)
    pools = []
    for earlier in bank.get("review_from", []):
        pool = [q for q in load_bank(earlier)["questions"] if q["page"] != CHAPTER_QUIZ
                and "compute" not in q and q.get("uses") != "notebook"]
        pools.append(sorted(pool, key=lambda q: _digest(f"{chapter}/review/{q['id']}")))
    drawn = []
    size = bank.get("review_size", REVIEW_SIZE)
    while len(drawn) < size and any(pools):
        for pool in pools:
            if pool and len(drawn) < size:
                drawn.append(pool.pop(0))
    return [{**q, "review_of": q["id"], "storage_id": f"{chapter}-review:{q['id']}"}
            for q in drawn]


def model_answer(question: dict) -> float:
    """The value a model-based numeric question expects, computed from ``widgets`` now.

    ``question["compute"]["quantity"]`` names a quantity that a chapter registers in its
    module of :mod:`widgets.quiz.quantities` (its ``QUANTITIES``); the registered function
    reads the rest of ``question["compute"]`` (drug, treatments, knockdown, cell line, hours,
    RNA levels, …, with the defaults its docstring states) and returns the value.
    :func:`~widgets.quiz.quantities.declared_quantities` lists every quantity by name.

    Raises
    ------
    ValueError
        If the quantity is not registered; the message names the question and the
        quantity and lists the valid choices.
    """
    spec = question["compute"]
    quantity = spec["quantity"]
    registered = declared_quantities()
    if quantity not in registered:
        raise ValueError(f"question {question['id']!r}: unknown quantity {quantity!r}; valid "
                         f"choices are: {', '.join(sorted(registered))}")
    return registered[quantity](spec)


def numeric_range(question: dict, option: dict) -> tuple[float, float]:
    """Accepted interval of a numeric answer: typed in the bank, or model value ± tolerance."""
    if "range" in option:
        low, high = option["range"]
        return float(low), float(high)
    value = model_answer(question)
    return value * (1.0 - question["tolerance"]), value * (1.0 + question["tolerance"])
