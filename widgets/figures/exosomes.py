"""Figures of the exosome chapter: the virtual transwell co-culture and an EV characterisation.

Built once (``*_figure()``) and updated in place (``update_*()``), like every figure module
(see :mod:`widgets.figures.rendering`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.ticker import MaxNLocator

from ..model.exosomes import CocultureResult
from ..model.vesicles import MARKERS, SMALL_EV_RANGE_NM, Characterisation
from .palette import CONTROL, INHIBITED, OKABE_ITO, TREATED
from .rendering import Description, legend_above, new_figure, nice_ceiling

POPULATION_COLOURS = {"small_ev": OKABE_ITO["blue"], "large_ev": OKABE_ITO["sky_blue"],
                      "debris": OKABE_ITO["vermillion"], "aggregates": OKABE_ITO["yellow"]}
POPULATION_LABELS = {"small_ev": "small EVs (exosomes)", "large_ev": "larger vesicles",
                     "debris": "cell debris", "aggregates": "protein aggregates"}
# The medium's axis starts at this top, so neutral and acid media compare at a glance, and
# rises (to a nice value) only when a curve would reach it: no curve is ever cut off.
MEDIUM_AXIS_TOP = 3.0
MEDIUM_AXIS_HEADROOM = 1.05
# Curves closer than this everywhere (viability, or a.u.) lie on each other; the numbers say so.
COINCIDE_AU = 0.01


@dataclass
class CocultureArtists:
    figure: Figure
    viability_ax: object
    medium_ax: object
    together_line: object
    alone_line: object
    donor_line: object
    exosome_line: object
    mir21_line: object
    summary: object
    title: object
    dynamic: list = field(default_factory=list)


def coculture_figure() -> CocultureArtists:
    """Recipient and donor viability (left) and the medium's vesicles and miR-21 (right)."""
    figure, (viability_ax, medium_ax) = new_figure(1, 2, (8.4, 3.7),
                                                   gridspec_kw={"width_ratios": [1.3, 1.0]})
    # Wide solid curves under thin dashed or dotted ones: coinciding curves stay visible.
    (together,) = viability_ax.plot([], [], color=TREATED, linewidth=4.0, alpha=0.7,
                                    label="recipients with donors")
    (alone,) = viability_ax.plot([], [], color=CONTROL, linestyle="--", linewidth=1.5,
                                 label="recipients alone")
    (donor,) = viability_ax.plot([], [], color=OKABE_ITO["orange"], linestyle=":",
                                 linewidth=1.8, marker="^", markersize=6,
                                 markerfacecolor="white", label="donors")
    # Open markers on the donors and miR-21: they can coincide with the curves under them.
    (exosomes,) = medium_ax.plot([], [], color=OKABE_ITO["green"], linewidth=4.0, alpha=0.7,
                                 label="vesicles")
    (mir21,) = medium_ax.plot([], [], color=INHIBITED, linestyle="--", linewidth=1.6,
                              marker="o", markersize=5, markerfacecolor="white",
                              label="exosomal miR-21")
    summary = viability_ax.text(0.03, 0.05, "", transform=viability_ax.transAxes, fontsize=9,
                                va="bottom", bbox={"facecolor": "white", "edgecolor": "0.6"})
    viability_ax.set_ylim(0.0, 1.05)
    viability_ax.set_ylabel("viable cells (untreated = 1)")
    medium_ax.set_ylim(0.0, MEDIUM_AXIS_TOP)
    medium_ax.set_ylabel("in the medium (a.u.)")
    for ax in (viability_ax, medium_ax):
        ax.set_xlabel("time (h)")
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(5))
        legend_above(ax)
    title = figure.suptitle("", fontsize=11)
    return CocultureArtists(figure, viability_ax, medium_ax, together, alone, donor, exosomes,
                            mir21, summary, title,
                            [together, alone, donor, exosomes, mir21, summary, title])


def update_coculture(artists: CocultureArtists, result: CocultureResult,
                     ic50s: tuple[float, float], title: str) -> Description:
    """Show one co-culture and the recipients' IC50 with and without donors.

    Returns
    -------
    Description
    """
    hours = result.t
    artists.together_line.set_data(hours, result.recipient_viability)
    artists.alone_line.set_data(hours, result.recipient_alone_viability)
    artists.donor_line.set_data(hours, result.donor_viability)
    artists.exosome_line.set_data(hours, result.exosomes)
    artists.mir21_line.set_data(hours, result.exosomal_mir21)
    for marked in (artists.donor_line, artists.mir21_line):
        marked.set_markevery(max(1, hours.size // 8))
    peak = float(max(result.exosomes.max(), result.exosomal_mir21.max()))
    artists.medium_ax.set_ylim(0.0, nice_ceiling(max(MEDIUM_AXIS_TOP,
                                                     MEDIUM_AXIS_HEADROOM * peak)))
    for ax in (artists.viability_ax, artists.medium_ax):
        ax.set_xlim(0.0, float(hours[-1]))
    together, alone = ic50s
    shift = together / alone if np.isfinite(together) else float("inf")
    artists.summary.set_text(f"recipient IC50 {together:.3g} µM with donors, "
                             f"{alone:.3g} µM alone ({shift:.2f}×)")
    artists.title.set_text(title)
    numbers = (f"after {hours[-1]:g} h, recipients keep {result.recipient_viability[-1]:.2f} "
               f"of untreated viability with donors and {result.recipient_alone_viability[-1]:.2f}"
               f" alone; donors {result.donor_viability[-1]:.2f}; vesicles "
               f"{result.exosomes[-1]:.2f} and exosomal miR-21 {result.exosomal_mir21[-1]:.2f} "
               f"(a.u.); recipient IC50 {together:.3g} µM with donors, {alone:.3g} µM alone")
    numbers += _coinciding(
        ((result.recipient_viability, result.recipient_alone_viability,
          "the recipients' curves with and without donors"),
         (result.donor_viability, result.recipient_alone_viability,
          "the donors' curve and the recipients' alone (the same line under the same drug)"),
         (result.exosomes, result.exosomal_mir21,
          "the vesicle and miR-21 curves (miR-21 is counted in vesicles' basal loads, which "
          "only acid raises)")))
    return Description(
        f"Left: viability of recipient cells with donors (solid) and alone (dashed) and of the "
        f"donors (dotted) over time; right: vesicles and exosomal miR-21 in the medium, for "
        f"{title}. {numbers[0].upper() + numbers[1:]}.",
        f"{numbers[0].upper() + numbers[1:]}.")


def _coinciding(pairs) -> str:
    """"; X coincide, drawn one on the other" for each (a, b, X) whose curves coincide."""
    same = [what for a, b, what in pairs if np.allclose(a, b, atol=COINCIDE_AU)]
    return "".join(f"; {what} coincide, drawn one on the other" for what in same)


@dataclass
class CharacterisationArtists:
    figure: Figure
    size_ax: object
    blot_ax: object
    areas: dict
    bars: list
    readout: object
    title: object
    dynamic: list = field(default_factory=list)


def characterisation_figure() -> CharacterisationArtists:
    """A nanoparticle-tracking size distribution (left) and marker bands (right)."""
    figure, (size_ax, blot_ax) = new_figure(1, 2, (8.4, 3.7),
                                            gridspec_kw={"width_ratios": [1.5, 1.0]})
    size_ax.axvspan(*SMALL_EV_RANGE_NM, color="0.92", zorder=0)
    areas = {name: size_ax.add_patch(Polygon(np.zeros((3, 2)), color=colour, alpha=0.8,
                                             label=POPULATION_LABELS[name]))
             for name, colour in POPULATION_COLOURS.items()}
    size_ax.set_xscale("log")
    size_ax.set_xlim(20.0, 2000.0)
    size_ax.set_ylim(0.0, 1.6)
    size_ax.set_xlabel("particle diameter (nm, log scale); shaded 30-150 nm")
    size_ax.set_ylabel("particles (share per log size)")
    legend_above(size_ax)
    bars = list(blot_ax.bar(range(len(MARKERS)), [0.0] * len(MARKERS),
                            color=[TREATED] * 4 + [INHIBITED]))
    blot_ax.set_xticks(range(len(MARKERS)), MARKERS, fontsize=9)
    blot_ax.set_ylim(0.0, 1.1)
    blot_ax.set_ylabel("band per equal particles\n(pure small EVs = 1)")
    blot_ax.set_title("blot: EV markers and calnexin", fontsize=10)
    readout = size_ax.text(0.98, 0.95, "", transform=size_ax.transAxes, ha="right", va="top",
                           fontsize=9, bbox={"facecolor": "white", "edgecolor": "0.6"})
    for ax in (size_ax, blot_ax):
        ax.grid(alpha=0.3)
    title = figure.suptitle("", fontsize=11)
    return CharacterisationArtists(figure, size_ax, blot_ax, areas, bars, readout, title,
                                   [*areas.values(), *bars, readout, title])


def update_characterisation(artists: CharacterisationArtists, result: Characterisation,
                            title: str) -> Description:
    """Show the stacked size distribution and the marker bands of one preparation."""
    bottom = np.zeros_like(result.sizes_nm)
    for name, patch in artists.areas.items():
        top = bottom + result.particles[name]
        patch.set_xy(np.column_stack([np.r_[result.sizes_nm, result.sizes_nm[::-1]],
                                      np.r_[top, bottom[::-1]]]))
        bottom = top
    for bar, marker in zip(artists.bars, MARKERS):
        bar.set_height(result.markers[marker])
    artists.readout.set_text(f"{100 * result.share_in_range:.0f}% of particles 30-150 nm\n"
                             f"mode {result.mode_nm:.0f} nm\n"
                             f"calnexin {result.markers['calnexin']:.2f}")
    artists.title.set_text(title)
    bands = ", ".join(f"{m} {result.markers[m]:.2f}" for m in MARKERS)
    numbers = (f"{100 * result.share_in_range:.1f}% of particles are 30-150 nm across, the mode "
               f"is {result.mode_nm:.0f} nm; bands per equal particles: {bands}")
    return Description(
        f"Left: particle sizes of the preparation '{title}', stacked by kind of particle "
        f"(small EVs, larger vesicles, debris, aggregates); right: marker bands. {numbers}.",
        f"{numbers[0].upper() + numbers[1:]}.")
