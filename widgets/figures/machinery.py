"""Figures of the machinery chapter: time courses of the flux model and the virtual western blot."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..model import SimulationResult
from ..model.assays import BANDS, Blot
from .palette import CONTROL, OKABE_ITO, TREATED
from .rendering import Description, new_figure, nice_ceiling

TIME_COURSE_PANELS = (("lc3_i", "LC3-I"), ("lc3_ii", "LC3-II"), ("p62", "p62/SQSTM1"),
                      ("flux", "Autophagic flux"))


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
        ax.xaxis.set_major_locator(MaxNLocator(4))  # few, legible ticks (and quick to redraw)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        control_lines.append(control)
        treated_lines.append(treated)
    figure.supxlabel("time after treatment (h)", fontsize=10)
    figure.supylabel("relative to untreated (basal = 1)", fontsize=10)
    legend = axes[0].legend(loc="upper left", fontsize=8, frameon=False)
    title = figure.suptitle("", fontsize=11)
    # the dashed untreated curves over the solid ones: both show where they coincide
    return TimeCourseArtists(figure, axes, control_lines, treated_lines, title,
                             treated_lines + control_lines + [legend, title])


def update_time_course(artists: TimeCourseArtists, result: SimulationResult,
                       control: SimulationResult, title: str) -> Description:
    """Show ``result`` (solid) against ``control`` (dashed) in an existing figure.

    Returns
    -------
    Description
        What the figure now shows: alternative text and the end-point numbers.
    """
    for ax, line, base, (name, _) in zip(artists.axes, artists.treated_lines,
                                         artists.control_lines, TIME_COURSE_PANELS):
        values = getattr(result, name)
        line.set_data(result.t, values)
        base.set_data(control.t, getattr(control, name))
        ax.set_ylim(0.0, nice_ceiling(max(2.0, 1.1 * float(np.max(values)))))
        ax.set_xlim(0.0, float(result.t[-1]))
    artists.title.set_text(title)
    end = (f"LC3-I {result.lc3_i[-1]:.2f}, LC3-II {result.lc3_ii[-1]:.2f}, "
           f"p62 {result.p62[-1]:.2f}, flux {result.flux[-1]:.2f}")
    return Description(
        f"Time courses of LC3-I, LC3-II, p62 and autophagic flux relative to untreated "
        f"cells, for {title}. At {result.t[-1]:g} h: {end} times the untreated level.",
        f"At {result.t[-1]:g} h, relative to untreated cells: {end}.")


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
    band_image = blot_axes(blot_ax, ("ctrl", "ctrl\n+inh", "treat", "treat\n+inh"),
                           "Virtual western blot")
    width = 0.2
    colours = (OKABE_ITO["purple"], OKABE_ITO["sky_blue"], TREATED)
    bars = [bar_ax.bar(np.arange(4) + (i - 1) * width, np.zeros(4), width, color=c, label=lab)
            for i, (c, lab) in enumerate(zip(colours, ("p62", "LC3-I", "LC3-II")))]
    bar_ax.set_xticks(np.arange(4), labels=["ctrl", "ctrl\n+inh", "treat", "treat\n+inh"])
    bar_ax.set_ylabel("band / β-actin\n(relative to lane 1)")
    bar_ax.set_title("Densitometry", fontsize=11)
    legend = bar_ax.legend(fontsize=8, frameon=False, loc="upper left")
    bar_ax.grid(axis="y", alpha=0.3)
    bar_ax.yaxis.set_major_locator(MaxNLocator(4))
    flux_text = bar_ax.text(0.99, 0.97, "", transform=bar_ax.transAxes, ha="right", va="top",
                            fontsize=9, bbox={"facecolor": "white", "edgecolor": "0.7"})
    title = figure.suptitle("", fontsize=11)
    patches = [patch for group in bars for patch in group]
    return BlotArtists(figure, blot_ax, bar_ax, band_image, bars, flux_text, title,
                       [band_image, *patches, legend, flux_text, title])


def blot_axes(ax, lanes: tuple[str, ...], title: str, fontsize: float = 11.0,
              tick_size: float | None = None):
    """Set ``ax`` up for a blot picture: bands down the side, lanes along the bottom.

    Returns the (empty) image artist that :func:`blot_image` pictures are drawn into.
    """
    image = ax.imshow(np.ones((10, 10)), cmap="gray", vmin=0.0, vmax=1.0, aspect="auto",
                      interpolation="bilinear")
    ax.set_yticks(np.arange(len(BANDS)) * 20 + 10, labels=BANDS, fontsize=tick_size)
    ax.set_xticks(np.arange(len(lanes)) * 24 + 12, labels=lanes, fontsize=tick_size)
    ax.set_title(title, fontsize=fontsize)
    return image


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


def update_blot(artists: BlotArtists, blot: Blot, title: str) -> Description:
    """Draw ``blot`` into an existing blot figure; return what it shows."""
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
    lanes = ", ".join(f"{v:.2f}" for v in lc3_ii)
    turnover = f"control {blot.flux['control']:.2f}, treated {blot.flux['treated']:.2f}"
    return Description(
        f"Virtual western blot of p62, LC3-I, LC3-II and β-actin with densitometry, for "
        f"{title}. LC3-II normalised to β-actin in the four lanes (control, control with "
        f"inhibitor, treated, treated with inhibitor): {lanes}. LC3 turnover read-out: "
        f"{turnover}.",
        f"LC3 turnover (flux read-out): {turnover}.\n"
        f"LC3-II / β-actin in the four lanes: {lanes}.")
