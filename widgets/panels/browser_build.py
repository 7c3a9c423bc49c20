"""Panels in the reader's browser: the third life of a declaration, on the static site.

The static site opens each panel on its precomputed frames (:mod:`.ipywidgets_build`). Its
*live* button loads the book's own Python, compiled to WebAssembly, in a Web Worker, and
turns the panel into one with every control a running notebook offers. Nothing is written
again in JavaScript: one generic front end (``book_assets/live/live.js``) builds the
controls of any panel from :func:`panel_spec`, exported into the precomputed panel when the
book is built, and the Python in the worker declares the same panel again from its
:class:`~.declaration.Origin` and draws each change with the same ``draw`` and the same
figure code (:func:`open_panel`, :func:`draw`).

Values cross between the two as indices into each control's options, so a value is exactly
the Python object the declaration lists (``1.0`` stays a float, ``""`` stays "none").

This module needs NumPy and matplotlib only, as the declarations do; no ipywidgets.
"""
from __future__ import annotations

import base64
import html
import json
import pickle
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

from ..figures.rendering import Description, render_rgba
from .declaration import Origin, Panel

SPEC_VERSION = 1
LIVE_CLASS = "hcc-live"


def panel_spec(panel: Panel, with_results: bool = True) -> dict:
    """What the browser's front end needs to build ``panel``'s live controls, as JSON data.

    ``with_results=False`` leaves out the slow results (and the time to compute them).

    Returns
    -------
    dict
        ``origin``: the :class:`~.declaration.Origin` as a JSON string, handed back unchanged
        to the Python in the browser; ``controls``: for each control its ``name``, ``label``,
        ``kind`` (toggle, dropdown or slider), option ``labels``, ``default`` (an index),
        ``static`` (the indices the precomputed frames offer) and, for a control that follows
        another, ``follows``: the leader's name and, for each of the leader's options, the
        index this control jumps to; ``caption``: the caption of the live panel; for a panel
        with :class:`~.declaration.SlowResults`, ``results``: those results as computed by the
        build (a base64 pickle), handed back to :func:`open_panel`.

    Raises
    ------
    ValueError
        If the panel was not declared by a :func:`~.declaration.panel_factory` (it has no
        origin to be declared again from) or its arguments are not plain JSON values.
    """
    if panel.origin is None:
        raise ValueError("a panel shown live in the browser must be declared by a function "
                         "marked with @panel_factory, so that it can be declared again there")
    origin = panel.origin.to_json()
    controls = []
    for control in panel.controls:
        values = control.values
        entry = {"name": control.name, "label": control.label, "kind": control.widget_kind,
                 "labels": [label for label, _ in control.options],
                 "default": values.index(control.default),
                 "static": [values.index(value) for value in control.static]}
        if control.follows is not None:
            leader_name, rule = control.follows
            leader = panel.control(leader_name)
            entry["follows"] = {"control": leader_name,
                                "choose": [values.index(rule(value)) for value in leader.values]}
        controls.append(entry)
    spec = {"version": SPEC_VERSION, "origin": origin, "controls": controls,
            "caption": panel.browser_caption()}
    if with_results and panel.slow_results is not None:
        spec["results"] = base64.b64encode(pickle.dumps(panel.slow_results.compute(),
                                                        protocol=4)).decode("ascii")
    return spec


def live_html(panel: Panel) -> str:
    """The element of a precomputed panel that carries its :func:`panel_spec` for the front end."""
    spec = html.escape(json.dumps(panel_spec(panel), ensure_ascii=False, allow_nan=False))
    return f'<div class="{LIVE_CLASS}" data-panel="{spec}"></div>'


def values_at(panel: Panel, indices: Sequence[int]) -> dict:
    """Each control's value for ``indices`` (one index into each control's options, in order).

    Raises
    ------
    ValueError
        If there is not one index per control or an index is out of range.
    """
    if len(indices) != len(panel.controls):
        raise ValueError(f"need one index per control ({len(panel.controls)}), got {indices!r}")
    values = {}
    for control, index in zip(panel.controls, indices):
        if not (isinstance(index, int) and 0 <= index < len(control.options)):
            raise ValueError(f"control {control.name!r}: option index must be a whole number "
                             f"in [0, {len(control.options) - 1}], got {index!r}")
        values[control.name] = control.options[index][1]
    return values


# What the Python in the browser holds: each open panel and its figure, by the page's key.
_OPEN: dict[str, tuple[Panel, object]] = {}


def open_panel(key: str, origin: str, results: str | None = None) -> Panel:
    """Declare the panel of ``origin`` (JSON, from :func:`panel_spec`) again and make its figure.

    ``results`` are the panel's slow results as :func:`panel_spec` exported them; the model's
    cache is handed them, so that no choice waits for them.
    """
    panel = Origin.from_json(origin).declare()
    if results is not None:
        if panel.slow_results is None:
            raise ValueError("results were handed to a panel that declares no slow results")
        panel.slow_results.remember(pickle.loads(base64.b64decode(results)))
    _OPEN[key] = (panel, panel.make_figure())
    return panel


def draw(key: str, indices: Sequence[int]) -> tuple[tuple[bytes, int, int], Description]:
    """Draw the open panel ``key`` for the options at ``indices``.

    Returns the figure as raw RGBA pixels with its width and height in pixels
    (:func:`~widgets.figures.rendering.render_rgba`; the page encodes them) and its description.
    """
    panel, artists = _OPEN[key]
    description = panel.draw(artists, values_at(panel, indices))
    return render_rgba(artists), description


#: The namespace the page's code cells share, as the cells of one notebook share a kernel's.
CELL_NAMESPACE: dict = {"__name__": "__main__"}
CELL_OUTPUT_LIMIT = 100_000   # characters of printed output kept per run


def run_cell(code: str, folder: str) -> None:
    """Run a code cell of the site as a notebook runs it, writing the answer into ``folder``.

    Printed output and errors are kept (a traceback shows the cell's own lines only); the
    value of a last line that is an expression is shown as a notebook shows it; every
    matplotlib figure left open (pyplot) is saved as ``cell-figure-<n>.png`` and closed. The
    answer is ``answer.json``: ``ok``, ``output``, ``error`` (whether the cell raised),
    ``figures`` (the PNG names) and the ``seconds`` taken.
    """
    import ast
    import contextlib
    import io
    import sys

    out = Path(folder)
    printed = io.StringIO()
    start = time.perf_counter()
    failed = False
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        try:
            tree = ast.parse(code, "<cell>", "exec")
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, "<cell>", "exec"), CELL_NAMESPACE)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), CELL_NAMESPACE)
                if value is not None:
                    print(repr(value))
        except BaseException as error:  # noqa: BLE001  (SystemExit too: the cell ends, Python stays)
            failed = True
            frames = traceback.extract_tb(error.__traceback__)
            own = [frame for frame in frames if frame.filename == "<cell>"] or frames[-1:]
            lines = code.splitlines()
            print("Traceback (most recent call last):")
            for frame in own:
                print(f"  line {frame.lineno}" + (f": {lines[frame.lineno - 1].strip()}"
                                                   if 0 < frame.lineno <= len(lines) else ""))
            print("".join(traceback.format_exception_only(error)).rstrip())
    figures = []
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        for number in pyplot.get_fignums():
            name = f"cell-figure-{len(figures)}.png"
            pyplot.figure(number).savefig(out / name, format="png")
            figures.append(name)
        pyplot.close("all")
    output = printed.getvalue()
    if len(output) > CELL_OUTPUT_LIMIT:
        output = output[:CELL_OUTPUT_LIMIT] + f"\n… ({len(output) - CELL_OUTPUT_LIMIT} more characters)"
    answer = {"ok": True, "output": output, "error": failed, "figures": figures,
              "seconds": time.perf_counter() - start}
    (out / "answer.json").write_text(json.dumps(answer), encoding="utf-8")


def serve(request: str, folder: str) -> None:
    """Answer one request of the browser's front end, writing the answer into ``folder``.

    ``request`` is JSON: ``{"op": "open", "key", "origin"}`` (and ``results``, see
    :func:`panel_spec`) or ``{"op": "draw", "key",
    "indices"}``. The answer is ``answer.json`` (``ok``, the description's ``alt`` and
    ``numbers``, the seconds taken, or the ``error``) and, for a drawing, ``figure.rgba``: the
    figure's raw RGBA pixels, its ``width`` and ``height`` in the answer.
    """
    out = Path(folder)
    start = time.perf_counter()
    try:
        asked = json.loads(request)
        answer: dict = {"ok": True}
        if asked["op"] == "open":
            open_panel(asked["key"], asked["origin"], asked.get("results"))
        elif asked["op"] == "draw":
            (pixels, width, height), description = draw(asked["key"], asked["indices"])
            (out / "figure.rgba").write_bytes(pixels)
            answer.update(alt=description.alt, numbers=description.numbers, width=width,
                          height=height)
        else:
            raise ValueError(f"unknown request {asked['op']!r}")
    except Exception as error:  # reported to the page, which says so in one line
        answer = {"ok": False, "error": f"{type(error).__name__}: {error}",
                  "traceback": traceback.format_exc()}
    answer["seconds"] = time.perf_counter() - start
    (out / "answer.json").write_text(json.dumps(answer), encoding="utf-8")
