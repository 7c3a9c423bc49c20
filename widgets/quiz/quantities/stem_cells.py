"""Quiz quantities of the stem-cell chapter."""
from __future__ import annotations

from ...model.stem_cells import simulate_populations
from . import conditions


def stem_percent(spec: dict) -> float:
    """Stem-like cells (%) at the end of :func:`widgets.simulate_populations` with
    ``treatments``, ``hours`` (default 72), ``cell_line``, ``hypoxia`` (default false) and
    ``start_stem_fraction`` (default: the line's basal share)."""
    treatments, _, line, _ = conditions(spec)
    result = simulate_populations(treatments, spec.get("hours", 72.0), line,
                                  spec.get("hypoxia", False), spec.get("start_stem_fraction"))
    return 100.0 * float(result.stem_fraction[-1])


QUANTITIES = {"stem_percent": stem_percent}
