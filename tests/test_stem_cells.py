"""Rules a biologist would check in the two-population model and the virtual flow cytometer."""
from __future__ import annotations

import math

import numpy as np
import pytest

import widgets
from widgets.model.cytometry import isotype_gate, percent_positive, stain
from widgets.model.data_files import parameters_set_to
from widgets.model.stem_cells import (basal_stem_fraction, simulate_schedule, sorted_turnover,
                                      therapy_cycles)

LINES = ("Huh7", "HepG2", "Hep3B")
CQ = {"chloroquine": 20.0}


@pytest.mark.parametrize("line", LINES)
def test_untreated_cells_keep_their_basal_stem_fraction_and_grow(line):
    result = widgets.simulate_populations(hours=240.0, cell_line=line)
    assert np.allclose(result.stem_fraction, basal_stem_fraction(line), atol=1e-9)
    assert result.total[0] == pytest.approx(1.0) and result.total[-1] > 5.0
    assert np.allclose(result.total, result.stem + result.non_stem)


def test_a_line_rich_in_cd133_cells_starts_richer_than_a_poor_one():
    assert basal_stem_fraction("Huh7") > 10 * basal_stem_fraction("HepG2")


@pytest.mark.parametrize("drug, dose", [("sorafenib", 5.0), ("doxorubicin", 5.0)])
@pytest.mark.parametrize("line", LINES)
def test_a_drug_selects_for_stem_like_cells(drug, dose, line):
    treated = widgets.simulate_populations({drug: dose}, 72.0, line)
    untreated = widgets.simulate_populations({}, 72.0, line)
    assert treated.total[-1] < untreated.total[-1]
    assert treated.stem_fraction[-1] > 1.2 * untreated.stem_fraction[-1]


@pytest.mark.parametrize("start", [0.0, 1.0])
@pytest.mark.parametrize("line", ("Huh7", "HepG2"))
def test_sorted_cells_regenerate_both_states(start, line):
    """FACS-sorted CD133+ and CD133- cells each give rise to both kinds (WJG 2009)."""
    result = widgets.simulate_populations(hours=30 * 24.0, cell_line=line,
                                          start_stem_fraction=start)
    basal = basal_stem_fraction(line)
    assert 0.0 < result.stem[-1] and 0.0 < result.non_stem[-1]
    assert abs(result.stem_fraction[-1] - basal) < 0.1 * abs(start - basal)
    assert np.all(np.diff(np.abs(result.stem_fraction - basal)) <= 1e-12)


def test_hypoxia_with_starvation_enriches_stem_cells_and_chloroquine_then_kills_them():
    """Song et al. 2013: H/S enriches CD133+ Huh7 cells, which survive it better than
    CD133- cells; chloroquine raises their death."""
    normoxia = widgets.simulate_populations({}, 72.0, "Huh7")
    stressed = widgets.simulate_populations({}, 72.0, "Huh7", hypoxia=True)
    assert stressed.stem_fraction[-1] > 1.5 * normoxia.stem_fraction[-1]
    positive = widgets.simulate_populations({}, 72.0, "Huh7", True, 1.0)
    negative = widgets.simulate_populations({}, 72.0, "Huh7", True, 0.0)
    assert positive.total[-1] > 2.0 * negative.total[-1]
    with_cq = widgets.simulate_populations(CQ, 72.0, "Huh7", True, 1.0)
    assert with_cq.stem[-1] < 0.85 * positive.stem[-1]
    assert widgets.simulate_populations(CQ, 72.0, "Huh7", True).stem[-1] < stressed.stem[-1]


def test_stem_cells_rely_on_autophagy_more_under_hypoxia_with_starvation():
    def chloroquine_cost(hypoxia):
        alone = widgets.simulate_populations({}, 72.0, "Huh7", hypoxia, 1.0).stem[-1]
        return 1.0 - widgets.simulate_populations(CQ, 72.0, "Huh7", hypoxia, 1.0).stem[-1] / alone
    assert chloroquine_cost(True) > 2.0 * chloroquine_cost(False)


@pytest.mark.parametrize("line", LINES)
def test_chloroquine_with_sorafenib_leaves_fewer_cells_where_autophagy_protects(line):
    alone = widgets.simulate_populations({"sorafenib": 5.0}, 240.0, line)
    combined = widgets.simulate_populations({"sorafenib": 5.0, **CQ}, 240.0, line)
    assert combined.total[-1] < alone.total[-1]


def test_autophagy_speeds_conversion_to_the_stem_state():
    """Lai et al. 2019: autophagic loss of TARBP2 lets Nanog rise; no conversion, less stem."""
    with_link = widgets.simulate_populations({"sorafenib": 5.0}, 72.0, "Huh7",
                                             start_stem_fraction=0.0)
    with parameters_set_to(autophagy_stem_conversion=1e-9):
        without = widgets.simulate_populations({"sorafenib": 5.0}, 72.0, "Huh7",
                                               start_stem_fraction=0.0)
    assert with_link.stem[-1] > 1.1 * without.stem[-1]


def test_therapy_cycles_enrich_stem_cells_and_cells_regrow_between_cycles():
    dose = 3.0 * widgets.ic50("sorafenib", cell_line="Huh7")
    result = therapy_cycles({"sorafenib": dose}, cycles=3, days_on=3.0, days_off=4.0,
                            cell_line="Huh7")
    assert result.t[-1] == pytest.approx(3 * 7 * 24.0)
    assert result.treated.sum() * (result.t[1] - result.t[0]) == pytest.approx(
        3 * 3 * 24.0, abs=1.0)
    assert result.stem_fraction[-1] > 1.3 * basal_stem_fraction("Huh7")
    gap = (result.t > 4 * 24.0) & (result.t <= 7 * 24.0)
    assert np.all(np.diff(result.total[gap]) > 0)
    assert np.all(result.total <= widgets.model.data_files.parameter_values()["culture_capacity"])


def test_a_schedule_continues_exactly_where_the_previous_stretch_ended():
    whole = widgets.simulate_populations({"sorafenib": 5.0}, 96.0, "Huh7")
    split = simulate_schedule([({"sorafenib": 5.0}, 48.0), ({"sorafenib": 5.0}, 48.0)], "Huh7")
    assert np.allclose(split.t, whole.t) and np.allclose(split.total, whole.total, rtol=1e-6)


@pytest.mark.parametrize("call, words", [
    (lambda: widgets.simulate_populations(cell_line="HuH-8"), ["'HuH-8'", "Huh7"]),
    (lambda: widgets.simulate_populations(hypoxia="yes"), ["'yes'", "True", "False"]),
    (lambda: widgets.simulate_populations(start_stem_fraction=1.5), ["1.5", "[0, 1]"]),
    (lambda: widgets.simulate_populations(hours=0.0), ["hours", "0"]),
    (lambda: widgets.simulate_populations({"sorafenib": -1.0}), ["-1", "sorafenib"]),
    (lambda: therapy_cycles({"sorafenib": 5.0}, cycles=0), ["cycles", "0", "1 to 20"]),
    (lambda: simulate_schedule([]), ["schedule", "none"]),
])
def test_bad_input_names_the_value_and_the_choices(call, words):
    with pytest.raises(ValueError) as error:
        call()
    for word in words:
        assert word in str(error.value)


def test_a_ten_day_simulation_never_returns_nan():
    result = widgets.simulate_populations({"sorafenib": 50.0, **CQ}, 240.0, "HepG2", True)
    for values in (result.stem, result.non_stem, result.stem_fraction):
        assert np.all(np.isfinite(values)) and np.all(values >= 0)


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.3, 0.9])
def test_the_isotype_gate_reports_the_stem_fraction_within_a_few_points(fraction):
    sample = stain(fraction, n_events=20_000, seed=1)
    gate = isotype_gate(sample)
    assert percent_positive(sample.isotype, gate) == pytest.approx(1.0, abs=0.1)
    assert abs(percent_positive(sample.cd133, gate) - 100 * fraction) < 12.0


def test_a_lower_gate_reports_more_positive_cells_and_a_seed_repeats_the_sample():
    sample = stain(0.3)
    assert percent_positive(sample.cd133, 1.5) > percent_positive(sample.cd133, 2.5)
    assert np.array_equal(stain(0.3, seed=4).cd133, stain(0.3, seed=4).cd133)
    assert not np.array_equal(stain(0.3, seed=4).cd133, stain(0.3, seed=5).cd133)


@pytest.mark.parametrize("call, words", [
    (lambda: stain(1.2), ["stem_fraction", "1.2"]),
    (lambda: stain(0.2, n_events=10), ["n_events", "10"]),
    (lambda: percent_positive(np.zeros(3), math.nan), ["gate", "nan"]),
])
def test_bad_cytometry_input_is_refused_clearly(call, words):
    with pytest.raises(ValueError) as error:
        call()
    for word in words:
        assert word in str(error.value)


def test_a_schedule_of_unequal_stretches_grows_as_one_stretch_of_the_same_length():
    """Each stretch keeps its own time step: 0.1 h then 100 h without drug is 100.1 h without drug."""
    from widgets.model.stem_cells import simulate_schedule

    split = simulate_schedule([({}, 0.1), ({}, 100.0)])
    whole = widgets.simulate_populations({}, 100.1)
    assert split.total[-1] == pytest.approx(whole.total[-1], rel=1e-4)
    assert split.stem_fraction[-1] == pytest.approx(whole.stem_fraction[-1], rel=1e-4)


def test_a_sorted_turnover_blot_reads_more_flux_in_cd133_cells_only_under_hypoxia():
    for treatments in ({}, {"sorafenib": 5.0}):
        normoxia, hypoxia = (sorted_turnover(treatments, culture) for culture in (False, True))
        assert normoxia.flux_readout["stem"] == pytest.approx(normoxia.flux_readout["non_stem"])
        assert hypoxia.flux_readout["stem"] > hypoxia.flux_readout["non_stem"] > \
            normoxia.flux_readout["non_stem"]
        assert hypoxia.p62["stem"][0] < hypoxia.p62["non_stem"][0] < normoxia.p62["stem"][0]
        for population in ("stem", "non_stem"):
            levels = hypoxia.lc3_ii[population]
            assert levels[1] > levels[0]                     # the inhibitor adds LC3-II
            assert hypoxia.true_flux[population] > normoxia.true_flux[population]


def test_the_sorted_turnover_blot_matches_the_populations_model_in_normoxia():
    from widgets.model.assays import turnover_blot

    sorted_cells = sorted_turnover({"sorafenib": 5.0}, False, "bafilomycin_a1", 0.1, 24.0, "Huh7")
    blot = turnover_blot({"sorafenib": 5.0}, "bafilomycin_a1", 0.1, 24.0, cell_line="Huh7")
    assert sorted_cells.true_flux["stem"] == pytest.approx(blot.true_flux["treated"])
    hypoxic = sorted_turnover({}, True, hours=72.0)
    populations = widgets.simulate_populations({}, 72.0, "Huh7", hypoxia=True)
    assert hypoxic.true_flux["stem"] == pytest.approx(populations.stem_flux[-1])
    assert hypoxic.true_flux["non_stem"] == pytest.approx(populations.non_stem_flux[-1])


@pytest.mark.parametrize("call, words", [
    (lambda: sorted_turnover({"chloroquine": 20.0}), ("already contains", "chloroquine")),
    (lambda: sorted_turnover(inhibitor="3_methyladenine"), ("lysosomal inhibitor", "bafilomycin_a1")),
    (lambda: sorted_turnover(hypoxia="yes"), ("hypoxia", "'yes'")),
])
def test_bad_turnover_input_names_the_value_and_the_choices(call, words):
    with pytest.raises(ValueError) as error:
        call()
    assert all(word in str(error.value) for word in words)
