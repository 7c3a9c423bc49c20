"""The autophagy-assay rules of the field (Klionsky et al. 2021), checked on the model."""
import numpy as np
import pytest

import widgets
from widgets.model import simulate_many, make_experiment

BAF = {"bafilomycin_a1": 0.1}  # 100 nM, the usual turnover-assay dose


@pytest.mark.parametrize("cell_line", widgets.CELL_LINES)
def test_untreated_cells_stay_at_basal_steady_state(cell_line):
    r = widgets.simulate({}, hours=72.0, cell_line=cell_line)
    for values in (r.lc3_i, r.lc3_ii, r.p62, r.flux, r.viability):
        np.testing.assert_allclose(values, 1.0, atol=1e-9)


def test_bafilomycin_raises_lc3_ii_and_p62_and_stops_flux():
    r = widgets.simulate(BAF, hours=24.0)
    assert r.lc3_ii[r.t == 4.0][0] > 2.0          # a clear band increase within 4 h
    assert np.all(np.diff(r.lc3_ii) > 0)           # LC3-II keeps accumulating
    assert r.p62[-1] > 1.5
    assert r.flux[r.t == 4.0][0] < 0.2


def test_inducer_raises_turnover_difference_and_lowers_p62():
    basal_difference = widgets.simulate(BAF, hours=4.0).lc3_ii[-1] - widgets.simulate({}, hours=4.0).lc3_ii[-1]
    induced = widgets.simulate({"rapamycin": 0.1}, hours=4.0).lc3_ii[-1]
    induced_baf = widgets.simulate({"rapamycin": 0.1, **BAF}, hours=4.0).lc3_ii[-1]
    assert induced_baf - induced > 1.3 * basal_difference
    assert widgets.simulate({"rapamycin": 0.1}, hours=24.0).p62[-1] < 0.8


@pytest.mark.parametrize("knockdown", [{"ATG7": 0.9}, {"ATG5": 0.99}])
def test_conjugation_knockdown_lowers_lc3_ii_raises_p62_and_removes_most_bafilomycin_effect(knockdown):
    wild_type_effect = widgets.simulate(BAF, hours=4.0).lc3_ii[-1] - 1.0
    control = widgets.simulate({}, hours=4.0, knockdown=knockdown)
    blocked = widgets.simulate(BAF, hours=4.0, knockdown=knockdown)
    assert control.lc3_ii[0] < 0.6
    assert control.p62[0] > 1.4
    assert blocked.lc3_ii[-1] - control.lc3_ii[-1] < 0.5 * wild_type_effect


def test_small_amount_of_atg5_suffices():
    """Hosokawa et al. 2006: halving ATG5 barely changes autophagy."""
    half = widgets.simulate({}, hours=1.0, knockdown={"ATG5": 0.5})
    assert half.lc3_ii[0] > 0.9


def test_more_lc3_ii_alone_is_ambiguous():
    """An inducer and a lysosomal block both raise LC3-II; only the flux tells them apart."""
    induced = widgets.simulate({"sorafenib": 5.0}, hours=4.0, cell_line="Huh7")
    blocked = widgets.simulate({"chloroquine": 20.0}, hours=4.0, cell_line="Huh7")
    assert induced.lc3_ii[-1] > 1.2 and blocked.lc3_ii[-1] > 1.2
    assert induced.flux[-1] > 1.0 > blocked.flux[-1]
    assert induced.p62[-1] < 1.0 < blocked.p62[-1]


def test_partial_lysosomal_block_lowers_steady_state_flux():
    """The first-order trap: a partial block must lower flux for good, not only enlarge pools."""
    r = widgets.simulate({"chloroquine": 20.0}, hours=72.0)
    assert r.flux[-1] < 0.85
    assert abs(r.flux[-1] - r.flux[-5]) < 1e-3   # really at steady state


def test_sorafenib_raises_flux_in_huh7_not_hep3b():
    huh7 = widgets.simulate({"sorafenib": 5.0}, hours=24.0, cell_line="Huh7")
    hep3b = widgets.simulate({"sorafenib": 5.0}, hours=24.0, cell_line="Hep3B")
    assert huh7.flux[-1] > 1.2
    assert hep3b.flux[-1] < 1.05


def test_lc3_mass_balance():
    """LC3 made = change in LC3 present + LC3-I turned over + LC3-II degraded in autolysosomes."""
    from widgets.model.api import pool_trajectories, time_grid
    from widgets.model.data_files import parameter_values
    from widgets.model.flux import lc3_flux

    p = parameter_values()
    t = time_grid(24.0)
    experiment = make_experiment({"sorafenib": 5.0, "chloroquine": 10.0}, {"ULK1": 0.5}, "HepG2")
    pools, steps = pool_trajectories([experiment], t)
    present = pools[0, :, :3].sum(axis=1)
    lost = p["lc3_i_turnover"] * pools[0, :, 0] + lc3_flux(pools, steps)[0]
    lost_so_far = np.concatenate([[0.0], np.cumsum(0.5 * (lost[1:] + lost[:-1]) * np.diff(t))])
    made = p["lc3_synthesis"] * t
    np.testing.assert_allclose(present - present[0] + lost_so_far, made, atol=1e-3 * made[-1])


def test_batch_matches_single_runs():
    experiments = [make_experiment({"doxorubicin": d}, {}, "Hep3B") for d in (0.0, 0.5, 2.0)]
    batch = simulate_many(experiments, 24.0)
    for i, dose in enumerate((0.0, 0.5, 2.0)):
        single = widgets.simulate({"doxorubicin": dose}, hours=24.0, cell_line="Hep3B")
        np.testing.assert_allclose(batch["lc3_ii"][i], single.lc3_ii)
        np.testing.assert_allclose(batch["viability"][i], single.viability)
