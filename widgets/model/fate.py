"""Cell fate: drug damage, its clearance by autophagic flux, and viability.

Damage ``X`` (a.u.) is made by the anticancer drugs at a rate proportional
to the dose, ``delta = sum_i kappa_i(line) * dose_i``, and removed by basal
repair and, in proportion to relative autophagic flux ``phi(t)``, by
autophagy (the cytoprotective, "accomplice" role)::

    dX/dt = delta - (k_rep + k_clear * phi(t)) * X,        X(0) = 0

Cells are lost through a damage-driven hazard, through slowed growth, and
through autophagic death when flux exceeds a threshold ``theta`` (the
cytotoxic, "antagonist" role, dominant in the sorafenib-resistant line)::

    hazard(t) = k_kill * X^2 / (X^2 + X50^2)                    apoptosis
              + g * X / (X + X_g)                               lost growth
              + k_ad * max(phi(t) - theta, 0)                    autophagic death

Viability, as a 72 h MTT-type assay reads it, is the number of viable cells
relative to untreated cells of the same line at the same time:
``exp(-integral of hazard)``. ``theta >= 1`` keeps untreated cells at 1.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .data_files import parameter_values, read_table
from .scenario import Experiment

_EXPONENT_SPAN = 400.0
FATE_PARAMETERS: tuple[str, ...] = (
    "damage_repair", "damage_clearance_by_flux", "kill_rate", "damage_half_kill",
    "growth_rate", "damage_half_growth", "autophagic_death_rate", "autophagic_death_threshold")


def damage_potency(compound: str, cell_line: str) -> float:
    """Damage made per µM of ``compound`` in ``cell_line``, a.u. per hour per µM.

    0 for compounds that cause no damage in the model (the autophagy
    modulators used as tools).
    """
    for row in read_table("drug_damage.csv"):
        if row["compound"] == compound and row["cell_line"] == cell_line:
            return float(row["damage_per_um_h"])
    return 0.0


def damaging_compounds() -> tuple[str, ...]:
    """Compounds that cause damage in at least one cell line (they have an IC50)."""
    return tuple(dict.fromkeys(row["compound"] for row in read_table("drug_damage.csv")))


def damage_rate(experiment: Experiment) -> float:
    """Rate at which the treatments of ``experiment`` create damage, a.u. per hour."""
    return sum(damage_potency(compound, experiment.cell_line) * dose
               for compound, dose in experiment.treatments.items())


def fate_parameter_arrays(experiments: Sequence[Experiment]) -> dict[str, np.ndarray]:
    """The cell-fate parameters of each experiment's cell line, each of shape (n,)."""
    per_line = {line: parameter_values(line) for line in {e.cell_line for e in experiments}}
    return {name: np.array([per_line[e.cell_line][name] for e in experiments])
            for name in FATE_PARAMETERS}


def fate(t_h: np.ndarray, relative_flux: np.ndarray, damage_rates: np.ndarray,
         parameters: dict[str, np.ndarray],
         initial_damage: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Damage, the two causes of cell loss, and viability for many scenarios.

    Parameters
    ----------
    t_h : ndarray, shape (T,)
        Uniform time grid in hours starting at 0.
    relative_flux : ndarray, shape (n, T)
        Autophagic flux relative to the untreated basal state.
    damage_rates : ndarray, shape (n,) or (n, T - 1)
        Damage creation rate of each scenario, a.u. per hour: constant, or one value per
        interval of the grid.
    parameters : dict of str to ndarray, shape (n,)
        The entries of ``FATE_PARAMETERS`` for each scenario (see
        :func:`fate_parameter_arrays`).
    initial_damage : ndarray, shape (n,), optional
        Damage at the first time point (default 0: fresh cells). A schedule of
        treatments continues from the damage the previous stretch left.

    Returns
    -------
    dict of str to ndarray, each of shape (n, T)
        ``damage`` (a.u.); ``loss_from_damage`` and ``loss_from_autophagy``,
        the cumulative hazards (dimensionless) of damage-driven loss
        (apoptosis and slowed growth) and of autophagic death; and
        ``viability = exp(-(loss_from_damage + loss_from_autophagy))``, in
        [0, 1] and 1 at time 0.
    """
    p = {name: values[:, None] for name, values in parameters.items()}
    step = t_h[1] - t_h[0]
    clearance = p["damage_repair"] + p["damage_clearance_by_flux"] * relative_flux
    interval_rate = 0.5 * (clearance[:, 1:] + clearance[:, :-1])
    start = np.zeros(relative_flux.shape[0]) if initial_damage is None else initial_damage
    rates = damage_rates[:, None] if damage_rates.ndim == 1 else damage_rates
    damage = relax_piecewise(interval_rate * step, rates / interval_rate, start)

    squared = damage ** 2
    damage_hazard = (p["kill_rate"] * squared / (squared + p["damage_half_kill"] ** 2)
                     + p["growth_rate"] * damage / (damage + p["damage_half_growth"]))
    autophagy_hazard = p["autophagic_death_rate"] * np.maximum(
        relative_flux - p["autophagic_death_threshold"], 0.0)
    loss_from_damage = _integral(damage_hazard, step)
    loss_from_autophagy = _integral(autophagy_hazard, step)
    return {"damage": damage, "loss_from_damage": loss_from_damage,
            "loss_from_autophagy": loss_from_autophagy,
            "viability": np.exp(-(loss_from_damage + loss_from_autophagy))}


def relax_piecewise(decay_exponent: np.ndarray, plateau: np.ndarray,
                    start: np.ndarray) -> np.ndarray:
    """``dX/dt = c (P - X)`` on the grid, exact for ``c`` and ``P`` held over each interval.

    Damage uses it with ``c`` the clearance rate and ``P = delta / c``; the exosome model
    for vesicles in the medium and cargo in the recipient cells.

    Each interval moves damage towards its plateau ``delta / c``:
    ``X[j+1] = X[j] e^-a[j] + plateau[j] (1 - e^-a[j])`` with ``a = c * dt``.
    Unrolled, ``X[j] = e^-A[j] * sum_{i<j} plateau[i] (e^A[i+1] - e^A[i])`` with
    ``A`` the running sum of ``a``: a cumulative sum over time, vectorised over
    scenarios. Long runs are cut into stretches over which ``A`` grows by less
    than ``_EXPONENT_SPAN``, so the exponentials never overflow.
    """
    n, steps = decay_exponent.shape
    damage = np.zeros((n, steps + 1))
    damage[:, 0] = start
    begin = 0
    while begin < steps:
        running = np.cumsum(decay_exponent[:, begin:], axis=1)
        fits = np.nonzero(running.max(axis=0) > _EXPONENT_SPAN)[0]
        end = begin + (max(int(fits[0]), 1) if fits.size else steps - begin)
        total = np.concatenate([np.zeros((n, 1)), running[:, :end - begin]], axis=1)
        growth = np.exp(total - total[:, -1:] / 2.0)  # centred: same result, half the range
        increments = plateau[:, begin:end] * np.diff(growth, axis=1)
        stretch = np.concatenate([np.zeros((n, 1)), np.cumsum(increments, axis=1)], axis=1)
        damage[:, begin:end + 1] = (damage[:, begin:begin + 1] * growth[:, :1] + stretch) / growth
        begin = end
    return damage


def _integral(rate: np.ndarray, step: float) -> np.ndarray:
    """Trapezoidal running integral over time (axis 1), 0 at the first point."""
    return np.concatenate([np.zeros((rate.shape[0], 1)),
                           np.cumsum(0.5 * (rate[:, 1:] + rate[:, :-1]) * step, axis=1)], axis=1)
