"""Panels of the clinical translation chapter: a virtual trial, and power against trial size.

Each panel is declared once (:class:`~widgets.panels.declaration.Panel`) and built live in a
kernel or precomputed for the static site. Power needs thousands of simulated trials, so
the power panel declares them as slow results: a live kernel computes every choice when the
panel is made, the in-browser Python is handed the build's, and moving a control only redraws.
The virtual trial places each trial among 120 seeded trials of its design: a kernel simulates
them on a click, the in-browser Python is handed the build's summary of every design.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np

from ..figures import trials as figures
from ..figures.trials import HazardRatioSpread
from ..model import pharmacodynamics as pd
from ..model.data_files import data_cache, parameter_values
from ..model.trials import (power_curve, replicate_hazard_ratios, standard_dose_label,
                            standard_dose_mg_per_day, virtual_trial)
from .controls import NONE
from .declaration import Panel, SlowResults, build, choice, number, panel_factory

if TYPE_CHECKING:
    from .ipywidgets_build import PanelBox

MONTHS = 24.0
HCQ = "hydroxychloroquine"
# "" (no add-on) is the trial of sorafenib against placebo, as in SHARP
COMPARISONS = (("sorafenib vs placebo (as in SHARP)", NONE),
               ("sorafenib vs sorafenib + HCQ", "add_hcq"))
HCQ_MULTIPLES = (0.5, 1.0, 1.5, 3.0, 10.0)
POWER_HCQ_MULTIPLES = (1.0, 3.0, 10.0)
PATIENTS = (20, 34, 50, 100, 150, 200, 300, 500)
SHARES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
POWER_SHARES = (0.2, 0.4, 0.6, 0.8)
# Which trial of the design to show: the typical one (hazard ratio nearest the median of
# POOL seeded trials), one at each quartile (a fair pair, one either side), or the typical
# one beside MORE_TRIALS further seeded trials.
REPLICATES = (("median trial", "median"), ("lower quartile", "lower"),
              ("upper quartile", "upper"), ("20 more trials", "more"))
QUANTILES = {"median": 0.5, "lower": 0.25, "upper": 0.75, "more": 0.5}
POOL = 100
MORE_TRIALS = 20
POWER_SIZES = (10, 20, 34, 50, 100, 200, 300, 500)
POWER_TRIALS = 500
LARGE_TRIAL = 20_000
MARKS = {"34 per arm (the planned 68)": 34, "SHARP (299 per arm)": 299}


def hcq_dose(multiple: float) -> str:
    """A multiple of the standard HCQ dose as mg per day, e.g. 'HCQ 1200 mg/day'."""
    return f"HCQ {multiple * standard_dose_mg_per_day(HCQ):g} mg/day"


def hcq_label(multiple: float) -> str:
    """:func:`hcq_dose`, noting a dose no patient tolerates (as the dose control offers it)."""
    note = " (cell-culture level; not tolerated)" if multiple >= 10 else ""
    return f"{hcq_dose(multiple)}{note}"


def trial_arms(comparison: str, hcq_multiple: float) -> dict:
    """The two arms of a comparison (see ``COMPARISONS``: ``""`` or ``"add_hcq"``), control first."""
    if comparison == NONE:
        return {"placebo": {}, "sorafenib": {"sorafenib": 1.0}}
    return {"sorafenib": {"sorafenib": 1.0},
            "sorafenib + HCQ": {"sorafenib": 1.0, HCQ: hcq_multiple}}


def _hcq_choice(multiples: tuple[float, ...], static: tuple[float, ...] = ()):
    return choice("hcq", "HCQ dose", [(hcq_label(m), m) for m in multiples], 1.0, static,
                  kind="dropdown", mention="the hydroxychloroquine dose")


def _share_control(values: tuple[float, ...], static: tuple[float, ...] = ()):
    return number("share", "dependent", values, 0.4, lambda s: f"{s:.0%}",
                  static, mention="the share of autophagy-dependent tumours")


@panel_factory
def virtual_trial_panel() -> Panel:
    """The virtual trial, declared: comparison, size, replicate, HCQ dose and tumours enrolled.

    A share of 100% autophagy-dependent tumours is a trial enriched by a perfect biomarker.
    """
    controls = (choice("comparison", "trial", COMPARISONS, "add_hcq", (NONE, "add_hcq"),
                       kind="dropdown", mention="the comparison"),
                number("n", "patients", PATIENTS, 34, lambda n: f"{n:g} per arm", (34, 100, 300),
                       mention="the number of patients per arm"),
                choice("replicate", "trial shown", REPLICATES, "median",
                       [value for _, value in REPLICATES],
                       mention="which trial of the design (typical, either quartile, or 20 "
                               "more)"),
                _hcq_choice(HCQ_MULTIPLES),
                _share_control(SHARES))

    every_design = SlowResults(design_summary, tuple(
        (comparison, n, multiple, share) for _, comparison in COMPARISONS for n in PATIENTS
        for multiple in (HCQ_MULTIPLES if comparison == "add_hcq" else (_NO_HCQ,))
        for share in SHARES), on_open=False)

    def draw(artists, values):
        comparison, n = values["comparison"], int(values["n"])
        hcq, share, shown = float(values["hcq"]), float(values["share"]), values["replicate"]
        seeds, every = design_summary(comparison, n, hcq if comparison == "add_hcq" else _NO_HCQ,
                                      share)
        trial = virtual_trial(trial_arms(comparison, hcq), n, MONTHS, seeds[shown],
                              dependent_share=share)
        design = ("enriched: only autophagy-dependent" if share == 1.0
                  else f"{share:.0%} autophagy-dependent")
        added = f", {hcq_dose(hcq)}" if comparison == "add_hcq" else ""
        which = {"lower": "lower-quartile", "upper": "upper-quartile"}.get(shown, "median")
        return figures.update_trial(
            artists, trial, f"{' vs '.join(trial.arms)}{added}; {design}; {which} trial",
            every if shown == "more" else dataclasses.replace(every, more=()))

    return Panel(controls, lambda: figures.trial_figure(MONTHS), draw,
                 "Left: Kaplan–Meier curves of overall survival in the two arms of one virtual "
                 "trial, with censored patients as ticks and the numbers still at risk below; "
                 "the box gives the hazard ratio (second arm against the first) with its 95% "
                 "confidence interval and the log-rank p. Right: the share of each arm whose "
                 "tumour uses autophagy as an accomplice, is neutral, or uses it as an "
                 f"antagonist. Below: the trial's hazard ratio (diamond) among {POOL} seeded "
                 "trials of the same design (the shaded middle half) and the true effect, the "
                 f"hazard ratio of a very large trial; '{MORE_TRIALS} more trials' adds their "
                 f"hazard ratios as dots, so that chance is seen as a spread. Patients enter "
                 f"over {parameter_values()['accrual_months']:g} months and are analysed at "
                 f"{MONTHS:g} "
                 f"months; sorafenib is {standard_dose_label('sorafenib')}. A didactic model, "
                 "not a prediction for patients.", slow_results=every_design)


@data_cache
def pool_hazard_ratios(comparison: str, n: int, hcq_multiple: float, share: float,
                       first: int = 0, count: int = POOL) -> np.ndarray:
    """Hazard ratios of the trials with seeds ``first`` to ``first + count - 1`` of a design."""
    return replicate_hazard_ratios(trial_arms(comparison, hcq_multiple), n,
                                   range(first, first + count), MONTHS, dependent_share=share)


def chosen_seed(comparison: str, n: int, hcq_multiple: float, share: float,
                quantile: float) -> int:
    """The seed, of ``POOL``, whose trial's hazard ratio is nearest their ``quantile``.

    0.5 gives a typical trial of the design; 0.25 and 0.75 a fair pair, one either side.
    """
    ratios = pool_hazard_ratios(comparison, n, hcq_multiple, share)
    return int(np.argmin(np.abs(np.log(ratios) - np.log(np.quantile(ratios, quantile)))))


@data_cache
def true_hazard_ratio(comparison: str, hcq_multiple: float, share: float) -> float:
    """The hazard ratio of a very large trial of the design (``LARGE_TRIAL`` per arm, seed 1)."""
    return float(replicate_hazard_ratios(trial_arms(comparison, hcq_multiple), LARGE_TRIAL, (1,),
                                         MONTHS, dependent_share=share)[0])


def spread(comparison: str, n: int, hcq_multiple: float, share: float,
           more: bool) -> HazardRatioSpread:
    """How trials of the design spread: the pool's quartiles, the true effect and, if
    ``more``, the ``MORE_TRIALS`` trials seeded after the pool."""
    ratios = pool_hazard_ratios(comparison, n, hcq_multiple, share)
    extra = (tuple(pool_hazard_ratios(comparison, n, hcq_multiple, share, POOL, MORE_TRIALS))
             if more else ())
    low, high = np.quantile(ratios, (0.25, 0.75))
    return HazardRatioSpread(true_hazard_ratio(comparison, hcq_multiple, share), POOL,
                             (float(low), float(high)), extra)


# Sorafenib against placebo gives no HCQ: its designs are those at the standard HCQ dose.
_NO_HCQ = 1.0


@data_cache
def design_summary(comparison: str, n: int, hcq_multiple: float,
                   share: float) -> tuple[dict[str, int], HazardRatioSpread]:
    """What the virtual trial shows of a design besides the trial itself.

    Returns
    -------
    tuple
        The seed of the trial each choice of ``REPLICATES`` shows (by its value), and the
        spread of the design's trials with the ``MORE_TRIALS`` further hazard ratios.
    """
    seeds = {shown: chosen_seed(comparison, n, hcq_multiple, share, quantile)
             for shown, quantile in QUANTILES.items()}
    return seeds, spread(comparison, n, hcq_multiple, share, more=True)


def virtual_trial_explorer() -> PanelBox:
    """The virtual trial (see the panel)."""
    return build(virtual_trial_panel())


@data_cache
def power_results(hcq_multiple: float, share: float) -> tuple[dict, dict]:
    """Power curves and very large trials' hazard ratios of the three designs the panel draws.

    Returns ``(powers, hazard_ratios)``, each keyed "all comers", "enriched" and "reference"
    (sorafenib against placebo); powers are at ``POWER_SIZES`` patients per arm.
    """
    arms = trial_arms("add_hcq", hcq_multiple)
    reference = trial_arms(NONE, hcq_multiple)
    designs = {"all comers": (arms, None), "enriched": (arms, "autophagy_dependent"),
               "reference": (reference, None)}
    powers = {name: power_curve(a, POWER_SIZES, POWER_TRIALS, 0, 0.05, MONTHS, enrichment,
                                share) for name, (a, enrichment) in designs.items()}
    ratios = {name: virtual_trial(a, LARGE_TRIAL, MONTHS, 1, enrichment, share).hazard_ratio
              for name, (a, enrichment) in designs.items()}
    return powers, ratios


@panel_factory
def power_panel() -> Panel:
    """Power against patients per arm, declared: HCQ dose and share of dependent tumours."""
    controls = (_hcq_choice(POWER_HCQ_MULTIPLES, POWER_HCQ_MULTIPLES),
                _share_control(POWER_SHARES, (0.4, 0.8)))
    every_choice = SlowResults(power_results, tuple(
        (multiple, share) for multiple in POWER_HCQ_MULTIPLES for share in POWER_SHARES))

    def draw(artists, values):
        multiple, share = float(values["hcq"]), float(values["share"])
        powers, ratios = power_results(multiple, share)
        return figures.update_power(artists, POWER_SIZES, powers, ratios,
                                    f"{hcq_dose(multiple)}, {share:.0%} autophagy-dependent "
                                    "tumours among all comers")

    return Panel(controls, lambda: figures.power_figure(POWER_SIZES, MARKS, 0.05), draw,
                 f"Power, the share of {POWER_TRIALS} simulated trials whose log-rank p is "
                 "below 0.05, against the number of patients per arm: adding hydroxychloroquine "
                 "to sorafenib in all comers and in a trial that enrols only "
                 "autophagy-dependent tumours (a perfect biomarker), beside sorafenib against "
                 f"placebo. Each trial is analysed at {MONTHS:g} months. The box gives the hazard "
                 "ratio of a very large trial of each design. A didactic model, not a prediction "
                 "for patients.", slow_results=every_choice)


def power_explorer() -> PanelBox:
    """Power against trial size (see the panel)."""
    return build(power_panel())


PANELS = (virtual_trial_panel, power_panel)


# The pharmacodynamic read-out: blood-cell LC3-II and p62 beside the tumour cells.

PD_DOSES = (200.0, 400.0, 600.0, 800.0, 1200.0)
PD_RATIOS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
PD_CURVE_DOSES = np.linspace(0.0, 1300.0, 53)


@data_cache
def pharmacodynamic_curves() -> tuple[dict, tuple, np.ndarray]:
    """Typical blood-cell LC3-II and p62, the patients' LC3-II range and the detectable share.

    Returns ``(typical, lc3_range, shares)`` at ``PD_CURVE_DOSES`` mg/day.
    """
    typical = {name: np.array([pd.blood_read_outs(d)[name] for d in PD_CURVE_DOSES])
               for name in ("lc3_ii", "p62")}
    ranges = [pd.patient_range(d)["lc3_ii"] for d in PD_CURVE_DOSES]
    lc3_range = (np.array([r[0] for r in ranges]), np.array([r[1] for r in ranges]))
    shares = np.array([pd.detectable_share(d) for d in PD_CURVE_DOSES])
    return typical, lc3_range, shares


@panel_factory
def pharmacodynamics_panel() -> Panel:
    """The trials' pharmacodynamic read-out, declared: HCQ dose and tumour/blood HCQ ratio."""
    controls = (choice("dose", "HCQ dose", [(f"{d:g} mg/day", d) for d in PD_DOSES], 400.0,
                       (400.0, 600.0, 1200.0), kind="dropdown", mention="the HCQ dose"),
                choice("ratio", "tumour HCQ", [(f"{r:g} × blood", r) for r in PD_RATIOS],
                       1.0, (0.25, 1.0, 4.0), kind="dropdown",
                       mention="the HCQ concentration in the tumour relative to blood"))

    def make_figure():
        typical, lc3_range, shares = pharmacodynamic_curves()
        return figures.pharmacodynamics_figure(
            PD_CURVE_DOSES, typical, lc3_range, shares,
            pd.pd_parameters()["pbmc_lc3_ii_rise_threshold"], pd.observations())

    def draw(artists, values):
        dose, ratio = float(values["dose"]), float(values["ratio"])
        read_outs = {"blood": pd.blood_read_outs(dose),
                     "tumour": pd.tumour_read_outs(dose, ratio)}
        return figures.update_pharmacodynamics(artists, dose, ratio, read_outs,
                                               pd.detectable_share(dose),
                                               pd.patient_range(dose)["lc3_ii"])

    return Panel(controls, make_figure, draw,
                 "Left: LC3-II and p62 in the blood cells (PBMCs) of virtual patients against "
                 "the HCQ dose, relative to before treatment, for the typical patient (lines) "
                 "and the spread of LC3-II between patients (band); the dashed line is the rise "
                 "counted as a detectable block. Middle: the share of patients with such a rise, "
                 "beside the counts of the glioblastoma trial that calibrated it. Right: at the "
                 "chosen dose, LC3-II, p62 and flux of the blood cells and of the virtual trial's "
                 "autophagy-dependent tumour cells on sorafenib, each relative to the same cells "
                 "without HCQ. A didactic model, not a prediction for patients.")


def pharmacodynamics_explorer() -> PanelBox:
    """Blood-cell LC3-II and p62 under HCQ beside the tumour cells (see the panel)."""
    return build(pharmacodynamics_panel())


PANELS = (*PANELS, pharmacodynamics_panel)
