"""Matplotlib figures drawn from model results.

Each figure comes as a pair: ``*_figure()`` builds the figure once and returns
its artists; ``update_*()`` puts new results into those artists. Live panels
reuse one figure for every control change; the static site renders every
precomputed frame with the very same two functions.

:func:`render_png` keeps a widget responsive: everything that does not change
between updates (axes, ticks, labels, grid) is drawn once into a cached
background per set of axis limits, and only the artists listed in the
artists' ``dynamic`` field are drawn over it. Axis limits are rounded up to a
few "nice" values (:func:`nice_ceiling`) so that backgrounds are reused.
"""
from __future__ import annotations

import io
import math
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from .model import SimulationResult
from .model.assays import BANDS, Blot
from .palette import CONTROL, INHIBITED, OKABE_ITO, TREATED

TIME_COURSE_PANELS = (("lc3_i", "LC3-I"), ("lc3_ii", "LC3-II"), ("p62", "p62/SQSTM1"),
                      ("flux", "Autophagic flux"))
DPI = 80
BACKGROUNDS_KEPT = 24
NICE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def new_figure(rows: int, columns: int, size_in: tuple[float, float], **subplot_options):
    """A figure with its own Agg canvas and a grid of axes, outside pyplot.

    Panels keep their figures for as long as they live; creating them without
    pyplot means nothing global holds on to them and notebooks never display
    them a second time.
    """
    figure = Figure(figsize=size_in, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure, figure.subplots(rows, columns, **subplot_options)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is >= value."""
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"an axis limit must be a positive finite number, got {value!r}")
    scale = 10.0 ** math.floor(math.log10(value))
    return next(step * scale for step in NICE_STEPS if step * scale >= value * (1 - 1e-12))


@dataclass
class TimeCourseArtists:
    figure: Figure
    axes: tuple
    control_lines: list
    treated_lines: list
    title: object
    dynamic: list = field(default_factory=list)


def time_course_figure() -> TimeCourseArtists:
    """Four small panels (LC3-I, LC3-II, p62, flux) sharing a time axis."""
    figure, axes = new_figure(2, 2, (7.5, 4.6), sharex=True)
    axes = tuple(axes.ravel())
    control_lines, treated_lines = [], []
    for ax, (_, label) in zip(axes, TIME_COURSE_PANELS):
        (control,) = ax.plot([], [], color=CONTROL, linestyle="--", linewidth=1.5,
                             label="untreated")
        (treated,) = ax.plot([], [], color=TREATED, linewidth=2.2, label="this experiment")
        ax.set_title(label, fontsize=11)
        ax.axhline(1.0, color="0.8", linewidth=0.8, zorder=0)
        ax.grid(alpha=0.3)
        control_lines.append(control)
        treated_lines.append(treated)
    for ax in axes[2:]:
        ax.set_xlabel("time after treatment (h)")
    for ax in axes[::2]:
        ax.set_ylabel("relative to basal")
    legend = axes[0].legend(loc="upper left", fontsize=8, frameon=False)
    title = figure.suptitle("", fontsize=11)
    return TimeCourseArtists(figure, axes, control_lines, treated_lines, title,
                             control_lines + treated_lines + [legend, title])


def update_time_course(artists: TimeCourseArtists, result: SimulationResult,
                       control: SimulationResult, title: str) -> str:
    """Show ``result`` (solid) against ``control`` (dashed) in an existing figure.

    Returns
    -------
    str
        A text description of what the figure now shows (its alternative text).
    """
    for ax, line, base, (name, _) in zip(artists.axes, artists.treated_lines,
                                         artists.control_lines, TIME_COURSE_PANELS):
        values = getattr(result, name)
        line.set_data(result.t, values)
        base.set_data(control.t, getattr(control, name))
        ax.set_ylim(0.0, nice_ceiling(max(2.0, 1.1 * float(np.max(values)))))
        ax.set_xlim(0.0, float(result.t[-1]))
    artists.title.set_text(title)
    return (f"Time courses of LC3-I, LC3-II, p62 and autophagic flux relative to untreated "
            f"cells, for {title}. At {result.t[-1]:g} h: LC3-I {result.lc3_i[-1]:.2f}, "
            f"LC3-II {result.lc3_ii[-1]:.2f}, p62 {result.p62[-1]:.2f} and flux "
            f"{result.flux[-1]:.2f} times the untreated level.")


@dataclass
class BlotArtists:
    figure: Figure
    blot_ax: object
    bar_ax: object
    band_image: object
    bars: list
    flux_text: object
    title: object
    dynamic: list = field(default_factory=list)


def blot_figure() -> BlotArtists:
    """A blot image (four lanes, four bands) beside its densitometry."""
    figure, (blot_ax, bar_ax) = new_figure(1, 2, (8.0, 3.6),
                                           gridspec_kw={"width_ratios": [1.0, 1.25]})
    figure.get_layout_engine().set(wspace=0.08)  # room for the densitometry axis label
    band_image = blot_ax.imshow(np.ones((10, 10)), cmap="gray", vmin=0.0, vmax=1.0,
                                aspect="auto", interpolation="bilinear")
    blot_ax.set_yticks(np.arange(len(BANDS)) * 20 + 10, labels=BANDS)
    blot_ax.set_xticks(np.arange(4) * 24 + 12, labels=["ctrl", "ctrl\n+inh", "treat",
                                                      "treat\n+inh"])
    blot_ax.set_title("Virtual western blot", fontsize=11)
    width = 0.2
    colours = (OKABE_ITO["purple"], OKABE_ITO["sky_blue"], TREATED)
    bars = [bar_ax.bar(np.arange(4) + (i - 1) * width, np.zeros(4), width, color=c, label=lab)
            for i, (c, lab) in enumerate(zip(colours, ("p62", "LC3-I", "LC3-II")))]
    bar_ax.set_xticks(np.arange(4), labels=["ctrl", "ctrl\n+inh", "treat", "treat\n+inh"])
    bar_ax.set_ylabel("band / β-actin\n(relative to lane 1)")
    bar_ax.set_title("Densitometry", fontsize=11)
    legend = bar_ax.legend(fontsize=8, frameon=False, loc="upper left")
    bar_ax.grid(axis="y", alpha=0.3)
    flux_text = bar_ax.text(0.99, 0.97, "", transform=bar_ax.transAxes, ha="right", va="top",
                            fontsize=9, bbox={"facecolor": "white", "edgecolor": "0.7"})
    title = figure.suptitle("", fontsize=11)
    patches = [patch for group in bars for patch in group]
    return BlotArtists(figure, blot_ax, bar_ax, band_image, bars, flux_text, title,
                       [band_image, *patches, legend, flux_text, title])


def blot_image(blot: Blot) -> np.ndarray:
    """Grey-scale picture of the blot: dark bands on a light membrane, one row block per band."""
    lane_width, row_height = 24, 20
    image = np.full((row_height * len(BANDS), lane_width * len(blot.lanes)), 0.94)
    reference = blot.intensity / blot.intensity[:, :1].clip(1e-12)
    y = np.linspace(-1.0, 1.0, row_height)[:, None]
    x = np.linspace(-1.0, 1.0, lane_width)[None, :]
    shape = np.exp(-(y / 0.28) ** 2) * np.exp(-(np.abs(x) / 0.75) ** 8)
    for row in range(len(BANDS)):
        for lane in range(len(blot.lanes)):
            darkness = 0.55 * np.tanh(0.8 * reference[row, lane])   # film saturates
            image[row * row_height:(row + 1) * row_height,
                  lane * lane_width:(lane + 1) * lane_width] -= darkness * shape
    return image


def update_blot(artists: BlotArtists, blot: Blot, title: str) -> str:
    """Draw ``blot`` into an existing blot figure; return its text description."""
    image = blot_image(blot)
    artists.band_image.set_data(image)
    artists.band_image.set_extent((0, image.shape[1], image.shape[0], 0))
    for bar_group, values in zip(artists.bars, blot.normalised):
        for bar, value in zip(bar_group, values):
            bar.set_height(value)
    artists.bar_ax.set_ylim(0.0, nice_ceiling(max(2.0, 1.6 * float(blot.normalised.max()))))
    artists.flux_text.set_text(
        f"LC3 turnover (flux read-out)\ncontrol: {blot.flux['control']:.2f}\n"
        f"treated: {blot.flux['treated']:.2f}")
    artists.title.set_text(title)
    lc3_ii = blot.normalised[BANDS.index("LC3-II")]
    return (f"Virtual western blot of p62, LC3-I, LC3-II and β-actin with densitometry, for "
            f"{title}. LC3-II normalised to β-actin in the four lanes (control, control with "
            f"inhibitor, treated, treated with inhibitor): "
            f"{', '.join(f'{v:.2f}' for v in lc3_ii)}. LC3 turnover read-out: control "
            f"{blot.flux['control']:.2f}, treated {blot.flux['treated']:.2f}.")


def render_png(artists, compress_level: int = 6) -> bytes:
    """Render ``artists.figure`` to PNG bytes (shown by :func:`widgets.panels.figure_html`).

    Parameters
    ----------
    artists
        A ``*Artists`` record with ``figure`` and ``dynamic`` (the artists an
        update changes; they are drawn in this order over the background).
    compress_level : int
        zlib level 0-9: 1 is fastest (live widgets), 6 smaller (static frames).
        The pixels are the same either way.
    """
    figure, canvas = artists.figure, artists.figure.canvas
    backgrounds = figure.__dict__.setdefault("_book_backgrounds", OrderedDict())
    if not backgrounds:
        for artist in artists.dynamic:
            artist.set_animated(True)
    key = tuple((ax.get_xlim(), ax.get_ylim()) for ax in figure.axes)
    if key in backgrounds:
        backgrounds.move_to_end(key)
        region, positions = backgrounds[key]
        canvas.restore_region(region)
        for ax, position in zip(figure.axes, positions):  # the layout of that background
            ax.set_position(position, which="active")
    else:
        canvas.draw()  # lays the figure out for these limits and draws the static artists
        backgrounds[key] = (canvas.copy_from_bbox(figure.bbox),
                            [ax.get_position(original=False) for ax in figure.axes])
        if len(backgrounds) > BACKGROUNDS_KEPT:
            backgrounds.popitem(last=False)
    for artist in artists.dynamic:
        figure.draw_artist(artist)
    pixels = np.asarray(canvas.buffer_rgba())[..., :3]
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="png", compress_level=compress_level)
    return buffer.getvalue()
