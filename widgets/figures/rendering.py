"""What every figure of the book shares: a figure outside pyplot, nice axis limits, fast PNGs.

Each figure module offers pairs: ``*_figure()`` builds a figure once and
returns its artists; ``update_*()`` puts new results into those artists and
returns a :class:`Description` of what the figure now shows. Live panels
reuse one figure for every control change; the static site renders every
precomputed frame with the very same two functions.

:func:`render_png` keeps a widget responsive: everything that does not change
between updates (axes, ticks, labels, grid) is drawn once into a kept
background, for each group of axes and each set of that group's axis limits,
and only the artists listed in the artists' ``dynamic`` field are drawn over
it; a change that rescales one panel of a figure redraws that panel alone.
Axis limits are rounded up to a few "nice" values (:func:`nice_ceiling`) so
that backgrounds are reused. The result is pixel for pixel a full redraw.

A figure is drawn for the width it is shown at: in the ``"wide"`` layout (a
desktop's text column) as its ``*_figure()`` function declares it, in the
``"narrow"`` layout (a phone) with its panels stacked in one column,
:data:`NARROW_WIDTH_IN` wide, and no text smaller than :data:`NARROW_MIN_FONT_PT`.
The figure functions do not change: :func:`new_figure` lays the grid they ask for
out in the layout of :func:`figure_layout`, and :func:`figure_html` offers both
renderings, the page choosing by :data:`NARROW_MEDIA`.

A notebook output carries a still for print as well (:func:`print_bundle`): the
site shows the HTML or the widget, the book's PDF the PNG (myst-nb picks, for
each builder, the first MIME type it can show).
"""
from __future__ import annotations

import base64
import contextlib
import html
import io
import math
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass, field

import numpy as np
from matplotlib import rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox
from PIL import Image

from .text_cache import keep_text

DPI = 80
BACKGROUNDS_KEPT = 24
# Unhinted text: a new background draws in 0.8 of the time, and looks the same at 80 dpi.
RENDER_SETTINGS = {"text.hinting": "no_hinting"}
NICE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)

LAYOUTS = ("wide", "narrow")
#: 352 px: the figure column of a 390 px wide phone, so the figure is shown unscaled.
NARROW_WIDTH_IN = 4.4
NARROW_PANEL_HEIGHT_IN = 2.6
NARROW_TITLE_HEIGHT_IN = 0.6
NARROW_SINGLE_HEIGHT_IN = 3.4
#: 9 pt is 10 CSS px at DPI 80: 9 px or more where a phone shows the figure at 90 %.
NARROW_MIN_FONT_PT = 9.0
#: The smallest scale a phone 360 px or wider shows the narrow rendering at (a figure
#: column of 324 px or more); the tests hold the displayed size and the text to it.
PHONE_DISPLAY_SCALE = 0.9
#: Lines a narrow figure's title may wrap to (the layout keeps room for them).
NARROW_TITLE_LINES = 2
#: Where a page shows the narrow rendering instead of the wide one (a phone, or a narrow window).
NARROW_MEDIA = "(max-width: 600px)"
_LAYOUT: ContextVar[str] = ContextVar("figure_layout", default="wide")


@dataclass(frozen=True)
class Description:
    """What a figure shows, in words.

    Attributes
    ----------
    alt : str
        Alternative text for the image: what is plotted, for which condition,
        with its numbers.
    numbers : str
        The key numbers as short lines (separated by newlines), printed under
        the figure so that they can be read on any screen.
    """

    alt: str
    numbers: str

    def __add__(self, other: "Description") -> "Description":
        return Description(f"{self.alt} {other.alt}", f"{self.numbers}\n{other.numbers}")


@dataclass
class StaticFigure:
    """A figure drawn once, with nothing redrawn over its background (for :func:`render_png`)."""

    figure: Figure
    dynamic: list = field(default_factory=list)


@contextlib.contextmanager
def figure_layout(layout: str):
    """Within this block, :func:`new_figure` lays figures out in ``layout`` (``"wide"``, ``"narrow"``).

    Raises
    ------
    ValueError
        If ``layout`` is not one of :data:`LAYOUTS`.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown figure layout {layout!r}; valid choices are: "
                         f"{', '.join(LAYOUTS)}")
    token = _LAYOUT.set(layout)
    try:
        yield
    finally:
        _LAYOUT.reset(token)


def new_figure(rows: int, columns: int, size_in: tuple[float, float], **subplot_options):
    """A figure with its own Agg canvas and a grid of axes, outside pyplot.

    Panels keep their figures for as long as they live; creating them without
    pyplot means nothing global holds on to them and notebooks never display
    them a second time.

    Parameters
    ----------
    rows, columns : int
        The grid of axes, returned as ``Figure.subplots`` returns it.
    size_in : (float, float)
        Width and height (inches) in the wide layout.
    **subplot_options
        As for ``Figure.subplots``. In the narrow layout (:func:`figure_layout`) the
        axes stand in one column, row after row, :data:`NARROW_WIDTH_IN` wide; a
        ``width_ratios`` becomes ``height_ratios`` (square-rooted), and text is
        kept at :data:`NARROW_MIN_FONT_PT` or larger when the figure is first drawn.
    """
    if _LAYOUT.get() == "wide":
        figure = Figure(figsize=size_in, dpi=DPI, layout="constrained")
        FigureCanvasAgg(figure)
        return figure, figure.subplots(rows, columns, **subplot_options)
    panels = rows * columns
    height = (min(size_in[1], NARROW_SINGLE_HEIGHT_IN) if panels == 1
              else NARROW_TITLE_HEIGHT_IN + panels * NARROW_PANEL_HEIGHT_IN)
    figure = Figure(figsize=(NARROW_WIDTH_IN, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    figure.__dict__["_book_min_font_pt"] = NARROW_MIN_FONT_PT
    figure.__dict__["_book_stacked"] = columns > 1
    squeeze = subplot_options.pop("squeeze", True)
    grid = dict(subplot_options.pop("gridspec_kw", {}))
    ratios = grid.pop("width_ratios", None)
    if ratios is not None:
        grid["height_ratios"] = [math.sqrt(r) for r in ratios] * rows
    axes = figure.subplots(panels, 1, squeeze=False, gridspec_kw=grid,
                           **subplot_options).reshape(rows, columns)
    if squeeze:
        axes = axes.squeeze()
        return figure, (axes.item() if axes.ndim == 0 else axes)
    return figure, axes


def stacks_side_by_side_panels(figure: Figure) -> bool:
    """Whether ``figure``, in the narrow layout, stands panels drawn side by side one above the
    other, so that a caption's "left" and "right" need reading as "upper" and "lower"."""
    return bool(figure.__dict__.get("_book_stacked", False))


def _fit_narrow(figure: Figure, minimum_pt: float) -> None:
    """Set every text of ``figure`` (tick labels too, also those drawn later) to ``minimum_pt``
    or more, and let its title wrap onto :data:`NARROW_TITLE_LINES` lines."""
    from matplotlib.text import Text

    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = axis.get_ticklabels(which="both")
            if any(label.get_fontsize() < minimum_pt for label in labels):
                axis.set_tick_params(which="both", labelsize=minimum_pt)
    for text in figure.findobj(Text):
        if text.get_fontsize() < minimum_pt:
            text.set_fontsize(minimum_pt)
    if figure._suptitle is not None:
        figure._suptitle.set_wrap(True)


@contextlib.contextmanager
def _title_room(figure: Figure):
    """Lay the figure out with room for a title of :data:`NARROW_TITLE_LINES` lines."""
    title = figure._suptitle
    if title is None:
        yield
        return
    text = title.get_text()
    title.set_text(text + "\n" * max(0, NARROW_TITLE_LINES - 1 - text.count("\n")))
    try:
        yield
    finally:
        title.set_text(text)


def legend_above(ax) -> None:
    """A legend in a row above the plot, where no curve can cover it (so it is drawn once)."""
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, fontsize=8, frameon=False,
              borderaxespad=0.2)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is >= value."""
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"an axis limit must be a positive finite number, got {value!r}")
    scale = 10.0 ** math.floor(math.log10(value))
    return next(step * scale for step in NICE_STEPS if step * scale >= value * (1 - 1e-12))


def freeze_layout(figure: Figure) -> None:
    """Keep the layout of the last draw: axes, titles and axis labels stay where they are.

    A figure is laid out once (constrained layout) at its first render. Later
    limits change tick labels, not the layout, and matplotlib then no longer
    recomputes where titles and axis labels go, which more than halves the cost
    of drawing a new background.
    """
    figure.set_layout_engine("none")
    for ax in figure.axes:
        title = ax.title
        ax.set_title(title.get_text(), y=title.get_position()[1], fontsize=title.get_fontsize())
        for axis in (ax.xaxis, ax.yaxis):
            label = axis.label
            if label.get_text():
                display = label.get_transform().transform(label.get_position())
                axis.set_label_coords(*ax.transAxes.inverted().transform(display))


class _Backgrounds:
    """The static parts of one figure, kept per group of axes and per set of axis limits.

    Axes whose drawn areas (with their ticks, labels, titles and legends) overlap, such as a
    twin axis, form one group. A group's background is kept for each set of its own limits,
    so a control that rescales one panel of a four-panel figure redraws that panel alone:
    the other groups are hidden while the canvas draws, and their kept pixels are put back.
    ``base`` is the figure with every axes hidden (its face and figure-level text).
    """

    PAD_PX = 2.0

    def __init__(self, figure: Figure, dynamic) -> None:
        self.figure = figure
        for artist in dynamic:
            artist.set_animated(True)
        narrow = "_book_min_font_pt" in figure.__dict__
        if narrow:
            _fit_narrow(figure, figure.__dict__["_book_min_font_pt"])
        with _title_room(figure) if narrow else contextlib.nullcontext():
            figure.canvas.draw()   # lays the figure out (constrained layout) for good
            if figure.get_layout_engine() is not None:
                freeze_layout(figure)
        self.groups = self._overlapping_groups(figure)
        self.kept = [OrderedDict() for _ in self.groups]
        self._keep([True] * len(self.groups))
        self.base = self._drawn_with(figure, [False] * len(self.groups))

    def _extent(self, group):
        renderer = self.figure.canvas.get_renderer()
        box = Bbox.union([ax.get_tightbbox(renderer) for ax in group]).padded(self.PAD_PX)
        whole_pixels = Bbox.from_extents(math.floor(box.x0), math.floor(box.y0),
                                         math.ceil(box.x1), math.ceil(box.y1))
        return Bbox.intersection(whole_pixels, self.figure.bbox)

    def _overlapping_groups(self, figure: Figure) -> list[list]:
        groups = [[ax] for ax in figure.axes if ax.get_visible()]
        merged = True
        while merged:
            merged = False
            for i in range(len(groups)):
                for j in range(i + 1, len(groups)):
                    if self._extent(groups[i]).overlaps(self._extent(groups[j])):
                        groups[i] += groups.pop(j)
                        merged = True
                        break
                if merged:
                    break
        return groups

    @staticmethod
    def _limits(group) -> tuple:
        return tuple((ax.get_xlim(), ax.get_ylim()) for ax in group)

    def _drawn_with(self, figure: Figure, shown: list[bool]):
        """Draw the canvas with only the groups marked ``shown``; return the whole canvas."""
        hidden = [ax for group, show in zip(self.groups, shown) if not show for ax in group]
        for ax in hidden:
            ax.set_visible(False)
        try:
            figure.canvas.draw()
        finally:
            for ax in hidden:
                ax.set_visible(True)
        return figure.canvas.copy_from_bbox(figure.bbox)

    def _keep(self, drawn: list[bool]) -> None:
        canvas = self.figure.canvas
        for group, kept, was_drawn in zip(self.groups, self.kept, drawn):
            if was_drawn:
                kept[self._limits(group)] = canvas.copy_from_bbox(self._extent(group))
                if len(kept) > BACKGROUNDS_KEPT:
                    kept.popitem(last=False)

    def restore(self, figure: Figure) -> None:
        """Put the static parts for the current limits on the canvas, drawing only what is new."""
        missing = [self._limits(group) not in kept for group, kept in zip(self.groups, self.kept)]
        if any(missing):
            self._drawn_with(figure, missing)
            self._keep(missing)
        else:
            figure.canvas.restore_region(self.base)
        for group, kept, drawn in zip(self.groups, self.kept, missing):
            if not drawn:
                key = self._limits(group)
                kept.move_to_end(key)
                figure.canvas.restore_region(kept[key])


def _draw_over_background(artists) -> None:
    """Restore (or draw and keep) the static parts for the current limits; draw the dynamic artists."""
    figure = artists.figure
    keep_text(figure.canvas)
    backgrounds = figure.__dict__.get("_book_backgrounds")
    if backgrounds is None:
        backgrounds = figure.__dict__["_book_backgrounds"] = _Backgrounds(figure, artists.dynamic)
    backgrounds.restore(figure)
    for artist in artists.dynamic:
        figure.draw_artist(artist)


def render_rgba(artists) -> tuple[bytes, int, int]:
    """Render ``artists.figure`` as raw pixels, for a page that encodes them itself.

    Returns
    -------
    tuple
        ``(pixels, width_px, height_px)``: 8-bit RGBA, row by row from the top, as a
        browser's ``ImageData`` takes them (the in-browser Python leaves the PNG encoding
        to the browser, which does it natively).
    """
    with rc_context(RENDER_SETTINGS):
        _draw_over_background(artists)
    width, height = artists.figure.canvas.get_width_height()
    return bytes(artists.figure.canvas.buffer_rgba()), width, height


def render_png(artists, compress_level: int = 6) -> bytes:
    """Render ``artists.figure`` to PNG bytes (shown by :func:`figure_html`).

    Parameters
    ----------
    artists
        A ``*Artists`` record with ``figure`` and ``dynamic`` (the artists an
        update changes; they are drawn in this order over the background).
    compress_level : int
        zlib level 0-9: 1 is fastest (live widgets), 6 smaller (static frames).
        The pixels are the same either way.
    """
    with rc_context(RENDER_SETTINGS):
        _draw_over_background(artists)
    pixels = np.asarray(artists.figure.canvas.buffer_rgba())[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", compress_level=compress_level)
    return buffer.getvalue()


NUMBERS_STYLE = "margin:0.3em 0 0;font-size:1rem;line-height:1.5;font-variant-numeric:tabular-nums"


def figure_html(png: bytes, description: Description, narrow_png: bytes | None = None) -> str:
    """An ``<img>`` of a rendered figure with its alternative text, and its key numbers below.

    With ``narrow_png`` (the same figure in the narrow layout) the image is a ``<picture>``
    that shows the narrow rendering where :data:`NARROW_MEDIA` holds.
    """
    data = base64.b64encode(png).decode("ascii")
    lines = "<br>".join(html.escape(line) for line in description.numbers.splitlines())
    image = (f'<img src="data:image/png;base64,{data}" alt="{html.escape(description.alt)}" '
             f'style="max-width:100%;height:auto">')
    if narrow_png is not None:
        narrow = base64.b64encode(narrow_png).decode("ascii")
        image = (f'<picture><source media="{NARROW_MEDIA}" '
                 f'srcset="data:image/png;base64,{narrow}">{image}</picture>')
    return f'{image}<p class="hcc-numbers" style="{NUMBERS_STYLE}">{lines}</p>'



def print_bundle(png: bytes, text: str) -> dict[str, str]:
    """The MIME types a printed book shows of a figure: the PNG, and text where images are not shown.

    Parameters
    ----------
    png : bytes
        The rendered figure (:func:`render_png`).
    text : str
        What the figure shows, in words (its alternative text or caption).

    Returns
    -------
    dict
        ``image/png`` (base64, as notebooks store it) and ``text/plain``.
    """
    return {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": text}


@dataclass(frozen=True)
class RenderedFigure:
    """A rendered figure as a notebook output: HTML on screen, the PNG in print.

    Attributes
    ----------
    png : bytes
        The rendered figure (:func:`render_png`).
    description : Description
        Its alternative text and key numbers.
    """

    png: bytes
    description: Description

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """:func:`figure_html` for the site and notebooks, plus :func:`print_bundle`."""
        return {"text/html": figure_html(self.png, self.description),
                **print_bundle(self.png, self.description.alt)}
