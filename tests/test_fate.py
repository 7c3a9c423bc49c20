"""Cell fate and pharmacology: what a pharmacologist checks on a dose-response experiment."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import widgets
from widgets.model.data_files import read_table
from widgets.model.pharmacology import compare_with_intervention

DOSES = np.logspace(-2, 3, 41)
DRUGS = tuple(row["name"] for row in read_table("compounds.csv") if row["role"] == "anticancer drug")
PARENTAL = ("HepG2", "Huh7", "Hep3B")
PROTECTIVE_DRUGS = ("sorafenib", "doxorubicin", "cisplatin", "oxaliplatin")


@pytest.mark.parametrize("line", widgets.CELL_LINES)
@pytest.mark.parametrize("drug", DRUGS)
def test_viability_falls_monotonically_from_one_and_stays_in_unit_interval(drug, line):
    v = widgets.dose_response(drug, np.concatenate([[0.0], DOSES]), cell_line=line)
    assert v[0] == pytest.approx(1.0)
    assert np.all(np.diff(v) <= 1e-12)
    assert np.all((v >= 0) & (v <= 1)) and v[-1] < 0.05


def test_viability_of_untreated_cells_is_one_at_all_times():
    for line in widgets.CELL_LINES:
        r = widgets.simulate({}, hours=96.0, cell_line=line)
        assert np.allclose(r.viability, 1.0)


def test_longer_exposure_lowers_the_ic50():
    ic50s = [widgets.ic50("sorafenib", hours=h, cell_line="Huh7") for h in (24.0, 48.0, 72.0)]
    assert ic50s[0] > ic50s[1] > ic50s[2]


def _windows(basis):
    windows = {}
    for r in read_table("ic50_targets.csv"):
        if r["basis"] == basis:
            low, high = windows.get((r["compound"], r["cell_line"]), (math.inf, 0.0))
            windows[(r["compound"], r["cell_line"])] = (min(low, float(r["ic50_low_um"])),
                                                        max(high, float(r["ic50_high_um"])))
    return windows


MEASURED = _windows("measured")
ASSUMED = {pair: window for pair, window in _windows("assumed").items() if pair not in MEASURED}


@pytest.mark.parametrize("drug, line", sorted(MEASURED))
def test_default_ic50_lies_in_the_reported_window(drug, line):
    low, high = MEASURED[(drug, line)]
    assert low * 0.98 <= widgets.ic50(drug, cell_line=line) <= high * 1.02


@pytest.mark.parametrize("drug, line", sorted(ASSUMED))
def test_default_ic50_without_a_report_equals_its_documented_assumption(drug, line):
    low, high = ASSUMED[(drug, line)]
    assert low * 0.98 <= widgets.ic50(drug, cell_line=line) <= high * 1.02


def test_hep3b_is_less_sensitive_to_sorafenib_than_huh7_and_its_flux_does_not_rise():
    assert widgets.ic50("sorafenib", cell_line="Hep3B") > widgets.ic50("sorafenib", cell_line="Huh7")
    assert widgets.simulate({"sorafenib": 5.0}, 72.0, cell_line="Huh7").flux[-1] > 1.2
    assert abs(widgets.simulate({"sorafenib": 5.0}, 72.0, cell_line="Hep3B").flux[-1] - 1) < 0.05


@pytest.mark.parametrize("blocker", ("chloroquine", "hydroxychloroquine"))
@pytest.mark.parametrize("line", PARENTAL)
def test_lysosomal_inhibitor_alone_costs_little_viability_at_blocking_doses(blocker, line):
    r = widgets.simulate({blocker: 20.0}, 72.0, cell_line=line)
    assert r.flux[-1] < 0.8          # it does block autophagy at this dose
    assert r.viability[-1] > 0.9     # and leaves most cells alive


@pytest.mark.parametrize("line", PARENTAL)
@pytest.mark.parametrize("drug", PROTECTIVE_DRUGS)
@pytest.mark.parametrize("treatments, knockdown", [({"chloroquine": 20.0}, {}),
                                                   ({"hydroxychloroquine": 20.0}, {}),
                                                   ({}, {"ATG7": 0.9}), ({}, {"ATG5": 0.99})])
def test_blocking_protective_autophagy_shifts_the_ic50_left(drug, line, treatments, knockdown):
    alone = widgets.ic50(drug, cell_line=line)
    blocked = widgets.ic50(drug, treatments=treatments, knockdown=knockdown, cell_line=line)
    assert blocked < alone / 1.05


@pytest.mark.parametrize("treatments, knockdown", [({"chloroquine": 20.0}, {}),
                                                   ({"3_methyladenine": 5000.0}, {}),
                                                   ({}, {"ATG7": 0.9})])
def test_blocking_autophagy_deepens_resistance_where_it_kills(treatments, knockdown):
    alone = widgets.ic50("sorafenib", cell_line="Huh7-SR")
    blocked = widgets.ic50("sorafenib", treatments=treatments, knockdown=knockdown,
                           cell_line="Huh7-SR")
    assert blocked > alone * 1.05


def test_resistant_line_is_resistant_and_anti_mir21_resensitises_it():
    parental = widgets.ic50("sorafenib", cell_line="Huh7")
    resistant = widgets.ic50("sorafenib", cell_line="Huh7-SR")
    rescued = widgets.ic50("sorafenib", knockdown={"MIR21": 0.9}, cell_line="Huh7-SR")
    assert resistant > 2 * parental and rescued < resistant / 1.5
    # parental cells have little miR-21, so removing it barely matters (under 1%)
    assert widgets.ic50("sorafenib", knockdown={"MIR21": 0.9}, cell_line="Huh7") == \
        pytest.approx(parental, rel=0.01)


def test_bliss_excess_sign_on_known_cases():
    assert widgets.bliss_excess(0.5, 1.0, 0.5) == 0.0                  # inert partner
    assert widgets.bliss_excess(0.6, 0.9, 0.4) == pytest.approx(0.14)  # synergy
    assert widgets.bliss_excess(0.5, 0.5, 0.5) < 0                     # antagonism
    protective = compare_with_intervention("sorafenib", DOSES, 72.0, {"chloroquine": 20.0},
                                           cell_line="Huh7")
    toxic = compare_with_intervention("sorafenib", DOSES, 72.0, {"chloroquine": 20.0},
                                      cell_line="Huh7-SR")
    inducer = compare_with_intervention("sorafenib", DOSES, 72.0, {"rapamycin": 0.1},
                                        cell_line="Huh7")
    assert protective.bliss_at_ic50 > 0.05 and toxic.bliss_at_ic50 < 0 and inducer.bliss_at_ic50 < 0


def test_why_cells_die_is_reported_consistently():
    r = widgets.simulate({"sorafenib": 10.0}, 72.0, cell_line="Huh7-SR")
    assert np.allclose(r.viability, np.exp(-(r.loss_from_damage + r.loss_from_autophagy)))
    assert r.loss_from_autophagy[-1] > 0
    assert widgets.simulate({"sorafenib": 10.0}, 72.0, cell_line="Huh7").loss_from_autophagy[-1] == 0


def test_ic50_is_found_to_within_one_percent():
    drug, line = "doxorubicin", "HepG2"
    x = widgets.ic50(drug, cell_line=line)
    below, above = widgets.dose_response(drug, [x * 0.99, x * 1.01], cell_line=line)
    assert below > 0.5 > above


@pytest.mark.parametrize("call, message", [
    (lambda: widgets.ic50("bafilomycin_a1"), "no IC50"),
    (lambda: widgets.ic50("aspirin"), "valid choices"),
    (lambda: widgets.ic50("sorafenib", hours=0.0), "hours"),
    (lambda: widgets.dose_response("sorafenib", [1.0, -2.0]), "-2"),
    (lambda: widgets.dose_response("sorafenib", [1.0, math.nan]), "finite"),
    (lambda: widgets.dose_response("sorafenib", []), "non-empty"),
    (lambda: widgets.dose_response("sorafenib", [[1.0]]), "1-D"),
    (lambda: widgets.dose_response("sorafenib", [1.0], treatments={"sorafenib": 1.0}),
     "remove it from treatments"),
    (lambda: widgets.bliss_excess(0.5, 1.2, 0.3), "viability_b"),
])
def test_bad_input_is_named_in_the_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_an_ic50_that_is_never_reached_is_infinite_not_nan():
    # In a 4 h exposure no dose kills half of the cells: damage needs time to accumulate.
    assert widgets.ic50("lenvatinib", hours=4.0, cell_line="Huh7") == math.inf
    for line in widgets.CELL_LINES:
        value = widgets.ic50("lenvatinib", treatments={"rapamycin": 0.1}, cell_line=line)
        assert math.isfinite(value) and value > 0


def test_dose_response_returns_an_array_the_caller_may_change():
    first = widgets.dose_response("sorafenib", [1.0, 10.0], cell_line="Huh7")
    first[:] = -1.0
    assert np.all(widgets.dose_response("sorafenib", [1.0, 10.0], cell_line="Huh7") > 0)


@settings(max_examples=40, deadline=None)
@given(drug=st.sampled_from(DRUGS), line=st.sampled_from(widgets.CELL_LINES),
       hours=st.floats(6.0, 120.0),
       chloroquine=st.floats(0.0, 100.0), rapamycin=st.floats(0.0, 1.0),
       knockdown=st.dictionaries(st.sampled_from(widgets.KNOCKDOWN_GENES), st.floats(0.0, 1.0),
                                 max_size=2))
def test_any_background_gives_finite_monotone_viability(drug, line, hours, chloroquine,
                                                        rapamycin, knockdown):
    background = {"chloroquine": chloroquine, "rapamycin": rapamycin}
    v = widgets.dose_response(drug, np.concatenate([[0.0], DOSES]), hours, background,
                              knockdown, line)
    assert np.all(np.isfinite(v)) and np.all((v >= 0) & (v <= 1))
    assert np.all(np.diff(v) <= 1e-9)
    x = widgets.ic50(drug, hours, background, knockdown, line)
    assert x > 0 and not math.isnan(x)
