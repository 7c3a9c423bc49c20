"""Predict–observe–explain activities in ``data/activities/``: loading, checking, model values.

One JSON file per chapter (``data/activities/<chapter>.json``) lists the tasks of its widget
pages, each naming its ``page``. A task says where it can be done (``where``: ``website``,
``live`` or ``notebook``, the last with a ``why``), what to set (``setup``), a
``prediction`` the learner commits to, what to look at (``observe``), the expected
observation (``expected``) and the ``explanation``.

No number is typed. A task names its model values (``values``: name → a ``compute`` object
of the quiz, :mod:`widgets.quiz.quantities`), computed whenever the task is rendered;
``expected`` and ``explanation`` quote them through placeholders in Python's format syntax
(``{flux:.2f}``). A choice prediction marks its right option (``"correct": true``) and every
option states ``when`` it would be right: conditions on the values, such as
``[["flux", ">", 1], ["p62", "<", 1]]`` (each value compared with a number or another
value). :func:`task_values` computes the values and checks that the model makes exactly the
marked option true, so the file can never disagree with the model. A number prediction
names the value it predicts, its unit and the relative tolerance of a match.

Options stand in the seeded order of the quiz (:func:`widgets.quiz.bank.put_in_seeded_order`),
so their position gives nothing away.
"""
from __future__ import annotations

import json
import operator
import string
from functools import lru_cache

from ..model.data_files import DATA_DIR
from ..quiz.bank import BADGES, model_answer, put_in_seeded_order

WHERE = tuple(BADGES)                  # website, live, notebook
PREDICTIONS = ("choice", "number")
COMPARISONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}


def chapters() -> list[str]:
    """Names of the chapters that have an activities file."""
    return sorted(p.stem for p in (DATA_DIR / "activities").glob("*.json"))


def _fields(text: str) -> set[str]:
    """The value names a text's placeholders quote (``{flux:.2f}`` quotes ``flux``)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def check_task(task: dict) -> None:
    """Check what the JSON schema cannot: where, placeholders and conditions name real things.

    Raises
    ------
    ValueError
        Naming the task, the wrong value and the valid choices.
    """
    name = task["id"]
    if task["where"] not in WHERE:
        raise ValueError(f"task {name!r}: where {task['where']!r}; valid choices are: "
                         f"{', '.join(WHERE)}")
    if (task["where"] == "notebook") != ("why" in task):
        raise ValueError(f"task {name!r}: a task needs a 'why' exactly when it needs a notebook")
    values = set(task["values"])
    prediction = task["prediction"]
    if prediction["type"] not in PREDICTIONS:
        raise ValueError(f"task {name!r}: prediction type {prediction['type']!r}; valid "
                         f"choices are: {', '.join(PREDICTIONS)}")
    used = set().union(*(_fields(task[key]) for key in ("setup", "observe", "expected",
                                                        "explanation")))
    if prediction["type"] == "number":
        used.add(prediction["value"])
    for option in prediction.get("options", []):
        for left, comparison, right in option["when"]:
            if comparison not in COMPARISONS:
                raise ValueError(f"task {name!r}: comparison {comparison!r}; valid choices "
                                 f"are: {', '.join(COMPARISONS)}")
            used |= {left} | ({right} if isinstance(right, str) else set())
    if used - values:
        raise ValueError(f"task {name!r}: unknown value {sorted(used - values)[0]!r}; valid "
                         f"choices are: {', '.join(sorted(values))}")


@lru_cache(maxsize=None)
def load_activities(chapter: str) -> dict:
    """Read and check ``data/activities/<chapter>.json``, choice options in their seeded order.

    Raises
    ------
    ValueError
        If no file exists for ``chapter`` (the message lists those there are), or a task
        breaks a rule of :func:`check_task`.
    """
    path = DATA_DIR / "activities" / f"{chapter}.json"
    if not path.is_file():
        raise ValueError(f"no activities for chapter {chapter!r}; valid choices are: "
                         f"{', '.join(chapters())}")
    activities = json.loads(path.read_text(encoding="utf-8"))
    choices = []
    for task in activities["tasks"]:
        check_task(task)
        if task["prediction"]["type"] == "choice":
            choices.append({"id": task["id"], "type": "single",
                            "answers": task["prediction"]["options"]})
    put_in_seeded_order(choices)
    for question, task in zip(choices, (t for t in activities["tasks"]
                                        if t["prediction"]["type"] == "choice")):
        task["prediction"]["options"] = question["answers"]
    return activities


def tasks_for(chapter: str, page: str) -> list[dict]:
    """The tasks of one page, in file order.

    Raises
    ------
    ValueError
        If the chapter has no task on ``page``; the message lists its pages.
    """
    tasks = [t for t in load_activities(chapter)["tasks"] if t["page"] == page]
    if not tasks:
        pages = sorted({t["page"] for t in load_activities(chapter)["tasks"]})
        raise ValueError(f"no activities for page {page!r} in chapter {chapter!r}; valid "
                         f"choices are: {', '.join(pages)}")
    return tasks


def holds(option: dict, values: dict[str, float]) -> bool:
    """True if every condition of a choice option (``when``) holds for the model's values."""
    return all(COMPARISONS[comparison](values[left],
                                       values[right] if isinstance(right, str) else right)
               for left, comparison, right in option["when"])


def task_values(task: dict) -> dict[str, float]:
    """The task's model values, computed now, after checking its prediction against them.

    Returns
    -------
    dict
        Value name → the quiz quantity its ``compute`` object names (:func:`model_answer`).

    Raises
    ------
    ValueError
        If, for a choice prediction, the model makes an option other than the one marked
        ``correct`` true, or none, or more than one; the message names the task, the
        options the model makes true and the values.
    """
    values = {name: model_answer({"id": task["id"], "compute": spec})
              for name, spec in task["values"].items()}
    options = task["prediction"].get("options")
    if options is not None:
        true = [option["answer"] for option in options if holds(option, values)]
        marked = [option["answer"] for option in options if option["correct"]]
        if true != marked:
            shown = ", ".join(f"{name} = {value:.3g}" for name, value in values.items())
            raise ValueError(f"task {task['id']!r}: the model makes {true or 'no option'} "
                             f"right, the file marks {marked} ({shown})")
    return values


def filled(text: str, values: dict[str, float]) -> str:
    """``text`` with its placeholders (``{flux:.2f}``) filled from the model's values."""
    return text.format_map(values)
