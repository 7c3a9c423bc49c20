"""Predict–observe–explain tasks: their files, their model answers, their HTML, the site.

The fast tier checks the files in ``data/activities/`` against a JSON Schema, the pages that
show them, every right answer and quoted number against the model, the labelled controls
and the order of the options; the browser tier makes a prediction by keyboard on the built
flux explorer page, reloads it, opens the explanation and fills the results table.
"""
from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser

import pytest
from jsonschema import Draft202012Validator

import book_contents
from conftest import ROOT
from widgets import activities
from widgets.activities.bank import COMPARISONS, PREDICTIONS, WHERE, check_task, holds
from widgets.model.data_files import DATA_DIR
from widgets.quiz.quantities import declared_quantities

CHAPTERS = activities.chapters()
TASKS = [(chapter, task) for chapter in CHAPTERS
         for task in activities.load_activities(chapter)["tasks"]]
BIB_KEYS = set(re.findall(r"^@\w+\{([^,\s]+),", (DATA_DIR / "references.bib").read_text(), re.M))


def activity_schema(chapter: str) -> dict:
    """The JSON Schema (2020-12) of ``data/activities/<chapter>.json``."""
    text = {"type": "string", "pattern": r"\S"}
    pages = [file.split("/")[2] for file in book_contents.toc_files()
             if file.startswith(f"chapters/{chapter}/")]
    condition = {"type": "array", "prefixItems": [text, {"enum": list(COMPARISONS)},
                                                  {"type": ["string", "number"]}],
                 "minItems": 3, "maxItems": 3}
    option = {"type": "object", "required": ["answer", "correct", "when"],
              "additionalProperties": False,
              "properties": {"answer": text, "correct": {"type": "boolean"},
                             "when": {"type": "array", "items": condition, "minItems": 1}}}
    right = {"properties": {"correct": {"const": True}}}
    choice = {"required": ["type", "question", "options"], "additionalProperties": False,
              "properties": {"type": {"const": "choice"}, "question": text,
                             "options": {"type": "array", "items": option, "minItems": 3,
                                         "contains": right, "minContains": 1, "maxContains": 1}}}
    number = {"required": ["type", "question", "value", "unit", "tolerance"],
              "additionalProperties": False,
              "properties": {"type": {"const": "number"}, "question": text, "value": text,
                             "unit": text, "tolerance": {"type": "number", "exclusiveMinimum": 0,
                                                         "exclusiveMaximum": 1}}}
    task = {
        "type": "object",
        "required": ["id", "page", "title", "where", "sources", "setup", "values", "prediction",
                     "observe", "expected", "explanation"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": r"^[a-z0-9_]+(-[a-z0-9_]+)+$"},
            "page": {"enum": pages}, "title": text, "where": {"enum": list(WHERE)}, "why": text,
            "sources": {"type": "array", "items": {"enum": sorted(BIB_KEYS)}, "minItems": 1},
            "setup": text, "observe": text, "expected": text, "explanation": text,
            "values": {"type": "object", "minProperties": 1, "additionalProperties": {
                "type": "object", "required": ["quantity"],
                "properties": {"quantity": {"enum": sorted(declared_quantities())}}}},
            "prediction": {"type": "object", "properties": {"type": {"enum": list(PREDICTIONS)}},
                           "oneOf": [choice, number]},
        },
        "if": {"properties": {"where": {"const": "notebook"}}},
        "then": {"required": ["why"]},
        "else": {"not": {"required": ["why"]}},
    }
    return {"type": "object", "required": ["chapter", "tasks"], "additionalProperties": False,
            "properties": {"chapter": {"const": chapter},
                           "tasks": {"type": "array", "items": task, "minItems": 1}}}


def _raw(chapter: str) -> dict:
    return json.loads((DATA_DIR / "activities" / f"{chapter}.json").read_text(encoding="utf-8"))


def test_the_activity_schema_is_valid_json_schema():
    meta = Draft202012Validator(Draft202012Validator.META_SCHEMA)
    assert not [error.message for chapter in CHAPTERS
                for error in meta.iter_errors(activity_schema(chapter))]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_activity_file_follows_the_schema(chapter):
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
              for error in Draft202012Validator(activity_schema(chapter)).iter_errors(_raw(chapter))]
    assert not errors, "\n".join(errors)


def test_the_schema_catches_a_broken_task():
    broken = _raw("machinery")
    del broken["tasks"][0]["prediction"]["options"][0]["when"]
    broken["tasks"][1]["where"] = "tablet"
    broken["tasks"][2]["page"] = "nowhere"
    paths = {tuple(error.absolute_path)[:2]
             for error in Draft202012Validator(activity_schema("machinery")).iter_errors(broken)}
    assert {("tasks", 0), ("tasks", 1), ("tasks", 2)} <= paths


def test_task_ids_are_unique_across_the_book():
    ids = [task["id"] for _, task in TASKS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("chapter, task", TASKS, ids=[t["id"] for _, t in TASKS])
def test_every_task_page_is_in_the_contents_and_shows_its_tasks(chapter, task):
    page = f"chapters/{chapter}/{task['page']}"
    assert page in book_contents.toc_files(), page
    notebook = ROOT / f"{page}.ipynb"
    source = "\n".join("".join(cell["source"]) for cell in
                       json.loads(notebook.read_text(encoding="utf-8"))["cells"])
    assert f'activities.show("{chapter}", "{task["page"]}")' in source, page
    for key in task["sources"]:   # the page cites, with a link to the bibliography
        assert f"`{key}`" in source, (page, key)


@pytest.mark.parametrize("chapter, task", TASKS, ids=[t["id"] for _, t in TASKS])
def test_every_computed_answer_agrees_with_the_option_marked_right(chapter, task):
    values = activities.task_values(task)   # raises if the model makes another option right
    prediction = task["prediction"]
    if prediction["type"] == "choice":
        assert [holds(o, values) for o in prediction["options"]] == \
            [o["correct"] for o in prediction["options"]]
    else:
        assert values[prediction["value"]] > 0


def test_a_task_whose_marked_answer_the_model_contradicts_is_refused():
    task = copy.deepcopy(activities.tasks_for("machinery", "flux_explorer")[0])
    options = task["prediction"]["options"]
    right = next(i for i, option in enumerate(options) if option["correct"])
    for i, option in enumerate(options):
        option["correct"] = i == (right + 1) % len(options)   # mark a wrong option right
    with pytest.raises(ValueError, match=rf"task '{task['id']}': the model makes "
                                         rf"\['{re.escape(options[right]['answer'])}'\] right"):
        activities.task_values(task)


@pytest.mark.parametrize("change, message", [
    (lambda t: t.update(where="tablet"), "where 'tablet'; valid choices are: website, live"),
    (lambda t: t.update(where="notebook"), "needs a 'why' exactly when it needs a notebook"),
    (lambda t: t.update(expected="{nothing:.2f}"), "unknown value 'nothing'; valid choices"),
    (lambda t: t["prediction"]["options"][0]["when"].append(["flux", "~", 1]),
     "comparison '~'; valid choices are: <, <=, >, >="),
])
def test_a_broken_task_is_refused_naming_it_and_the_choices(change, message):
    task = copy.deepcopy(activities.tasks_for("machinery", "flux_explorer")[0])
    change(task)
    with pytest.raises(ValueError, match=re.escape(message)):
        check_task(task)


def test_an_unknown_chapter_or_page_is_named_with_the_choices():
    with pytest.raises(ValueError, match="valid choices are: .*machinery"):
        activities.load_activities("genetics")
    with pytest.raises(ValueError, match="valid choices are: flux_explorer"):
        activities.tasks_for("machinery", "nowhere")


def test_quoted_numbers_are_the_models():
    import widgets

    html = activities.activities_html("machinery", "flux_explorer")
    rapamycin = widgets.simulate({"rapamycin": 0.1}, hours=24.0)
    assert f"flux {rapamycin.flux[-1]:.2f} times untreated" in html
    both = widgets.simulate({"rapamycin": 0.1, "bafilomycin_a1": 0.1}, hours=24.0).lc3_ii[-1]
    alone = widgets.simulate({"bafilomycin_a1": 0.1}, hours=24.0).lc3_ii[-1]
    assert f"{both / alone:.2f} times as much" in html
    assert not re.search(r"\{[a-z_0-9]+(:[^}]*)?\}", html.split("<script>")[0].split("</style>")[1])


PAGES = sorted({(chapter, task["page"]) for chapter, task in TASKS})


@pytest.mark.parametrize("chapter, page", PAGES, ids=[f"{c}-{p}" for c, p in PAGES])
def test_every_page_prints_its_tasks_with_every_placeholder_filled(chapter, page):
    """A brace meant literally (code such as ``f({})``) must be doubled, or printing fails."""
    markdown = activities.activities_markdown(chapter, page)
    assert markdown.count("**Task ") == len(activities.tasks_for(chapter, page))
    assert not re.search(r"\{[a-z_0-9]+(:[^}]*)?\}", markdown)


class _Controls(HTMLParser):
    """Form controls of an HTML fragment and whether each has a label."""

    def __init__(self):
        super().__init__()
        self.open_labels, self.controls, self.fieldsets, self.legends = 0, [], 0, 0
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "label":
            self.open_labels += 1
        elif tag in ("input", "textarea", "select"):
            self.controls.append((tag, attrs, self.open_labels > 0 or "aria-label" in attrs))
        self.fieldsets += tag == "fieldset"
        self.legends += tag == "legend"

    def handle_endtag(self, tag):
        if tag == "label":
            self.open_labels -= 1


def test_rendering_gives_labelled_keyboard_controls_and_announced_feedback():
    parser = _Controls()
    parser.feed(activities.activities_html("machinery", "flux_explorer"))
    tasks = activities.tasks_for("machinery", "flux_explorer")
    assert parser.controls and all(labelled for _, _, labelled in parser.controls)
    radios = [attrs for tag, attrs, _ in parser.controls if attrs.get("type") == "radio"]
    choices = [t for t in tasks if t["prediction"]["type"] == "choice"]
    assert len(radios) == sum(len(t["prediction"]["options"]) for t in choices)
    assert parser.fieldsets == parser.legends == len(choices)
    textareas = [attrs for tag, attrs, _ in parser.controls if tag == "textarea"]
    assert len(textareas) == 2 * len(tasks)
    details = [attrs for tag, attrs in parser.tags if tag == "details"]
    assert len(details) == len(tasks) and not any("open" in d for d in details)
    statuses = [attrs for tag, attrs in parser.tags
                if attrs.get("role") == "status" and attrs.get("aria-live") == "polite"]
    assert len(statuses) == len(tasks)
    assert not any(attrs.get("tabindex", "0").startswith("-") for _, attrs in parser.tags)


def test_the_right_option_is_not_first_more_often_than_chance():
    positions = [(len(t["prediction"]["options"]),
                  next(i for i, o in enumerate(t["prediction"]["options"]) if o["correct"]))
                 for _, t in TASKS if t["prediction"]["type"] == "choice"]
    chance = sum(1 / n for n, _ in positions)
    assert [at for _, at in positions].count(0) <= chance + 1
    for size in {n for n, _ in positions}:
        counts = [sum(1 for n, at in positions if n == size and at == p) for p in range(size)]
        assert max(counts) - min(counts) <= 1, (size, counts)


def test_print_shows_tasks_and_a_blank_results_table_without_explanations(monkeypatch):
    from IPython import display as ipython_display

    shown = []
    monkeypatch.setattr(ipython_display, "display", lambda *objs, **kw: shown.append(objs))
    activities.show("machinery", "flux_explorer")
    ((bundle,),) = shown
    markdown = bundle["text/markdown"]
    tasks = activities.tasks_for("machinery", "flux_explorer")
    for number, task in enumerate(tasks, start=1):
        assert f"**Task {number} ({task['where']}). {task['title']}**" in markdown
        assert f"| {number}. {task['title']} | | | |" in markdown
        assert activities.bank.filled(task["explanation"],
                                      activities.task_values(task))[:40] not in markdown
    assert "| Task | Your prediction | What you observed | Why |" in markdown


def test_teachers_get_every_right_prediction_and_expected_value():
    from _ext.activities import expected_values_markdown

    text = expected_values_markdown("machinery")
    for task in activities.tasks_for("machinery", "flux_explorer"):
        values = activities.task_values(task)
        assert activities.bank.filled(task["expected"], values) in text
        if task["prediction"]["type"] == "choice":
            right = next(o for o in task["prediction"]["options"] if o["correct"])
            assert f"*Right prediction:* {right['answer']}." in text
        else:
            assert f"{values[task['prediction']['value']]:.3g} {task['prediction']['unit']}" in text
    assert "```{activity-expected-values} machinery" in \
        (ROOT / "reference" / "instructor" / "machinery.md").read_text(encoding="utf-8")


# --- on the built site -----------------------------------------------------------------------

PAGE = "chapters/machinery/flux_explorer.html"


def test_a_prediction_made_by_keyboard_survives_a_reload_and_fills_the_results(browser,
                                                                               site_url):
    from test_site import _open

    page, problems = _open(browser, f"{site_url}/{PAGE}", viewport={"width": 1280, "height": 900})
    task = page.locator(".hcc-act-task").first
    explanation = task.locator("details.hcc-act-explain > p").last
    assert not explanation.is_visible()            # hidden until asked
    first = task.locator('input[type="radio"]').first
    first.focus()
    page.keyboard.press("ArrowDown")                # a radio group: arrows choose
    chosen = task.locator('input[type="radio"]:checked')
    assert chosen.count() == 1
    chosen_text = chosen.locator("xpath=..").inner_text().strip()
    row = page.locator(".hcc-act-results tbody tr").first
    assert row.locator(".hcc-act-said").inner_text().strip() == chosen_text
    row.locator(".hcc-act-observed").focus()
    page.keyboard.type("LC3-II up")
    page.keyboard.press("Tab")
    page.keyboard.type("fusion blocked")
    assert row.locator(".hcc-act-reason").input_value() == "fusion blocked"
    page.reload()
    page.wait_for_load_state("networkidle")
    task = page.locator(".hcc-act-task").first
    row = page.locator(".hcc-act-results tbody tr").first
    assert task.locator('input[type="radio"]:checked').locator("xpath=..").inner_text().strip() \
        == chosen_text
    assert row.locator(".hcc-act-said").inner_text().strip() == chosen_text
    assert row.locator(".hcc-act-observed").input_value() == "LC3-II up"
    assert not task.locator("details.hcc-act-explain > p").last.is_visible()
    task.locator("details.hcc-act-explain > summary").focus()
    page.keyboard.press("Enter")
    assert task.locator("details.hcc-act-explain > p").last.is_visible()
    right = task.locator('input[type="radio"]:checked').get_attribute("data-correct") == "true"
    verdict = task.locator(".hcc-act-verdict").inner_text()
    assert verdict.startswith(f"You predicted: {chosen_text}.")
    assert ("matches the model" in verdict) == right
    # beside the widget on a wide screen
    widget = page.locator(".hcc-poe > .hcc-poe-widget").bounding_box()
    tasks = page.locator(".hcc-poe > .hcc-poe-tasks").bounding_box()
    assert tasks["x"] >= widget["x"] + widget["width"] - 1
    assert not problems, "\n".join(problems)
    page.context.close()


def test_on_a_phone_the_widget_stays_in_view_and_nothing_scrolls_sideways(browser, site_url):
    from test_site import _open

    page, problems = _open(browser, f"{site_url}/{PAGE}", viewport={"width": 390, "height": 844})
    page.locator(".hcc-panel img:visible").first.wait_for(timeout=15000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator(".hcc-act-results").scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    widget = page.locator(".hcc-poe-widget").bounding_box()
    header = page.locator(".bd-header-article").bounding_box()   # the theme's sticky bar
    assert abs(widget["y"] - (header["y"] + header["height"])) <= 1, (widget, header)
    assert widget["height"] <= 0.6 * 844
    covered = page.evaluate("""() => {   // the tasks' first visible line is not under the widget
        const box = document.querySelector('.hcc-poe-widget').getBoundingClientRect();
        const hit = document.elementFromPoint(200, box.bottom + 8);
        return hit ? !!hit.closest('.hcc-poe-tasks') : false; }""")
    assert covered
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not problems, "\n".join(problems)
    page.context.close()


@pytest.mark.parametrize("chapter, page", PAGES, ids=[f"{c}-{p}" for c, p in PAGES])
def test_every_widget_page_asks_for_each_prediction_and_keeps_a_results_table_on_a_phone(
        browser, site_url, chapter, page):
    """At 390 px: one prediction (choices or a number box) per task, one row per task in the
    results table, the explanations closed, and no sideways scrolling."""
    from test_site import _open

    tasks = [task for task in activities.load_activities(chapter)["tasks"]
             if task["page"] == page]
    shown, problems = _open(browser, f"{site_url}/chapters/{chapter}/{page}.html",
                            viewport={"width": 390, "height": 844})
    predictions = shown.locator(".hcc-act-task .hcc-act-predict")
    assert predictions.count() == len(tasks)
    for i, task in enumerate(tasks):
        kind = task["prediction"]["type"]
        prediction = predictions.nth(i)
        assert prediction.get_attribute("data-kind") == kind
        inputs = prediction.locator('input[type="radio"]' if kind == "choice" else "input")
        assert inputs.count() == (len(task["prediction"]["options"]) if kind == "choice" else 1)
    assert shown.locator(".hcc-act-results tbody tr").count() == len(tasks)
    assert shown.locator("details.hcc-act-explain[open]").count() == 0
    assert shown.evaluate("document.documentElement.scrollWidth") <= 390
    assert not problems, "\n".join(problems)
    shown.context.close()
