"""Quiz quantities of the drugs chapter: IC50s, their shifts, and the toy immune model."""
from __future__ import annotations

from ...model.antigen import antigen_presentation
from ...model.pharmacology import ic50
from . import conditions


def ic50_um(spec: dict) -> float:
    """IC50 (µM) of ``drug`` after ``hours`` (default 72) with ``treatments``, ``knockdown``,
    ``cell_line`` and ``ncrna``."""
    treatments, knockdown, line, ncrna = conditions(spec)
    return ic50(spec["drug"], spec.get("hours", 72.0), treatments, knockdown, line, ncrna)


def fold_shift(spec: dict) -> float:
    """IC50 of ``drug`` alone / IC50 with ``treatments``, ``knockdown`` and ``ncrna``
    (``hours`` default 72, ``cell_line``)."""
    treatments, knockdown, line, ncrna = conditions(spec)
    hours = spec.get("hours", 72.0)
    return (ic50(spec["drug"], hours, cell_line=line)
            / ic50(spec["drug"], hours, treatments, knockdown, line, ncrna))


def surface_mhc_i(spec: dict) -> float:
    """Surface MHC-I of the toy immune model, relative to untreated cells (``treatments``,
    ``knockdown``, ``cell_line``)."""
    treatments, knockdown, line, _ = conditions(spec)
    return antigen_presentation(treatments, knockdown, line).surface_mhc_i


QUANTITIES = {"ic50": ic50_um, "fold_shift": fold_shift, "surface_mhc_i": surface_mhc_i}
