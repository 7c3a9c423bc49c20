"""No answer is given away by its position or its length: options in a seeded order, the same everywhere."""
from __future__ import annotations

import io
import json
import math
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from widgets.model.data_files import DATA_DIR
from widgets.quiz import chapters, load_bank
from widgets.quiz.bank import put_in_seeded_order
from widgets.quiz.export import bank_to_gift, bank_to_qti
from widgets.quiz.render import inline_html, quiz_html, quiz_markdown

BANKS = chapters()


def _right_positions(chapter: str) -> list[tuple[int, int]]:
    """(number of options, position of the right one) of each single-choice question."""
    return [(len(q["answers"]), next(i for i, o in enumerate(q["answers"]) if o["correct"]))
            for q in load_bank(chapter)["questions"] if q["type"] == "single"]


@pytest.mark.parametrize("chapter", BANKS)
def test_the_right_answer_stands_as_often_in_each_position(chapter):
    positions = _right_positions(chapter)
    for size in {n for n, _ in positions}:
        counts = [sum(1 for n, at in positions if n == size and at == place) for place in range(size)]
        assert max(counts) - min(counts) <= 1, (size, counts)


def test_the_right_answer_is_not_first_in_most_questions():
    positions = [at for chapter in BANKS for _, at in _right_positions(chapter)]
    chance = sum(1 / n for chapter in BANKS for n, _ in _right_positions(chapter))
    assert positions.count(0) <= chance + len(BANKS)


@pytest.mark.parametrize("chapter", BANKS)
def test_the_order_is_stable_and_comes_from_the_ids(chapter):
    raw = json.loads((DATA_DIR / "quizzes" / f"{chapter}.json").read_text(encoding="utf-8"))["questions"]
    again = json.loads(json.dumps(raw))
    put_in_seeded_order(raw)
    put_in_seeded_order(again)
    assert raw == again == load_bank(chapter)["questions"]
    orders = {tuple(o["answer"] for o in q["answers"]) for q in raw if q["type"] != "numeric"}
    assert len(orders) == sum(1 for q in raw if q["type"] != "numeric")


@pytest.mark.parametrize("chapter", BANKS)
def test_site_print_and_exports_show_the_options_in_the_same_order(chapter):
    questions = load_bank(chapter)["questions"]
    site, printed, gift = quiz_html(questions, "t"), quiz_markdown(questions), bank_to_gift(chapter)
    for question in (q for q in questions if q["type"] != "numeric"):
        texts = [inline_html(o["answer"]) for o in question["answers"]]
        where = site.index(inline_html(question["question"]))
        for text in texts:   # each option after the one before it
            where = site.index(text, where + 1)
        lettered = [f"{chr(ord('A') + i)}. {o['answer']}" for i, o in enumerate(question["answers"])]
        assert all(line in printed for line in lettered), question["id"]
        if question["type"] == "single":   # Moodle marks the right option with "=", others "~"
            block = gift.split(f"::{question['id']}::", 1)[1].split("\n}\n", 1)[0]
            marks = re.findall(r"^\t([=~])", block, re.M)
            assert marks == ["=" if o["correct"] else "~" for o in question["answers"]], question["id"]


@pytest.mark.parametrize("chapter", BANKS)
def test_canvas_is_asked_to_shuffle_the_options(chapter):
    with zipfile.ZipFile(io.BytesIO(bank_to_qti(chapter))) as archive:
        items = [name for name in archive.namelist() if name.endswith(".xml") and "manifest" not in name]
        root = ET.fromstring(archive.read(items[0]))
    choices = [e for e in root.iter() if e.tag.endswith("render_choice")]
    assert choices and all(e.get("shuffle") == "Yes" for e in choices)


# What Instructure's QTI converter (Canvas New Quizzes) keeps of a numeric item's feedback.
NEW_QUIZZES_FEEDBACK = {"correct_fb", "general_incorrect_fb", "general_fb"}


@pytest.mark.parametrize("chapter", [c for c in BANKS
                                     if any(q["type"] == "numeric" for q in load_bank(c)["questions"])])
def test_canvas_new_quizzes_keeps_the_feedback_of_numeric_answers(chapter):
    numeric = {q["id"]: q for q in load_bank(chapter)["questions"] if q["type"] == "numeric"}
    with zipfile.ZipFile(io.BytesIO(bank_to_qti(chapter))) as archive:
        items = [e for name in archive.namelist() if name.endswith(".xml") and "manifest" not in name
                 for e in ET.fromstring(archive.read(name)).iter() if e.tag.endswith("item")]
    for item in (i for i in items if i.get("ident") in numeric):
        kept = {f.get("ident"): "".join(f.itertext()) for f in item.iter()
                if f.tag.endswith("itemfeedback") and f.get("ident") in NEW_QUIZZES_FEEDBACK}
        question = numeric[item.get("ident")]
        assert inline_html(question["answers"][0]["feedback"]) in kept["correct_fb"]
        assert inline_html(question["default_feedback"]) in kept["general_incorrect_fb"]


@pytest.mark.parametrize("chapter", BANKS)
def test_the_right_answer_is_not_the_longest_more_often_than_chance(chapter):
    singles = [q for q in load_bank(chapter)["questions"] if q["type"] == "single"]
    longest = [q["id"] for q in singles
               if (lengths := [len(o["answer"]) for o in q["answers"]])
               and lengths.count(max(lengths)) == 1
               and q["answers"][lengths.index(max(lengths))]["correct"]]
    chance = sum(1 / len(q["answers"]) for q in singles)
    assert len(longest) <= math.ceil(chance), (len(longest), chance, longest)


@pytest.mark.parametrize("chapter", BANKS)
def test_right_options_are_not_longer_than_wrong_ones_in_multiple_answer_questions(chapter):
    options = [o for q in load_bank(chapter)["questions"] if q["type"] == "multiple"
               for o in q["answers"]]
    right = [len(o["answer"]) for o in options if o["correct"]]
    wrong = [len(o["answer"]) for o in options if not o["correct"]]
    assert right and wrong
    assert sum(right) / len(right) <= 1.1 * sum(wrong) / len(wrong)
