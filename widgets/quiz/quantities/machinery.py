"""Quiz quantities of the machinery chapter: the flux model's read-outs."""
from __future__ import annotations

from ...model.api import simulate
from . import conditions

#: Read-outs of :func:`widgets.simulate` a question can ask for, relative to basal.
SIMULATED = ("lc3_i", "lc3_ii", "p62", "flux", "viability")


def _read_out(name: str):
    def value(spec: dict) -> float:
        treatments, knockdown, line, ncrna = conditions(spec)
        result = simulate(treatments, spec.get("hours", 24.0), knockdown, line, ncrna)
        return float(getattr(result, name)[-1])

    value.__name__ = name
    value.__doc__ = (f"``{name}`` at the end of :func:`widgets.simulate` (relative to basal): "
                     "``treatments``, ``hours`` (default 24), ``knockdown``, ``cell_line``, "
                     "``ncrna``.")
    return value


QUANTITIES = {name: _read_out(name) for name in SIMULATED}
