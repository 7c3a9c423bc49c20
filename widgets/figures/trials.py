"""Figures of the clinical translation chapter: a virtual trial's Kaplan-Meier curves, and power.

Built once (``*_figure()``) and updated in place (``update_*()``), like every
figure module (see :mod:`widgets.figures.rendering`).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

from ..model.trials import AT_RISK_MONTHS, TUMOUR_TYPES, TrialResult
from .palette import CONTROL, INHIBITED, OKABE_ITO, TREATED
from .rendering import Description, new_figure, nice_ceiling

ARM_COLOURS = (CONTROL, TREATED)
TYPE_COLOURS = {"accomplice": OKABE_ITO["green"], "neutral": "0.75",
                "antagonist": OKABE_ITO["vermillion"]}
TYPE_LABELS = {"accomplice": "autophagy protects\n(accomplice)", "neutral": "no role (neutral)",
               "antagonist": "autophagy kills\n(antagonist)"}
POWER_COLOURS = {"all comers": TREATED, "enriched": OKABE_ITO["green"],
                 "reference": CONTROL}
STRIP_RANGE = (0.5, 2.0)   # the hazard-ratio strip shows at least this range, on a log axis
STRIP_TICKS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 20.0)


@dataclass(frozen=True)
class HazardRatioSpread:
    """How the hazard ratios of trials of one design spread by chance.

    Attributes
    ----------
    true_ratio : float
        The hazard ratio of a very large trial of the design (the true effect).
    pool_size : int
        How many seeded trials of the design the quartiles come from.
    quartiles : (float, float)
        The 25th and 75th percentiles of their hazard ratios.
    more : tuple of float
        Hazard ratios of further trials of the design to show as dots (may be empty).
    """

    true_ratio: float
    pool_size: int
    quartiles: tuple[float, float]
    more: tuple[float, ...] = ()


@dataclass
class TrialArtists:
    figure: Figure
    km_ax: object
    kinds_ax: object
    curves: list
    censor_marks: list
    at_risk_texts: list
    arm_labels: list
    summary: object
    kind_bars: dict
    strip_ax: object
    quartile_band: object
    true_line: object
    this_trial: object
    more_trials: object
    strip_legend: object
    title: object
    dynamic: list = field(default_factory=list)


def trial_figure(months: float) -> TrialArtists:
    """Kaplan-Meier curves with numbers at risk (left), who was enrolled (right), and below,
    where this trial's hazard ratio falls among trials of the same design."""
    figure, ((km_ax, kinds_ax), *bottom) = new_figure(
        2, 2, (8.6, 5.4), gridspec_kw={"width_ratios": [2.4, 1.0], "height_ratios": [4.2, 1.0]})
    for ax in bottom[0]:
        ax.remove()
    strip_ax = figure.add_subplot(km_ax.get_gridspec()[1, :])   # one strip under both
    curves = [km_ax.plot([], [], color=colour, linewidth=2.0, drawstyle="steps-post")[0]
              for colour in ARM_COLOURS]
    censor_marks = [km_ax.plot([], [], color=colour, marker="|", markersize=7,
                               linestyle="none")[0] for colour in ARM_COLOURS]
    km_ax.set_xlim(0.0, months)
    km_ax.set_ylim(-0.32, 1.02)
    km_ax.set_yticks([0.0, 0.25, 0.5, 0.75, 1.0])
    km_ax.axhline(0.5, color="0.75", linewidth=0.8, linestyle=":")
    km_ax.axhline(-0.04, color="0.6", linewidth=0.6)
    km_ax.set_xticks(AT_RISK_MONTHS)
    km_ax.set_xlabel("months from entry")
    km_ax.set_ylabel("overall survival (Kaplan–Meier)")
    km_ax.grid(alpha=0.3)
    km_ax.text(0.0, -0.09, "at risk", fontsize=8, ha="left", va="center", color="0.3")
    at_risk_texts = [[km_ax.text(m, -0.16 - 0.09 * row, "", fontsize=8, ha="center",
                                 va="center", color=colour) for m in AT_RISK_MONTHS]
                     for row, colour in enumerate(ARM_COLOURS)]
    arm_labels = [km_ax.text(0.98, 0.97 - 0.07 * row, "", transform=km_ax.transAxes,
                             ha="right", va="top", fontsize=9, color=colour)
                  for row, colour in enumerate(ARM_COLOURS)]
    summary = km_ax.text(0.98, 0.80, "", transform=km_ax.transAxes, ha="right", va="top",
                         fontsize=8.5, bbox={"facecolor": "white", "edgecolor": "0.7"})
    positions = np.arange(2)
    kind_bars = {}
    bottom = np.zeros(2)
    for kind in TUMOUR_TYPES:
        kind_bars[kind] = kinds_ax.bar(positions, np.zeros(2), 0.6, bottom=bottom,
                                       color=TYPE_COLOURS[kind], label=TYPE_LABELS[kind])
    kinds_ax.set_xticks(positions, labels=["control\narm", "treated\narm"])
    kinds_ax.set_ylim(0.0, 1.0)
    kinds_ax.set_ylabel("share of patients")
    kinds_ax.set_title("Tumours enrolled", fontsize=10)
    kinds_ax.legend(fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.18),
                    ncol=1)
    strip = _strip_artists(strip_ax)
    title = figure.suptitle("", fontsize=11)
    patches = [patch for bars in kind_bars.values() for patch in bars]
    return TrialArtists(figure, km_ax, kinds_ax, curves, censor_marks, at_risk_texts,
                        arm_labels, summary, kind_bars, strip_ax, *strip, title,
                        [*curves, *censor_marks, *[t for row in at_risk_texts for t in row],
                         *arm_labels, summary, *patches, *strip, title])


def _strip_artists(ax) -> tuple:
    """The hazard-ratio strip: no effect (1), the middle half of many trials, the true effect,
    this trial and, when asked for, more trials of the same design."""
    ax.set_xscale("log")
    ax.set_ylim(0.0, 1.0)
    ax.set_yticks([])
    ax.axvline(1.0, color="0.6", linewidth=0.8, linestyle=":")
    ax.set_xlabel("hazard ratio (log scale; below 1 the second arm lives longer)")
    ax.grid(alpha=0.3, axis="x", which="both")
    band = ax.axvspan(0.9, 1.1, color="0.88", zorder=0, label="middle half of trials")
    (true_line,) = ax.plot([], [], color=INHIBITED, linewidth=2.0, label="true effect")
    (more,) = ax.plot([], [], color=CONTROL, marker="o", markersize=5, linestyle="none",
                      markerfacecolor="white", label="more trials")
    (this,) = ax.plot([], [], color=TREATED, marker="D", markersize=9, linestyle="none",
                      label="this trial")
    legend = ax.legend(fontsize=8, frameon=False, loc="lower left", bbox_to_anchor=(0.0, 1.0),
                       ncol=4, borderaxespad=0.2)
    ax.xaxis.set_major_locator(FixedLocator(STRIP_TICKS))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    return band, true_line, this, more, legend


def _strip_limits(values) -> tuple[float, float]:
    """Nice log-axis limits holding ``values`` and at least ``STRIP_RANGE``."""
    low = min(STRIP_RANGE[0], 0.9 * min(values))
    high = max(STRIP_RANGE[1], 1.1 * max(values))
    return 1.0 / nice_ceiling(1.0 / low), nice_ceiling(high)


def _update_strip(artists: TrialArtists, hazard_ratio: float, spread: HazardRatioSpread) -> str:
    """Draw the strip; return what it shows, in words."""
    more = np.asarray(spread.more, dtype=float)
    low, high = spread.quartiles
    artists.quartile_band.set_x(low)
    artists.quartile_band.set_width(high - low)
    artists.true_line.set_data([spread.true_ratio] * 2, [0.0, 1.0])
    artists.this_trial.set_data([hazard_ratio], [0.5])
    # a fixed, seeded scatter up and down so that equal ratios do not hide each other
    heights = 0.2 + 0.6 * np.random.default_rng(0).random(more.size)
    artists.more_trials.set_data(more, heights)
    # the legend names the dots only when there are dots
    for handle, text in zip(artists.strip_legend.legend_handles, artists.strip_legend.texts):
        if text.get_text() == artists.more_trials.get_label():
            handle.set_visible(bool(more.size))
            text.set_visible(bool(more.size))
    artists.strip_ax.set_xlim(*_strip_limits([hazard_ratio, spread.true_ratio, low, high,
                                              *more]))
    said = (f"true effect (very large trial) {spread.true_ratio:.2f}; middle half of "
            f"{spread.pool_size} trials of this design {low:.2f}–{high:.2f}")
    if more.size:
        above = int(np.sum(more > spread.true_ratio))
        said += (f"; {more.size} more trials: {more.min():.2f} to {more.max():.2f}, {above} "
                 f"above and {more.size - above} below the true effect")
    return said


def _median_text(months: float) -> str:
    return "not reached" if math.isinf(months) else f"{months:.1f} mo"


def update_trial(artists: TrialArtists, trial: TrialResult, title: str,
                 spread: HazardRatioSpread) -> Description:
    """Draw one :class:`TrialResult` and where its hazard ratio falls in ``spread``; return
    what the figure shows."""
    for i, arm in enumerate(trial.arms):
        times, survival = trial.km[arm]
        times = np.append(times, trial.months)
        survival = np.append(survival, survival[-1])
        artists.curves[i].set_data(times, survival)
        censored = trial.times[arm][~trial.events[arm]]
        artists.censor_marks[i].set_data(censored, np.interp(censored, times, survival))
        for text, count in zip(artists.at_risk_texts[i], trial.at_risk[arm]):
            text.set_text(str(count))
        artists.arm_labels[i].set_text(f"{arm}: median {_median_text(trial.median_os[arm])}")
        shares = np.bincount(trial.tumour_types[arm], minlength=len(TUMOUR_TYPES)) / \
            trial.n_per_arm
        bottom = 0.0
        for kind, share in zip(TUMOUR_TYPES, shares):
            bar = artists.kind_bars[kind][i]
            bar.set_y(bottom)
            bar.set_height(share)
            bottom += share
    low, high = trial.hazard_ratio_ci
    verdict = f"HR {trial.hazard_ratio:.2f} (95% CI {low:.2f}–{high:.2f})"
    p_text = "p < 0.001" if trial.logrank_p < 0.001 else f"p = {trial.logrank_p:.3f}"
    artists.summary.set_text(f"{verdict}\nlog-rank {p_text}")
    artists.title.set_text(title)
    strip = _update_strip(artists, trial.hazard_ratio, spread)
    control, treated = trial.arms
    medians = (f"median overall survival {_median_text(trial.median_os[control])} ({control}) "
               f"and {_median_text(trial.median_os[treated])} ({treated})")
    return Description(
        f"Kaplan–Meier curves of overall survival for {title}, {trial.n_per_arm} patients per "
        f"arm followed up to {trial.months:g} months: {medians}; hazard ratio "
        f"{trial.hazard_ratio:.2f} (95% CI {low:.2f}–{high:.2f}), log-rank {p_text}. Numbers at "
        f"risk at {', '.join(f'{m:g}' for m in AT_RISK_MONTHS)} months: "
        f"{control} {', '.join(map(str, trial.at_risk[control]))}; "
        f"{treated} {', '.join(map(str, trial.at_risk[treated]))}. A bar chart shows the share "
        "of each arm whose tumour uses autophagy as an accomplice, is neutral, or uses it as "
        f"an antagonist. A strip below places this trial's hazard ratio among trials of the "
        f"same design: {strip}.",
        f"{medians}\n{verdict}; log-rank {p_text}\nHazard ratios: {strip}")


@dataclass
class PowerArtists:
    figure: Figure
    ax: object
    lines: dict
    summary: object
    title: object
    dynamic: list = field(default_factory=list)


def power_figure(sizes: tuple[int, ...], marks: dict[str, int], alpha: float) -> PowerArtists:
    """Power against patients per arm on fixed axes, with the designs in ``marks`` marked."""
    figure, ax = new_figure(1, 1, (7.6, 3.9))
    # All comers wide and translucent under the thinner enriched line with open squares:
    # both stay visible where the two designs have the same power.
    styles = {"all comers": {"linewidth": 4.0, "alpha": 0.7, "marker": "o", "markersize": 4},
              "enriched": {"linewidth": 1.6, "marker": "s", "markersize": 5,
                           "markerfacecolor": "white"},
              "reference": {"linewidth": 1.4, "linestyle": "--", "marker": "o",
                            "markersize": 4}}
    lines = {name: ax.plot([], [], color=colour, label=label, **styles[name])[0]
             for (name, colour), label in zip(POWER_COLOURS.items(),
                                              ("add HCQ, all comers", "add HCQ, enriched",
                                               "sorafenib vs placebo"))}
    ax.set_xscale("log")
    ax.set_xlim(sizes[0] * 0.9, sizes[-1] * 1.1)
    ax.set_ylim(0.0, 1.02)
    ax.axhline(0.8, color="0.6", linewidth=0.8, linestyle=":")
    ax.axhline(alpha, color="0.6", linewidth=0.8, linestyle=":")
    ax.text(sizes[0], 0.81, "80% power", fontsize=8, color="0.4", va="bottom")
    ax.text(sizes[0], alpha + 0.01, f"α = {alpha:g}", fontsize=8, color="0.4", va="bottom")
    for label, n in marks.items():
        ax.axvline(n, color="0.5", linewidth=0.9)
        ax.text(n, 1.0, f" {label}", rotation=90, fontsize=8, va="top", ha="right", color="0.3")
    ax.set_xlabel("patients per arm")
    ax.set_ylabel("power (share of trials with p < α)")
    ax.grid(alpha=0.3, which="both")
    ax.legend(fontsize=8, frameon=False, loc="center left")
    summary = ax.text(0.98, 0.52, "", transform=ax.transAxes, ha="right", va="top",
                      fontsize=8.5, bbox={"facecolor": "white", "edgecolor": "0.7"})
    title = figure.suptitle("", fontsize=11)
    return PowerArtists(figure, ax, lines, summary, title,
                        [*lines.values(), summary, title])


def update_power(artists: PowerArtists, sizes: tuple[int, ...], powers: dict[str, np.ndarray],
                 hazard_ratios: dict[str, float], title: str) -> Description:
    """Draw power curves (``"all comers"``, ``"enriched"``, ``"reference"``) and their HRs."""
    for name, line in artists.lines.items():
        line.set_data(sizes, powers[name])
    artists.summary.set_text(
        "hazard ratio of a very large trial\n"
        f"add HCQ, all comers: {hazard_ratios['all comers']:.3f}\n"
        f"add HCQ, enriched: {hazard_ratios['enriched']:.3f}\n"
        f"sorafenib vs placebo: {hazard_ratios['reference']:.3f}")
    artists.title.set_text(title)
    at = {name: ", ".join(f"{n}: {p:.2f}" for n, p in zip(sizes, values))
          for name, values in powers.items()}
    return Description(
        f"Power against the number of patients per arm for {title}, for adding "
        f"hydroxychloroquine to sorafenib in all comers ({at['all comers']}) and in a trial "
        f"enriched for autophagy-dependent tumours ({at['enriched']}), beside sorafenib against "
        f"placebo ({at['reference']}). Hazard ratios of very large trials: all comers "
        f"{hazard_ratios['all comers']:.3f}, enriched {hazard_ratios['enriched']:.3f}, "
        f"sorafenib against placebo {hazard_ratios['reference']:.3f}.",
        f"Hazard ratios of very large trials: all comers {hazard_ratios['all comers']:.3f}, "
        f"enriched {hazard_ratios['enriched']:.3f}, sorafenib vs placebo "
        f"{hazard_ratios['reference']:.3f}\n"
        f"Power with 34 and 300 per arm, all comers: "
        f"{_power_at(sizes, powers['all comers'], 34)}, "
        f"{_power_at(sizes, powers['all comers'], 300)}; enriched: "
        f"{_power_at(sizes, powers['enriched'], 34)}, "
        f"{_power_at(sizes, powers['enriched'], 300)}")


def _power_at(sizes: tuple[int, ...], powers: np.ndarray, n: int) -> str:
    return f"{powers[sizes.index(n)]:.2f}" if n in sizes else "–"
