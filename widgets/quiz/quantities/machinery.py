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


def fold_change(spec: dict) -> float:
    """A read-out of one experiment over the same read-out of a reference experiment.

    Reads ``read_out`` (one of ``SIMULATED``, default ``lc3_ii``), the experiment's keys as a
    read-out does (``treatments``, ``hours``, ``knockdown``, ``cell_line``, ``ncrna``), and
    ``reference``, a dict of the same keys (default: untreated) run for the same ``hours``.
    """
    read_out = QUANTITIES[spec.get("read_out", "lc3_ii")]
    reference = {"hours": spec.get("hours", 24.0), **spec.get("reference", {})}
    return read_out(spec) / read_out(reference)


QUANTITIES["fold_change"] = fold_change
