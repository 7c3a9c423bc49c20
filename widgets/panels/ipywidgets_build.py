"""Panels as ipywidgets, built from their declarations (:mod:`.declaration`).

:func:`build_panel` turns a :class:`~.declaration.Panel` into

* the **live** panel, in a kernel a person is using: every control, observed; one
  reused figure redrawn whenever a control changes;
* the **precomputed** panel, while the book is built (``HCC_BOOK_STATIC=1``, see
  :data:`~.declaration.STATIC_ENV`): only the controls that have static choices; every
  combination of them drawn once by the same ``draw`` into an image inside nested
  ``Stack`` widgets whose ``selected_index`` is ``jslink``-ed to the controls. The link
  lives in the browser, so the saved page keeps working with no kernel. The panel also
  carries its declaration for the site's front end (:func:`.browser_build.live_html`), whose
  live button runs it in the reader's browser with every control (:mod:`.browser_build`).

Both lives use the same kinds of control, the same defaults, the same caption pattern and
print the key numbers under the figure. Each draws the figure twice, in the wide and the narrow
layout (:mod:`widgets.figures.rendering`), and the page shows the one that fits its width;
controls are at least 44 px tall, a size a finger can hit. Either panel also carries a still for print
(:meth:`PanelBox._repr_mimebundle_`): the frame it opens on as a PNG, and its caption as
text; the site shows the widget. A slider's read-out is text that cannot be edited.
"""
from __future__ import annotations

import asyncio
import warnings
from collections.abc import Sequence
from functools import partial
from itertools import product

import ipywidgets as W

from ..figures.rendering import (NARROW_MEDIA, Description, figure_html, print_bundle,
                                 render_png, stacks_side_by_side_panels)
from .browser_build import live_html
from .declaration import Control, Panel, running_live

LIVE_PNG_COMPRESSION = 1   # fastest; the pixels are the same at any level
STATIC_PNG_COMPRESSION = 6


class PanelBox(W.VBox):
    """The built panel. ``controls`` maps names to widgets; the figure is in ``images``.

    ``images`` maps the tuple of indices of the static controls' choices to the
    image widget drawn for them (one entry, key ``()``, in a live panel).
    ``opening`` is the PNG of the frame the panel opens on and ``summary`` says in
    words what it shows (the frame's alternative text, then the caption): the
    still that a printed book shows instead of the widget.
    """

    def __init__(self, children, controls: dict[str, W.ValueWidget],
                 images: dict[tuple[int, ...], W.HTML], opening: bytes, summary: str,
                 **kwargs):
        super().__init__(children, **kwargs)
        self.controls = controls
        self.images = images
        self.opening = opening
        self.summary = summary
        self.add_class("hcc-panel")

    def _repr_mimebundle_(self, **kwargs) -> dict[str, object]:
        """The widget view, with the opening frame as ``image/png`` and the summary as text.

        The site and notebooks show the widget view; a builder that cannot run
        widgets (the book's PDF) shows the PNG instead of the widget's repr.
        """
        return {**super()._repr_mimebundle_(**kwargs), **print_bundle(self.opening, self.summary)}


PANEL_STYLE = """<style>
.hcc-panel{max-width:100%;gap:0.4em}
.hcc-panel .hcc-controls{width:100%}
.hcc-panel .widget-inline-hbox,.hcc-panel .widget-toggle-buttons{max-width:100%;min-width:0}
.hcc-panel .widget-toggle-buttons{display:flex;align-items:flex-start}
.hcc-panel .widget-toggle-buttons>.widget-label{flex:0 0 auto;line-height:44px}
.hcc-panel .widget-toggle-buttons>div{display:flex;flex-wrap:wrap;gap:0.25em;flex:1 1 auto;min-width:0}
.hcc-panel .widget-toggle-button{width:auto;min-width:3em;max-width:100%;white-space:normal;height:auto;
 min-height:44px}
.hcc-panel .widget-toggle-button.mod-active{background:#0b5cad;color:#fff;font-weight:600}
.hcc-panel .widget-inline-hbox{min-height:44px;align-items:center}
.hcc-panel .widget-dropdown select{min-width:0;max-width:100%;height:44px}
.hcc-panel .widget-slider{min-width:0;flex:1 1 auto}
.hcc-panel .widget-hslider{height:44px}
.hcc-panel .widget-hslider .noUi-handle{width:24px;height:24px;top:-10px;border-radius:50%}
.hcc-panel .widget-hslider .noUi-handle::before{content:"";position:absolute;inset:-10px}
.hcc-panel .hcc-readout{min-width:4.5em;font-weight:600;font-variant-numeric:tabular-nums}
.hcc-panel .hcc-caption{font-size:0.95rem;line-height:1.5;color:inherit;margin:0.2em 0 0}
.hcc-panel .hcc-stacked-note{display:none;font-size:0.95rem;line-height:1.5;margin:0.3em 0 0}
@media NARROW_MEDIA{.hcc-panel .hcc-stacked-note{display:block}}
</style>""".replace("NARROW_MEDIA", NARROW_MEDIA)
#: Shown under a caption where a phone shows the figure's side-by-side panels stacked.
STACKED_NOTE = ("On this narrow screen the figure's panels stand in one column, in reading order: "
                "what the caption calls left comes first, right below it.")
LABEL_WIDTH = "7.5em"


def _widget(control: Control, values: Sequence[Hashable]) -> tuple[W.ValueWidget, W.Widget]:
    """The widget for ``control`` offering ``values``, and what to place in the layout."""
    labels = dict((value, label) for label, value in control.options)
    options = [(labels[value], value) for value in values]
    style = {"description_width": LABEL_WIDTH}
    common = {"options": options, "value": control.default if control.default in values
              else values[0], "description": control.label, "style": style}
    kind = control.widget_kind_for(values)
    if kind == "toggle":
        style["button_width"] = "auto"
        widget = W.ToggleButtons(**common, layout=W.Layout(width="100%"))
        return widget, widget
    if kind == "dropdown":
        widget = W.Dropdown(**common, layout=W.Layout(width="100%", max_width="28em"))
        return widget, widget
    widget = W.SelectionSlider(**common, readout=False, continuous_update=True,
                               layout=W.Layout(width="auto", flex="1 1 auto", min_width="0"))
    # The slider's own read-out can be typed into; this one is text, linked in the browser.
    readout = W.Stack([W.HTML(label) for label, _ in options], selected_index=widget.index)
    readout.add_class("hcc-readout")
    W.jslink((widget, "index"), (readout, "selected_index"))
    return widget, W.HBox([widget, readout], layout=W.Layout(width="100%", align_items="center"))


def _controls_box(items: Sequence[W.Widget]) -> W.GridBox:
    box = W.GridBox(list(items), layout=W.Layout(
        grid_template_columns="repeat(auto-fill, minmax(17em, 1fr))",
        grid_gap="0.3em 1.5em", width="100%"))
    box.add_class("hcc-controls")
    return box


def _caption(panel: Panel, live: bool, narrow) -> W.HTML:
    """The caption, and where the narrow figure stacks side-by-side panels, how to read it."""
    note = (f'<p class="hcc-stacked-note">{STACKED_NOTE}</p>'
            if stacks_side_by_side_panels(narrow.figure) else "")
    return W.HTML(f'<p class="hcc-caption">{panel.caption(live)}</p>{note}')


def _summary(panel: Panel, description: Description, live: bool) -> str:
    """The opening frame in words, for print: its alternative text, then the caption."""
    return f"{description.alt}\n\n{panel.caption(live)}"


def _after_this_change(callback) -> bool:
    """Run ``callback`` once the kernel has sent what this change made; False without an event
    loop (plain Python), where the caller runs it itself."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return False

    def run() -> None:
        try:
            callback()
        except Exception as error:   # a warning in the notebook, then the loop's own log
            warnings.warn(f"the phone rendering of a panel's figure failed: {error!r}")
            raise

    loop.call_soon(run)
    return True


def build_panel(panel: Panel) -> PanelBox:
    """The live panel in a kernel a person is using; the precomputed one during a book build."""
    return build_live(panel) if running_live() else build_precomputed(panel)


def build_live(panel: Panel) -> PanelBox:
    """Every control, observed; one figure (in each layout) redrawn whenever a control changes.

    In a kernel the wide rendering is shown at once and the narrow (phone) one follows when
    the kernel's event loop is free, drawn once for the latest of quick changes.
    """
    if panel.warm_up is not None:
        panel.warm_up()
    if panel.slow_results is not None and panel.slow_results.on_open:
        panel.slow_results.compute()
    artists, narrow = panel.figure("wide"), panel.figure("narrow")
    made = {c.name: _widget(c, c.values) for c in panel.controls}
    widgets = {name: widget for name, (widget, _) in made.items()}
    image = W.HTML()
    followers = {c.follows[0]: [] for c in panel.controls if c.follows}
    for control in panel.controls:
        if control.follows:
            followers[control.follows[0]].append(control)
    following = False
    drawn: list[tuple[bytes, Description]] = []

    generation = 0

    def show_both(values: dict, png: bytes, description: Description, drawn_for: int) -> None:
        if drawn_for != generation:   # a later change has its own to draw
            return
        panel.draw(narrow, values)
        image.value = figure_html(png, description,
                                  render_png(narrow, compress_level=LIVE_PNG_COMPRESSION))

    def redraw(change=None):
        nonlocal following, generation
        if following:
            return
        if change is not None:
            following = True
            try:
                for follower in followers.get(names[id(change["owner"])], ()):
                    widgets[follower.name].value = follower.follows[1](change["new"])
            finally:
                following = False
        values = {name: widget.value for name, widget in widgets.items()}
        description = panel.draw(artists, values)
        png = render_png(artists, compress_level=LIVE_PNG_COMPRESSION)
        drawn[:] = [(png, description)]
        generation += 1
        # In a kernel, the figure as most screens show it goes out at once and its phone
        # rendering follows once the kernel is free; with no event loop, both at once.
        both = partial(show_both, values, png, description, generation)
        if change is None or not _after_this_change(both):
            both()
        else:
            image.value = figure_html(png, description)

    names = {id(widget): name for name, widget in widgets.items()}
    for widget in widgets.values():
        widget.observe(redraw, names="value")
    redraw()
    opening, description = drawn[0]
    children = [W.HTML(PANEL_STYLE), _controls_box([item for _, item in made.values()]), image,
                _caption(panel, live=True, narrow=narrow)]
    return PanelBox(children, widgets, {(): image}, opening,
                    _summary(panel, description, live=True))


def build_precomputed(panel: Panel) -> PanelBox:
    """Controls with static choices, linked in the browser to one precomputed image per choice."""
    artists, narrow = panel.figure("wide"), panel.figure("narrow")
    statics = panel.static_controls
    made = {c.name: _widget(c, c.static) for c in statics}
    widgets = {name: widget for name, (widget, _) in made.items()}
    images: dict[tuple[int, ...], W.HTML] = {}
    frames: dict[tuple[int, ...], tuple[bytes, Description]] = {}
    for indices in product(*(range(len(c.static)) for c in statics)):
        values = panel.values({c.name: c.static[i] for c, i in zip(statics, indices)})
        description = panel.draw(artists, values)
        frames[indices] = render_png(artists, compress_level=STATIC_PNG_COMPRESSION), description
        panel.draw(narrow, values)
        images[indices] = W.HTML(figure_html(
            *frames[indices], render_png(narrow, compress_level=STATIC_PNG_COMPRESSION)))

    def nest(level: int, prefix: tuple[int, ...]) -> W.Widget:
        if level == len(statics):
            return images[prefix]
        control = statics[level]
        stack = W.Stack([nest(level + 1, prefix + (i,)) for i in range(len(control.static))],
                        selected_index=control.static.index(control.default))
        W.jslink((widgets[control.name], "index"), (stack, "selected_index"))
        return stack

    children = [W.HTML(PANEL_STYLE)]
    if made:
        children.append(_controls_box([item for _, item in made.values()]))
    # The declaration for the site's front end, which can run the panel live in the browser.
    children += [nest(0, ()), _caption(panel, live=False, narrow=narrow),
                 W.HTML(live_html(panel))]
    opening, description = frames[tuple(c.static.index(c.default) for c in statics)]
    return PanelBox(children, widgets, images, opening,
                    _summary(panel, description, live=False))
