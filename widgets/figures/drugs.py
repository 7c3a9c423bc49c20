"""Figures of the drugs chapter: dose-response curves, why the cells die, and the toy immune model.

Built once (``*_figure()``) and updated in place (``update_*()``), like every
figure module (see :mod:`widgets.figures.rendering`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure

from ..model.labels import format_fold_shift, format_ic50
from ..model.pharmacology import InterventionComparison
from .palette import CONTROL, INHIBITED, OKABE_ITO, TREATED
from .rendering import Description, new_figure, nice_ceiling

DAMAGE_COLOUR = OKABE_ITO["orange"]
AUTOPHAGY_COLOUR = OKABE_ITO["purple"]
LOSS_AXIS_TOP = 2.0


@dataclass
class DoseResponseArtists:
    """The artists of one row: curves (left) and causes of loss (right)."""

    curve_ax: object
    loss_ax: object
    alone_line: object
    combined_line: object
    background_line: object
    ic50_marks: list
    summary: object
    damage_bars: object
    autophagy_bars: object
    title: object

    def dynamic(self) -> list:
        """The artists an update changes, in drawing order."""
        return [self.alone_line, self.combined_line, self.background_line, *self.ic50_marks,
                *self.damage_bars, *self.autophagy_bars, self.summary, self.title]


@dataclass
class DoseResponseFigure:
    figure: Figure
    rows: list
    dynamic: list = field(default_factory=list)


def dose_response_figure(n_rows: int = 1) -> DoseResponseFigure:
    """Viability against dose (left) and the causes of cell loss at the IC50 dose (right).

    ``n_rows`` rows compare contexts (e.g. parental and resistant cells) one above the other.
    """
    figure, axes = new_figure(n_rows, 2, (8.4, 0.4 + 3.4 * n_rows), squeeze=False,
                              gridspec_kw={"width_ratios": [1.7, 1.0]})
    rows = [_row_artists(*row) for row in axes]
    return DoseResponseFigure(figure, rows, [a for row in rows for a in row.dynamic()])


def _row_artists(curve_ax, loss_ax) -> DoseResponseArtists:
    (alone_line,) = curve_ax.plot([], [], color=TREATED, linewidth=2.2, label="drug alone")
    (combined_line,) = curve_ax.plot([], [], color=INHIBITED, linewidth=2.2, linestyle="--",
                                     label="drug + intervention")
    background_line = curve_ax.axhline(1.0, color=CONTROL, linestyle=":", linewidth=1.2,
                                       label="intervention alone")
    ic50_marks = [curve_ax.plot([], [], marker=marker, color=colour, markersize=8,
                                linestyle="none")[0]
                  for marker, colour in (("o", TREATED), ("s", INHIBITED))]
    curve_ax.set_xscale("log")
    curve_ax.set_ylim(0.0, 1.05)
    curve_ax.set_xlabel("drug concentration (µM)")
    curve_ax.set_ylabel("viability (fraction of untreated)")
    curve_ax.grid(alpha=0.3, which="both")
    curve_ax.legend(loc="lower left", fontsize=8, frameon=False)
    summary = curve_ax.text(0.99, 0.98, "", transform=curve_ax.transAxes, ha="right", va="top",
                            fontsize=8.5, bbox={"facecolor": "white", "edgecolor": "0.7"})
    positions = np.arange(2)
    damage_bars = loss_ax.bar(positions, np.zeros(2), 0.55, color=DAMAGE_COLOUR,
                              label="damage (apoptosis, lost growth)")
    autophagy_bars = loss_ax.bar(positions, np.zeros(2), 0.55, color=AUTOPHAGY_COLOUR,
                                 hatch="//", edgecolor="white", label="autophagic death")
    loss_ax.set_xticks(positions, labels=["drug\nalone", "drug +\nintervention"])
    loss_ax.set_ylabel("cell loss at the IC50 dose\n(−ln viability)")
    loss_ax.set_title("Why the cells die", fontsize=10)
    loss_ax.legend(loc="upper left", fontsize=8, frameon=False)
    loss_ax.grid(axis="y", alpha=0.3)
    title = curve_ax.set_title("", fontsize=10, loc="left")
    return DoseResponseArtists(curve_ax, loss_ax, alone_line, combined_line, background_line,
                               ic50_marks, summary, damage_bars, autophagy_bars, title)


def update_dose_response(artists: DoseResponseArtists, comparison: InterventionComparison,
                         title: str) -> Description:
    """Draw one :class:`InterventionComparison` into one row of a dose-response figure.

    Returns
    -------
    Description
        What the row shows: its part of the alternative text, and its key numbers.
    """
    doses = comparison.doses_um
    artists.alone_line.set_data(doses, comparison.alone)
    artists.combined_line.set_data(doses, comparison.combined)
    artists.background_line.set_ydata([comparison.intervention_alone] * 2)
    artists.curve_ax.set_xlim(float(doses[0]), float(doses[-1]))
    levels = (0.5, 0.5 * comparison.intervention_alone)
    for mark, ic50, level in zip(artists.ic50_marks, (comparison.ic50_alone_um,
                                                      comparison.ic50_combined_um), levels):
        inside = math.isfinite(ic50) and doses[0] <= ic50 <= doses[-1]
        mark.set_data([ic50] if inside else [], [level] if inside else [])
    artists.summary.set_text(
        f"IC50 {format_ic50(comparison.ic50_alone_um)} → "
        f"{format_ic50(comparison.ic50_combined_um)}\n"
        f"{format_fold_shift(comparison.fold_shift)}\n"
        f"Bliss excess {comparison.bliss_at_ic50:+.2f}")
    top = 0.0
    for i in range(2):
        damage, autophagy = comparison.loss_from_damage[i], comparison.loss_from_autophagy[i]
        artists.damage_bars[i].set_height(damage)
        artists.autophagy_bars[i].set_y(damage)
        artists.autophagy_bars[i].set_height(autophagy)
        top = max(top, damage + autophagy)
    # A fixed scale for the usual range keeps the cached background (fast redraws).
    artists.loss_ax.set_ylim(0.0, LOSS_AXIS_TOP if 1.15 * top <= LOSS_AXIS_TOP
                             else nice_ceiling(1.25 * top))
    artists.title.set_text(title)
    (damage_alone, damage_with), (autophagy_alone, autophagy_with) = (
        comparison.loss_from_damage, comparison.loss_from_autophagy)
    shift = (f"IC50 {format_ic50(comparison.ic50_alone_um)} alone, "
             f"{format_ic50(comparison.ic50_combined_um)} with the intervention "
             f"({format_fold_shift(comparison.fold_shift)})")
    return Description(
        f"Viability against drug concentration for {title}. {shift}; the intervention alone "
        f"leaves {comparison.intervention_alone:.0%} of cells; Bliss excess at the IC50 "
        f"{comparison.bliss_at_ic50:+.2f}. Cell loss at the IC50 dose from damage "
        f"{damage_alone:.2f} alone and {damage_with:.2f} with the intervention, from "
        f"autophagic death {autophagy_alone:.2f} and {autophagy_with:.2f}.",
        f"{title}: {shift}; Bliss excess {comparison.bliss_at_ic50:+.2f}; the intervention "
        f"alone leaves {comparison.intervention_alone:.0%} of cells.")


@dataclass
class AntigenArtists:
    figure: Figure
    kill_ax: object
    mhc_ax: object
    reference_line: object
    treated_line: object
    mhc_bars: object
    title: object
    dynamic: list = field(default_factory=list)


def antigen_figure() -> AntigenArtists:
    """Killing against PD-1 blockade (left) and surface MHC-I (right), toy model."""
    figure, (kill_ax, mhc_ax) = new_figure(1, 2, (8.0, 3.4),
                                           gridspec_kw={"width_ratios": [1.6, 1.0]})
    (reference_line,) = kill_ax.plot([], [], color=CONTROL, linestyle="--", linewidth=1.5,
                                     label="untreated tumour cells")
    (treated_line,) = kill_ax.plot([], [], color=TREATED, linewidth=2.2,
                                   label="with the autophagy intervention")
    kill_ax.set_xlim(0.0, 1.0)
    kill_ax.set_xlabel("PD-1 blocked by the antibody (fraction)")
    kill_ax.set_ylabel("tumour cells killed by T cells\n(fraction, toy model)")
    kill_ax.grid(alpha=0.3)
    legend = kill_ax.legend(loc="upper left", fontsize=8, frameon=False)
    mhc_bars = mhc_ax.bar([0, 1], [1.0, 1.0], 0.55, color=[CONTROL, TREATED])
    mhc_ax.set_xticks([0, 1], labels=["untreated", "intervention"])
    mhc_ax.set_ylabel("surface MHC-I (relative)")
    mhc_ax.axhline(1.0, color="0.6", linewidth=0.8)
    mhc_ax.grid(axis="y", alpha=0.3)
    title = figure.suptitle("", fontsize=10)
    return AntigenArtists(figure, kill_ax, mhc_ax, reference_line, treated_line, mhc_bars, title,
                          [reference_line, treated_line, *mhc_bars, legend, title])


def update_antigen(artists: AntigenArtists, blockade: np.ndarray, reference_killed: np.ndarray,
                   treated_killed: np.ndarray, reference_mhc: float, treated_mhc: float,
                   title: str) -> Description:
    """Draw killing curves over PD-1 blockade and the two MHC-I levels; return what they show."""
    artists.reference_line.set_data(blockade, reference_killed)
    artists.treated_line.set_data(blockade, treated_killed)
    artists.kill_ax.set_ylim(0.0, nice_ceiling(max(0.5, 1.15 * float(max(
        reference_killed.max(), treated_killed.max())))))
    for bar, value in zip(artists.mhc_bars, (reference_mhc, treated_mhc)):
        bar.set_height(value)
    artists.mhc_ax.set_ylim(0.0, nice_ceiling(max(2.0, 1.2 * max(reference_mhc, treated_mhc))))
    artists.title.set_text(title)
    killing = (f"{treated_killed[0]:.0%} to {treated_killed[-1]:.0%} with the intervention, "
               f"{reference_killed[0]:.0%} to {reference_killed[-1]:.0%} without")
    return Description(
        f"{title}. Surface MHC class I {treated_mhc:.2f} times that of untreated tumour "
        f"cells. Share of tumour cells killed by T cells, from no to full PD-1 blockade: "
        f"{killing}.",
        f"Surface MHC-I: {treated_mhc:.2f} × untreated.\n"
        f"Tumour cells killed, from no to full PD-1 blockade: {killing}.")
