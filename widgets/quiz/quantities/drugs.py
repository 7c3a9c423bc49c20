"""Quiz quantities of the drugs chapter: IC50s, their shifts, synergy and causes of loss, and the
toy immune model."""
from __future__ import annotations

from ...model.antigen import antigen_presentation
from ...model.pharmacology import compare_with_intervention, ic50
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

#: The two arms of the dose-response comparison: the drug alone, and with the intervention.
ARMS = ("alone", "combined")


def _comparison(spec: dict):
    """The dose-response explorer's comparison of ``drug`` alone and with the intervention."""
    treatments, knockdown, line, ncrna = conditions(spec)
    return compare_with_intervention(spec["drug"], [1.0], spec.get("hours", 72.0), treatments,
                                     knockdown, line, ncrna)


def bliss_excess(spec: dict) -> float:
    """Bliss excess at the IC50 of ``drug`` alone (viability, 0-1; positive: synergy) with
    ``treatments``, ``knockdown`` and ``ncrna`` (``hours`` default 72, ``cell_line``)."""
    return _comparison(spec).bliss_at_ic50


def _loss(cause: str):
    def value(spec: dict) -> float:
        arms = dict(zip(ARMS, getattr(_comparison(spec), f"loss_from_{cause}")))
        arm = spec.get("arm", "alone")
        if arm not in arms:
            raise ValueError(f"arm {arm!r}; valid choices are: {', '.join(ARMS)}")
        return arms[arm]

    value.__name__ = f"loss_from_{cause}"
    value.__doc__ = (f"Share of cells (0-1) lost to {cause} at the IC50 dose of ``drug`` alone, "
                     "in the arm ``arm`` (``alone``, the default, or ``combined`` with "
                     "``treatments``, ``knockdown`` and ``ncrna``); ``hours`` default 72, "
                     "``cell_line``.")
    return value


def surface_mhc_i(spec: dict) -> float:
    """Surface MHC-I of the toy immune model, relative to untreated cells (``treatments``,
    ``knockdown``, ``cell_line``)."""
    treatments, knockdown, line, _ = conditions(spec)
    return antigen_presentation(treatments, knockdown, line).surface_mhc_i


def t_cells_killed(spec: dict) -> float:
    """Share of tumour cells (0-1) the toy model's T cells kill in the co-culture, with
    ``pd1_blockade`` (0-1, default 0) and the tumour cells' ``treatments``, ``knockdown`` and
    ``cell_line``."""
    treatments, knockdown, line, _ = conditions(spec)
    return antigen_presentation(treatments, knockdown, line,
                                spec.get("pd1_blockade", 0.0)).killed_fraction


def t_cells_gained(spec: dict) -> float:
    """Share of tumour cells (0-1) the toy model's T cells kill with the tumour cells'
    ``treatments`` and ``knockdown`` minus the share without them, at ``pd1_blockade`` (0-1,
    default 0), ``cell_line``."""
    return t_cells_killed(spec) - t_cells_killed({key: spec[key] for key in spec
                                                  if key not in ("treatments", "knockdown")})


QUANTITIES = {"ic50": ic50_um, "fold_shift": fold_shift, "bliss_excess": bliss_excess,
              "loss_from_damage": _loss("damage"), "loss_from_autophagy": _loss("autophagy"),
              "surface_mhc_i": surface_mhc_i, "t_cells_killed": t_cells_killed,
              "t_cells_gained": t_cells_gained}
