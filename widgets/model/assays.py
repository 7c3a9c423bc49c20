"""Virtual laboratory read-outs: the western blot and the LC3 turnover assay.

A blot lane is one experiment harvested at one time. Band intensities are
the model's protein levels times the amount of protein loaded (which varies
from lane to lane, seeded, so every build draws the same blot) times how well
the antibody detects the band.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .api import basal_pools, pool_trajectories, relative_read_outs, time_grid
from .data_files import parameter_values
from .flux import read_outs
from .names import (COMPOUNDS, MAX_DOSE_UM, MAX_SEED, canonical_name, checked_hours,
                    checked_number, checked_whole)
from .scenario import Experiment, make_experiment

BANDS: tuple[str, ...] = ("p62", "LC3-I", "LC3-II", "β-actin")
LYSOSOMAL_INHIBITORS: tuple[str, ...] = ("bafilomycin_a1", "chloroquine", "hydroxychloroquine")


@dataclass(frozen=True)
class Blot:
    """A virtual western blot.

    Attributes
    ----------
    lanes : tuple of str
        Lane labels, left to right.
    intensity : ndarray, shape (4, n_lanes)
        Raw band intensities in the order of ``BANDS`` (what a scanner sees).
    normalised : ndarray, shape (3, n_lanes)
        p62, LC3-I and LC3-II divided by β-actin, relative to the first lane.
    lc3_ratio : ndarray, shape (n_lanes,)
        Raw LC3-II / LC3-I band ratio (the read-out the guidelines discourage).
    flux : dict of str to float
        For each condition, the LC3 turnover read-out: actin-normalised
        LC3-II with the inhibitor minus without it, relative to the control
        lane without inhibitor.
    true_flux : dict of str to float
        The model's real flux (relative to basal) at harvest, without inhibitor.
    """

    lanes: tuple[str, ...]
    intensity: np.ndarray
    normalised: np.ndarray
    lc3_ratio: np.ndarray
    flux: dict[str, float]
    true_flux: dict[str, float]


def turnover_blot(treatment: Mapping[str, float], inhibitor: str = "bafilomycin_a1",
                  inhibitor_dose_um: float = 0.1, hours: float = 4.0,
                  knockdown: Mapping[str, float] | None = None, cell_line: str = "HepG2",
                  seed: int = 2021, ncrna: Mapping[str, float] | None = None,
                  control_treatment: Mapping[str, float] | None = None) -> Blot:
    """Four lanes of an LC3 turnover assay: control and treatment, each without and with inhibitor.

    The control lanes are wild-type cells (as if transfected with a control
    siRNA or a negative-control mimic), untreated unless ``control_treatment``
    is given; the treated lanes carry the treatment, the knockdown and the RNA
    levels.

    The inhibitor is added for the last ``min(hours, 4)`` hours before harvest,
    as in the usual protocol (Klionsky et al. 2021).

    Parameters
    ----------
    treatment : mapping of str to float
        The condition under study (compound -> µM); may be empty.
    inhibitor : str
        One of ``LYSOSOMAL_INHIBITORS``.
    inhibitor_dose_um : float
        Inhibitor concentration in µM (bafilomycin A1: 0.1 = 100 nM), 0 to
        ``MAX_DOSE_UM`` (= 1,000,000).
    hours : float
        Treatment duration before harvest, ``0 < hours <= MAX_HOURS`` (= 8760).
    knockdown : mapping of str to float, optional
        Knockdown of the treated lanes, as for :func:`widgets.simulate`.
    cell_line : str
        As for :func:`widgets.simulate`.
    seed : int
        Seed of the lane-loading variation, 0 to ``MAX_SEED`` (= 2**32 - 1).
    ncrna : mapping of str to float, optional
        Non-coding RNA levels of the treated lanes, as for :func:`widgets.simulate`.
    control_treatment : mapping of str to float, optional
        Compounds of the control lanes (µM), e.g. the same drug as the treated
        lanes when the question is what an RNA adds to it.

    Raises
    ------
    ValueError
        Bad names, doses, fractions, hours or seed (the message names the value and
        the valid choices or range), or the inhibitor also among the treatments.
    """
    inhibitor, inhibitor_dose_um = checked_inhibitor(inhibitor, inhibitor_dose_um)
    hours = checked_hours(hours)
    seed = checked_whole(seed, "seed", 0, MAX_SEED)
    treated = make_experiment(treatment, knockdown, cell_line, ncrna)
    check_inhibitor_apart(inhibitor, treated)
    control = make_experiment(control_treatment, None, cell_line)
    if inhibitor in control.treatments:
        raise ValueError(f"control_treatment already contains the lysosomal inhibitor "
                         f"{inhibitor!r}; it is added to the '+ inhibitor' lanes by itself")
    pulse = min(hours, 4.0)
    labels = ("control", "control + inhibitor", "treated", "treated + inhibitor")
    levels = np.empty((3, 4))
    true_flux = {}
    for column, (base, add_inhibitor) in enumerate(
            ((control, False), (control, True), (treated, False), (treated, True))):
        levels[:, column], flux = harvest(base, inhibitor if add_inhibitor else None,
                                           inhibitor_dose_um, hours, pulse)
        if not add_inhibitor:
            true_flux["treated" if column else "control"] = flux

    p = parameter_values()
    rng = np.random.default_rng(seed)
    loading = np.clip(1.0 + p["loading_variation"] * rng.standard_normal(4), 0.6, 1.4)
    basal = read_outs(basal_pools())
    amount = np.array([1.0, basal["lc3_i"], basal["lc3_ii"]])  # p62 keeps arbitrary units
    detection = np.array([1.0, 1.0, p["lc3_ii_detection"]]) * amount
    intensity = np.vstack([levels * detection[:, None] * loading, loading])
    normalised = intensity[:3] / intensity[3]
    normalised = normalised / normalised[:, :1]
    lc3_ii = normalised[2]
    return Blot(lanes=labels, intensity=intensity, normalised=normalised,
                lc3_ratio=intensity[2] / intensity[1],
                flux={"control": float(lc3_ii[1] - lc3_ii[0]),
                      "treated": float(lc3_ii[3] - lc3_ii[2])},
                true_flux=true_flux)


def checked_inhibitor(inhibitor: str, dose_um: float) -> tuple[str, float]:
    """The canonical name of a lysosomal inhibitor and its checked dose (µM).

    Raises
    ------
    ValueError
        An inhibitor not in ``LYSOSOMAL_INHIBITORS`` or a dose outside 0 to ``MAX_DOSE_UM``.
    """
    inhibitor = canonical_name(inhibitor, LYSOSOMAL_INHIBITORS, "lysosomal inhibitor")
    return inhibitor, checked_number(dose_um, f"dose of {inhibitor} (µM)", 0.0, MAX_DOSE_UM)


def check_inhibitor_apart(inhibitor: str, experiment: Experiment) -> None:
    """Refuse an experiment whose treatments already hold the inhibitor of the assay."""
    if inhibitor in experiment.treatments:
        raise ValueError(f"the treatment already contains the lysosomal inhibitor {inhibitor!r}; "
                         f"pass it as inhibitor= instead (valid treatment compounds: "
                         f"{', '.join(c for c in COMPOUNDS if c not in LYSOSOMAL_INHIBITORS)})")


def harvest(experiment: Experiment, inhibitor: str | None, inhibitor_dose_um: float,
            hours: float, pulse: float, induction: float = 1.0) -> tuple[np.ndarray, float]:
    """Levels (p62, LC3-I, LC3-II; relative to basal) and relative flux at harvest.

    The treatment runs for ``hours``; the inhibitor, if any, joins it for the
    last ``pulse`` hours, starting from the state the cells had reached.
    ``induction`` multiplies nucleation throughout (see
    :func:`widgets.model.api.pool_trajectories`). Input is taken as checked.
    """
    gain = np.array([induction])
    start = None
    if inhibitor is not None and hours > pulse:
        pools, _ = pool_trajectories([experiment], time_grid(hours - pulse), None, gain)
        start = pools[:, -1]
    if inhibitor is not None:
        doses = dict(experiment.treatments)
        doses[inhibitor] = inhibitor_dose_um
        experiment = Experiment(doses, experiment.knockdown, experiment.cell_line,
                                experiment.ncrna)
        hours = pulse
    pools, steps = pool_trajectories([experiment], time_grid(hours), start, gain)
    reads = relative_read_outs(pools[:, -1:], steps)
    levels = np.array([reads["p62"][0, 0], reads["lc3_i"][0, 0], reads["lc3_ii"][0, 0]])
    return levels, float(reads["flux"][0, 0])
