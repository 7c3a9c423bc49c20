"""Sphinx extension: the expected values of a chapter's predict–observe–explain tasks.

``{activity-expected-values} <chapter>`` lists, for every task of
``data/activities/<chapter>.json`` (grouped by page), where it can be done, what to set, the
right prediction and the expected observation, with the model's numbers computed when the
book is built (:mod:`widgets.activities`), so the teacher's table cannot drift from the tasks.
"""
from __future__ import annotations

from _ext.instructor import _GeneratedMarkdown
from widgets.activities.bank import filled, load_activities, task_values
from widgets.quiz.bank import BADGES


def _right_prediction(task: dict, values: dict[str, float]) -> str:
    prediction = task["prediction"]
    if prediction["type"] == "number":
        value = values[prediction["value"]]
        return (f"{value:.3g} {prediction['unit']} (a prediction within "
                f"{prediction['tolerance']:.0%} counts as a match)")
    return next(option["answer"] for option in prediction["options"] if option["correct"])


def expected_values_markdown(chapter: str) -> str:
    """Every task of ``chapter``, page by page, with its right prediction and expected values.

    Raises
    ------
    ValueError
        If the chapter has no activities file (the message lists those there are).
    """
    tasks = load_activities(chapter)["tasks"]
    lines = [f"The chapter has {len(tasks)} predict–observe–explain tasks; the numbers are the "
             "model's, computed when the book was built.", ""]
    for page in dict.fromkeys(task["page"] for task in tasks):
        lines += [f"**Tasks on {{doc}}`/chapters/{chapter}/{page}`**", ""]
        on_page = [task for task in tasks if task["page"] == page]
        for number, task in enumerate(on_page, start=1):
            values = task_values(task)
            lines += [f"{number}. **{task['title']}** ({BADGES[task['where']]}, "
                      f"`{task['id']}`). *Set:* {filled(task['setup'], values)} "
                      f"*Right prediction:* {_right_prediction(task, values)}. "
                      f"*Expected:* {filled(task['expected'], values)}", ""]
    return "\n".join(lines)


class ActivityExpectedValues(_GeneratedMarkdown):
    make_markdown = staticmethod(expected_values_markdown)


def setup(app):
    app.add_directive("activity-expected-values", ActivityExpectedValues)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
