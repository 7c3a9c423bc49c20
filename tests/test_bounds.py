"""Bounded work for any input: every public function refuses absurd input with a clear error.

Each public function is fed out-of-range and absurd values (NaN, infinities, negatives,
zero, 1e12, 1e300, wrong types) in one argument at a time and must either raise
``ValueError`` naming the bad value, or return a result without NaN (finite, except where
the function documents ``inf`` for "not reached"). A second set of tests checks each upper
bound of :mod:`widgets.model.names`: the value at the bound works and just above it is
refused. No timing is asserted here: speed budgets belong to ``benchmarks/run.py``.
"""
from __future__ import annotations

import math
from dataclasses import fields, is_dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import widgets
from widgets.model import make_experiment, simulate_many, time_grid
from widgets.model.antigen import antigen_presentation
from widgets.model.api import time_points
from widgets.model.assays import turnover_blot
from widgets.model.cytometry import isotype_gate, percent_positive, stain
from widgets.model.exosomes import rate_sensitivity, recipient_ic50
from widgets.model.names import (EVENTS_RANGE, MAX_CYCLES, MAX_DOSE_UM, MAX_HOURS, MAX_MONTHS,
                                 MAX_PATIENTS_PER_ARM, MAX_SCENARIOS, MAX_SEED,
                                 MAX_SIMULATED_PATIENTS, MAX_STRETCHES, MAX_TIME_POINTS,
                                 MAX_TRIALS, RATE_FACTOR_RANGE)
from widgets.model.pharmacology import compare_with_intervention
from widgets.model.stem_cells import simulate_schedule, therapy_cycles
from widgets.model.table1 import context_result, dial
from widgets.model.trials import power_curve, schoenfeld_events
from widgets.model.vesicles import characterise

SHARP = {"placebo": {}, "sorafenib": {"sorafenib": 1.0}}
PROPERTY = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

# ValueErrors that report an outcome of valid input rather than a bad value.
OUTCOMES = ("has no deaths", "lies below")


class Opaque:
    """An object of no type the API knows."""

    def __repr__(self) -> str:
        return "<Opaque>"


SPECIAL_NUMBERS = (math.nan, math.inf, -math.inf, -1.0, -1, 0, 0.0, -0.0, 1e12, -1e12, 1e300,
                   5e-324, -5e-324, 10**30, 2**64)
WRONG_TYPES = ("5", "", None, True, False, [1.0], (1.0, 2.0), {"a": 1.0}, {1.0}, b"1", Opaque(),
               np.array([1.0, 2.0]))
numbers = st.one_of(st.sampled_from(SPECIAL_NUMBERS), st.floats(), st.integers(-10**20, 10**20))
absurd = st.one_of(numbers, st.sampled_from(WRONG_TYPES))
# Durations: special and out-of-range values, and in-range ones that must work.
absurd_hours = st.one_of(absurd, st.floats(MAX_HOURS, 1e30, exclude_min=True),
                         st.floats(1e-300, 100.0))


def doses_mapping(names):
    """A treatments-like argument: a wrong type, or a dict with absurd names or values."""
    return st.one_of(st.sampled_from(WRONG_TYPES),
                     st.dictionaries(st.sampled_from(names), absurd, min_size=1, max_size=2),
                     st.dictionaries(st.one_of(st.text(max_size=6), st.integers()),
                                     st.floats(0.0, 10.0), min_size=1, max_size=1))


sequences = st.one_of(st.sampled_from(WRONG_TYPES), st.lists(absurd, min_size=0, max_size=4),
                      st.lists(st.floats(), min_size=1, max_size=4))


def leaves(value) -> list:
    """The value and what it holds: any of them may be the one a message names."""
    out = [value]
    if isinstance(value, dict):
        for key, item in value.items():
            out += [key] + leaves(item)
    elif isinstance(value, (list, tuple, np.ndarray)):
        for item in (value.tolist() if isinstance(value, np.ndarray) else value):
            out += leaves(item)
    return out


def names_the_value(message: str, bad) -> bool:
    for leaf in leaves(bad):
        texts = {repr(leaf), str(leaf)}
        if isinstance(leaf, float):
            texts.add(f"{leaf:g}")
        if any(text in message for text in texts):
            return True
    return False


def has_no_nan(result, allow_inf: bool = False) -> bool:
    """No NaN anywhere in a result; no infinity unless ``allow_inf`` ("not reached")."""
    if is_dataclass(result):
        return all(has_no_nan(getattr(result, f.name), allow_inf) for f in fields(result)
                   if f.name not in ("experiment", "row"))
    if isinstance(result, dict) or hasattr(result, "values") and hasattr(result, "keys"):
        return all(has_no_nan(v, allow_inf) for v in result.values())
    if isinstance(result, (list, tuple)):
        return all(has_no_nan(v, allow_inf) for v in result)
    if isinstance(result, (np.ndarray, float, np.floating)):
        values = np.asarray(result)
        if values.dtype.kind not in "fc":
            return True
        return not np.any(np.isnan(values)) and (allow_inf or bool(np.all(np.isfinite(values))))
    return True


def refused_or_fine(call, bad, allow_inf: bool = False):
    """``call()`` raises ValueError naming ``bad``, or returns a result without NaN."""
    try:
        result = call()
    except ValueError as error:
        message = str(error)
        assert names_the_value(message, bad) or any(o in message for o in OUTCOMES), \
            f"the message does not name {bad!r}: {message}"
        event("refused with ValueError")
        return None
    assert has_no_nan(result, allow_inf), f"{bad!r} gave a result with NaN or infinity"
    event("returned a result")
    return result


def one_bad_argument(data, strategies: dict):
    name = data.draw(st.sampled_from(sorted(strategies)), label="argument")
    return name, data.draw(strategies[name], label=name)


# --- One property test per public function -------------------------------------------

@PROPERTY
@given(st.data())
def test_simulate(data):
    name, bad = one_bad_argument(data, {
        "hours": absurd_hours, "treatments": doses_mapping(widgets.COMPOUNDS),
        "knockdown": doses_mapping(widgets.KNOCKDOWN_GENES), "cell_line": absurd,
        "ncrna": doses_mapping(widgets.NCRNAS)})
    kwargs = {"treatments": {"sorafenib": 5.0}, "hours": 24.0, name: bad}
    refused_or_fine(lambda: widgets.simulate(**kwargs), bad)


@PROPERTY
@given(st.data())
def test_dose_response(data):
    name, bad = one_bad_argument(data, {
        "drug": absurd, "doses": sequences, "hours": absurd_hours,
        "treatments": doses_mapping(("chloroquine", "gw4869")), "cell_line": absurd})
    kwargs = {"drug": "sorafenib", "doses": [0.0, 5.0], "hours": 72.0, name: bad}
    result = refused_or_fine(lambda: widgets.dose_response(**kwargs), bad)
    assert result is None or np.all((result >= 0) & (result <= 1))


@PROPERTY
@given(st.data())
def test_ic50(data):
    name, bad = one_bad_argument(data, {
        "drug": absurd, "hours": absurd_hours, "treatments": doses_mapping(("chloroquine",)),
        "ncrna": doses_mapping(widgets.NCRNAS)})
    kwargs = {"drug": "sorafenib", "hours": 72.0, name: bad}
    result = refused_or_fine(lambda: widgets.ic50(**kwargs), bad, allow_inf=True)
    assert result is None or result > 0


@PROPERTY
@given(st.data())
def test_bliss_excess(data):
    name, bad = one_bad_argument(data, {key: absurd for key in
                                        ("viability_a", "viability_b", "viability_ab")})
    kwargs = {"viability_a": 0.5, "viability_b": 0.5, "viability_ab": 0.2, name: bad}
    result = refused_or_fine(lambda: widgets.bliss_excess(**kwargs), bad)
    assert result is None or -1.0 <= result <= 1.0


@PROPERTY
@given(st.data())
def test_simulate_populations(data):
    name, bad = one_bad_argument(data, {
        "treatments": doses_mapping(widgets.COMPOUNDS), "hours": absurd_hours,
        "cell_line": absurd, "hypoxia": absurd, "start_stem_fraction": absurd,
        "knockdown": doses_mapping(widgets.KNOCKDOWN_GENES)})
    kwargs = {"treatments": {"sorafenib": 5.0}, "hours": 240.0, name: bad}
    refused_or_fine(lambda: widgets.simulate_populations(**kwargs), bad)


@PROPERTY
@given(st.data())
def test_simulate_coculture(data):
    name, bad = one_bad_argument(data, {
        "drug": absurd, "dose": absurd, "hours": absurd_hours, "donor": absurd,
        "recipient": absurd, "donor_fraction": absurd, "ph": absurd,
        "treatments": doses_mapping(("gw4869", "chloroquine"))})
    refused_or_fine(lambda: widgets.simulate_coculture(**{name: bad}), bad)


@PROPERTY
@given(st.data())
def test_virtual_trial(data):
    name, bad = one_bad_argument(data, {
        "arms": st.one_of(absurd, st.dictionaries(st.sampled_from(("a", "b")),
                                                  doses_mapping(("sorafenib",)),
                                                  min_size=2, max_size=2)),
        "n_per_arm": absurd, "months": absurd, "seed": absurd, "enrichment": absurd,
        "dependent_share": absurd, "antagonist_share": absurd})
    kwargs = {"arms": SHARP, "n_per_arm": 34, name: bad}
    refused_or_fine(lambda: widgets.virtual_trial(**kwargs), bad, allow_inf=True)


@PROPERTY
@given(st.data())
def test_trial_power(data):
    name, bad = one_bad_argument(data, {
        "arms": absurd, "n_per_arm": absurd, "n_trials": absurd, "seed": absurd,
        "alpha": absurd, "months": absurd})
    kwargs = {"arms": SHARP, "n_per_arm": 34, "n_trials": 20, name: bad}
    result = refused_or_fine(lambda: widgets.trial_power(**kwargs), bad)
    assert result is None or 0.0 <= result <= 1.0


@PROPERTY
@given(st.data())
def test_simulate_many_and_time_grid(data):
    name, bad = one_bad_argument(data, {
        "experiments": st.one_of(absurd, st.lists(absurd, max_size=3)), "hours": absurd_hours})
    kwargs = {"experiments": [make_experiment({"sorafenib": 5.0})], "hours": 24.0, name: bad}
    out = refused_or_fine(lambda: simulate_many(**kwargs), bad)
    assert out is None or out["viability"].shape == (1, out["t"].size)
    if name == "hours":
        grid = refused_or_fine(lambda: time_grid(bad), bad)
        assert grid is None or grid[-1] == pytest.approx(float(bad))


@PROPERTY
@given(st.data())
def test_turnover_blot(data):
    name, bad = one_bad_argument(data, {
        "treatment": doses_mapping(("rapamycin", "sorafenib")), "inhibitor": absurd,
        "inhibitor_dose_um": absurd, "hours": absurd_hours, "cell_line": absurd,
        "seed": absurd, "control_treatment": doses_mapping(("rapamycin",))})
    kwargs = {"treatment": {"rapamycin": 0.1}, name: bad}
    refused_or_fine(lambda: turnover_blot(**kwargs), bad)


@PROPERTY
@given(st.data())
def test_therapy_cycles(data):
    name, bad = one_bad_argument(data, {
        "treatments": doses_mapping(("sorafenib",)), "cycles": absurd, "days_on": absurd,
        "days_off": absurd, "hypoxia": absurd, "start_stem_fraction": absurd})
    kwargs = {"treatments": {"sorafenib": 5.0}, name: bad}
    refused_or_fine(lambda: therapy_cycles(**kwargs), bad)


@PROPERTY
@given(schedule=st.one_of(absurd, st.lists(st.one_of(absurd, st.tuples(
    doses_mapping(("sorafenib",)), absurd_hours)), max_size=3)))
def test_simulate_schedule(schedule):
    refused_or_fine(lambda: simulate_schedule(schedule), schedule)


@PROPERTY
@given(st.data())
def test_recipient_ic50(data):
    name, bad = one_bad_argument(data, {
        "drug": absurd, "hours": absurd_hours, "donor_fraction": absurd, "ph": absurd,
        "doses_um": sequences, "treatments": doses_mapping(("gw4869",))})
    kwargs = {"doses_um": [1.0, 10.0, 100.0], name: bad}
    refused_or_fine(lambda: recipient_ic50(**kwargs), bad, allow_inf=True)


@PROPERTY
@given(st.data())
def test_rate_sensitivity(data):
    name, bad = one_bad_argument(data, {
        "factors": sequences, "drug": absurd, "dose": absurd, "hours": absurd_hours})
    kwargs = {"factors": (0.5, 2.0), "hours": 24.0, name: bad}
    refused_or_fine(lambda: rate_sensitivity(**kwargs), bad)


@PROPERTY
@given(st.data())
def test_power_curve(data):
    name, bad = one_bad_argument(data, {
        "sizes": st.one_of(sequences, st.lists(st.integers(-10, 10**7), max_size=3)),
        "n_trials": absurd, "seed": absurd})
    kwargs = {"arms": SHARP, "sizes": (10, 20), "n_trials": 10, name: bad}
    result = refused_or_fine(lambda: power_curve(**kwargs), bad)
    assert result is None or np.all((result >= 0) & (result <= 1))


@PROPERTY
@given(st.data())
def test_schoenfeld_events(data):
    name, bad = one_bad_argument(data, {"hazard_ratio": absurd, "alpha": absurd,
                                        "power": absurd})
    kwargs = {"hazard_ratio": 0.69, name: bad}
    result = refused_or_fine(lambda: schoenfeld_events(**kwargs), bad)
    assert result is None or result >= 0


@PROPERTY
@given(st.data())
def test_dial_and_context_result(data):
    name, bad = one_bad_argument(data, {"row": absurd, "level": absurd})
    kwargs = {"row": "mir26_doxorubicin", "level": 4.0, name: bad}
    refused_or_fine(lambda: dial(**kwargs), bad, allow_inf=True)
    name, bad = one_bad_argument(data, {"drug": absurd, "cell_line": absurd, "level": absurd,
                                        "regulator": absurd, "doses_um": sequences})
    kwargs = {"drug": "sorafenib", "cell_line": "Huh7", "level": 0.1,
              "doses_um": (1.0, 10.0), name: bad}
    refused_or_fine(lambda: context_result(**kwargs), bad, allow_inf=True)


@PROPERTY
@given(st.data())
def test_antigen_presentation(data):
    name, bad = one_bad_argument(data, {
        "treatments": doses_mapping(("chloroquine",)), "cell_line": absurd,
        "pd1_blockade": absurd, "pretreatment_hours": absurd_hours,
        "coculture_hours": absurd_hours})
    result = refused_or_fine(lambda: antigen_presentation(**{name: bad}), bad)
    assert result is None or 0.0 <= result.killed_fraction <= 1.0


@PROPERTY
@given(st.data())
def test_flow_cytometry(data):
    name, bad = one_bad_argument(data, {"stem_fraction": absurd, "n_events": absurd,
                                        "seed": absurd})
    kwargs = {"stem_fraction": 0.1, "n_events": 1000, name: bad}
    sample = refused_or_fine(lambda: stain(**kwargs), bad)
    assert sample is None or sample.cd133.size == sample.isotype.size
    name, bad = one_bad_argument(data, {"log_intensities": sequences, "gate_log": absurd})
    kwargs = {"log_intensities": [1.0, 2.0, 3.0], "gate_log": 2.0, name: bad}
    share = refused_or_fine(lambda: percent_positive(**kwargs), bad)
    assert share is None or 0.0 <= share <= 100.0
    name, bad = one_bad_argument(data, {"sample": absurd, "above": absurd})
    kwargs = {"sample": stain(0.1, 1000), "above": 0.01, name: bad}
    refused_or_fine(lambda: isotype_gate(**kwargs), bad)


@PROPERTY
@given(st.data())
def test_characterise_and_compare_with_intervention(data):
    name, bad = one_bad_argument(data, {"preparation": absurd, "treated_cells": absurd})
    refused_or_fine(lambda: characterise(**{name: bad}), bad)
    name, bad = one_bad_argument(data, {"drug": absurd, "doses": sequences,
                                        "hours": absurd_hours,
                                        "intervention": doses_mapping(("chloroquine",))})
    kwargs = {"drug": "sorafenib", "doses": [1.0, 10.0], "hours": 72.0,
              "intervention": {"chloroquine": 20.0}, name: bad}
    refused_or_fine(lambda: compare_with_intervention(**kwargs), bad, allow_inf=True)


# --- Each bound: the value at the bound works, just above it is refused ---------------

def refused(call, *named) -> str:
    with pytest.raises(ValueError) as error:
        call()
    message = str(error.value)
    for text in named:
        assert str(text) in message, (text, message)
    return message


def test_hours_bound_of_every_simulation():
    at, above = MAX_HOURS, math.nextafter(MAX_HOURS, math.inf)
    assert time_grid(at)[-1] == at and time_points(at) == 4 * 8760 + 1
    calls = (lambda h: widgets.simulate({"sorafenib": 5.0}, h),
             lambda h: widgets.simulate_populations({"sorafenib": 5.0}, h),
             lambda h: widgets.simulate_coculture(hours=h),
             lambda h: turnover_blot({"rapamycin": 0.1}, hours=h),
             lambda h: antigen_presentation(pretreatment_hours=h),
             lambda h: antigen_presentation(coculture_hours=h))
    for call in calls:
        assert has_no_nan(call(at))
        refused(lambda: call(above), repr(above), "8760]")
    for absurd_value in (1e7, 1e12, math.inf):
        refused(lambda: widgets.simulate({"sorafenib": 5.0}, hours=absurd_value),
                repr(absurd_value), "(0, 8760]")


def test_ic50_hours_bound():
    assert widgets.ic50("sorafenib", hours=MAX_HOURS, cell_line="Huh7") > 0
    refused(lambda: widgets.ic50("sorafenib", hours=MAX_HOURS + 1), "8761", "(0, 8760]")


def test_dose_bound():
    assert has_no_nan(widgets.simulate({"sorafenib": MAX_DOSE_UM}, 24.0))
    assert has_no_nan(widgets.simulate_coculture(dose=MAX_DOSE_UM))
    refused(lambda: widgets.simulate({"sorafenib": 1e6 + 1}), "1000001", "[0, 1000000]")
    refused(lambda: widgets.simulate_coculture(dose=1e12), "1000000000000.0")
    refused(lambda: widgets.dose_response("sorafenib", [1.0, 2e6]), "2000000.0", "index 1")
    assert widgets.dose_response("sorafenib", [MAX_DOSE_UM])[0] >= 0


def test_scenario_time_point_budget():
    points_72h = time_points(72.0)
    assert MAX_SCENARIOS * points_72h <= MAX_TIME_POINTS   # the benchmark's 10,000 × 72 h
    most = MAX_TIME_POINTS // time_points(MAX_HOURS)       # 85 doses at one year
    assert len(widgets.dose_response("sorafenib", np.linspace(0, 10, most), MAX_HOURS)) == most
    refused(lambda: widgets.dose_response("sorafenib", np.linspace(0, 10, most + 1), MAX_HOURS),
            str(most + 1), "8760.0", str(MAX_TIME_POINTS))
    refused(lambda: widgets.dose_response("sorafenib", np.ones(MAX_SCENARIOS + 1)),
            str(MAX_SCENARIOS + 1), str(MAX_SCENARIOS))
    experiment = make_experiment({"sorafenib": 1.0})
    assert simulate_many([experiment] * most, MAX_HOURS)["viability"].shape[0] == most
    refused(lambda: simulate_many([experiment] * (most + 1), MAX_HOURS), str(most + 1))
    refused(lambda: simulate_many([], 24.0), "[]", "1 to 10000")
    refused(lambda: simulate_many([experiment] * (MAX_SCENARIOS + 1), 0.25), "10001")


def test_budget_counts_the_ic50_searches_of_a_comparison():
    doses = np.geomspace(0.01, 1000.0, 41)
    longest = (MAX_TIME_POINTS // (2 * 41 + 112) - 1) / 4.0   # two curves, two IC50 searches
    assert longest == pytest.approx(3865.5)
    result = compare_with_intervention("sorafenib", doses, longest, {"chloroquine": 20.0})
    assert has_no_nan(result, allow_inf=True) and result.combined.shape == (41,)
    refused(lambda: compare_with_intervention("sorafenib", doses, longest + 0.25),
            "41 doses", "3865.75", str(MAX_TIME_POINTS))
    most = (MAX_TIME_POINTS // time_points(72.0) - 112) // 2       # 5134 doses at 72 h
    refused(lambda: context_result("sorafenib", "Huh7", 0.1, "miR-21", np.ones(most + 1)),
            str(most + 1), str(MAX_TIME_POINTS))


def test_coculture_dose_grid_budget():
    longest = (MAX_TIME_POINTS // (4 * 61) - 1) / 4.0     # 61 default doses, 4 scenarios each
    assert longest == pytest.approx(3073.5)
    refused(lambda: recipient_ic50(hours=longest + 0.25), "61 doses", str(MAX_TIME_POINTS))
    together, alone = recipient_ic50(hours=24.0, doses_um=[1.0, 10.0, 100.0, 1000.0])
    assert together > 0 and alone > 0
    refused(lambda: recipient_ic50(doses_um=[0.0, 1.0]), "0.0", "(0, 1000000]")
    refused(lambda: recipient_ic50(doses_um=np.ones(MAX_SCENARIOS + 1)), str(MAX_SCENARIOS + 1))


def test_rate_sensitivity_bounds():
    low, high = RATE_FACTOR_RANGE
    gains = rate_sensitivity((low, high), hours=24.0)
    assert all(len(v) == 2 and all(math.isfinite(g) for g in v) for v in gains.values())
    refused(lambda: rate_sensitivity((high * 1.01,)), "101.0", "[0.01, 100]")
    refused(lambda: rate_sensitivity((0.0,)), "0.0")
    refused(lambda: rate_sensitivity(tuple(np.ones(11)), hours=MAX_HOURS), "11 factors")


def test_schedule_bounds():
    result = therapy_cycles({"sorafenib": 5.0}, MAX_CYCLES, 3.0, 4.0)
    assert result.t[-1] == pytest.approx(MAX_CYCLES * 7 * 24.0)
    refused(lambda: therapy_cycles({"sorafenib": 5.0}, MAX_CYCLES + 1), "21", "1 to 20")
    assert therapy_cycles({"sorafenib": 5.0}, 1, 182.0, 183.0).t[-1] == pytest.approx(MAX_HOURS)
    refused(lambda: therapy_cycles({"sorafenib": 5.0}, 2, 100.0, 100.0), "100.0", "365")
    refused(lambda: therapy_cycles({"sorafenib": 5.0}, 1, 400.0), "400.0", "(0, 365]")
    stretch = ({}, MAX_HOURS / MAX_STRETCHES)
    assert simulate_schedule([stretch] * MAX_STRETCHES).t[-1] == pytest.approx(MAX_HOURS)
    refused(lambda: simulate_schedule([({}, 1.0)] * (MAX_STRETCHES + 1)), "101", "1 to 100")
    refused(lambda: simulate_schedule([({}, 5000.0), ({}, 5000.0)]), "10000.0", "8760")
    refused(lambda: simulate_schedule("not a schedule"), "'not a schedule'")
    refused(lambda: simulate_schedule([({}, 24.0, 1)]), "({}, 24.0, 1)")


def test_trial_bounds():
    refused(lambda: widgets.virtual_trial(SHARP, MAX_PATIENTS_PER_ARM + 1), "100001",
            "2 to 100000")
    refused(lambda: widgets.virtual_trial(SHARP, 20, months=MAX_MONTHS + 1), "601", "600]")
    assert widgets.virtual_trial(SHARP, 20, months=MAX_MONTHS).months == MAX_MONTHS
    assert widgets.virtual_trial(SHARP, 20, seed=MAX_SEED).n_per_arm == 20
    refused(lambda: widgets.virtual_trial(SHARP, 20, seed=MAX_SEED + 1), str(MAX_SEED + 1))
    refused(lambda: widgets.trial_power(SHARP, 34, MAX_TRIALS + 1), "100001", "1 to 100000")
    assert 0 <= widgets.trial_power(SHARP, MAX_SIMULATED_PATIENTS // 10_000, 10_000) <= 1
    refused(lambda: widgets.trial_power(SHARP, 1001, 1000), "1001", "1000",
            str(MAX_SIMULATED_PATIENTS))
    refused(lambda: widgets.trial_power(SHARP, 100_000, 100_000), "100000")
    assert power_curve(SHARP, (10, 20), 10).shape == (2,)
    refused(lambda: power_curve(SHARP, (500, 500), 1001), "1000", "1001")
    refused(lambda: power_curve(SHARP, (34.5,)), "34.5")
    refused(lambda: power_curve(SHARP, (10, 20), 10, seed=MAX_SEED), str(MAX_SEED))


def test_schoenfeld_bounds():
    assert math.isfinite(schoenfeld_events(0.69, alpha=1e-12, power=0.999999))
    refused(lambda: schoenfeld_events(0.69, power=1.0), "1.0", "(0, 1)")
    refused(lambda: schoenfeld_events(0.69, alpha=1e-300), "1e-300", "[1e-12, 1]")


def test_event_and_seed_bounds():
    low, high = EVENTS_RANGE
    assert stain(0.5, high).cd133.size == high and stain(0.5, low).cd133.size == low
    refused(lambda: stain(0.5, high + 1), "1000001", "100 to 1000000")
    refused(lambda: stain(0.5, 10.0**6), "1000000.0")
    assert stain(0.5, 100, seed=MAX_SEED).isotype.size == 100
    refused(lambda: stain(0.5, 100, seed=-1), "-1", "0 to 4294967295")
    refused(lambda: percent_positive(np.zeros(high + 1), 2.0), str(high + 1))
    refused(lambda: turnover_blot({}, seed="2021"), "'2021'")


def test_wrong_types_are_value_errors_not_type_errors():
    calls = {
        "simulate(treatments=5)": (lambda: widgets.simulate(5), "5"),
        "simulate_coculture(treatments=5)": (lambda: widgets.simulate_coculture(treatments=5),
                                             "5"),
        "simulate_coculture(treatments=[...])": (
            lambda: widgets.simulate_coculture(treatments=[("gw4869", 1.0)]), "gw4869"),
        "dose_response(hours=[72])": (lambda: widgets.dose_response("sorafenib", [1.0], [72]),
                                      "[72]"),
        "dose_response(doses=['1'])": (lambda: widgets.dose_response("sorafenib", ["1"]),
                                       "['1']"),
        "dial(row=[...])": (lambda: dial(["mir26_doxorubicin"], 2.0), "['mir26_doxorubicin']"),
        "context_result(doses_um=[...])": (
            lambda: context_result("sorafenib", "Huh7", 0.1, "miR-21", [1.0, None]), "None"),
        "simulate_many(experiments='x')": (lambda: simulate_many("x", 24.0), "'x'"),
        "isotype_gate(sample=None)": (lambda: isotype_gate(None), "None"),
        "power_curve(sizes=5)": (lambda: power_curve(SHARP, 5), "5"),
        "power_curve(sizes=[[10], [10, 20]])": (lambda: power_curve(SHARP, [[10], [10, 20]]),
                                                "[10]"),
        "dose_response(doses=ragged)": (
            lambda: widgets.dose_response("sorafenib", [[1.0], [1.0, 2.0]]), "[[1.0], [1.0, 2.0]]"),
        "therapy_cycles(cycles=3.0)": (lambda: therapy_cycles({}, 3.0), "3.0"),
    }
    for label, (call, named) in calls.items():
        try:
            call()
        except ValueError as error:
            assert named in str(error), (label, str(error))
        else:
            pytest.fail(f"{label} did not raise ValueError")
