"""Predict–observe–explain activities: tasks (:mod:`.bank`) and their HTML (:mod:`.render`).

In a widget notebook, in the cell after the panel::

    from widgets import activities
    activities.show("machinery", "flux_explorer")

The tasks are data, ``data/activities/<chapter>.json`` (see :mod:`.bank` for its fields);
their right answers and every number they quote are computed from the model when shown.
"""
from .bank import chapters, load_activities, task_values, tasks_for
from .render import activities_html, activities_markdown, activities_outputs, show

__all__ = ["activities_html", "activities_markdown", "activities_outputs", "chapters",
           "load_activities", "show", "task_values", "tasks_for"]
