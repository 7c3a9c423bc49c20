"""Matplotlib figures drawn from model results.

Each figure comes as a pair: ``*_figure()`` builds the figure once and returns
its artists; ``update_*()`` puts new results into those artists. Live panels
reuse one figure for every control change; the static site renders every
precomputed frame with the very same two functions.
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from .model import SimulationResult  # noqa: E402
from .model.assays import BANDS, Blot  # noqa: E402
from .palette import CONTROL, INHIBITED, OKABE_ITO, TREATED  # noqa: E402

TIME_COURSE_PANELS = (("lc3_i", "LC3-I"), ("lc3_ii", "LC3-II"), ("p62", "p62/SQSTM1"),
                      ("flux", "Autophagic flux"))
DPI = 80


@dataclass
class TimeCourseArtists:
    figure: Figure
    axes: tuple
    control_lines: list
    treated_lines: list
    title: object


def time_course_figure() -> TimeCourseArtists:
    """Four small panels (LC3-I, LC3-II, p62, flux) sharing a time axis."""
    figure, axes = plt.subplots(2, 2, figsize=(7.5, 4.6), sharex=True, dpi=DPI,
                                layout="constrained")
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
    axes[0].legend(loc="upper left", fontsize=8, frameon=False)
    title = figure.suptitle("", fontsize=11)
    return TimeCourseArtists(figure, axes, control_lines, treated_lines, title)


def update_time_course(artists: TimeCourseArtists, result: SimulationResult,
                       control: SimulationResult, title: str) -> None:
    """Show ``result`` (solid) against ``control`` (dashed) in an existing figure."""
    for ax, line, base, (name, _) in zip(artists.axes, artists.treated_lines,
                                         artists.control_lines, TIME_COURSE_PANELS):
        values = getattr(result, name)
        line.set_data(result.t, values)
        base.set_data(control.t, getattr(control, name))
        top = max(2.0, 1.1 * float(np.max(values)))
        ax.set_ylim(0.0, top)
        ax.set_xlim(0.0, float(result.t[-1]))
    artists.title.set_text(title)


@dataclass
class BlotArtists:
    figure: Figure
    blot_ax: object
    bar_ax: object
    band_image: object
    bars: list
    flux_text: object


def blot_figure() -> BlotArtists:
    """A blot image (four lanes, four bands) beside its densitometry."""
    figure, (blot_ax, bar_ax) = plt.subplots(1, 2, figsize=(8.0, 3.6), dpi=DPI,
                                             layout="constrained",
                                             gridspec_kw={"width_ratios": [1.0, 1.25]})
    band_image = blot_ax.imshow(np.ones((10, 10)), cmap="gray", vmin=0.0, vmax=1.0,
                                aspect="auto", interpolation="bilinear")
    blot_ax.set_yticks(np.arange(len(BANDS)) * 20 + 10, labels=BANDS)
    blot_ax.set_title("Virtual western blot", fontsize=11)
    width = 0.2
    colours = (OKABE_ITO["purple"], OKABE_ITO["sky_blue"], TREATED)
    bars = [bar_ax.bar(np.arange(4) + (i - 1) * width, np.zeros(4), width, color=c, label=lab)
            for i, (c, lab) in enumerate(zip(colours, ("p62", "LC3-I", "LC3-II")))]
    bar_ax.set_xticks(np.arange(4), labels=["ctrl", "ctrl\n+inh", "treat", "treat\n+inh"])
    bar_ax.set_ylabel("band / β-actin\n(relative to lane 1)")
    bar_ax.set_title("Densitometry", fontsize=11)
    bar_ax.legend(fontsize=8, frameon=False, loc="upper left")
    bar_ax.grid(axis="y", alpha=0.3)
    flux_text = bar_ax.text(0.99, 0.97, "", transform=bar_ax.transAxes, ha="right", va="top",
                            fontsize=9, bbox={"facecolor": "white", "edgecolor": "0.7"})
    return BlotArtists(figure, blot_ax, bar_ax, band_image, bars, flux_text)


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


def update_blot(artists: BlotArtists, blot: Blot, title: str) -> None:
    """Draw ``blot`` into an existing blot figure."""
    image = blot_image(blot)
    artists.band_image.set_data(image)
    artists.band_image.set_extent((0, image.shape[1], image.shape[0], 0))
    artists.blot_ax.set_xticks(np.arange(4) * 24 + 12, labels=["ctrl", "ctrl\n+inh", "treat",
                                                              "treat\n+inh"])
    for bar_group, values in zip(artists.bars, blot.normalised):
        for bar, value in zip(bar_group, values):
            bar.set_height(value)
    artists.bar_ax.set_ylim(0.0, max(2.0, 1.6 * float(blot.normalised.max())))
    artists.flux_text.set_text(
        f"LC3 turnover (flux read-out)\ncontrol: {blot.flux['control']:.2f}\n"
        f"treated: {blot.flux['treated']:.2f}")
    artists.figure.suptitle(title, fontsize=11)


def png_bytes(figure: Figure) -> bytes:
    """Render a figure to PNG bytes (for ``ipywidgets.Image``)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
