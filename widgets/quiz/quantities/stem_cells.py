"""Quiz quantities of the stem-cell chapter: populations, therapy cycles, flow cytometry."""
from __future__ import annotations

from ...model.cytometry import isotype_gate, percent_positive, stain
from ...model.data_files import parameters_set_to
from ...model.stem_cells import POPULATIONS, simulate_populations, sorted_turnover, therapy_cycles
from . import chosen_read_out, conditions, relative_to_reference

#: What :func:`cycles` can read at the end of the explorer's schedule.
CYCLE_READ_OUTS = ("stem_percent", "peak_percent", "stem", "total", "fewest")


def stem_percent(spec: dict) -> float:
    """Stem-like cells (%) at the end of :func:`widgets.simulate_populations` with
    ``treatments``, ``hours`` (default 72), ``cell_line``, ``hypoxia`` (default false),
    ``start_stem_fraction`` (default: the line's basal share) and ``parameters`` (default
    none: model parameters set to other values for this run, as
    :func:`widgets.model.data_files.parameters_set_to` takes them)."""
    treatments, _, line, _ = conditions(spec)
    with parameters_set_to(**spec.get("parameters", {})):
        result = simulate_populations(treatments, spec.get("hours", 72.0), line,
                                      spec.get("hypoxia", False),
                                      spec.get("start_stem_fraction"))
    return 100.0 * float(result.stem_fraction[-1])


#: The bands :func:`sorted_band` reads in a sorted population's lanes, relative to untreated
#: cells in normoxia.
SORTED_BANDS = ("lc3_ii", "p62", "lc3_i")


def _sorted_turnover(spec: dict):
    """The turnover blot of sorted cells a ``compute`` object describes."""
    return sorted_turnover(spec.get("treatments", {}), spec.get("hypoxia", False),
                           spec.get("inhibitor", "chloroquine"),
                           spec.get("inhibitor_dose_um", 20.0), spec.get("hours", 24.0),
                           spec.get("cell_line", "Huh7"))


def _population(spec: dict) -> str:
    """``spec["population"]``, refused unless it is one of the model's sorted populations."""
    if spec.get("population") not in POPULATIONS:
        raise ValueError(f"population {spec.get('population')!r}; valid choices are: "
                         f"{', '.join(POPULATIONS)}")
    return spec["population"]


def _turnover_readout(spec: dict) -> float:
    return _sorted_turnover(spec).flux_readout[_population(spec)]


def turnover_readout(spec: dict) -> float:
    """LC3 turnover read-out of one sorted population (:func:`widgets.model.stem_cells.sorted_turnover`):
    ``population`` ("stem" or "non_stem"), ``treatments``, ``hypoxia`` (default false),
    ``inhibitor`` (default chloroquine), ``inhibitor_dose_um`` (default 20), ``hours``
    (default 24), ``cell_line`` (default Huh7), and ``reference``, a dict of keys to change:
    if given, the read-out is divided by the same read-out with those changes."""
    return relative_to_reference(_turnover_readout, spec)


def sorted_band(spec: dict) -> float:
    """A band of one sorted population's lane, relative to untreated cells in normoxia:
    ``read_out`` (one of ``SORTED_BANDS``, default ``lc3_ii``), ``with_inhibitor`` (the lane
    with the lysosomal inhibitor, default false: the lane without) and the keys of the
    experiment as :func:`turnover_readout` reads them (``population``, ``treatments``,
    ``hypoxia``, ``inhibitor``, ``inhibitor_dose_um``, ``hours``, ``cell_line``)."""
    band = getattr(_sorted_turnover(spec), chosen_read_out(spec, SORTED_BANDS, "lc3_ii"))
    return float(band[_population(spec)][int(spec.get("with_inhibitor", False))])


def _cycles_read_out(spec: dict) -> float:
    # The explorer's own dose rule and schedule, imported when asked for, so that a task
    # quotes exactly what the panel shows and the quiz needs no matplotlib otherwise.
    from ...panels.stem_cells import DAYS_OFF, DAYS_ON, _schedule_treatments

    read_out = chosen_read_out(spec, CYCLE_READ_OUTS, "stem_percent")
    line = spec.get("cell_line", "Huh7")
    treatments = _schedule_treatments(spec.get("drug", "sorafenib"),
                                      spec.get("ic50_multiple", 1.0),
                                      spec.get("chloroquine", False), line)
    result = therapy_cycles(treatments, spec.get("cycles", 3), DAYS_ON, DAYS_OFF, line,
                            spec.get("hypoxia", False))
    return float({"stem_percent": 100.0 * result.stem_fraction[-1],
                  "peak_percent": 100.0 * result.stem_fraction.max(),
                  "stem": result.stem[-1], "total": result.total[-1],
                  "fewest": result.total.min()}[read_out])


def cycles(spec: dict) -> float:
    """A read-out of the therapy-cycles explorer's schedule (3 days on, 4 off).

    Reads ``read_out`` (one of ``CYCLE_READ_OUTS``: the stem-like percentage at the end or
    at its highest, stem-like or all cells at the end or all cells at their fewest, relative
    to the start; default ``stem_percent``), ``drug`` (default sorafenib), ``ic50_multiple``
    (the dose as a multiple of the line's 72 h IC50, default 1), ``chloroquine`` (default
    false), ``hypoxia`` (default false), ``cycles`` (default 3), ``cell_line`` (default
    Huh7), and ``reference``, a dict of keys to change: if given, the read-out is divided by
    the same read-out with those changes.
    """
    return relative_to_reference(_cycles_read_out, spec)


def _flow_gate(spec: dict) -> float:
    """The gate a task sets: a number (log10), or ``"isotype"`` for the explorer's 1% rule."""
    gate = spec.get("gate", 2.0)
    return round(isotype_gate(stain(0.0)), 2) if gate == "isotype" else gate


def flow_percent(spec: dict) -> float:
    """Events (%) above the gate in the flow-cytometry explorer's sample.

    Reads ``sample`` (an index of the explorer's samples, default 0: untreated Huh7),
    ``gate`` (log10 fluorescence, default 2.0, or ``"isotype"``: the gate that leaves 1% of
    an isotype control above it, to two decimals, as the explorer offers it) and ``events``
    (``stained``, the default, ``isotype`` for the control, or ``true`` for the sample's
    true stem-like percentage).
    """
    from ...panels.stem_cells import sample_fraction

    index = spec.get("sample", 0)
    fraction = sample_fraction(index)[1]
    events = spec.get("events", "stained")
    if events == "true":
        return 100.0 * fraction
    sample = stain(fraction, seed=index)
    return percent_positive(sample.cd133 if events == "stained" else sample.isotype,
                            _flow_gate(spec))


def flow_gate(spec: dict) -> float:
    """The gate (log10) of ``gate`` as :func:`flow_percent` reads it (default 2.0)."""
    return _flow_gate(spec)


QUANTITIES = {"stem_percent": stem_percent,
              "turnover_readout": turnover_readout,
              "sorted_band": sorted_band,
              "cycles": cycles,
              "flow_percent": flow_percent,
              "flow_gate": flow_gate}
