"""The flux core: LC3 and p62 moving through autophagosomes to lysosomes.

Six pools (arbitrary units), all linear with constant rates once the
treatments are applied::

    LC3-I  --k_lip*N*C-->  LC3-II(AP)  --k_fus*F-->  LC3-II(AL)  --k_deg*D-->  degraded
      ^  <-----k_atg4------'
    p62    --k_seq*N*C-->  p62(AP)     --k_fus*F-->  p62(AL)     --k_deg*D-->  degraded
    (free p62 is also turned over by the proteasome, d_P; LC3-I by d_L)

AP = autophagosome, AL = autolysosome; N, C, F, D are the step factors of
:mod:`widgets.model.scenario`. Flux is the rate at which LC3-II is degraded in
autolysosomes. Because LC3-II on autophagosomes can also leave by ATG4
delipidation, slowing fusion diverts LC3-II away from the lysosome and lowers
steady-state flux, as real lysosomal inhibitors do; with only first-order
degradation and no competing exit, a partial block would merely enlarge the
pools until flux returned to its old value.
"""
from __future__ import annotations

import numpy as np

from .data_files import parameter_values
from .scenario import StepFactors

POOLS: tuple[str, ...] = ("lc3_i", "lc3_ii_autophagosome", "lc3_ii_autolysosome",
                          "p62_free", "p62_autophagosome", "p62_autolysosome")
N_POOLS = len(POOLS)


def step_array(factors: list[StepFactors]) -> np.ndarray:
    """Stack step factors into an array of shape (n, 4): N, C, F, D."""
    return np.array([[f.nucleation, f.conjugation, f.fusion, f.degradation] for f in factors],
                    dtype=float).reshape(-1, 4)


def rate_system(steps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rate matrices (per hour) and inflows (a.u. per hour) for each scenario.

    Parameters
    ----------
    steps : ndarray, shape (n, 4)
        Step factors N (nucleation), C (conjugation), F (fusion), D (degradation).

    Returns
    -------
    rates : ndarray, shape (n, 6, 6)
    inflow : ndarray, shape (n, 6)
    """
    p = parameter_values()
    nucleation, conjugation, fusion, degradation = steps.T
    lipidation = p["lipidation_basal"] * nucleation * conjugation
    capture = p["p62_sequestration"] * nucleation * conjugation
    fuse = p["fusion"] * fusion
    degrade = p["lysosomal_degradation"] * degradation

    n = steps.shape[0]
    rates = np.zeros((n, N_POOLS, N_POOLS))
    rates[:, 0, 0] = -(lipidation + p["lc3_i_turnover"])
    rates[:, 0, 1] = p["delipidation"]
    rates[:, 1, 0] = lipidation
    rates[:, 1, 1] = -(p["delipidation"] + fuse)
    rates[:, 2, 1] = fuse
    rates[:, 2, 2] = -degrade
    rates[:, 3, 3] = -(capture + p["p62_turnover"])
    rates[:, 4, 3] = capture
    rates[:, 4, 4] = -fuse
    rates[:, 5, 4] = fuse
    rates[:, 5, 5] = -degrade

    inflow = np.zeros((n, N_POOLS))
    inflow[:, 0] = p["lc3_synthesis"]
    inflow[:, 3] = p["p62_synthesis"]
    return rates, inflow


def lc3_flux(pools: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Rate of LC3-II degradation in autolysosomes, a.u. per hour.

    Parameters
    ----------
    pools : ndarray, shape (n, ..., 6)
    steps : ndarray, shape (n, 4)
    """
    degrade = parameter_values()["lysosomal_degradation"] * steps[:, 3]
    shape = (-1,) + (1,) * (pools.ndim - 2)
    return degrade.reshape(shape) * pools[..., 2]


def read_outs(pools: np.ndarray) -> dict[str, np.ndarray]:
    """What a biologist measures, from the pools (same units as the pools).

    LC3-II is the sum of both membrane-bound pools (a blot cannot tell them
    apart); p62 is the sum of free and sequestered p62.
    """
    return {
        "lc3_i": pools[..., 0],
        "lc3_ii": pools[..., 1] + pools[..., 2],
        "p62": pools[..., 3] + pools[..., 4] + pools[..., 5],
        "autophagosome_lc3_ii": pools[..., 1],
        "autolysosome_lc3_ii": pools[..., 2],
    }
