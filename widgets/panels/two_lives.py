"""The same widget, two lives: a panel is declared once and built live or precomputed.

A :class:`Panel` states its controls once, each with every choice a running
notebook offers and the few the static site offers, a function that makes
its figure, and one ``draw(artists, values)`` that puts the model's answer
for ``values`` (control name -> chosen value) into the figure and returns a
:class:`~widgets.figures.rendering.Description` (alternative text and key
numbers). :func:`build` turns the declaration into

* the **live** panel, in a kernel a person is using: every control, observed;
  one reused figure redrawn whenever a control changes;
* the **precomputed** panel, while the book is built (``HCC_BOOK_STATIC=1``,
  set by ``_ext/book_build.py``): only the controls that have static choices;
  every combination of them drawn once by the same ``draw`` into an image
  inside nested ``Stack`` widgets whose ``selected_index`` is ``jslink``-ed to
  the controls. The link lives in the browser, so the saved page keeps
  working with no kernel.

Both lives use the same kinds of control, the same defaults, the same
caption pattern and print the key numbers under the figure. Either panel also
carries a still for print (:meth:`PanelBox._repr_mimebundle_`): the frame it
opens on as a PNG, and its caption as text; the site shows the widget. Categorical
choices are toggle buttons (a few short options) or drop-downs; numbers are
sliders over rounded values whose read-out cannot be edited.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product

import ipywidgets as W

from ..figures.rendering import Description, figure_html, print_bundle, render_png

STATIC_ENV = "HCC_BOOK_STATIC"
KINDS = ("auto", "toggle", "dropdown", "slider")
TOGGLE_MAX_OPTIONS = 4
TOGGLE_MAX_LABEL = 16
LIVE_PNG_COMPRESSION = 1   # fastest; the pixels are the same at any level
STATIC_PNG_COMPRESSION = 6


def running_live() -> bool:
    """True in a kernel a person is using; False while the book is being built."""
    return os.environ.get(STATIC_ENV, "") != "1"


@dataclass(frozen=True)
class Control:
    """One control of a panel.

    Attributes
    ----------
    name : str
        Key of the control's value in the ``values`` given to ``draw``.
    label : str
        Short label shown beside the control ("drug", "dose").
    options : tuple of (str, hashable)
        Every choice a running notebook offers, as (shown label, value), in order.
    default : hashable
        The value both lives open on.
    static : tuple of hashable
        The values the static site offers (one frame each); empty: the site
        does not offer this control and uses its default (or what it follows).
    kind : str
        ``"toggle"``, ``"dropdown"``, ``"slider"`` (ordered numbers), or
        ``"auto"``: toggle buttons for a few short options, else a drop-down.
    follows : (str, callable) or None
        ``(other, rule)``: when control ``other`` changes, this one is set to
        ``rule(new value of other)`` (a dose that jumps to the chosen
        compound's usual dose). On the static site it always equals it.
    mention : str
        How the caption names the control ("the drug").
    """

    name: str
    label: str
    options: tuple[tuple[str, Hashable], ...]
    default: Hashable
    static: tuple[Hashable, ...] = ()
    kind: str = "auto"
    follows: tuple[str, Callable[[Hashable], Hashable]] | None = None
    mention: str = ""

    def __post_init__(self):
        values = [value for _, value in self.options]
        if self.kind not in KINDS:
            raise ValueError(f"control {self.name!r}: kind must be one of {', '.join(KINDS)}, "
                             f"got {self.kind!r}")
        for value in (self.default, *self.static):
            if value not in values:
                raise ValueError(f"control {self.name!r}: {value!r} is not among its options; "
                                 f"valid choices are: {', '.join(map(repr, values))}")
        if len(self.static) == 1:
            raise ValueError(f"control {self.name!r}: offer two or more static choices, or none")
        if self.static and self.default not in self.static:
            raise ValueError(f"control {self.name!r}: the static choices {self.static!r} must "
                             f"include the default {self.default!r}, so both lives open alike")

    @property
    def values(self) -> tuple[Hashable, ...]:
        return tuple(value for _, value in self.options)

    @property
    def widget_kind(self) -> str:
        if self.kind != "auto":
            return self.kind
        short = all(len(label) <= TOGGLE_MAX_LABEL for label, _ in self.options)
        return "toggle" if len(self.options) <= TOGGLE_MAX_OPTIONS and short else "dropdown"

    @property
    def caption_name(self) -> str:
        return self.mention or f"the {self.label}"


def choice(name: str, label: str, options: Sequence[tuple[str, Hashable]], default: Hashable,
           static: Sequence[Hashable] = (), kind: str = "auto", mention: str = "") -> Control:
    """A categorical control: toggle buttons or a drop-down."""
    return Control(name, label, tuple(options), default, tuple(static), kind, None, mention)


def number(name: str, label: str, values: Sequence[float], default: float,
           format_value: Callable[[float], str], static: Sequence[float] = (),
           follows: tuple[str, Callable[[Hashable], float]] | None = None,
           mention: str = "") -> Control:
    """A slider over rounded numbers, each shown by ``format_value`` (e.g. '5 µM')."""
    return Control(name, label, tuple((format_value(v), v) for v in values), default,
                   tuple(static), "slider", follows, mention)


def rounded_values(low: float, high: float, steps: Sequence[float] = (1, 2, 3, 5, 7)
                   ) -> tuple[float, ...]:
    """Log-spaced round numbers from ``low`` to ``high``: 1, 2, 3, 5, 7 per decade by default.

    Raises
    ------
    ValueError
        If the bounds are not positive and increasing.
    """
    if not (0 < low < high and math.isfinite(high)):
        raise ValueError(f"need 0 < low < high, got low={low!r}, high={high!r}")
    found = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        for step in steps:
            value = float(f"{step * 10.0 ** exponent:.6g}")
            if low * (1 - 1e-9) <= value <= high * (1 + 1e-9):
                found.append(value)
    return tuple(found)


@dataclass(frozen=True)
class Panel:
    """A panel declared once: controls, a figure, one ``draw`` and what the figure shows.

    Attributes
    ----------
    controls : tuple of Control
    make_figure : callable () -> artists
        Builds the figure (see the ``*_figure`` functions of :mod:`widgets.figures`).
    draw : callable (artists, values) -> Description
        Updates the figure for ``values`` (control name -> value).
    shows : str
        The first sentences of the caption: what the figure shows, how to read it.
    """

    controls: tuple[Control, ...]
    make_figure: Callable[[], object]
    draw: Callable[[object, Mapping[str, Hashable]], Description]
    shows: str

    def __post_init__(self):
        names = [c.name for c in self.controls]
        if len(set(names)) != len(names):
            raise ValueError(f"control names must be unique, got {names}")
        for control in self.controls:
            if control.follows is None:
                continue
            other, rule = control.follows
            if other not in names:
                raise ValueError(f"control {control.name!r} follows {other!r}, which is not "
                                 f"one of {', '.join(names)}")
            leader = self.control(other)
            if rule(leader.default) != control.default:
                raise ValueError(f"control {control.name!r}: its default must be what it "
                                 f"follows from {other!r}'s default, {rule(leader.default)!r}")
            missing = [v for v in leader.values if rule(v) not in control.values]
            if missing:
                raise ValueError(f"control {control.name!r} has no option for what it follows "
                                 f"from {other!r} = {missing[0]!r}")

    def control(self, name: str) -> Control:
        for control in self.controls:
            if control.name == name:
                return control
        raise ValueError(f"unknown control {name!r}; valid choices are: "
                         f"{', '.join(c.name for c in self.controls)}")

    @property
    def static_controls(self) -> tuple[Control, ...]:
        return tuple(c for c in self.controls if c.static)

    def values(self, chosen: Mapping[str, Hashable] | None = None) -> dict[str, Hashable]:
        """Every control's value: ``chosen`` ones, then followers, then defaults."""
        chosen = dict(chosen or {})
        values = {c.name: chosen.get(c.name, c.default) for c in self.controls}
        for control in self.controls:
            if control.follows is not None and control.name not in chosen:
                other, rule = control.follows
                values[control.name] = rule(values[other])
        return values

    def caption(self, live: bool) -> str:
        """What the figure shows, then which controls each life offers (one pattern for both).

        On the website: "On this page you can choose …; in a running notebook you can also
        set …". In a notebook: "On the website you can choose …; here you can also set …".
        """
        on_site = [c.caption_name for c in self.static_controls]
        notebook_only = [c.caption_name for c in self.controls if not c.static]
        if live:
            where = "You are in a running notebook: every control recomputes the model."
            site, more = "On the website you can choose", "here you can also set"
        else:
            where = "The figures on this page were computed when the book was built."
            site, more = "On this page you can choose", "in a running notebook you can also set"
        offered = f"{site} {_and(on_site)}" if on_site else f"{site} nothing"
        rest = f"; {more} {_and(notebook_only)}." if notebook_only else ", as in a notebook."
        return f"{self.shows} {where} {offered}{rest}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


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
.hcc-panel .widget-toggle-buttons>.widget-label{flex:0 0 auto}
.hcc-panel .widget-toggle-buttons>div{display:flex;flex-wrap:wrap;gap:0.25em;flex:1 1 auto;min-width:0}
.hcc-panel .widget-toggle-button{width:auto;min-width:3em;max-width:100%;white-space:normal;height:auto;
 min-height:var(--jp-widgets-inline-height)}
.hcc-panel .widget-toggle-button.mod-active{background:#0b5cad;color:#fff;font-weight:600}
.hcc-panel .widget-dropdown select{min-width:0;max-width:100%}
.hcc-panel .widget-slider{min-width:0;flex:1 1 auto}
.hcc-panel .hcc-readout{min-width:4.5em;font-weight:600;font-variant-numeric:tabular-nums}
.hcc-panel .hcc-caption{font-size:0.95rem;line-height:1.5;color:inherit;margin:0.2em 0 0}
</style>"""
LABEL_WIDTH = "7.5em"


def _widget(control: Control, values: Sequence[Hashable]) -> tuple[W.ValueWidget, W.Widget]:
    """The widget for ``control`` offering ``values``, and what to place in the layout."""
    labels = dict((value, label) for label, value in control.options)
    options = [(labels[value], value) for value in values]
    style = {"description_width": LABEL_WIDTH}
    common = {"options": options, "value": control.default if control.default in values
              else values[0], "description": control.label, "style": style}
    kind = control.widget_kind
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


def _caption(panel: Panel, live: bool) -> W.HTML:
    return W.HTML(f'<p class="hcc-caption">{panel.caption(live)}</p>')


def _summary(panel: Panel, description: Description, live: bool) -> str:
    """The opening frame in words, for print: its alternative text, then the caption."""
    return f"{description.alt}\n\n{panel.caption(live)}"


def build(panel: Panel) -> PanelBox:
    """The live panel in a kernel a person is using; the precomputed one during a book build."""
    return build_live(panel) if running_live() else build_precomputed(panel)


def build_live(panel: Panel) -> PanelBox:
    """Every control, observed; one figure redrawn whenever a control changes."""
    artists = panel.make_figure()
    made = {c.name: _widget(c, c.values) for c in panel.controls}
    widgets = {name: widget for name, (widget, _) in made.items()}
    image = W.HTML()
    followers = {c.follows[0]: [] for c in panel.controls if c.follows}
    for control in panel.controls:
        if control.follows:
            followers[control.follows[0]].append(control)
    following = False
    drawn: list[tuple[bytes, Description]] = []

    def redraw(change=None):
        nonlocal following
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
        image.value = figure_html(png, description)
        drawn[:] = [(png, description)]

    names = {id(widget): name for name, widget in widgets.items()}
    for widget in widgets.values():
        widget.observe(redraw, names="value")
    redraw()
    opening, description = drawn[0]
    children = [W.HTML(PANEL_STYLE), _controls_box([item for _, item in made.values()]), image,
                _caption(panel, live=True)]
    return PanelBox(children, widgets, {(): image}, opening,
                    _summary(panel, description, live=True))


def build_precomputed(panel: Panel) -> PanelBox:
    """Controls with static choices, linked in the browser to one precomputed image per choice."""
    artists = panel.make_figure()
    statics = panel.static_controls
    made = {c.name: _widget(c, c.static) for c in statics}
    widgets = {name: widget for name, (widget, _) in made.items()}
    images: dict[tuple[int, ...], W.HTML] = {}
    frames: dict[tuple[int, ...], tuple[bytes, Description]] = {}
    for indices in product(*(range(len(c.static)) for c in statics)):
        values = panel.values({c.name: c.static[i] for c, i in zip(statics, indices)})
        description = panel.draw(artists, values)
        frames[indices] = render_png(artists, compress_level=STATIC_PNG_COMPRESSION), description
        images[indices] = W.HTML(figure_html(*frames[indices]))

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
    children += [nest(0, ()), _caption(panel, live=False)]
    opening, description = frames[tuple(c.static.index(c.default) for c in statics)]
    return PanelBox(children, widgets, images, opening,
                    _summary(panel, description, live=False))
