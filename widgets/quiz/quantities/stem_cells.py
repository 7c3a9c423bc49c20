"""Quiz quantities of the stem-cell chapter."""
from __future__ import annotations

from ...model.stem_cells import simulate_populations, sorted_turnover
from . import conditions


def stem_percent(spec: dict) -> float:
    """Stem-like cells (%) at the end of :func:`widgets.simulate_populations` with
    ``treatments``, ``hours`` (default 72), ``cell_line``, ``hypoxia`` (default false) and
    ``start_stem_fraction`` (default: the line's basal share)."""
    treatments, _, line, _ = conditions(spec)
    result = simulate_populations(treatments, spec.get("hours", 72.0), line,
                                  spec.get("hypoxia", False), spec.get("start_stem_fraction"))
    return 100.0 * float(result.stem_fraction[-1])


def turnover_readout(spec: dict) -> float:
    """LC3 turnover read-out of one sorted population (:func:`widgets.model.stem_cells.sorted_turnover`):
    ``population`` ("stem" or "non_stem"), ``treatments``, ``hypoxia`` (default false),
    ``inhibitor`` (default chloroquine), ``inhibitor_dose_um`` (default 20), ``hours``
    (default 24) and ``cell_line`` (default Huh7)."""
    result = sorted_turnover(spec.get("treatments", {}), spec.get("hypoxia", False),
                             spec.get("inhibitor", "chloroquine"),
                             spec.get("inhibitor_dose_um", 20.0), spec.get("hours", 24.0),
                             spec.get("cell_line", "Huh7"))
    return result.flux_readout[spec["population"]]


QUANTITIES = {"stem_percent": stem_percent, "turnover_readout": turnover_readout}
