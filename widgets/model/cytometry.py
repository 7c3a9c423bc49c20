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

from dataclasses import dataclass

import numpy as np

from .data_files import parameter_values
from .names import checked_number

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

    Raises
    ------
    ValueError
        ``stem_fraction`` outside 0-1, or ``n_events`` not a whole number from 100 to 10^6.
    """
    stem_fraction = checked_number(stem_fraction, "stem_fraction", 0.0, 1.0)
    if isinstance(n_events, bool) or not isinstance(n_events, int) or \
            not 100 <= n_events <= 1_000_000:
        raise ValueError(f"n_events must be a whole number from 100 to 1000000, got {n_events!r}")
    p = parameter_values()
    rng = np.random.default_rng(seed)
    n_stem = int(round(stem_fraction * n_events))
    spread = p["cd133_log_spread"]
    cd133 = np.concatenate([rng.normal(p["cd133_log_bright"], spread, n_stem),
                            rng.normal(p["cd133_log_dim"], spread, n_events - n_stem)])
    isotype = rng.normal(p["isotype_log_background"], spread, n_events)
    return FlowSample(cd133=rng.permutation(cd133), isotype=isotype, stem_fraction=stem_fraction)


def percent_positive(log_intensities: np.ndarray, gate_log: float) -> float:
    """Percentage of events brighter than the gate (log10 fluorescence)."""
    gate_log = checked_number(gate_log, "gate (log10 fluorescence)", -10.0, 10.0)
    return 100.0 * float(np.mean(log_intensities > gate_log))


def isotype_gate(sample: FlowSample, above: float = ISOTYPE_ABOVE_GATE) -> float:
    """The gate that leaves ``above`` of the isotype-control events above it (log10)."""
    above = checked_number(above, "share of isotype events above the gate", 0.0, 0.5,
                           low_inclusive=False)
    return float(np.quantile(sample.isotype, 1.0 - above))
