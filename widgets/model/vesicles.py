"""Virtual characterisation of an exosome preparation: particle sizes and marker blots.

A preparation is a mixture of four kinds of particle (``data/vesicle_populations.csv``):
small EVs (exosomes), larger vesicles, apoptotic bodies and cell debris, and protein
aggregates, in shares set by the purification steps (``data/vesicle_preparations.csv``).
Nanoparticle tracking sees only sizes: each kind has a log-normal size distribution.
A western blot of equal particle numbers sees markers: the tetraspanins CD63 and CD9 and
the ESCRT-associated TSG101 and ALIX are enriched in small EVs, calnexin (an ER protein)
marks contamination by cells and debris. All numbers are didactic assumptions.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data_files import parameter_values, read_table
from .names import canonical_name

MARKERS = ("CD63", "CD9", "TSG101", "ALIX", "calnexin")
POPULATIONS = ("small_ev", "large_ev", "debris", "aggregates")
POSITIVE_MARKERS = MARKERS[:4]
SIZES_NM = np.geomspace(20.0, 2000.0, 121)
SMALL_EV_RANGE_NM = (30.0, 150.0)


@dataclass(frozen=True)
class Characterisation:
    """What a paper could report about one preparation.

    Attributes
    ----------
    preparation : str
    sizes_nm : ndarray
        Particle diameters (log-spaced), nm.
    particles : dict of str to ndarray
        Particle-size distribution of each kind (share per nm of log size; they sum to
        the whole), keyed by population.
    markers : dict of str to float
        Band intensity of each marker per equal number of particles (1 = pure small EVs).
    share_in_range : float
        Share of particles between 30 and 150 nm, as nanoparticle tracking would count it.
    mode_nm : float
        The most common diameter.
    """

    preparation: str
    sizes_nm: np.ndarray
    particles: dict
    markers: dict
    share_in_range: float
    mode_nm: float


def preparations() -> tuple[str, ...]:
    """The preparations in ``data/vesicle_preparations.csv``, in order."""
    return tuple(row["preparation"] for row in read_table("vesicle_preparations.csv"))


def preparation_label(preparation: str) -> str:
    name = canonical_name(preparation, preparations(), "preparation")
    return next(r["label"] for r in read_table("vesicle_preparations.csv")
                if r["preparation"] == name)


def _shares(preparation: str, treated_cells: bool) -> dict[str, float]:
    """Each kind of particle's share; debris multiplied when the cells were dying, renormalised."""
    row = next(r for r in read_table("vesicle_preparations.csv") if r["preparation"] == preparation)
    factor = parameter_values()["debris_from_treated_cells"] if treated_cells else 1.0
    raw = {name: float(row[name]) * (factor if name == "debris" else 1.0)
           for name in POPULATIONS}
    return {name: value / sum(raw.values()) for name, value in raw.items()}


def characterise(preparation: str = "ultracentrifugation",
                 treated_cells: bool = False) -> Characterisation:
    """Size distribution, marker bands and summary numbers of a preparation.

    ``treated_cells``: the medium came from cells under a drug, many of them dying, which
    adds debris.

    Raises
    ------
    ValueError
        An unknown preparation (the message lists the valid ones), or ``treated_cells``
        not True or False.
    """
    name = canonical_name(preparation, preparations(), "preparation")
    if not isinstance(treated_cells, bool):
        raise ValueError(f"treated_cells must be True or False, got {treated_cells!r}")
    shares = _shares(name, treated_cells)
    log_sizes = np.log(SIZES_NM)
    width = np.gradient(log_sizes)
    particles, markers = {}, dict.fromkeys(MARKERS, 0.0)
    for row in read_table("vesicle_populations.csv"):
        share = float(shares[row["population"]])
        density = np.exp(-0.5 * ((log_sizes - np.log(float(row["mode_nm"])))
                                 / float(row["log_spread"])) ** 2)
        particles[row["population"]] = share * density / np.sum(density * width)
        for marker in MARKERS:
            markers[marker] += share * float(row[marker])
    total = sum(particles.values())
    inside = (SIZES_NM >= SMALL_EV_RANGE_NM[0]) & (SIZES_NM <= SMALL_EV_RANGE_NM[1])
    return Characterisation(name, SIZES_NM, particles, markers,
                            float(np.sum((total * width)[inside])),
                            float(SIZES_NM[int(np.argmax(total))]))
