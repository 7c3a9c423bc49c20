"""The pharmacodynamic read-out of the hydroxychloroquine trials: LC3-II and p62 in blood cells.

A didactic model, not a prediction for patients. The HCQ trials judged whether
autophagy was blocked from patients' peripheral blood mononuclear cells (PBMCs):
autophagic vacuoles counted by electron microscopy and LC3-II on immunoblots,
before and during treatment. This module gives the virtual patients of
:mod:`widgets.model.trials` that read-out, beside what the same exposure does to
their tumour cells.

* **Exposure.** A patient on ``multiple`` times the standard HCQ dose (400 mg/day)
  has ``multiple * clinical_exposure_um("hydroxychloroquine")`` in whole blood,
  times the patient's log-normal factor (``exposure_variability``), as in the
  virtual trial.
* **Blood cells** are the flux core with its basal parameters and no other drug.
  They respond as if to ``blood_cell_hcq_factor`` times the whole-blood level:
  a factor calibrated (``data/pharmacodynamics.csv``) so that the share of
  patients whose LC3-II rises by more than ``pbmc_lc3_ii_rise_threshold`` matches
  the glioblastoma trial's counts at 400, 600 and 800 mg/day
  (``data/pd_observations.csv``).
* **Tumour cells** are the virtual trial's autophagy-dependent tumour (Huh7) on
  sorafenib at its standard exposure, with HCQ at ``tumour_blood_ratio`` times the
  whole-blood level (1, the virtual trial's own assumption, unless chosen).

Every read-out is the level after ``trial_exposure_hours`` relative to the same
cells without HCQ (the trials compared samples during treatment with the
patient's own baseline), read from a table over concentrations that is computed
once per set of data and interpolated in log concentration.
"""
from __future__ import annotations

import math

import numpy as np

from .api import simulate_many
from .data_files import data_cache, parameter_values, read_table
from .names import MAX_DOSE_UM, canonical_name, checked_number
from .scenario import make_experiment
from .trials import clinical_exposure_um, standard_dose_mg_per_day

HCQ = "hydroxychloroquine"
CELLS: tuple[str, ...] = ("blood", "tumour")
READ_OUTS: tuple[str, ...] = ("lc3_ii", "p62", "flux")
# HepG2 carries no line-specific flux parameter, so it stands for the basal flux core.
_CELL_LINES = {"blood": "HepG2", "tumour": "Huh7"}
_GRID_UM = np.concatenate([[0.0], np.geomspace(0.01, 3000.0, 109)])
_Z90 = 1.6448536269514722   # the 95th percentile of the standard normal


def pd_parameters() -> dict[str, float]:
    """The numbers of ``data/pharmacodynamics.csv`` by name."""
    return {row["name"]: float(row["value"]) for row in read_table("pharmacodynamics.csv")}


def observations() -> tuple[dict, ...]:
    """The trials' counts of patients with a blood-cell rise (``data/pd_observations.csv``).

    Each row has ``dose_mg_per_day``, ``responders`` and ``evaluated`` as numbers and
    the table's text columns as they are.
    """
    out = []
    for row in read_table("pd_observations.csv"):
        out.append({**row, "dose_mg_per_day": float(row["dose_mg_per_day"]),
                     "responders": int(row["responders"]), "evaluated": int(row["evaluated"])})
    return tuple(out)


def hcq_multiple(mg_per_day: float) -> float:
    """A daily HCQ dose in mg as a multiple of the standard 400 mg/day (0 to 10,000 mg/day)."""
    mg = checked_number(mg_per_day, "HCQ dose (mg/day)", 0.0, 10_000.0)
    return mg / standard_dose_mg_per_day(HCQ)


@data_cache
def _table(cell: str) -> dict[str, np.ndarray]:
    """Read-outs of one kind of cell over ``_GRID_UM`` µM of HCQ, relative to no HCQ."""
    partner = {"sorafenib": clinical_exposure_um("sorafenib")} if cell == "tumour" else {}
    experiments = [make_experiment({**partner, HCQ: float(c)} if c else partner, None,
                                   _CELL_LINES[cell]) for c in _GRID_UM]
    out = simulate_many(experiments, parameter_values()["trial_exposure_hours"])
    return {name: out[name][:, -1] / out[name][0, -1] for name in READ_OUTS}


def read_outs_at(cell: str, concentration_um: float) -> dict[str, float]:
    """LC3-II, p62 and flux of ``cell`` ("blood" or "tumour") at an effective HCQ concentration.

    Parameters
    ----------
    cell : {"blood", "tumour"}
    concentration_um : float
        The HCQ concentration the cells respond to, µM, 0 to 3000.

    Returns
    -------
    dict
        ``lc3_ii``, ``p62`` and ``flux`` after ``trial_exposure_hours``, each relative
        to the same cells without HCQ (1 = no change).
    """
    cell = canonical_name(cell, CELLS, "kind of cell")
    c = checked_number(concentration_um, "HCQ concentration (µM)", 0.0, float(_GRID_UM[-1]))
    table = _table(cell)
    if c < _GRID_UM[1]:   # below the grid: linear towards no HCQ
        return {name: float(1.0 + (table[name][1] - 1.0) * c / _GRID_UM[1]) for name in READ_OUTS}
    log_c = np.log(_GRID_UM[1:])
    return {name: float(np.interp(math.log(c), log_c, table[name][1:])) for name in READ_OUTS}


def blood_concentration_um(mg_per_day: float, patient_factor: float = 1.0) -> float:
    """The HCQ concentration blood cells respond to, µM (whole blood × the calibrated factor)."""
    factor = checked_number(patient_factor, "patient exposure factor", 0.0, MAX_DOSE_UM,
                            low_inclusive=False)
    return (hcq_multiple(mg_per_day) * clinical_exposure_um(HCQ) * factor
            * pd_parameters()["blood_cell_hcq_factor"])


def tumour_concentration_um(mg_per_day: float, tumour_blood_ratio: float | None = None,
                            patient_factor: float = 1.0) -> float:
    """The HCQ concentration the tumour cells respond to, µM (whole blood × ``tumour_blood_ratio``).

    ``tumour_blood_ratio`` (0.01 to 100) defaults to ``data/pharmacodynamics.csv``'s value,
    1: the virtual trial's assumption that tumour cells see the whole-blood level.
    """
    ratio = pd_parameters()["tumour_blood_ratio"] if tumour_blood_ratio is None else \
        checked_number(tumour_blood_ratio, "tumour/blood HCQ ratio", 0.01, 100.0)
    factor = checked_number(patient_factor, "patient exposure factor", 0.0, MAX_DOSE_UM,
                            low_inclusive=False)
    return hcq_multiple(mg_per_day) * clinical_exposure_um(HCQ) * ratio * factor


def blood_read_outs(mg_per_day: float, patient_factor: float = 1.0) -> dict[str, float]:
    """Blood-cell LC3-II, p62 and flux of a patient on ``mg_per_day`` HCQ, relative to baseline."""
    return read_outs_at("blood", blood_concentration_um(mg_per_day, patient_factor))


def tumour_read_outs(mg_per_day: float, tumour_blood_ratio: float | None = None,
                     patient_factor: float = 1.0) -> dict[str, float]:
    """Tumour-cell LC3-II, p62 and flux on sorafenib plus ``mg_per_day`` HCQ, relative to sorafenib alone."""
    return read_outs_at("tumour", tumour_concentration_um(mg_per_day, tumour_blood_ratio,
                                                           patient_factor))


def patient_range(mg_per_day: float) -> dict[str, tuple[float, float]]:
    """Blood-cell read-outs of the 5th and 95th percentile patients (exposure factor), low first."""
    sigma = parameter_values()["exposure_variability"]
    low = blood_read_outs(mg_per_day, math.exp(-_Z90 * sigma))
    high = blood_read_outs(mg_per_day, math.exp(_Z90 * sigma))
    return {name: (low[name], high[name]) for name in READ_OUTS}


@data_cache
def _threshold_concentration_um() -> float:
    """The effective concentration at which blood-cell LC3-II exceeds baseline by the threshold."""
    target = 1.0 + pd_parameters()["pbmc_lc3_ii_rise_threshold"]
    lc3 = _table("blood")["lc3_ii"][1:]
    if not lc3[-1] > target:
        raise ValueError(f"blood-cell LC3-II never rises above {target:g} times baseline; "
                         f"pbmc_lc3_ii_rise_threshold is out of the model's reach")
    return float(np.exp(np.interp(target, lc3, np.log(_GRID_UM[1:]))))


def detectable_share(mg_per_day: float, blood_cell_factor: float | None = None) -> float:
    """Share of patients whose blood-cell LC3-II rises by more than the threshold.

    Each patient's exposure is log-normal around the dose's level (``exposure_variability``);
    LC3-II rises with concentration, so the share is the chance that a patient's
    concentration exceeds the one at which the rise reaches the threshold.

    Parameters
    ----------
    mg_per_day : float
        HCQ dose, 0 to 10,000 mg/day.
    blood_cell_factor : float, optional
        Replaces ``blood_cell_hcq_factor`` (used to calibrate it), > 0.
    """
    typical = blood_concentration_um(mg_per_day)
    if blood_cell_factor is not None:
        factor = checked_number(blood_cell_factor, "blood-cell HCQ factor", 0.0, 1000.0,
                                low_inclusive=False)
        typical *= factor / pd_parameters()["blood_cell_hcq_factor"]
    if typical == 0.0:
        return 0.0
    z = math.log(typical / _threshold_concentration_um()) / parameter_values()["exposure_variability"]
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def log_likelihood(blood_cell_factor: float) -> float:
    """Binomial log-likelihood of the trials' counts (``observations()``) for a blood-cell factor."""
    total = 0.0
    for row in observations():
        share = min(max(detectable_share(row["dose_mg_per_day"], blood_cell_factor), 1e-12),
                    1.0 - 1e-12)
        total += (row["responders"] * math.log(share)
                  + (row["evaluated"] - row["responders"]) * math.log(1.0 - share))
    return total
