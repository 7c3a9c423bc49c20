"""Predict–observe–explain tasks as accessible HTML, and as Markdown for print.

:func:`show` renders one page's tasks (:mod:`.bank`) as self-contained HTML with a small
script, like the quiz (:mod:`widgets.quiz.render`, whose formatter and dark palette it
shares): each task says what to set, asks for a prediction with real labelled form controls
(radio buttons, or a number box with its unit), says what to observe, and keeps the expected
observation and the explanation in a closed ``<details>`` until the learner opens it; a
status line, announced to screen readers, then says whether the prediction matched the
model. A results table (the prediction, what was observed, why) closes the page's tasks.
Everything the learner enters is kept in the browser's ``localStorage`` under the task's id
and shown again on a later visit. Printed as a worksheet, the table prints with its blank or
filled cells and the explanations stay closed unless the solutions are printed
(``book_assets/print.css``). On the site, ``book_assets/activities.js`` sets the tasks beside
the widget shown just before them on wide screens, and keeps the widget in view on a phone.
"""
from __future__ import annotations

import html

from ..quiz.bank import BADGES
from ..quiz.render import dark_style, inline_html
from .bank import filled, task_values, tasks_for

STORAGE_PREFIX = "hcc-book-activity:"
WHERE_MEANS = {
    "website": "the controls on this page are enough",
    "live": "needs the page's live mode (the panel's *Run live in your browser* button), which "
            "offers every control a notebook offers",
    "notebook": "needs a running notebook",
}


def _attribute(text: str) -> str:
    return html.escape(text, quote=True)


def _badge(where: str) -> str:
    return f'<span class="hcc-act-badge hcc-act-badge-{where}">{BADGES[where]}</span>'


def _prediction_html(task: dict, values: dict[str, float]) -> str:
    """The prediction: radio buttons in a fieldset, or a number box labelled with its unit."""
    prediction = task["prediction"]
    question = inline_html(prediction["question"])
    if prediction["type"] == "number":
        value = values[prediction["value"]]
        low, high = sorted((value * (1 - prediction["tolerance"]),
                            value * (1 + prediction["tolerance"])))
        unit = html.escape(prediction["unit"])
        return (f'<div class="hcc-act-predict" data-kind="number" data-low="{low!r}" '
                f'data-high="{high!r}" data-unit="{unit}"><p><strong>Predict.</strong> '
                f'{question}</p><label>Your prediction ({unit}) <input type="text" '
                f'inputmode="decimal" autocomplete="off" class="hcc-act-number"></label></div>')
    options = "".join(
        f'<label class="hcc-act-option"><input type="radio" name="hcc-act-{task["id"]}" '
        f'value="{index}" data-correct="{"true" if option["correct"] else "false"}"> '
        f'{inline_html(option["answer"])}</label>'
        for index, option in enumerate(prediction["options"]))
    return (f'<fieldset class="hcc-act-predict" data-kind="choice"><legend><strong>Predict.'
            f'</strong> {question}</legend>{options}</fieldset>')


def _task_html(task: dict, number: int) -> str:
    values = task_values(task)
    why = (f'<p class="hcc-act-why-notebook">{inline_html(task["why"])}</p>'
           if "why" in task else "")
    return (
        f'<li class="hcc-act-task" data-task="{_attribute(task["id"])}">'
        f'<h3 class="hcc-act-title">{_badge(task["where"])} Task {number}. '
        f'{inline_html(task["title"])}</h3>{why}'
        f'<p><strong>Set.</strong> {inline_html(filled(task["setup"], values))}</p>'
        f'{_prediction_html(task, values)}'
        f'<p><strong>Observe.</strong> {inline_html(filled(task["observe"], values))}</p>'
        f'<details class="hcc-act-explain"><summary>Explain: what the model shows, and why'
        f'</summary><p class="hcc-act-verdict" role="status" aria-live="polite"></p>'
        f'<p><strong>Expected.</strong> {inline_html(filled(task["expected"], values))}</p>'
        f'<p>{inline_html(filled(task["explanation"], values))}</p></details></li>')


def _results_html(tasks: list[dict]) -> str:
    rows = "".join(
        f'<tr data-task="{_attribute(task["id"])}"><th scope="row">{number}. '
        f'{inline_html(task["title"])}</th><td class="hcc-act-said"></td>'
        f'<td><textarea rows="2" class="hcc-act-observed" aria-label="Task {number}: what you '
        f'observed"></textarea></td><td><textarea rows="2" class="hcc-act-reason" '
        f'aria-label="Task {number}: why"></textarea></td></tr>'
        for number, task in enumerate(tasks, start=1))
    return ('<div class="hcc-act-table"><table class="hcc-act-results"><caption>Your results'
            '</caption><thead><tr><th scope="col">Task</th><th scope="col">Your prediction</th>'
            '<th scope="col">What you observed</th><th scope="col">Why</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></div>')


_LIGHT_STYLE = """
.hcc-activities{color:#1a1a1a;max-width:46em;min-width:0}
.hcc-activities h3.hcc-act-title{font-size:1.05rem;margin:0 0 0.4em}
.hcc-act-legend,.hcc-act-note{font-size:0.9em;margin:0 0 0.6em}
.hcc-act-tasks{list-style:none;padding:0;margin:0}
.hcc-act-task{border:1px solid #8a8a8a;border-radius:6px;padding:0.6em 0.9em;margin:0 0 0.8em}
.hcc-act-task p{margin:0.35em 0}
.hcc-act-predict{border:none;margin:0.4em 0;padding:0;min-width:0}
.hcc-act-predict legend{float:none;width:auto;padding:0;margin-bottom:0.3em;font-size:1rem;line-height:1.5}
.hcc-act-option{display:flex;gap:0.5em;align-items:baseline;margin:0.2em 0;cursor:pointer}
.hcc-activities input[type=text],.hcc-activities textarea{font:inherit;color:#1a1a1a;background:#fff;
 border:1px solid #6b6b6b;border-radius:4px;padding:0.2em 0.3em;max-width:100%;box-sizing:border-box}
.hcc-activities input[type=text]{width:7em}
.hcc-activities textarea{width:100%;min-height:2.6em;resize:vertical}
.hcc-activities :focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.hcc-act-explain summary{cursor:pointer;font-weight:600;color:#0b5cad}
.hcc-act-verdict{font-weight:600}
.hcc-act-verdict.hcc-act-match{color:#1e6b2a}
.hcc-act-verdict.hcc-act-miss{color:#a11d1d}
.hcc-act-badge{display:inline-block;font-size:0.8em;font-weight:600;border:1px solid currentColor;border-radius:1em;padding:0 0.6em}
.hcc-act-badge-website{color:#0b5cad}
.hcc-act-badge-live{color:#1e6b2a}
.hcc-act-badge-notebook{color:#5a4a00}
.hcc-act-table{max-width:100%;overflow-x:auto}
.hcc-act-results{border-collapse:collapse;width:100%;table-layout:fixed;font-size:0.92em}
.hcc-act-results caption{caption-side:top;text-align:left;font-weight:600;padding:0.3em 0}
.hcc-act-results th,.hcc-act-results td{border:1px solid #8a8a8a;padding:0.3em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
.hcc-act-reset{font:inherit;margin-top:0.5em;color:#1a1a1a;background:#f4f4f4;border:1px solid #6b6b6b;border-radius:4px;padding:0.3em 0.7em;cursor:pointer}
"""

_DARK_RULES = (
    (".hcc-activities", "color:#e8eaed"),
    (".hcc-act-task", "border-color:#9ca4af;background:#14181e"),
    (".hcc-activities input[type=text],.hcc-activities textarea",
     "color:#f3f4f5;background:#1e2430;border-color:#9ca4af"),
    (".hcc-activities :focus-visible", "outline-color:#9cc6ff"),
    (".hcc-act-explain summary,.hcc-act-badge-website", "color:#9cc6ff"),
    (".hcc-act-verdict.hcc-act-match,.hcc-act-badge-live", "color:#7fd18b"),
    (".hcc-act-verdict.hcc-act-miss", "color:#ff9c9c"),
    (".hcc-act-badge-notebook", "color:#f0d36b"),
    (".hcc-act-results th,.hcc-act-results td", "border-color:#9ca4af"),
    (".hcc-act-reset", "color:#f3f4f5;background:#29313d;border-color:#9ca4af"),
)

_STYLE = _LIGHT_STYLE + dark_style(_DARK_RULES, "hcc-activities")

_SCRIPT = r"""
(function () {
  var PREFIX = "%(prefix)s";
  function load(id) {
    try { return JSON.parse(window.localStorage.getItem(PREFIX + id)) || {}; } catch (e) { return {}; }
  }
  function save(id, record) {
    try { window.localStorage.setItem(PREFIX + id, JSON.stringify(record)); } catch (e) {}
  }
  function number(text) { return parseFloat(String(text).trim().replace(",", ".")); }
  // What the learner predicted, in words, and whether the model agrees (null: no prediction).
  function prediction(task) {
    var box = task.querySelector(".hcc-act-predict");
    if (box.dataset.kind === "number") {
      var input = box.querySelector("input"), value = number(input.value);
      if (!isFinite(value)) { return null; }
      return { text: input.value.trim() + " " + box.dataset.unit,
               ok: value >= parseFloat(box.dataset.low) && value <= parseFloat(box.dataset.high) };
    }
    var chosen = box.querySelector("input:checked");
    if (!chosen) { return null; }
    return { text: chosen.parentNode.textContent.trim(), ok: chosen.dataset.correct === "true" };
  }
  function verdict(task) {
    var line = task.querySelector(".hcc-act-verdict"), said = prediction(task);
    line.classList.remove("hcc-act-match", "hcc-act-miss");
    if (!said) { line.textContent = "You have not made a prediction yet: make one above first."; return; }
    line.classList.add(said.ok ? "hcc-act-match" : "hcc-act-miss");
    line.textContent = "You predicted: " + said.text + ". " + (said.ok ?
      "That matches the model." : "That does not match the model: read on to see why.");
  }
  function setUp(root) {
    if (root.dataset.ready) { return; }
    root.dataset.ready = "1";
    root.querySelectorAll(".hcc-act-task").forEach(function (task) {
      var id = task.dataset.task, row = root.querySelector('tr[data-task="' + id + '"]');
      var said = row.querySelector(".hcc-act-said");
      var fields = { observed: row.querySelector(".hcc-act-observed"),
                     reason: row.querySelector(".hcc-act-reason") };
      var radios = task.querySelectorAll('input[type="radio"]');
      var box = task.querySelector(".hcc-act-number");
      var details = task.querySelector("details");
      function store() {
        var record = { observed: fields.observed.value, reason: fields.reason.value };
        radios.forEach(function (r) { if (r.checked) { record.choice = r.value; } });
        if (box) { record.number = box.value; }
        save(id, record);
        var current = prediction(task);
        said.textContent = current ? current.text : "";
        if (details.open) { verdict(task); }
      }
      var kept = load(id);
      radios.forEach(function (r) { r.checked = r.value === kept.choice; });
      if (box && kept.number) { box.value = kept.number; }
      fields.observed.value = kept.observed || "";
      fields.reason.value = kept.reason || "";
      var current = prediction(task);
      said.textContent = current ? current.text : "";
      radios.forEach(function (r) { r.addEventListener("change", store); });
      [box, fields.observed, fields.reason].forEach(function (input) {
        if (input) { input.addEventListener("input", store); }
      });
      details.addEventListener("toggle", function () { if (details.open) { verdict(task); } });
    });
    root.querySelector(".hcc-act-reset").addEventListener("click", function () {
      root.querySelectorAll(".hcc-act-task").forEach(function (task) {
        try { window.localStorage.removeItem(PREFIX + task.dataset.task); } catch (e) {}
      });
      root.querySelectorAll("input, textarea").forEach(function (input) {
        if (input.type === "radio") { input.checked = false; } else { input.value = ""; }
      });
      root.querySelectorAll(".hcc-act-said, .hcc-act-verdict").forEach(function (cell) {
        cell.textContent = "";
      });
      root.querySelectorAll("details").forEach(function (d) { d.open = false; });
    });
  }
  document.querySelectorAll(".hcc-activities").forEach(setUp);
})();
""" % {"prefix": STORAGE_PREFIX}


def _legend(tasks: list[dict]) -> str:
    used = [where for where in BADGES if any(t["where"] == where for t in tasks)]
    return "; ".join(f"{_badge(where)} {inline_html(WHERE_MEANS[where])}" for where in used)


def activities_html(chapter: str, page: str) -> str:
    """Self-contained HTML (style, markup, script) of one page's tasks and results table.

    Raises
    ------
    ValueError
        If the chapter has no activities, or none on ``page`` (the message lists the
        choices), or the model disagrees with a task's marked answer.
    """
    tasks = tasks_for(chapter, page)
    body = "".join(_task_html(task, number) for number, task in enumerate(tasks, start=1))
    return (f"<style>{_STYLE}</style>"
            f'<section class="hcc-activities" aria-label="Things to try: predict, observe, '
            f'explain" data-chapter="{_attribute(chapter)}" data-page="{_attribute(page)}">'
            f'<p class="hcc-act-legend">{_legend(tasks)}.</p>'
            '<p class="hcc-act-note">For each task, commit to a prediction before you set the '
            'controls, then observe, then open the explanation. What you enter is kept in this '
            'browser only.</p>'
            f'<ol class="hcc-act-tasks">{body}</ol>{_results_html(tasks)}'
            '<button type="button" class="hcc-act-reset">Clear my predictions and results'
            f'</button></section><script>{_SCRIPT}</script>')


def activities_markdown(chapter: str, page: str) -> str:
    """The tasks for print (the PDF book): set, predict (options lettered), observe, and a
    blank results table; no explanations, no answers."""
    parts = []
    tasks = tasks_for(chapter, page)
    for number, task in enumerate(tasks, start=1):
        values = task_values(task)
        prediction = task["prediction"]
        lines = [f"**Task {number} ({BADGES[task['where']]}). {task['title']}**", "",
                 f"*Set.* {filled(task['setup'], values)}", "",
                 f"*Predict.* {prediction['question']}", ""]
        if prediction["type"] == "number":
            lines.append(f"Your prediction: ________ {prediction['unit']}")
        else:
            lines += [f"- {chr(ord('A') + index)}. {option['answer']}"
                      for index, option in enumerate(prediction["options"])]
        lines += ["", f"*Observe.* {filled(task['observe'], values)}"]
        parts.append("\n".join(lines))
    table = ["| Task | Your prediction | What you observed | Why |", "|---|---|---|---|"]
    table += [f"| {number}. {task['title']} | | | |" for number, task in enumerate(tasks, 1)]
    return "\n\n".join(parts + ["\n".join(table)]) + "\n"


def activities_outputs(chapter: str, page: str) -> dict[str, str]:
    """One page's tasks as notebook outputs: the HTML, and :func:`activities_markdown` for print."""
    return {"text/html": activities_html(chapter, page),
            "text/markdown": activities_markdown(chapter, page)}


def show(chapter: str, page: str) -> None:
    """Display one page's predict–observe–explain tasks in a notebook."""
    from IPython.display import display

    display(activities_outputs(chapter, page), raw=True)
