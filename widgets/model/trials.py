"""Virtual clinical trials on the book's cell-fate model: survival, Kaplan-Meier, log-rank, power.

A didactic model, not a prediction for patients. Each virtual patient has a
tumour of one of three kinds, by the role autophagy plays in it under the drug:

* ``accomplice`` — autophagy protects the tumour cells (the parental Huh7 line
  of the model), so an autophagy inhibitor adds to the drug;
* ``neutral`` — autophagy makes no difference (Huh7 with the inhibitor ignored);
* ``antagonist`` — autophagy helps kill (the sorafenib-resistant Huh7-SR line),
  so an inhibitor protects the tumour.

An arm maps compounds to multiples of their standard clinical dose
(``data/clinical_exposure.csv``): 1.0 gives the concentration patients reach at
that dose, and each patient's exposure is that times a log-normal factor
(pharmacokinetics and sensitivity). The tumour's response is the model's cell
loss, ``-ln(viability)``, after ``trial_exposure_hours`` at that exposure, and
it lowers the patient's hazard of death: ``lambda = lambda_0 exp(-beta * loss)``,
with ``lambda_0`` from the placebo arm of SHARP and ``beta`` calibrated so that
sorafenib against placebo gives SHARP's hazard ratio. Survival times are
exponential given the hazard; patients enter uniformly over the accrual period
and are censored at the analysis, ``months`` after the first entry.

Kaplan-Meier curves and the log-rank test of one trial come from
:mod:`scipy.stats` (``ecdf`` on censored data, ``logrank``); the hazard ratio is
the ratio of deaths per patient-month, the maximum-likelihood estimate when
hazards are constant (a Cox model agrees with it; the tests compare the two).
Power needs thousands of trials, so :func:`trial_power` uses a vectorised
log-rank statistic that the tests check against :func:`scipy.stats.logrank`. SciPy is
imported by the functions that use it, so that ``import widgets`` does not load it.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from .api import simulate_many
from .data_files import data_cache, parameter_values, read_table
from .labels import compounds_with_role
from .names import (MAX_MONTHS, MAX_PATIENTS_PER_ARM, MAX_SEED, MAX_SIMULATED_PATIENTS, MAX_TRIALS,
                    canonical_name, checked_budget, checked_number, checked_whole, short_repr)
from .scenario import make_experiment

TUMOUR_TYPES: tuple[str, ...] = ("accomplice", "neutral", "antagonist")
TYPE_LINES = {"accomplice": "Huh7", "neutral": "Huh7", "antagonist": "Huh7-SR"}
ENRICHMENTS: tuple[str, ...] = ("autophagy_dependent",)
AT_RISK_MONTHS: tuple[float, ...] = (0.0, 6.0, 12.0, 18.0, 24.0)
EXPOSURE_FACTORS = np.geomspace(1.0 / 64.0, 64.0, 61)   # grid of a patient's exposure factor
_AUTOPHAGY_MODULATORS = frozenset(compounds_with_role("late-stage inhibitor",
                                                      "early-stage inhibitor"))


def _exposure_rows() -> dict[str, dict[str, str]]:
    return {row["compound"]: row for row in read_table("clinical_exposure.csv")}


TRIAL_COMPOUNDS: tuple[str, ...] = tuple(_exposure_rows())


def clinical_exposure_um(compound: str) -> float:
    """Concentration (µM) patients reach at the standard clinical dose of ``compound``."""
    name = canonical_name(compound, TRIAL_COMPOUNDS, "trial compound")
    return float(_exposure_rows()[name]["exposure_um"])


def standard_dose_mg_per_day(compound: str) -> float:
    """The standard clinical dose of ``compound`` in mg per day (multiple 1.0 of an arm)."""
    name = canonical_name(compound, TRIAL_COMPOUNDS, "trial compound")
    return float(_exposure_rows()[name]["standard_dose"])


def standard_dose_label(compound: str) -> str:
    """The printed standard clinical dose, e.g. ``"400 mg twice daily"``."""
    name = canonical_name(compound, TRIAL_COMPOUNDS, "trial compound")
    return _exposure_rows()[name]["dose_unit_label"]


@dataclass(frozen=True)
class TrialResult:
    """One virtual trial of two arms.

    Attributes
    ----------
    arms : tuple of str
        Arm names, control first.
    n_per_arm : int
    months : float
        Analysis time after the first patient entered, months.
    times, events : dict of str to ndarray
        Per arm: observed time (months from entry) and whether death was seen
        (``False`` = censored at the analysis).
    tumour_types : dict of str to ndarray
        Per arm: each patient's tumour kind, an index into ``TUMOUR_TYPES``.
    km : dict of str to (ndarray, ndarray)
        Per arm: Kaplan-Meier step times (months, starting at 0) and survival.
    median_os : dict of str to float
        Per arm: median overall survival from the Kaplan-Meier curve, months
        (``math.inf`` if survival stays above one half).
    at_risk : dict of str to tuple of int
        Per arm: patients still at risk at ``AT_RISK_MONTHS``.
    hazard_ratio : float
        Second arm against the first (below 1: the second arm lives longer).
    hazard_ratio_ci : (float, float)
        Its 95% confidence interval.
    logrank_p : float
        Two-sided p-value of the log-rank test.
    """

    arms: tuple[str, ...]
    n_per_arm: int
    months: float
    times: dict
    events: dict
    tumour_types: dict
    km: dict
    median_os: dict
    at_risk: dict
    hazard_ratio: float
    hazard_ratio_ci: tuple[float, float]
    logrank_p: float


def checked_arms(arms: object) -> tuple[tuple[str, tuple[tuple[str, float], ...]], ...]:
    """Validate ``{arm name: {compound: multiple of the standard dose}}`` (exactly two arms).

    Raises
    ------
    ValueError
        Not a dict of two arms, an unknown compound (the message lists
        ``TRIAL_COMPOUNDS``), or a multiple that is negative or not finite.
    """
    if not isinstance(arms, Mapping) or len(arms) != 2:
        raise ValueError("arms must be a dict of two arms, control first, such as "
                         "{'placebo': {}, 'sorafenib': {'sorafenib': 1.0}}; got "
                         f"{arms!r}")
    out = []
    for name, doses in arms.items():
        if not isinstance(name, str) or not isinstance(doses, Mapping):
            raise ValueError(f"each arm must be a name and a dict of compounds to multiples "
                             f"of their standard dose, got {name!r}: {doses!r}")
        checked = {}
        for compound, multiple in doses.items():
            key = canonical_name(compound, TRIAL_COMPOUNDS, "trial compound")
            checked[key] = checked_number(multiple, f"dose multiple of {key} in arm {name!r}",
                                          0.0, 10.0)
        out.append((name, tuple(sorted(checked.items()))))
    return tuple(out)


def tumour_shares(dependent_share: float | None = None, antagonist_share: float | None = None,
                  enrichment: str | None = None) -> np.ndarray:
    """Shares of accomplice, neutral and antagonist tumours among enrolled patients.

    ``enrichment="autophagy_dependent"`` enrols only tumours in which autophagy
    protects (a perfect biomarker, an assumption); ``None`` enrols all comers
    with the shares given (defaults from ``data/parameters.csv``).
    """
    p = parameter_values()
    default_dependent, default_antagonist = (p["accomplice_tumour_share"],
                                             p["antagonist_tumour_share"])
    dependent = default_dependent if dependent_share is None else dependent_share
    dependent = checked_number(dependent, "share of autophagy-dependent tumours", 0.0, 1.0)
    if antagonist_share is None:  # the others keep the default ratio of antagonist to neutral
        antagonist_share = (1.0 - dependent) * default_antagonist / (1.0 - default_dependent)
    antagonist = checked_number(antagonist_share, "share of antagonist tumours", 0.0, 1.0)
    if dependent + antagonist > 1.0 + 1e-12:
        raise ValueError(f"the shares of autophagy-dependent ({dependent:g}) and antagonist "
                         f"({antagonist:g}) tumours add up to more than 1")
    if enrichment is not None:
        canonical_name(enrichment, ENRICHMENTS, "enrichment")
        return np.array([1.0, 0.0, 0.0])
    return np.array([dependent, max(0.0, 1.0 - dependent - antagonist), antagonist])


@data_cache
def _loss_table(tumour: str, doses: tuple[tuple[str, float], ...]) -> np.ndarray:
    """Cell loss ``-ln V`` of one tumour kind at each exposure factor of ``EXPOSURE_FACTORS``."""
    if tumour == "neutral":
        doses = tuple((c, m) for c, m in doses if c not in _AUTOPHAGY_MODULATORS)
    if not any(m > 0 for _, m in doses):
        return np.zeros(EXPOSURE_FACTORS.size)
    experiments = [make_experiment({c: m * clinical_exposure_um(c) * f for c, m in doses},
                                   None, TYPE_LINES[tumour]) for f in EXPOSURE_FACTORS]
    out = simulate_many(experiments, parameter_values()["trial_exposure_hours"])
    return out["loss_from_damage"][:, -1] + out["loss_from_autophagy"][:, -1]


def _patients(doses, n_trials: int, n: int, shares: np.ndarray, rng: np.random.Generator,
              accrual: float, months: float, effect_scale: float):
    """Observed times, events and tumour kinds of ``n_trials`` × ``n`` patients of one arm."""
    p = parameter_values()
    kinds = rng.choice(len(TUMOUR_TYPES), size=(n_trials, n), p=shares)
    factor = np.exp(p["exposure_variability"] * rng.standard_normal((n_trials, n)))
    log_grid = np.log(EXPOSURE_FACTORS)
    loss = np.zeros((n_trials, n))
    for index, tumour in enumerate(TUMOUR_TYPES):
        mine = kinds == index
        if mine.any():
            loss[mine] = np.interp(np.log(factor[mine]), log_grid, _loss_table(tumour, doses))
    hazard = math.log(2.0) / p["placebo_median_os"] * np.exp(-effect_scale * loss)
    death = rng.standard_exponential((n_trials, n)) / hazard
    follow_up = months - accrual * rng.random((n_trials, n))
    return np.minimum(death, follow_up), death <= follow_up, kinds


def _checked_design(n_per_arm: object, months: object, seed: object) -> tuple[int, float, int]:
    n = checked_whole(n_per_arm, "n_per_arm (patients per arm)", 2, MAX_PATIENTS_PER_ARM)
    accrual = parameter_values()["accrual_months"]
    months = checked_number(months, "months (analysis time after the first patient entered)",
                            accrual, MAX_MONTHS, low_inclusive=False)
    return n, months, checked_whole(seed, "seed", 0, MAX_SEED)


def virtual_trial(arms: Mapping[str, Mapping[str, float]], n_per_arm: int = 34,
                  months: float = 24.0, seed: int = 0, enrichment: str | None = None,
                  dependent_share: float | None = None,
                  antagonist_share: float | None = None) -> TrialResult:
    """Run one randomised virtual trial of two arms.

    Parameters
    ----------
    arms : dict
        Two arms, control first: name to ``{compound: multiple of the standard
        clinical dose}`` (see ``TRIAL_COMPOUNDS``); ``{}`` is placebo.
    n_per_arm : int
        Patients per arm, 2 to ``MAX_PATIENTS_PER_ARM`` (= 100,000).
    months : float
        Analysis time after the first patient entered, months; longer than the
        accrual period (``accrual_months`` in ``data/parameters.csv``, 13) and at
        most ``MAX_MONTHS`` (= 600).
    seed : int
        Seed of the random numbers, 0 to ``MAX_SEED`` (= 2**32 - 1): the same seed
        gives the same trial.
    enrichment : {None, "autophagy_dependent"}
        ``"autophagy_dependent"`` enrols only tumours in which autophagy protects.
    dependent_share, antagonist_share : float, optional
        Shares of accomplice and antagonist tumours among all comers (defaults
        from ``data/parameters.csv``).

    Returns
    -------
    TrialResult

    Raises
    ------
    ValueError
        Bad arms, sizes, times, shares, enrichment or seed; the message names
        the value and the valid choices.
    """
    from scipy import stats   # here, so that importing the model does not load SciPy

    named = checked_arms(arms)
    n, months, seed = _checked_design(n_per_arm, months, seed)
    shares = tumour_shares(dependent_share, antagonist_share, enrichment)
    times, events, kinds = _one_trial(named, n, months, seed, shares)
    (control, _), (treated, _) = named
    data = {name: stats.CensoredData.right_censored(times[name], ~events[name])
            for name in times}
    km, medians = {}, {}
    for name in times:
        curve = stats.ecdf(data[name]).sf
        km[name] = (np.concatenate([[0.0], curve.quantiles]),
                    np.concatenate([[1.0], curve.probabilities]))
        below = np.nonzero(curve.probabilities <= 0.5)[0]
        medians[name] = float(curve.quantiles[below[0]]) if below.size else math.inf
    hazard_ratio, ci = rate_ratio(times[control], events[control], times[treated],
                                  events[treated])
    return TrialResult(
        arms=(control, treated), n_per_arm=n, months=months, times=times, events=events,
        tumour_types=kinds, km=km, median_os=medians,
        at_risk={name: tuple(int(np.sum(times[name] >= m)) for m in AT_RISK_MONTHS)
                 for name in times},
        hazard_ratio=hazard_ratio, hazard_ratio_ci=ci,
        logrank_p=float(stats.logrank(data[treated], data[control]).pvalue))


def _one_trial(named, n: int, months: float, seed: int, shares: np.ndarray
               ) -> tuple[dict, dict, dict]:
    """Times, events and tumour kinds per arm of the trial that ``seed`` gives (checked input)."""
    rng = np.random.default_rng(seed)
    p = parameter_values()
    times, events, kinds = {}, {}, {}
    for name, doses in named:
        t, e, k = _patients(doses, 1, n, shares, rng, p["accrual_months"], months,
                            p["trial_effect_scale"])
        times[name], events[name], kinds[name] = t[0], e[0], k[0]
    return times, events, kinds


def replicate_hazard_ratios(arms: Mapping[str, Mapping[str, float]], n_per_arm: int = 34,
                            seeds=range(20), months: float = 24.0,
                            enrichment: str | None = None,
                            dependent_share: float | None = None,
                            antagonist_share: float | None = None) -> np.ndarray:
    """The hazard ratio of each trial ``virtual_trial(..., seed=s)`` for ``s`` in ``seeds``.

    The same trials as :func:`virtual_trial` gives for those seeds (the same hazard ratios),
    without their Kaplan-Meier curves and log-rank tests: fast enough to see how trials of
    one design spread by chance, or to find a typical one.

    Parameters
    ----------
    arms, n_per_arm, months, enrichment, dependent_share, antagonist_share
        As for :func:`virtual_trial`.
    seeds : sequence of int
        One to ``MAX_TRIALS`` seeds, each 0 to ``MAX_SEED``; together at most
        ``MAX_SIMULATED_PATIENTS`` patients per arm (``len(seeds) * n_per_arm``).

    Returns
    -------
    ndarray, shape (len(seeds),)
        Hazard ratios, second arm against the first.

    Raises
    ------
    ValueError
        Bad seeds, too many patients together, or bad input as for :func:`virtual_trial`.
    """
    named = checked_arms(arms)
    listed = list(seeds) if isinstance(seeds, (range, list, tuple, np.ndarray)) else None
    if not listed or len(listed) > MAX_TRIALS:
        raise ValueError(f"seeds must be a non-empty sequence of at most {MAX_TRIALS} whole "
                         f"numbers, got {short_repr(seeds)}")
    n, months, _ = _checked_design(n_per_arm, months, 0)
    checked_budget(len(listed) * n, MAX_SIMULATED_PATIENTS, "patients per arm",
                   f"{len(listed)} seeds × n_per_arm={n} patients")
    shares = tumour_shares(dependent_share, antagonist_share, enrichment)
    (control, _), (treated, _) = named
    ratios = []
    for seed in listed:
        times, events, _ = _one_trial(named, n, months, checked_whole(seed, "seed", 0, MAX_SEED),
                                      shares)
        ratios.append(rate_ratio(times[control], events[control], times[treated],
                                 events[treated])[0])
    return np.array(ratios)


def rate_ratio(times_a: np.ndarray, events_a: np.ndarray, times_b: np.ndarray,
               events_b: np.ndarray) -> tuple[float, tuple[float, float]]:
    """Hazard ratio of B against A from deaths per patient-month, with its 95% CI.

    Under constant hazards this is the maximum-likelihood estimate; the
    standard error of its logarithm is ``sqrt(1/d_A + 1/d_B)`` for ``d`` deaths.

    Raises
    ------
    ValueError
        If an arm has no deaths (no finite hazard ratio).
    """
    deaths_a, deaths_b = int(np.sum(events_a)), int(np.sum(events_b))
    if deaths_a == 0 or deaths_b == 0:
        raise ValueError(f"an arm has no deaths (control {deaths_a}, treated {deaths_b}): "
                         f"follow the patients longer or enrol more")
    ratio = (deaths_b / float(np.sum(times_b))) / (deaths_a / float(np.sum(times_a)))
    spread = 1.959963984540054 * math.sqrt(1.0 / deaths_a + 1.0 / deaths_b)
    return ratio, (ratio * math.exp(-spread), ratio * math.exp(spread))


def logrank_z(times_a: np.ndarray, events_a: np.ndarray, times_b: np.ndarray,
              events_b: np.ndarray) -> np.ndarray:
    """Log-rank statistics of many trials at once, one per row.

    Parameters
    ----------
    times_a, events_a, times_b, events_b : ndarray, shape (n_trials, n)
        Observed times and death indicators of the two arms (no tied times,
        as with continuous simulated times).

    Returns
    -------
    ndarray, shape (n_trials,)
        ``(O_B - E_B) / sqrt(V)``: negative when arm B dies less than expected;
        the two-sided p-value is ``2 * Phi(-|z|)``.
    """
    times = np.concatenate([times_a, times_b], axis=1)
    events = np.concatenate([events_a, events_b], axis=1).astype(float)
    in_b = np.concatenate([np.zeros_like(times_a), np.ones_like(times_b)], axis=1)
    order = np.argsort(times, axis=1)
    events = np.take_along_axis(events, order, axis=1)
    in_b = np.take_along_axis(in_b, order, axis=1)
    at_risk = times.shape[1] - np.arange(times.shape[1])[None, :]
    at_risk_b = in_b.sum(axis=1, keepdims=True) - np.cumsum(in_b, axis=1) + in_b
    share_b = at_risk_b / at_risk
    observed_minus_expected = np.sum(events * (in_b - share_b), axis=1)
    variance = np.sum(events * share_b * (1.0 - share_b), axis=1)
    return observed_minus_expected / np.sqrt(np.where(variance > 0, variance, np.inf))


def trial_power(arms: Mapping[str, Mapping[str, float]], n_per_arm: int = 34,
                n_trials: int = 1000, seed: int = 0, alpha: float = 0.05,
                months: float = 24.0, enrichment: str | None = None,
                dependent_share: float | None = None,
                antagonist_share: float | None = None) -> float:
    """Fraction of ``n_trials`` virtual trials whose two-sided log-rank p is below ``alpha``.

    The arguments are those of :func:`virtual_trial`, plus ``n_trials``
    (1 to ``MAX_TRIALS`` = 100,000) and ``alpha`` (0 < alpha <= 1). All trials
    together may simulate at most ``MAX_SIMULATED_PATIENTS`` (= 1,000,000)
    patients per arm: ``n_trials * n_per_arm`` (e.g. 1000 trials of 1000 patients).
    The trials are simulated and tested together (vectorised); the same seed
    gives the same power.

    Raises
    ------
    ValueError
        Bad input as for :func:`virtual_trial`, a bad ``n_trials`` or ``alpha``, or
        more than ``MAX_SIMULATED_PATIENTS`` patients per arm; the message names the
        values and the valid range.
    """
    from scipy import stats

    named = checked_arms(arms)
    n, months, seed = _checked_design(n_per_arm, months, seed)
    n_trials = checked_whole(n_trials, "n_trials", 1, MAX_TRIALS)
    checked_budget(n_trials * n, MAX_SIMULATED_PATIENTS, "patients per arm",
                   f"n_trials={n_trials} trials × n_per_arm={n} patients")
    alpha = checked_number(alpha, "alpha", 0.0, 1.0, low_inclusive=False)
    shares = tumour_shares(dependent_share, antagonist_share, enrichment)
    rng = np.random.default_rng(seed)
    p = parameter_values()
    (control_t, control_e, _), (treated_t, treated_e, _) = (
        _patients(doses, int(n_trials), n, shares, rng, p["accrual_months"], months,
                  p["trial_effect_scale"]) for _, doses in named)
    z = logrank_z(control_t, control_e, treated_t, treated_e)
    p_values = 2.0 * stats.norm.sf(np.abs(z))
    return float(np.mean(p_values < alpha))


def schoenfeld_events(hazard_ratio: float, alpha: float = 0.05, power: float = 0.8) -> float:
    """Deaths a 1:1 trial needs to detect ``hazard_ratio`` (Schoenfeld 1983).

    ``d = 4 (z_{1-alpha/2} + z_{power})^2 / (ln HR)^2``, two-sided ``alpha``.

    Parameters
    ----------
    hazard_ratio : float
        Finite and > 0, not 1.
    alpha : float
        Two-sided significance level, ``1e-12 <= alpha <= 1`` (smaller levels
        round ``1 - alpha/2`` to 1 and need infinitely many deaths).
    power : float
        ``0 < power < 1``.

    Returns
    -------
    float
        The number of deaths, finite.
    """
    from scipy import stats

    hazard_ratio = checked_number(hazard_ratio, "hazard ratio", 0.0, low_inclusive=False)
    if hazard_ratio == 1.0:
        raise ValueError("a hazard ratio of 1 (no effect) needs infinitely many deaths; "
                         "choose a ratio above or below 1")
    alpha = checked_number(alpha, "alpha", 1e-12, 1.0)
    power = checked_number(power, "power", 0.0, 1.0, low_inclusive=False, high_inclusive=False)
    z = stats.norm.ppf(1.0 - alpha / 2.0) + stats.norm.ppf(power)
    return float(4.0 * z ** 2 / math.log(hazard_ratio) ** 2)


def power_curve(arms: Mapping[str, Mapping[str, float]], sizes, n_trials: int = 500,
                seed: int = 0, alpha: float = 0.05, months: float = 24.0,
                enrichment: str | None = None, dependent_share: float | None = None,
                antagonist_share: float | None = None) -> np.ndarray:
    """:func:`trial_power` at each number of patients per arm in ``sizes`` (one seed each).

    Parameters
    ----------
    arms, n_trials, alpha, months, enrichment, dependent_share, antagonist_share
        As for :func:`trial_power`.
    sizes : sequence of int
        Patients per arm, each 2 to ``MAX_PATIENTS_PER_ARM``. All the trials
        together may simulate at most ``MAX_SIMULATED_PATIENTS`` (= 1,000,000)
        patients per arm: ``n_trials * sum(sizes)``.
    seed : int
        Seed of the first size; size ``i`` uses ``seed + i`` (all within 0 to
        ``MAX_SEED``).

    Returns
    -------
    ndarray, shape (len(sizes),)
        Power, in [0, 1].

    Raises
    ------
    ValueError
        Bad sizes, too many patients together, or bad input as for
        :func:`trial_power`; the message names the values and the valid range.
    """
    listed = sizes.tolist() if isinstance(sizes, np.ndarray) else sizes
    if not isinstance(listed, (list, tuple)) or len(listed) == 0:
        raise ValueError(f"sizes must be a non-empty list of whole numbers of patients per arm, "
                         f"got {short_repr(sizes)}")
    sizes = [checked_whole(n, "each of sizes (patients per arm)", 2, MAX_PATIENTS_PER_ARM)
             for n in listed]
    n_trials = checked_whole(n_trials, "n_trials", 1, MAX_TRIALS)
    checked_budget(n_trials * sum(sizes), MAX_SIMULATED_PATIENTS, "patients per arm",
                   f"n_trials={n_trials} trials × sum(sizes)={sum(sizes)} patients")
    checked_whole(seed, "seed", 0, MAX_SEED - len(sizes) + 1)
    return np.array([trial_power(arms, n, n_trials, seed + i, alpha, months, enrichment,
                                 dependent_share, antagonist_share)
                     for i, n in enumerate(sizes)])
