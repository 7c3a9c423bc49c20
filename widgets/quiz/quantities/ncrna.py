"""Quiz quantities of the non-coding RNA chapter: the Table 1 dial and miR-21 in two lines."""
from __future__ import annotations

from ...model.table1 import context_result, dial


def _dial(spec: dict):
    return dial(spec["row"], spec.get("level", 1.0))


def dial_target(spec: dict) -> float:
    """Protein ``target`` of Table 1 row ``row`` with its RNA at ``level`` (default 1) × basal,
    relative to the line's own basal protein (as the dial draws it)."""
    result = _dial(spec)
    return result.targets[spec["target"]] / result.basal_targets[spec["target"]]


def dial_flux(spec: dict) -> float:
    """Flux of the dial (row ``row``, RNA at ``level`` × basal, 24 h of the row's drug at its
    basal-RNA IC50) relative to the same with basal RNA."""
    return _dial(spec).flux / dial(spec["row"], 1.0).flux


def dial_ic50_ratio(spec: dict) -> float:
    """72 h IC50 of the row's drug with the RNA at ``level`` × basal over the IC50 with basal RNA."""
    result = _dial(spec)
    return result.ic50_um / result.ic50_basal_um


def _context(spec: dict):
    return context_result(spec.get("drug", "sorafenib"), spec["cell_line"], spec["level"])


def context_flux_ratio(spec: dict) -> float:
    """Flux with miR-21 at ``level`` × basal in ``cell_line`` (24 h of ``drug``, default
    sorafenib, at its IC50) over the flux with basal miR-21."""
    result = _context(spec)
    return result.flux / result.flux_basal


def context_ic50_ratio(spec: dict) -> float:
    """72 h IC50 of ``drug`` (default sorafenib) in ``cell_line`` with miR-21 at ``level`` ×
    basal over the IC50 with basal miR-21."""
    result = _context(spec)
    return result.ic50_um / result.ic50_basal_um


QUANTITIES = {"dial_target": dial_target, "dial_flux": dial_flux,
              "dial_ic50_ratio": dial_ic50_ratio, "context_flux_ratio": context_flux_ratio,
              "context_ic50_ratio": context_ic50_ratio}
