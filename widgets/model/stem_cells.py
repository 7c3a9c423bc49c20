"""Cancer stem cells: two populations on the flux and cell-fate model, with plasticity.

A line holds stem-like cells ``S`` (CD133-high) and other cells ``N``. Both grow at the
untreated rate ``g`` until the dish fills (capacity ``K``, relative to the cells seeded;
passaging is not modelled), each dies at the hazard ``h(t)`` that the cell-fate model gives
for its own experiment, and cells switch state in both directions::

    dS/dt = (g (1 - T/K) - h_S) S - a S + b(t) N          T = S + N
    dN/dt = (g (1 - T/K) - h_N) N + a S - b(t) N

with ``a = (1 - f0) / tau`` and ``b0 = f0 / tau``, so that untreated cells keep the line's
basal stem fraction ``f0`` and a sorted population returns to it with the relaxation time
``tau``. Three differences make stem-like cells the survivors:

* they take a smaller share of the drug damage (``stem_drug_exposure``: efflux pumps and
  quiescence);
* under hypoxia with nutrient starvation both populations switch on autophagy and suffer
  stress damage, but stem-like cells induce more autophagy and clear damage through it
  more efficiently (``stem_clearance_gain``, under these conditions only), so they depend
  on it, and chloroquine kills them;
* autophagy in the other cells speeds their conversion to the stem state
  (``b(t) = b0 (1 + c max(phi_N - 1, 0))``: autophagic degradation of TARBP2 lets Nanog
  rise).

Numbers are relative to the total at time 0 (= 1); time in hours, doses in µM.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .assays import check_inhibitor_apart, checked_inhibitor, harvest
from .api import pool_trajectories, relative_read_outs, time_grid
from .data_files import parameter_values
from .fate import damage_rate, fate, fate_parameter_arrays
from .names import (MAX_CYCLES, MAX_HOURS, MAX_STRETCHES, checked_hours, checked_number,
                    checked_whole, short_repr)
from .scenario import Experiment, make_experiment

POPULATIONS = ("stem", "non_stem")


@dataclass(frozen=True)
class PopulationResult:
    """Both populations over time. Every array has the shape of ``t``.

    Attributes
    ----------
    t : ndarray
        Time from the start, hours.
    stem, non_stem, total : ndarray
        Cell numbers relative to the total at time 0 (= 1).
    stem_fraction : ndarray
        ``stem / total``, in [0, 1].
    stem_flux, non_stem_flux : ndarray
        Autophagic flux of each population relative to basal.
    treated : ndarray of bool
        Whether the treatments are on at each time point.
    cell_line : str
    hypoxia : bool
        Hypoxia with nutrient starvation throughout.
    """

    t: np.ndarray
    stem: np.ndarray
    non_stem: np.ndarray
    total: np.ndarray
    stem_fraction: np.ndarray
    stem_flux: np.ndarray
    non_stem_flux: np.ndarray
    treated: np.ndarray
    cell_line: str
    hypoxia: bool


def basal_stem_fraction(cell_line: str = "Huh7") -> float:
    """The line's untreated fraction of stem-like (CD133-high) cells, from ``data/``."""
    line = make_experiment(cell_line=cell_line).cell_line
    return parameter_values(line)["basal_stem_fraction"]


def _checked_hypoxia(hypoxia: object) -> bool:
    if not isinstance(hypoxia, bool):
        raise ValueError(f"hypoxia must be True (hypoxia with nutrient starvation) or False "
                         f"(normoxia, full medium), got {hypoxia!r}")
    return hypoxia


def hypoxia_induction(p: Mapping[str, float], hypoxia: bool) -> np.ndarray | None:
    """Nucleation multipliers of stem-like and other cells (in that order) under hypoxia with
    nutrient starvation, from a line's parameters ``p``; ``None`` in normoxia."""
    if not hypoxia:
        return None
    return 1.0 + np.array([p["hypoxia_induction_stem"], p["hypoxia_induction_non_stem"]])


def _stretch(experiment: Experiment, hypoxia: bool, hours: float,
             pools: np.ndarray | None, damage: np.ndarray) -> dict[str, np.ndarray]:
    """Flux and death hazard of both populations (stem-like first) over one stretch."""
    experiments = [experiment, experiment]
    p = parameter_values(experiment.cell_line)
    t = time_grid(hours)
    trajectory, steps = pool_trajectories(experiments, t, pools, hypoxia_induction(p, hypoxia))
    flux = relative_read_outs(trajectory, steps)["flux"]
    parameters = fate_parameter_arrays(experiments)
    if hypoxia:
        parameters["damage_clearance_by_flux"] = parameters["damage_clearance_by_flux"] * np.array(
            [p["stem_clearance_gain"], 1.0])
    stress = p["hypoxia_damage_rate"] if hypoxia else 0.0
    rates_of_damage = damage_rate(experiment) * np.array([p["stem_drug_exposure"], 1.0]) + stress
    out = fate(t, flux, rates_of_damage, parameters, damage)
    loss = out["loss_from_damage"] + out["loss_from_autophagy"]
    return {"t": t, "flux": flux, "hazard": np.diff(loss, axis=1) / (t[1] - t[0]),
            "pools": trajectory[:, -1], "damage": out["damage"][:, -1]}


def _grow(hazard: np.ndarray, non_stem_flux: np.ndarray, step_h: np.ndarray, stem_start: float,
          p: Mapping[str, float]) -> tuple[np.ndarray, np.ndarray]:
    """Two-population numbers for rates held constant over each interval.

    ``step_h`` holds each interval's length in hours (stretches of a schedule may differ).

    Each interval applies ``exp(M dt)`` of the 2 x 2 rate matrix ``M`` without growth, in
    closed form (its off-diagonal rates are never negative, so the square root below is
    real), times the growth ``exp(g (1 - T/K) dt)`` shared by both populations, with the
    total ``T`` at the start of the interval.
    """
    f0, tau = p["basal_stem_fraction"], p["stem_relaxation_time"]
    to_non_stem = (1.0 - f0) / tau
    midpoint_flux = 0.5 * (non_stem_flux[1:] + non_stem_flux[:-1])
    to_stem = f0 / tau * (1.0 + p["autophagy_stem_conversion"]
                          * np.maximum(midpoint_flux - 1.0, 0.0))
    stem_rate = -hazard[0] - to_non_stem
    non_stem_rate = -hazard[1] - to_stem
    mean = 0.5 * (stem_rate + non_stem_rate)
    half_gap = 0.5 * (stem_rate - non_stem_rate)
    spread = np.sqrt(half_gap ** 2 + to_stem * to_non_stem)
    scale = np.exp(mean * step_h)
    cosh = np.cosh(spread * step_h)
    sinh_over = step_h * np.sinc(1j * spread * step_h / math.pi).real  # sinh(x dt) / x
    rows = zip((scale * (cosh + sinh_over * half_gap)).tolist(),
               (scale * sinh_over * to_stem).tolist(),
               (scale * sinh_over * to_non_stem).tolist(),
               (scale * (cosh - sinh_over * half_gap)).tolist())
    growth, capacity = (p["growth_rate"] * step_h).tolist(), p["culture_capacity"]
    stem, non_stem = [stem_start], [1.0 - stem_start]
    for (ss, sn, ns, nn), grown in zip(rows, growth):
        s, n = stem[-1], non_stem[-1]
        crowding = math.exp(grown * (1.0 - (s + n) / capacity))
        stem.append(crowding * (ss * s + sn * n))
        non_stem.append(crowding * (ns * s + nn * n))
    return np.array(stem), np.array(non_stem)


def simulate_schedule(schedule: Sequence[tuple[Mapping[str, float], float]],
                      cell_line: str = "Huh7", hypoxia: bool = False,
                      start_stem_fraction: float | None = None,
                      knockdown: Mapping[str, float] | None = None) -> PopulationResult:
    """Both populations through a schedule of stretches, each with its own treatments.

    Parameters
    ----------
    schedule : sequence of (mapping of str to float, float)
        Stretches in order, 1 to ``MAX_STRETCHES`` (= 100) of them: the treatments
        (compound to dose in µM; empty for a drug-free gap) and the stretch's length in
        hours (> 0). Pools and damage carry over from one stretch to the next. The
        stretches together last at most ``MAX_HOURS`` (= 8760 h, one year).
    cell_line : str
        One of ``widgets.CELL_LINES``.
    hypoxia : bool
        Hypoxia with nutrient starvation throughout (True) or normoxia in full medium.
    start_stem_fraction : float, optional
        Stem fraction at time 0, 0-1; ``None`` starts at the line's basal fraction
        (0 = sorted CD133-negative cells, 1 = sorted CD133-positive cells).
    knockdown : mapping of str to float, optional
        Gene to fraction removed, 0-1, in both populations.

    Returns
    -------
    PopulationResult

    Raises
    ------
    ValueError
        An empty or too long schedule, bad hours (also together), or any bad name, dose
        or fraction; the message names the value and the valid choices.
    """
    schedule = _checked_schedule(schedule)
    hypoxia = _checked_hypoxia(hypoxia)
    line = make_experiment(cell_line=cell_line).cell_line
    p = parameter_values(line)
    stem_start = (p["basal_stem_fraction"] if start_stem_fraction is None else
                  checked_number(start_stem_fraction, "start_stem_fraction", 0.0, 1.0))
    pools, damage = None, np.zeros(2)
    times, fluxes, hazards, treated = [np.zeros(1)], [], [], []
    for treatments, hours in schedule:
        experiment = make_experiment(treatments, knockdown, line)
        stretch = _stretch(experiment, hypoxia, hours, pools, damage)
        pools, damage = stretch["pools"], stretch["damage"]
        times.append(times[-1][-1] + stretch["t"][1:])
        fluxes.append(stretch["flux"] if not fluxes else stretch["flux"][:, 1:])
        hazards.append(stretch["hazard"])
        on = bool(experiment.treatments)
        treated.append(np.full(stretch["t"].size - (1 if treated else 0), on))
    t, flux, hazard = np.concatenate(times), np.concatenate(fluxes, axis=1), np.concatenate(
        hazards, axis=1)
    stem, non_stem = _grow(hazard, flux[1], np.diff(t), stem_start, p)
    total = stem + non_stem
    return PopulationResult(t=t, stem=stem, non_stem=non_stem, total=total,
                            stem_fraction=stem / total, stem_flux=flux[0], non_stem_flux=flux[1],
                            treated=np.concatenate(treated), cell_line=line, hypoxia=hypoxia)


def _checked_schedule(schedule: object) -> list[tuple[object, float]]:
    """The stretches with their hours checked, one by one and together."""
    if not isinstance(schedule, (list, tuple)):
        raise ValueError(f"schedule must be a list of (treatments, hours) stretches, got "
                         f"{short_repr(schedule)}")
    if len(schedule) == 0:
        raise ValueError(f"schedule must hold at least one (treatments, hours) stretch, got none "
                         f"({schedule!r})")
    checked_whole(len(schedule), "number of stretches in the schedule", 1, MAX_STRETCHES)
    out = []
    for stretch in schedule:
        if not isinstance(stretch, (list, tuple)) or len(stretch) != 2:
            raise ValueError(f"each stretch of a schedule must be a pair (treatments, hours), "
                             f"got {short_repr(stretch)}")
        out.append((stretch[0], checked_hours(stretch[1], "hours of a stretch")))
    total = sum(hours for _, hours in out)
    if total > MAX_HOURS * (1.0 + 1e-12):  # rounding of days to hours is not an overrun
        raise ValueError(f"the stretches of the schedule last {total!r} h together, more than "
                         f"MAX_HOURS = {MAX_HOURS:g} h; the valid range is (0, {MAX_HOURS:g}]")
    return out


def simulate_populations(treatments: Mapping[str, float] | None = None, hours: float = 240.0,
                         cell_line: str = "Huh7", hypoxia: bool = False,
                         start_stem_fraction: float | None = None,
                         knockdown: Mapping[str, float] | None = None) -> PopulationResult:
    """Stem-like and other cells under constant treatments (part of the public API, see the README).

    Parameters are those of :func:`simulate_schedule`, with one stretch of ``hours``:
    ``0 < hours <= MAX_HOURS`` (= 8760, one year).

    Raises
    ------
    ValueError
        As :func:`simulate_schedule`; e.g. ``hours`` outside (0, 8760].

    Examples
    --------
    >>> r = simulate_populations(hours=240.0, cell_line="Huh7")
    >>> bool(abs(r.stem_fraction[-1] - r.stem_fraction[0]) < 1e-9)
    True
    """
    return simulate_schedule([(treatments or {}, hours)], cell_line, hypoxia,
                             start_stem_fraction, knockdown)


def therapy_cycles(treatments: Mapping[str, float], cycles: int = 3, days_on: float = 3.0,
                   days_off: float = 4.0, cell_line: str = "Huh7", hypoxia: bool = False,
                   start_stem_fraction: float | None = None,
                   knockdown: Mapping[str, float] | None = None) -> PopulationResult:
    """Cycles of treatment (``days_on``) and drug-free regrowth (``days_off``).

    Parameters
    ----------
    treatments : mapping of str to float
        Compound to dose in µM during the days on.
    cycles : int
        Number of cycles, 1 to ``MAX_CYCLES`` (= 20).
    days_on, days_off : float
        Days of each cycle with and without the treatments, each > 0; all cycles
        together, ``cycles * (days_on + days_off)``, last at most 365 days
        (``MAX_HOURS`` = 8760 h).
    cell_line, hypoxia, start_stem_fraction, knockdown
        As for :func:`simulate_schedule`.

    Raises
    ------
    ValueError
        ``cycles`` not a whole number from 1 to 20, bad days, or cycles longer than
        365 days together; other input as in :func:`simulate_schedule`.
    """
    cycles = checked_whole(cycles, "cycles", 1, MAX_CYCLES)
    longest = MAX_HOURS / 24.0
    days_on = checked_number(days_on, "days_on", 0.0, longest, low_inclusive=False)
    days_off = checked_number(days_off, "days_off", 0.0, longest, low_inclusive=False)
    if cycles * (days_on + days_off) > longest:
        raise ValueError(f"{cycles} cycles of days_on={days_on!r} + days_off={days_off!r} last "
                         f"{cycles * (days_on + days_off):g} days, more than the {longest:g} "
                         f"days (MAX_HOURS = {MAX_HOURS:g} h) one call may simulate")
    hours_on, hours_off = 24.0 * days_on, 24.0 * days_off
    schedule = [stretch for _ in range(cycles) for stretch in ((treatments, hours_on),
                                                                ({}, hours_off))]
    return simulate_schedule(schedule, cell_line, hypoxia, start_stem_fraction, knockdown)


@dataclass(frozen=True)
class SortedTurnover:
    """An LC3 turnover assay of sorted stem-like (CD133+) and other (CD133−) cells.

    Attributes
    ----------
    lc3_i, lc3_ii, p62 : dict of str to ndarray
        For each population (``POPULATIONS``), the levels without and with the inhibitor
        (shape (2,)), relative to untreated cells in normoxia (1 = basal).
    flux_readout : dict of str to float
        LC3-II with the inhibitor minus LC3-II without it, for each population, in units
        of basal LC3-II: what a biologist reads from the blot.
    true_flux : dict of str to float
        The model's flux at harvest without the inhibitor, relative to basal.
    hypoxia : bool
    inhibitor : str
    """

    lc3_i: dict[str, np.ndarray]
    lc3_ii: dict[str, np.ndarray]
    p62: dict[str, np.ndarray]
    flux_readout: dict[str, float]
    true_flux: dict[str, float]
    hypoxia: bool
    inhibitor: str


def sorted_turnover(treatments: Mapping[str, float] | None = None, hypoxia: bool = False,
                    inhibitor: str = "chloroquine", inhibitor_dose_um: float = 20.0,
                    hours: float = 24.0, cell_line: str = "Huh7") -> SortedTurnover:
    """LC3-II and p62 of sorted CD133+ and CD133− cells, without and with a lysosomal inhibitor.

    Each sorted population is treated for ``hours`` (in hypoxia with nutrient starvation or
    in normoxia, from time 0, as in :func:`simulate_populations`); the inhibitor joins for
    the last ``min(hours, 4)`` hours, as in :func:`widgets.model.assays.turnover_blot`.
    Over a day the populations barely convert into each other, so each is read as sorted.

    Parameters
    ----------
    treatments : mapping of str to float, optional
        Compound to dose in µM (e.g. ``{"sorafenib": 5.0}``), without the inhibitor.
    hypoxia : bool
        Hypoxia with nutrient starvation (True) or normoxia in full medium.
    inhibitor : str
        One of ``widgets.model.assays.LYSOSOMAL_INHIBITORS``.
    inhibitor_dose_um : float
        Its concentration, µM, 0 to ``MAX_DOSE_UM`` (chloroquine: 20 µM is usual).
    hours : float
        Time to harvest, ``0 < hours <= MAX_HOURS`` (= 8760).
    cell_line : str
        One of ``widgets.CELL_LINES``.

    Raises
    ------
    ValueError
        Bad names, doses, hours or ``hypoxia``, or the inhibitor among the treatments; the
        message names the value and the valid choices.
    """
    inhibitor, inhibitor_dose_um = checked_inhibitor(inhibitor, inhibitor_dose_um)
    hypoxia = _checked_hypoxia(hypoxia)
    hours = checked_hours(hours)
    experiment = make_experiment(treatments, None, cell_line)
    check_inhibitor_apart(inhibitor, experiment)
    gains = hypoxia_induction(parameter_values(experiment.cell_line), hypoxia)
    out: dict[str, dict] = {"lc3_i": {}, "lc3_ii": {}, "p62": {}, "flux_readout": {},
                            "true_flux": {}}
    for index, population in enumerate(POPULATIONS):
        gain = 1.0 if gains is None else float(gains[index])
        without, flux = harvest(experiment, None, 0.0, hours, hours, gain)
        with_inhibitor, _ = harvest(experiment, inhibitor, inhibitor_dose_um, hours,
                                    min(hours, 4.0), gain)
        for row, name in enumerate(("p62", "lc3_i", "lc3_ii")):
            out[name][population] = np.array([without[row], with_inhibitor[row]])
        out["flux_readout"][population] = float(with_inhibitor[2] - without[2])
        out["true_flux"][population] = flux
    return SortedTurnover(**out, hypoxia=hypoxia, inhibitor=inhibitor)
