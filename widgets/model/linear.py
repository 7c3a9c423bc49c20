"""Exact solution of linear systems ``dx/dt = M x + b`` for many scenarios at once.

With constant coefficients the solution on a uniform time grid is
``x(t_k) = x* + Phi^k (x0 - x*)`` with ``Phi = exp(M dt)`` and the steady state
``x* = -M^{-1} b``. This is exact at every grid point (no step-size error);
the only approximation is the matrix exponential, computed to machine
precision by scaling and squaring of a Taylor series.
"""
from __future__ import annotations

import numpy as np

_TAYLOR_TERMS = 18


def expm_batch(matrices: np.ndarray) -> np.ndarray:
    """Matrix exponential of a stack of square matrices.

    Parameters
    ----------
    matrices : ndarray, shape (n, k, k)
        Rate matrices multiplied by the time step (dimensionless).

    Returns
    -------
    ndarray, shape (n, k, k)
    """
    norm = np.abs(matrices).sum(axis=-1).max()
    squarings = max(0, int(np.ceil(np.log2(norm / 0.25)))) if norm > 0 else 0
    scaled = matrices / 2.0 ** squarings
    identity = np.broadcast_to(np.eye(matrices.shape[-1]), matrices.shape)
    result = identity.copy()
    term = identity.copy()
    for order in range(1, _TAYLOR_TERMS + 1):
        term = term @ scaled / order
        result = result + term
    for _ in range(squarings):
        result = result @ result
    return result


def steady_state(rates: np.ndarray, inflow: np.ndarray) -> np.ndarray:
    """Steady state ``x*`` solving ``M x* + b = 0`` for each scenario.

    Parameters
    ----------
    rates : ndarray, shape (n, k, k)
        Rate matrices in per hour.
    inflow : ndarray, shape (n, k)
        Constant source terms in a.u. per hour.
    """
    return np.linalg.solve(rates, -inflow[..., None])[..., 0]


def propagate(rates: np.ndarray, inflow: np.ndarray, start: np.ndarray,
              step_h: float, n_steps: int) -> np.ndarray:
    """Exact trajectories on the grid ``0, dt, ..., n_steps*dt``.

    Parameters
    ----------
    rates : ndarray, shape (n, k, k)
        Rate matrices in per hour (must be invertible: every pool has an exit).
    inflow : ndarray, shape (n, k)
        Source terms in a.u. per hour.
    start : ndarray, shape (n, k)
        State at time 0.
    step_h : float
        Grid spacing in hours.
    n_steps : int
        Number of steps; the result has ``n_steps + 1`` time points.

    Returns
    -------
    ndarray, shape (n, n_steps + 1, k)
    """
    target = steady_state(rates, inflow)
    return target[:, None, :] + _offsets(expm_batch(rates * step_h), start - target, n_steps)


def _offsets(one_step: np.ndarray, offset: np.ndarray, n_steps: int) -> np.ndarray:
    """``Phi^j v`` for j = 0 ... n_steps by repeated doubling.

    Knowing the first ``m`` points, the next ``m`` are ``Phi^m`` times them, and
    ``Phi^2m = (Phi^m)^2``: log2(n_steps) batched products of matrices with
    blocks of vectors, instead of one matrix-vector product per step.
    """
    n, k = offset.shape
    out = np.empty((n, n_steps + 1, k))
    out[:, 0] = offset
    leap, filled = one_step, 1          # leap = Phi^filled
    while filled <= n_steps:
        block = min(filled, n_steps + 1 - filled)
        out[:, filled:filled + block] = out[:, :block] @ np.swapaxes(leap, 1, 2)
        filled += block
        leap = leap @ leap
    return out
