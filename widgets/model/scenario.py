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
from .names import CELL_LINES, COMPOUNDS, KNOCKDOWN_GENES, canonical_name, checked_number

EFFECTS: tuple[str, ...] = ("induction", "initiation_block", "fusion_block", "degradation_block")


@dataclass(frozen=True)
class Experiment:
    """A validated experiment: canonical names, doses in µM, knockdown fractions."""

    treatments: dict[str, float] = field(default_factory=dict)
    knockdown: dict[str, float] = field(default_factory=dict)
    cell_line: str = "HepG2"


@dataclass(frozen=True)
class StepFactors:
    """Dimensionless multipliers of the four steps of autophagy (1.0 = basal)."""

    nucleation: float
    conjugation: float
    fusion: float
    degradation: float


def make_experiment(treatments: Mapping[str, float] | None = None,
                    knockdown: Mapping[str, float] | None = None,
                    cell_line: str = "HepG2") -> Experiment:
    """Validate user input and return an :class:`Experiment`.

    Parameters
    ----------
    treatments : mapping of str to float, optional
        Compound name (see ``COMPOUNDS``) to concentration in µM (>= 0).
    knockdown : mapping of str to float, optional
        Gene (see ``KNOCKDOWN_GENES``) to the fraction of protein (or, for
        ``"MIR21"``, of the microRNA) removed, 0-1.
    cell_line : str
        One of ``CELL_LINES``.

    Raises
    ------
    ValueError
        For an unknown name, a negative or non-finite dose, a fraction outside
        0-1, or a mapping of the wrong type. The message names the bad value
        and the valid choices or range.
    """
    line = canonical_name(cell_line, CELL_LINES, "cell line")
    doses: dict[str, float] = {}
    for name, dose in _items(treatments, "treatments"):
        compound = canonical_name(name, COMPOUNDS, "compound")
        doses[compound] = doses.get(compound, 0.0) + checked_number(
            dose, f"dose of {compound} (µM)", 0.0)
    fractions: dict[str, float] = {}
    for name, fraction in _items(knockdown, "knockdown"):
        gene = canonical_name(name.upper() if isinstance(name, str) else name,
                              KNOCKDOWN_GENES, "knockdown gene")
        fractions[gene] = checked_number(fraction, f"knockdown fraction of {gene}", 0.0, 1.0)
    return Experiment(treatments=doses, knockdown=fractions, cell_line=line)


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

    Inducers add their effects on nucleation (``1 + sum Emax * occupancy``),
    of which a line with high miR-21 keeps only ``mir21_induction_left``
    unless miR-21 is knocked down; inhibitors of one step act independently
    (their remaining activities multiply); knockdowns scale the step their
    gene belongs to.
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
    induction_excess *= 1.0 - (1.0 - p["mir21_induction_left"]) * (1.0 - kd.get("MIR21", 0.0))
    ulk = 1.0 - p["ulk1_share"] * kd.get("ULK1", 0.0)
    beclin = conjugation_left(1.0 - kd.get("BECN1", 0.0), p["becn1_reserve"])
    atg5 = conjugation_left(1.0 - kd.get("ATG5", 0.0), p["conjugation_reserve_atg5"])
    atg7 = conjugation_left(1.0 - kd.get("ATG7", 0.0), p["conjugation_reserve_atg7"])
    return StepFactors(
        nucleation=(1.0 + induction_excess) * remaining["initiation_block"] * ulk * beclin,
        conjugation=atg5 * atg7,
        fusion=remaining["fusion_block"],
        degradation=remaining["degradation_block"],
    )
