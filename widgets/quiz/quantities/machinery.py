"""Quiz quantities of the machinery chapter: the flux model's read-outs and the virtual blot's."""
from __future__ import annotations

from ...model.api import simulate
from ...model.assays import BANDS, turnover_blot
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


def _blot(spec: dict):
    """The turnover blot a ``compute`` object describes (as :func:`blot_flux` reads it)."""
    treatments, knockdown, line, ncrna = conditions(spec)
    return turnover_blot(treatments, spec.get("inhibitor", "bafilomycin_a1"),
                         spec.get("inhibitor_dose", 0.1), spec.get("hours", 24.0), knockdown,
                         line, ncrna=ncrna)


def blot_flux(spec: dict) -> float:
    """The LC3 turnover read-out of the virtual blot's ``lane`` (``treated``, the default, or
    ``control``): actin-normalised LC3-II with the inhibitor minus without, relative to the
    control lane without it. Reads ``treatments``, ``inhibitor`` (default ``bafilomycin_a1``),
    ``inhibitor_dose`` (µM, default 0.1), ``hours`` (harvest, default 24), ``knockdown``,
    ``cell_line``, ``ncrna``."""
    lane, flux = spec.get("lane", "treated"), _blot(spec).flux
    if lane not in flux:
        raise ValueError(f"lane {lane!r}; valid choices are: {', '.join(flux)}")
    return flux[lane]


def blot_band(spec: dict) -> float:
    """A band of the virtual blot's treated lane without inhibitor, actin-normalised and relative
    to the control lane: ``band`` (``p62``, ``LC3-I`` or ``LC3-II``, default ``LC3-II``), and the
    blot's keys as :func:`blot_flux` reads them."""
    band = spec.get("band", "LC3-II")
    if band not in BANDS[:3]:
        raise ValueError(f"band {band!r}; valid choices are: {', '.join(BANDS[:3])}")
    return float(_blot(spec).normalised[BANDS.index(band), 2])


QUANTITIES["blot_flux"] = blot_flux
QUANTITIES["blot_band"] = blot_band
