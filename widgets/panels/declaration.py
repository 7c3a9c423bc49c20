"""A panel declared once: its controls, its figure, one ``draw`` and the caption.

A :class:`Panel` states its controls once, each with every choice a running notebook
offers and the few the static site offers, a function that makes its figure, and one
``draw(artists, values)`` that puts the model's answer for ``values`` (control name ->
chosen value) into the figure and returns a :class:`~widgets.figures.rendering.Description`
(alternative text and key numbers).

The declarations import with NumPy and matplotlib only: they are the single source from
which every life of a panel is built. :mod:`widgets.panels.ipywidgets_build` builds them
as ipywidgets, live in a kernel a person is using or precomputed while the book is built
(which of the two :func:`running_live` says, from the one switch :data:`STATIC_ENV`).
Categorical choices are toggle buttons (a few short options) or drop-downs; numbers are
sliders over rounded values, except where only two are offered: two choices are always a
pair of toggle buttons. Each life draws the figure for the width it is shown at
(:meth:`Panel.figure`, in the layouts of :mod:`widgets.figures.rendering`).
"""
from __future__ import annotations

import dataclasses
import functools
import inspect
import json
import math
import os
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

from ..figures.rendering import LAYOUTS, Description, figure_layout

#: The switch between a panel's lives in a kernel: ``HCC_BOOK_STATIC=1`` (set by the book's
#: build for the kernels it starts, ``_ext/book_build.py``) precomputes the static site's frames.
STATIC_ENV = "HCC_BOOK_STATIC"
KINDS = ("auto", "toggle", "dropdown", "slider")
TOGGLE_MAX_OPTIONS = 4
TOGGLE_MAX_LABEL = 16


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
        ``"auto"``: toggle buttons for a few short options, else a drop-down. A
        life that offers two options shows toggle buttons whatever the kind
        (:meth:`widget_kind_for`).
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
        """The kind of widget for every option (as a running notebook offers them)."""
        return self.widget_kind_for(self.values)

    def widget_kind_for(self, offered: Sequence[Hashable]) -> str:
        """The kind of widget offering ``offered`` (all options, or the static ones).

        Two choices are a pair of toggle buttons: a slider with two positions reads as a
        range, and a button names its value.
        """
        if len(offered) == 2:
            return "toggle"
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
class Origin:
    """How a panel was declared: the function that made it and its arguments.

    Enough to declare the same panel again elsewhere (the in-browser Python of the static
    site recreates it with :meth:`declare`), so no panel is written twice.

    Attributes
    ----------
    module : str
        The module of the declaring function ("widgets.panels.machinery").
    factory : str
        Its name in that module ("flux_explorer_panel").
    arguments : tuple of (str, value)
        Every argument it was called with, defaults included, in order.
    layout : str
        The layout its figure is drawn in once declared again (one of
        :data:`~widgets.figures.rendering.LAYOUTS`); the site's front end asks for
        ``"narrow"`` where the panel is as narrow as a phone.
    """

    module: str
    factory: str
    arguments: tuple[tuple[str, Hashable], ...] = ()
    layout: str = "wide"

    def __post_init__(self):
        if self.layout not in LAYOUTS:
            raise ValueError(f"unknown figure layout {self.layout!r}; valid choices are: "
                             f"{', '.join(LAYOUTS)}")

    def declare(self) -> "Panel":
        """The panel declared again by the same function with the same arguments.

        Its ``make_figure`` draws in this origin's :attr:`layout`.
        """
        import importlib

        panel = getattr(importlib.import_module(self.module), self.factory)(**dict(self.arguments))
        if self.layout == "wide":
            return panel
        return dataclasses.replace(panel, make_figure=functools.partial(panel.figure, self.layout))

    def to_json(self) -> str:
        """As JSON; raises ``ValueError`` unless every argument is a string, number or boolean."""
        text = json.dumps({"module": self.module, "factory": self.factory,
                           "arguments": dict(self.arguments), "layout": self.layout},
                          allow_nan=False)
        if Origin.from_json(text) != self:
            raise ValueError(f"the arguments of {self.factory} must be strings, numbers or "
                             f"booleans to be declared again, got {self.arguments!r}")
        return text

    @staticmethod
    def from_json(text: str) -> "Origin":
        data = json.loads(text)
        return Origin(data["module"], data["factory"], tuple(data["arguments"].items()),
                      data.get("layout", "wide"))


def panel_factory(factory: Callable[..., "Panel"]) -> Callable[..., "Panel"]:
    """Mark a function that declares a panel: each :class:`Panel` it returns knows its :class:`Origin`."""
    signature = inspect.signature(factory)

    @functools.wraps(factory)
    def declare(*args, **kwargs) -> "Panel":
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        origin = Origin(factory.__module__, factory.__qualname__, tuple(bound.arguments.items()))
        return dataclasses.replace(factory(*args, **kwargs), origin=origin)

    return declare


@dataclass(frozen=True)
class SlowResults:
    """Model results a panel's choices need that take too long to compute on a click.

    The static site's build computes them once for the in-browser Python, which is handed
    them with the panel (:mod:`.browser_build`) instead of spending the reader's time: the
    same function, the same arguments, the same numbers. A live kernel computes them all
    when the panel opens, so that each later change only redraws, or, for results that take
    seconds only in WebAssembly (``on_open=False``), each as a choice first needs it.

    Attributes
    ----------
    function : callable
        A :func:`~widgets.model.data_files.data_cache` function of the model's results.
    arguments : tuple of tuple
        Every tuple of positional arguments the panel's choices call it with.
    on_open : bool
        Whether a live kernel computes them all when the panel opens.
    """

    function: Callable
    arguments: tuple[tuple, ...]
    on_open: bool = True

    def compute(self) -> list:
        """The function's result for each argument tuple, in order (cached as computed)."""
        return [self.function(*arguments) for arguments in self.arguments]

    def remember(self, results: Sequence) -> None:
        """Hand the function's cache the ``results`` of :meth:`compute`, made elsewhere."""
        if len(results) != len(self.arguments):
            raise ValueError(f"need one result per argument tuple ({len(self.arguments)}), "
                             f"got {len(results)}")
        for arguments, result in zip(self.arguments, results):
            self.function.remember(arguments, result)


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
    warm_up : callable () -> None, optional
        Work done once before a live panel is shown (filling the model's caches for
        every live choice), so that each later change of a control is quick.
    origin : Origin, optional
        The function and arguments that declared it (set by :func:`panel_factory`), from
        which the in-browser Python of the static site declares it again.
    slow_results : SlowResults, optional
        Results too slow to compute on a click: computed when a live panel opens, and by
        the build for the in-browser Python.
    """

    controls: tuple[Control, ...]
    make_figure: Callable[[], object]
    draw: Callable[[object, Mapping[str, Hashable]], Description]
    shows: str
    warm_up: Callable[[], None] | None = None
    origin: Origin | None = None
    slow_results: SlowResults | None = None

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

    def figure(self, layout: str = "wide"):
        """The panel's figure (``make_figure()``) laid out for ``layout``: ``"wide"`` or ``"narrow"``.

        Raises
        ------
        ValueError
            If ``layout`` is not one of :data:`~widgets.figures.rendering.LAYOUTS`.
        """
        with figure_layout(layout):
            return self.make_figure()

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

    def browser_caption(self) -> str:
        """The caption of the static site's panel once it runs live in the reader's browser."""
        return (f"{self.shows} The book's Python is running in your browser: every control "
                "recomputes the model, as in a running notebook.")


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def build(panel: Panel):
    """The panel as ipywidgets, live or precomputed (see :mod:`.ipywidgets_build`).

    Returns a :class:`~widgets.panels.ipywidgets_build.PanelBox`. ipywidgets is imported
    here, when a panel is built, not when it is declared.
    """
    from .ipywidgets_build import build_panel

    return build_panel(panel)
