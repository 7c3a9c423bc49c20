"""Turn a described experiment into the step factors of the flux model.

An experiment is a cell line, a set of treatments (compound -> dose in µM)
and a set of knockdowns (gene -> fraction removed). The flux model only
needs four dimensionless factors, each 1.0 in untreated wild-type cells:

* ``nucleation``  phagophore initiation (ULK1 complex, Beclin 1/VPS34)
* ``conjugation`` LC3 lipidation machinery (ATG7, ATG5-ATG12)
* ``fusion``      autophagosome-lysosome fusion
* ``degradation`` lysosomal degradation capacity
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .data_files import parameter_values, read_table
from .names import (CELL_LINES, COMPOUNDS, KNOCKDOWN_GENES, MAX_DOSE_UM, canonical_name,
                    checked_number)
from .ncrna import checked_levels, step_multipliers

EFFECTS: tuple[str, ...] = ("induction", "initiation_block", "fusion_block", "degradation_block")


@dataclass(frozen=True)
class Experiment:
    """A validated experiment: canonical names, doses in µM, knockdown fractions, RNA levels."""

    treatments: dict[str, float] = field(default_factory=dict)
    knockdown: dict[str, float] = field(default_factory=dict)
    cell_line: str = "HepG2"
    ncrna: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class StepFactors:
    """Dimensionless multipliers of the four steps of autophagy (1.0 = basal)."""

    nucleation: float
    conjugation: float
    fusion: float
    degradation: float


def make_experiment(treatments: Mapping[str, float] | None = None,
                    knockdown: Mapping[str, float] | None = None,
                    cell_line: str = "HepG2",
                    ncrna: Mapping[str, float] | None = None) -> Experiment:
    """Validate user input and return an :class:`Experiment`.

    Parameters
    ----------
    treatments : mapping of str to float, optional
        Compound name (see ``COMPOUNDS``) to concentration in µM,
        ``0 <= dose <= MAX_DOSE_UM`` (= 1,000,000 µM, 1 M).
    knockdown : mapping of str to float, optional
        Gene (see ``KNOCKDOWN_GENES``) to the fraction of protein (or, for
        ``"MIR21"``, of the microRNA) removed, 0-1.
    cell_line : str
        One of ``CELL_LINES``.
    ncrna : mapping of str to float, optional
        Non-coding RNA (see ``NCRNAS``) to its level relative to basal, > 0
        (above 1 a mimic, below 1 an inhibitor); see :mod:`widgets.model.ncrna`.

    Raises
    ------
    ValueError
        For an unknown name, a dose that is not a finite number from 0 to
        ``MAX_DOSE_UM``, a fraction outside 0-1, a non-positive RNA level, or a
        mapping of the wrong type. The message names the bad value
        and the valid choices or range.
    """
    line = canonical_name(cell_line, CELL_LINES, "cell line")
    doses: dict[str, float] = {}
    for name, dose in _items(treatments, "treatments"):
        compound = canonical_name(name, COMPOUNDS, "compound")
        doses[compound] = doses.get(compound, 0.0) + checked_number(
            dose, f"dose of {compound} (µM)", 0.0, MAX_DOSE_UM)
    fractions: dict[str, float] = {}
    for name, fraction in _items(knockdown, "knockdown"):
        gene = canonical_name(name.upper() if isinstance(name, str) else name,
                              KNOCKDOWN_GENES, "knockdown gene")
        fractions[gene] = checked_number(fraction, f"knockdown fraction of {gene}", 0.0, 1.0)
    return Experiment(treatments=doses, knockdown=fractions, cell_line=line,
                      ncrna=checked_levels(ncrna))


def _items(mapping: Mapping[str, float] | None, what: str):
    if mapping is None:
        return ()
    if not isinstance(mapping, Mapping):
        raise ValueError(f"{what} must be a dict such as {{'name': value}}, got {mapping!r}")
    return mapping.items()


def hill(dose_um: float, ec50_um: float, hill_coefficient: float) -> float:
    """Fractional occupancy ``d^n / (d^n + EC50^n)`` of a dose in µM (0 at zero dose)."""
    if dose_um <= 0.0:
        return 0.0
    exponent = hill_coefficient * (math.log(ec50_um) - math.log(dose_um))
    if exponent > 700.0:  # far below EC50: occupancy underflows to zero
        return 0.0
    return 1.0 / (1.0 + math.exp(exponent))


def conjugation_left(remaining: float, reserve: float) -> float:
    """Activity of an enzyme step with spare capacity when only ``remaining`` of it is left.

    ``remaining * (1 + K) / (remaining + K)``: 1 when nothing is removed, 0 when
    all is removed, and with a small reserve ``K`` most activity survives a
    partial knockdown (a little ATG5 goes a long way).
    """
    return remaining * (1.0 + reserve) / (remaining + reserve)


@lru_cache(maxsize=None)
def induction_scale(cell_line: str, compound: str) -> float:
    """How strongly ``compound`` induces autophagy in ``cell_line`` (1 = reference line)."""
    for row in read_table("cell_line_responses.csv"):
        if row["cell_line"] == cell_line and row["compound"] == compound:
            return float(row["induction_scale"])
    return 1.0


@lru_cache(maxsize=None)
def compound_effects() -> dict[str, tuple[tuple[str, float, float, float], ...]]:
    """Each compound's effects from ``data/compound_effects.csv``: (effect, Emax, EC50 µM, Hill)."""
    effects: dict[str, list] = {}
    for row in read_table("compound_effects.csv"):
        effects.setdefault(row["compound"], []).append(
            (row["effect"], float(row["emax"]), float(row["ec50_um"]), float(row["hill"])))
    return {compound: tuple(rows) for compound, rows in effects.items()}


def step_factors(experiment: Experiment) -> StepFactors:
    """Compute the four step factors of an :class:`Experiment`.

    Inducers add their effects on nucleation (``1 + sum Emax * occupancy``);
    inhibitors of one step act independently (their remaining activities
    multiply); knockdowns scale the step their gene belongs to; non-coding
    RNAs change their targets' proteins (:mod:`widgets.model.ncrna`), which
    scale a step or join a knockdown. Anti-miR-21 (``knockdown["MIR21"]``)
    lowers the miR-21 level by the fraction removed, so drug-induced autophagy
    recovers where miR-21 is high (the sorafenib-resistant line).
    """
    induction_excess = 0.0
    remaining = {"initiation_block": 1.0, "fusion_block": 1.0, "degradation_block": 1.0}
    effects = compound_effects()
    for compound, dose in experiment.treatments.items():
        if dose == 0.0:
            continue
        for kind, emax, ec50_um, hill_coefficient in effects.get(compound, ()):
            effect = emax * hill(dose, ec50_um, hill_coefficient)
            if kind == "induction":
                induction_excess += effect * induction_scale(experiment.cell_line, compound)
            else:
                remaining[kind] *= 1.0 - effect

    p = parameter_values(experiment.cell_line)
    kd = experiment.knockdown
    levels = dict(experiment.ncrna)
    if "MIR21" in kd:
        levels["miR-21"] = levels.get("miR-21", 1.0) * (1.0 - kd["MIR21"])
    proteins, steps = step_multipliers(levels, experiment.cell_line)
    left = {gene: (1.0 - kd.get(gene, 0.0)) * proteins[gene] for gene in proteins}
    ulk = 1.0 - p["ulk1_share"] * (1.0 - left["ULK1"])
    beclin = conjugation_left(left["BECN1"], p["becn1_reserve"])
    atg5 = conjugation_left(left["ATG5"], p["conjugation_reserve_atg5"])
    atg7 = conjugation_left(left["ATG7"], p["conjugation_reserve_atg7"])
    return StepFactors(
        nucleation=((1.0 + induction_excess * steps["induction"]) * remaining["initiation_block"]
                    * ulk * beclin * steps["nucleation"]),
        conjugation=atg5 * atg7 * steps["conjugation"],
        fusion=remaining["fusion_block"],
        degradation=remaining["degradation_block"],
    )
