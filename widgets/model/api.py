"""Public entry points: ``simulate`` one experiment, or many at once."""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .data_files import parameter_values
from .fate import damage_rate, fate, fate_parameter_arrays
from .flux import lc3_flux, rate_system, read_outs, step_array
from .linear import propagate, steady_state
from .names import MAX_SCENARIOS, MAX_TIME_POINTS, checked_budget, checked_hours, short_repr
from .scenario import Experiment, StepFactors, make_experiment, step_factors

BASAL = StepFactors(nucleation=1.0, conjugation=1.0, fusion=1.0, degradation=1.0)


@dataclass(frozen=True)
class SimulationResult:
    """Time courses of one experiment. Every array has the shape of ``t``.

    Attributes
    ----------
    t : ndarray
        Time after treatment, hours.
    lc3_i, lc3_ii, p62 : ndarray
        Protein levels relative to the untreated basal steady state of the
        same cell line (1.0 = basal). LC3-II counts both autophagosomal and
        autolysosomal LC3-II, as a western blot does.
    flux : ndarray
        Autophagic flux (LC3-II degraded per hour) relative to basal.
    viability : ndarray
        Viable cells relative to untreated cells at the same time, in [0, 1].
    autophagosome_lc3_ii, autolysosome_lc3_ii : ndarray
        The two LC3-II pools, relative to basal total LC3-II.
    damage : ndarray
        Drug-induced damage, arbitrary units (0 in untreated cells).
    loss_from_damage, loss_from_autophagy : ndarray
        Cumulative hazards (dimensionless) of the two causes of cell loss:
        damage (apoptosis and slowed growth) and autophagic death, so that
        ``viability = exp(-(loss_from_damage + loss_from_autophagy))``.
    experiment : Experiment
        The validated input.
    """

    t: np.ndarray
    lc3_i: np.ndarray
    lc3_ii: np.ndarray
    p62: np.ndarray
    flux: np.ndarray
    viability: np.ndarray
    autophagosome_lc3_ii: np.ndarray
    autolysosome_lc3_ii: np.ndarray
    damage: np.ndarray
    loss_from_damage: np.ndarray
    loss_from_autophagy: np.ndarray
    experiment: Experiment


def time_points(hours: float) -> int:
    """Number of points of :func:`time_grid` for ``hours`` (checked as there)."""
    hours = checked_hours(hours)
    return max(1, math.ceil(hours / parameter_values()["output_step"] - 1e-9)) + 1


def time_grid(hours: float) -> np.ndarray:
    """Uniform grid from 0 to ``hours`` with spacing at most ``output_step`` h.

    Parameters
    ----------
    hours : float
        Duration in hours, ``0 < hours <= MAX_HOURS`` (= 8760, one year).

    Raises
    ------
    ValueError
        ``hours`` not a finite number in that range; the message names it.
    """
    hours = checked_hours(hours)
    return np.linspace(0.0, hours, time_points(hours))


def check_time_points(scenarios: int, hours: float, what: str) -> None:
    """Refuse ``scenarios`` × the time points of ``hours`` above ``MAX_TIME_POINTS``.

    ``what`` names the scenarios as the caller's arguments make them, e.g.
    ``"41 doses"`` or ``"61 doses × 4 (donor and recipient cells, vesicles and cargo)"``.

    Raises
    ------
    ValueError
        Bad ``hours`` (see :func:`time_grid`), or too much work; the message
        names the values and the limit.
    """
    points = time_points(hours)
    checked_budget(scenarios * points, MAX_TIME_POINTS, "scenario-time points",
                   f"{what} × {points} time points (hours={float(hours)!r})")


def basal_pools() -> np.ndarray:
    """Pools of untreated wild-type cells at steady state, shape (6,)."""
    return steady_state(*rate_system(step_array([BASAL])))[0]


def initial_pools(experiments: Sequence[Experiment]) -> np.ndarray:
    """Steady state before treatment: knockdowns and RNA levels established, no compound, (n, 6)."""
    before = step_array([step_factors(Experiment(knockdown=e.knockdown, cell_line=e.cell_line,
                                                 ncrna=e.ncrna))
                         for e in experiments])
    return steady_state(*rate_system(before))


def pool_trajectories(experiments: Sequence[Experiment], t: np.ndarray,
                      start: np.ndarray | None = None,
                      induction: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Exact pool trajectories on the uniform grid ``t`` (hours from the treatment).

    ``induction`` (shape (n,), dimensionless; default 1) multiplies each experiment's
    nucleation factor from the start: a stress such as hypoxia with starvation that is
    not one of the compounds.

    Returns
    -------
    pools : ndarray, shape (n, T, 6)
        In arbitrary units (see :mod:`widgets.model.flux`).
    steps : ndarray, shape (n, 4)
        The step factors used.
    """
    if len(experiments) == 0:
        raise ValueError("experiments must hold at least one experiment, got none")
    steps = step_array([step_factors(e) for e in experiments])
    if induction is not None:
        steps[:, 0] *= induction
    if start is None:
        start = initial_pools(experiments)
    rates, inflow = rate_system(steps)
    return propagate(rates, inflow, start, t[1] - t[0], t.size - 1), steps


def relative_read_outs(pools: np.ndarray, steps: np.ndarray) -> dict[str, np.ndarray]:
    """Read-outs relative to the untreated basal steady state (1.0 = basal)."""
    basal = basal_pools()
    basal_reads = read_outs(basal)
    out = {name: values / basal_reads["lc3_ii" if "lc3_ii" in name else name]
           for name, values in read_outs(pools).items()}
    out["flux"] = lc3_flux(pools, steps) / lc3_flux(basal[None], step_array([BASAL]))[0]
    return out


def simulate_many(experiments: Sequence[Experiment], hours: float) -> dict[str, np.ndarray]:
    """Simulate many validated experiments at once (vectorised, no Python loop per scenario).

    Parameters
    ----------
    experiments : sequence of Experiment
        Built with :func:`widgets.model.make_experiment`; 1 to ``MAX_SCENARIOS``
        (= 10,000) of them.
    hours : float
        Duration after treatment, ``0 < hours <= MAX_HOURS`` (= 8760). The
        number of experiments times the time points (``4 * hours + 1``) may not
        exceed ``MAX_TIME_POINTS`` (= 3,000,000), e.g. 10,000 experiments × 72 h.

    Returns
    -------
    dict of str to ndarray
        ``"t"`` (T,) and, each of shape (n, T): ``lc3_i``, ``lc3_ii``, ``p62``,
        ``flux``, ``viability``, ``autophagosome_lc3_ii``,
        ``autolysosome_lc3_ii``, ``damage``, ``loss_from_damage``,
        ``loss_from_autophagy``. Normalised as in
        :class:`SimulationResult`.

    Raises
    ------
    ValueError
        ``experiments`` not a list or tuple of 1 to ``MAX_SCENARIOS`` experiments,
        bad ``hours``, or more than ``MAX_TIME_POINTS`` scenario-time points.
    """
    if not isinstance(experiments, (list, tuple)) or len(experiments) == 0 or \
            not all(isinstance(e, Experiment) for e in experiments):
        raise ValueError(f"experiments must be a list of 1 to {MAX_SCENARIOS} Experiment objects "
                         f"(see make_experiment), got {short_repr(experiments)}")
    if len(experiments) > MAX_SCENARIOS:
        raise ValueError(f"experiments may hold at most {MAX_SCENARIOS} experiments, got "
                         f"{len(experiments)}")
    check_time_points(len(experiments), hours, f"{len(experiments)} experiments")
    t = time_grid(hours)
    pools, steps = pool_trajectories(experiments, t)
    out = relative_read_outs(pools, steps)
    damages = np.array([damage_rate(e) for e in experiments])
    out.update(fate(t, out["flux"], damages, fate_parameter_arrays(experiments)))
    out["t"] = t
    return out


def simulate(treatments: Mapping[str, float] | None = None, hours: float = 24.0,
             knockdown: Mapping[str, float] | None = None,
             cell_line: str = "HepG2",
             ncrna: Mapping[str, float] | None = None) -> SimulationResult:
    """Simulate one experiment: treatments added at time 0 to cells at steady state.

    Knockdowns and RNA levels are taken as established before the treatment
    (as after a 48-72 h siRNA, mimic or inhibitor transfection), so time 0 is
    the steady state of the transfected cells and the treatment effect is seen
    on top of it.

    Parameters
    ----------
    treatments : mapping of str to float, optional
        Compound (see ``widgets.COMPOUNDS``, case-insensitive) to dose in µM,
        ``0 <= dose <= MAX_DOSE_UM`` (= 1,000,000 µM, 1 M).
    hours : float
        Duration after treatment in hours, ``0 < hours <= MAX_HOURS`` (= 8760,
        one year; 35,041 time points, a few ms).
    knockdown : mapping of str to float, optional
        Gene ("ATG5", "ATG7", "BECN1", "ULK1") to fraction removed, 0-1.
    cell_line : str
        One of ``widgets.CELL_LINES`` (case-insensitive).
    ncrna : mapping of str to float, optional
        Non-coding RNA (see ``widgets.NCRNAS``) to level relative to basal, > 0:
        1 = unchanged, above 1 a mimic, below 1 an inhibitor.

    Returns
    -------
    SimulationResult

    Raises
    ------
    ValueError
        Unknown name, a dose outside 0 to ``MAX_DOSE_UM``, a fraction outside
        0-1, a non-positive RNA level, hours outside (0, ``MAX_HOURS``], or an
        argument of the wrong type; the message names the value and the valid
        choices or range.

    Examples
    --------
    >>> r = simulate({"bafilomycin_a1": 0.1}, hours=4.0)
    >>> bool(r.lc3_ii[-1] > 1.5)
    True
    """
    experiment = make_experiment(treatments, knockdown, cell_line, ncrna)
    out = simulate_many([experiment], hours)
    return SimulationResult(experiment=experiment,
                            **{k: (v if k == "t" else v[0]) for k, v in out.items()})
