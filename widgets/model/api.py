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
from .names import checked_number
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


def time_grid(hours: float) -> np.ndarray:
    """Uniform grid from 0 to ``hours`` with spacing at most ``output_step`` h."""
    hours = checked_number(hours, "hours", 0.0, low_inclusive=False)
    n_steps = max(1, math.ceil(hours / parameter_values()["output_step"] - 1e-9))
    return np.linspace(0.0, hours, n_steps + 1)


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
                      start: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Exact pool trajectories on the uniform grid ``t`` (hours from the treatment).

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
        Built with :func:`widgets.model.make_experiment`.
    hours : float
        Duration after treatment, > 0.

    Returns
    -------
    dict of str to ndarray
        ``"t"`` (T,) and, each of shape (n, T): ``lc3_i``, ``lc3_ii``, ``p62``,
        ``flux``, ``viability``, ``autophagosome_lc3_ii``,
        ``autolysosome_lc3_ii``, ``damage``, ``loss_from_damage``,
        ``loss_from_autophagy``. Normalised as in
        :class:`SimulationResult`.
    """
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
        Compound (see ``widgets.COMPOUNDS``, case-insensitive) to dose in µM.
    hours : float
        Duration after treatment in hours, > 0.
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
        Unknown name, negative or non-finite dose, fraction outside 0-1,
        non-positive RNA level or hours; the message names the value and the
        valid choices.

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
