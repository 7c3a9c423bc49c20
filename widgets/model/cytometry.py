"""Virtual flow cytometry: CD133 staining of a mixed population, an isotype control and a gate.

Each cell's fluorescence is log-normal: stem-like cells stain brightly, the other cells
barely above the background, and the isotype control (an antibody of the same class that
binds nothing) shows the background of the same cells. The percentage a paper reports
depends on where the gate is set; the usual convention puts it where the isotype control
has 1% (or 2%) of its events above it.

Intensities are in arbitrary fluorescence units on a log scale (log10). Sampling is seeded,
so the same call always gives the same events.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .data_files import parameter_values
from .names import EVENTS_RANGE, MAX_SEED, checked_number, checked_values, checked_whole

#: Share of isotype-control events the conventional gate leaves above it.
ISOTYPE_ABOVE_GATE = 0.01


@dataclass(frozen=True)
class FlowSample:
    """One stained sample and its isotype control.

    Attributes
    ----------
    cd133, isotype : ndarray
        log10 fluorescence of each event, shape (n_events,).
    stem_fraction : float
        The true fraction of stem-like cells in the sample.
    """

    cd133: np.ndarray
    isotype: np.ndarray
    stem_fraction: float


def stain(stem_fraction: float, n_events: int = 10_000, seed: int = 0) -> FlowSample:
    """Events of a CD133 staining and its isotype control for a given stem fraction.

    Parameters
    ----------
    stem_fraction : float
        True fraction of stem-like cells, 0-1.
    n_events : int
        Events of the sample (and of its isotype control), ``EVENTS_RANGE`` (100 to
        1,000,000).
    seed : int
        Seed of the random numbers, 0 to ``MAX_SEED`` (= 2**32 - 1).

    Raises
    ------
    ValueError
        ``stem_fraction`` outside 0-1, ``n_events`` not a whole number from 100 to 10^6,
        or a bad seed.
    """
    stem_fraction = checked_number(stem_fraction, "stem_fraction", 0.0, 1.0)
    n_events = checked_whole(n_events, "n_events", *EVENTS_RANGE)
    seed = checked_whole(seed, "seed", 0, MAX_SEED)
    p = parameter_values()
    rng = np.random.default_rng(seed)
    n_stem = int(round(stem_fraction * n_events))
    spread = p["cd133_log_spread"]
    cd133 = np.concatenate([rng.normal(p["cd133_log_bright"], spread, n_stem),
                            rng.normal(p["cd133_log_dim"], spread, n_events - n_stem)])
    isotype = rng.normal(p["isotype_log_background"], spread, n_events)
    return FlowSample(cd133=rng.permutation(cd133), isotype=isotype, stem_fraction=stem_fraction)


def percent_positive(log_intensities: np.ndarray, gate_log: float) -> float:
    """Percentage of events brighter than the gate (log10 fluorescence).

    Parameters
    ----------
    log_intensities : sequence of float
        log10 fluorescence of each event: 1 to 1,000,000 (``EVENTS_RANGE[1]``)
        finite numbers, e.g. ``FlowSample.cd133``.
    gate_log : float
        The gate, log10 fluorescence, -10 to 10.
    """
    gate_log = checked_number(gate_log, "gate (log10 fluorescence)", -10.0, 10.0)
    events = checked_values(log_intensities, "log_intensities", -math.inf, math.inf,
                            EVENTS_RANGE[1])
    return 100.0 * float(np.mean(events > gate_log))


def isotype_gate(sample: FlowSample, above: float = ISOTYPE_ABOVE_GATE) -> float:
    """The gate that leaves ``above`` of the isotype-control events above it (log10).

    ``sample`` is a :class:`FlowSample` (from :func:`stain`); ``above`` is in (0, 0.5].
    """
    if not isinstance(sample, FlowSample):
        raise ValueError(f"sample must be a FlowSample made by stain(), got {sample!r}")
    above = checked_number(above, "share of isotype events above the gate", 0.0, 0.5,
                           low_inclusive=False)
    return float(np.quantile(sample.isotype, 1.0 - above))
