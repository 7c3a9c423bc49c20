"""Figures of the stem-cell chapter: the two populations over time and a virtual flow cytometer.

Built once (``*_figure()``) and updated in place (``update_*()``), like every figure module
(see :mod:`widgets.figures.rendering`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle
from matplotlib.ticker import MaxNLocator

from ..model.cytometry import FlowSample, percent_positive
from ..model.data_files import parameter_values
from ..model.stem_cells import PopulationResult
from .palette import CONTROL, INHIBITED, OKABE_ITO, TREATED
from .rendering import Description, legend_above, new_figure, nice_ceiling

STEM_COLOUR = OKABE_ITO["vermillion"]
OTHER_COLOUR = OKABE_ITO["sky_blue"]
TREATMENT_SHADE = "#fbe3c6"
MAX_TREATMENT_SPANS = 20
MAX_DRAWN_POINTS = 300
FLOW_BINS = np.linspace(0.0, 4.5, 91)
PERCENT_AXIS_TOP = 102.0   # a sorted population's 100% line is drawn whole, not cut in half


@dataclass
class PopulationArtists:
    figure: Figure
    count_ax: object
    fraction_ax: object
    stem_area: Polygon
    other_area: Polygon
    fraction_line: object
    basal_line: object
    spans: list
    title: object
    dynamic: list = field(default_factory=list)


def populations_figure() -> PopulationArtists:
    """Stacked cell numbers (left) and the stem fraction (right) over days."""
    figure, (count_ax, fraction_ax) = new_figure(1, 2, (8.4, 3.7),
                                                 gridspec_kw={"width_ratios": [1.3, 1.0]})
    spans = [ax.add_patch(Rectangle((0, 0), 0, 1, transform=ax.get_xaxis_transform(),
                                    color=TREATMENT_SHADE, zorder=0, visible=False))
             for ax in (count_ax, fraction_ax) for _ in range(MAX_TREATMENT_SPANS)]
    other_area = count_ax.add_patch(Polygon(np.zeros((3, 2)), color=OTHER_COLOUR,
                                            label="other cells"))
    stem_area = count_ax.add_patch(Polygon(np.zeros((3, 2)), color=STEM_COLOUR,
                                           label="stem-like cells (CD133-high)"))
    (fraction_line,) = fraction_ax.plot([], [], color=STEM_COLOUR, linewidth=2.2,
                                        label="this schedule")
    (basal_line,) = fraction_ax.plot([], [], color=CONTROL, linestyle="--", linewidth=1.3,
                                     label="untreated line (basal)")
    count_ax.set_ylabel("cells (start = 1)")
    fraction_ax.set_ylabel("stem-like cells (%)")
    for ax in (count_ax, fraction_ax):
        ax.set_xlabel("time (days)")
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(5, integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        legend_above(ax)
    title = figure.suptitle("", fontsize=11)
    return PopulationArtists(figure, count_ax, fraction_ax, stem_area, other_area, fraction_line,
                             basal_line, spans,
                             title, spans + [other_area, stem_area, fraction_line, basal_line,
                                             title])


def _treatment_periods(result: PopulationResult) -> list[tuple[float, float]]:
    """(start, end) in days of each stretch with the treatments on."""
    days, on = result.t / 24.0, result.treated
    edges = np.flatnonzero(np.diff(on.astype(int)))
    starts = [days[0]] if on[0] else []
    ends = []
    for edge in edges:
        (starts if on[edge + 1] else ends).append(days[edge])
    if on[-1]:
        ends.append(days[-1])
    return list(zip(starts, ends))


def update_populations(artists: PopulationArtists, result: PopulationResult, basal_percent: float,
                       title: str) -> Description:
    """Show ``result``: stem-like cells stacked under the others, and their percentage.

    The time axis ends with the run.

    Returns
    -------
    Description
        Alternative text and the end-point numbers.
    """
    every = max(1, result.t.size // MAX_DRAWN_POINTS)  # a finer path looks the same
    days, stem, total = result.t[::every] / 24.0, result.stem[::every], result.total[::every]
    zero = np.zeros_like(days)
    artists.stem_area.set_xy(np.column_stack([np.r_[days, days[::-1]],
                                              np.r_[stem, zero[::-1]]]))
    artists.other_area.set_xy(np.column_stack([np.r_[days, days[::-1]],
                                               np.r_[total, stem[::-1]]]))
    percent = 100.0 * result.stem_fraction
    artists.fraction_line.set_data(days, percent[::every])
    artists.basal_line.set_data([0.0, result.t[-1] / 24.0], [basal_percent, basal_percent])
    periods = _treatment_periods(result)
    for index, span in enumerate(artists.spans):  # MAX_TREATMENT_SPANS per axis
        slot = index % MAX_TREATMENT_SPANS
        span.set_visible(slot < len(periods))
        if slot < len(periods):
            start, end = periods[slot]
            span.set_x(start)
            span.set_width(end - start)
    for ax in (artists.count_ax, artists.fraction_ax):
        ax.set_xlim(0.0, float(result.t[-1] / 24.0))
    # Fixed scales (a full dish, 0-100%): settings compare at a glance, and the axes need no
    # redrawing when a control moves.
    artists.count_ax.set_ylim(0.0, nice_ceiling(parameter_values(result.cell_line)[
        "culture_capacity"]))
    artists.fraction_ax.set_ylim(0.0, PERCENT_AXIS_TOP)
    artists.title.set_text(title)
    end = (f"after {result.t[-1] / 24.0:g} days: {result.total[-1]:.2f} times the starting number of cells, "
           f"{result.stem[-1]:.2f} of them stem-like: {percent[-1]:.1f}% (basal {basal_percent:.1f}%)")
    shaded = (f" Shaded: {len(periods)} treatment period(s)." if periods else "")
    return Description(
        f"Left: stem-like and other cells stacked over time; right: the percentage of "
        f"stem-like cells, for {title}. {end[0].upper() + end[1:]}.{shaded}",
        f"{end[0].upper() + end[1:]}; fewest cells at any time {np.min(result.total):.2g} "
        "times the start.")


@dataclass
class FlowArtists:
    figure: Figure
    ax: object
    sample_area: Polygon
    isotype_line: object
    gate_line: object
    readout: object
    title: object
    dynamic: list = field(default_factory=list)


def flow_figure() -> FlowArtists:
    """A CD133 histogram over its isotype control, with a gate."""
    figure, ax = new_figure(1, 1, (7.0, 3.6))
    sample_area = ax.add_patch(Polygon(np.zeros((3, 2)), color=TREATED, alpha=0.55,
                                       label="anti-CD133 stained"))
    (isotype_line,) = ax.plot([], [], color=CONTROL, linestyle="--", linewidth=1.5,
                              label="isotype control")
    gate_line = ax.axvline(2.0, color=INHIBITED, linewidth=2.2, label="gate")
    readout = ax.text(0.98, 0.95, "", transform=ax.transAxes, ha="right", va="top",
                      fontsize=10, bbox={"facecolor": "white", "edgecolor": "0.6"})
    ax.set_xlim(FLOW_BINS[0], FLOW_BINS[-1])
    ax.set_xlabel("CD133 fluorescence (log10, a.u.)")
    ax.set_ylabel("events per bin")
    ax.grid(alpha=0.3)
    legend = ax.legend(loc="upper left", fontsize=8, frameon=False)
    title = figure.suptitle("", fontsize=11)
    return FlowArtists(figure, ax, sample_area, isotype_line, gate_line, readout, title,
                       [sample_area, isotype_line, gate_line, readout, legend, title])


def _histogram(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    counts, _ = np.histogram(values, FLOW_BINS)
    centres = 0.5 * (FLOW_BINS[1:] + FLOW_BINS[:-1])
    return centres, counts


def update_flow(artists: FlowArtists, sample: FlowSample, gate_log: float,
                title: str) -> Description:
    """Show ``sample`` with the gate at ``gate_log``; print what the gate reports.

    Returns
    -------
    Description
    """
    centres, counts = _histogram(sample.cd133)
    _, background = _histogram(sample.isotype)
    artists.sample_area.set_xy(np.column_stack([np.r_[centres[0], centres, centres[-1]],
                                                np.r_[0, counts, 0]]))
    artists.isotype_line.set_data(centres, background)
    artists.gate_line.set_xdata([gate_log, gate_log])
    stained = percent_positive(sample.cd133, gate_log)
    isotype = percent_positive(sample.isotype, gate_log)
    artists.readout.set_text(f"CD133+ {stained:.1f}%\nisotype above gate {isotype:.1f}%\n"
                             f"true stem-like {100 * sample.stem_fraction:.1f}%")
    artists.ax.set_ylim(0.0, nice_ceiling(1.1 * float(max(counts.max(), background.max()))))
    artists.title.set_text(title)
    numbers = (f"with the gate at {gate_log:.2f} (log10), {stained:.1f}% of stained events and "
               f"{isotype:.1f}% of isotype-control events are above it; the sample truly holds "
               f"{100 * sample.stem_fraction:.1f}% stem-like cells")
    return Description(
        f"Histogram of CD133 fluorescence for {title} (filled) over the isotype control "
        f"(dashed), with a vertical gate: {numbers}.",
        f"{numbers[0].upper() + numbers[1:]}.")
