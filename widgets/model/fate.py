"""Cell fate: drug damage, its clearance by autophagic flux, and viability.

Damage ``X`` (a.u.) accumulates from the drugs and is removed by basal repair
and, in proportion to relative autophagic flux ``phi(t)``, by autophagy (the
cytoprotective, "accomplice" role)::

    dX/dt = delta - (k_rep + k_clear * phi(t)) * X,        X(0) = 0

Cells are lost through a damage-driven hazard, through slowed growth, and
through autophagic death when flux exceeds a context-dependent threshold
(the cytotoxic, "antagonist" role)::

    hazard(t) = k_kill * X^2 / (X^2 + X50^2)                    apoptosis
              + g * X / (X + X_g)                               lost growth
              + k_ad * max(phi(t) - theta, 0)                    autophagic death

Viability, as an MTT-type assay reads it, is the number of viable cells
relative to untreated cells at the same time: ``exp(-integral of hazard)``.
"""
from __future__ import annotations

import numpy as np

from .data_files import parameter_values, read_table
from .scenario import Experiment, hill


def damage_rate(experiment: Experiment) -> float:
    """Rate at which the treatments create damage, a.u. per hour."""
    total = 0.0
    for row in read_table("compound_effects.csv"):
        if row["effect"] != "damage":
            continue
        dose = experiment.treatments.get(row["compound"], 0.0)
        total += float(row["emax"]) * hill(dose, float(row["ec50_um"]), float(row["hill"]))
    return total


def fate(t_h: np.ndarray, relative_flux: np.ndarray, damage_rates: np.ndarray,
         autophagic_death_threshold: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Damage and viability over time for many scenarios.

    Parameters
    ----------
    t_h : ndarray, shape (T,)
        Uniform time grid in hours starting at 0.
    relative_flux : ndarray, shape (n, T)
        Autophagic flux relative to the untreated basal state.
    damage_rates : ndarray, shape (n,)
        Damage creation rate of each scenario, a.u. per hour.
    autophagic_death_threshold : ndarray, shape (n,)
        Relative flux above which autophagy kills (``theta``).

    Returns
    -------
    damage : ndarray, shape (n, T)
    viability : ndarray, shape (n, T)
        In [0, 1], 1 at time 0.
    """
    p = parameter_values()
    step = t_h[1] - t_h[0]
    clearance = p["damage_repair"] + p["damage_clearance_by_flux"] * relative_flux
    interval_rate = 0.5 * (clearance[:, 1:] + clearance[:, :-1])
    decay = np.exp(-interval_rate * step)
    gain = damage_rates[:, None] * (1.0 - decay) / interval_rate
    damage = np.zeros_like(relative_flux)
    # Exact for a clearance rate held constant over each interval; the loop
    # runs over time points while every scenario is updated at once.
    for j in range(decay.shape[1]):
        damage[:, j + 1] = damage[:, j] * decay[:, j] + gain[:, j]

    squared = damage ** 2
    hazard = (p["kill_rate"] * squared / (squared + p["damage_half_kill"] ** 2)
              + p["growth_rate"] * damage / (damage + p["damage_half_growth"])
              + p["autophagic_death_rate"]
              * np.maximum(relative_flux - autophagic_death_threshold[:, None], 0.0))
    cumulative = np.concatenate(
        [np.zeros((hazard.shape[0], 1)),
         np.cumsum(0.5 * (hazard[:, 1:] + hazard[:, :-1]) * step, axis=1)], axis=1)
    return damage, np.exp(-cumulative)
