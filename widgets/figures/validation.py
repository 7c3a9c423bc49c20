"""The validation figure: the model's effect for each observation beside the reported direction."""
from __future__ import annotations

import math

from ..model.validation import NO_CHANGE, Comparison
from .palette import OKABE_ITO
from .rendering import Description, RenderedFigure, StaticFigure, new_figure, render_png

VERDICT_COLOURS = {"agrees": OKABE_ITO["green"], "same direction": OKABE_ITO["blue"],
                   "disagrees": OKABE_ITO["vermillion"]}
VERDICT_MARKERS = {"agrees": "o", "same direction": "s", "disagrees": "X"}
RAISING = ("up", "sensitised")


def _effect(comparison: Comparison) -> float:
    """log2 of the model's effect; for a reported number, log2(model / reported)."""
    if comparison.observed in RAISING or comparison.observed in ("down", "protected"):
        return math.log2(comparison.model_value)
    return math.log2(comparison.model_value / float(comparison.observed))


def validation_figure(comparisons: list[Comparison]):
    """A dot chart, one row per observation, ready for :func:`render_png`."""
    height = 0.9 + 0.42 * len(comparisons)
    figure, ax = new_figure(1, 1, (8.0, height))
    band = math.log2(1 + NO_CHANGE)
    ax.axvspan(-band, band, color="0.88", zorder=0, label="no change (within 5%)")
    ax.axvline(0.0, color="0.5", linewidth=0.8)
    for row, comparison in enumerate(comparisons):
        effect = _effect(comparison)
        reported = (f"▶ reported: {comparison.observed}" if comparison.observed in RAISING else
                    f"◀ reported: {comparison.observed}"
                    if comparison.observed in ("down", "protected") else
                    f"reported {comparison.observed} (x: model / reported)")
        ax.plot([effect], [row], linestyle="none", markersize=9,
                marker=VERDICT_MARKERS[comparison.verdict],
                color=VERDICT_COLOURS[comparison.verdict])
        ax.annotate(reported, (1.0, row), xycoords=("axes fraction", "data"), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=8)
    for verdict, colour in VERDICT_COLOURS.items():
        ax.plot([], [], linestyle="none", marker=VERDICT_MARKERS[verdict], color=colour,
                label=verdict)
    ax.set_yticks(range(len(comparisons)), labels=[c.id for c in comparisons], fontsize=8)
    ax.invert_yaxis()
    limit = max(1.0, 1.15 * max(abs(_effect(c)) for c in comparisons))
    ax.set_xlim(-limit, limit)
    ax.set_xlabel("model's effect, log2 (right: raises flux or LC3 ratio, or sensitises; "
                  "left: lowers or protects)", fontsize=8)
    ax.legend(loc="lower left", fontsize=7, frameon=False, ncol=4,
              bbox_to_anchor=(0.0, 1.0))
    ax.grid(axis="x", alpha=0.3)
    return StaticFigure(figure)


def describe(comparisons: list[Comparison]) -> Description:
    """Alternative text and key numbers of the validation figure."""
    rows = "; ".join(f"{c.id}: reported {c.observed}, model {c.model_reads}, {c.verdict}"
                     for c in comparisons)
    counts = {v: sum(c.verdict == v for c in comparisons) for v in VERDICT_COLOURS}
    summary = ", ".join(f"{n} {v}" for v, n in counts.items())
    return Description(f"Dot chart of the model's effect for {len(comparisons)} published "
                       f"observations it was not fitted to, beside the reported direction. "
                       f"{rows}.", f"Of {len(comparisons)} observations: {summary}.")


def validation_output(comparisons: list[Comparison]) -> RenderedFigure:
    """The figure as a notebook output: HTML with alt text and key numbers, the PNG in print."""
    artists = validation_figure(comparisons)
    return RenderedFigure(render_png(artists), describe(comparisons))
