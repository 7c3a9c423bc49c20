"""Figures of the non-coding RNA chapter: the Table 1 dial (RNA → target → blot → IC50).

Built once (``*_figure()``) and updated in place (``update_*()``), like every
figure module (see :mod:`widgets.figures.rendering`). The miR-21 comparison of
parental and resistant cells reuses the drugs chapter's dose-response figure.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure

from ..model.labels import format_ic50
from ..model.table1 import CURVE_HOURS, CURVE_SPAN, ContextResult, DialResult
from .machinery import blot_axes, blot_image
from .palette import CONTROL, OKABE_ITO, TREATED
from .rendering import Description, new_figure, nice_ceiling

MAX_BARS = 4           # up to three targets and the flux
LEVEL_AXIS_TOP = 2.5   # targets and flux; the axis rises (to a nice value) only if a bar needs it
TARGET_COLOUR = OKABE_ITO["sky_blue"]
FLUX_COLOUR = OKABE_ITO["purple"]
BLOT_LANES = ("drug", "drug\n+BafA1", "drug\n+RNA", "+RNA\n+BafA1")


@dataclass
class CurveArtists:
    """A dose-response axes: basal RNA (dashed), RNA as set (solid), IC50 marks, a text box."""

    ax: object
    basal_line: object
    changed_line: object
    ic50_marks: list
    text: object

    def dynamic(self) -> list:
        return [self.changed_line, self.basal_line, *self.ic50_marks, self.text]


def curve_artists(ax, xlabel: str, xlim: tuple[float, float], changed: str) -> CurveArtists:
    """Set up ``ax`` for two viability curves on a fixed log axis (fast redraws)."""
    (basal_line,) = ax.plot([], [], color=CONTROL, linestyle="--", linewidth=1.6,
                            label="basal RNA")
    # wide and translucent, drawn under the dashed basal curve: both show where they coincide
    (changed_line,) = ax.plot([], [], color=TREATED, linewidth=3.5, alpha=0.75, label=changed)
    ic50_marks = [ax.plot([], [], marker=marker, color=colour, markersize=7,
                          linestyle="none")[0]
                  for marker, colour in (("o", CONTROL), ("s", TREATED))]
    ax.set_xscale("log")
    ax.set_xlim(*xlim)
    ax.set_ylim(0.0, 1.05)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(f"viability at {CURVE_HOURS:g} h")
    ax.grid(alpha=0.3, which="both")
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    text = ax.text(0.98, 0.97, "", transform=ax.transAxes, ha="right", va="top", fontsize=8.5,
                   bbox={"facecolor": "white", "edgecolor": "0.7"})
    return CurveArtists(ax, basal_line, changed_line, ic50_marks, text)


def update_curves(artists: CurveArtists, x: np.ndarray, basal: np.ndarray, changed: np.ndarray,
                  ic50s: tuple[float, float], text: str) -> None:
    """Draw the two curves at positions ``x`` with their IC50s (same units as ``x``)."""
    artists.basal_line.set_data(x, basal)
    artists.changed_line.set_data(x, changed)
    low, high = artists.ax.get_xlim()
    for mark, value in zip(artists.ic50_marks, ic50s):
        inside = math.isfinite(value) and low <= value <= high
        mark.set_data([value] if inside else [], [0.5] if inside else [])
    artists.text.set_text(text)


@dataclass
class DialArtists:
    figure: Figure
    level_ax: object
    blot_ax: object
    curve_ax: object
    bars: object
    bar_labels: list
    basal_note: object
    band_image: object
    blot_text: object
    curves: CurveArtists
    title: object
    dynamic: list = field(default_factory=list)


def dial_figure() -> DialArtists:
    """Targets and flux (left), a virtual blot (middle), the dose-response curve (right)."""
    figure, (level_ax, blot_ax, curve_ax) = new_figure(
        1, 3, (9.6, 3.7), gridspec_kw={"width_ratios": [1.0, 0.9, 1.25]})
    positions = np.arange(MAX_BARS)
    bars = level_ax.barh(positions, np.zeros(MAX_BARS), 0.6, color=TARGET_COLOUR)
    level_ax.axvline(1.0, color=CONTROL, linestyle="--", linewidth=1.0)
    level_ax.set_xlim(0.0, LEVEL_AXIS_TOP)
    level_ax.set_ylim(MAX_BARS - 0.5, -0.5)
    level_ax.set_yticks([])
    level_ax.set_xlabel("relative to this line's basal\n(dashed = 1)")
    level_ax.set_title("Targets and flux", fontsize=10)
    level_ax.grid(axis="x", alpha=0.3)
    bar_labels = [level_ax.text(0.05, y, "", va="center", ha="left", fontsize=8.5)
                  for y in positions]
    basal_note = level_ax.text(0.03, 0.02, "", transform=level_ax.transAxes, ha="left",
                               va="bottom", fontsize=7.5, color="0.25")

    band_image = blot_axes(blot_ax, BLOT_LANES, "Virtual blot, 24 h", 10.0, 7.5)
    blot_text = blot_ax.text(0.5, -0.24, "", transform=blot_ax.transAxes, ha="center",
                             va="top", fontsize=8.5)

    curves = curve_artists(curve_ax, "drug concentration\n(× IC50 with basal RNA)",
                           (1.0 / CURVE_SPAN, CURVE_SPAN), "RNA as set")
    title = figure.suptitle("", fontsize=11)
    return DialArtists(figure, level_ax, blot_ax, curve_ax, bars, bar_labels, basal_note,
                       band_image, blot_text, curves, title,
                       [*bars, *bar_labels, basal_note, band_image, blot_text,
                        *curves.dynamic(), title])


def update_dial(artists: DialArtists, result: DialResult) -> Description:
    """Draw one :class:`DialResult`; return what the figure shows.

    Target proteins are shown relative to the row's own line with basal RNA, as the RNA level
    is, so that every row reads 1.00 at 1 × basal; where that line's basal protein differs
    from the parental line's (PTEN in Huh7-SR, with its high miR-21), a note says by how much.
    """
    own = {name: value / result.basal_targets[name] for name, value in result.targets.items()}
    items = list(own.items())[:MAX_BARS - 1] + [("flux", result.flux)]
    artists.level_ax.set_xlim(0.0, nice_ceiling(max(LEVEL_AXIS_TOP,
                                                    1.1 * max(value for _, value in items))))
    for i, (bar, label) in enumerate(zip(artists.bars, artists.bar_labels)):
        name, value = items[i] if i < len(items) else ("", 0.0)
        bar.set_width(value)
        bar.set_color(FLUX_COLOUR if name == "flux" else TARGET_COLOUR)
        label.set_text(f"{'autophagic flux' if name == 'flux' else name} {value:.2f}"
                       if name else "")
    image = blot_image(result.blot)
    artists.band_image.set_data(image)
    artists.band_image.set_extent((0, image.shape[1], image.shape[0], 0))
    turnover = (f"LC3 turnover: drug {result.blot.flux['control']:.2f}, "
                f"+ RNA {result.blot.flux['treated']:.2f}")
    artists.blot_text.set_text(turnover)
    shift = f"IC50 {format_ic50(result.ic50_basal_um)} → {format_ic50(result.ic50_um)}"
    basal_ic50 = result.ic50_basal_um
    update_curves(artists.curves, result.doses_um / basal_ic50, result.basal_viability,
                  result.viability, (1.0, result.ic50_um / basal_ic50), shift)
    drug = result.row.model_drug
    title = (f"{result.row.rna} {_setting(result.level)} in {result.row.model_cell_line}, "
             f"with {drug}")
    artists.title.set_text(title)
    proteins = ", ".join(f"{name} {value:.2f}" for name, value in own.items())
    differ = [f"{name} {value:.2f}" for name, value in result.basal_targets.items()
              if not math.isclose(value, 1.0)]
    note = (f"basal in {result.row.model_cell_line}: {', '.join(differ)} × parental"
            if differ else "")
    artists.basal_note.set_text(note.replace(": ", ":\n", 1))
    proteins += f" ({note})" if note else ""
    return Description(
        f"The Table 1 dial for {title}. Target protein relative to the line's basal: {proteins}; "
        f"autophagic flux after 24 h with {drug} {result.flux:.2f} times untreated. "
        f"Virtual western blot of p62, LC3-I, LC3-II and β-actin in four lanes (drug, drug with "
        f"bafilomycin A1, drug with the RNA changed, and with bafilomycin A1): {turnover}. "
        f"Viability at 72 h against {drug} concentration with basal RNA (dashed) and "
        f"with the RNA as set (solid): {shift}.",
        f"{proteins}; flux {result.flux:.2f}\n{turnover}\n{shift}")


def _setting(level: float) -> str:
    if level == 1.0:
        return "at its basal level"
    what = "mimic or overexpression" if level > 1.0 else "inhibitor or knockdown"
    return f"at {level:g} × basal ({what})"


@dataclass
class ContextsArtists:
    figure: Figure
    curves: list
    title: object
    dynamic: list = field(default_factory=list)


def contexts_figure(cell_lines: tuple[str, ...], xlim: tuple[float, float]) -> ContextsArtists:
    """One dose-response axes per cell line, side by side, on the same fixed dose axis (µM)."""
    figure, axes = new_figure(1, len(cell_lines), (8.4, 3.5), sharey=True)
    curves = []
    for ax, line in zip(np.atleast_1d(axes), cell_lines):
        curves.append(curve_artists(ax, "drug concentration (µM)", xlim, "RNA as set"))
        ax.set_title(line, fontsize=10)
    title = figure.suptitle("", fontsize=11)
    return ContextsArtists(figure, curves, title,
                           [a for c in curves for a in c.dynamic()] + [title])


def update_contexts(artists: ContextsArtists, results: list[ContextResult],
                    title: str) -> Description:
    """Draw each cell line's :class:`ContextResult`; return what the figure shows."""
    parts = []
    for curves, result in zip(artists.curves, results):
        shift = f"IC50 {format_ic50(result.ic50_basal_um)} → {format_ic50(result.ic50_um)}"
        flux = f"flux {result.flux_basal:.2f} → {result.flux:.2f}"
        update_curves(curves, result.doses_um, result.basal_viability, result.viability,
                      (result.ic50_basal_um, result.ic50_um), f"{shift}\n{flux}")
        parts.append((result.cell_line, shift, flux))
    artists.title.set_text(title)
    said = "; ".join(f"{line}: {shift}, {flux}" for line, shift, flux in parts)
    return Description(
        f"Viability at {CURVE_HOURS:g} h against drug concentration in "
        f"{' and '.join(line for line, _, _ in parts)}, with basal RNA (dashed) and {title} "
        f"(solid), and autophagic flux after 24 h of the drug at its IC50. {said}.",
        "\n".join(f"{line}: {shift}; {flux}" for line, shift, flux in parts))
